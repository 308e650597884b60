/*
 * check_report_store.c - the narrow read a report makes
 * (store_foreach_report_posting) against the full one
 * (store_foreach_posting): for every filter, with and without a title
 * test, with and without descriptions, the same postings with the same
 * fields a report reads: its title pass and narrow columns lose nothing.
 */
#include "config.h"

#include "check-main.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "role.h"
#include "store.h"
#include "testdb.h"
#include "xalloc.h"

static char db_path[64];
static struct store *st;
static long long alpha;		/* the first source's id */

/* One posting: title, company, level, country, remote, salary (min, max,
 * currency, period; min 0: none), provenance, description, posted. */
struct row {
	const char *id, *title, *company, *level, *country, *remote;
	double min, max;
	const char *currency;
	enum salary_period period;
	const char *provenance, *description, *posted;
};

/* Real titles and pay (aijobs.net salaries, the seed board); two sources
 * list some of the same jobs, so duplicates are linked. */
static const struct row rows[] = {
	{ "1", "Data Engineer", "murmuration", "MI", "US", "remote", 100000, 130000, "USD",
	  PERIOD_YEAR, "structured", "Spark, Airflow and SQL.", "2026-03-02" },
	{ "2", "Senior Data Engineer", "Lakeside Bank", "SE", "GB", "hybrid", 70000, 90000, "GBP",
	  PERIOD_YEAR, "text", NULL, "2026-03-09" },
	{ "3", "data-engineer", "Zürich Analytics AG", NULL, "CH", NULL, 0, 0, NULL,
	  PERIOD_UNKNOWN, NULL, "Python; Kubernetes.", NULL },
	{ "4", "Data Engineering Manager", "murmuration", "EX", "US", "onsite", 60, 80, "USD",
	  PERIOD_HOUR, "structured", NULL, "2026-04-01" },
	{ "5", "Machine Learning Engineer", "Café Olé", "EN", "FR", "remote", 45000, 45000, "EUR",
	  PERIOD_YEAR, "estimate", "PyTorch.", "2026-02-15" },
	{ "6", "Data Engineer", "Lakeside Bank", "MI", "US", NULL, 5000, 0, "USD", PERIOD_UNKNOWN,
	  "text", "", "2026-03-02" },
	{ "7", "Data Engineer (Remote)", "murmuration", "SE", "US", "remote", 120000, 150000,
	  "USD", PERIOD_YEAR, "structured", "dbt.", "2026-05-20" },
};

static void add(long long source, const struct row *r, const char *now)
{
	enum upsert_result res;
	struct posting p;
	char *err = NULL;

	posting_init(&p);
	p.external_id = xstrdup(r->id);
	p.title = xstrdup(r->title);
	p.company = xstrdup(r->company);
	p.level = r->level;
	snprintf(p.country, sizeof(p.country), "%s", r->country);
	p.remote = r->remote;
	p.employment_type = "FT";
	p.description = r->description ? xstrdup(r->description) : NULL;
	p.posted = r->posted ? xstrdup(r->posted) : NULL;
	if (r->min > 0) {
		p.salary.found = 1;
		p.salary.min = r->min;
		p.salary.max = r->max;
		snprintf(p.salary.currency, sizeof(p.salary.currency), "%s", r->currency);
		p.salary.period = r->period;
		p.salary.annual_min = r->period == PERIOD_HOUR ? r->min * 2080 : r->min;
		p.salary.annual_max = r->period == PERIOD_HOUR ? r->max * 2080 : r->max;
		p.salary.provenance = r->provenance;
	}
	ck_assert_msg(store_upsert(st, source, 0, NULL, &p, now, &res, &err) == 0, "upsert: %s",
		      err);
	posting_release(&p);
}

