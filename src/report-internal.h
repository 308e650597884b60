/*
 * report-internal.h - what the report stage's files share: each posting of
 * the role reduced to a sample (what a report needs of it, nothing more),
 * and the collector that gathers them from the store.
 *
 *   report-collect.c   store -> samples (pay in the report currency, fit)
 *   report-intern.c    the samples' strings, each kept once
 *   report-groups.c    samples -> overall and split groups, sources, histogram
 *   report-trend.c     samples -> date span and trend
 *   report-fit.c       samples -> profile fit
 *   report.c           the public entry points (report.h)
 */
#ifndef JOBSTATS_REPORT_INTERNAL_H
#define JOBSTATS_REPORT_INTERNAL_H

#include <stdint.h>

#include "profile.h"
#include "profile-fit.h"
#include "rates.h"
#include "report.h"

/* Not an index: no key or group yet. */
#define REPORT_NONE ((size_t)-1)

/* A string the samples share (report-intern.c). */
struct report_string {
	char *s;
	uint64_t hash;
	size_t key;		/* a title's: the index of its key (lowercased,
				   spacing collapsed), REPORT_NONE until known */
	size_t group;		/* a title key's: its group, by order met */
};

/* Strings kept once each, by index. */
struct report_intern {
	struct report_string *v;
	size_t n;
	size_t *slots, nslots;	/* open addressing: index + 1, 0 empty */
};

/* The index of the string equal to s, added (copied) when new; its s
 * stays put while the table lives. */
size_t report_intern(struct report_intern *t, const char *s);
/* The same, as the kept string. */
const char *report_intern_str(struct report_intern *t, const char *s);
void report_intern_release(struct report_intern *t);

enum pay { PAY_NONE, PAY_ESTIMATE, PAY_OTHER_CURRENCY, PAY_UNKNOWN_PERIOD, PAY_OK };

/* What one posting contributes to a report. */
struct sample {
	size_t id;		/* order collected: indexes the fit bits */
	const char *title;	/* only for by-title (the collector's strings) */
	size_t title_group;	/* only for by-title: its title key's group */
	const char *company;	/* NULL when not given (the collector's strings) */
	const char *level;	/* one of report_levels, or NULL */
	const char *remote;	/* one of report_arrangements, or NULL */
	const char *employment_type;	/* one of report_employment_types, or NULL */
	char country[3];	/* "" when unknown */
	char date[11];		/* posted, else first seen; "" when neither reads */
	size_t source;		/* index into the collector's source names */
	enum pay pay;
	double annual_min, annual_max, midpoint;	/* report currency, PAY_OK */
	const struct rate *from;	/* converted at this rate, or NULL */
	int estimate;		/* a board's estimate (counted only when included) */
	int duplicate;		/* duplicates another posting collected (counted
				   only with duplicates) */
};

struct collector {
	const struct report_query *q;
	const char *currency;
	int keep_titles;
	struct rate *rates;	/* when converting: every stored rate */
	size_t nrates;
	const struct rate *target;	/* the report currency's rate, or NULL */
	struct report_intern strings;	/* titles, title keys, companies */
	size_t ntitle_groups;	/* title keys met (by-title) */
	/* Each title group's name: the first spelling of its key met (by id
	 * without --role; with it, title by title, so any of them), one of
	 * strings. */
	const char **title_names;
	char **sources;		/* names met, in order met */
	size_t nsources;
	/* Fit: each sample's found keywords, one bit per keyword of every
	 * profile in q->profiles (profile after profile), words_per_sample
	 * 64-bit words a sample, at id * words_per_sample. */
	uint64_t *fit_bits;
	size_t words_per_sample, nkeywords;
	struct fit_text text;	/* the posting being read, split into words */
	unsigned char *found;	/* one profile's keywords found in text */
	struct sample *v;
	size_t n, alloc;
};

/* The codes a posting's level, arrangement and employment type take
 * (posting.h), NULL-terminated, in the order reports list them. */
extern const char *const report_levels[];
extern const char *const report_arrangements[];
extern const char *const report_employment_types[];
/* The entry of codes equal to value (a lasting copy of a string the store
 * lends for one row only), or NULL. */
const char *report_code(const char *const *codes, const char *value);

int report_collect(struct store *s, struct collector *c, const struct report_query *q,
		   int keep_titles, char **err);
void report_collector_release(struct collector *c);

/* The collector's fit scratch for one posting's text (report-fit.c). */
void report_fit_mark(struct collector *c, const struct sample *s, const char *title,
		     const char *description);

/* Fill r's groups, splits, sources and histogram from the n samples at v. */
void report_fill_groups(struct report *r, const struct collector *c, const struct sample *v,
			size_t n);
/* Fill r's duplicates from the n samples at v that duplicate another. */
void report_fill_duplicates(struct report *r, const struct collector *c,
			    const struct sample *v, size_t n);
/* Fill r's date span and trend. */
void report_fill_trend(struct report *r, const struct collector *c, const struct sample *v,
		       size_t n);
/* Fill r's profile fit. */
void report_fill_fit(struct report *r, const struct collector *c, const struct sample *v,
		     size_t n);

/* The overall group's summary of the samples at ptrs (out->name left NULL);
 * scratch has room for n doubles. */
void report_summarize(const struct sample *const *ptrs, size_t n, double *scratch,
		      struct report_group *out);
void report_group_release(struct report_group *g);

#endif
