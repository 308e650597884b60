/*
 * bench.c - how fast the pure stages run on real input ("make bench").
 *
 *	tests/bench SALARY_TSV [PAGES_DIR]
 *
 * salary_parse over every text of the salary corpus (with the row's country
 * hint, as check_salary_real reads it), extract_page over every *.html file
 * under PAGES_DIR (skipped with a note when the directory is absent),
 * posting_normalize over the postings that extraction found, location_parse
 * alone over their location texts, salary_from_description over their
 * descriptions and over a 100 KB description whose every line holds pay
 * words and figures that are not pay (the worst case for its windows).
 * profile_fit_score of both shipped profiles (from $top_srcdir/contrib/profiles)
 * over the same postings' titles and descriptions, each split into words
 * once (fit_text_set), and over one 50 KB description made of the real
 * ones end to end.
 * Each runs whole passes over its input, after one untimed pass that warms
 * caches, until BENCH_SECONDS of wall time or BENCH_MAX_PASSES passes, and
 * prints one line.  The numbers belong to the machine and the build (measure an
 * optimized build without sanitizers); nothing here judges them: speed is
 * measured, never asserted in a test.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>

#include "buf.h"
#include "extract.h"
#include "normalize.h"
#include "posting.h"
#include "profile-fit.h"
#include "profile.h"
#include "salary.h"
#include "testutil.h"
#include "xalloc.h"

#define BENCH_SECONDS 1.0
/* Bounds the run when a pass takes next to no time (an empty input). */
#define BENCH_MAX_PASSES 10000000L
/* Deeper directories under the pages are not walked (a symlink loop). */
#define PAGES_MAX_DEPTH 8

/* tests/data/salary-real.tsv: source country text min max currency period
 * provenance (see the head of that file). */
#define TSV_FIELDS 8
#define TSV_COUNTRY 1
#define TSV_TEXT 2

struct salary_row {
	char *text;
	struct salary_hints hints;
};

struct salary_set {
	struct salary_row *rows;
	size_t n;
};

struct page {
	char *path;
	char *base;		/* file:// URL its links resolve against */
	char *html;
	size_t len;
};

struct page_set {
	struct page *pages;
	size_t n;
	size_t bytes;
	struct extract_result *found;	/* one per page: what normalize reads */
	size_t postings;
};

struct timing {
	long passes;
	double seconds;
	size_t result;		/* what the last pass counted */
};

static double now(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0)
		bench_fail("clock_gettime: %s", strerror(errno));
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/*
 * Run pass(arg) once untimed (first-touch page faults, lazily built tables),
 * then again until the time or the pass count runs out.  A pass returns a
 * count of what it produced, which the caller prints: that also keeps the
 * work observable, so no optimizer can drop it.
 */
static struct timing measure(size_t (*pass)(void *), void *arg)
{
	struct timing t = { 0, 0, 0 };
	double start;

	pass(arg);
	start = now();
	do {
		t.result = pass(arg);
		t.passes++;
		t.seconds = now() - start;
	} while (t.seconds < BENCH_SECONDS && t.passes < BENCH_MAX_PASSES);
	return t;
}

/*
 * One aligned line (tests/bench.sh prints its seconds in the same columns):
 * items per second, a second figure (time per item or throughput), then what
 * a pass held and produced, and how long the measurement ran.
 */
static void print_line(const char *name, size_t items, const char *unit, const struct timing *t,
		       double figure, const char *figure_unit, const char *produced)
{
	double rate = (double)items * (double)t->passes / t->seconds;
	char *rate_unit = xasprintf("%s/s", unit);

	printf("%-18s %10.0f %-11s %10.1f %-11s %zu %s, %s; %ld passes in %.2f s\n",
	       name, rate, rate_unit, figure, figure_unit, items, unit, produced, t->passes,
	       t->seconds);
	free(rate_unit);
}

static void note(const char *name, const char *why)
{
	printf("%-18s %10s %-11s %s\n", name, "-", "", why);
}

/* Rows of the salary corpus: every line but comments and the header. */
static void load_salaries(const char *path, struct salary_set *set)
{
	FILE *fp = fopen(path, "r");
	char *line = NULL, *f[TSV_FIELDS];
	size_t cap = 0, lineno = 0;
	ssize_t len;

	if (fp == NULL)
		bench_fail("cannot open '%s': %s", path, strerror(errno));
	while ((len = getline(&line, &cap, fp)) != -1) {
		struct salary_row *row;

		lineno++;
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		if (len == 0 || line[0] == '#' || strncmp(line, "source\t", 7) == 0)
			continue;
		if (test_split_tabs(line, f, TSV_FIELDS) != 0)
			bench_fail("%s:%zu: not %d tab-separated fields", path, lineno, TSV_FIELDS);
		test_unescape(f[TSV_TEXT]);
		set->rows = xreallocarray(set->rows, set->n + 1, sizeof(*set->rows));
		row = &set->rows[set->n++];
		memset(row, 0, sizeof(*row));
		row->text = xstrdup(f[TSV_TEXT]);
		snprintf(row->hints.country, sizeof(row->hints.country), "%s", f[TSV_COUNTRY]);
	}
	if (ferror(fp))
		bench_fail("cannot read '%s': %s", path, strerror(errno));
	free(line);
	fclose(fp);
}

