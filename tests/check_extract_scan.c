#include "config.h"

#include "check-main.h"

/*
 * check_extract_scan - the JSON-LD fast path (extract-scan.h) gives exactly
 * what the tree path gives: the same postings, field by field, the same
 * warnings, skip count and next page, on every saved real page (under
 * $JOBSTATS_DATA/pages), on generated bench pages and on hand-made tricky
 * pages; and it is taken where it should be (a tricky page that it must
 * read is read, one it must leave to the tree is left).
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench-speed.h"
#include "board.h"
#include "buf.h"
#include "extract-internal.h"
#include "extract-scan.h"
#include "testutil.h"
#include "xalloc.h"

static void same_str(const char *what, size_t i, const char *field, const char *fast,
		     const char *tree, struct buf *diff)
{
	if ((fast == NULL) != (tree == NULL) || (fast != NULL && strcmp(fast, tree) != 0))
		buf_printf(diff, "%s: posting %zu %s: fast '%s', tree '%s'\n", what, i, field,
			   fast ? fast : "(null)", tree ? tree : "(null)");
}

static void same_posting(const char *what, size_t i, const struct raw_posting *f,
			 const struct raw_posting *t, struct buf *diff)
{
#define SAME(field) same_str(what, i, #field, f->field, t->field, diff)
	SAME(title); SAME(company); SAME(location); SAME(remote); SAME(country);
	SAME(applicant_country); SAME(level); SAME(employment_type); SAME(salary_text);
	SAME(url); SAME(external_id); SAME(description); SAME(posted); SAME(strategy);
#undef SAME
	if (memcmp(&f->salary_hints, &t->salary_hints, sizeof(f->salary_hints)) != 0)
		buf_printf(diff, "%s: posting %zu salary_hints differ\n", what, i);
}

/* Both paths on one page; the differences, empty when none.  *fast: was it taken? */
static char *compare(const char *html, size_t len, const char *url, const char *what, int *fast)
{
	struct extract_result f, t;
	struct page_scan scan;
	struct buf diff = BUF_INIT;
	char *ef = NULL, *et = NULL;
	int rf, rt;
	size_t i;

	*fast = scan_page(html, len, url, test_bench_boards(), &scan);
	if (*fast)
		page_scan_release(&scan);
	extract_result_init(&f);
	extract_result_init(&t);
	rf = extract_page(html, len, url, test_bench_boards(), &f, &ef);
	rt = extract_page_tree(html, len, url, test_bench_boards(), &t, &et);
	if (rf != rt)
		buf_printf(&diff, "%s: returns %d (fast) and %d (tree)\n", what, rf, rt);
	same_str(what, 0, "error", ef, et, &diff);
	same_str(what, 0, "next_url", f.next_url, t.next_url, &diff);
	if (f.count != t.count || f.nwarnings != t.nwarnings || f.skipped != t.skipped)
		buf_printf(&diff, "%s: %zu/%zu/%zu postings/warnings/skipped (fast), %zu/%zu/%zu (tree)\n",
			   what, f.count, f.nwarnings, f.skipped, t.count, t.nwarnings, t.skipped);
	for (i = 0; i < f.count && i < t.count; i++)
		same_posting(what, i, &f.postings[i], &t.postings[i], &diff);
	for (i = 0; i < f.nwarnings && i < t.nwarnings; i++)
		same_str(what, i, "warning", f.warnings[i], t.warnings[i], &diff);
	extract_result_release(&f);
	extract_result_release(&t);
	free(ef);
	free(et);
	return buf_detach(&diff);
}

static void check_same(const char *html, size_t len, const char *url, const char *what, int *fast)
{
	char *diff = compare(html, len, url, what, fast);

	ck_assert_msg(*diff == '\0', "%s", diff);
	free(diff);
}

