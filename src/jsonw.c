/* jsonw.c - JSON tokens into a struct buf. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jsonw.h"
#include "utf8.h"

/* The escape for a byte below 0x20 (or " or \), written into esc[8]. */
static void escape_byte(unsigned char c, char esc[8])
{
	static const char hex[] = "0123456789abcdef";
	const char *named = NULL;

	switch (c) {
	case '"': named = "\\\""; break;
	case '\\': named = "\\\\"; break;
	case '\n': named = "\\n"; break;
	case '\t': named = "\\t"; break;
	case '\r': named = "\\r"; break;
	case '\b': named = "\\b"; break;
	case '\f': named = "\\f"; break;
	}
	if (named != NULL) {
		memcpy(esc, named, 3);
		return;
	}
	memcpy(esc, "\\u00", 4);
	esc[4] = hex[c >> 4];
	esc[5] = hex[c & 0xF];
	esc[6] = '\0';
}

void jsonw_string(struct buf *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len;
	int valid;
	char esc[8];

	if (s == NULL) {
		buf_appends(out, "null");
		return;
	}
	buf_append(out, "\"", 1);
	while (*p) {
		len = utf8_seq(p, &valid);
		if (!valid) {
			buf_appends(out, "\\ufffd");
		} else if (*p < 0x20 || *p == '"' || *p == '\\') {
			escape_byte(*p, esc);
			buf_appends(out, esc);
		} else {
			buf_append(out, p, len);
		}
		p += len;
	}
	buf_append(out, "\"", 1);
}

/* 2^53: every integer up to here is exact in a double. */
#define JSONW_MAX_EXACT 9007199254740992.0

void jsonw_number(struct buf *out, double v)
{
	char tmp[40];
	int prec;

	if (!isfinite(v)) {
		buf_appends(out, "null");
		return;
	}
	if (v == 0.0) {
		buf_appends(out, "0");	/* also -0.0, which "-0" would confuse */
		return;
	}
	if (v == trunc(v) && fabs(v) <= JSONW_MAX_EXACT) {
		buf_printf(out, "%.0f", v);
		return;
	}
	/* 17 significant digits always read back; fewer look nicer. */
	for (prec = 15; prec <= 17; prec++) {
		snprintf(tmp, sizeof(tmp), "%.*g", prec, v);
		if (prec == 17 || strtod(tmp, NULL) == v)
			break;
	}
	buf_appends(out, tmp);
}

void jsonw_int(struct buf *out, long long v)
{
	buf_printf(out, "%lld", v);
}

void jsonw_key(struct buf *out, const char *key)
{
	jsonw_string(out, key ? key : "");
	buf_append(out, ":", 1);
}
