/* role.c - whole-word, case-insensitive role matching in job titles. */
#include "config.h"

#include <stddef.h>

#include "role.h"

/*
 * Explicit ranges rather than isalnum(): the result must not depend on the
 * locale, and bytes >= 0x80 (UTF-8) must always count as word characters.
 */
static int is_word_byte(unsigned char c)
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

	while (*s && !is_word_byte(*s))
		s++;
	if (!*s)
		return NULL;
	start = s;
	while (is_word_byte(*s))
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

/* Do all of role's words follow one another in title, starting at title? */
static int words_match_at(const char *role, const char *title)
{
	const char *rw, *tw;
	size_t rlen, tlen;

	while ((rw = role_next_word(&role, &rlen)) != NULL) {
		tw = role_next_word(&title, &tlen);
		if (tw == NULL || !word_eq(rw, rlen, tw, tlen))
			return 0;
	}
	return 1;
}

int role_matches(const char *role, const char *title)
{
	const char *p, *tw;
	size_t len;

	if (role == NULL || title == NULL)
		return 0;
	p = role;
	if (role_next_word(&p, &len) == NULL)
		return 0;
	p = title;
	while ((tw = role_next_word(&p, &len)) != NULL)
		if (words_match_at(role, tw))
			return 1;
	return 0;
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
