/*
 * extract-hn-body.c - hn_read_ad(): the head (extract-hn-read.c), then the
 * body's sentences for what the head left out (extract-hn-internal.h):
 *
 *   "Pinterest is hiring engineers and product designers in Palo Alto"
 *       -> company Pinterest, title "engineers"
 *   "We're looking for our 3rd full-time rails developer."
 *       -> title "rails developer", full time
 *
 * A role is read after a hiring verb only when a job noun ends the few
 * words that follow it, so "hiring all sorts of people" gives nothing.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extract-hn-internal.h"
#include "html.h"
#include "normalize.h"
#include "xalloc.h"

#define PHRASE_WORDS 5	/* words read after a hiring verb ... */
#define LIST_WORDS 8	/* ... or when they list kinds of one job */
#define COMPANY_WORDS 3
#define BUSINESS_WORDS 6	/* words after "is a" that name what the subject is */
#define EARLY_LINES 5	/* lines whose role line beats any sentence */

struct word {
	const char *s;
	size_t n;
};

/* The next word of s: its core without brackets and closing punctuation;
 * *closes is set when punctuation ends the phrase after it. */
static const char *next_word(const char *s, struct word *w, int *closes)
{
	const char *end;

	while (*s == ' ')
		s++;
	if (!*s)
		return NULL;
	end = s + strcspn(s, " ,");
	if (*end == ',')
		end++;	/* "hackers,developers": the comma ends a word */
	w->s = s;
	w->n = (size_t)(end - s);
	*closes = 0;
	while (w->n > 1 && strchr(".,;:!?)\"'", w->s[w->n - 1])) {
		w->n--;
		*closes = 1;
	}
	return end;
}

static int any_role(const struct word *kept, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (hn_is_role_word(kept[i].s, kept[i].n))
			return 1;
	return 0;
}

static int is_joiner(const struct word *w)
{
	return (w->n == 3 && strncasecmp(w->s, "and", 3) == 0) ||
	       (w->n == 2 && strncasecmp(w->s, "or", 2) == 0) || (w->n == 1 && w->s[0] == '&');
}

/*
 * The words after a hiring verb, up to the role: fillers before them are
 * skipped ("a talented"), and a list of kinds before one job noun is read
 * as its first kind: "iOS and Android developers", "Backend, iOS, Web and
 * Android developers".  *list is where the first kind ends (0: no list).
 */
static size_t phrase_words(const char *s, struct word *kept, size_t *list, int *ft)
{
	struct word w;
	size_t nkept = 0;
	int closes = 0;

	*list = 0;
	while (nkept < LIST_WORDS && (nkept < PHRASE_WORDS || *list) &&
	       (s = next_word(s, &w, &closes)) != NULL) {
		if (w.s[0] == '(' || w.s[0] == '#')
			break;
		if (nkept == 0 && hn_is_filler(w.s, w.n)) {
			*ft |= strncasecmp(w.s, "full", 4) == 0;
			continue;
		}
		if (hn_is_phrase_end(w.s, w.n)) {
			if (!is_joiner(&w) || nkept == 0 || any_role(kept, nkept))
				break;
			if (*list == 0)
				*list = nkept;
			continue;
		}
		kept[nkept++] = w;
		if (closes && w.s[w.n] == ',' && !any_role(kept, nkept)) {
			if (*list == 0)
				*list = nkept;
			continue;
		}
		if (closes)
			break;
	}
	return nkept;
}

/* "junior and senior hackers": two levels, not two kinds of one job. */
static int is_level_list(const struct word *kept, size_t list)
{
	static const char *const levels[] = { "junior", "senior", "jr", "sr", "mid", "entry", "lead" };
	size_t i;

	for (i = 0; list == 1 && i < sizeof(levels) / sizeof(levels[0]); i++)
		if (kept[0].n == strlen(levels[i]) && strncasecmp(kept[0].s, levels[i], kept[0].n) == 0)
			return 1;
	return 0;
}

