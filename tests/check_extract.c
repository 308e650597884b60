#include "config.h"

#include "check-main.h"

/*
 * check_extract - the extract stage against hand-written pages.
 *
 * Each fixture tests/fixtures/extract/NAME.EXT has NAME.expected beside it
 * (format in testutil.h), written by reading the page, never from program
 * output.  Raw fields listed there must be equal, raw fields not listed must
 * be NULL; "description" and the "norm.*" keys are compared only when
 * listed (norm.* through posting_normalize()).  All differences of one
 * fixture are reported together, each naming fixture, posting and field.
 */

#include <math.h>
#include <stddef.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "extract.h"
#include "posting.h"
#include "salary.h"
#include "testutil.h"
#include "xalloc.h"

#define FIXTURE_DIR "tests/fixtures/extract/"

static const char *const fixtures[] = {
	"seed-listing.html",
	"merge-cards-jsonld.html",
	"jsonld-array.html",
	"jsonld-graph.html",
	"jsonld-detail-year.html",
	"jsonld-detail-hour.html",
	"jsonld-empty-salary.html",
	"jsonld-no-url.html",
	"jsonld-blank-salary.html",
	"jsonld-invalid-block.html",
	"jsonld-salary-array.html",
	"jsonld-type-list.html",
	"jsonld-symbol-currency.html",
	"no-postings.html",
	"api-response.json",
	"company-logo.png",
};
#define NFIXTURES ((int)(sizeof fixtures / sizeof fixtures[0]))

/* The raw fields a posting block must account for (unlisted: NULL). */
static const char *const raw_fields[] = {
	"title", "company", "location", "remote", "country", "applicant_country",
	"level", "employment_type", "salary_text", "url", "external_id", "posted",
	"strategy",
};
#define NRAW_FIELDS (sizeof raw_fields / sizeof raw_fields[0])

static const char *
raw_get(const struct raw_posting *r, const char *name)
{
	static const struct {
		const char *name;
		size_t off;
	} strs[] = {
		{ "title", offsetof(struct raw_posting, title) },
		{ "company", offsetof(struct raw_posting, company) },
		{ "location", offsetof(struct raw_posting, location) },
		{ "remote", offsetof(struct raw_posting, remote) },
		{ "country", offsetof(struct raw_posting, country) },
		{ "applicant_country", offsetof(struct raw_posting, applicant_country) },
		{ "level", offsetof(struct raw_posting, level) },
		{ "employment_type", offsetof(struct raw_posting, employment_type) },
		{ "salary_text", offsetof(struct raw_posting, salary_text) },
		{ "url", offsetof(struct raw_posting, url) },
		{ "external_id", offsetof(struct raw_posting, external_id) },
		{ "posted", offsetof(struct raw_posting, posted) },
		{ "description", offsetof(struct raw_posting, description) },
	};
	size_t i;

	if (strcmp(name, "strategy") == 0)
		return r->strategy;
	for (i = 0; i < sizeof strs / sizeof strs[0]; i++) {
		if (strcmp(strs[i].name, name) == 0) {
			char *const *p = (char *const *)(const void *)
				((const char *)r + strs[i].off);
			return *p;
		}
	}
	return NULL;
}

static int
is_raw_field(const char *key)
{
	size_t i;

	for (i = 0; i < NRAW_FIELDS; i++)
		if (strcmp(raw_fields[i], key) == 0)
			return 1;
	return 0;
}

/* Whitespace runs to one space, ends trimmed; newly allocated. */
static char *
collapse_ws(const char *s)
{
	struct buf b = BUF_INIT;
	int pending = 0;

	for (; *s != '\0'; s++) {
		if (strchr(" \t\n\r\f\v", *s) != NULL) {
			pending = 1;
			continue;
		}
		if (pending && b.len > 0)
			buf_append(&b, " ", 1);
		pending = 0;
		buf_append(&b, s, 1);
	}
	return buf_detach(&b);
}

/* A failure report for one fixture, built up and asserted at the end. */
struct report {
	const char *fixture;
	struct buf text;
	int count;
};

