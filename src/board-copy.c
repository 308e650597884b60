/*
 * board-copy.c - a deep copy of a board set, for another thread.
 *
 * libxml2 (2.9.x) caches the function a compiled XPath calls inside the
 * compiled expression the first time it runs it: two threads evaluating
 * one compiled XPath write the same memory.  So each extraction thread
 * owns its copy, whose XPaths are compiled again from their text (they
 * compiled once already, so they compile again).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "board.h"
#include "xalloc.h"

static void rule_copy(const struct board_rule *from, struct board_rule *to)
{
	size_t i;

	to->n = from->n;
	to->v = from->n ? xcalloc(from->n, sizeof(*to->v)) : NULL;
	for (i = 0; i < from->n; i++) {
		to->v[i].text = xstrdup(from->v[i].text);
		if (from->v[i].xpath == NULL)
			continue;	/* a JSON path */
		to->v[i].xpath = xmlXPathCompile((const xmlChar *)from->v[i].text);
		if (to->v[i].xpath == NULL)
			xalloc_die();	/* it compiled before: only memory can fail */
		if (from->v[i].path != NULL)	/* its tree walk, read again the same way */
			to->v[i].path = board_path_compile(from->v[i].text);
	}
}

static void layout_copy(const struct board_layout *from, struct board_layout *to)
{
	int f;

	to->name = xstrdup_or_null(from->name);
	to->line = from->line;
	to->json_after = xstrdup_or_null(from->json_after);
	rule_copy(&from->match, &to->match);
	rule_copy(&from->posting, &to->posting);
	rule_copy(&from->next, &to->next);
	rule_copy(&from->json, &to->json);
	for (f = 0; f < BOARD_NFIELDS; f++)
		rule_copy(&from->field[f], &to->field[f]);
}

static void board_copy(const struct board *from, struct board *to)
{
	size_t i;

	memset(to, 0, sizeof(*to));
	to->name = xstrdup(from->name);
	to->label = xstrdup_or_null(from->label);
	to->path = xstrdup_or_null(from->path);
	to->nhosts = from->nhosts;
	to->hosts = from->nhosts ? xcalloc(from->nhosts, sizeof(*to->hosts)) : NULL;
	for (i = 0; i < from->nhosts; i++)
		to->hosts[i] = xstrdup(from->hosts[i]);
	to->nlayouts = from->nlayouts;
	to->layouts = from->nlayouts ? xcalloc(from->nlayouts, sizeof(*to->layouts)) : NULL;
	for (i = 0; i < from->nlayouts; i++)
		layout_copy(&from->layouts[i], &to->layouts[i]);
}

void board_set_copy(const struct board_set *from, struct board_set *to)
{
	size_t i;

	memset(to, 0, sizeof(*to));
	to->any_host = from->any_host;
	to->n = from->n;
	to->v = from->n ? xcalloc(from->n, sizeof(*to->v)) : NULL;
	for (i = 0; i < from->n; i++)
		board_copy(&from->v[i], &to->v[i]);
}
