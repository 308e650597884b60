/*
 * bench-speed.h - the shared parts of tests/bench-speed ("make bench"): the
 * generated corpus, the rows of the table and how they are measured.
 */
#ifndef JOBSTATS_BENCH_SPEED_H
#define JOBSTATS_BENCH_SPEED_H

#include <stddef.h>

#include "testutil.h"	/* bench_fail */

struct board_set;

/* Runs of each figure; the table prints their median and min-max. */
#define BENCH_RUNS_MAX 9

struct bench_page {
	char *html;
	size_t len;
	char *url;
};

/* Pages held in memory, all generated alike (or read from a directory). */
struct bench_corpus {
	const char *name;
	struct bench_page *pages;
	size_t n, bytes, postings;
};

/* What kind of page bench_corpus_make writes. */
enum bench_shape {
	SHAPE_LISTING_JSONLD,	/* 50 cards and one JSON-LD JobPosting per card */
	SHAPE_LISTING_RULES,	/* the same cards, no JSON-LD: board rules read them */
	SHAPE_DETAIL_JSONLD	/* one posting's page, one JSON-LD JobPosting */
};

#define BENCH_CARDS_PER_PAGE 50

void bench_corpus_make(struct bench_corpus *c, const char *name, enum bench_shape shape,
		       size_t npages);
void bench_corpus_read(struct bench_corpus *c, const char *name, const char *dir);
void bench_corpus_release(struct bench_corpus *c);

/* The n-th generated posting's fields, as a card would show them. */
struct bench_job {
	char title[96], company[64], location[64], salary[64], posted[16];
	const char *level_word, *type;
	long id, pay_min, pay_max;
	int role, level;	/* indices into the role and level lists */
};
void bench_job(unsigned long n, struct bench_job *j);
#define BENCH_ROLES 20
#define BENCH_LEVELS 4
extern const char *const bench_role_names[BENCH_ROLES];

/* One row of the table. */
struct bench_row {
	char name[40];
	const char *unit;
	double v[BENCH_RUNS_MAX];
	int n;
	long rss_kb;		/* peak RSS of the step, 0: not measured */
	char detail[200];
	/* The target: the median over target (or target over median when
	 * lower is better) is the ratio printed; 0: none. */
	double target;
	int lower_better;
	char target_text[48];
};

/* Runs per figure (BENCH_RUNS, default 3, at most BENCH_RUNS_MAX). */
int bench_runs(void);
double bench_now(void);

/* Peak RSS since the last bench_rss_reset, in kB. */
void bench_rss_reset(void);
long bench_rss_peak(void);

void bench_row_init(struct bench_row *r, const char *name, const char *unit);
void bench_row_add(struct bench_row *r, double v);
double bench_row_median(const struct bench_row *r);
void bench_row_target(struct bench_row *r, double target, int lower_better, const char *text);
/* Print the row now (text) or keep it for the JSON at the end. */
void bench_row_emit(const struct bench_row *r);
void bench_note(const char *name, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void bench_set_json(int on);
void bench_finish(void);

/* Fill r with bench_runs() figures of units per second (after one untimed
 * pass), scaled by scale, and the step's peak RSS. */
void bench_rate_row(struct bench_row *r, size_t (*pass)(void *), void *arg, double units,
		    double scale);

/* The rows, each its own file. */
struct bench_ceiling {
	double tree_mbs;	/* htmlReadMemory, median MB/s */
};
void bench_parse_rows(const struct bench_corpus *c, struct bench_ceiling *out);
double bench_extract_rows(const struct bench_corpus *c, const struct bench_ceiling *ceil,
			  double target_ratio, const char *target_text);
void bench_threads_rows(const struct bench_corpus *c, double single_mbs);
void bench_ingest_rows(void);
void bench_report_rows(const char *jobstats, const char *dir);
void bench_make_report_db(const char *path, long n);
/* Remove a database and its -wal and -shm files. */
void bench_remove_db(const char *path);

#endif
