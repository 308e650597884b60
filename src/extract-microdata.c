/*
 * extract-microdata.c - schema.org JobPosting microdata (itemscope,
 * itemtype, itemprop), as reed.co.uk writes it:
 *
 *   <article itemscope itemtype="https://schema.org/JobPosting">
 *     <meta itemprop="title" content="Software Developer">
 *     <span itemprop="hiringOrganization" itemscope itemtype="http://schema.org/Organization">
 *       <span itemprop="name">Test Company</span></span>
 *     <span itemprop="baseSalary" itemscope itemtype="http://schema.org/MonetaryAmount">
 *       <meta itemprop="currency" content="GBP">
 *       <span itemprop="value" itemscope itemtype="http://schema.org/QuantitativeValue">
 *         <meta itemprop="minValue" content="35000.00"> ...
 *
 * A property belongs to the nearest item around it: the properties of a
 * nested item (the Organization's name) are not the JobPosting's.  A
 * property's value is its content attribute (on meta, and on any element
 * that has one, as search engines read it), a time's datetime, a link's
 * href for url, else its text.  itemref is not followed.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLtree.h>

#include "buf.h"
#include "extract-internal.h"
#include "extract-schema.h"
#include "html.h"
#include "xalloc.h"

/* The most values of one property read (employmentType lists). */
#define MICRODATA_MAX_VALUES 16

static int is_scope(const xmlNode *n)
{
	return xmlHasProp(n, (const xmlChar *)"itemscope") != NULL;
}

/* Does a space-separated attribute hold a token that match() accepts? */
static int any_token(const xmlNode *n, const char *attr, const char *want,
		     int (*match)(const char *token, const char *want))
{
	static const char blanks[] = " \t\r\n\f";
	char *v = html_attr(n, attr), *tok, *end;
	int found = 0;

	for (tok = v; tok != NULL && *tok != '\0' && !found; tok = end) {
		tok += strspn(tok, blanks);
		end = tok + strcspn(tok, blanks);
		if (*end != '\0')
			*end++ = '\0';
		found = *tok != '\0' && match(tok, want);
	}
	free(v);
	return found;
}

/* An itemprop token naming want: "title", or a full URL ending "/title". */
static int prop_matches(const char *token, const char *want)
{
	const char *slash = strrchr(token, '/');

	return strcasecmp(slash ? slash + 1 : token, want) == 0;
}

int microdata_is_job(const xmlNode *n)
{
	return n->type == XML_ELEMENT_NODE && is_scope(n) &&
	       any_token(n, "itemtype", "JobPosting", schema_type_is);
}

/*
 * The elements under item (page order) whose itemprop names name, at most
 * max into out; a nested item may itself be one, but what is inside it is
 * its own.  Returns how many were found.
 */
static size_t find_props(const xmlNode *item, const char *name, xmlNode **out, size_t max)
{
	xmlNode *c;
	size_t n = 0;

	for (c = item->children; c != NULL && n < max; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (any_token(c, "itemprop", name, prop_matches))
			out[n++] = c;
		else if (!is_scope(c))
			n += find_props(c, name, out + n, max - n);
	}
	return n;
}

static xmlNode *find_prop(const xmlNode *item, const char *name)
{
	xmlNode *found = NULL;

	find_props(item, name, &found, 1);
	return found;
}

static int is_tag(const xmlNode *n, const char *tag)
{
	return xmlStrcasecmp(n->name, (const xmlChar *)tag) == 0;
}

/* An attribute's text, blanks collapsed; NULL when absent or blank. */
static char *attr_text(const xmlNode *n, const char *name)
{
	char *v = html_attr(n, name);

	if (v != NULL)
		text_collapse(v);
	if (v != NULL && *v == '\0') {
		free(v);
		v = NULL;
	}
	return v;
}

/* The value of a property element that is not an item itself. */
static char *prop_value(const xmlNode *n, int is_url)
{
	char *v = attr_text(n, "content");

	if (v == NULL && is_tag(n, "time"))
		v = attr_text(n, "datetime");
	if (v == NULL && (is_tag(n, "data") || is_tag(n, "meter")))
		v = attr_text(n, "value");
	if (v == NULL && is_url)
		v = attr_text(n, "href");
	return v ? v : html_text(n);
}

