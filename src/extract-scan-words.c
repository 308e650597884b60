/*
 * extract-scan-words.c - which of the fast path's needles a page holds
 * (extract-scan-rules.c reads them from the board match rules): one pass
 * over the page's tags for element names, one over its bytes for words,
 * and, for words still missing when the page has character references,
 * one over its text with them decoded (has-class('job-card') holds on
 * class="job&#45;card").
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "extract-scan-internal.h"
#include "utf8.h"
#include "xalloc.h"

/* The UTF-8 of code point c, or 0 bytes when it is none. */
static size_t utf8_put(unsigned long c, char out[4])
{
	if (c == 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	return utf8_encode(c, out);
}

/* A character reference at s ("&#65;", "&#x41", "&quot;"): its length, *out set. */
static size_t reference(const char *s, const char *end, char out[4], size_t *nout)
{
	static const struct {
		const char *name;
		char c;
	} named[] = { { "&quot;", '"' }, { "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' },
		      { "&apos;", '\'' } };
	unsigned long c = 0;
	const char *p = s + 2;
	int hex = p < end && (*p == 'x' || *p == 'X'), digits = 0;
	size_t i;

	for (i = 0; i < sizeof(named) / sizeof(named[0]); i++)
		if ((size_t)(end - s) >= strlen(named[i].name) &&
		    memcmp(s, named[i].name, strlen(named[i].name)) == 0) {
			out[0] = named[i].c;
			*nout = 1;
			return strlen(named[i].name);
		}
	if (end - s < 3 || s[1] != '#')
		return 0;
	for (p += hex; p < end && digits < 8; p++, digits++) {
		int d = *p >= '0' && *p <= '9' ? *p - '0' : hex && *p >= 'a' && *p <= 'f' ?
			*p - 'a' + 10 : hex && *p >= 'A' && *p <= 'F' ? *p - 'A' + 10 : -1;

		if (d < 0)
			break;
		c = c * (hex ? 16 : 10) + (unsigned long)d;
	}
	*nout = digits ? utf8_put(c, out) : 0;
	if (*nout == 0)
		return 0;
	return (size_t)(p - s) + (p < end && *p == ';');
}

/* text with its character references decoded (allocated), or NULL when it has none. */
static char *decoded(const char *text, size_t len, size_t *dlen)
{
	struct buf b = BUF_INIT;
	const char *p = text, *end = text + len, *amp;
	char out[4];
	size_t n, nout;

	if (memchr(text, '&', len) == NULL)
		return NULL;
	while ((amp = memchr(p, '&', (size_t)(end - p))) != NULL) {
		buf_append(&b, p, (size_t)(amp - p));
		n = reference(amp, end, out, &nout);
		buf_append(&b, n ? out : amp, n ? nout : 1);
		p = amp + (n ? n : 1);
	}
	buf_append(&b, p, (size_t)(end - p));
	*dlen = b.len;
	return buf_detach(&b);
}

/* Does s[0..n) hold one of the bytes of set? */
static int strpbrk_n(const char *s, size_t n, const char *set)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strchr(set, s[i]) != NULL)
			return 1;
	return 0;
}

static int is_tag_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '-' || c == '_' || c == '.' || c == ':';
}

/* Element names: each tag's name against the tag needles still missing, any case. */
static void find_tags(const char *html, size_t len, struct scan_needles *l)
{
	const char *p = html, *end = html + len, *lt;
	size_t i, n, nmissing = 0, *missing = xreallocarray(NULL, l->n + 1, sizeof(size_t));

	for (i = 0; i < l->n; i++)
		if (l->v[i].tag && !l->v[i].found)
			missing[nmissing++] = i;
	while (nmissing > 0 && (lt = memchr(p, '<', (size_t)(end - p))) != NULL) {
		for (n = 0; lt + 1 + n < end && is_tag_char(lt[1 + n]); n++)
			;
		for (i = 0; n > 0 && i < nmissing; i++) {
			struct scan_needle *t = &l->v[missing[i]];

			if (t->n == n && strncasecmp(t->s, lt + 1, n) == 0) {
				t->found = 1;
				missing[i--] = missing[--nmissing];
			}
		}
		p = lt + 1;
	}
	free(missing);
}

