/* utf8.c - one UTF-8 sequence at a time (utf8.h). */
#include "config.h"

#include "utf8.h"

/* The terminating NUL fails every range check below, so a truncated
 * sequence at the end of the string stops at the NUL. */
size_t utf8_seq(const unsigned char *s, int *valid)
{
	unsigned char c = s[0], lo = 0x80, hi = 0xBF;
	size_t need, i;

	*valid = 0;
	if (c < 0x80) {
		*valid = 1;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF)
		need = 1;
	else if (c >= 0xE0 && c <= 0xEF)
		need = 2;
	else if (c >= 0xF0 && c <= 0xF4)
		need = 3;
	else
		return 1;
	if (c == 0xE0)
		lo = 0xA0;	/* overlong */
	else if (c == 0xED)
		hi = 0x9F;	/* surrogates */
	else if (c == 0xF0)
		lo = 0x90;	/* overlong */
	else if (c == 0xF4)
		hi = 0x8F;	/* above U+10FFFF */
	if (s[1] < lo || s[1] > hi)
		return 1;
	for (i = 2; i <= need; i++)
		if (s[i] < 0x80 || s[i] > 0xBF)
			return i;
	*valid = 1;
	return need + 1;
}