/* The role named right after a hiring verb, or NULL. */
static char *role_after(const char *s, struct hn_cues *cues)
{
	struct word kept[LIST_WORDS];
	size_t nkept, i, last = LIST_WORDS, list;
	int ft = 0;
	char *role;

	if (*s == ':')
		s++;	/* "openings for: Software Engineer, ..." */
	if (*s != ' ')
		return NULL;	/* "is hiring." names no role */
	nkept = phrase_words(s, kept, &list, &ft);
	for (i = 0; i < nkept; i++)
		if (hn_is_role_word(kept[i].s, kept[i].n))
			last = i;
	/* "We are also looking for great interns": beside the ad's real role */
	if (last == LIST_WORDS || hn_is_intern_word(kept[last].s, kept[last].n) ||
	    (list > 0 && (last < list || is_level_list(kept, list))))
		return NULL;
	/* "VP of Engineering" */
	if (last + 2 < nkept && kept[last + 1].n == 2 && strncmp(kept[last + 1].s, "of", 2) == 0 &&
	    isupper((unsigned char)kept[last + 2].s[0]))
		last += 2;
	cues->seen[HN_CUE_FT] += ft;
	if (list == 0)
		return xstrndup(kept[0].s, (size_t)(kept[last].s + kept[last].n - kept[0].s));
	role = xasprintf("%.*s %.*s", (int)(kept[list - 1].s + kept[list - 1].n - kept[0].s),
			 kept[0].s, (int)kept[last].n, kept[last].s);
	return role;
}

static char *role_in_line(const char *line, struct hn_cues *cues)
{
	static const char *const verbs[] = {
		"hiring", "hiring for", "looking for", "looking to hire", "seeking",
		"searching for", "need", "on the lookout for", "looking to meet", "hire",
		"in search of", "openings for",
	};
	const char *at, *end;
	char *role;
	size_t i;

	for (i = 0; i < sizeof(verbs) / sizeof(verbs[0]); i++) {
		for (at = line; (at = normalize_find_word(at, verbs[i], 1, &end)) != NULL;
		     at = end) {
			if ((role = role_after(end, cues)) != NULL)
				return role;
		}
	}
	return NULL;
}

static int is_name_word(const struct word *w)
{
	static const char *const not_names[] = { "The", "It", "He", "She", "Everyone", "Here" };
	size_t i;

	for (i = 0; i < sizeof(not_names) / sizeof(not_names[0]); i++)
		if (w->n == strlen(not_names[i]) && strncmp(w->s, not_names[i], w->n) == 0)
			return 0;
	return (isupper((unsigned char)w->s[0]) || memchr(w->s, '.', w->n) != NULL) &&
	       !hn_is_sentence_word(w->s, w->n) && !hn_is_label(w->s, w->n);
}

/* "hiring engineers and product designers in Palo Alto, CA.": the known
 * place after " in " in the sentence that names the role, or NULL. */
static char *place_after(const char *line, const char *role)
{
	static const char *const ends[] = { " and ", " with ", " to ", " who ", " for " };
	const char *at = strstr(line, role), *in, *end, *e;
	struct location loc;
	char *place;
	size_t i;

	if (at == NULL)
		return NULL;
	at += strlen(role);
	end = at + strcspn(at, ".;!?(");
	in = strstr(at, " in ");
	if (in == NULL || in >= end || !isupper((unsigned char)in[4]))
		return NULL;
	in += 4;
	for (i = 0; i < sizeof(ends) / sizeof(ends[0]); i++)
		if ((e = strstr(in, ends[i])) != NULL && e < end)
			end = e;
	place = hn_trimmed(in, (size_t)(end - in));
	if (!hn_known_place(place, &loc) || loc.country[0] == '\0') {
		free(place);
		return NULL;
	}
	return place;
}

/* Does the ad link to the name as a domain ("brad@nowspots.com" for
 * NowSpots)?  A name that is a domain itself ("Academia.edu") counts. */