static void report_add(struct report *rep, long idx, const char *field,
		       const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void
report_add(struct report *rep, long idx, const char *field, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	if (idx >= 0)
		buf_printf(&rep->text, "\n  %s: posting %ld: %s: %s",
			   rep->fixture, idx, field, msg);
	else
		buf_printf(&rep->text, "\n  %s: %s: %s", rep->fixture, field, msg);
	rep->count++;
	free(msg);
}

#define SHOW(s) ((s) != NULL ? "'" : ""), ((s) != NULL ? (s) : "NULL"), \
	((s) != NULL ? "'" : "")

static void
check_string(struct report *rep, long idx, const char *field,
	     const char *want, const char *got)
{
	if (want == NULL && got == NULL)
		return;
	if (want != NULL && got != NULL && strcmp(want, got) == 0)
		return;
	report_add(rep, idx, field, "want %s%s%s, got %s%s%s", SHOW(want), SHOW(got));
}

/* Expected "none" stands for NULL (or "" in a char array). */
static void
check_code(struct report *rep, long idx, const char *field,
	   const char *want, const char *got)
{
	if (got != NULL && *got == '\0')
		got = NULL;
	if (strcmp(want, "none") == 0)
		want = NULL;
	check_string(rep, idx, field, want, got);
}

static void
check_number(struct report *rep, long idx, const char *field,
	     const char *want, const struct salary *s, double got)
{
	char *end;
	double w = strtod(want, &end);

	if (end == want || *end != '\0') {
		report_add(rep, idx, field, "expected value '%s' is not a number", want);
		return;
	}
	if (!s->found) {
		report_add(rep, idx, field, "want %g, got no salary", w);
		return;
	}
	if (fabs(w - got) > 0.5)
		report_add(rep, idx, field, "want %g, got %g", w, got);
}

static void
check_norm_field(struct report *rep, long idx, const char *key,
		 const char *want, const struct posting *p)
{
	const struct salary *s = &p->salary;

	if (strcmp(key, "norm.level") == 0)
		check_code(rep, idx, key, want, p->level);
	else if (strcmp(key, "norm.remote") == 0)
		check_code(rep, idx, key, want, p->remote);
	else if (strcmp(key, "norm.country") == 0)
		check_code(rep, idx, key, want, p->country);
	else if (strcmp(key, "norm.employment_type") == 0)
		check_code(rep, idx, key, want, p->employment_type);
	else if (strcmp(key, "norm.salary_currency") == 0)
		check_code(rep, idx, key, want, s->currency);
	else if (strcmp(key, "norm.salary_period") == 0)
		check_code(rep, idx, key, want, salary_period_name(s->period));
	else if (strcmp(key, "norm.salary_min") == 0)
		check_number(rep, idx, key, want, s, s->min);
	else if (strcmp(key, "norm.salary_max") == 0)
		check_number(rep, idx, key, want, s, s->max);
	else if (strcmp(key, "norm.annual_min") == 0)
		check_number(rep, idx, key, want, s, s->annual_min);
	else if (strcmp(key, "norm.annual_max") == 0)
		check_number(rep, idx, key, want, s, s->annual_max);
	else if (strcmp(key, "norm.salary") == 0) {
		if (strcmp(want, "none") == 0 && s->found)
			report_add(rep, idx, key, "want none, got %g-%g '%s' period %s (rule %s)",
				   s->min, s->max, s->currency,
				   salary_period_name(s->period) ? salary_period_name(s->period) : "?",
				   s->rule ? s->rule : "?");
		else if (strcmp(want, "found") == 0 && !s->found)
			report_add(rep, idx, key, "want a salary, got none");
		else if (strcmp(want, "none") != 0 && strcmp(want, "found") != 0)
			report_add(rep, idx, key, "expected value '%s' is not none/found", want);
	} else
		report_add(rep, idx, key, "unknown key in the expected file");
}

static void
check_posting(struct report *rep, long idx, const struct expected_posting *ep,
	      const struct raw_posting *raw)
{
	struct posting p;
	size_t i;
	int normalized = 0;

	for (i = 0; i < NRAW_FIELDS; i++)
		check_string(rep, idx, raw_fields[i], expected_get(ep, raw_fields[i]),
			     raw_get(raw, raw_fields[i]));

	posting_init(&p);
	for (i = 0; i < ep->nfields; i++) {
		const char *key = ep->fields[i].key, *want = ep->fields[i].value;

		if (is_raw_field(key))
			continue;
		if (strcmp(key, "description") == 0) {
			char *w = collapse_ws(want);
			char *g = raw->description ? collapse_ws(raw->description) : NULL;

			check_string(rep, idx, key, w, g);
			free(w);
			free(g);
		} else if (strncmp(key, "norm.", 5) == 0) {
			if (!normalized) {
				posting_normalize(raw, &p);
				normalized = 1;
			}
			check_norm_field(rep, idx, key, want, &p);
		} else {
			report_add(rep, idx, key, "unknown key in the expected file (line %d)",
				   ep->fields[i].line);
		}
	}
	posting_release(&p);
}

/* NAME.EXT -> NAME.expected */
static char *
expected_name(const char *fixture)
{
	const char *dot = strrchr(fixture, '.');
	size_t n = dot != NULL ? (size_t)(dot - fixture) : strlen(fixture);

	return xasprintf("%.*s.expected", (int)n, fixture);
}

static void
load_fixture(const char *fixture, char **html, size_t *len, struct expected_page *e)
{
	char *rel = xasprintf(FIXTURE_DIR "%s", fixture);
	char *path = test_srcdir_path(rel);
	char *ename = expected_name(fixture);
	char *erel = xasprintf(FIXTURE_DIR "%s", ename);
	char *epath = test_srcdir_path(erel);
	char *err = NULL;

	*html = test_read_file(path, len);
	ck_assert_msg(*html != NULL, "cannot read fixture '%s' (is top_srcdir set?)", path);
	ck_assert_msg(expected_load(epath, e, &err) == 0, "%s", err);
	free(rel);
	free(path);
	free(ename);
	free(erel);
	free(epath);
}

static void
check_page(struct report *rep, const struct expected_page *e,
	   const struct extract_result *res)
{
	size_t i, n;

	if ((long)res->count != e->postings)
		report_add(rep, -1, "postings", "want %ld, got %zu", e->postings, res->count);
	check_string(rep, -1, "next", e->next, res->next_url);
	if ((long)res->nwarnings != e->warnings) {
		report_add(rep, -1, "warnings", "want %ld, got %zu", e->warnings, res->nwarnings);
		for (i = 0; i < res->nwarnings; i++)
			buf_printf(&rep->text, "\n    warning: %s", res->warnings[i]);
	}
	n = res->count < e->nitems ? res->count : e->nitems;
	for (i = 0; i < n; i++)
		check_posting(rep, (long)i, &e->items[i], &res->postings[i]);
	for (i = n; i < res->count; i++)
		report_add(rep, (long)i, "title", "unexpected posting %s%s%s",
			   SHOW(res->postings[i].title));
}

START_TEST(test_fixture)
{
	const char *fixture = fixtures[_i];
	struct expected_page e;
	struct extract_result res;
	struct report rep = { fixture, BUF_INIT, 0 };
	char *html, *err = NULL;
	size_t len;
	int rc;

	expected_page_init(&e);
	load_fixture(fixture, &html, &len, &e);
	extract_result_init(&res);
	rc = extract_page(html, len, e.base, test_shipped_boards(), &res, &err);
	if (rc != 0)
		report_add(&rep, -1, "extract_page", "returned %d: %s", rc,
			   err != NULL ? err : "(no message)");
	else
		check_page(&rep, &e, &res);
	extract_result_release(&res);
	expected_page_release(&e);
	free(err);
	free(html);
	if (rep.count > 0)
		fprintf(stderr, "%s: %d mismatches:%s\n", fixture, rep.count, buf_str(&rep.text));
	ck_assert_msg(rep.count == 0, "%s: %d mismatches:%s", fixture, rep.count,
		      buf_str(&rep.text));
	buf_release(&rep.text);
}
END_TEST

static const struct raw_posting *
find_by_id(const struct extract_result *res, const char *id)
{
	size_t i;

	for (i = 0; i < res->count; i++)
		if (res->postings[i].external_id != NULL &&
		    strcmp(res->postings[i].external_id, id) == 0)
			return &res->postings[i];
	return NULL;
}

/* The first half of the card page: every card that ends there is kept. */
START_TEST(test_truncated_page)
{
	const char *fixture = "seed-listing.html";
	struct expected_page e;
	struct extract_result res;
	char *html, *half, *err = NULL, *marker;
	size_t len, cut, i, complete = 0;
	int rc;

	expected_page_init(&e);
	load_fixture(fixture, &html, &len, &e);
	cut = len / 2;
	half = xmalloc(cut);	/* exactly cut bytes: no NUL to lean on */
	memcpy(half, html, cut);

	extract_result_init(&res);
	rc = extract_page(half, cut, e.base, test_shipped_boards(), &res, &err);
	ck_assert_msg(rc == 0, "truncated page: extract_page returned %d: %s", rc,
		      err != NULL ? err : "(no message)");

	for (i = 0; i < e.nitems; i++) {
		const char *id = expected_get(&e.items[i], "external_id");
		const char *start, *end;
		const struct raw_posting *got;

		ck_assert_msg(id != NULL, "%s: posting %zu has no external_id", fixture, i);
		marker = xasprintf("data-job-id=\"%s\"", id);
		start = strstr(html, marker);
		free(marker);
		ck_assert_msg(start != NULL, "%s: card %s not in the page", fixture, id);
		end = strstr(start, "</li>");
		ck_assert_msg(end != NULL, "%s: card %s has no </li>", fixture, id);
		if ((size_t)(end - html) + strlen("</li>") > cut)
			continue;
		complete++;
		got = find_by_id(&res, id);
		ck_assert_msg(got != NULL, "truncated page: complete card %s (posting %zu) missing",
			      id, i);
		ck_assert_str_eq(got->title, expected_get(&e.items[i], "title"));
		ck_assert_str_eq(got->company, expected_get(&e.items[i], "company"));
		ck_assert_str_eq(got->url, expected_get(&e.items[i], "url"));
	}
	ck_assert_msg(complete >= 1, "fixture changed: only %zu complete cards in the first half",
		      complete);
	ck_assert_msg(res.count <= complete + 1,
		      "truncated page: %zu postings from %zu complete cards (+1 partial at most)",
		      res.count, complete);

	extract_result_release(&res);
	expected_page_release(&e);
	free(err);
	free(half);
	free(html);
}
END_TEST

START_TEST(test_empty_buffer)
{
	static const char *const bodies[] = { "", "   \r\n\t\n" };
	struct extract_result res;
	char *err = NULL;
	size_t i;
	int rc;

	for (i = 0; i < sizeof bodies / sizeof bodies[0]; i++) {
		extract_result_init(&res);
		rc = extract_page(bodies[i], strlen(bodies[i]),
				  "https://jobs.example.test/empty", test_shipped_boards(), &res, &err);
		ck_assert_msg(rc == 0, "empty body %zu: extract_page returned %d: %s", i, rc,
			      err != NULL ? err : "(no message)");
		ck_assert_uint_eq(res.count, 0);
		ck_assert_ptr_null(res.next_url);
		extract_result_release(&res);
		free(err);
		err = NULL;
	}

	/* No base URL at all must not crash either. */
	extract_result_init(&res);
	rc = extract_page("", 0, NULL, test_shipped_boards(), &res, &err);
	ck_assert_int_eq(rc, 0);
	ck_assert_uint_eq(res.count, 0);
	extract_result_release(&res);
	free(err);
}
END_TEST

/* A seed-board card for the built pages below. */
static void
add_card(struct buf *b, const char *id, const char *title)
{
	buf_printf(b, "<li class=\"job-card\" data-job-id=\"%s\"><a href=\"/job/%s\">"
		   "<h3 class=\"job-title\">%s</h3></a></li>\n", id, id, title);
}

/* The warning that contains every one of the words, or NULL. */
static const char *
find_warning(const struct extract_result *res, const char *w1, const char *w2)
{
	size_t i;

	for (i = 0; i < res->nwarnings; i++)
		if (strstr(res->warnings[i], w1) != NULL && strstr(res->warnings[i], w2) != NULL)
			return res->warnings[i];
	return NULL;
}

static void
extract_built(const struct buf *page, const char *url, struct extract_result *res)
{
	char *err = NULL;
	int rc;

	extract_result_init(res);
	rc = extract_page(page->data, page->len, url, test_shipped_boards(), res, &err);
	ck_assert_msg(rc == 0, "extract_page returned %d: %s", rc,
		      err != NULL ? err : "(no message)");
	free(err);
}

/*
 * A page whose cards sit below `depth` nested <div>s, after a JSON-LD
 * posting and a card that sit above them.
 */
static void
deep_page(struct buf *b, int depth)
{
	int i;

	buf_appends(b, "<!DOCTYPE html><html><head><title>Jobs</title>"
		    "<script type=\"application/ld+json\">{\"@type\": \"JobPosting\", "
		    "\"title\": \"Data Engineer\", \"identifier\": \"J-1\"}</script>"
		    "</head><body><ul>\n");
	add_card(b, "C-1", "Analytics Engineer");
	buf_appends(b, "</ul>\n");
	for (i = 0; i < depth; i++)
		buf_appends(b, "<div>");
	buf_appends(b, "<ul>");
	add_card(b, "C-2", "Deep Engineer");
	buf_appends(b, "</ul>");
	for (i = 0; i < depth; i++)
		buf_appends(b, "</div>");
	buf_appends(b, "<ul>");
	add_card(b, "C-3", "Later Engineer");
	buf_appends(b, "</ul></body></html>\n");
}

/*
 * libxml2 stops at its nesting limit (256, HUGE stays off): what came
 * before is kept, the loss is a warning naming the page and the reason, and
 * a page just under the limit loses nothing.
 */
START_TEST(test_deep_nesting)
{
	const char *url = "https://jobs.example.test/deep";
	struct buf page = BUF_INIT;
	struct extract_result res;

	deep_page(&page, 300);
	extract_built(&page, url, &res);
	ck_assert_msg(res.nwarnings == 1, "want 1 warning, got %zu", res.nwarnings);
	ck_assert_msg(find_warning(&res, "'https://jobs.example.test/deep'", "deeper than 256") != NULL,
		      "warning does not name the page and the depth: %s", res.warnings[0]);
	ck_assert_ptr_nonnull(find_by_id(&res, "J-1"));
	ck_assert_ptr_nonnull(find_by_id(&res, "C-1"));
	ck_assert_ptr_null(find_by_id(&res, "C-2"));	/* lost, as the warning says */
	extract_result_release(&res);

	buf_release(&page);
	deep_page(&page, 200);
	extract_built(&page, url, &res);
	ck_assert_msg(res.nwarnings == 0, "page under the limit: %s", res.nwarnings ?
		      res.warnings[0] : "");
	ck_assert_uint_eq(res.count, 4);
	ck_assert_ptr_nonnull(find_by_id(&res, "C-2"));
	ck_assert_ptr_nonnull(find_by_id(&res, "C-3"));
	extract_result_release(&res);
	buf_release(&page);
}
END_TEST

/*
 * applicantLocationRequirements counts when it names one country: as an
 * object, a name, or an array of one; an array of several names none.
 */
START_TEST(test_applicant_country)
{
	static const char page_text[] =
		"<html><head><script type=\"application/ld+json\">["
		"{\"@type\": \"JobPosting\", \"title\": \"A\", \"applicantLocationRequirements\": "
		"{\"@type\": \"Country\", \"name\": \"Canada\"}},"
		"{\"@type\": \"JobPosting\", \"title\": \"B\", \"applicantLocationRequirements\": "
		"[{\"@type\": \"Country\", \"name\": \"DE\"}]},"
		"{\"@type\": \"JobPosting\", \"title\": \"C\", \"applicantLocationRequirements\": "
		"[{\"@type\": \"Country\", \"name\": \"USA\"}, {\"@type\": \"Country\", \"name\": \"Canada\"}]},"
		"{\"@type\": \"JobPosting\", \"title\": \"D\", \"applicantLocationRequirements\": \"India\"}"
		"]</script></head><body></body></html>";
	struct buf page = BUF_INIT;
	struct extract_result res;
	struct posting p;

	buf_appends(&page, page_text);
	extract_built(&page, "https://jobs.example.test/remote", &res);
	ck_assert_uint_eq(res.count, 4);
	ck_assert_str_eq(res.postings[0].applicant_country, "Canada");
	ck_assert_str_eq(res.postings[1].applicant_country, "DE");
	ck_assert_ptr_null(res.postings[2].applicant_country);
	ck_assert_str_eq(res.postings[3].applicant_country, "India");
	posting_normalize(&res.postings[0], &p);
	ck_assert_str_eq(p.country, "CA");	/* the applicant's country, with no location text */
	posting_release(&p);
	extract_result_release(&res);
	buf_release(&page);
}
END_TEST

/*
 * A JSON-LD posting without a title is dropped by the extract stage, with a
 * warning naming the page and its id, unless a card for the same job gives it
 * one.  Crawl and parse both see the result.
 */
START_TEST(test_untitled_jsonld)
{
	static const char page_text[] =
		"<html><head><script type=\"application/ld+json\">["
		"{\"@type\": \"JobPosting\", \"identifier\": \"J-7\", \"baseSalary\": 90000},"
		"{\"@type\": \"JobPosting\", \"url\": \"/jobs/8\"},"
		"{\"@type\": \"JobPosting\", \"title\": \"Data Engineer\"}"
		"]</script></head><body>"
		"<li class=\"job-card\"><a class=\"job-link\" href=\"/jobs/8\">"
		"<h3 class=\"job-title\">ML Engineer</h3></a></li>"
		"<li class=\"job-card\"><span class=\"job-salary\">USD 1K</span></li>"
		"</body></html>";
	struct buf page = BUF_INIT;
	struct extract_result res;

	buf_appends(&page, page_text);
	extract_built(&page, "https://jobs.example.test/list", &res);
	ck_assert_uint_eq(res.count, 2);
	ck_assert_str_eq(res.postings[0].title, "ML Engineer");	/* from its card */
	ck_assert_str_eq(res.postings[1].title, "Data Engineer");
	ck_assert_uint_eq(res.skipped, 2);
	ck_assert_msg(find_warning(&res, "'https://jobs.example.test/list'",
				   "JSON-LD posting 'J-7' has no title, skipped") != NULL,
		      "no warning for the untitled JSON-LD posting");
	/* The seed cards are read by the shipped aijobs board rules (issue 5). */
	ck_assert_msg(find_warning(&res, "'https://jobs.example.test/list'",
				   "board 'aijobs' posting 2 has no title, skipped") != NULL,
		      "no warning for the untitled card");
	ck_assert_uint_eq(res.nwarnings, 2);
	extract_result_release(&res);
	buf_release(&page);
}
END_TEST

/*
 * A byte the page's declared charset cannot decode halts libxml2.  The page
 * before it is kept, a warning names the page and the charset, and nothing
 * reaches stderr (stages never print; libxml2 would by default).
 */
START_TEST(test_bad_charset)
{
	static const char page_text[] =
		"<html><head><meta charset=\"shift_jis\"></head><body>"
		"<li class=\"job-card\"><h3 class=\"job-title\">Data Engineer</h3></li>"
		"<p>\xe4\"></p>"
		"<li class=\"job-card\"><h3 class=\"job-title\">after</h3></li></body></html>";
	struct buf page = BUF_INIT;
	struct extract_result res;
	FILE *err = tmpfile();
	int saved = dup(STDERR_FILENO);

	ck_assert_ptr_nonnull(err);
	buf_appends(&page, page_text);
	fflush(stderr);
	dup2(fileno(err), STDERR_FILENO);
	extract_built(&page, "https://jobs.example.test/sjis", &res);
	fflush(stderr);
	dup2(saved, STDERR_FILENO);
	close(saved);
	ck_assert_msg(ftell(err) == 0 && lseek(fileno(err), 0, SEEK_END) == 0,
		      "libxml2 wrote to stderr");
	fclose(err);
	ck_assert_msg(res.nwarnings == 1, "want 1 warning, got %zu", res.nwarnings);
	ck_assert_msg(find_warning(&res, "'https://jobs.example.test/sjis'", "shift_jis") != NULL,
		      "warning does not name the page and the charset: %s", res.warnings[0]);
	ck_assert_uint_eq(res.count, 1);
	ck_assert_str_eq(res.postings[0].title, "Data Engineer");
	extract_result_release(&res);
	buf_release(&page);
}
END_TEST

/* A page of JSON-LD blocks given in full, the last a valid posting. */
static void
jsonld_page(struct buf *b, const char *const *blocks, size_t n)
{
	size_t i;

	buf_appends(b, "<!DOCTYPE html><html><head><title>Job</title>\n");
	for (i = 0; i < n; i++)
		buf_printf(b, "<script type=\"application/ld+json\">%s</script>\n", blocks[i]);
	buf_appends(b, "<script type=\"application/ld+json\">{\"@type\": \"JobPosting\", "
		    "\"title\": \"Data Engineer\", \"identifier\": \"J-9\"}</script>\n"
		    "</head><body><p>Apply now</p></body></html>\n");
}

/* depth levels of arrays, or of objects when obj ({"a":{"a":...}}). */
static char *
nested_json(int depth, int obj)
{
	struct buf b = BUF_INIT;
	int i;

	for (i = 0; i < depth; i++)
		buf_appends(&b, obj ? "{\"a\":" : "[");
	buf_appends(&b, "1");
	for (i = 0; i < depth; i++)
		buf_appends(&b, obj ? "}" : "]");
	return buf_detach(&b);
}

/*
 * Hostile JSON-LD blocks (nested far deeper than any real one, or larger
 * than 4 MB) are skipped before SQLite parses them, each with a warning; a
 * valid posting in another block of the page still comes through.  Brackets
 * inside strings do not count towards the depth.
 */
START_TEST(test_jsonld_limits)
{
	const char *url = "https://jobs.example.test/hostile-jsonld";
	char *deep_arrays = nested_json(10000, 0), *deep_objects = nested_json(100, 1);
	char *in_strings, *huge, *blocks[4];
	struct buf page = BUF_INIT, b = BUF_INIT;
	struct extract_result res;
	const struct raw_posting *p;
	int i;

	/* 200 brackets, and an escaped quote, inside a string of a real posting. */
	buf_appends(&b, "{\"@type\": \"JobPosting\", \"identifier\": \"J-8\", "
		    "\"title\": \"ML Engineer\", \"description\": \"\\\"");
	for (i = 0; i < 200; i++)
		buf_appends(&b, "[{");
	buf_appends(&b, "\"}");
	in_strings = buf_detach(&b);
	buf_appends(&b, "{\"@type\": \"JobPosting\", \"title\": \"Big\", \"description\": \"");
	for (i = 0; i < (4 << 20) / 64 + 1; i++)
		buf_appends(&b, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
	buf_appends(&b, "\"}");
	huge = buf_detach(&b);

	blocks[0] = deep_arrays;
	blocks[1] = deep_objects;
	blocks[2] = huge;
	blocks[3] = in_strings;
	jsonld_page(&page, (const char *const *)blocks, 4);
	extract_built(&page, url, &res);

	ck_assert_msg(res.nwarnings == 3, "want 3 warnings, got %zu", res.nwarnings);
	ck_assert_ptr_nonnull(find_warning(&res, "'https://jobs.example.test/hostile-jsonld': "
					   "JSON-LD block 1 ", "deeper than 64 levels"));
	ck_assert_ptr_nonnull(find_warning(&res, "JSON-LD block 2 ", "deeper than 64 levels"));
	ck_assert_ptr_nonnull(find_warning(&res, "JSON-LD block 3 ", "larger than 4 MB"));
	ck_assert_uint_eq(res.count, 2);
	p = find_by_id(&res, "J-8");
	ck_assert_ptr_nonnull(p);
	ck_assert_str_eq(p->title, "ML Engineer");
	p = find_by_id(&res, "J-9");
	ck_assert_ptr_nonnull(p);
	ck_assert_str_eq(p->title, "Data Engineer");

	extract_result_release(&res);
	buf_release(&page);
	free(deep_arrays);
	free(deep_objects);
	free(in_strings);
	free(huge);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("extract");
	TCase *tc = tcase_create("fixtures");

	tcase_add_loop_test(tc, test_fixture, 0, NFIXTURES);
	suite_add_tcase(s, tc);

	tc = tcase_create("robustness");
	tcase_add_test(tc, test_truncated_page);
	tcase_add_test(tc, test_empty_buffer);
	tcase_add_test(tc, test_deep_nesting);
	tcase_add_test(tc, test_bad_charset);
	tcase_add_test(tc, test_untitled_jsonld);
	tcase_add_test(tc, test_applicant_country);
	tcase_add_test(tc, test_jsonld_limits);
	suite_add_tcase(s, tc);
	return s;
}
