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
#include "extract-jsonld-internal.h"
#include "extract-schema.h"
#include "html.h"
#include "xalloc.h"

/*
 * Limits on one ld+json block.  Real JobPosting blocks are a few KB and
 * nest less than ten levels (@graph, jobLocation, address); a whole
 * listing page's ItemList stays far below these.
 */
#define JSONLD_MAX_BYTES (4 << 20)
#define JSONLD_MAX_DEPTH 64

/*
 * JobPosting objects anywhere in ?1: an "@type" that names JobPosting
 * (is_job_posting: "JobPosting", "schema:JobPosting",
 * "http://schema.org/JobPosting") or a list holding one.  That finds them
 * in @graph, in top-level arrays and in an ItemList's itemListElement[].item;
 * a ListItem with only a url is no posting.  Only the "@type" members are
 * looked at closely and only the objects found are rendered back to text:
 * asking for every object's text would cost the block's size times its
 * depth.  No ORDER BY: json_tree walks the document in order, parents before
 * children (what extract_block needs to fold nested postings into outer
 * ones), and a sort would hold every posting's text in memory at once.
 */
#define FIND_SQL \
	"WITH hit(id) AS (SELECT t.parent FROM json_tree(?1) AS t " \
	"  WHERE t.key = '@type' AND ((t.type = 'text' AND is_job_posting(t.value)) OR " \
	"  (t.type = 'array' AND EXISTS (SELECT 1 FROM json_each(t.value) AS e " \
	"  WHERE e.type = 'text' AND is_job_posting(e.value))))) " \
	"SELECT o.fullkey, o.value FROM json_tree(?1) AS o " \
	"WHERE o.type = 'object' AND o.id IN (SELECT id FROM hit)"

/* A member by name in any case, the exact spelling first. */
#define MEMBER_SQL \
	"SELECT type, value FROM json_each(?1) WHERE key = ?2 COLLATE NOCASE " \
	"ORDER BY key = ?2 DESC LIMIT 1"

static void is_job_posting(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const unsigned char *v = argc == 1 ? sqlite3_value_text(argv[0]) : NULL;

	sqlite3_result_int(ctx, schema_type_is((const char *)v, "JobPosting"));
}