static size_t salary_pass(void *arg)
{
	const struct salary_set *set = arg;
	struct salary s;
	size_t i, found = 0;

	for (i = 0; i < set->n; i++)
		if (salary_parse(set->rows[i].text, &set->rows[i].hints, &s))
			found++;
	return found;
}

static void bench_salaries(const struct salary_set *set)
{
	struct timing t;
	char produced[64];

	if (set->n == 0) {
		note("salary_parse", "skipped: the corpus has no rows");
		return;
	}
	t = measure(salary_pass, (void *)set);
	snprintf(produced, sizeof(produced), "%zu with a salary", t.result);
	print_line("salary_parse", set->n, "strings", &t,
		   t.seconds * 1e9 / ((double)set->n * (double)t.passes), "ns/string", produced);
}

static int has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

static void add_page(struct page_set *set, char *path)
{
	struct page *pg;

	set->pages = xreallocarray(set->pages, set->n + 1, sizeof(*set->pages));
	pg = &set->pages[set->n++];
	pg->path = path;
	pg->base = xasprintf("file://%s", path);
	if ((pg->html = test_read_file(path, &pg->len)) == NULL)
		bench_fail("cannot read '%s': %s", path, strerror(errno));
	set->bytes += pg->len;
}

/* Every regular *.html file under dir (stat follows links, hence the depth). */
static void find_pages(const char *dir, int depth, struct page_set *set)
{
	DIR *d;
	struct dirent *e;
	struct stat st;

	if (depth > PAGES_MAX_DEPTH)
		return;
	if ((d = opendir(dir)) == NULL)
		bench_fail("cannot open '%s': %s", dir, strerror(errno));
	while ((e = readdir(d)) != NULL) {
		char *path;

		if (e->d_name[0] == '.')
			continue;	/* ".", "..", and hidden files no board wrote */
		path = xasprintf("%s/%s", dir, e->d_name);
		if (stat(path, &st) != 0) {
			free(path);	/* a dangling link */
		} else if (S_ISDIR(st.st_mode)) {
			find_pages(path, depth + 1, set);
			free(path);
		} else if (S_ISREG(st.st_mode) && has_suffix(e->d_name, ".html")) {
			add_page(set, path);	/* the page keeps path */
		} else {
			free(path);
		}
	}
	closedir(d);
}

static int by_path(const void *a, const void *b)
{
	return strcmp(((const struct page *)a)->path, ((const struct page *)b)->path);
}

/* The postings of one page into r (initialized here); how many were found.
 * A page that cannot be read as HTML finds none and says why in *err. */
static size_t extract_one(const struct page *pg, struct extract_result *r, char **err)
{
	extract_result_init(r);
	return extract_page(pg->html, pg->len, pg->base, test_shipped_boards(), r, err) == 0 ? r->count : 0;
}

static size_t extract_pass(void *arg)
{
	const struct page_set *set = arg;
	struct extract_result r;
	size_t i, found = 0;

	for (i = 0; i < set->n; i++) {
		char *err = NULL;

		found += extract_one(&set->pages[i], &r, &err);
		extract_result_release(&r);
		free(err);
	}
	return found;
}

static size_t normalize_pass(void *arg)
{
	const struct page_set *set = arg;
	struct posting p;
	size_t i, j, with_salary = 0;

	for (i = 0; i < set->n; i++)
		for (j = 0; j < set->found[i].count; j++) {
			posting_normalize(&set->found[i].postings[j], &p);
			with_salary += p.salary.found != 0;
			posting_release(&p);
		}
	return with_salary;
}

static size_t description_pass(void *arg)
{
	const struct page_set *set = arg;
	struct salary s;
	size_t i, j, found = 0;

	for (i = 0; i < set->n; i++)
		for (j = 0; j < set->found[i].count; j++)
			found += salary_from_description(set->found[i].postings[j].description,
							 NULL, &s);
	return found;
}

static size_t dense_pass(void *arg)
{
	struct salary s;

	return (size_t)salary_from_description(arg, NULL, &s);
}

