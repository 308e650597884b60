/*
 * check_board.c - board rules files: the parser (errors name the line and
 * what is wrong), host matching, and what rules read from small pages
 * shaped like real boards' (fallbacks, attributes, has-class, next links,
 * JSON in scripts, the choice of board, the merge with JSON-LD, bounds).
 */
#include "config.h"

#include "check-main.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "board.h"
#include "buf.h"
#include "extract.h"
#include "xalloc.h"

struct parse_error_case {
	const char *text;
	const char *error;	/* a part of the message */
};

static const struct parse_error_case parse_errors[] = {
	{ "", "t.rules: no rules" },
	{ "# only a comment\n", "no rules" },
	{ "match //a\nposting //b\n", "layout has no 'title'" },
	{ "match //a\ntitle .\n", "layout has no 'posting'" },
	{ "posting //a\ntitle .\n", "layout has no 'match'" },
	{ "match //a\nfrobnicate x\n", "t.rules:2: unknown directive 'frobnicate'" },
	{ "title\n", "t.rules:1: 'title' has no value" },
	{ "match //a[\n", "t.rules:1: invalid XPath '//a['" },
	{ "match //a\nposting //a\ntitle concat(\n", "t.rules:3: invalid XPath 'concat('" },
	{ "match //a\nposting //a\ntitle has_class('x')\n", "t.rules:3: invalid XPath 'has_class('x')'" },
	{ "match //a\nposting //a\ntitle substring-after(.)\n", "t.rules:3: invalid XPath" },
	{ "layout a\nmatch //a\nposting //a\ntitle .\nlayout a\n", "t.rules:5: layout 'a' is defined twice" },
	{ "match //a\nlayout b\n", "t.rules:2: layout 'b' starts after rules that belong to no layout" },
	{ "layout a\nlabel X\n", "t.rules:2: 'label' belongs before the first layout" },
	{ "label X\nlabel Y\n", "t.rules:2: 'label' is given twice" },
	{ "host https://www.indeed.com/jobs\n", "t.rules:1: host 'https://www.indeed.com/jobs' is not a host name" },
	{ "match //s\njson //script\nposting items\n", "t.rules:3: 'items' is not a JSON path" },
	{ "match //s\njson //script\nposting $.jobs\ntitle .//h2\n", "t.rules:4: './/h2' is not a JSON path" },
	{ "match //a\nposting //a\ntitle .\njson //s\n", "t.rules:4: 'json' must come before" },
	{ "match //a\nposting //a\ntitle .\njson-after x=\n", "layout has json-after but no json" },
	{ "match //a\nposting //a\nposting //b\n", "t.rules:3: 'posting' is given twice in one layout" },
};

START_TEST(test_parse_error)
{
	const struct parse_error_case *c = &parse_errors[_i];
	struct board b;
	char *err = NULL;

	ck_assert_msg(board_parse(c->text, "t", "t.rules", &b, &err) == -1,
		      "accepted: %s", c->text);
	ck_assert_msg(err != NULL && strstr(err, c->error) != NULL,
		      "rules %s: want an error with '%s', got '%s'", c->text, c->error,
		      err ? err : "(none)");
	free(err);
}
END_TEST

START_TEST(test_parse_ok)
{
	static const char text[] =
		"# Indeed, two layouts\n"
		"label Indeed  search\n"
		"host  Indeed.COM\n"
		"host  .indeed.co.uk\n"
		"layout serp\n"
		"  match   //div[@id='mosaic']\n"
		"  posting //div[has-class('job_seen_beacon')]\n"
		"  title   .//h2//span[@title]/@title\n"
		"  title   .//h2\n"
		"  url     .//a[@href != '#top']/@href\n"
		"layout viewjob\n"
		"  match //script[contains(., 'window._initialData')]\n"
		"  json //script[contains(., 'window._initialData')]\n"
		"  json-after window._initialData=\n"
		"  posting $.jobInfo\n"
		"  title $.title\n";
	struct board b;
	char *err = NULL;

	ck_assert_msg(board_parse(text, "indeed", NULL, &b, &err) == 0, "%s", err);
	ck_assert_str_eq(b.label, "Indeed search");
	ck_assert_uint_eq(b.nhosts, 2);
	ck_assert_str_eq(b.hosts[0], "indeed.com");
	ck_assert_str_eq(b.hosts[1], "indeed.co.uk");
	ck_assert_uint_eq(b.nlayouts, 2);
	ck_assert_str_eq(b.layouts[0].name, "serp");
	ck_assert_uint_eq(b.layouts[0].field[BF_TITLE].n, 2);
	ck_assert_str_eq(b.layouts[0].field[BF_URL].v[0].text,
			 ".//a[@href != '#top']/@href");	/* a # in a value is kept */
	ck_assert_ptr_nonnull(b.layouts[0].posting.v[0].xpath);
	ck_assert_str_eq(b.layouts[1].json_after, "window._initialData=");
	ck_assert_ptr_null(b.layouts[1].posting.v[0].xpath);
	ck_assert_str_eq(b.layouts[1].posting.v[0].text, "$.jobInfo");
	board_release(&b);
}
END_TEST

