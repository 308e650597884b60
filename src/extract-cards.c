/*
 * extract-cards.c - the seed board's listing cards:
 *
 *   Data Engineer
 *   @ murmuration | Remote (anywhere in the U.S.)
 *   Full Time Mid-level / Intermediate USD 100K - 130K
 *
 * A card is any element with class "job-card"; its fields are the elements
 * with classes job-title, job-company, job-location, job-type, job-level,
 * job-salary and job-posted (datetime attribute).  When the company and
 * location are not marked up, the "@ company | location" line is split.
 * (Board rules as data files replace this code in a later issue.)
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "extract-internal.h"
#include "html.h"
#include "xalloc.h"

static char *class_text(xmlNode *card, const char *cls)
{
	xmlNode *n = html_find_class(card, cls);

	return n ? html_text(n) : NULL;
}

/* "@ company | location" when the card does not mark the two up. */
static void split_meta(xmlNode *card, struct raw_posting *p)
{
	char *meta = class_text(card, "job-meta"), *s, *bar;

	if (meta == NULL)
		return;
	s = meta[0] == '@' ? meta + 1 : meta;
	bar = strchr(s, '|');
	if (bar != NULL)
		*bar = '\0';
	if (p->company == NULL)
		p->company = xstrdup(s);
	if (p->location == NULL && bar != NULL)
		p->location = xstrdup(bar + 1);
	text_collapse(p->company);
	if (p->location != NULL)
		text_collapse(p->location);
	free(meta);
}

static int is_link(const xmlNode *n)
{
	return n->type == XML_ELEMENT_NODE && xmlStrcasecmp(n->name, (const xmlChar *)"a") == 0 &&
	       xmlHasProp(n, (const xmlChar *)"href") != NULL;
}

/* First link below node (node itself included). */
static xmlNode *first_link(xmlNode *node)
{
	xmlNode *c, *hit;

	if (is_link(node))
		return node;
	for (c = node->children; c != NULL; c = c->next) {
		if (c->type == XML_ELEMENT_NODE && (hit = first_link(c)) != NULL)
			return hit;
	}
	return NULL;
}

/*
 * The posting's link: the one around or inside the title, else the card's
 * first link (cards also carry buttons such as "save job" without a href).
 */
static xmlNode *posting_link(xmlNode *card)
{
	xmlNode *title = html_find_class(card, "job-title"), *n;

	for (n = title; n != NULL && n != card; n = n->parent)
		if (is_link(n))
			return n;
	n = title ? first_link(title) : NULL;
	return n ? n : first_link(card);
}

static char *card_url(xmlNode *card, const char *base)
{
	xmlNode *a = posting_link(card);
	char *href, *url;

	if (a == NULL)
		return NULL;
	href = html_attr(a, "href");
	url = html_resolve(href, base);
	free(href);
	return url;
}

static void card_posting(xmlNode *card, const char *base, struct raw_posting *p)
{
	xmlNode *posted = html_find_class(card, "job-posted");

	p->strategy = "cards";
	p->title = class_text(card, "job-title");
	p->company = class_text(card, "job-company");
	p->location = class_text(card, "job-location");
	split_meta(card, p);
	p->employment_type = class_text(card, "job-type");
	p->level = class_text(card, "job-level");
	p->salary_text = class_text(card, "job-salary");
	p->url = card_url(card, base);
	p->external_id = html_attr(card, "data-job-id");
	p->posted = posted ? html_attr(posted, "datetime") : NULL;
}

void cards_extract(const struct page_scan *scan, struct extract_result *r)
{
	size_t i;

	for (i = 0; i < scan->ncards; i++) {
		struct raw_posting tmp;

		raw_posting_init(&tmp);
		card_posting(scan->cards[i], scan->base, &tmp);
		if (tmp.title == NULL) {
			extract_result_warn(r, "'%s': listing card %zu has no title, skipped",
					    scan->url ? scan->url : "page", i + 1);
			r->skipped++;
			raw_posting_release(&tmp);
			continue;
		}
		*extract_result_add(r) = tmp;
	}
}
