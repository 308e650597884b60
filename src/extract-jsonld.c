/*
 * extract-jsonld.c - schema.org JobPosting from <script type="application/ld+json">.
 *
 * JSON is read with SQLite's JSON functions on a private in-memory database
 * (SQLite is already a dependency; no second JSON parser).  This is parsing,
 * not storage: nothing here touches the user's database.
 */
#include "config.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "buf.h"
#include "extract-internal.h"
#include "html.h"
#include "xalloc.h"

/*
 * Limits on one ld+json block.  Real JobPosting blocks are a few KB and
 * nest less than ten levels (@graph, jobLocation, address); a whole
 * listing page's ItemList stays far below these.
 */
#define JSONLD_MAX_BYTES (4 << 20)
#define JSONLD_MAX_DEPTH 64

struct jsonq {
	sqlite3 *db;
	sqlite3_stmt *get;	/* json_type and json_extract of ?1 at path ?2 */
	sqlite3_stmt *find;	/* JobPosting objects anywhere in ?1 */
	sqlite3_stmt *valid;
};

/*
 * JobPosting objects anywhere in ?1 (an "@type" of "JobPosting" or a list
 * holding it).  Only the "@type" members are looked at closely and only the
 * objects found are rendered back to text: asking for every object's text
 * would cost the block's size times its depth.  No ORDER BY: json_tree walks
 * the document in order, parents before children (what extract_block needs
 * to fold nested postings into outer ones), and a sort would hold every
 * posting's text in memory at once.
 */
#define FIND_SQL \
	"WITH hit(id) AS (SELECT t.parent FROM json_tree(?1) AS t " \
	"  WHERE t.key = '@type' AND ((t.type = 'text' AND t.value = 'JobPosting') OR " \
	"  (t.type = 'array' AND EXISTS (SELECT 1 FROM json_each(t.value) AS e " \
	"  WHERE e.value = 'JobPosting')))) " \
	"SELECT o.fullkey, o.value FROM json_tree(?1) AS o " \
	"WHERE o.type = 'object' AND o.id IN (SELECT id FROM hit)"

