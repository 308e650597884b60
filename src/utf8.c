/* utf8.c - one UTF-8 sequence at a time, and whole pages checked (utf8.h). */
#include "config.h"

#include <stdint.h>
#include <string.h>

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

/* Length of the UTF-8 sequence a lead byte starts, 0 when it cannot lead. */
static size_t utf8_seq_len(unsigned char c)
{
	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		return 2;
	if (c >= 0xE0 && c <= 0xEF)
		return 3;
	if (c >= 0xF0 && c <= 0xF4)
		return 4;
	return 0;
}

/*
 * The byte after a lead byte, as utf8_seq reads it (Unicode Table 3-7): no
 * overlong forms (E0 80-9F, F0 80-8F), no surrogates (ED A0-BF), nothing
 * above U+10FFFF (F4 90-BF).  libxml2 rejects them too, so a page that
 * holds one is not read as UTF-8 here either (the JSON-LD fast path must
 * see the bytes the tree sees).
 */
static int second_byte_ok(unsigned char lead, unsigned char c)
{
	unsigned char lo = 0x80, hi = 0xBF;

	if (lead == 0xE0)
		lo = 0xA0;
	else if (lead == 0xED)
		hi = 0x9F;
	else if (lead == 0xF0)
		lo = 0x90;
	else if (lead == 0xF4)
		hi = 0x8F;
	return c >= lo && c <= hi;
}

/*
 * Bytes from i on that are plain ASCII (and not NUL unless nul_ok), read 8
 * at a time: most of a page is ASCII markup, and this check runs over every
 * page before it is parsed.
 */
static size_t ascii_run(const unsigned char *p, size_t i, size_t len, int nul_ok)
{
	const uint64_t high = 0x8080808080808080u, ones = 0x0101010101010101u;
	uint64_t w;

	for (; i + 8 <= len; i += 8) {
		memcpy(&w, p + i, 8);
		if ((w & high) != 0 || (!nul_ok && ((w - ones) & ~w & high) != 0))
			break;
	}
	return i;
}

/* The longest valid UTF-8 prefix, stopping at a NUL byte unless nul_ok. */
static size_t utf8_prefix(const char *s, size_t len, int nul_ok)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, n, k;

	while (i < len) {
		if (p[i] < 0x80 && p[i] != 0) {
			i = ascii_run(p, i, len, nul_ok);
			if (i >= len)
				break;
		}
		if (p[i] == 0 && !nul_ok)
			return i;
		if (p[i] == 0) {
			i++;
			continue;
		}
		n = utf8_seq_len(p[i]);
		if (n == 0 || i + n > len || (n > 1 && !second_byte_ok(p[i], p[i + 1])))
			return i;
		for (k = 2; k < n; k++)
			if ((p[i + k] & 0xC0) != 0x80)
				return i;
		i += n;
	}
	return len;
}

size_t utf8_valid_prefix(const char *s, size_t len)
{
	return utf8_prefix(s, len, 1);
}

int utf8_valid(const char *s, size_t len)
{
	return utf8_prefix(s, len, 0) == len;
}

size_t utf8_encode(unsigned long c, char out[4])
{
	if (c < 0x80) {
		out[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (char)(0xC0 | (c >> 6));
		out[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		out[0] = (char)(0xE0 | (c >> 12));
		out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		out[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (c >> 18));
	out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
	out[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}
