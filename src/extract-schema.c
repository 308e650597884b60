/* extract-schema.c - schema.org reading shared by JSON-LD and microdata. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "extract-schema.h"
#include "xalloc.h"

/* s past prefix (any case), or NULL when s does not start with it. */
static const char *skip_prefix(const char *s, const char *prefix)
{
	size_t n = strlen(prefix);

	return strncasecmp(s, prefix, n) == 0 ? s + n : NULL;
}

int schema_type_is(const char *type, const char *name)
{
	const char *rest, *s;
	size_t n = strlen(name);

	if (type == NULL)
		return 0;
	if ((rest = skip_prefix(type, "schema:")) == NULL) {
		s = skip_prefix(type, "https://");
		if (s == NULL)
			s = skip_prefix(type, "http://");
		if (s != NULL && skip_prefix(s, "www.") != NULL)
			s += 4;
		rest = s ? skip_prefix(s, "schema.org/") : type;
		if (rest == NULL)
			return 0;
	}
	return strncasecmp(rest, name, n) == 0 &&
	       (rest[n] == '\0' || (rest[n] == '/' && rest[n + 1] == '\0'));
}

double schema_amount(const char *text)
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

/* ISO 8601 durations of one unit, as MonetaryAmountDistribution's
 * "duration" gives them. */
static enum salary_period duration_period(const char *s)
{
	static const struct {
		const char *text;
		enum salary_period period;
	} durations[] = {
		{ "P1Y", PERIOD_YEAR }, { "P1M", PERIOD_MONTH }, { "P1W", PERIOD_WEEK },
		{ "P1D", PERIOD_DAY }, { "PT1H", PERIOD_HOUR },
	};
	size_t i;

	for (i = 0; i < sizeof(durations) / sizeof(durations[0]); i++)
		if (strcasecmp(s, durations[i].text) == 0)
			return durations[i].period;
	return PERIOD_UNKNOWN;
}

enum salary_period schema_period(const char *unit)
{
	static const char *const lead[] = { "per ", "a ", "an ", "each ", "/" };
	char word[32];
	const char *s;
	size_t i, n;

	if (unit == NULL)
		return PERIOD_UNKNOWN;
	while (*unit == ' ')
		unit++;
	for (i = 0; i < sizeof(lead) / sizeof(lead[0]); i++)
		if ((s = skip_prefix(unit, lead[i])) != NULL) {
			unit = s;
			break;
		}
	while (*unit == ' ')
		unit++;
	n = strlen(unit);
	while (n > 0 && unit[n - 1] == ' ')
		n--;
	if (n >= sizeof(word))
		return PERIOD_UNKNOWN;
	memcpy(word, unit, n);
	word[n] = '\0';
	if (duration_period(word) != PERIOD_UNKNOWN)
		return duration_period(word);
	return salary_period_from_name(word);
}

int schema_salary_hints(struct salary_hints *h, double min, double max,
			const char *currency, const char *unit)
{
	if (min == 0 && max == 0)
		return 0;
	/* One bound alone is the advertised figure. */
	h->min = min ? min : max;
	h->max = max ? max : min;
	if (currency != NULL && strlen(currency) < sizeof(h->currency))
		snprintf(h->currency, sizeof(h->currency), "%s", currency);
	h->period = schema_period(unit);
	return 1;
}

char *schema_unless_placeholder(char *s)
{
	static const char *const placeholders[] = { "N/A", "-", "null", "undefined" };
	size_t i;

	for (i = 0; s != NULL && i < sizeof(placeholders) / sizeof(placeholders[0]); i++)
		if (strcasecmp(s, placeholders[i]) == 0) {
			free(s);
			return NULL;
		}
	return s;
}

/* An amount as the salary reader reads it back: no exponent, cents only
 * when there are some.  floor, not a cast to long long: a page's amount
 * may be far beyond what one holds (found by fuzz-jsonld). */
static void append_amount(struct buf *b, double d)
{
	buf_printf(b, isfinite(d) && d == floor(d) ? " %.0f" : " %.2f", d);
}

char *schema_estimate_text(const struct raw_posting *est)
{
	const struct salary_hints *h = &est->salary_hints;
	struct buf b = BUF_INIT;

	if (h->min == 0 && h->max == 0)
		return est->salary_text ? xasprintf("Estimated %s", est->salary_text) : NULL;
	buf_appends(&b, "Estimated");
	if (h->currency[0] != '\0')
		buf_printf(&b, " %s", h->currency);
	append_amount(&b, h->min);
	if (h->max != h->min) {
		buf_appends(&b, " -");
		append_amount(&b, h->max);
	}
	if (salary_period_name(h->period) != NULL)
		buf_printf(&b, " per %s", salary_period_name(h->period));
	return buf_detach(&b);
}

static int same(const char *a, const char *b)
{
	return a != NULL && b != NULL && strcmp(a, b) == 0;
}

/* Both given and different (any case): two companies, two ids. */
static int differ(const char *a, const char *b)
{
	return a != NULL && b != NULL && strcasecmp(a, b) != 0;
}

int schema_same_job(const struct raw_posting *a, const struct raw_posting *b)
{
	if (same(a->url, b->url) || same(a->external_id, b->external_id))
		return 1;
	if (differ(a->external_id, b->external_id) || differ(a->company, b->company))
		return 0;
	return a->title != NULL && b->title != NULL && strcasecmp(a->title, b->title) == 0;
}

#define FILL(field) do { if (to->field == NULL) { to->field = from->field; from->field = NULL; } } while (0)

void schema_fill_missing(struct raw_posting *to, struct raw_posting *from)
{
	FILL(title);
	FILL(company);
	FILL(location);
	FILL(remote);
	FILL(country);
	FILL(applicant_country);
	FILL(level);
	FILL(employment_type);
	FILL(salary_text);
	FILL(url);
	FILL(external_id);
	FILL(description);
	FILL(posted);
	if (to->salary_hints.min == 0 && to->salary_hints.max == 0 &&
	    (from->salary_hints.min != 0 || from->salary_hints.max != 0))
		to->salary_hints = from->salary_hints;
}

#undef FILL

long schema_find_job(const struct extract_result *r, size_t ntargets,
		     const struct raw_posting *p)
{
	size_t i;

	for (i = 0; i < ntargets && i < r->count; i++)
		if (schema_same_job(&r->postings[i], p))
			return (long)i;
	return -1;
}

void schema_add_posting(struct extract_result *r, size_t ntargets, struct raw_posting *p)
{
	long i = schema_find_job(r, ntargets, p);

	if (i >= 0) {
		schema_fill_missing(&r->postings[i], p);
		raw_posting_release(p);
		return;
	}
	*extract_result_add(r) = *p;
	raw_posting_init(p);
}