static int jsonq_open(struct jsonq *q)
{
	memset(q, 0, sizeof(*q));
	if (sqlite3_open_v2(":memory:", &q->db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_prepare_v2(q->db, "SELECT json_type(?1, ?2), json_extract(?1, ?2)",
			       -1, &q->get, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(q->db, "SELECT json_valid(?1)", -1, &q->valid, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(q->db, FIND_SQL, -1, &q->find, NULL) != SQLITE_OK)
		return -1;
	return 0;
}

static void jsonq_close(struct jsonq *q)
{
	sqlite3_finalize(q->get);
	sqlite3_finalize(q->find);
	sqlite3_finalize(q->valid);
	sqlite3_close(q->db);
}

/*
 * Value at path in json: its JSON type name ("text", "integer", "object", ...)
 * in *type (NULL when absent or null), and its text (objects and arrays as
 * JSON), allocated, or NULL.
 */
static char *jget(struct jsonq *q, const char *json, const char *path, char type[8])
{
	const unsigned char *t, *v;
	char *out = NULL;

	type[0] = '\0';
	sqlite3_reset(q->get);
	sqlite3_bind_text(q->get, 1, json, -1, SQLITE_STATIC);
	sqlite3_bind_text(q->get, 2, path, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(q->get) != SQLITE_ROW)
		return NULL;
	t = sqlite3_column_text(q->get, 0);
	v = sqlite3_column_text(q->get, 1);
	if (t != NULL && strcmp((const char *)t, "null") != 0 && v != NULL) {
		snprintf(type, 8, "%s", (const char *)t);
		out = xstrdup((const char *)v);
	}
	sqlite3_reset(q->get);
	return out;
}

/*
 * Text of a property that sites write either as a plain value or as an
 * object with a name-like key (hiringOrganization, addressCountry,
 * identifier) or as an array of either (the first element counts).
 */
static char *jtext(struct jsonq *q, const char *json, const char *path, const char *key)
{
	char type[8], *v = jget(q, json, path, type), *inner = NULL, *sub;

	if (v == NULL)
		return NULL;
	if (strcmp(type, "array") == 0) {
		inner = jtext(q, v, "$[0]", key);
	} else if (strcmp(type, "object") == 0) {
		if (key == NULL)
			goto out;
		sub = xasprintf("$.\"%s\"", key);
		inner = jtext(q, v, sub, NULL);
		free(sub);
	} else {
		/* Sites put entities (and worse) in JSON strings: read as HTML text. */
		inner = html_fragment_text(v);
	}
out:
	free(v);
	return inner;
}

/* Several values of an array property joined by ", " ("FULL_TIME, CONTRACTOR"). */
static char *jlist(struct jsonq *q, const char *json, const char *path)
{
	char type[8], *v = jget(q, json, path, type), *item, sub[32];
	struct buf out = BUF_INIT;
	int i;

	if (v == NULL || strcmp(type, "array") != 0) {
		free(v);
		return jtext(q, json, path, "name");
	}
	for (i = 0; i < 16; i++) {
		snprintf(sub, sizeof(sub), "$[%d]", i);
		item = jtext(q, v, sub, "name");
		if (item == NULL)
			break;
		if (out.len)
			buf_appends(&out, ", ");
		buf_appends(&out, item);
		free(item);
	}
	free(v);
	return out.len ? buf_detach(&out) : NULL;
}

/* "locality, region, country" of the first jobLocation's address. */
static char *location_text(struct jsonq *q, const char *job, char **country)
{
	static const char *const parts[] = { "addressLocality", "addressRegion" };
	char type[8], *loc = jget(q, job, "$.jobLocation", type), *addr, *v, path[48];
	struct buf out = BUF_INIT;
	size_t i;

	if (loc != NULL && strcmp(type, "array") == 0) {
		char *first = jget(q, loc, "$[0]", type);

		free(loc);
		loc = first;
	}
	addr = loc ? jget(q, loc, "$.address", type) : NULL;
	if (addr != NULL && strcmp(type, "object") != 0) {
		/* A plain address string. */
		v = html_fragment_text(addr);
		free(addr);
		free(loc);
		return v;
	}
	for (i = 0; addr != NULL && i < sizeof(parts) / sizeof(parts[0]); i++) {
		snprintf(path, sizeof(path), "$.%s", parts[i]);
		v = jtext(q, addr, path, "name");
		if (v != NULL) {
			buf_printf(&out, "%s%s", out.len ? ", " : "", v);
			free(v);
		}
	}
	*country = addr ? jtext(q, addr, "$.addressCountry", "name") : NULL;
	if (*country != NULL)
		buf_printf(&out, "%s%s", out.len ? ", " : "", *country);
	free(addr);
	free(loc);
	return out.len ? buf_detach(&out) : NULL;
}

/* A number sites may write as a JSON number or a string ("100,000"). */
static double amount(const char *text)
{
	char clean[64], *end;
	size_t n = 0;
	double d;

	for (; *text && n + 1 < sizeof(clean); text++)
		if (*text != ',' && *text != ' ')
			clean[n++] = *text;
	clean[n] = '\0';
	d = strtod(clean, &end);
	return end != clean && *end == '\0' && d > 0 ? d : 0;
}

static double jnum(struct jsonq *q, const char *json, const char *path)
{
	char type[8], *v = jget(q, json, path, type);
	double d = v ? amount(v) : 0;

	free(v);
	return d;
}

/*
 * baseSalary in its shapes: a number, {value: n}, {value: {minValue,
 * maxValue, unitText}}, or a list of these (sites that pay in several
 * currencies or bands; the first one counts, as for jobLocation).
 */
static void salary_hints_from(struct jsonq *q, const char *job, struct salary_hints *h)
{
	char type[8], *bs = jget(q, job, "$.baseSalary", type), *val, *cur, *unit = NULL;

	if (bs != NULL && strcmp(type, "array") == 0) {
		char *first = jget(q, bs, "$[0]", type);

		free(bs);
		bs = first;
	}
	if (bs == NULL)
		return;
	if (strcmp(type, "object") != 0) {
		h->min = h->max = amount(bs);
		cur = jtext(q, job, "$.salaryCurrency", NULL);
	} else {
		cur = jtext(q, bs, "$.currency", NULL);
		val = jget(q, bs, "$.value", type);
		if (val != NULL && strcmp(type, "object") == 0) {
			h->min = jnum(q, val, "$.minValue");
			h->max = jnum(q, val, "$.maxValue");
			if (h->min == 0 && h->max == 0)
				h->min = h->max = jnum(q, val, "$.value");
			unit = jtext(q, val, "$.unitText", NULL);
		} else if (val != NULL) {
			h->min = h->max = amount(val);
		}
		free(val);
		if (unit == NULL)
			unit = jtext(q, bs, "$.unitText", NULL);
	}
	/* One bound alone is the advertised figure. */
	if (h->min == 0)
		h->min = h->max;
	if (h->max == 0)
		h->max = h->min;
	if (cur != NULL && strlen(cur) < sizeof(h->currency))
		snprintf(h->currency, sizeof(h->currency), "%s", cur);
	h->period = salary_period_from_name(unit);
	free(cur);
	free(unit);
	free(bs);
}

/*
 * applicantLocationRequirements when it names one country: an object or a
 * name, or an array of one.  Several countries say no one country.
 */
static char *applicant_country(struct jsonq *q, const char *job)
{
	static const char path[] = "$.applicantLocationRequirements";
	char type[8], *v = jget(q, job, path, type), *second = NULL;

	if (v != NULL && strcmp(type, "array") == 0)
		second = jget(q, v, "$[1]", type);
	free(v);
	if (second != NULL) {
		free(second);
		return NULL;
	}
	return jtext(q, job, path, "name");
}

/* The description keeps its paragraphs and list items as lines, for the
 * salary it may state (salary_from_description). */
static char *description_text(struct jsonq *q, const char *job)
{
	char type[8], *v = jget(q, job, "$.description", type), *s;

	if (v == NULL)
		return NULL;
	s = strcmp(type, "text") == 0 ? html_fragment_blocks(v) : jtext(q, job, "$.description", NULL);
	free(v);
	return s;
}

static void posting_from_job(struct jsonq *q, const char *job, const char *base,
			     struct raw_posting *p)
{
	char *url;

	p->strategy = "jsonld";
	p->title = jtext(q, job, "$.title", NULL);
	if (p->title == NULL)
		p->title = jtext(q, job, "$.name", NULL);
	p->company = jtext(q, job, "$.hiringOrganization", "name");
	p->location = location_text(q, job, &p->country);
	p->applicant_country = applicant_country(q, job);
	p->remote = jlist(q, job, "$.jobLocationType");
	p->employment_type = jlist(q, job, "$.employmentType");
	url = jtext(q, job, "$.url", NULL);
	p->url = html_resolve(url, base);
	free(url);
	p->external_id = jtext(q, job, "$.identifier", "value");
	p->posted = jtext(q, job, "$.datePosted", NULL);
	p->description = description_text(q, job);
	salary_hints_from(q, job, &p->salary_hints);
}

/* Narrow repairs only: comment and CDATA wrappers some CMSs put around JSON. */
static char *unwrap(const char *text)
{
	static const char *const heads[] = { "<!--", "//<![CDATA[", "<![CDATA[" };
	static const char *const tails[] = { "-->", "//]]>", "]]>" };
	char *s = xstrdup(text), *p;
	size_t i, n;

	text_collapse(s);
	for (i = 0; i < 3; i++) {
		n = strlen(heads[i]);
		if (strncmp(s, heads[i], n) == 0)
			memmove(s, s + n, strlen(s + n) + 1);
		n = strlen(tails[i]);
		p = s + strlen(s);
		if ((size_t)(p - s) >= n && strcmp(p - n, tails[i]) == 0)
			p[-(ptrdiff_t)n] = '\0';
	}
	return s;
}

static int json_is_valid(struct jsonq *q, const char *json)
{
	int ok;

	sqlite3_reset(q->valid);
	sqlite3_bind_text(q->valid, 1, json, -1, SQLITE_STATIC);
	ok = sqlite3_step(q->valid) == SQLITE_ROW && sqlite3_column_int(q->valid, 0) == 1;
	sqlite3_reset(q->valid);
	return ok;
}

/* Is fullkey inside the object at parent ("$.a" is inside "$", "$[1].b" inside "$[1]")? */
static int is_inside(const char *fullkey, const char *parent)
{
	size_t n = strlen(parent);

	return strncmp(fullkey, parent, n) == 0 && (fullkey[n] == '.' || fullkey[n] == '[');
}

/*
 * Does the JSON nest arrays and objects deeper than max?  A byte scan that
 * skips strings, so a hostile block is refused before SQLite parses it
 * (SQLite's own limit is in the thousands, and json_tree's cost grows with
 * depth).  Unbalanced brackets are left for json_valid to reject.
 */
static int json_too_deep(const char *s, int max)
{
	int depth = 0, in_string = 0;

	for (; *s; s++) {
		if (in_string) {
			if (*s == '\\' && s[1] != '\0')
				s++;
			else if (*s == '"')
				in_string = 0;
		} else if (*s == '"') {
			in_string = 1;
		} else if (*s == '[' || *s == '{') {
			if (++depth > max)
				return 1;
		} else if (*s == ']' || *s == '}') {
			depth--;
		}
	}
	return 0;
}

/*
 * Why a block is not worth parsing, or NULL: its size as the page has it
 * (raw), or the depth of the JSON unwrap() made of it (CDATA wrappers have
 * brackets of their own).
 */
static const char *block_refused(const char *raw, const char *json, char *why, size_t whysize)
{
	if (strlen(raw) > JSONLD_MAX_BYTES) {
		snprintf(why, whysize, "is larger than %d MB", JSONLD_MAX_BYTES >> 20);
		return why;
	}
	if (json_too_deep(json, JSONLD_MAX_DEPTH)) {
		snprintf(why, whysize, "nests deeper than %d levels", JSONLD_MAX_DEPTH);
		return why;
	}
	return NULL;
}

static void extract_block(struct jsonq *q, const struct page_scan *scan, size_t i,
			  struct extract_result *r)
{
	char *json = unwrap(scan->jsonld[i]), *outer = NULL, whybuf[64];
	const char *key, *why, *url = scan->url ? scan->url : "page";

	if (*json == '\0') {
		free(json);
		return;
	}
	why = block_refused(scan->jsonld[i], json, whybuf, sizeof(whybuf));
	if (why == NULL && !json_is_valid(q, json))
		why = "is not valid JSON";
	if (why != NULL) {
		extract_result_warn(r, "'%s': JSON-LD block %zu %s, skipped", url, i + 1, why);
		free(json);
		return;
	}
	sqlite3_reset(q->find);
	sqlite3_bind_text(q->find, 1, json, -1, SQLITE_STATIC);
	while (sqlite3_step(q->find) == SQLITE_ROW) {
		key = (const char *)sqlite3_column_text(q->find, 0);
		/* A JobPosting nested in another (rare) is part of the outer one. */
		if (outer != NULL && is_inside(key, outer))
			continue;
		free(outer);
		outer = xstrdup(key);
		posting_from_job(q, (const char *)sqlite3_column_text(q->find, 1), scan->base,
				 extract_result_add(r));
	}
	sqlite3_reset(q->find);
	free(outer);
	free(json);
}

void jsonld_extract(const struct page_scan *scan, struct extract_result *r)
{
	struct jsonq q;
	size_t i, first = r->count;

	if (scan->njsonld == 0)
		return;
	if (jsonq_open(&q) < 0) {
		extract_result_warn(r, "'%s': cannot read JSON-LD: %s", scan->url ? scan->url : "page",
				    q.db ? sqlite3_errmsg(q.db) : "out of memory");
		jsonq_close(&q);
		return;
	}
	for (i = 0; i < scan->njsonld; i++)
		extract_block(&q, scan, i, r);
	jsonq_close(&q);
	/* A detail page's only posting, with no url of its own, is the page. */
	if (r->count == first + 1 && r->postings[first].url == NULL && scan->url != NULL)
		r->postings[first].url = xstrdup(scan->url);
}
