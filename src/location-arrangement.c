/*
 * location-arrangement.c - the work arrangement words of a location text
 * and the place left when they are cut from its ends (location-internal.h).
 */
#include "config.h"

#include <stddef.h>
#include <string.h>

#include "location-internal.h"
#include "normalize.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Words of each arrangement, in the languages boards write (folded). */
static const char *const hybrid_words[] = {
	"hybrid", "hybride", "hybrides", "hybrider", "hibrido", "ibrido",
	/* a split week: "Katowice - 2 days in office / 3 days remote" (WWR) */
	"days in office", "days in the office",
};
static const char *const remote_words[] = {
	"remote", "remotely", "fully remote", "100% remote", "anywhere", "anywhere in the world",
	"worldwide",
	"work from home", "working from home", "wfh", "telecommute", "telecommuting",
	"home based", "homeoffice", "home office", "remoto", "remota", "en remoto", "da remoto",
	"teletrabajo", "teletravail", "no office location",
};
static const char *const onsite_words[] = {
	"on site", "onsite", "in office", "office based", "in person", "presencial", "in sede",
	"sur site", "vor ort", "presentiel",
};
/* Phrases in which "remote" names the work, not where it is done. */
static const char *const not_remote[] = { "remote sensing" };
/* Words that only join an arrangement to its place: "Hybrid work in Austin". */
static const char *const joining_words[] = {
	"work", "working", "arbeiten", "in the", "in", "from", "based in", "only",
};

/* The number of at most two digits ending just before p, or -1. */
static int number_before(const char *text, const char *p)
{
	int n = 0, scale = 1;

	while (p > text && p[-1] >= '0' && p[-1] <= '9' && scale <= 10) {
		n += (p[-1] - '0') * scale;
		scale *= 10;
		p--;
	}
	return scale == 1 || (p > text && p[-1] >= '0' && p[-1] <= '9') ? -1 : n;
}

/*
 * Whether a share of the time stands just before s: "50/50 remote", "60%
 * remote": part of the week at home, the rest in the office.
 */
static int partial_share_before(const char *text, const char *s)
{
	const char *p = s;
	int a, b;

	while (p > text && p[-1] == ' ')
		p--;
	if (p > text && p[-1] == '%')
		return (a = number_before(text, p - 1)) > 0 && a < 100;
	b = number_before(text, p);
	while (b >= 0 && p > text && p[-1] >= '0' && p[-1] <= '9')
		p--;
	return b > 0 && p > text && p[-1] == '/' && (a = number_before(text, p - 1)) > 0 &&
	       a + b == 100;
}

/*
 * Where the text says remote: 1 remote, 2 remote for a share of the time
 * (hybrid), 0 not at all ("Astrophysics/Remote Sensing" is a field).
 */
static int remote_in(const char *text)
{
	struct normalize_initials initials;
	int found = 0;
	size_t i;

	normalize_initials_of(text, &initials);
	for (i = 0; i < COUNT(remote_words); i++) {
		const char *p = text, *s, *e;

		if (!normalize_may_start(&initials, remote_words[i]))
			continue;
		while ((s = normalize_find_word(p, remote_words[i], 1, &e)) != NULL) {
			if (!normalize_inside_any(text, s, not_remote, COUNT(not_remote))) {
				if (partial_share_before(text, s))
					return 2;
				found = 1;
			}
			p = e;
		}
	}
	return found;
}

/*
 * Hybrid first: "Hybrid (remote 2 days)" is hybrid, and so is a job that
 * may be remote or hybrid, since hybrid is what the worker can count on;
 * so is a share of the time remote ("(50/50 remote)").
 */
const char *location_arrangement_of(const char *text)
{
	int remote;

	if (text == NULL)
		return NULL;
	remote = remote_in(text);
	if (remote == 2 ||
	    normalize_first_of(text, hybrid_words, COUNT(hybrid_words)) < COUNT(hybrid_words))
		return "hybrid";
	if (remote)
		return "remote";
	if (normalize_first_of(text, onsite_words, COUNT(onsite_words)) < COUNT(onsite_words))
		return "onsite";
	return NULL;
}

/*
 * The end of the longest phrase of the lists starting at p in text (lists
 * from first to first + n of the table below), or NULL.
 */
