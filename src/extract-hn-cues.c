/*
 * extract-hn-cues.c - the keywords of an HN ad's head ("REMOTE, H1B",
 * "FULLTIME or INTERN", "(no remote)") and the sentences of its body that
 * say whether remote work is possible or the job is full or part time
 * (extract-hn-internal.h).
 *
 * Conservative on purpose: "remote" alone in a sentence proves nothing
 * ("other programmers working remotely", "remote presence", "remote
 * offices"), so a body sentence counts only with a word that allows it
 * ("OK", "possible", "welcome", "considered", "willing") or one that
 * denies it ("not", "no").  A place alone never makes an ad on-site.
 */
#include "config.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "extract-hn-internal.h"
#include "normalize.h"

static int word_is(const char *w, size_t n, const char *what)
{
	return strlen(what) == n && strncasecmp(w, what, n) == 0;
}

/* Next blank-separated word of [*s, end), trailing punctuation trimmed. */
static int next_word(const char **s, const char *end, const char **w, size_t *n)
{
	const char *p = *s;

	while (p < end && (isspace((unsigned char)*p) || strchr("(),.:;!", *p)))
		p++;
	if (p == end)
		return 0;
	*w = p;
	while (p < end && !isspace((unsigned char)*p) && !strchr("(),:;!", *p))
		p++;
	*n = (size_t)(p - *w);
	while (*n > 1 && (*w)[*n - 1] == '.')
		(*n)--;
	*s = p;
	return 1;
}

static enum hn_cue cue_of_words(const char *w, size_t n, const char *w2, size_t n2)
{
	if (word_is(w, n, "remote") || word_is(w, n, "telecommute") || word_is(w, n, "telecommuting"))
		return HN_CUE_REMOTE;
	if ((word_is(w, n, "no") && word_is(w2, n2, "remote")) ||
	    (word_is(w, n, "only") && (word_is(w2, n2, "on-site") || word_is(w2, n2, "onsite"))))
		return HN_CUE_ONSITE;
	if (word_is(w, n, "h1b") || word_is(w, n, "h-1b") || word_is(w, n, "visa") ||
	    word_is(w, n, "relocation") || word_is(w, n, "onsite") || word_is(w, n, "on-site") ||
	    word_is(w, n, "local") ||
	    ((word_is(w, n, "working") || word_is(w, n, "work")) && word_is(w2, n2, "permit")))
		return HN_CUE_NONE;
	if (word_is(w, n, "intern") || word_is(w, n, "interns") || word_is(w, n, "internship") ||
	    word_is(w, n, "internships"))
		return HN_CUE_INTERN;
	if (word_is(w, n, "fulltime") || word_is(w, n, "full-time") || word_is(w, n, "full-timers") ||
	    (word_is(w, n, "full") && word_is(w2, n2, "time")))
		return HN_CUE_FT;
	if (word_is(w, n, "part-time") || word_is(w, n, "parttime") || word_is(w, n, "partime") ||
	    (word_is(w, n, "part") && word_is(w2, n2, "time")))
		return HN_CUE_PT;
	if (word_is(w, n, "contract") || word_is(w, n, "contractor") || word_is(w, n, "contractors"))
		return HN_CUE_CT;
	return HN_NOT_CUE;
}

/* One item of a keyword list: its first words decide. */
static enum hn_cue cue_item(const char *s, const char *end)
{
	const char *w = NULL, *w2 = "";
	size_t n = 0, n2 = 0;

	if (!next_word(&s, end, &w, &n))
		return HN_CUE_NONE;	/* an empty item ("A, , B") says nothing */
	next_word(&s, end, &w2, &n2);
	return cue_of_words(w, n, w2, n2);
}

/* Where the next item separator (",", "/", "&", " and ", " or ") starts. */
static const char *item_end(const char *s, const char *end, size_t *sep)
{
	int depth = 0;

	for (; s < end; s++) {
		if (*s == '(')
			depth++;
		else if (*s == ')' && depth > 0)
			depth--;
		if (depth > 0)
			continue;	/* "Remote (only if living in US/Canada)" is one item */
		if (*s == ',' || *s == '/' || *s == '&') {
			*sep = 1;
			return s;
		}
		if (end - s >= 5 && strncasecmp(s, " and ", 5) == 0) {
			*sep = 5;
			return s;
		}
		if (end - s >= 4 && strncasecmp(s, " or ", 4) == 0) {
			*sep = 4;
			return s;
		}
	}
	*sep = 0;
	return end;
}

int hn_cue_part(const char *s, size_t n, struct hn_cues *cues)
{
	const char *end = s + n, *p, *e;
	enum hn_cue found[16];
	size_t count = 0, sep, i;

	for (p = s; p < end && count < 16; p = e + sep) {
		e = item_end(p, end, &sep);
		found[count] = cue_item(p, e);
		if (found[count] == HN_NOT_CUE)
			return 0;
		count++;
	}
	if (p < end)
		return 0;
	for (i = 0; i < count; i++)
		cues->seen[found[i]]++;
	return count > 0;
}