static int has_own_domain(const char *text, const char *name, size_t n)
{
	char compact[64];
	size_t i, k = 0;
	const char *hit;

	if (memchr(name, '.', n) != NULL)
		return 1;
	for (i = 0; i < n && k + 2 < sizeof(compact); i++)
		if (isalnum((unsigned char)name[i]))
			compact[k++] = (char)tolower((unsigned char)name[i]);
	compact[k++] = '.';
	compact[k] = '\0';
	for (hit = text; (hit = strcasestr(hit, compact)) != NULL; hit++)
		if (hit == text || !isalnum((unsigned char)hit[-1]))
			return 1;
	return 0;
}

/* Does the sentence call its subject a business ("a venture-backed
 * startup", "an online accounting application"), not a project or a
 * product line? */
static int says_business(const char *s)
{
	static const char *const nouns[] = {
		"startup", "start-up", "company", "firm", "platform", "provider",
		"marketplace", "application", "service", "business", "network", "studio",
		"agency", "shop", "engine", "app", "website",
	};
	char sentence[256];
	size_t n = strcspn(s, ".!?"), i, words = 0;

	/* the noun phrase only: "a collaborative open-source project with
	 * the aim of providing a ... platform" is a project */
	for (i = 0; i < n && words <= BUSINESS_WORDS; i++)
		if (s[i] == ' ' && s[i + 1] != ' ')
			words++;
	if (words > BUSINESS_WORDS)
		n = i - 1;
	if (n >= sizeof(sentence))
		n = sizeof(sentence) - 1;
	memcpy(sentence, s, n);
	sentence[n] = '\0';
	for (i = 0; i < sizeof(nouns) / sizeof(nouns[0]); i++)
		if (normalize_find_word(sentence, nouns[i], 1, NULL) != NULL)
			return 1;
	return 0;
}

/* "Mixpanel is hiring", "SeatMe is looking", "At Mixlr, we're ...": the
 * sentence's first one to three capitalised words.  "NowSpots is a
 * venture-backed startup" names the company only when the ad also links
 * to its domain: any sentence may start "Foo is a ...". */
static char *company_at(const char *s, const char *text)
{
	static const char *const verbs[] = { " is hiring", " is looking", " is seeking",
					     " are hiring", " is always", " is growing" };
	static const char *const is_a[] = { " is a ", " is an ", " is the " };
	int at = strncmp(s, "At ", 3) == 0, closes = 0;
	const char *after = at ? s + 3 : s, *first = NULL;
	struct word w;
	size_t count, i, n;

	for (count = 0; count < COMPANY_WORDS && (after = next_word(after, &w, &closes)) != NULL;
	     count++) {
		if (!is_name_word(&w))
			return NULL;
		if (first == NULL)
			first = w.s;
		n = (size_t)(w.s + w.n - first);
		if (at && ((closes && w.s[w.n] == ',') || strncmp(after, " - ", 3) == 0))
			return xstrndup(first, n);
		if (closes)
			return NULL;
		for (i = 0; !at && i < sizeof(verbs) / sizeof(verbs[0]); i++)
			if (strncmp(after, verbs[i], strlen(verbs[i])) == 0)
				return xstrndup(first, n);
		for (i = 0; !at && i < sizeof(is_a) / sizeof(is_a[0]); i++)
			if (strncmp(after, is_a[i], strlen(is_a[i])) == 0 &&
			    has_own_domain(text, first, n) && says_business(after))
				return xstrndup(first, n);
	}
	return NULL;
}

/* Brackets dropped first: "Everyme (YC S11) is hiring". */
static char *company_in_line(const char *line, const char *text)
{
	char *copy = xstrdup(line), *open, *close, *name = NULL;
	const char *s;

	while ((open = strchr(copy, '(')) != NULL && (close = strchr(open, ')')) != NULL)
		memmove(open, close + 1, strlen(close + 1) + 1);
	text_collapse(copy);
	for (s = copy; s != NULL && name == NULL;) {
		name = company_at(s, text);
		s = strstr(s, ". ");
		if (s != NULL)
			s += 2;
	}
	free(copy);
	return name;
}