static void setup(void)
{
	long long a, b;
	size_t i;

	testdb_path(db_path, sizeof(db_path), "check_report_store");
	st = testdb_open_store(db_path);
	a = alpha = testdb_add_source(st, "alpha");
	b = testdb_add_source(st, "beta");
	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		add(a, &rows[i], "2026-06-01T00:00:00Z");
	/* beta lists jobs 1, 2 and 5 too (duplicates of alpha's) and 7 again. */
	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		if (strchr("1257", rows[i].id[0]) != NULL)
			add(b, &rows[i], "2026-06-02T00:00:00Z");
}

static void teardown(void)
{
	store_free(st);
	st = NULL;
	testdb_remove(db_path);
}

static const char *str(const char *s)
{
	return s != NULL ? s : "(null)";
}

/* What a report reads of the posting, one line, by id. */
struct lines {
	struct buf b;
	const char *role;
	int with_description;
};

static int one_line(const struct stored_posting *sp, void *ctx)
{
	struct lines *l = ctx;
	const struct posting *p = sp->posting;
	const struct salary *s = &p->salary;

	if (l->role != NULL && !role_matches(l->role, p->title))
		return 0;
	buf_printf(&l->b, "%lld|%s|%s|%s|%s|%s|%s|%s|%d|%s|%s|%.17g|%.17g|%s|%s|%s|%s|%lld|%d\n",
		   sp->id, str(p->title), str(p->company), str(p->remote), p->country,
		   str(p->level), str(p->employment_type), str(p->posted), s->found, s->currency,
		   salary_period_name(s->period), s->annual_min, s->annual_max,
		   str(s->provenance), str(l->with_description ? p->description : NULL),
		   str(sp->source), str(sp->first_seen), sp->duplicate_of, sp->duplicate);
	return 0;
}

static int wanted(const char *title, void *ctx)
{
	return role_matches(((struct lines *)ctx)->role, title);
}

