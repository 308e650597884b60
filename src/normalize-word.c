/*
 * normalize-word.c - the whole-word, case- and accent-blind matcher the
 * normalizers share (normalize.h).
 *
 * Job boards write the same word as "Zürich", "ZÜRICH" and "Zurich",
 * "Prácticas" and "Practicas", "Full-Time" and "FULL_TIME".  Folding
 * Latin letters to their unaccented lower-case base lets every table hold
 * one spelling.  Only Latin-1 and Latin Extended-A are folded: that covers
 * the Western and Central European languages boards write in; other scripts
 * compare byte for byte.
 */
#include "config.h"

#include <stddef.h>
#include <string.h>

#include "normalize.h"

/*
 * Base letters of U+00C0..U+00FF and U+0100..U+017F; '*' keeps the letter
 * (lower-cased): Æ, Þ, ß, Ĳ, Œ have no one-letter base, × and ÷ are not
 * letters.
 */
static const char latin1_base[] =
	"aaaaaa*ceeeeiiiidnooooo*ouuuuy**aaaaaa*ceeeeiiiidnooooo*ouuuuy*y";
static const char latin_ext_a_base[] =
	"aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii**jjkkkllllllllll"
	"nnnnnnnnnoooooo**rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

/* Decode one UTF-8 character at p; a stray byte stands for itself. */
static unsigned long decode(const char *p, size_t *len)
{
	const unsigned char *u = (const unsigned char *)p;

	if (u[0] >= 0xC2 && u[0] < 0xE0 && (u[1] & 0xC0) == 0x80) {
		*len = 2;
		return ((unsigned long)(u[0] & 0x1F) << 6) | (u[1] & 0x3F);
	}
	if (u[0] >= 0xE0 && u[0] < 0xF0 && (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80) {
		*len = 3;
		return ((unsigned long)(u[0] & 0x0F) << 12) | ((unsigned long)(u[1] & 0x3F) << 6) |
		       (u[2] & 0x3F);
	}
	if (u[0] >= 0xF0 && u[0] < 0xF5 && (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80 &&
	    (u[3] & 0xC0) == 0x80) {
		*len = 4;
		return ((unsigned long)(u[0] & 0x07) << 18) | ((unsigned long)(u[1] & 0x3F) << 12) |
		       ((unsigned long)(u[2] & 0x3F) << 6) | (u[3] & 0x3F);
	}
	*len = u[0] ? 1 : 0;
	return u[0];
}

unsigned long normalize_fold(unsigned long c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A' + 'a';
	if (c >= 0xC0 && c <= 0xFF && latin1_base[c - 0xC0] != '*')
		return (unsigned char)latin1_base[c - 0xC0];
	if (c >= 0xC0 && c < 0xDF && c != 0xD7)
		return c + 0x20;
	if (c >= 0x100 && c <= 0x17F && latin_ext_a_base[c - 0x100] != '*')
		return (unsigned char)latin_ext_a_base[c - 0x100];
	if (c >= 0x100 && c <= 0x17F)
		return c | 1;
	return c;
}

int normalize_initial(const char *p, size_t *len)
{
	size_t n;
	unsigned long c = normalize_fold(decode(p, &n));

	if (len != NULL)
		*len = n;
	return c >= 'a' && c <= 'z' ? (int)(c - 'a') : -1;
}

static int is_letter(unsigned long c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}

/* Whether a letter or digit starts at p. */
static int word_at(const char *p)
{
	size_t n;

	return is_letter(decode(p, &n));
}

/* Whether a letter or digit ends just before p (text starts at text). */
static int word_before(const char *text, const char *p)
{
	const char *q = p;
	size_t n;

	if (p == text)
		return 0;
	do
		q--;
	while (q > text && p - q < 4 && ((unsigned char)*q & 0xC0) == 0x80);
	return is_letter(decode(q, &n));
}

/* Length of the separator at p: space, tab, '-', '_', no-break space, en or em dash. */
static size_t sep_len(const char *p)
{
	if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '-' || *p == '_')
		return 1;
	if (strncmp(p, "\xc2\xa0", 2) == 0)
		return 2;
	if (strncmp(p, "\xe2\x80\x93", 3) == 0 || strncmp(p, "\xe2\x80\x94", 3) == 0)
		return 3;
	return 0;
}

/* Match phrase at p (see normalize_find_word); the end of the match or NULL. */
static const char *match_at(const char *p, const char *phrase, int fold_case)
{
	const char *last = phrase;

	while (*phrase) {
		size_t np, nt;

		if (*phrase == ' ' || *phrase == '-') {
			if (sep_len(p) == 0)
				return NULL;
			while ((nt = sep_len(p)) > 0)
				p += nt;
			last = phrase++;
			continue;
		}
		if (fold_case) {
			unsigned long a = decode(phrase, &np), b = decode(p, &nt);

			if (nt == 0 || normalize_fold(a) != normalize_fold(b))
				return NULL;
		} else {
			np = nt = 1;
			if (*p != *phrase)
				return NULL;
		}
		last = phrase;
		phrase += np;
		p += nt;
	}
	if (word_at(last) && word_at(p))
		return NULL;
	return p;
}

/* ASCII lower case; other bytes unchanged. */
static int ascii_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/*
 * Whether the first letters of phrase and p differ where both are ASCII:
 * the cheap test that spares decoding at most places of a text.
 */
static int first_differs(const char *p, const char *phrase, int fold_case)
{
	int a = (unsigned char)*phrase, b = (unsigned char)*p;

	if (a >= 0x80 || b >= 0x80 || !is_letter((unsigned long)a))
		return 0;
	return fold_case ? ascii_lower(a) != ascii_lower(b) : a != b;
}

const char *normalize_match_at(const char *text, const char *p, const char *phrase,
				int fold_case)
{
	if (phrase == NULL || *phrase == '\0' || first_differs(p, phrase, fold_case) ||
	    ((unsigned char)*p & 0xC0) == 0x80 || (word_at(phrase) && word_before(text, p)))
		return NULL;
	return match_at(p, phrase, fold_case);
}

const char *normalize_find_word(const char *text, const char *phrase, int fold_case,
				const char **end)
{
	const char *p, *e;

	int first = phrase != NULL ? (unsigned char)*phrase : 0;
	/* Where the phrase starts with an ASCII letter, an ASCII byte other
	 * than that letter cannot start a match (first_differs): skip it
	 * here, without a call per byte. */
	int skip_ascii = first != 0 && first < 0x80 && is_letter((unsigned long)first);

	if (text == NULL)
		return NULL;
	if (fold_case)
		first = ascii_lower(first);
	for (p = text; *p; p++) {
		int b = (unsigned char)*p;

		if (skip_ascii && b < 0x80 && (fold_case ? ascii_lower(b) : b) != first)
			continue;
		if ((e = normalize_match_at(text, p, phrase, fold_case)) != NULL) {
			if (end != NULL)
				*end = e;
			return p;
		}
	}
	return NULL;
}

/*
 * Initials (normalize.h): a phrase that starts with a letter matches only
 * where a word starts (never after a letter or digit), so one whose first
 * two letters never start a word of the text cannot match there, and a
 * table's scan skips it without reading the text again.  A letter of U+00C0..U+017F (UTF-8 lead byte C3..C5, as in "Österreich")
 * may fold to any letter: as an initial it sets every bit, as a second
 * letter every bit of its initial.
 */
#define ALL_INITIALS 0x3ffffffUL

static int is_ascii_alnum(int c)
{
	return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= '0' && c <= '9');
}

