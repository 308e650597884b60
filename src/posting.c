/* posting.c - posting lifetimes and the normalize stage's entry point. */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "normalize.h"
#include "posting.h"
#include "xalloc.h"

void raw_posting_init(struct raw_posting *raw)
{
	memset(raw, 0, sizeof(*raw));
}

void raw_posting_release(struct raw_posting *raw)
{
	free(raw->title);
	free(raw->company);
	free(raw->location);
	free(raw->remote);
	free(raw->country);
	free(raw->level);
	free(raw->employment_type);
	free(raw->salary_text);
	free(raw->url);
	free(raw->external_id);
	free(raw->description);
	free(raw->posted);
	raw_posting_init(raw);
}

void posting_init(struct posting *p)
{
	memset(p, 0, sizeof(*p));
}

void posting_release(struct posting *p)
{
	free(p->title);
	free(p->company);
	free(p->location);
	free(p->salary_text);
	free(p->url);
	free(p->external_id);
	free(p->description);
	free(p->posted);
	posting_init(p);
}

/* YYYY-MM-DD from the start of an ISO 8601 date or date-time, else NULL. */
static char *iso_date(const char *s)
{
	static const char shape[] = "dddd-dd-dd";
	size_t i;

	if (s == NULL || strlen(s) < 10)
		return NULL;
	for (i = 0; i < 10; i++) {
		if (shape[i] == 'd' ? !isdigit((unsigned char)s[i]) : s[i] != '-')
			return NULL;
	}
	return xstrndup(s, 10);
}

void posting_normalize(const struct raw_posting *raw, struct posting *out)
{
	posting_init(out);
	out->title = xstrdup_or_null(raw->title);
	out->company = xstrdup_or_null(raw->company);
	out->location = xstrdup_or_null(raw->location);
	out->remote = location_arrangement(raw->location, raw->remote, 0);
	location_country(raw->location, raw->country, out->country);
	out->level = level_normalize(raw->level, raw->title);
	out->employment_type = employment_type_normalize(raw->employment_type);
	out->salary_text = xstrdup_or_null(raw->salary_text);
	salary_parse(raw->salary_text, &raw->salary_hints, &out->salary);
	out->url = xstrdup_or_null(raw->url);
	out->external_id = xstrdup_or_null(raw->external_id);
	out->description = xstrdup_or_null(raw->description);
	out->posted = iso_date(raw->posted);
}
