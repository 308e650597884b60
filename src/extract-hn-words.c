/*
 * extract-hn-words.c - the small word lists an HN ad is read with
 * (extract-hn-internal.h): role nouns, the head's keywords, the words
 * that make a fragment a sentence, and the filler before a role.
 */
#include "config.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "extract-hn-internal.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static int in_list(const char *w, size_t n, const char *const *list, size_t count)
{
	size_t i;

	for (i = 0; i < count; i++)
		if (strlen(list[i]) == n && strncasecmp(w, list[i], n) == 0)
			return 1;
	return 0;
}

/* A word's letters and digits (lower case, at most cap - 1 bytes). */
static void word_core(const char *w, size_t n, char *out, size_t cap)
{
	size_t i, k = 0;

	for (i = 0; i < n && k + 1 < cap; i++)
		if (isalnum((unsigned char)w[i]) || w[i] == '.' || w[i] == '#')
			out[k++] = (char)tolower((unsigned char)w[i]);
	while (k > 0 && out[k - 1] == '.')
		k--;
	out[k] = '\0';
}

/* Nouns that name a job, singular; a plural "s" is allowed.  Not "QA" or
 * "DevOps": in "Frontend UI, Android, Rails, and Devops" they name a field. */
static const char *const roles[] = {
	"engineer", "developer", "dev", "programmer", "designer", "webdesigner",
	"scientist", "administrator", "admin", "sysadmin", "architect", "manager",
	"analyst", "hacker", "coder", "intern", "director", "vp", "cto",
	"writer", "tester", "specialist", "consultant", "evangelist",
	"marketer", "recruiter", "dba", "technologist", "researcher",
};

static int one_role_word(const char *w, size_t n)
{
	char core[32];
	size_t k;

	word_core(w, n, core, sizeof(core));
	k = strlen(core);
	if (k > 2 && core[k - 1] == 's' && core[k - 2] == '\'')
		k -= 2;
	else if (k > 1 && core[k - 1] == 's')
		k--;
	return in_list(core, strlen(core), roles, COUNT(roles)) || in_list(core, k, roles, COUNT(roles));
}

/* "Developer/VP" names a role when one of its halves does. */
int hn_is_role_word(const char *w, size_t n)
{
	const char *slash = memchr(w, '/', n);

	if (slash == NULL)
		return one_role_word(w, n);
	return one_role_word(w, (size_t)(slash - w)) ||
	       hn_is_role_word(slash + 1, n - (size_t)(slash + 1 - w));
}

/* Words that make a fragment a sentence rather than a label. */
static const char *const sentence_words[] = {
	"we", "we're", "we've", "we'd", "our", "is", "are", "i", "i'm", "i've", "you",
	"you'll", "you're", "your", "looking", "hiring", "seeking", "join", "this",
	"that", "who", "will", "have", "has", "was", "were", "want", "need", "can",
	"it's", "they", "their", "us", "be", "do", "get",
};

int hn_is_sentence_word(const char *w, size_t n)
{
	char core[32];

	word_core(w, n, core, sizeof(core));
	/* "US" in capitals is the country, not the pronoun. */
	if (n == 2 && strncmp(w, "US", 2) == 0)
		return 0;
	return in_list(core, strlen(core), sentence_words, COUNT(sentence_words));
}

/* Words between a hiring verb and the role: "a", "talented", "two", ... */
static const char *const fillers[] = {
	"a", "an", "the", "our", "its", "their", "some", "more", "several", "multiple",
	"few", "additional", "another", "great", "talented", "smart", "clever", "amazing",
	"experienced", "passionate", "solid", "bright", "motivated", "strong", "good",
	"top", "serious", "ambitious", "multitalented", "super", "kick-ass", "awesome",
	"exceptional", "outstanding", "hardcore", "curious", "creative", "first", "second",
	"third", "one", "two", "three", "four", "five", "2", "3", "4", "5", "new", "and",
	"full-time", "fulltime", "part-time", "all", "types", "kinds", "sorts", "of",
	"primarily", "currently", "always",
};

int hn_is_filler(const char *w, size_t n)
{
	char core[32];
	size_t k;

	if (in_list(w, n, fillers, COUNT(fillers)))
		return 1;
	word_core(w, n, core, sizeof(core));
	k = strlen(core);
	if (k > 0 && strspn(core, "0123456789") == k)
		return 1;	/* "8 .net developers" */
	/* ordinals: 1st, 2nd, 3rd, 4th */
	return k >= 3 && isdigit((unsigned char)core[0]) &&
	       (strcmp(core + k - 2, "st") == 0 || strcmp(core + k - 2, "nd") == 0 ||
		strcmp(core + k - 2, "rd") == 0 || strcmp(core + k - 2, "th") == 0);
}

/* Words that end a role phrase in a sentence. */
static const char *const phrase_ends[] = {
	"and", "or", "to", "who", "with", "in", "at", "for", "that", "from", "on", "as",
	"&", "-", "who'll", "which", "like", "by",
};

int hn_is_phrase_end(const char *w, size_t n)
{
	return in_list(w, n, phrase_ends, COUNT(phrase_ends));
}

/* Labels that head a section of an ad, never a company's name. */
static const char *const labels[] = {
	"responsibilities", "requirements", "details", "description", "hiring", "jobs",
	"perks", "benefits", "about", "summary", "contact", "apply", "location", "who",
	"what", "why", "note", "ps", "update", "edit", "job", "positions", "openings",
	"pluses", "more", "desired", "stealth", "startup", "remote", "h1b", "intern",
	"interns", "local", "thanks", "thank", "cheers", "hi", "hello", "email", "interested",
	"links", "link", "hey",
};

int hn_is_label(const char *w, size_t n)
{
	char core[32];

	word_core(w, n, core, sizeof(core));
	return in_list(core, strlen(core), labels, COUNT(labels));
}

/* Words of a place or an industry, never of a company's name. */
static const char *const place_words[] = {
	"area", "bay", "metro", "county", "downtown", "greater", "north", "south", "east",
	"west", "central", "valley", "midtown", "anywhere", "offices", "office", "city",
	"industry",
};

int hn_is_place_word(const char *w, size_t n)
{
	char core[32];

	word_core(w, n, core, sizeof(core));
	return in_list(core, strlen(core), place_words, COUNT(place_words));
}

int hn_is_intern_word(const char *w, size_t n)
{
	char core[32];

	word_core(w, n, core, sizeof(core));
	return strcmp(core, "intern") == 0 || strcmp(core, "interns") == 0 ||
	       strcmp(core, "internship") == 0 || strcmp(core, "internships") == 0;
}