struct host_case {
	const char *board_host, *page_host;
	int serves;
};

static const struct host_case hosts[] = {
	{ "indeed.com", "indeed.com", 1 },
	{ "indeed.com", "uk.indeed.com", 1 },
	{ "indeed.com", "WWW.INDEED.COM", 1 },
	{ "indeed.com", "notindeed.com", 0 },
	{ "indeed.com", "indeed.com.example.org", 0 },
	{ "linkedin.com", "se.linkedin.com", 1 },
	{ "jobs.example.test", "example.test", 0 },
};

START_TEST(test_host)
{
	const struct host_case *c = &hosts[_i];
	char *text = xasprintf("host %s\nmatch //a\nposting //a\ntitle .\n", c->board_host);
	struct board b;
	char *err = NULL;

	ck_assert_msg(board_parse(text, "t", NULL, &b, &err) == 0, "%s", err);
	ck_assert_msg(board_serves_host(&b, c->page_host) == c->serves, "%s serving %s: want %d",
		      c->board_host, c->page_host, c->serves);
	board_release(&b);
	free(text);
}
END_TEST

/* A set of boards parsed from texts (name i is names[i]). */
static void make_set(struct board_set *set, const char *const *names, const char *const *texts,
		     size_t n)
{
	size_t i;
	char *err = NULL;

	memset(set, 0, sizeof(*set));
	set->v = xcalloc(n, sizeof(*set->v));
	for (i = 0; i < n; i++) {
		ck_assert_msg(board_parse(texts[i], names[i], NULL, &set->v[i], &err) == 0, "%s: %s",
			      names[i], err);
		set->n++;
	}
}

static void extract(const struct board_set *set, const char *html, const char *url,
		    struct extract_result *r)
{
	char *err = NULL;

	extract_result_init(r);
	ck_assert_msg(extract_page(html, strlen(html), url, set, r, &err) == 0, "%s", err);
}

/* A listing shaped like a 2024 search page: a sponsored card without a
 * title link, an attribute title, a salary in a nested div, a next link. */
static const char listing_rules[] =
	"host example-board.test\n"
	"match //ul[@id='results']\n"
	"posting //ul[@id='results']/li[has-class('card')]\n"
	"title .//h2/a/span/@title\n"
	"title .//h2\n"
	"company .//*[@data-testid='company-name']\n"
	"location normalize-space(substring-after(.//div[has-class('meta')], '|'))\n"
	"salary .//div[has-class('salary')]/div\n"
	"url .//h2/a/@href\n"
	"id .//h2/a/@data-jk\n"
	"posted .//time/@datetime\n"
	"description .//ul[has-class('snippet')]/li\n"
	"next //nav//a[@aria-label='Next Page']/@href\n";

static const char listing_html[] =
	"<html><body><ul id='results'>"
	"<li class='card result'><h2><a href='/viewjob?jk=a1&amp;from=serp' data-jk='a1'>"
	"<span title='Senior Data Engineer'>Senior Data Engineer</span></a></h2>"
	"<span data-testid='company-name'> Acme  Corp </span>"
	"<div class='meta'>Acme Corp | Austin, TX 78701</div>"
	"<div class='salary'><div>$120,000 - $140,000 a year</div></div>"
	"<time datetime='2024-01-05'>3 days ago</time>"
	"<ul class='snippet'><li>Build pipelines.</li><li>Own  dbt models.</li></ul></li>"
	"<li class='card'><h2>Sponsored: Data Analyst</h2></li>"
	"<li class='cardx'><h2>not a card</h2></li>"
	"<li class='card'><h2> </h2><span data-testid='company-name'>No title Inc</span></li>"
	"</ul><nav><a aria-label='Next Page' href='/jobs?q=data&amp;start=10'>2</a></nav>"
	"</body></html>";