/* Words that allow remote work when a sentence names it. */
static const char *const allow[] = {
	"ok", "okay", "possible", "welcome", "available", "considered", "consider",
	"fine", "encourage", "open to", "willing", "allowed", "can be", "accept",
};
/* Words after "remote" that make it something else than the job's place. */
static const char *const not_work[] = { "presence", "office", "offices", "control" };

static int sentence_has(const char *s, const char *end, const char *phrase)
{
	const char *hit, *hit_end;
	char buf[512];
	size_t n = (size_t)(end - s) < sizeof(buf) - 1 ? (size_t)(end - s) : sizeof(buf) - 1;

	memcpy(buf, s, n);
	buf[n] = '\0';
	hit = normalize_find_word(buf, phrase, 1, &hit_end);
	return hit != NULL;
}

static int any_of(const char *s, const char *end, const char *const *list, size_t count)
{
	size_t i;

	for (i = 0; i < count; i++)
		if (sentence_has(s, end, list[i]))
			return 1;
	return 0;
}

/* Does a denial come before position at in the sentence? */
static int denied_before(const char *s, const char *at)
{
	static const char *const denials[] = { "not", "no", "never" };
	const char *p;

	for (p = s; p + 3 <= at; p++)
		if (strncmp(p, "n't", 3) == 0)
			return 1;
	return any_of(s, at, denials, sizeof(denials) / sizeof(denials[0]));
}

/* Is the word after p ("remote presence") one that is not about work? */
static int names_other_thing(const char *p, const char *end)
{
	const char *w;
	size_t n, i;

	if (!next_word(&p, end, &w, &n))
		return 0;
	for (i = 0; i < sizeof(not_work) / sizeof(not_work[0]); i++)
		if (word_is(w, n, not_work[i]))
			return 1;
	return 0;
}

/* "Multiple FULLTIME positions open", "a unique, full-time opportunity":
 * the hours of the job itself, not of "all full-time employees". */
static void read_hours(const char *s, const char *end, struct hn_cues *cues)
{
	static const char *const job_words[] = {
		"position", "positions", "opportunity", "role", "roles", "job", "jobs",
	};

	if (!any_of(s, end, job_words, sizeof(job_words) / sizeof(job_words[0])))
		return;
	if (sentence_has(s, end, "full time") || sentence_has(s, end, "fulltime"))
		cues->seen[HN_CUE_FT]++;
	if (sentence_has(s, end, "part time") || sentence_has(s, end, "parttime"))
		cues->seen[HN_CUE_PT]++;
}

static void read_sentence(const char *s, const char *end, struct hn_cues *cues)
{
	static const char *const words[] = {
		"remote", "remotely", "telecommute", "telecommuting", "work from anywhere",
	};
	const char *p;
	size_t i, n;

	if (sentence_has(s, end, "only on-site") || sentence_has(s, end, "on-site only") ||
	    sentence_has(s, end, "onsite only") || sentence_has(s, end, "no remote")) {
		cues->seen[HN_CUE_ONSITE]++;
		return;
	}
	for (p = s; p < end; p++) {
		for (i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
			n = strlen(words[i]);
			if ((size_t)(end - p) < n || strncasecmp(p, words[i], n) != 0 ||
			    (p > s && isalpha((unsigned char)p[-1])) ||
			    (p + n < end && isalpha((unsigned char)p[n])))
				continue;
			if (names_other_thing(p + n, end))
				continue;
			if (denied_before(s, p))
				cues->seen[HN_CUE_ONSITE]++;
			else if (i == 4 || any_of(s, end, allow, sizeof(allow) / sizeof(allow[0])))
				cues->seen[HN_CUE_REMOTE]++;
			return;
		}
	}
}

void hn_cue_sentences(const char *text, struct hn_cues *cues)
{
	const char *s = text, *e;

	while (*s) {
		e = s + strcspn(s, ".!?\n");
		if (e > s) {
			read_sentence(s, e, cues);
			read_hours(s, e, cues);
		}
		s = *e ? e + 1 : e;
	}
}

const char *hn_cue_arrangement(const struct hn_cues *cues)
{
	if (cues->seen[HN_CUE_REMOTE] && !cues->seen[HN_CUE_ONSITE])
		return "remote";
	if (cues->seen[HN_CUE_ONSITE] && !cues->seen[HN_CUE_REMOTE])
		return "onsite";
	return NULL;
}

const char *hn_cue_type(const struct hn_cues *cues)
{
	int ft = cues->seen[HN_CUE_FT] > 0, pt = cues->seen[HN_CUE_PT] > 0,
	    ct = cues->seen[HN_CUE_CT] > 0;

	if (ft + pt + ct != 1)
		return NULL;
	return ft ? "Full Time" : pt ? "Part Time" : "Contract";
}
