/*
 * check_pages.c - field-level accuracy on the real pages: every
 * tests/pages-expected/DIR/FILE.expected (read by hand, see the README
 * there) against what jobstats extracts from $JOBSTATS_DATA/pages/DIR/FILE
 * with the shipped board rules, normalized as a crawl stores it.  Skipped
 * (exit 77) when the real pages are absent: they are not in the repository.
 *
 * Each page prints one line for the accuracy table,
 *   ACCURACY DIR/FILE expected E found F title=a/b company=... salary=...
 * (a/b: exact over expected postings that state the field or were found
 * with it), and fails on any difference.
 */
#include "config.h"

#include "check-main.h"

#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "buf.h"
#include "extract.h"
#include "html.h"
#include "posting.h"
#include "salary.h"
#include "testutil.h"
#include "xalloc.h"

static const char *const fields[] = {
	"title", "company", "location", "arrangement", "level", "type", "salary",
	"posted", "url", "id",
};
#define NFIELDS (sizeof(fields) / sizeof(fields[0]))

static char **expected_files;	/* relative to tests/pages-expected */
static size_t nexpected;
static char *pages_dir;

static char *fmt_amount(double v)
{
	char *s = xasprintf("%.2f", v), *end = s + strlen(s) - 1;

	while (*end == '0')
		*end-- = '\0';
	if (*end == '.')
		*end = '\0';
	return s;
}

/* A normalized salary in the expected files' notation. */
static char *salary_notation(const struct salary *s)
{
	char *lo, *hi, *out;
	/* A year guessed from the size of the figures is not one the page states. */
	int guessed = s->rule != NULL && strstr(s->rule, "inferred-year") != NULL;
	const char *period = s->period == PERIOD_UNKNOWN || guessed ? "?" :
			     salary_period_name(s->period);
	const char *est = s->provenance && strcmp(s->provenance, "estimate") == 0 ? " estimate" : "";

	if (!s->found)
		return NULL;
	lo = fmt_amount(s->min);
	hi = fmt_amount(s->max);
	if (strcmp(lo, hi) == 0)
		out = xasprintf("%s %s %s%s", s->currency, lo, period, est);
	else
		out = xasprintf("%s %s-%s %s%s", s->currency, lo, hi, period, est);
	free(lo);
	free(hi);
	return out;
}

/* The posting's value of an expected-file field, allocated, or NULL. */
static char *got_value(const struct posting *p, const struct raw_posting *raw, const char *f)
{
	const char *v = NULL;

	if (strcmp(f, "salary") == 0)
		return salary_notation(&p->salary);
	if (strcmp(f, "title") == 0) v = p->title;
	else if (strcmp(f, "company") == 0) v = p->company;
	else if (strcmp(f, "location") == 0) v = p->location;
	else if (strcmp(f, "arrangement") == 0) v = p->remote;
	else if (strcmp(f, "level") == 0) v = p->level;
	else if (strcmp(f, "type") == 0) v = p->employment_type;
	else if (strcmp(f, "posted") == 0) v = p->posted;
	else if (strcmp(f, "url") == 0) v = raw->url;
	else if (strcmp(f, "id") == 0) v = raw->external_id;
	return v && *v ? xstrdup(v) : NULL;
}

/* Expected salary "USD 35.36-37.10 hour" equals got "USD 35.36-37.1 hour"? */
static int same_salary(const char *want, const char *got)
{
	char wc[8], gc[8], wp[16], gp[16], we[16] = "", ge[16] = "";
	double wlo, whi, glo, ghi;
	int nw, ng;

	nw = sscanf(want, "%7s %lf-%lf %15s %15s", wc, &wlo, &whi, wp, we);
	if (nw < 4) {
		nw = sscanf(want, "%7s %lf %15s %15s", wc, &wlo, wp, we);
		whi = wlo;
		nw = nw >= 3 ? 4 : 0;
	}
	ng = sscanf(got, "%7s %lf-%lf %15s %15s", gc, &glo, &ghi, gp, ge);
	if (ng < 4) {
		ng = sscanf(got, "%7s %lf %15s %15s", gc, &glo, gp, ge);
		ghi = glo;
		ng = ng >= 3 ? 4 : 0;
	}
	return nw >= 4 && ng >= 4 && strcmp(wc, gc) == 0 && strcmp(wp, gp) == 0 &&
	       strcmp(we, ge) == 0 && fabs(wlo - glo) < 0.005 && fabs(whi - ghi) < 0.005;
}

