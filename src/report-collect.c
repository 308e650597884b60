/* report-collect.c - the role's postings from the store, as samples. */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "report-internal.h"
#include "role.h"
#include "xalloc.h"

/* A posting's pay in the report currency: converted when it must and can be. */
static enum pay pay_of(const struct salary *s, const struct collector *c, struct sample *out)
{
	const struct rate *from = NULL;
	double max;

	if (!s->found)
		return PAY_NONE;
	out->estimate = s->provenance != NULL && strcmp(s->provenance, "estimate") == 0;
	if (out->estimate && !c->q->include_estimates)
		return PAY_ESTIMATE;
	if (strcmp(s->currency, c->currency) != 0) {
		if (c->target != NULL)
			from = rates_find(c->rates, c->nrates, s->currency);
		if (from == NULL)
			return PAY_OTHER_CURRENCY;
	}
	if (s->period == PERIOD_UNKNOWN || s->annual_min <= 0)
		return PAY_UNKNOWN_PERIOD;
	max = s->annual_max > 0 ? s->annual_max : s->annual_min;
	out->annual_min = s->annual_min;
	out->annual_max = max;
	if (from != NULL) {
		out->annual_min = rates_convert(s->annual_min, from->per_usd, c->target->per_usd);
		out->annual_max = rates_convert(max, from->per_usd, c->target->per_usd);
	}
	out->midpoint = (out->annual_min + out->annual_max) / 2;
	out->from = from;
	return PAY_OK;
}

static char *title_key(const char *title)
{
	char *k = xstrdup(title), *r, *w;
	int space = 0;

	for (r = w = k; *r; r++) {
		if (isspace((unsigned char)*r)) {
			space = w != k;
			continue;
		}
		if (space)
			*w++ = ' ';
		space = 0;
		*w++ = (char)tolower((unsigned char)*r);
	}
	*w = '\0';
	return k;
}

/* The sample's title key's group (numbered as met), each title's
 * key made once. */
static void keep_title(struct collector *c, struct sample *s, const char *title)
{
	struct report_intern *t = &c->strings;
	size_t i = report_intern(t, title), k;
	char *key;

	if (t->v[i].key == REPORT_NONE) {
		key = title_key(title);
		k = report_intern(t, key);
		free(key);
		t->v[i].key = k;
		if (t->v[k].group == REPORT_NONE) {
			c->title_names = xreallocarray(c->title_names, c->ntitle_groups + 1,
						       sizeof(*c->title_names));
			c->title_names[c->ntitle_groups] = t->v[i].s;
			t->v[k].group = c->ntitle_groups++;
		}
	}
	s->title_group = t->v[t->v[i].key].group;
}

/* The index of the source called name, added when new (a crawl has few). */
static size_t source_index(struct collector *c, const char *name)
{
	size_t i;

	if (name == NULL)
		name = "";
	for (i = 0; i < c->nsources; i++)
		if (strcmp(c->sources[i], name) == 0)
			return i;
	c->sources = xreallocarray(c->sources, c->nsources + 1, sizeof(*c->sources));
	c->sources[c->nsources] = xstrdup(name);
	return c->nsources++;
}

/* The day from the posting date, else from first seen ("YYYY-MM-DD ..."). */
static void sample_date(char out[11], const char *posted, const char *first_seen)
{
	const char *d = posted != NULL ? posted : first_seen;

	out[0] = '\0';
	if (d != NULL && date_read(d, 0, NULL)) {
		memcpy(out, d, 10);
		out[10] = '\0';
	}
}

static struct sample *new_sample(struct collector *c)
{
	struct sample *s;

	if (c->n == c->alloc) {
		c->alloc = c->alloc ? 2 * c->alloc : 256;
		c->v = xreallocarray(c->v, c->alloc, sizeof(*c->v));
		if (c->words_per_sample)
			c->fit_bits = xreallocarray(c->fit_bits, c->alloc * c->words_per_sample,
						    sizeof(*c->fit_bits));
	}
	s = &c->v[c->n];
	memset(s, 0, sizeof(*s));
	s->id = (uint32_t)c->n++;
	return s;
}

/* Does a title name the role (store_foreach_report_posting asks once a
 * distinct title)? */
static int role_wanted(const char *title, void *ctx)
{
	const struct collector *c = ctx;

	return role_matches_any(c->q->role, c->q->role_titles, title);
}

static int collect_one(const struct stored_posting *sp, void *ctx)
{
	struct collector *c = ctx;
	const struct posting *p = sp->posting;
	struct sample *s;

	/* The store gave only the titles role_wanted accepts. */
	if (p->title == NULL)
		return 0;
	s = new_sample(c);
	if (c->keep_titles)
		keep_title(c, s, p->title);
	if (p->company != NULL)
		s->company = report_intern_str(&c->strings, p->company);
	s->level = report_code(report_levels, p->level);
	s->remote = report_code(report_arrangements, p->remote);
	s->employment_type = report_code(report_employment_types, p->employment_type);
	memcpy(s->country, p->country, sizeof(s->country));
	sample_date(s->date, p->posted, sp->first_seen);
	s->source = (uint32_t)source_index(c, sp->source);
	s->duplicate = sp->duplicate != 0;
	s->pay = (unsigned char)pay_of(&p->salary, c, s);
	report_fit_mark(c, s, p->title, p->description);
	return 0;
}

void report_collector_release(struct collector *c)
{
	size_t i;

	report_intern_release(&c->strings);
	free(c->title_names);
	for (i = 0; i < c->nsources; i++)
		free(c->sources[i]);
	free(c->sources);
	free(c->fit_bits);
	free(c->found);
	fit_text_release(&c->text);
	free(c->v);
	rates_free(c->rates, c->nrates);
	memset(c, 0, sizeof(*c));
}

/* Room for one bit per keyword of every profile asked about. */
static void size_fit_bits(struct collector *c)
{
	size_t i;

	if (c->q->profiles == NULL)
		return;
	for (i = 0; i < c->q->profiles->n; i++)
		c->nkeywords += c->q->profiles->v[i].nkeywords;
	c->words_per_sample = (c->nkeywords + 63) / 64;
	c->found = xcalloc(c->nkeywords ? c->nkeywords : 1, 1);
}

int report_collect(struct store *s, struct collector *c, const struct report_query *q,
		   int keep_titles, char **err)
{
	memset(c, 0, sizeof(*c));
	c->q = q;
	c->currency = q->currency ? q->currency : "USD";
	c->keep_titles = keep_titles;
	fit_text_init(&c->text);
	size_fit_bits(c);
	if (q->convert && store_rates_list(s, &c->rates, &c->nrates, err) < 0)
		return -1;
	c->target = rates_find(c->rates, c->nrates, c->currency);
	if (q->convert && c->target == NULL) {
		set_error(err, "cannot convert into %s: no exchange rate is stored for %s "
			  "(add one with 'jobstats rates set %s RATE')", c->currency, c->currency,
			  c->currency);
		report_collector_release(c);
		return -1;
	}
	if (store_foreach_report_posting(s, &q->filter, q->role != NULL ? role_wanted : NULL,
					 c->words_per_sample > 0, collect_one, c, err) < 0) {
		report_collector_release(c);
		return -1;
	}
	return 0;
}
