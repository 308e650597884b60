/* csv.c - RFC 4180 CSV writing. */
#include "config.h"

#include <string.h>

#include "csv.h"

static int is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static int needs_quotes(const char *s, size_t len)
{
	return strpbrk(s, ",\"\r\n") != NULL ||
	       is_blank(s[0]) || is_blank(s[len - 1]);
}

/* What a spreadsheet reads as the start of a formula (OWASP's list, with
 * LF, which OWASP added in 2025). */
static int is_formula(const char *s)
{
	return strchr("=+-@\t\r\n", s[0]) != NULL;
}

void csv_field(struct buf *out, const char *s, int flags)
{
	const char *q;
	size_t len;
	int neutralize;

	if (s == NULL || *s == '\0')
		return;
	len = strlen(s);
	neutralize = !(flags & (CSV_RAW | CSV_NUMBER)) && is_formula(s);
	if (!neutralize && !needs_quotes(s, len)) {
		buf_append(out, s, len);
		return;
	}
	buf_append(out, neutralize ? "\"'" : "\"", neutralize ? 2 : 1);
	/* Copy up to and including each quote, then double it. */
	while ((q = strchr(s, '"')) != NULL) {
		buf_append(out, s, (size_t)(q - s) + 1);
		buf_append(out, "\"", 1);
		s = q + 1;
	}
	buf_appends(out, s);
	buf_append(out, "\"", 1);
}

void csv_row(struct buf *out, const char *const *fields, size_t n, uint64_t numbers,
	     int flags)
{
	int number;

	size_t i;

	if (n == 1 && (fields[0] == NULL || *fields[0] == '\0')) {
		buf_appends(out, "\"\"\r\n");
		return;
	}
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_append(out, ",", 1);
		number = i < 64 && (numbers & CSV_COLUMN(i));
		csv_field(out, fields[i], flags | (number ? CSV_NUMBER : 0));
	}
	buf_append(out, "\r\n", 2);
}