/* A hash of the three bytes a word starts with (12 bits). */
static unsigned key_of(const char *s)
{
	uint32_t k = (uint32_t)(unsigned char)s[0] | (uint32_t)(unsigned char)s[1] << 8 |
		     (uint32_t)(unsigned char)s[2] << 16;

	return (unsigned)((k * 2654435761u) >> 20) & 4095;
}

/*
 * Words: every position whose first three bytes hash like those of some
 * missing word is compared with the words of that hash (a chain each).
 * Returns how many words are still missing.
 */
static size_t find_words(const char *text, size_t len, struct scan_needles *l)
{
	int *head = xmalloc(4096 * sizeof(int)), *next = xmalloc((l->n + 1) * sizeof(int)), j;
	size_t i, missing = 0;
	unsigned k;

	memset(head, -1, 4096 * sizeof(int));
	for (j = 0; j < (int)l->n; j++)
		if (!l->v[j].tag && !l->v[j].found) {
			k = key_of(l->v[j].s);
			next[j] = head[k];
			head[k] = j;
			missing++;
		}
	for (i = 0; missing > 0 && i + 2 < len; i++) {
		for (j = head[key_of(text + i)]; j >= 0; j = next[j]) {
			struct scan_needle *w = &l->v[j];

			if (!w->found && w->n <= len - i && memcmp(w->s, text + i, w->n) == 0) {
				w->found = 1;
				missing--;
			}
		}
	}
	free(head);
	free(next);
	return missing;
}

/*
 * Can decoding make a missing word appear?  Only numeric references give
 * any character; the named ones decoded give only " & < > ' (the others
 * give non-ASCII characters: named_may_make).
 */
static int references_matter(const char *html, size_t len, const struct scan_needles *l)
{
	size_t i;

	const char *p = html, *end = html + len, *amp;

	while ((amp = memchr(p, '&', (size_t)(end - p))) != NULL) {
		if (amp + 1 < end && amp[1] == '#')
			return 1;
		p = amp + 1;
	}
	for (i = 0; i < l->n; i++)
		if (!l->v[i].tag && !l->v[i].found && strpbrk_n(l->v[i].s, l->v[i].n, "\"<>'"))
			return 1;
	return 0;
}

/* Does the page use a named reference (&uuml; &nbsp; ...)? */
static int has_named_reference(const char *html, size_t len)
{
	const char *p = html, *end = html + len, *amp;

	while ((amp = memchr(p, '&', (size_t)(end - p))) != NULL) {
		if (amp + 1 < end && ((amp[1] | 0x20) >= 'a' && (amp[1] | 0x20) <= 'z'))
			return 1;
		p = amp + 1;
	}
	return 0;
}

/*
 * A missing word with a non-ASCII byte could be spelt with one of HTML's
 * 250 named references (f&uuml;r), which decoded() does not know: count it
 * found, so the layout is not ruled out (the tree decides).
 */
static void named_may_make(const char *html, size_t len, struct scan_needles *l)
{
	size_t i, k;

	if (!has_named_reference(html, len))
		return;
	for (i = 0; i < l->n; i++)
		for (k = 0; !l->v[i].tag && !l->v[i].found && k < l->v[i].n; k++)
			if ((unsigned char)l->v[i].s[k] >= 0x80)
				l->v[i].found = 1;
}

void scan_find_needles(const char *html, size_t len, struct scan_needles *l)
{
	size_t dlen = 0;
	char *text;

	find_tags(html, len, l);
	if (find_words(html, len, l) == 0)
		return;
	named_may_make(html, len, l);
	if (!references_matter(html, len, l))
		return;
	text = decoded(html, len, &dlen);
	if (text != NULL)
		find_words(text, dlen, l);
	free(text);
}