START_TEST(test_listing)
{
	static const char *const names[] = { "example" };
	static const char *const texts[] = { listing_rules };
	struct board_set set;
	struct extract_result r;
	const struct raw_posting *p;

	make_set(&set, names, texts, 1);
	extract(&set, listing_html, "https://www.example-board.test/jobs?q=data", &r);
	ck_assert_uint_eq(r.count, 2);
	p = &r.postings[0];
	ck_assert_str_eq(p->strategy, "rules");
	ck_assert_str_eq(p->title, "Senior Data Engineer");
	ck_assert_str_eq(p->company, "Acme Corp");
	ck_assert_str_eq(p->location, "Austin, TX 78701");
	ck_assert_str_eq(p->salary_text, "$120,000 - $140,000 a year");
	ck_assert_str_eq(p->url, "https://www.example-board.test/viewjob?jk=a1&from=serp");
	ck_assert_str_eq(p->external_id, "a1");
	ck_assert_str_eq(p->posted, "2024-01-05");
	ck_assert_str_eq(p->description, "Build pipelines.\nOwn dbt models.");
	p = &r.postings[1];
	ck_assert_str_eq(p->title, "Sponsored: Data Analyst");	/* the fallback title */
	ck_assert_ptr_null(p->company);
	ck_assert_ptr_null(p->salary_text);
	ck_assert_uint_eq(r.skipped, 1);
	ck_assert_uint_eq(r.nwarnings, 1);
	ck_assert_msg(strstr(r.warnings[0], "board 'example' posting 3 has no title") != NULL,
		      "%s", r.warnings[0]);
	ck_assert_str_eq(r.next_url, "https://www.example-board.test/jobs?q=data&start=10");
	extract_result_release(&r);
	board_set_release(&set);
}
END_TEST

/* Which board reads a page: by host first, else by match rules (name order). */
START_TEST(test_choice)
{
	static const char *const names[] = { "alpha", "beta" };
	static const char *const texts[] = {
		"match //li\nposting //li\ntitle concat('alpha: ', .)\n",
		"host beta.test\nmatch //li\nposting //li\ntitle concat('beta: ', .)\n",
	};
	static const char html[] = "<html><body><ul><li>Data Engineer</li></ul></body></html>";
	struct board_set set;
	struct extract_result r;

	make_set(&set, names, texts, 2);
	extract(&set, html, "https://jobs.beta.test/list", &r);
	ck_assert_uint_eq(r.count, 1);
	ck_assert_str_eq(r.postings[0].title, "beta: Data Engineer");
	extract_result_release(&r);
	extract(&set, html, NULL, &r);	/* a saved file: the first board that matches */
	ck_assert_str_eq(r.postings[0].title, "alpha: Data Engineer");
	extract_result_release(&r);
	extract(&set, html, "https://other.test/", &r);
	ck_assert_str_eq(r.postings[0].title, "alpha: Data Engineer");
	extract_result_release(&r);
	ck_assert_int_eq(board_set_choose(&set, "beta"), 0);	/* parse --board beta */
	extract(&set, html, "https://other.test/", &r);
	ck_assert_str_eq(r.postings[0].title, "beta: Data Engineer");
	extract_result_release(&r);
	ck_assert_int_eq(board_set_choose(&set, "gamma"), -1);
	board_set_release(&set);
}
END_TEST

/* A layout whose match does not hold is not used; the next one is. */
START_TEST(test_layouts)
{
	static const char *const names[] = { "b" };
	static const char *const texts[] = {
		"layout detail\nmatch //div[@id='job']\nposting //div[@id='job']\ntitle .//h1\n"
		"layout list\nmatch //ol\nmatch count(//ol/li) > 1\nposting //ol/li\ntitle .\n",
	};
	struct board_set set;
	struct extract_result r;

	make_set(&set, names, texts, 1);
	extract(&set, "<html><body><ol><li>A</li><li>B</li></ol></body></html>", NULL, &r);
	ck_assert_uint_eq(r.count, 2);
	extract_result_release(&r);
	/* Both match rules must hold: one item is not this list layout. */
	extract(&set, "<html><body><ol><li>A</li></ol></body></html>", NULL, &r);
	ck_assert_uint_eq(r.count, 0);
	extract_result_release(&r);
	extract(&set, "<html><body><div id='job'><h1>Data Engineer</h1></div></body></html>",
		NULL, &r);
	ck_assert_uint_eq(r.count, 1);
	ck_assert_str_eq(r.postings[0].title, "Data Engineer");
	extract_result_release(&r);
	board_set_release(&set);
}
END_TEST