/* Hand-made pages: want_fast 1 when the scan must read it, 0 when it must leave it. */
static const struct {
	const char *name, *html;
	int want_fast;
} tricky[] = {
#define JOB(t) "{\"@context\":\"https://schema.org\",\"@type\":\"JobPosting\",\"title\":\"" t "\"," \
	"\"hiringOrganization\":{\"@type\":\"Organization\",\"name\":\"Acme\"}," \
	"\"description\":\"<p>Build things &amp; more</p><ul><li>SQL</li></ul>\"}"
	{ "plain", "<html><head><script type=\"application/ld+json\">" JOB("Data Engineer")
	  "</script></head><body><h1>Data Engineer</h1></body></html>", 1 },
	{ "script in comment", "<html><body><!-- <script type=\"application/ld+json\">"
	  JOB("Hidden") "</script> --><script type=\"application/ld+json\">" JOB("Shown")
	  "</script></body></html>", 1 },
	{ "escaped end tag in JSON", "<script type=\"application/ld+json\">{\"@type\":\"JobPosting\","
	  "\"title\":\"Analyst\",\"description\":\"<p>a<\\/script>b</p>\"}</script><p>x</p>", 1 },
	{ "uppercase tags", "<HTML><BODY><SCRIPT TYPE=\"APPLICATION/LD+JSON\">" JOB("Upper")
	  "</SCRIPT></BODY></HTML>", 1 },
	{ "single-quoted type", "<body><script type='application/ld+json'>" JOB("Single")
	  "</script></body>", 1 },
	{ "unquoted type", "<body><script type=application/ld+json>" JOB("Unquoted")
	  "</script></body>", 1 },
	{ "type with parameters", "<body><script type=\"application/ld+json; charset=utf-8\">"
	  JOB("Params") "</script><script type=\"application/ld+json\">" JOB("Plain")
	  "</script></body>", 1 },
	{ "type with blanks", "<body><script type=\" application/ld+json \">" JOB("Blanks")
	  "</script><script type=\"application/ld+json\">" JOB("Plain") "</script></body>", 1 },
	{ "type with an entity", "<body><script type=\"application&#47;ld+json\">" JOB("Entity")
	  "</script></body>", 0 },
	{ "multiple blocks", "<body><script type=\"application/ld+json\">" JOB("One")
	  "</script><script type=\"application/ld+json\">{\"@type\":\"Organization\",\"name\":\"Acme\"}"
	  "</script><script type=\"application/ld+json\">" JOB("Two") "</script></body>", 1 },
	{ "graph", "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
	  "\"@graph\":[{\"@type\":\"WebPage\",\"name\":\"x\"}," JOB("In graph") "]}</script>", 1 },
	{ "array", "<script type=\"application/ld+json\">[" JOB("First") "," JOB("Second")
	  "]</script>", 1 },
	{ "not a posting", "<script type=\"application/ld+json\">{\"@type\":\"BreadcrumbList\","
	  "\"itemListElement\":[]}</script>", 1 },
	{ "BOM", "\xef\xbb\xbf<!DOCTYPE html><html><script type=\"application/ld+json\">\xef\xbb\xbf"
	  JOB("After BOM") "</script></html>", 1 },
	{ "other scripts' bodies", "<script>var s='<script type=\"application/ld+json\">"
	  "{\"@type\":\"JobPosting\",\"title\":\"Fake\"}';</script><style>p{}</style>"
	  "<script type=\"application/ld+json\">" JOB("Real") "</script>", 1 },
	{ "CDATA wrapper", "<script type=\"application/ld+json\">//<![CDATA[\n" JOB("Wrapped")
	  "\n//]]></script>", 1 },
	{ "broken JSON repaired", "<script type=\"application/ld+json\">{\"@type\":\"JobPosting\","
	  "\"title\":\"Trailing\",}</script>", 1 },
	{ "invalid JSON", "<script type=\"application/ld+json\">{\"@type\":\"JobPosting\","
	  "\"title\":}</script>", 1 },
	{ "no title", "<script type=\"application/ld+json\">{\"@type\":\"JobPosting\","
	  "\"identifier\":\"42\"}</script>", 1 },
	{ "rel next", "<script type=\"application/ld+json\">" JOB("Paged") "</script>"
	  "<a rel=\"next\" href=\"/page/2\">next</a><link rel=next href=\"/page/3\">", 1 },
	{ "conditional comment", "<!--[if IE]><!--><p>x</p><!--<![endif]--><script type="
	  "\"application/ld+json\">" JOB("Cond") "</script>", 1 },
	{ "other links with entities", "<link rel=\"stylesheet\" href=\"/a.css?v=1&amp;x=2\">"
	  "<a href=\"/x?a=1&amp;b=2\">x</a><script type=\"application/ld+json\">" JOB("Amp")
	  "</script>", 1 },
	{ "rel next with entity", "<script type=\"application/ld+json\">" JOB("Paged")
	  "</script><a rel=\"next\" href=\"/list?a=1&amp;page=2\">next</a>", 0 },
	{ "base", "<base href=\"https://other.test/\"><script type=\"application/ld+json\">"
	  JOB("Based") "</script>", 0 },
	{ "microdata", "<div itemscope itemtype=\"https://schema.org/JobPosting\">"
	  "<span itemprop=\"title\">Micro</span></div><script type=\"application/ld+json\">"
	  JOB("Json") "</script>", 0 },
	{ "board layout matches", "<ol class=\"list-recent-jobs\"><li>x</li></ol>"
	  "<script type=\"application/ld+json\">" JOB("Card") "</script>", 0 },
	{ "board class behind a reference", "<ol class=\"list&#45;recent-jobs\"><li>x</li></ol>"
	  "<script type=\"application/ld+json\">" JOB("Ref") "</script>", 0 },
	{ "Hacker News title", "<title>Ask HN: Who is hiring? | Hacker News</title>"
	  "<script type=\"application/ld+json\">" JOB("HN") "</script>", 0 },
	{ "unclosed script", "<script type=\"application/ld+json\">" JOB("Open"), 0 },
	{ "self-closed script", "<script type=\"application/ld+json\"/>" JOB("Self"), 0 },
	{ "control byte", "<script type=\"application/ld+json\">{\"@type\":\"JobPosting\","
	  "\"title\":\"A\x01 B\"}</script>", 0 },
	{ "CRLF", "<script type=\"application/ld+json\">\r\n" JOB("Crlf") "\r\n</script>", 0 },
	{ "invalid UTF-8", "<script type=\"application/ld+json\">" JOB("Caf\xe9") "</script>", 0 },
	{ "comment ends early", "<!--> <script type=\"application/ld+json\">" JOB("Early")
	  "</script> -->", 0 },
	{ "deep nesting", "<script type=\"application/ld+json\">" JOB("Deep") "</script>"
	  "<span><div></span><span><div></span><span><div></span>", 1 },
	{ "latin-1 charset declared", "<meta charset=\"iso-8859-1\"><script type="
	  "\"application/ld+json\">" JOB("Caf\xc3\xa9") "</script>", 1 },
	{ "script end tag prefix", "<script type=\"application/ld+json\">" JOB("Prefix")
	  "</scripts><p>after</p>", 0 },
	{ "script end tag with blanks", "<script type=\"application/ld+json\">" JOB("Blank")
	  "</script ><p>after</p>", 1 },
	{ "long tag name", "<script type=\"application/ld+json\">" JOB("Long") "</script>"
	  "<aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	  "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa>x</aaaa>", 0 },
	{ "long attribute name", "<script type=\"application/ld+json\">" JOB("Long") "</script>"
	  "<p bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
	  "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb=1>x</p>", 0 },
	{ "no JSON-LD", "<html><body><h1>Nothing</h1></body></html>", 0 },
	/* Review of 2026-11-29: */
	{ "surrogate halves in UTF-8", "<script type=\"application/ld+json\">"
	  JOB("Emoji \xed\xa0\xbd\xed\xb8\x80") "</script>", 0 },
	{ "overlong UTF-8", "<script type=\"application/ld+json\">" JOB("Over\xe0\x80\xaf")
	  "</script>", 0 },
	/* found by fuzz-extract in CI: libxml2 reads "</sript ...>" at the start of
	 * a script as a stray end tag, not as the script's text */
	{ "script body starting with an end tag", "<script type=\"application/ld+json\"></sript "
	  "type=\"application/ld+json\">   </script><script type=\"application/ld+json\">"
	  JOB("After") "</script>", 0 },
	{ "'<' before an underscore", "<_x title=\"<script type='application/ld+json'>\">"
	  "<script type=\"application/ld+json\">" JOB("Under") "</script>", 0 },
#undef JOB
};
#define NTRICKY ((int)(sizeof(tricky) / sizeof(tricky[0])))

START_TEST(test_tricky)
{
	int fast;

	check_same(tricky[_i].html, strlen(tricky[_i].html), "https://jobs.example.test/job/1",
		   tricky[_i].name, &fast);
	ck_assert_msg(fast == tricky[_i].want_fast, "%s: fast path %s", tricky[_i].name,
		      fast ? "taken" : "not taken");
}
END_TEST

/* Nesting as deep as libxml2 refuses: the tree stops and warns, so the scan must give up. */
START_TEST(test_too_deep)
{
	struct buf b = BUF_INIT;
	int i, fast;

	buf_appends(&b, "<script type=\"application/ld+json\">{\"@type\":\"JobPosting\","
		    "\"title\":\"Deep\"}</script>");
	for (i = 0; i < 300; i++)
		buf_appends(&b, "<span><div></span>");
	buf_appends(&b, "<script type=\"application/ld+json\">{\"@type\":\"JobPosting\","
		    "\"title\":\"Lost\"}</script>");
	check_same(b.data, b.len, "https://jobs.example.test/job/1", "too deep", &fast);
	ck_assert(!fast);
	buf_release(&b);
}
END_TEST

START_TEST(test_bench_pages)
{
	static const enum bench_shape shapes[] = { SHAPE_DETAIL_JSONLD, SHAPE_LISTING_JSONLD,
						   SHAPE_LISTING_RULES };
	struct bench_corpus c;
	size_t i, nfast = 0;
	int fast;

	bench_corpus_make(&c, "check", shapes[_i], _i == 0 ? 8 : 2);
	for (i = 0; i < c.n; i++) {
		check_same(c.pages[i].html, c.pages[i].len, c.pages[i].url, c.pages[i].url, &fast);
		nfast += (size_t)fast;
	}
	/* The detail pages are what the fast path is for; the listings need their cards. */
	ck_assert_uint_eq(nfast, _i == 0 ? c.n : 0);
	bench_corpus_release(&c);
}
END_TEST

/* jget (json_member, json-value.c) picks members as MEMBER_SQL did. */
START_TEST(test_member_case)
{
	static const struct {
		const char *json, *title;
	} cases[] = {
		{ "{\"@type\":\"JobPosting\",\"Title\":\"Other case\"}", "Other case" },
		{ "{\"@type\":\"JobPosting\",\"Title\":\"No\",\"title\":\"Exact\"}", "Exact" },
		{ "{\"@type\":\"JobPosting\",\"title\":null,\"name\":\"By name\"}", "By name" },
		{ "{\"@type\":\"JobPosting\",\"title\":42}", "42" },
	};
	struct extract_result r;
	size_t i;
	char *page, *err = NULL;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		page = xasprintf("<script type=\"application/ld+json\">%s</script>", cases[i].json);
		extract_result_init(&r);
		ck_assert_int_eq(extract_page(page, strlen(page), NULL, NULL, &r, &err), 0);
		ck_assert_uint_eq(r.count, 1);
		ck_assert_str_eq(r.postings[0].title, cases[i].title);
		extract_result_release(&r);
		free(page);
	}
}
END_TEST