/*
 * Text of property name of item: a plain value, or, when the property is an
 * item of its own (an Organization, a PropertyValue), its property sub, else
 * its text.
 */
static char *item_text(const xmlNode *item, const char *name, const char *sub)
{
	xmlNode *p = find_prop(item, name);
	char *v;

	if (p == NULL)
		return NULL;
	if (!is_scope(p))
		return prop_value(p, 0);
	v = sub ? item_text(p, sub, NULL) : NULL;
	return v ? v : html_text(p);
}

/* All values of a property joined by ", " ("FULL_TIME, CONTRACTOR"). */
static char *item_list(const xmlNode *item, const char *name)
{
	xmlNode *props[MICRODATA_MAX_VALUES];
	size_t i, n = find_props(item, name, props, MICRODATA_MAX_VALUES);
	struct buf out = BUF_INIT;
	char *v;

	for (i = 0; i < n; i++) {
		v = is_scope(props[i]) ? item_text(props[i], "name", NULL) : prop_value(props[i], 0);
		if (v != NULL)
			buf_printf(&out, "%s%s", out.len ? ", " : "", v);
		free(v);
	}
	return out.len ? buf_detach(&out) : NULL;
}

/* "locality, region, country" of the jobLocation's address, or its text. */
static char *location_text(const xmlNode *item, char **country)
{
	static const char *const parts[] = { "addressLocality", "addressRegion" };
	xmlNode *loc = find_prop(item, "jobLocation"), *addr;
	struct buf out = BUF_INIT;
	char *v;
	size_t i;

	if (loc == NULL)
		return NULL;
	if (!is_scope(loc))
		return prop_value(loc, 0);
	addr = find_prop(loc, "address");
	if (addr == NULL)
		return item_text(item, "jobLocation", "name");
	if (!is_scope(addr))
		return prop_value(addr, 0);
	for (i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
		v = schema_unless_placeholder(item_text(addr, parts[i], "name"));
		if (v != NULL)
			buf_printf(&out, "%s%s", out.len ? ", " : "", v);
		free(v);
	}
	*country = schema_unless_placeholder(item_text(addr, "addressCountry", "name"));
	if (*country != NULL)
		buf_printf(&out, "%s%s", out.len ? ", " : "", *country);
	return out.len ? buf_detach(&out) : NULL;
}

static double item_amount(const xmlNode *item, const char *name)
{
	char *v = item_text(item, name, NULL);
	double d = v ? schema_amount(v) : 0;

	free(v);
	return d;
}

/* minValue and maxValue of an item, else its value. */
static void item_amounts(const xmlNode *item, double *min, double *max)
{
	*min = item_amount(item, "minValue");
	*max = item_amount(item, "maxValue");
	if (*min == 0 && *max == 0)
		*min = *max = item_amount(item, "value");
}

/*
 * A MonetaryAmount item: currency, and value as a QuantitativeValue item
 * or a number, or minValue/maxValue of its own.  With no amount, its text
 * (what the page shows, "£35,000 - £45,000 per annum") is the salary text.
 * Returns 1 when it gave pay.
 */
static int monetary_amount(const xmlNode *ma, const char *job_currency, struct raw_posting *p)
{
	xmlNode *val = find_prop(ma, "value");
	char *cur = item_text(ma, "currency", NULL), *unit = NULL;
	double min = 0, max = 0;

	if (val != NULL && is_scope(val)) {
		item_amounts(val, &min, &max);
		unit = item_text(val, "unitText", NULL);
	}
	if (min == 0 && max == 0)
		item_amounts(ma, &min, &max);
	if (unit == NULL)
		unit = item_text(ma, "unitText", NULL);
	if (!schema_salary_hints(&p->salary_hints, min, max, cur ? cur : job_currency, unit))
		p->salary_text = html_text(ma);
	free(cur);
	free(unit);
	return p->salary_hints.min != 0 || p->salary_text != NULL;
}

