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

/* A code a sample does not have (level, arrangement, employment type). */
#define REPORT_NO_CODE 0xff

/*
 * What one posting contributes to a report.  A million of them are held at
 * once (export by title), so each is kept small: codes as their index in
 * the code lists, small counts as 32 bits, flags as bytes (the memory they
 * fill was a third of an export's time).
 */
struct sample {
	double annual_min, annual_max, midpoint;	/* report currency, PAY_OK */
	const char *company;	/* NULL when not given (the collector's strings) */
	const struct rate *from;	/* converted at this rate, or NULL */
	uint32_t id;		/* order collected: indexes the fit bits */
	uint32_t title_group;	/* only for by-title: its title key's group */
	uint32_t source;	/* index into the collector's source names */
	char date[11];		/* posted, else first seen; "" when neither reads */
	char country[3];	/* "" when unknown */
	/* indexes into report_levels, report_arrangements and
	 * report_employment_types, or REPORT_NO_CODE */
	unsigned char level, remote, employment_type;
	unsigned char pay;	/* enum pay */
	unsigned char estimate;	/* a board's estimate (counted only when included) */
	unsigned char duplicate;	/* duplicates another posting collected (counted
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
/* The index in codes of the entry equal to value, or REPORT_NO_CODE. */
unsigned char report_code(const char *const *codes, const char *value);
/* The entry of codes at index code, or NULL for REPORT_NO_CODE. */
const char *report_code_name(const char *const *codes, unsigned char code);

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
