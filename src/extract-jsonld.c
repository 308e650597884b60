/*
 * extract-jsonld.c - schema.org JobPosting from <script type="application/ld+json">.
 *
 * JSON is read by json-read.c, which answers as SQLite's JSON functions did
 * when this file asked them (the postings may not change; check_json_read
 * holds the two equal).
 */
#include "config.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

const struct json_node *jget(const struct json_node *o, const char *key)
{
	const struct json_node *v = json_member(o, key);

	return v != NULL && v->type != JSON_NULL ? v : NULL;
}

const struct json_node *jindex(const struct json_node *a, int i)
{
	const struct json_node *v = i >= 0 ? json_element(a, (size_t)i) : NULL;

	return v != NULL && v->type != JSON_NULL ? v : NULL;
}

char *jhtml(const struct json_node *v)
{
	char *s = json_value_text(v), *text;

	/* Sites put entities (and worse) in JSON strings: read as HTML text. */
	text = s ? html_fragment_text(s) : NULL;
	free(s);
	return text;
}

/* The text of a value v, as jtext reads a member. */
static char *value_text(const struct json_node *v, const char *sub)
{
	const struct json_node *first;

	if (v->type == JSON_ARRAY) {
		first = jindex(v, 0);
		return first ? value_text(first, sub) : NULL;
	}
	if (v->type == JSON_OBJECT)
		return sub ? jtext(v, sub, NULL) : NULL;
	return jhtml(v);
}

char *jtext(const struct json_node *o, const char *key, const char *sub)
{
	const struct json_node *v = jget(o, key);

	return v ? value_text(v, sub) : NULL;
}

/* Several values of an array member joined by ", " ("FULL_TIME, CONTRACTOR"). */
static char *jlist(const struct json_node *job, const char *key)
{
	const struct json_node *v = jget(job, key), *item;
	struct buf out = BUF_INIT;
	char *text;
	int i;

	if (v == NULL || v->type != JSON_ARRAY)
		return jtext(job, key, "name");
	for (i = 0; i < 16; i++) {
		item = jindex(v, i);
		text = item ? value_text(item, "name") : NULL;
		if (text == NULL)
			break;
		buf_printf(&out, "%s%s", out.len ? ", " : "", text);
		free(text);
	}
	return out.len ? buf_detach(&out) : NULL;
}

/* "locality, region, country" of the first jobLocation's address (or the
 * jobLocation or address itself when a site writes it as a string). */
static char *location_text(const struct json_node *job, char **country)
{
	static const char *const parts[] = { "addressLocality", "addressRegion" };
	const struct json_node *loc = jget(job, "jobLocation"), *addr = NULL;
	struct buf out = BUF_INIT;
	char *v;
	size_t i;

	if (loc != NULL && loc->type == JSON_ARRAY)
		loc = jindex(loc, 0);
	if (loc != NULL && loc->type == JSON_OBJECT)
		addr = jget(loc, "address");
	else
		addr = loc;	/* a plain jobLocation string */
	if (addr == NULL)
		return NULL;
	if (addr->type != JSON_OBJECT)
		return jhtml(addr);	/* a plain address string */
	for (i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
		v = schema_unless_placeholder(jtext(addr, parts[i], "name"));
		if (v != NULL) {
			buf_printf(&out, "%s%s", out.len ? ", " : "", v);
			free(v);
		}
	}
	*country = schema_unless_placeholder(jtext(addr, "addressCountry", "name"));
	if (*country != NULL)
		buf_printf(&out, "%s%s", out.len ? ", " : "", *country);
	return out.len ? buf_detach(&out) : NULL;
}

/*
 * applicantLocationRequirements when it names one country: an object or a
 * name, or an array of one.  Several countries say no one country.
 */
static char *applicant_country(const struct json_node *job)
{
	static const char key[] = "applicantLocationRequirements";
	const struct json_node *v = jget(job, key);

	if (v != NULL && v->type == JSON_ARRAY && jindex(v, 1) != NULL)
		return NULL;
	return jtext(job, key, "name");
}

/* The description keeps its paragraphs and list items as lines, for the
 * salary it may state (salary_from_description). */
