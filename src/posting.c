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
	free(raw->applicant_country);
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

/*
 * Strings from the web are bounded before they are stored: a hostile page
 * must not put a megabyte into a title.  Cut at a UTF-8 character boundary.
 */
#define MAX_URL 4096
#define MAX_DESCRIPTION (64 * 1024)

char *posting_bounded(const char *s, size_t max)
{
	size_t len;

	if (s == NULL)
		return NULL;
	len = strnlen(s, max + 1);
	if (len <= max)
		return xstrndup(s, len);
	len = max;
	while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80)
		len--;	/* s[len] continues a character: cut before its lead byte */
	return xstrndup(s, len);
}

/*
 * The salary as stored (bounded, so renormalize reads what crawl read), with
 * "$", "kr" and "pesos" read by the posting's country; when the salary text
 * and structured data give none, the one the stored description states.
 */
static void normalize_salary(const struct raw_posting *raw, struct posting *out)
{
	struct salary_hints hints = raw->salary_hints;

	memcpy(hints.country, out->country, sizeof(hints.country));
	if (!salary_parse(out->salary_text, &hints, &out->salary))
		salary_from_description(out->description, out->country, &out->salary);
}

void posting_normalize(const struct raw_posting *raw, struct posting *out)
{
	struct location_hints hints = { raw->remote, raw->applicant_country, raw->country };
	struct location where;

	posting_init(out);
	out->title = posting_bounded(raw->title, POSTING_MAX_FIELD);
	out->company = posting_bounded(raw->company, POSTING_MAX_FIELD);
	out->location = posting_bounded(raw->location, POSTING_MAX_FIELD);
	location_parse(out->location, &hints, &where);
	out->remote = where.arrangement ? where.arrangement : title_arrangement(out->title);
	memcpy(out->country, where.country, sizeof(out->country));
	out->level = level_detect(raw->level, out->title, NULL);
	out->employment_type = employment_type_parse(raw->employment_type);
	if (out->employment_type == NULL)
		out->employment_type = title_employment_type(out->title);
	out->salary_text = posting_bounded(raw->salary_text, POSTING_MAX_FIELD);
	out->description = posting_bounded(raw->description, MAX_DESCRIPTION);
	normalize_salary(raw, out);
	out->url = posting_bounded(raw->url, MAX_URL);
	out->external_id = posting_bounded(raw->external_id, POSTING_MAX_FIELD);
	out->posted = iso_date(raw->posted);
}