static int same_value(const char *f, const char *want, const char *got)
{
	if (want == NULL || got == NULL)
		return want == got;
	if (strcmp(f, "salary") == 0)
		return same_salary(want, got);
	return strcmp(want, got) == 0;
}

/* The expected value, blanks collapsed; NULL when absent or empty. */
static char *want_value(const struct expected_posting *e, const char *f)
{
	const char *v = expected_get(e, f);
	char *s;

	if (v == NULL)
		return NULL;
	s = xstrdup(v);
	text_collapse(s);
	return *s ? s : (free(s), NULL);
}

struct tally {
	int exact[NFIELDS], stated[NFIELDS];
	struct buf diffs;
	int ndiffs;
};

/*
 * Is a difference a failure?  Always, except in "check: precision" pages
 * (free text), where only a wrong value is: a value or a posting the
 * extractor left out is counted in the accuracy line, and so is a title
 * (the role words a reader picks from an ad that names several).
 */
static int fails(int precision, const char *field, const char *got)
{
	return !precision || (got != NULL && strcmp(field, "title") != 0);
}

static void compare_posting(const struct expected_posting *e, const struct posting *p,
			    const struct raw_posting *raw, size_t k, int precision,
			    struct tally *t)
{
	size_t i;

	for (i = 0; i < NFIELDS; i++) {
		char *want = want_value(e, fields[i]);
		char *got = p ? got_value(p, raw, fields[i]) : NULL;

		if (want != NULL || got != NULL)
			t->stated[i]++;
		if (same_value(fields[i], want, got)) {
			if (want != NULL || got != NULL)
				t->exact[i]++;
		} else {
			buf_printf(&t->diffs, "  posting %zu (line %d) %s: want '%s', got '%s'%s\n",
				   k + 1, e->line, fields[i], want ? want : "", got ? got : "",
				   fails(precision, fields[i], got) ? "" : " (not a failure)");
			t->ndiffs += fails(precision, fields[i], got);
		}
		free(want);
		free(got);
	}
}

static int same_text(const char *a, const char *b)
{
	return a != NULL && b != NULL && strcmp(a, b) == 0;
}

/*
 * The found posting that is e's: the first unused one with its id, else
 * its url, else its title (case aside) and no other id; -1 when none.
 */
static long find_match(const struct expected_posting *e, const struct extract_result *r,
		       const struct posting *ps, const unsigned char *used)
{
	char *title = want_value(e, "title");
	const char *id = expected_get(e, "id"), *url = expected_get(e, "url");
	long by_url = -1, by_title = -1;
	size_t i;

	for (i = 0; i < r->count; i++) {
		if (used[i])
			continue;
		if (same_text(r->postings[i].external_id, id)) {
			by_url = by_title = (long)i;
			break;
		}
		if (by_url < 0 && same_text(r->postings[i].url, url))
			by_url = (long)i;
		/* A posting with another id is another job, whatever its title. */
		if (by_title < 0 && title != NULL && ps[i].title != NULL &&
		    strcasecmp(ps[i].title, title) == 0 &&
		    (id == NULL || r->postings[i].external_id == NULL))
			by_title = (long)i;
	}
	free(title);
	return by_url >= 0 ? by_url : by_title;
}

static void print_accuracy(const char *name, const struct expected_page *e, size_t found,
			   const struct tally *t)
{
	size_t i;

	printf("ACCURACY %s expected %ld found %zu", name, e->postings, found);
	for (i = 0; i < NFIELDS; i++)
		printf(" %s=%d/%d", fields[i], t->exact[i], t->stated[i]);
	printf("\n");
	fflush(stdout);
}

