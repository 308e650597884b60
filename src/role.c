/* role.c - whole-word, case-insensitive role matching in job titles. */
#include "config.h"

#include <stddef.h>
#include <string.h>

#include "role.h"

/*
 * Explicit ranges rather than isalnum(): the result must not depend on the
 * locale, and bytes >= 0x80 (UTF-8) must always count as word characters.
 */
int role_is_word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c >= 0x80;
}

static unsigned char ascii_lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

const char *role_next_word(const char **p, size_t *len)
{
	const unsigned char *s = (const unsigned char *)*p;
	const unsigned char *start;

	while (*s && !role_is_word_byte(*s))
		s++;
	if (!*s)
		return NULL;
	start = s;
	while (role_is_word_byte(*s))
		s++;
	*len = (size_t)(s - start);
	*p = (const char *)s;
	return (const char *)start;
}

static int word_eq(const char *a, size_t alen, const char *b, size_t blen)
{
	size_t i;

	if (alen != blen)
		return 0;
	for (i = 0; i < alen; i++)
		if (ascii_lower((unsigned char)a[i]) != ascii_lower((unsigned char)b[i]))
			return 0;
	return 1;
}

/*
 * Abbreviations job titles use, read as the words they stand for on both
 * sides ("Sr. Data Eng" is "Senior Data Engineer", and a role "ML Engineer"
 * finds "Machine Learning Engineer").  Only unambiguous ones: not "BI"
 * ("Power BI" is a product), not "DS" or "AI".
 */
static const struct {
	const char *word, *means;
} abbreviations[] = {
	{ "sr", "senior" }, { "snr", "senior" }, { "jr", "junior" }, { "jnr", "junior" },
	{ "ml", "machine learning" }, { "mle", "machine learning engineer" },
	{ "mgr", "manager" }, { "eng", "engineer" }, { "engr", "engineer" },
	{ "swe", "software engineer" }, { "dev", "developer" }, { "assoc", "associate" },
	{ "mgmt", "management" }, { "vp", "vice president" },
};

/* Words of a text with abbreviations read as what they stand for. */
struct words {
	const char *text;	/* what is left of the text */
	const char *means;	/* what is left of an expansion, or NULL */
};

static const char *expansion(const char *w, size_t len)
{
	size_t i;

	for (i = 0; i < sizeof(abbreviations) / sizeof(abbreviations[0]); i++)
		if (word_eq(w, len, abbreviations[i].word, strlen(abbreviations[i].word)))
			return abbreviations[i].means;
	return NULL;
}

static const char *next_word(struct words *ws, size_t *len)
{
	const char *w;

	if (ws->means != NULL && (w = role_next_word(&ws->means, len)) != NULL)
		return w;
	ws->means = NULL;
	if ((w = role_next_word(&ws->text, len)) == NULL)
		return NULL;
	if ((ws->means = expansion(w, *len)) != NULL)
		return role_next_word(&ws->means, len);
	return w;
}

/* Do all of role's words follow one another in title, from where title is? */
static int words_match_at(const char *role, struct words title)
{
	struct words r = { role, NULL };
	const char *rw, *tw;
	size_t rlen, tlen;

	while ((rw = next_word(&r, &rlen)) != NULL) {
		tw = next_word(&title, &tlen);
		if (tw == NULL || !word_eq(rw, rlen, tw, tlen))
			return 0;
	}
	return 1;
}

int role_matches(const char *role, const char *title)
{
	struct words t = { title, NULL }, at;
	const char *p;
	size_t len;

	if (role == NULL || title == NULL)
		return 0;
	p = role;
	if (role_next_word(&p, &len) == NULL)
		return 0;
	for (;;) {
		at = t;
		if (next_word(&t, &len) == NULL)
			return 0;
		if (words_match_at(role, at))
			return 1;
	}
}

int role_matches_any(const char *role, char *const *titles, const char *title)
{
	size_t i;

	if (titles == NULL)
		return role_matches(role, title);
	for (i = 0; titles[i] != NULL; i++)
		if (role_matches(titles[i], title))
			return 1;
	return 0;
}