/* The salary property name: an item, a number, or salary text; 1 when it
 * gave pay. */
static int salary_prop(const xmlNode *item, const char *name, const char *job_currency,
		       struct raw_posting *p)
{
	xmlNode *bs = find_prop(item, name);
	char *v;
	double a;

	if (bs != NULL && is_scope(bs))
		return monetary_amount(bs, job_currency, p);
	v = bs ? prop_value(bs, 0) : NULL;
	if (v == NULL)
		return 0;
	a = schema_amount(v);
	if (schema_salary_hints(&p->salary_hints, a, a, job_currency, NULL)) {
		free(v);
		return 1;
	}
	p->salary_text = v;
	return 1;
}

/* baseSalary, else estimatedSalary as the board's estimate (as JSON-LD's). */
static void salary_from_item(const xmlNode *item, struct raw_posting *p)
{
	char *cur = item_text(item, "salaryCurrency", NULL);
	struct raw_posting est;

	if (!salary_prop(item, "baseSalary", cur, p)) {
		raw_posting_init(&est);
		if (salary_prop(item, "estimatedSalary", cur, &est))
			p->salary_text = schema_estimate_text(&est);
		raw_posting_release(&est);
	}
	free(cur);
}

/* The description with its paragraphs as lines, like JSON-LD's. */
static char *description_text(const xmlNode *item)
{
	xmlNode *d = find_prop(item, "description");
	xmlBufferPtr b;
	char *v;

	if (d == NULL)
		return NULL;
	v = attr_text(d, "content");
	if (v != NULL) {
		char *blocks = html_fragment_blocks(v);

		free(v);
		return blocks;
	}
	b = xmlBufferCreate();
	if (b == NULL)
		return html_text(d);
	htmlNodeDump(b, d->doc, d);
	v = html_fragment_blocks((const char *)xmlBufferContent(b));
	xmlBufferFree(b);
	return v;
}

static void posting_from_item(const xmlNode *item, const char *base, struct raw_posting *p)
{
	xmlNode *u = find_prop(item, "url");
	char *url = u && !is_scope(u) ? prop_value(u, 1) : NULL;

	p->strategy = "microdata";
	p->title = item_text(item, "title", NULL);
	if (p->title == NULL)
		p->title = item_text(item, "name", NULL);
	p->company = item_text(item, "hiringOrganization", "name");
	p->location = location_text(item, &p->country);
	p->remote = item_list(item, "jobLocationType");
	p->employment_type = item_list(item, "employmentType");
	p->url = html_resolve(url, base);
	free(url);
	p->external_id = item_text(item, "identifier", "value");
	p->posted = item_text(item, "datePosted", NULL);
	p->description = description_text(item);
	salary_from_item(item, p);
}

/* Is n inside another JobPosting item (and so part of it)? */
static int inside_job(const xmlNode *n)
{
	for (n = n->parent; n != NULL; n = n->parent)
		if (microdata_is_job(n))
			return 1;
	return 0;
}

void microdata_extract(const struct page_scan *scan, struct extract_result *r)
{
	struct extract_result found;
	size_t i, njsonld = r->count;
	const char *url = scan->url ? scan->url : "page";

	extract_result_init(&found);
	for (i = 0; i < scan->nmicrodata; i++)
		if (!inside_job(scan->microdata[i]))
			posting_from_item(scan->microdata[i], scan->base, extract_result_add(&found));
	/* A detail page's only posting, with no url of its own, is the page. */
	if (found.count == 1 && found.postings[0].url == NULL && scan->url != NULL)
		found.postings[0].url = xstrdup(scan->url);
	for (i = 0; i < found.count; i++) {
		struct raw_posting *p = &found.postings[i];

		if (p->title == NULL && schema_find_job(r, njsonld, p) < 0) {
			extract_result_warn(r, "'%s': microdata posting %zu has no title, skipped",
					    url, i + 1);
			r->skipped++;
			continue;
		}
		schema_add_posting(r, njsonld, p);
	}
	extract_result_release(&found);
}
