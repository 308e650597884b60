/* htmlw.c - escaped text into HTML and SVG markup (htmlw.h). */
#include "config.h"

#include <string.h>

#include "htmlw.h"
#include "utf8.h"

/* The reference for a byte that markup must not hold as it is, or NULL. */
static const char *reference(unsigned char c)
{
	switch (c) {
	case '&': return "&amp;";
	case '<': return "&lt;";
	case '>': return "&gt;";
	case '"': return "&quot;";
	case '\'': return "&#39;";
	}
	return NULL;
}

/* Characters XML 1.0 does not allow at all, even as references. */
static int forbidden(const unsigned char *p, size_t len)
{
	if (len == 1)
		return *p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r';
	/* U+FFFE and U+FFFF: EF BF BE, EF BF BF */
	return len == 3 && p[0] == 0xEF && p[1] == 0xBF && p[2] >= 0xBE;
}

void htmlw_text(struct buf *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	const char *ref;
	size_t len;
	int valid;

	if (s == NULL)
		return;
	while (*p) {
		len = utf8_seq(p, &valid);
		if (!valid || forbidden(p, len))
			buf_appends(out, "\xEF\xBF\xBD");	/* U+FFFD */
		else if ((ref = reference(*p)) != NULL)
			buf_appends(out, ref);
		else
			buf_append(out, p, len);
		p += len;
	}
}

void htmlw_element(struct buf *out, const char *tag, const char *text)
{
	buf_printf(out, "<%s>", tag);
	htmlw_text(out, text);
	buf_printf(out, "</%.*s>", (int)strcspn(tag, " "), tag);
}