static const char *const *const phrase_lists[] = { hybrid_words, remote_words, onsite_words,
						   joining_words };
static const size_t phrase_counts[] = { COUNT(hybrid_words), COUNT(remote_words),
					COUNT(onsite_words), COUNT(joining_words) };

static int is_ascii_alnum(int c)
{
	return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= '0' && c <= '9');
}

/* Whether phrase, starting with an ASCII letter or digit, cannot match at p:
 * it starts a word there (not after one, as after is set) and its first
 * letter is what stands at p (both ASCII, case aside); what
 * normalize_match_at would find first, without a call at every place. */
static int cannot_start(const char *phrase, const char *p, int after)
{
	int a = (unsigned char)*phrase, b = (unsigned char)*p;

	if (!is_ascii_alnum(a))
		return 0;
	return after || (b < 0x80 && (a | 0x20) != (b | 0x20));
}

static const char *phrase_at(const char *text, const char *p, int joining)
{
	const char *e, *best = NULL;
	size_t i, j, n = joining ? COUNT(phrase_lists) : COUNT(phrase_lists) - 1;
	int after = p > text && is_ascii_alnum((unsigned char)p[-1]);

	for (i = 0; i < n; i++)
		for (j = 0; j < phrase_counts[i]; j++)
			if (!cannot_start(phrase_lists[i][j], p, after) &&
			    (e = normalize_match_at(text, p, phrase_lists[i][j], 1)) != NULL &&
			    (best == NULL || e > best))
				best = e;
	return best;
}

/* The start of a phrase ending exactly at e (see phrase_at), or NULL. */
static const char *phrase_before(const char *text, const char *s, const char *e, int joining)
{
	const char *p;

	for (p = s; p < e; p++)
		if (phrase_at(text, p, joining) == e)
			return p;
	return NULL;
}

/* Length of the punctuation or space at p: dashes, bullets, "…", '('. */
static size_t punct_len(const char *p)
{
	static const char *const wide[] = {
		"\xe2\x80\x93", "\xe2\x80\x94", "\xe2\x80\xa2", "\xe2\x80\xa6", "\xc2\xb7", "\xc2\xa0",
	};
	size_t i;

	if (*p != '\0' && strchr(" \t-,;:/|([*#", *p) != NULL)
		return 1;
	for (i = 0; i < COUNT(wide); i++)
		if (strncmp(p, wide[i], strlen(wide[i])) == 0)
			return strlen(wide[i]);
	return 0;
}

/* Length of the punctuation ending at e (not before s); ')' only unmatched. */
static size_t punct_before(const char *s, const char *e)
{
	size_t n;

	if (e[-1] == ')' || e[-1] == ']')
		return memchr(s, e[-1] == ')' ? '(' : '[', (size_t)(e - s)) == NULL;
	for (n = 1; n <= 3 && n <= (size_t)(e - s); n++)
		if (punct_len(e - n) == n && *(e - n) != '(' && *(e - n) != '[')
			return n;
	return 0;
}

/*
 * The place in text: arrangement words cut from both ends, with the words
 * that join them to the place ("Hybrid - Austin, TX" -> "Austin, TX", "USA
 * - Remote" -> "USA", "Remote (anywhere in the U.S.)" -> "U.S.").  Words in
 * the middle stay: "Warsaw (fully remote) - Poland" is the place as written.
 */
void location_place_of(const char *text, struct location *out)
{
	const char *s = text, *e = text + strlen(text), *q;
	int cut = 1, cut_front = 0, cut_back = 0;
	size_t n;

	while (cut) {
		cut = 0;
		while (s < e && (n = punct_len(s)) > 0)
			s += n;
		while (e > s && (n = punct_before(s, e)) > 0)
			e -= n;
		if (s < e && (q = phrase_at(text, s, cut_front)) != NULL && q <= e) {
			s = q;
			cut = cut_front = 1;
		}
		if (s < e && (q = phrase_before(text, s, e, cut_back)) != NULL) {
			e = q;
			cut = cut_back = 1;
		}
	}
	if (e > s) {
		out->place = s;
		out->place_len = (size_t)(e - s);
	}
}