/* A list item ("* Senior .NET Developer - ...") is one of several roles. */
static int is_listed(const char *line)
{
	return *line == '*' || *line == '-' || strncmp(line, "\xe2\x80\xa2", 3) == 0 ||
	       (isdigit((unsigned char)line[0]) && strchr(".)", line[1]) != NULL);
}

/* A line that is only a role: "iOS Developer:", "* Cloud Software Engineer",
 * "* Front end developer - Our meaning in life is ...". */
static char *role_line(const char *line)
{
	const char *end = line + strlen(line), *sep;
	char *part, *plain, *open;

	if ((sep = hn_find_top(line, " - ")) != NULL && sep < end)
		end = sep;
	if ((sep = hn_find_top(line, ": ")) != NULL && sep < end)
		end = sep;
	if ((sep = hn_find_top(line, ",")) != NULL && sep < end)
		end = sep;	/* "iOS Developer , we have a full job listing" */
	part = hn_trimmed(line, (size_t)(end - line));
	plain = xstrdup(part);
	if ((open = (char *)hn_find_top(plain, " (")) != NULL)
		*open = '\0';
	if (hn_word_count(plain) > 6 || !hn_any_word(plain, hn_is_role_word) ||
	    hn_any_word(plain, hn_is_sentence_word) || hn_find_top(plain, ",") != NULL ||
	    hn_any_word(plain, hn_is_intern_word)) {
		free(part);
		part = NULL;
	} else if (open != NULL && hn_any_word(open + 2, hn_is_sentence_word)) {
		free(part);
		part = xstrdup(plain);	/* "Web developers (we're a Django shop)" */
	}
	free(plain);
	return part;
}

static void read_body(struct hn_reading *rd, char **lines, size_t count, const char *text)
{
	size_t i;

	/* a role line near the top ("Backend PHP Engineer" under the place)
	 * names the ad's role better than a sentence further down; a list of
	 * roles does not (its first item need not be the one the ad leads with) */
	for (i = 0; i < count && i < EARLY_LINES && rd->ad->title == NULL; i++)
		if (!is_listed(lines[i]))
			rd->ad->title = role_line(lines[i]);
	for (i = 0; i < count && rd->ad->title == NULL; i++)
		if ((rd->ad->title = role_in_line(lines[i], &rd->cues)) != NULL &&
		    rd->ad->location == NULL)
			rd->ad->location = place_after(lines[i], rd->ad->title);
	for (i = 0; i < count && rd->ad->title == NULL; i++)
		rd->ad->title = role_line(lines[i]);
	for (i = 0; i < count && rd->company == NULL && rd->ad->title != NULL; i++)
		rd->company = company_in_line(lines[i], text);
}

void hn_read_ad(const char *text, struct hn_ad *ad)
{
	struct hn_reading rd;
	char **lines;
	size_t count = hn_lines(text, &lines);

	memset(ad, 0, sizeof(*ad));
	memset(&rd, 0, sizeof(rd));
	rd.ad = ad;
	hn_read_head(&rd, lines, count);
	read_body(&rd, lines, count, text);
	hn_cue_sentences(text, &rd.cues);
	ad->company = rd.company;
	ad->arrangement = hn_cue_arrangement(&rd.cues);
	ad->type = hn_cue_type(&rd.cues);
	if (ad->title != NULL && hn_any_word(ad->title, hn_is_intern_word))
		ad->type = "Internship";
	hn_lines_free(lines, count);
}

void hn_ad_release(struct hn_ad *ad)
{
	free(ad->title);
	free(ad->company);
	free(ad->location);
	memset(ad, 0, sizeof(*ad));
}