static char **real_pages;
static size_t nreal;

/* Every saved page, under a neutral URL, none, and Hacker News's. */
START_TEST(test_real_page)
{
	static const char *const urls[] = { "https://jobs.example.test/job/1", NULL,
					    "https://news.ycombinator.com/item?id=1" };
	size_t len, i;
	char *html = test_read_file(real_pages[_i], &len), *what;
	int fast;

	ck_assert_msg(html != NULL, "cannot read %s", real_pages[_i]);
	for (i = 0; i < sizeof(urls) / sizeof(urls[0]); i++) {
		what = xasprintf("%s (url %s)", real_pages[_i], urls[i] ? urls[i] : "none");
		check_same(html, len, urls[i], what, &fast);
		if (i == 0 && fast)
			printf("fast path: %s\n", real_pages[_i]);
		free(what);
	}
	free(html);
}
END_TEST

/*
 * A layout is ruled out only when the page cannot hold its match: a word
 * spelt with a named reference (f&uuml;r), or an attribute read through the
 * attribute axis, must not rule it out (review of 2026-11-29).
 */
static const struct {
	const char *match, *html;
	int excluded;
} exclusions[] = {
	{ "//div[@aria-label = 'Stellen f\xc3\xbcr Sie']", "<div aria-label=\"Stellen f&uuml;r Sie\">", 0 },
	{ "//div[@aria-label = 'Stellen f\xc3\xbcr Sie']", "<div aria-label=\"Stellen f\xc3\xbcr Sie\">", 0 },
	{ "//div[@aria-label = 'Stellen f\xc3\xbcr Sie']", "<div aria-label=\"Jobs\">", 1 },
	{ "//div[attribute::class = 'jobs']", "<div class=\"jobs\">", 0 },
	{ "//div[has-class('job-list')]", "<div class=\"other\">", 1 },
	{ "//div[has-class('job-list')]", "<div class=\"job&#45;list\">", 0 },
};