/* Data kept as JSON in a script (Indeed's window._initialData shape). */
START_TEST(test_json_layout)
{
	static const char *const names[] = { "j" };
	static const char *const texts[] = {
		"match //script[contains(., '_initialData')]\n"
		"json //script[contains(., '_initialData')]\n"
		"json-after window._initialData\n"
		"posting $.jobs\n"
		"title $.header.title\n"
		"company $.header.company\n"
		"salary $.salaryText\n"
		"type $.types\n"
		"url $.link\n"
		"description $.desc\n",
	};
	static const char html[] =
		"<html><head><script>var x = 1; window._initialData = {\"jobs\": ["
		"{\"header\": {\"title\": \"Data &amp; ML Engineer\", \"company\": \"Orbit\"},"
		" \"salaryText\": \"From \\u00a355,000 a year\", \"types\": [\"Full-time\", \"Permanent\"],"
		" \"link\": \"/viewjob?jk=9\", \"desc\": \"<p>One</p><p>Two }</p>\"},"
		"{\"header\": {\"company\": \"No title\"}},"
		"{\"header\": {\"title\": \"Analyst\"}, \"types\": null}"
		"]}; window.other = {};</script></head><body></body></html>";
	struct board_set set;
	struct extract_result r;
	const struct raw_posting *p;

	make_set(&set, names, texts, 1);
	extract(&set, html, "https://uk.example.test/viewjob?jk=9", &r);
	ck_assert_uint_eq(r.count, 2);
	p = &r.postings[0];
	ck_assert_str_eq(p->title, "Data & ML Engineer");
	ck_assert_str_eq(p->company, "Orbit");
	ck_assert_str_eq(p->salary_text, "From \xc2\xa3" "55,000 a year");
	ck_assert_str_eq(p->employment_type, "Full-time, Permanent");
	ck_assert_str_eq(p->url, "https://uk.example.test/viewjob?jk=9");
	ck_assert_str_eq(p->description, "One\nTwo }");
	ck_assert_str_eq(r.postings[1].title, "Analyst");
	ck_assert_uint_eq(r.skipped, 1);
	extract_result_release(&r);
	/* JSON that never closes reads nothing, and the page is still read. */
	extract(&set, "<html><script>window._initialData = {\"jobs\": [</script></html>", NULL, &r);
	ck_assert_uint_eq(r.count, 0);
	extract_result_release(&r);
	extract(&set, "<html><script>window._initialData = {\"jobs\": [,]}</script></html>", NULL,
		&r);
	ck_assert_uint_eq(r.count, 0);
	ck_assert_uint_eq(r.nwarnings, 1);
	ck_assert_msg(strstr(r.warnings[0], "cannot read the JSON") != NULL, "%s", r.warnings[0]);
	extract_result_release(&r);
	board_set_release(&set);
}
END_TEST

/* In a JSON layout, a field that is an XPath reads the page: what it says
 * of all its postings (a company's board names the company once). */
START_TEST(test_json_layout_xpath)
{
	static const char *const names[] = { "j" };
	static const char *const texts[] = {
		"match //script[contains(., 'app =')]\n"
		"json //script[contains(., 'app =')]\n"
		"json-after app =\n"
		"posting $.jobs\n"
		"title $.name\n"
		"company $.org\n"
		"company substring-before(//title, ' Jobs')\n",
	};
	static const char html[] =
		"<html><head><title>Orbit Jobs</title><script>app = {\"jobs\": ["
		"{\"name\": \"Analyst\"}, {\"name\": \"Engineer\", \"org\": \"Orbit Labs\"}]}"
		"</script></head><body></body></html>";
	struct board_set set;
	struct extract_result r;

	make_set(&set, names, texts, 1);
	extract(&set, html, "https://jobs.example.test/orbit", &r);
	ck_assert_uint_eq(r.count, 2);
	ck_assert_str_eq(r.postings[0].company, "Orbit");
	ck_assert_str_eq(r.postings[1].company, "Orbit Labs");
	extract_result_release(&r);
	board_set_release(&set);
}
END_TEST

/* A detail page: JSON-LD and the rules describe one job, counted once; the
 * rules fill what the JSON-LD lacks (level), and the board's id wins. */
