/* profile-fit.c - score a posting's text against a role profile's keywords. */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "profile-fit.h"
#include "role.h"
#include "xalloc.h"

static unsigned char ascii_lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* FNV-1a over the lowercased bytes, so a phrase word hashes as the text's
 * copy of it does. */
static size_t word_hash(const char *s, size_t len)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= ascii_lower((unsigned char)s[i]);
		h *= 16777619u;
	}
	return h;
}

void fit_text_init(struct fit_text *t)
{
	memset(t, 0, sizeof(*t));
}

void fit_text_release(struct fit_text *t)
{
	free(t->words);
	free(t->tokens);
	free(t->heads);
	fit_text_init(t);
}

static int is_space(unsigned char c)
{
	return c != '\0' && strchr(" \t\r\n\f\v", c) != NULL;
}

/*
 * May s[i] border a one-letter word on the side dir (-1 before, +1 after)?
 * Past either end of s counts as a border.  A bracket does when nothing of
 * a word touches its far side ("(R)" yes, "(R)evolution" no); a '.' only
 * after the letter and before white space or the end ("in R." yes, "R.J."
 * no).  '&', '\'', '-', '+', '#' never do: "R&D", "C++", "C#".
 */
static int lone_border(const char *s, ptrdiff_t n, ptrdiff_t i, int dir)
{
	unsigned char c;

	if (i < 0 || i >= n)
		return 1;
	c = (unsigned char)s[i];
	if (is_space(c) || strchr(",/:;|", c) != NULL)
		return 1;
	if (c == '(' || c == ')')
		return i + dir < 0 || i + dir >= n || !role_is_word_byte((unsigned char)s[i + dir]);
	if (c == '.' && dir > 0)
		return i + 1 >= n || is_space((unsigned char)s[i + 1]);
	return 0;
}

/* Is the word text[off, off+len) a one-letter word standing alone? */
static int stands_alone(const char *text, size_t off, size_t len, size_t n)
{
	return len == 1 && lone_border(text, (ptrdiff_t)n, (ptrdiff_t)off - 1, -1) &&
	       lone_border(text, (ptrdiff_t)n, (ptrdiff_t)off + 1, +1);
}

/* Room for n more tokens and bytes more word bytes. */
static void reserve(struct fit_text *t, size_t ntok, size_t bytes, size_t *used)
{
	if (t->ntokens + ntok > t->tokens_cap) {
		t->tokens_cap = t->ntokens + ntok;
		t->tokens = xreallocarray(t->tokens, t->tokens_cap, sizeof(*t->tokens));
	}
	if (*used + bytes > t->words_cap) {
		t->words_cap = *used + bytes;
		t->words = xrealloc(t->words, t->words_cap);
	}
}

/*
 * Is text[off, off+len) the name of an HTML entity ("&amp;", "&#39;"), which
 * some stores leave in descriptions?  It is no word of the posting's.
 */
static int entity_name(const char *text, size_t off, size_t len)
{
	size_t amp = off > 0 && text[off - 1] == '#' ? off - 1 : off;

	return amp > 0 && text[amp - 1] == '&' && text[off + len] == ';';
}

/*
 * Append the words of text as tokens of part.  A text of n bytes has at most
 * n / 2 + 1 words and n word bytes, so one reservation covers it.
 */
static void add_part(struct fit_text *t, const char *text, unsigned char part, size_t *used)
{
	size_t n = strlen(text), len, i;
	const char *p = text, *w;
	struct fit_token *tok;

	reserve(t, n / 2 + 1, n, used);
	while ((w = role_next_word(&p, &len)) != NULL) {
		if (entity_name(text, (size_t)(w - text), len))
			continue;
		tok = &t->tokens[t->ntokens++];
		tok->off = *used;
		tok->len = len;
		tok->part = part;
		tok->alone = (unsigned char)stands_alone(text, (size_t)(w - text), len, n);
		for (i = 0; i < len; i++)
			t->words[(*used)++] = (char)ascii_lower((unsigned char)w[i]);
	}
}

/* Chain every token from its hash's head; the table is at least twice the
 * tokens, so chains stay short. */