START_TEST(test_exclusion)
{
	char *text = xasprintf("host x.test\nlayout one\nmatch %s\nposting //div\n"
			       "title ./h2\n", exclusions[_i].match);
	struct board_set set = { xcalloc(1, sizeof(struct board)), 1, 0 };
	char *err = NULL;
	const char *html = exclusions[_i].html;

	ck_assert_msg(board_parse(text, "one", "one.rules", &set.v[0], &err) == 0, "%s", err);
	ck_assert_int_eq(scan_rules_excluded(html, strlen(html), &set), exclusions[_i].excluded);
	board_set_release(&set);
	free(text);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("extract_scan");
	TCase *tc = tcase_create("tricky"), *real;

	tcase_add_loop_test(tc, test_tricky, 0, NTRICKY);
	tcase_add_test(tc, test_too_deep);
	tcase_add_test(tc, test_member_case);
	tcase_add_loop_test(tc, test_exclusion, 0,
			    (int)(sizeof(exclusions) / sizeof(exclusions[0])));
	tcase_add_loop_test(tc, test_bench_pages, 0, 3);
	tcase_set_timeout(tc, 120);
	suite_add_tcase(s, tc);
	real_pages = test_real_pages(&nreal);
	if (nreal == 0)
		return s;
	real = tcase_create("real");	/* only when added: the suite frees what it holds */
	tcase_add_loop_test(real, test_real_page, 0, (int)nreal);
	tcase_set_timeout(real, 300);
	suite_add_tcase(s, real);
	return s;
}