/* Description bytes the postings found hold, and how many have one. */
static size_t description_bytes(const struct page_set *set, size_t *n)
{
	size_t i, j, bytes = 0;
	const char *d;

	*n = 0;
	for (i = 0; i < set->n; i++)
		for (j = 0; j < set->found[i].count; j++)
			if ((d = set->found[i].postings[j].description) != NULL) {
				bytes += strlen(d);
				(*n)++;
			}
	return bytes;
}

/* The real descriptions, then 100 KB of pay words beside figures that are
 * not pay, one sentence a line, the range at the very end. */
static void bench_descriptions(const struct page_set *set)
{
	struct buf b = BUF_INIT;
	struct timing t;
	char produced[64];
	size_t n, bytes = description_bytes(set, &n);
	double mb = (double)bytes / 1e6;
	char *dense;

	if (n > 0) {
		t = measure(description_pass, (void *)set);
		snprintf(produced, sizeof(produced), "%.2f MB, %zu with a salary", mb, t.result);
		print_line("salary_description", n, "texts", &t, mb * (double)t.passes / t.seconds,
			   "MB/s", produced);
	} else {
		note("salary_description", "skipped: no posting found has a description");
	}
	while (b.len < 100 * 1024)
		buf_appends(&b, "Our salary, pay and compensation: 401(k) match up to 4%, 5+ years, "
			    "a team of 50, $50 a month gym and a $2,000 budget.\n");
	buf_appends(&b, "The salary range for this role is $100,000 - $130,000.");
	mb = (double)b.len / 1e6;
	dense = buf_detach(&b);
	t = measure(dense_pass, dense);
	snprintf(produced, sizeof(produced), "%.2f MB, %zu with a salary", mb, t.result);
	print_line("description 100KB", 1, "texts", &t, mb * (double)t.passes / t.seconds,
		   "MB/s", produced);
	free(dense);
}

/* What profile_fit passes: the postings, the profiles, one reused text. */
struct fit_bench {
	const struct page_set *pages;
	const struct profile_set *profiles;
	struct fit_text text;
	const char *big;	/* the 50 KB description */
};

/* Split title and description once, score every profile: how many fit. */
static size_t fit_one(struct fit_bench *fb, const char *title, const char *description)
{
	size_t k, fits = 0;

	fit_text_set(&fb->text, title, description);
	for (k = 0; k < fb->profiles->n; k++)
		fits += profile_fits(&fb->profiles->v[k], &fb->text) != 0;
	return fits;
}

static size_t fit_pass(void *arg)
{
	struct fit_bench *fb = arg;
	const struct page_set *set = fb->pages;
	size_t i, j, fits = 0;

	for (i = 0; i < set->n; i++)
		for (j = 0; j < set->found[i].count; j++)
			fits += fit_one(fb, set->found[i].postings[j].title,
					set->found[i].postings[j].description);
	return fits;
}

static size_t fit_big_pass(void *arg)
{
	struct fit_bench *fb = arg;

	return fit_one(fb, "Data Engineer", fb->big);
}

/* The real descriptions end to end, again and again, to 50 KB. */
static char *big_description(const struct page_set *set)
{
	struct buf b = BUF_INIT;
	size_t i, j;
	const char *d;

	while (b.len < 50 * 1024)
		for (i = 0; i < set->n && b.len < 50 * 1024; i++)
			for (j = 0; j < set->found[i].count; j++)
				if ((d = set->found[i].postings[j].description) != NULL) {
					buf_appends(&b, d);
					buf_appends(&b, "\n");
				}
	return buf_detach(&b);
}

static void bench_profile_fit(const struct page_set *set)
{
	struct profile_set profiles = { NULL, 0 };
	struct fit_bench fb = { set, &profiles, { 0 }, NULL };
	struct timing t;
	char produced[64], *err = NULL, *why;
	size_t n;
	double mb;

	if (test_load_shipped_profiles(&profiles, &err) != 0 || profiles.n == 0) {
		why = xasprintf("skipped: no shipped profiles (%s)", err ? err : "none found");
		note("profile_fit", why);
		free(why);
		free(err);
		return;
	}
	fit_text_init(&fb.text);
	t = measure(fit_pass, &fb);
	snprintf(produced, sizeof(produced), "%zu profiles, %zu fits", profiles.n, t.result);
	print_line("profile_fit", set->postings, "postings", &t,
		   t.seconds * 1e9 / ((double)set->postings * (double)t.passes), "ns/posting",
		   produced);
	if (description_bytes(set, &n) > 0) {
		fb.big = big_description(set);
		mb = (double)strlen(fb.big) / 1e6;
		t = measure(fit_big_pass, &fb);
		snprintf(produced, sizeof(produced), "%.2f MB, %zu fits", mb, t.result);
		print_line("profile_fit 50KB", 1, "texts", &t,
			   t.seconds * 1e6 / (double)t.passes, "us/text", produced);
		free((char *)fb.big);
	}
	fit_text_release(&fb.text);
	profile_set_release(&profiles);
}

