/*
 * check_board_path.c - the simple paths of board rules read by a tree walk
 * (src/board-path.c) select exactly the nodes XPath selects, in the same
 * order: on small pages written for the corner cases (nested matches,
 * attributes, '*', absolute paths), and for every simple path of every
 * shipped board on the real pages in $JOBSTATS_DATA/pages, at the page, at
 * each posting a layout finds and at a sample of all elements.
 */
#include "config.h"

#include "check-main.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "board.h"
#include "buf.h"
#include "extract-internal.h"
#include "html.h"
#include "testutil.h"
#include "xalloc.h"

struct compile_case {
	const char *text;
	int simple;		/* does board_path_compile take it? */
};

static const struct compile_case compile_cases[] = {
	{ "./h2[@class = 'job-title']/a", 1 },
	{ "./h2[@class='job-title']/a/@href", 1 },
	{ "./@data-job-id", 1 },
	{ "@data-jobid", 1 },
	{ "h1/a", 1 },
	{ "/html", 1 },
	{ "//div[@id = 'results']/article[has-class('job-card')]", 1 },
	{ "//div[has-class('jobsearch-SerpJobCard')][@data-jk]", 1 },
	{ ".//*[@data-testid=\"text-location\"]", 1 },
	{ "//meta[@property='og:url']/@content", 1 },
	{ ".//h2[has-class('title')]/a", 1 },
	{ ".", 0 },
	{ "..", 0 },
	{ "//", 0 },
	{ "//@href", 0 },
	{ "a//@href", 0 },
	{ ".//a//span", 0 },
	{ "//li[1]", 0 },
	{ "//li[@a = 'x' and @b]", 0 },
	{ "//li[@a != 'x']", 0 },
	{ "//a/text()", 0 },
	{ "self::a[@href]/@href", 0 },
	{ "following-sibling::p[has-class('subT')][1]/span[1]", 0 },
	{ "normalize-space(.//b)", 0 },
	{ "//a | //b", 0 },
	{ "(//li)[1]", 0 },
	{ "//a[contains(@href, 'x')]", 0 },
	{ "//x:a", 0 },
	{ " //a", 0 },
	{ "//a ", 0 },
	{ "//a[@b = 'c]", 0 },
	{ "//a[has-class('c')='d']", 0 },
};

START_TEST(test_compile)
{
	const struct compile_case *c = &compile_cases[_i];
	struct board_path *p = board_path_compile(c->text);

	ck_assert_msg((p != NULL) == c->simple, "'%s': simple %d, want %d", c->text, p != NULL,
		      c->simple);
	board_path_free(p);
}
END_TEST

/* Fail unless the path at node selects what the compiled XPath selects. */
static void same_nodes(xmlXPathContextPtr x, const char *text, const struct board_path *p,
		       xmlXPathCompExprPtr xp, xmlNodePtr node, const char *where)
{
	struct board_nodes got = { NULL, 0, 0 };
	unsigned long ops = 0;
	xmlXPathObjectPtr want;
	xmlNodeSetPtr set;
	int i, n;

	x->node = node;
	want = xmlXPathCompiledEval(xp, x);
	ck_assert_msg(want != NULL && want->type == XPATH_NODESET, "'%s': no node set", text);
	set = want->nodesetval;
	n = set ? set->nodeNr : 0;
	ck_assert_int_eq(board_path_eval(p, node, &got, &ops, 0), 0);
	ck_assert_msg((int)got.n == n, "%s: '%s' at a <%s>: %zu nodes, XPath %d", where, text,
		      node->name ? (const char *)node->name : "document", got.n, n);
	for (i = 0; i < n; i++)
		ck_assert_msg(got.v[i] == set->nodeTab[i], "%s: '%s': node %d differs", where, text,
			      i);
	free(got.v);
	xmlXPathFreeObject(want);
}

