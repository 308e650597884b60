/* render-salary.c - one salary reading, for "jobstats salary" and posting lines. */
#include "config.h"

#include <stddef.h>

#include "jsonw.h"
#include "render.h"

void render_salary_words(struct buf *out, const struct salary *s)
{
	if (!s->found) {
		buf_appends(out, "-");
		return;
	}
	buf_printf(out, "%s %.15g", s->currency[0] ? s->currency : "?", s->min);
	if (s->max != s->min)
		buf_printf(out, "-%.15g", s->max);
	if (s->period != PERIOD_UNKNOWN)
		buf_printf(out, " per %s", salary_period_name(s->period));
}

void render_salary_line(struct buf *out, const char *text, const struct salary *s)
{
	const char *name;
	unsigned bit;
	size_t i;

	buf_printf(out, "%s\t", text);
	if (!s->found) {
		buf_appends(out, "no salary\n");
		return;
	}
	render_salary_words(out, s);
	if (s->period != PERIOD_UNKNOWN && s->period != PERIOD_YEAR) {
		buf_printf(out, " (%.15g", s->annual_min);
		if (s->annual_max != s->annual_min)
			buf_printf(out, "-%.15g", s->annual_max);
		buf_appends(out, " a year)");
	}
	buf_printf(out, "; %s, %s", s->provenance, s->rule);
	for (i = 0; (name = salary_note(i, &bit)) != NULL; i++)
		if (s->notes & bit)
			buf_printf(out, ", %s", name);
	buf_appends(out, "\n");
}

/* A number, or null when the reading has none. */
static void number_or_null(struct buf *out, const char *key, int present, double v)
{
	buf_appends(out, ",");
	jsonw_key(out, key);
	if (present)
		jsonw_number(out, v);
	else
		buf_appends(out, "null");
}

static void string_field(struct buf *out, const char *key, const char *v)
{
	buf_appends(out, ",");
	jsonw_key(out, key);
	jsonw_string(out, v);
}

void render_salary_json(struct buf *out, const char *text, const struct salary *s)
{
	int annual = s->found && s->period != PERIOD_UNKNOWN;
	const char *name;
	unsigned bit;
	size_t i, n = 0;

	buf_appends(out, "{");
	jsonw_key(out, "text");
	jsonw_string(out, text);
	number_or_null(out, "min", s->found, s->min);
	number_or_null(out, "max", s->found, s->max);
	string_field(out, "currency", s->found && s->currency[0] ? s->currency : NULL);
	string_field(out, "period", s->found ? salary_period_name(s->period) : NULL);
	number_or_null(out, "annual_min", annual, s->annual_min);
	number_or_null(out, "annual_max", annual, s->annual_max);
	string_field(out, "provenance", s->found ? s->provenance : NULL);
	string_field(out, "rule", s->found ? s->rule : NULL);
	buf_appends(out, ",");
	jsonw_key(out, "notes");
	buf_appends(out, "[");
	for (i = 0; (name = salary_note(i, &bit)) != NULL; i++) {
		if (!(s->notes & bit))
			continue;
		if (n++ > 0)
			buf_appends(out, ",");
		jsonw_string(out, name);
	}
	buf_appends(out, "]}\n");
}