/* location_parse alone over the same postings, with the hints posting_normalize passes. */
static size_t location_pass(void *arg)
{
	const struct page_set *set = arg;
	struct location l;
	size_t i, j, with_country = 0;

	for (i = 0; i < set->n; i++)
		for (j = 0; j < set->found[i].count; j++) {
			const struct raw_posting *raw = &set->found[i].postings[j];
			struct location_hints hints = { raw->remote, raw->applicant_country,
							raw->country };

			location_parse(raw->location, &hints, &l);
			with_country += l.country[0] != '\0';
		}
	return with_country;
}

/* Read every page once, sorted so the order is the same on every machine,
 * and keep what extraction finds for the normalize measurement. */
static void load_pages(const char *dir, struct page_set *set)
{
	size_t i;

	find_pages(dir, 0, set);
	if (set->n > 1)
		qsort(set->pages, set->n, sizeof(*set->pages), by_path);
	set->found = xcalloc(set->n ? set->n : 1, sizeof(*set->found));
	for (i = 0; i < set->n; i++) {
		char *err = NULL;

		set->postings += extract_one(&set->pages[i], &set->found[i], &err);
		if (err != NULL)
			fprintf(stderr, "bench: %s: %s (timed all the same)\n",
				set->pages[i].path, err);
		free(err);
	}
}

static void bench_pages(struct page_set *set)
{
	struct timing t;
	char produced[64];
	double mb = (double)set->bytes / 1e6;

	t = measure(extract_pass, set);
	snprintf(produced, sizeof(produced), "%.1f MB, %zu postings", mb, t.result);
	print_line("extract_page", set->n, "pages", &t, mb * (double)t.passes / t.seconds,
		   "MB/s", produced);
	if (set->postings == 0) {
		note("posting_normalize", "skipped: extraction found no postings");
		note("location_parse", "skipped: extraction found no postings");
		note("profile_fit", "skipped: extraction found no postings");
		return;
	}
	t = measure(normalize_pass, set);
	snprintf(produced, sizeof(produced), "%zu with a salary", t.result);
	print_line("posting_normalize", set->postings, "postings", &t,
		   t.seconds * 1e9 / ((double)set->postings * (double)t.passes), "ns/posting",
		   produced);
	t = measure(location_pass, set);
	snprintf(produced, sizeof(produced), "%zu with a country", t.result);
	print_line("location_parse", set->postings, "strings", &t,
		   t.seconds * 1e9 / ((double)set->postings * (double)t.passes), "ns/string",
		   produced);
	bench_descriptions(set);
	bench_profile_fit(set);
}

static void release(struct salary_set *salaries, struct page_set *pages)
{
	size_t i;

	for (i = 0; i < salaries->n; i++)
		free(salaries->rows[i].text);
	free(salaries->rows);
	for (i = 0; i < pages->n; i++) {
		free(pages->pages[i].path);
		free(pages->pages[i].base);
		free(pages->pages[i].html);
		extract_result_release(&pages->found[i]);
	}
	free(pages->pages);
	free(pages->found);
}

int main(int argc, char **argv)
{
	struct salary_set salaries = { NULL, 0 };
	struct page_set pages = { NULL, 0, 0, NULL, 0 };
	struct stat st;
	char *why;

	if (argc < 2 || argc > 3) {
		fputs("usage: bench SALARY_TSV [PAGES_DIR]\n", stderr);
		return 2;
	}
	load_salaries(argv[1], &salaries);
	bench_salaries(&salaries);
	if (argc == 3 && stat(argv[2], &st) == 0 && S_ISDIR(st.st_mode)) {
		load_pages(argv[2], &pages);
		if (pages.n > 0)
			bench_pages(&pages);
		else
			note("extract_page", "skipped: no *.html files under the pages directory");
	} else {
		why = xasprintf("skipped: no pages directory %s%s (set JOBSTATS_DATA)",
				argc == 3 ? "at " : "given", argc == 3 ? argv[2] : "");
		note("extract_page", why);
		free(why);
		note("posting_normalize", "skipped: needs the postings extract_page finds");
		note("location_parse", "skipped: needs the postings extract_page finds");
		note("profile_fit", "skipped: needs the postings extract_page finds");
	}
	release(&salaries, &pages);
	if (fflush(stdout) != 0 || ferror(stdout))
		bench_fail("cannot write the results: %s", strerror(errno));
	return 0;
}