static int jsonq_open(struct jsonq *q)
{
	memset(q, 0, sizeof(*q));
	if (sqlite3_open_v2(":memory:", &q->db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_create_function(q->db, "is_job_posting", 1,
				    SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
				    is_job_posting, NULL, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(q->db, MEMBER_SQL, -1, &q->member, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(q->db, "SELECT json_type(?1, ?2), json_extract(?1, ?2)",
			       -1, &q->get, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(q->db, "SELECT json_valid(?1)", -1, &q->valid, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(q->db, FIND_SQL, -1, &q->find, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(q->db, "SELECT key, type, value FROM json_each(?1)", -1, &q->each,
			       NULL) != SQLITE_OK)
		return -1;
	return 0;
}

static void jsonq_close(struct jsonq *q)
{
	jsonq_forget(q);
	sqlite3_finalize(q->each);
	sqlite3_finalize(q->member);
	sqlite3_finalize(q->get);
	sqlite3_finalize(q->find);
	sqlite3_finalize(q->valid);
	sqlite3_close(q->db);
}

/* Run st (json bound as ?1, arg as ?2): its type and value columns, as jget. */
static char *type_and_value(sqlite3_stmt *st, const char *json, const char *arg, char type[8])
{
	const unsigned char *t, *v;
	char *out = NULL;

	type[0] = '\0';
	sqlite3_reset(st);
	sqlite3_bind_text(st, 1, json, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, arg, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW) {
		t = sqlite3_column_text(st, 0);
		v = sqlite3_column_text(st, 1);
		if (t != NULL && strcmp((const char *)t, "null") != 0 && v != NULL) {
			snprintf(type, 8, "%s", (const char *)t);
			out = xstrdup((const char *)v);
		}
	}
	sqlite3_reset(st);
	return out;
}

char *jget(struct jsonq *q, const char *json, const char *key, char type[8])
{
	const struct jobject *o = jsonq_members(q, json);
	char *v;

	if (o != NULL && jsonq_member(o, key, type, &v))
		return v;
	return type_and_value(q->member, json, key, type);
}

char *jindex(struct jsonq *q, const char *json, int i, char type[8])
{
	char path[32];

	snprintf(path, sizeof(path), "$[%d]", i);
	return type_and_value(q->get, json, path, type);
}

/* The text of a value v of type type, as jtext reads a member. */
static char *value_text(struct jsonq *q, const char *v, const char *type, const char *sub)
{
	char t[8], *first, *text;

	if (strcmp(type, "array") == 0) {
		first = jindex(q, v, 0, t);
		text = first ? value_text(q, first, t, sub) : NULL;
		free(first);
		return text;
	}
	if (strcmp(type, "object") == 0)
		return sub ? jtext(q, v, sub, NULL) : NULL;
	/* Sites put entities (and worse) in JSON strings: read as HTML text. */
	return html_fragment_text(v);
}

char *jtext(struct jsonq *q, const char *json, const char *key, const char *sub)
{
	char type[8], *v = jget(q, json, key, type), *text;

	if (v == NULL)
		return NULL;
	text = value_text(q, v, type, sub);
	free(v);
	return text;
}

/* Several values of an array member joined by ", " ("FULL_TIME, CONTRACTOR"). */
static char *jlist(struct jsonq *q, const char *json, const char *key)
{
	char type[8], *v = jget(q, json, key, type), *item, *text;
	struct buf out = BUF_INIT;
	int i;

	if (v == NULL || strcmp(type, "array") != 0) {
		free(v);
		return jtext(q, json, key, "name");
	}
	for (i = 0; i < 16; i++) {
		item = jindex(q, v, i, type);
		if (item == NULL)
			break;
		text = value_text(q, item, type, "name");
		free(item);
		if (text == NULL)
			break;
		buf_printf(&out, "%s%s", out.len ? ", " : "", text);
		free(text);
	}
	free(v);
	return out.len ? buf_detach(&out) : NULL;
}

/* "locality, region, country" of the first jobLocation's address (or the
 * jobLocation or address itself when a site writes it as a string). */
static char *location_text(struct jsonq *q, const char *job, char **country)
{
	static const char *const parts[] = { "addressLocality", "addressRegion" };
	char type[8], *loc = jget(q, job, "jobLocation", type), *addr = NULL, *v;
	struct buf out = BUF_INIT;
	size_t i;

	if (loc != NULL && strcmp(type, "array") == 0) {
		char *first = jindex(q, loc, 0, type);

		free(loc);
		loc = first;
	}
	if (loc != NULL && strcmp(type, "object") == 0)
		addr = jget(q, loc, "address", type);
	else if (loc != NULL)
		addr = xstrdup(loc);	/* a plain jobLocation string */
	if (addr != NULL && strcmp(type, "object") != 0) {
		/* A plain address string. */
		v = html_fragment_text(addr);
		free(addr);
		free(loc);
		return v;
	}
	for (i = 0; addr != NULL && i < sizeof(parts) / sizeof(parts[0]); i++) {
		v = schema_unless_placeholder(jtext(q, addr, parts[i], "name"));
		if (v != NULL) {
			buf_printf(&out, "%s%s", out.len ? ", " : "", v);
			free(v);
		}
	}
	*country = addr ? schema_unless_placeholder(jtext(q, addr, "addressCountry", "name")) : NULL;
	if (*country != NULL)
		buf_printf(&out, "%s%s", out.len ? ", " : "", *country);
	free(addr);
	free(loc);
	return out.len ? buf_detach(&out) : NULL;
}

/*
 * applicantLocationRequirements when it names one country: an object or a
 * name, or an array of one.  Several countries say no one country.
 */
static char *applicant_country(struct jsonq *q, const char *job)
{
	static const char key[] = "applicantLocationRequirements";
	char type[8], *v = jget(q, job, key, type), *second = NULL;

	if (v != NULL && strcmp(type, "array") == 0)
		second = jindex(q, v, 1, type);
	free(v);
	if (second != NULL) {
		free(second);
		return NULL;
	}
	return jtext(q, job, key, "name");
}

/* The description keeps its paragraphs and list items as lines, for the
 * salary it may state (salary_from_description). */
static char *description_text(struct jsonq *q, const char *job)
{
	char type[8], *v = jget(q, job, "description", type), *s;

	if (v == NULL)
		return NULL;
	s = strcmp(type, "text") == 0 ? html_fragment_blocks(v) : jtext(q, job, "description", NULL);
	free(v);
	return s;
}

static void posting_from_job(struct jsonq *q, const char *job, const char *base,
			     struct raw_posting *p)
{
	char *url;

	p->strategy = "jsonld";
	p->title = jtext(q, job, "title", NULL);
	if (p->title == NULL)
		p->title = jtext(q, job, "name", NULL);
	p->company = jtext(q, job, "hiringOrganization", "name");
	p->location = location_text(q, job, &p->country);
	p->applicant_country = applicant_country(q, job);
	p->remote = jlist(q, job, "jobLocationType");
	p->employment_type = jlist(q, job, "employmentType");
	url = jtext(q, job, "url", NULL);
	p->url = html_resolve(url, base);
	free(url);
	p->external_id = jtext(q, job, "identifier", "value");
	p->posted = jtext(q, job, "datePosted", NULL);
	p->description = description_text(q, job);
	jsonld_salary(q, job, p);
	jsonq_forget(q);
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
 * The JSON of block i ready to read (allocated), or NULL with a warning
 * given (or nothing to say, for an empty block).  The size is judged as the
 * page has it (raw), the depth once unwrapped and decoded (CDATA wrappers
 * and entities hide brackets and quotes).  Repairs are tried only on a
 * block that is not valid as it is, and each one that made it readable is
 * named in a warning.
 */
static char *block_json(struct jsonq *q, const struct page_scan *scan, size_t i,
			struct extract_result *r)
{
	const char *url = scan->url ? scan->url : "page";
	char *json, *repaired, names[128];
	unsigned done;

	if (strlen(scan->jsonld[i]) > JSONLD_MAX_BYTES) {
		extract_result_warn(r, "'%s': JSON-LD block %zu is larger than %d MB, skipped",
				    url, i + 1, JSONLD_MAX_BYTES >> 20);
		return NULL;
	}
	json = jsonld_unwrap(scan->jsonld[i]);
	done = jsonld_repair_entities(json);
	if (*json == '\0' || jsonld_too_deep(json, JSONLD_MAX_DEPTH)) {
		if (*json != '\0')
			extract_result_warn(r, "'%s': JSON-LD block %zu nests deeper than %d "
					    "levels, skipped", url, i + 1, JSONLD_MAX_DEPTH);
		free(json);
		return NULL;
	}
	if (!json_is_valid(q, json)) {
		unsigned more;

		repaired = jsonld_repair(json, &more);
		free(json);
		json = repaired;
		done |= more;
		if (!json_is_valid(q, json)) {
			extract_result_warn(r, "'%s': JSON-LD block %zu is not valid JSON, skipped",
					    url, i + 1);
			free(json);
			return NULL;
		}
	}
	if (done)
		extract_result_warn(r, "'%s': JSON-LD block %zu repaired (%s)", url, i + 1,
				    jsonld_repairs_text(done, names, sizeof(names)));
	return json;
}

static void extract_block(struct jsonq *q, const struct page_scan *scan, size_t i,
			  struct extract_result *r)
{
	char *json = block_json(q, scan, i, r), *outer = NULL;
	const char *key;

	if (json == NULL)
		return;
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

/* data with a UTF-8 byte order mark and leading blanks skipped. */
static const char *document_start(const char *data, size_t len, size_t *rest)
{
	size_t i = 0;

	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < len && strchr(" \t\r\n", data[i]) != NULL && data[i] != '\0')
		i++;
	*rest = len - i;
	return data + i;
}

/*
 * JSON opens with { or [ and then, after blanks, what a member or an
 * element starts with; a page saved as a list of HTML fragments
 * ("[<section ...") is HTML.
 */
int jsonld_is_document(const char *data, size_t len)
{
	size_t rest, next;
	const char *s = document_start(data, len, &rest), *after;

	if (rest < 2 || (*s != '{' && *s != '[') || memchr(data, '\0', len) != NULL)
		return 0;
	after = document_start(s + 1, rest - 1, &next);
	return next > 0 && strchr("\"{}[]-0123456789tfn", *after) != NULL;
}

void jsonld_extract_document(const char *data, size_t len, const char *url,
			     struct extract_result *r)
{
	struct page_scan scan = { 0 };
	size_t first = r->count, nwarnings = r->nwarnings, rest;
	const char *start = document_start(data, len, &rest);
	char *text = xmalloc(rest + 1);

	memcpy(text, start, rest);
	text[rest] = '\0';
	scan.url = url;
	scan.base = url ? xstrdup(url) : NULL;
	scan.jsonld = &text;
	scan.njsonld = 1;
	jsonld_extract(&scan, r);
	free(text);
	free(scan.base);
	/* A board's JSON API answer is not a posting: say so, never guess. */
	if (r->count == first && r->nwarnings == nwarnings)
		extract_result_warn(r, "'%s': not an HTML page (JSON with no schema.org "
				    "JobPosting), skipped", url ? url : "page");
}