static int is_ascii_letter(int c)
{
	return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

static int may_fold_to_letter(int c)
{
	return c >= 0xC3 && c <= 0xC5;
}

void normalize_initials_of(const char *text, struct normalize_initials *in)
{
	const unsigned char *p;
	int a;

	memset(in, 0, sizeof(*in));
	for (p = (const unsigned char *)text; *p; p++) {
		if (p > (const unsigned char *)text && is_ascii_alnum(p[-1]))
			continue;
		if (may_fold_to_letter(*p)) {
			in->first = ALL_INITIALS;
			memset(in->second, 0xff, sizeof(in->second));
			return;
		}
		if (!is_ascii_letter(*p))
			continue;
		a = (*p | 0x20) - 'a';
		in->first |= 1UL << a;
		if (is_ascii_letter(p[1]))
			in->second[a] |= 1UL << ((p[1] | 0x20) - 'a');
		else if (may_fold_to_letter(p[1]))
			in->second[a] = ALL_INITIALS;
	}
}

int normalize_may_start(const struct normalize_initials *in, const char *name)
{
	int c = (unsigned char)*name | 0x20, d;

	if (c < 'a' || c > 'z')
		return 1;
	d = (unsigned char)name[1];
	if (!(in->first >> (c - 'a') & 1))
		return 0;
	return !is_ascii_letter(d) || (in->second[c - 'a'] >> ((d | 0x20) - 'a') & 1);
}

size_t normalize_first_of(const char *text, const char *const *phrases, size_t n)
{
	struct normalize_initials in;
	size_t i;

	if (text == NULL)
		return n;
	normalize_initials_of(text, &in);
	for (i = 0; i < n; i++)
		if (normalize_may_start(&in, phrases[i]) &&
		    normalize_find_word(text, phrases[i], 1, NULL) != NULL)
			return i;
	return n;
}

int normalize_inside_any(const char *text, const char *s, const char *const *phrases,
			 size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		const char *p = text, *b, *e;

		while ((b = normalize_find_word(p, phrases[i], 1, &e)) != NULL) {
			if (b <= s && s < e)
				return 1;
			p = e;
		}
	}
	return 0;
}