START_TEST(test_merge_jsonld)
{
	static const char *const names[] = { "d" };
	static const char *const texts[] = {
		"match //h1[has-class('top-card__title')]\n"
		"posting //main\n"
		"title .//h1\n"
		"company .//a[has-class('org')]\n"
		"level .//li[h3='Seniority level']/span\n"
		"id substring-after(//link[@rel='canonical']/@href, '/view/')\n",
	};
	static const char html[] =
		"<html><head><link rel='canonical' href='https://www.linkedin.test/jobs/view/3561224688'>"
		"<script type='application/ld+json'>{\"@type\": \"JobPosting\","
		" \"title\": \"Staff Software Engineer\", \"hiringOrganization\": {\"name\": \"Google\"},"
		" \"identifier\": {\"value\": \"116042984853512902\"}}"
		"</script></head><body><main><h1 class='top-card__title'>Staff Software Engineer</h1>"
		"<a class='org' href='/company/google'>Google</a><ul><li><h3>Seniority level</h3>"
		"<span>Mid-Senior level</span></li></ul></main></body></html>";
	struct board_set set;
	struct extract_result r;

	make_set(&set, names, texts, 1);
	extract(&set, html, "https://www.linkedin.test/jobs/view/1", &r);
	ck_assert_uint_eq(r.count, 1);
	ck_assert_str_eq(r.postings[0].strategy, "jsonld");
	ck_assert_str_eq(r.postings[0].level, "Mid-Senior level");
	/* The board's id, not the employer's requisition number in the JSON-LD. */
	ck_assert_str_eq(r.postings[0].external_id, "3561224688");
	extract_result_release(&r);
	board_set_release(&set);
}
END_TEST

/* schema.org has no word for hybrid: the board's "Hybrid" replaces the
 * JSON-LD's TELECOMMUTE, and only that (a board's "Remote" or "On-site"
 * leaves a stated TELECOMMUTE as it is). */
START_TEST(test_merge_hybrid)
{
	static const char *const names[] = { "d" };
	static const char *const texts[] = {
		"match //h1\nposting //main\ntitle .//h1\nremote .//span[@class='wp']\n",
	};
	static const char *const cases[][3] = {
		{ "TELECOMMUTE", "Hybrid", "Hybrid" },
		{ "TELECOMMUTE", "On-site", "TELECOMMUTE" },
		{ "FULL_TIME_ONSITE", "Hybrid", "FULL_TIME_ONSITE" },
	};
	struct board_set set;
	struct extract_result r;
	char html[512];
	size_t i;

	make_set(&set, names, texts, 1);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		snprintf(html, sizeof(html),
			 "<html><head><script type='application/ld+json'>{\"@type\": \"JobPosting\","
			 " \"title\": \"Sourcing Manager\", \"jobLocationType\": \"%s\"}</script>"
			 "</head><body><main><h1>Sourcing Manager</h1><span class='wp'>%s</span>"
			 "</main></body></html>", cases[i][0], cases[i][1]);
		extract(&set, html, "https://jobs.example.test/1", &r);
		ck_assert_uint_eq(r.count, 1);
		ck_assert_str_eq(r.postings[0].remote, cases[i][2]);
		extract_result_release(&r);
	}
	board_set_release(&set);
}
END_TEST

/* A rule that would take minutes stops at the step limit, with a warning. */
START_TEST(test_step_limit)
{
	static const char *const names[] = { "slow" };
	static const char *const texts[] = {
		"match //div\nposting //div[count(//div[count(//div) > 0]) > 0]\ntitle .\n",
	};
	struct board_set set;
	struct extract_result r;
	struct buf html = BUF_INIT;
	time_t start = time(NULL);
	int i;

	make_set(&set, names, texts, 1);
	buf_appends(&html, "<html><body>");
	for (i = 0; i < 3000; i++)
		buf_appends(&html, "<div>x</div>");
	buf_appends(&html, "</body></html>");
	extract(&set, buf_str(&html), NULL, &r);
	ck_assert_msg(time(NULL) - start < 60, "took %ld s", (long)(time(NULL) - start));
	ck_assert_msg(r.nwarnings >= 1 && strstr(r.warnings[r.nwarnings - 1], "XPath steps") != NULL,
		      "no warning of the step limit");
	extract_result_release(&r);
	buf_release(&html);
	board_set_release(&set);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("board");
	TCase *tc = tcase_create("parse");
	TCase *tx = tcase_create("extract");

	tcase_add_loop_test(tc, test_parse_error, 0, sizeof(parse_errors) / sizeof(parse_errors[0]));
	tcase_add_test(tc, test_parse_ok);
	tcase_add_loop_test(tc, test_host, 0, sizeof(hosts) / sizeof(hosts[0]));
	suite_add_tcase(s, tc);
	tcase_set_timeout(tx, 120);
	tcase_add_test(tx, test_listing);
	tcase_add_test(tx, test_choice);
	tcase_add_test(tx, test_layouts);
	tcase_add_test(tx, test_json_layout);
	tcase_add_test(tx, test_json_layout_xpath);
	tcase_add_test(tx, test_merge_jsonld);
	tcase_add_test(tx, test_merge_hybrid);
	tcase_add_test(tx, test_step_limit);
	suite_add_tcase(s, tx);
	return s;
}