/* Every element below node (and node), in document order. */
static void all_elements(xmlNodePtr node, xmlNodePtr **v, size_t *n)
{
	xmlNodePtr c;

	*v = xreallocarray(*v, *n + 1, sizeof(**v));
	(*v)[(*n)++] = node;
	for (c = node->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			all_elements(c, v, n);
}

/* The path and XPath agree at the document and at every step-th element. */
static void compare_at_elements(xmlDocPtr doc, const char *text, size_t step, const char *where)
{
	xmlXPathContextPtr x = rules_context(doc);
	xmlXPathCompExprPtr xp = xmlXPathCtxtCompile(x, (const xmlChar *)text);
	struct board_path *p = board_path_compile(text);
	xmlNodePtr *v = NULL;
	size_t i, n = 0;

	ck_assert_msg(xp != NULL && p != NULL, "'%s' does not compile", text);
	same_nodes(x, text, p, xp, (xmlNodePtr)doc, where);
	all_elements(xmlDocGetRootElement(doc), &v, &n);
	for (i = 0; i < n; i += step)
		same_nodes(x, text, p, xp, v[i], where);
	free(v);
	board_path_free(p);
	xmlXPathFreeCompExpr(xp);
	xmlXPathFreeContext(x);
}

static const char small_page[] =
	"<!DOCTYPE html><html><head><title>t</title>"
	"<meta property='og:url' content='https://x.example/jobs/1'></head><body>"
	"<div id='results' class='a b'>"
	"<div class='card job' data-id='1'><h2 class='t'><a href='/1'>One</a></h2>"
	"<div class='card' data-id='1b'><h2 class='t'><a href='/1b'>Inner</a></h2>"
	"<span class='x'>in</span></div><span class='x'>out</span><span class='x' hidden>h</span></div>"
	"<article class='job-card' data-job-id='7'><h2 class='job-title'><a href='/7'>Seven</a></h2>"
	"<div class='meta'><span class='company'>Acme</span><time datetime='2024-01-02'>x</time>"
	"</div><div class='description'><p>lots</p><div class='meta'><span class='company'>"
	"Not</span></div></div></article>"
	"</div><div id='results'><article class='job-card other'><h2 class='job-title'>"
	"<a href=''>Empty</a></h2></article></div>"
	"<a class='next' href='?p=2'>next</a><a class='next'>no href</a></body></html>";

static const char *const small_paths[] = {
	"//div[@id = 'results']/article[has-class('job-card')]",
	"//div[has-class('card')]", "//div[has-class('card')]/span[@class='x']",
	"//div[has-class('card')]/span", "//div/span", ".//span", "./span",
	"//*[@data-id]", "//*[@data-id]/@data-id", "//div[@class]/@class", "*", "*/*", "./*/@class",
	"./h2[@class = 'job-title']/a", "./h2[@class = 'job-title']/a/@href", "./@data-job-id",
	"@data-id", "./div[@class = 'meta']/span[@class = 'company']",
	"./div[@class = 'meta']/time/@datetime", "./div[@class = 'description']",
	"//a[@class = 'next']/@href", "/html", "/html/body/div", "/html//a", "//meta[@property="
	"'og:url']/@content", "//span[@hidden]", "//span[@hidden = '']", "h2/a", "//a[@href='']",
	"//div[has-class('a')][has-class('b')]", "//div[@id='results'][has-class('b')]/div",
};

START_TEST(test_small_page)
{
	htmlDocPtr doc = html_parse(small_page, strlen(small_page), NULL, NULL);
	size_t i;

	ck_assert_ptr_nonnull(doc);
	for (i = 0; i < sizeof(small_paths) / sizeof(small_paths[0]); i++)
		compare_at_elements(doc, small_paths[i], 1, "small page");
	xmlFreeDoc(doc);
}
END_TEST

/* Over the step limit a path selects nothing, and says so; the steps count. */
START_TEST(test_step_limit)
{
	htmlDocPtr doc = html_parse(small_page, strlen(small_page), NULL, NULL);
	struct board_path *p = board_path_compile("//span");
	struct board_nodes got = { NULL, 0, 0 };
	unsigned long ops = 0;

	ck_assert_int_eq(board_path_eval(p, (xmlNodePtr)doc, &got, &ops, 1000), 0);
	ck_assert_int_eq(got.n, 5);
	ck_assert_uint_gt(ops, 20);
	ops = 995;
	ck_assert_int_eq(board_path_eval(p, (xmlNodePtr)doc, &got, &ops, 1000), -1);
	ck_assert_int_eq(got.n, 0);
	ck_assert_uint_ge(ops, 1000);
	ck_assert_int_eq(board_path_eval(p, (xmlNodePtr)doc, &got, &ops, 1000), -1);
	free(got.v);
	board_path_free(p);
	xmlFreeDoc(doc);
}
END_TEST

static char *pages_dir;
static char **page_files;
static size_t npages;

/* The nodes the layout's posting XPath finds on the page. */
static xmlXPathObjectPtr postings_of(xmlXPathContextPtr x, const struct board_layout *l)
{
	if (l->posting.n == 0 || l->posting.v[0].xpath == NULL)
		return NULL;
	x->node = (xmlNodePtr)x->doc;
	return xmlXPathCompiledEval(l->posting.v[0].xpath, x);
}

/* Every simple path of the rule agrees with XPath at the contexts. */
static void compare_rule(xmlXPathContextPtr x, const struct board_rule *r, xmlNodePtr *ctx,
			 size_t nctx, const char *where)
{
	size_t i, j;

	for (i = 0; i < r->n; i++)
		for (j = 0; r->v[i].path != NULL && j < nctx; j++)
			same_nodes(x, r->v[i].text, r->v[i].path, r->v[i].xpath, ctx[j], where);
}

static void compare_layout(xmlXPathContextPtr x, const struct board_layout *l, xmlNodePtr *sample,
			   size_t nsample, const char *where)
{
	xmlXPathObjectPtr o = postings_of(x, l);
	xmlNodeSetPtr set = o && o->type == XPATH_NODESET ? o->nodesetval : NULL;
	xmlNodePtr *ctx = NULL;
	size_t nctx = 0;
	int f, i;

	ctx = xreallocarray(ctx, nsample + (set ? (size_t)set->nodeNr : 0) + 1, sizeof(*ctx));
	memcpy(ctx, sample, nsample * sizeof(*ctx));
	nctx = nsample;
	for (i = 0; set != NULL && i < set->nodeNr; i++)
		ctx[nctx++] = set->nodeTab[i];
	compare_rule(x, &l->match, ctx, 1, where);
	compare_rule(x, &l->posting, ctx, 1, where);
	compare_rule(x, &l->next, ctx, 1, where);
	for (f = 0; f < BOARD_NFIELDS; f++)
		compare_rule(x, &l->field[f], ctx, nctx, where);
	free(ctx);
	xmlXPathFreeObject(o);
}

START_TEST(test_real_page)
{
	const struct board_set *boards = test_shipped_boards();
	char *html;
	size_t len, i, j, nall = 0, nsample = 0;
	htmlDocPtr doc;
	xmlXPathContextPtr x;
	xmlNodePtr *all = NULL, *sample;

	html = test_read_file(page_files[_i], &len);
	doc = html_parse(html, len, NULL, NULL);
	ck_assert_ptr_nonnull(doc);
	x = rules_context(doc);
	rules_quiet(1);
	all_elements(xmlDocGetRootElement(doc), &all, &nall);
	sample = xcalloc(nall / 97 + 2, sizeof(*sample));
	sample[nsample++] = (xmlNodePtr)doc;
	for (i = 0; i < nall; i += 97)
		sample[nsample++] = all[i];
	for (i = 0; i < boards->n; i++)
		for (j = 0; j < boards->v[i].nlayouts; j++)
			compare_layout(x, &boards->v[i].layouts[j], sample, nsample, page_files[_i]);
	rules_quiet(0);
	free(sample);
	free(all);
	xmlXPathFreeContext(x);
	xmlFreeDoc(doc);
	free(html);
}
END_TEST

/* The shipped boards do read many of their fields by simple paths. */
START_TEST(test_shipped_simple)
{
	const struct board_set *boards = test_shipped_boards();
	size_t i, j, k, simple = 0, all = 0;
	int f;

	for (i = 0; i < boards->n; i++)
		for (j = 0; j < boards->v[i].nlayouts; j++)
			for (f = 0; f < BOARD_NFIELDS; f++)
				for (k = 0; k < boards->v[i].layouts[j].field[f].n; k++) {
					all += boards->v[i].layouts[j].field[f].v[k].xpath != NULL;
					simple += boards->v[i].layouts[j].field[f].v[k].path != NULL;
				}
	ck_assert_msg(simple * 3 > all, "%zu of %zu field paths simple", simple, all);
}
END_TEST

/* A worker thread's copy of the boards (board_set_copy) reads the same
 * paths by the same walks, not by XPath alone. */
START_TEST(test_copy_keeps_walks)
{
	const struct board_set *boards = test_shipped_boards();
	struct board_set copy = { 0 };
	size_t i, j, k, walks = 0;
	int f;

	board_set_copy(boards, &copy);
	ck_assert_uint_eq(copy.n, boards->n);
	for (i = 0; i < boards->n; i++)
		for (j = 0; j < boards->v[i].nlayouts; j++)
			for (f = 0; f < BOARD_NFIELDS; f++)
				for (k = 0; k < boards->v[i].layouts[j].field[f].n; k++) {
					const struct board_expr *a = &boards->v[i].layouts[j].field[f].v[k];
					const struct board_expr *b = &copy.v[i].layouts[j].field[f].v[k];

					ck_assert_str_eq(b->text, a->text);
					ck_assert_int_eq(b->path != NULL, a->path != NULL);
					walks += b->path != NULL;
				}
	ck_assert_uint_gt(walks, 0);
	board_set_release(&copy);
}
END_TEST

Suite *test_suite(void)
{
	const char *data = getenv("JOBSTATS_DATA");
	Suite *s = suite_create("board_path");
	TCase *tc = tcase_create("core"), *real = tcase_create("real");
	struct stat st;

	tcase_add_loop_test(tc, test_compile, 0,
			    (int)(sizeof(compile_cases) / sizeof(compile_cases[0])));
	tcase_add_test(tc, test_small_page);
	tcase_add_test(tc, test_step_limit);
	tcase_add_test(tc, test_shipped_simple);
	tcase_add_test(tc, test_copy_keeps_walks);
	suite_add_tcase(s, tc);
	pages_dir = data && *data ? xasprintf("%s/pages", data) : test_srcdir_path("../shared/data/pages");
	if (stat(pages_dir, &st) == 0)
		page_files = test_list_files(pages_dir, ".htm", &npages);
	else
		printf("real pages not present at %s (set JOBSTATS_DATA): their test skipped\n",
		       pages_dir);
	tcase_set_timeout(real, 300);
	tcase_add_loop_test(real, test_real_page, 0, (int)npages);
	suite_add_tcase(s, real);
	return s;
}
