/*
 * location-index.c - the place tables indexed by the letter their names
 * start with (location-internal.h).
 *
 * A location text is short and the tables are long: looking for every
 * name in the text costs a pass over the text a name, ~800 a text.  A name
 * can match only where the text's character folds to the name's first
 * letter (normalize_initial), so walking the text once and trying at each
 * place only the names of that letter finds the same matches.
 */
#include "config.h"

#include <pthread.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "location-internal.h"
#include "normalize.h"
#include "xalloc.h"

/*
 * Names are kept by their first two letters: 'a'..'z' or OTHER for the
 * first, 'a'..'z' or ANY (a space, a full stop, the end) for the second;
 * a name whose first is OTHER has second ANY.  At a place of the text, the
 * names keyed by its two letters and those keyed by its first and ANY are
 * the ones that can match.
 */
#define LETTERS 27
#define OTHER (LETTERS - 1)
#define ANY (LETTERS - 1)
#define KEYS (LETTERS * LETTERS)
/* Names of one table a text matches, remembered to resume after each match. */
#define MAX_MATCHED 32

struct index {
	size_t n;			/* entries (ids) of the table */
	size_t *ids;			/* the ids of names, by key, each in table order */
	size_t start[KEYS + 1];		/* key k is ids[start[k]..start[k + 1]) */
	unsigned char *fold;		/* for each id, whether case is ignored */
};

static struct index indexes[LOCATION_TABLES];
static pthread_once_t built = PTHREAD_ONCE_INIT;

/* Names in capitals ("US", "U.S.") must match as written: "us" is a word. */
int location_has_lower(const char *s)
{
	for (; *s; s++)
		if (*s >= 'a' && *s <= 'z')
			return 1;
	return 0;
}

size_t location_table_size(enum location_table t)
{
	switch (t) {
	case LOCATION_COUNTRIES:
		return location_ncountries * COUNTRY_NAMES;
	case LOCATION_REGIONS:
		return location_nregions;
	default:
		return location_ncities;
	}
}

const char *location_name(enum location_table t, size_t id)
{
	switch (t) {
	case LOCATION_COUNTRIES:
		return location_countries[id / COUNTRY_NAMES].names[id % COUNTRY_NAMES];
	case LOCATION_REGIONS:
		return location_regions[id].name;
	default:
		return location_cities[id].name;
	}
}

int location_name_folds(enum location_table t, size_t id)
{
	return t != LOCATION_COUNTRIES || location_has_lower(location_name(t, id));
}

/* The first letter at p (OTHER when none) and the key of the two at p. */
static int key_of(const char *p, int *first)
{
	size_t n;
	int a = normalize_initial(p, &n), b;

	if (a < 0) {
		*first = OTHER;
		return OTHER * LETTERS + ANY;
	}
	b = normalize_initial(p + n, NULL);
	*first = a;
	return a * LETTERS + (b < 0 ? ANY : b);
}

static void build_one(enum location_table t, struct index *x)
{
	size_t id, count[KEYS] = { 0 }, at[KEYS];
	int k, first;

	x->n = location_table_size(t);
	x->ids = xcalloc(x->n ? x->n : 1, sizeof(*x->ids));
	x->fold = xcalloc(x->n ? x->n : 1, 1);
	for (id = 0; id < x->n; id++)
		if (location_name(t, id) != NULL && *location_name(t, id) != '\0')
			count[key_of(location_name(t, id), &first)]++;
	x->start[0] = 0;
	for (k = 0; k < KEYS; k++) {
		x->start[k + 1] = x->start[k] + count[k];
		at[k] = x->start[k];
	}
	for (id = 0; id < x->n; id++) {
		const char *name = location_name(t, id);

		if (name == NULL || *name == '\0')
			continue;
		x->ids[at[key_of(name, &first)]++] = id;
		x->fold[id] = (unsigned char)location_name_folds(t, id);
	}
}