/* The lines sorted, so that title-by-title order compares with id order. */
static int by_line(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *sorted(const char *text)
{
	char *copy = xstrdup(text), **v = NULL, *p, *save = NULL;
	struct buf b = BUF_INIT;
	size_t n = 0, i;

	for (p = strtok_r(copy, "\n", &save); p != NULL; p = strtok_r(NULL, "\n", &save)) {
		v = xreallocarray(v, n + 1, sizeof(*v));
		v[n++] = p;
	}
	if (n > 0)
		qsort(v, n, sizeof(*v), by_line);
	for (i = 0; i < n; i++)
		buf_printf(&b, "%s\n", v[i]);
	free(v);
	free(copy);
	return buf_detach(&b);
}

static const struct posting_filter filters[] = {
	{ NULL, NULL, NULL, NULL, NULL, NULL, NULL },
	{ "beta", NULL, NULL, NULL, NULL, NULL, NULL },
	{ NULL, "MI", NULL, NULL, NULL, NULL, NULL },
	{ NULL, NULL, "US", "remote", NULL, NULL, NULL },
	{ NULL, NULL, NULL, NULL, "2026-03-01", "2026-03-31", NULL },
	{ NULL, NULL, NULL, NULL, NULL, NULL, "MURMURATION" },
};

static const char *const roles[] = { NULL, "Data Engineer", "ML Engineer", "Nurse" };

START_TEST(test_same_postings)
{
	const struct posting_filter *f = &filters[_i];
	struct lines full = { BUF_INIT, NULL, 1 }, narrow = { BUF_INIT, NULL, 1 };
	char *err = NULL, *want, *got;
	size_t r;
	int d;

	for (r = 0; r < sizeof(roles) / sizeof(roles[0]); r++) {
		for (d = 0; d <= 1; d++) {
			full.role = narrow.role = roles[r];
			full.with_description = narrow.with_description = d;
			buf_release(&full.b);
			buf_release(&narrow.b);
			ck_assert(store_foreach_posting(st, f, one_line, &full, &err) == 0);
			ck_assert(store_foreach_report_posting(st, f, roles[r] ? wanted : NULL, d,
							       one_line, &narrow, &err) == 0);
			want = sorted(buf_str(&full.b));
			got = sorted(buf_str(&narrow.b));
			ck_assert_msg(strcmp(want, got) == 0, "filter %d, role %s, description %d:\n"
				      "want\n%s\ngot\n%s", _i, str(roles[r]), d, want, got);
			/* The data has duplicates the report must leave out. */
			if (_i == 0 && roles[r] == NULL)
				ck_assert_ptr_nonnull(strstr(buf_str(&narrow.b), "|1\n"));
			/* Without a title test the postings come by id, as the full read's. */
			if (roles[r] == NULL)
				ck_assert_str_eq(buf_str(&full.b), buf_str(&narrow.b));
			free(want);
			free(got);
		}
	}
	buf_release(&full.b);
	buf_release(&narrow.b);
}
END_TEST

/* Both readers cut a stored value too long for the posting's field the same
 * way (a database written by hand, or by another program). */
START_TEST(test_long_codes_cut_alike)
{
	struct lines full = { BUF_INIT, NULL, 0 }, narrow = { BUF_INIT, NULL, 0 };
	char *err = NULL;

	testdb_exec(db_path, "UPDATE postings SET country = 'USA', salary_currency = 'USDX' "
		    "WHERE posting_key = 'id:1'; UPDATE postings SET country = 'C', "
		    "salary_currency = '' WHERE posting_key = 'id:2'");
	ck_assert(store_foreach_posting(st, NULL, one_line, &full, &err) == 0);
	ck_assert(store_foreach_report_posting(st, NULL, NULL, 0, one_line, &narrow, &err) == 0);
	ck_assert_str_eq(buf_str(&full.b), buf_str(&narrow.b));
	ck_assert_ptr_nonnull(strstr(buf_str(&narrow.b), "|US|MI|FT|2026-03-02|1|USD|"));
	ck_assert_ptr_nonnull(strstr(buf_str(&narrow.b), "|C|SE|"));
	buf_release(&full.b);
	buf_release(&narrow.b);
}
END_TEST

/* More titles than one statement takes (store-salaries.c reads 200 at
 * once): every one's postings still come, each once. */
START_TEST(test_many_titles)
{
	struct lines full = { BUF_INIT, "Data Engineer", 0 };
	struct lines narrow = { BUF_INIT, "Data Engineer", 0 };
	struct row r = rows[0];
	char id[16], title[48], *err = NULL, *want, *got;
	int i;

	for (i = 0; i < 450; i++) {
		snprintf(id, sizeof(id), "m%d", i);
		snprintf(title, sizeof(title), "Data Engineer %03d", i % 430);
		r.id = id;
		r.title = title;
		add(alpha, &r, "2026-06-03T00:00:00Z");
	}
	ck_assert(store_foreach_posting(st, NULL, one_line, &full, &err) == 0);
	ck_assert(store_foreach_report_posting(st, NULL, wanted, 0, one_line, &narrow, &err) == 0);
	want = sorted(buf_str(&full.b));
	got = sorted(buf_str(&narrow.b));
	ck_assert_str_eq(want, got);
	ck_assert_ptr_nonnull(strstr(got, "|Data Engineer 429|"));
	free(want);
	free(got);
	buf_release(&full.b);
	buf_release(&narrow.b);
}
END_TEST

/* The test is asked once a distinct title, not once a posting. */
static int count_calls(const char *title, void *ctx)
{
	(void)title;
	++*(int *)ctx;
	return 0;
}

static int no_row(const struct stored_posting *sp, void *ctx)
{
	(void)sp;
	(void)ctx;
	ck_abort_msg("no title was wanted");
	return 0;
}

START_TEST(test_title_asked_once)
{
	char *err = NULL;
	int calls = 0;

	ck_assert(store_foreach_report_posting(st, NULL, count_calls, 0, no_row, &calls,
					       &err) == 0);
	ck_assert_int_eq(calls, 6);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("report_store");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, test_same_postings, 0, (int)(sizeof(filters) / sizeof(filters[0])));
	tcase_add_test(tc, test_title_asked_once);
	tcase_add_test(tc, test_long_codes_cut_alike);
	tcase_add_test(tc, test_many_titles);
	suite_add_tcase(s, tc);
	return s;
}