static void index_tokens(struct fit_text *t)
{
	size_t i, h, size = 16;

	while (size < 2 * t->ntokens)
		size *= 2;
	if (size > t->heads_cap) {
		t->heads = xreallocarray(t->heads, size, sizeof(*t->heads));
		t->heads_cap = size;
	}
	t->nheads = size;
	for (i = 0; i < size; i++)
		t->heads[i] = FIT_NONE;
	for (i = 0; i < t->ntokens; i++) {
		h = word_hash(t->words + t->tokens[i].off, t->tokens[i].len) & (size - 1);
		t->tokens[i].next = t->heads[h];
		t->heads[h] = i;
	}
}

void fit_text_set(struct fit_text *t, const char *title, const char *description)
{
	size_t used = 0;

	t->ntokens = 0;
	if (title != NULL)
		add_part(t, title, 0, &used);
	if (description != NULL)
		add_part(t, description, 1, &used);
	index_tokens(t);
}

/* Does token i hold the phrase word w[0, len)? */
static int token_is(const struct fit_text *t, size_t i, const char *w, size_t len)
{
	const struct fit_token *tok = &t->tokens[i];
	size_t k;

	if (tok->len != len)
		return 0;
	for (k = 0; k < len; k++)
		if (t->words[tok->off + k] != (char)ascii_lower((unsigned char)w[k]))
			return 0;
	return 1;
}

/*
 * Do the words of phrase follow one another from token i, in i's part?
 * alone: the phrase is one letter, which must stand alone (profile-fit.h).
 */
static int phrase_at(const struct fit_text *t, size_t i, const char *phrase, int alone)
{
	unsigned char part = t->tokens[i].part;
	const char *w;
	size_t len;

	if (alone && !t->tokens[i].alone)
		return 0;
	while ((w = role_next_word(&phrase, &len)) != NULL) {
		if (i >= t->ntokens || t->tokens[i].part != part || !token_is(t, i, w, len))
			return 0;
		i++;
	}
	return 1;
}

/* Only the tokens that share the phrase's first word's hash are tried. */
static int phrase_found(const struct fit_text *t, const char *phrase)
{
	const char *p = phrase, *w, *rest;
	size_t len, i, more;
	int alone;

	if (t->nheads == 0 || (w = role_next_word(&p, &len)) == NULL)
		return 0;
	rest = p;
	alone = len == 1 && role_next_word(&rest, &more) == NULL;
	for (i = t->heads[word_hash(w, len) & (t->nheads - 1)]; i != FIT_NONE;
	     i = t->tokens[i].next)
		if (phrase_at(t, i, phrase, alone))
			return 1;
	return 0;
}

int profile_fit_score(const struct profile *p, const struct fit_text *t, unsigned char *found)
{
	size_t i;
	int score = 0, hit;

	for (i = 0; i < p->nkeywords; i++) {
		hit = phrase_found(t, p->keywords[i].phrase);
		if (found != NULL)
			found[i] = (unsigned char)hit;
		if (hit)
			score += p->keywords[i].weight;
	}
	return score;
}

/*
 * The ten heaviest weights by insertion into a short sorted list: profiles
 * have tens of keywords, so no sort of a copy is worth it.
 */
static int top_weights_sum(const struct profile *p)
{
	int top[PROFILE_FIT_DEFAULT_TOP], sum = 0;
	size_t n = 0, i, j;
	int w;

	for (i = 0; i < p->nkeywords; i++) {
		w = p->keywords[i].weight;
		if (n == PROFILE_FIT_DEFAULT_TOP && w <= top[n - 1])
			continue;
		j = n < PROFILE_FIT_DEFAULT_TOP ? n++ : n - 1;
		for (; j > 0 && top[j - 1] < w; j--)
			top[j] = top[j - 1];
		top[j] = w;
	}
	for (i = 0; i < n; i++)
		sum += top[i];
	return sum;
}

int profile_threshold(const struct profile *p)
{
	int sum, t;

	if (p->threshold > 0)
		return p->threshold;
	sum = top_weights_sum(p);
	/* ceil(sum * percent / 100) in integers; sum <= 10 * 100, no overflow */
	t = (sum * PROFILE_FIT_DEFAULT_PERCENT + 99) / 100;
	/* a profile without keywords fits nothing rather than everything */
	return t > 0 ? t : 1;
}

int profile_fits(const struct profile *p, const struct fit_text *t)
{
	return profile_fit_score(p, t, NULL) >= profile_threshold(p);
}