START_TEST(test_page)
{
	const char *name = expected_files[_i];
	char *exp_path, *page_path, *err = NULL;
	struct expected_page e;
	struct extract_result r;
	struct posting *ps;
	struct tally t = { .diffs = BUF_INIT };
	unsigned char *used;
	size_t len, i;
	char *html, *rel;

	rel = xasprintf("tests/pages-expected/%s.expected", name);
	exp_path = test_srcdir_path(rel);
	free(rel);
	page_path = xasprintf("%s/%s", pages_dir, name);
	expected_page_init(&e);
	ck_assert_msg(expected_load(exp_path, &e, &err) == 0, "%s", err);
	html = test_read_file(page_path, &len);
	ck_assert_msg(html != NULL, "cannot read %s", page_path);
	extract_result_init(&r);
	ck_assert_msg(extract_page(html, len, e.base, test_shipped_boards(), &r, &err) == 0,
		      "%s: %s", name, err);
	ps = xcalloc(r.count + 1, sizeof(*ps));
	used = xcalloc(r.count + 1, 1);
	for (i = 0; i < r.count; i++)
		posting_normalize(&r.postings[i], &ps[i]);
	for (i = 0; i < e.nitems; i++) {
		long m = find_match(&e.items[i], &r, ps, used);

		if (m >= 0)
			used[m] = 1;
		compare_posting(&e.items[i], m >= 0 ? &ps[m] : NULL,
				m >= 0 ? &r.postings[m] : NULL, i, e.precision, &t);
	}
	for (i = 0; i < r.count; i++) {
		if (!used[i]) {
			buf_printf(&t.diffs, "  found posting not expected: '%s'\n", ps[i].title);
			t.ndiffs++;
		}
	}
	print_accuracy(name, &e, r.count, &t);
	/* Every difference in the log; Check's own message has a size limit. */
	if (t.diffs.len > 0)
		printf("%s:\n%s", name, buf_str(&t.diffs));
	fflush(stdout);
	ck_assert_msg(t.ndiffs == 0 && (e.precision || r.count == (size_t)e.postings),
		      "%s: %zu postings found, %ld expected; %d field differences (listed above)",
		      name, r.count, e.postings, t.ndiffs);
	for (i = 0; i < r.count; i++)
		posting_release(&ps[i]);
	free(ps);
	free(used);
	buf_release(&t.diffs);
	extract_result_release(&r);
	expected_page_release(&e);
	free(html);
	free(page_path);
	free(exp_path);
}
END_TEST

/* DIR/FILE for every DIR/FILE.expected under root, sorted. */
static void list_expected(const char *root)
{
	DIR *d = opendir(root), *sub;
	struct dirent *de, *fe;

	while (d != NULL && (de = readdir(d)) != NULL) {
		char *dir = xasprintf("%s/%s", root, de->d_name);

		if (de->d_name[0] != '.' && (sub = opendir(dir)) != NULL) {
			while ((fe = readdir(sub)) != NULL) {
				size_t n = strlen(fe->d_name);

				if (n <= 9 || strcmp(fe->d_name + n - 9, ".expected") != 0)
					continue;
				expected_files = xreallocarray(expected_files, nexpected + 1,
							       sizeof(char *));
				expected_files[nexpected++] =
					xasprintf("%s/%.*s", de->d_name, (int)(n - 9), fe->d_name);
			}
			closedir(sub);
		}
		free(dir);
	}
	if (d != NULL)
		closedir(d);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

Suite *test_suite(void)
{
	const char *data = getenv("JOBSTATS_DATA");
	char *root = test_srcdir_path("tests/pages-expected");
	struct stat st;
	Suite *s = suite_create("pages");
	TCase *tc = tcase_create("accuracy");

	pages_dir = data && *data ? xasprintf("%s/pages", data) : test_srcdir_path("../shared/data/pages");
	if (stat(pages_dir, &st) != 0) {
		printf("real pages not present at %s (set JOBSTATS_DATA): skipped\n", pages_dir);
		exit(77);
	}
	list_expected(root);
	free(root);
	if (nexpected > 1)
		qsort(expected_files, nexpected, sizeof(char *), cmp_str);
	tcase_set_timeout(tc, 120);
	tcase_add_loop_test(tc, test_page, 0, (int)nexpected);
	suite_add_tcase(s, tc);
	return s;
}
