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

void csv_field(struct buf *out, const char *s)
{
	const char *q;
	size_t len;

	if (s == NULL || *s == '\0')
		return;
	len = strlen(s);
	if (!needs_quotes(s, len)) {
		buf_append(out, s, len);
		return;
	}
	buf_append(out, "\"", 1);
	/* Copy up to and including each quote, then double it. */
	while ((q = strchr(s, '"')) != NULL) {
		buf_append(out, s, (size_t)(q - s) + 1);
		buf_append(out, "\"", 1);
		s = q + 1;
	}
	buf_appends(out, s);
	buf_append(out, "\"", 1);
}

void csv_row(struct buf *out, const char *const *fields, size_t n)
{
	size_t i;

	if (n == 1 && (fields[0] == NULL || *fields[0] == '\0')) {
		buf_appends(out, "\"\"\r\n");
		return;
	}
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_append(out, ",", 1);
		csv_field(out, fields[i]);
	}
	buf_append(out, "\r\n", 2);
}