static char *description_text(const struct json_node *job)
{
	const struct json_node *v = jget(job, "description");
	char *text, *s;

	if (v == NULL || v->type != JSON_TEXT)
		return v ? jtext(job, "description", NULL) : NULL;
	text = json_value_text(v);
	s = html_fragment_blocks(text);
	free(text);
	return s;
}

static void posting_from_job(const struct json_node *job, const char *base, struct raw_posting *p)
{
	char *url;

	p->strategy = "jsonld";
	p->title = jtext(job, "title", NULL);
	if (p->title == NULL)
		p->title = jtext(job, "name", NULL);
	p->company = jtext(job, "hiringOrganization", "name");
	p->location = location_text(job, &p->country);
	p->applicant_country = applicant_country(job);
	p->remote = jlist(job, "jobLocationType");
	p->employment_type = jlist(job, "employmentType");
	url = jtext(job, "url", NULL);
	p->url = html_resolve(url, base);
	free(url);
	p->external_id = jtext(job, "identifier", "value");
	p->posted = jtext(job, "datePosted", NULL);
	p->description = description_text(job);
	jsonld_salary(job, p);
}

/* Does the string v name JobPosting (is_job_posting: "JobPosting", "schema:JobPosting", ...)? */
static int names_job_posting(const struct json_node *v)
{
	char *s = v->type == JSON_TEXT ? json_value_text(v) : NULL;
	int yes = s != NULL && schema_type_is(s, "JobPosting");

	free(s);
	return yes;
}

/*
 * Is o a JobPosting: does a member "@type" (spelt so) name JobPosting, or
 * hold a list that does?  As the SQL this replaced asked json_tree, every
 * "@type" member counts, duplicates too.
 */
static int is_job_object(const struct json_node *o)
{
	const struct json_node *k, *v, *e, *end = json_next(o);

	for (k = o + 1; k < end; k = json_next(v)) {
		v = json_label_value(k);
		if (!json_text_is(k, "@type"))
			continue;
		if (names_job_posting(v))
			return 1;
		if (v->type != JSON_ARRAY)
			continue;
		for (e = v + 1; e < json_next(v); e = json_next(e))
			if (names_job_posting(e))
				return 1;
	}
	return 0;
}

/* Is fullkey inside the object at parent ("$.a" is inside "$", "$[1].b" inside "$[1]")? */
static int is_inside(const char *fullkey, const char *parent)
{
	size_t n = strlen(parent);

	return strncmp(fullkey, parent, n) == 0 && (fullkey[n] == '.' || fullkey[n] == '[');
}

/*
 * The JSON of block i parsed into d, its text returned (allocated: d
 * points into it), or NULL with a warning given (or nothing to say, for an
 * empty block).  The size is judged as the page has it (raw), the depth
 * once unwrapped and decoded (CDATA wrappers and entities hide brackets and
 * quotes).  Repairs are tried only on a block that is not valid as it is,
 * and each one that made it readable is named in a warning.
 */
static char *block_json(struct json_doc *d, const struct page_scan *scan, size_t i,
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
	if (json_parse(d, json) < 0) {
		unsigned more;

		repaired = jsonld_repair(json, &more);
		free(json);
		json = repaired;
		done |= more;
		if (json_parse(d, json) < 0) {
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

/*
 * The JobPosting objects of block i, in document order, parents before
 * children: a JobPosting nested in the one before it (rare) is part of it.
 */
static void extract_block(struct json_doc *d, const struct page_scan *scan, size_t i,
			  struct extract_result *r)
{
	char *json = block_json(d, scan, i, r), *outer = NULL, *key;
	size_t k;

	if (json == NULL)
		return;
	for (k = 0; k < d->n; k++) {
		if (d->node[k].type != JSON_OBJECT || !is_job_object(&d->node[k]))
			continue;
		key = json_fullkey(d, &d->node[k]);
		if (outer != NULL && is_inside(key, outer)) {
			free(key);
			continue;
		}
		free(outer);
		outer = key;
		posting_from_job(&d->node[k], scan->base, extract_result_add(r));
	}
	free(outer);
	free(json);
}

void jsonld_extract(const struct page_scan *scan, struct extract_result *r)
{
	struct json_doc d = { 0 };
	size_t i, first = r->count;

	for (i = 0; i < scan->njsonld; i++)
		extract_block(&d, scan, i, r);
	json_doc_release(&d);
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