/* The tables never change: built once, on first use, by whichever thread. */
static void build(void)
{
	int t;

	for (t = 0; t < LOCATION_TABLES; t++)
		build_one((enum location_table)t, &indexes[t]);
}

static void cursor_over(const struct index *x, int key, const size_t **from, const size_t **to)
{
	*from = x->ids + x->start[key];
	*to = x->ids + x->start[key + 1];
}

void location_candidates(enum location_table t, const char *p, struct location_cursor *c)
{
	const struct index *x = &indexes[t];
	int first, key;

	pthread_once(&built, build);
	key = key_of(p, &first);
	cursor_over(x, key, &c->a, &c->a_end);
	if (key % LETTERS == ANY)
		c->b = c->b_end = c->a_end;
	else
		cursor_over(x, first * LETTERS + ANY, &c->b, &c->b_end);
}

int location_next(struct location_cursor *c, size_t *id)
{
	const size_t **from;

	if (c->a == c->a_end && c->b == c->b_end)
		return 0;
	from = c->b == c->b_end || (c->a != c->a_end && *c->a < *c->b) ? &c->a : &c->b;
	*id = *(*from)++;
	return 1;
}

/* The names of one table matched so far and where each last match ended:
 * a name's next match starts at or after that end, as a search resumed
 * there would find it.  On the stack; a text that matches more names
 * (hostile) moves it to the heap. */
struct matched {
	size_t n, cap;
	size_t *id;
	const char **end;
	size_t id_here[MAX_MATCHED];
	const char *end_here[MAX_MATCHED];
};

static const char **end_of(struct matched *m, size_t id)
{
	size_t i;

	for (i = 0; i < m->n; i++)
		if (m->id[i] == id)
			return &m->end[i];
	return NULL;
}

static const char **add_matched(struct matched *m, size_t id)
{
	if (m->n == m->cap) {
		size_t cap = 2 * m->cap;
		size_t *ids = xcalloc(cap, sizeof(*ids));
		const char **ends = xcalloc(cap, sizeof(*ends));

		memcpy(ids, m->id, m->n * sizeof(*ids));
		memcpy(ends, m->end, m->n * sizeof(*ends));
		if (m->id != m->id_here) {
			free(m->id);
			free(m->end);
		}
		m->id = ids;
		m->end = ends;
		m->cap = cap;
	}
	m->id[m->n] = id;
	return &m->end[m->n++];
}

static int is_ascii_alnum(int c)
{
	return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= '0' && c <= '9');
}

/* Try the names that may match at p; nonzero when fn stopped the scan. */
static int scan_at(enum location_table t, const char *text, const char *p, struct matched *m,
		   location_match_fn fn, void *arg)
{
	const struct index *x = &indexes[t];
	struct location_cursor c;
	size_t id;

	location_candidates(t, p, &c);
	while (location_next(&c, &id)) {
		const char **last = end_of(m, id), *e;

		if (last != NULL && p < *last)
			continue;	/* inside its own last match */
		e = normalize_match_at(text, p, location_name(t, id), x->fold[id]);
		if (e == NULL)
			continue;
		*(last != NULL ? last : add_matched(m, id)) = e;
		if (fn(arg, id, p, e))
			return 1;
	}
	return 0;
}

int location_scan(enum location_table t, const char *text, location_match_fn fn, void *arg)
{
	struct matched m;
	const char *p;
	int stopped = 0;

	pthread_once(&built, build);
	m.n = 0;
	m.cap = MAX_MATCHED;
	m.id = m.id_here;
	m.end = m.end_here;
	for (p = text; *p && !stopped; p++) {
		/* A name starting with a letter starts a word: none starts after
		 * a letter or digit, and one starting otherwise starts at no
		 * letter or digit. */
		if (p == text || !is_ascii_alnum((unsigned char)p[-1]) ||
		    !is_ascii_alnum((unsigned char)*p))
			stopped = scan_at(t, text, p, &m, fn, arg);
	}
	if (m.id != m.id_here) {
		free(m.id);
		free(m.end);
	}
	return stopped;
}
