/*
 * identity.c - a posting's key within its source, its match key across
 * sources, and the linking of one job's postings on several boards.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "identity.h"
#include "xalloc.h"

/*
 * Legal forms ignored at the end of a company's name, as identity_text
 * leaves them ("S.A." is "sa", "Pty. Ltd." is "pty ltd").
 */
static const char *const legal_forms[] = {
	"inc", "incorporated", "llc", "llp", "lp", "ltd", "limited", "plc", "corp",
	"corporation", "co", "company", "gmbh", "ag", "kg", "se", "sa", "sas", "sarl",
	"srl", "spa", "bv", "nv", "ab", "oy", "oyj", "as", "asa", "aps", "pty", "pte",
	"pvt", "kk",
};

/* The last word of s (len bytes, words one space apart), or s itself. */
static const char *last_word(const char *s, size_t len)
{
	const char *p = s + len;

	while (p > s && p[-1] != ' ')
		p--;
	return p;
}

static int is_legal_form(const char *w, size_t len)
{
	size_t i;

	for (i = 0; i < sizeof(legal_forms) / sizeof(legal_forms[0]); i++)
		if (strlen(legal_forms[i]) == len && memcmp(w, legal_forms[i], len) == 0)
			return 1;
	return 0;
}

/* Drop legal-form words from the end of s while another word is left. */
static void drop_legal_forms(char *s)
{
	size_t len = strlen(s);
	const char *w;

	while ((w = last_word(s, len)) > s && is_legal_form(w, len - (size_t)(w - s)))
		len = (size_t)(w - s) - 1;
	s[len] = '\0';
}

char *identity_text(const char *s, int company)
{
	struct buf b = BUF_INIT;
	int blank = 0;
	char *out;
	char c;

	for (; s != NULL && *s; s++) {
		c = *s;
		if (c == '.' || c == '\'')
			continue;
		if ((unsigned char)c < 0x80 && !isalnum((unsigned char)c)) {
			blank = b.len > 0;
			continue;
		}
		if (blank)
			buf_appends(&b, " ");
		blank = 0;
		c = (char)tolower((unsigned char)c);
		buf_append(&b, &c, 1);
	}
	out = buf_detach(&b);
	if (company)
		drop_legal_forms(out);
	return out;
}

/* The identity_text of n fields joined by '|', after prefix. */
static char *joined(const char *prefix, const char *const *fields, const int *company, size_t n)
{
	struct buf b = BUF_INIT;
	char *t;
	size_t i;

	buf_appends(&b, prefix);
	for (i = 0; i < n; i++) {
		t = identity_text(fields[i], company[i]);
		buf_appends(&b, i ? "|" : "");
		buf_appends(&b, t);
		free(t);
	}
	return buf_detach(&b);
}

char *identity_key(const struct posting *p)
{
	const char *fields[] = { p->title, p->company, p->location, p->salary_text };
	static const int company[] = { 0, 1, 0, 0 };
	char *url, *key;

	if (p->external_id != NULL && *p->external_id != '\0')
		return xasprintf("id:%s", p->external_id);
	if ((url = url_canonical(p->url)) != NULL) {
		key = xasprintf("url:%s", url);
		free(url);
		return key;
	}
	return joined("card:", fields, company, 4);
}

static int is_blank(const char *s)
{
	char *t = identity_text(s, 0);
	int empty = *t == '\0';

	free(t);
	return empty;
}

char *identity_match_key(const char *title, const char *company, const char *location)
{
	const char *fields[] = { title, company, location };
	static const int is_company[] = { 0, 1, 0 };

	if (is_blank(title) || is_blank(company))
		return NULL;
	return joined("", fields, is_company, 3);
}

/* Has a posting of source already been linked to canonical (ids at v[from..to))? */
static int source_linked(const struct identity_item *v, const long long *dup_of, size_t from,
			 size_t to, long long source, long long canonical)
{
	size_t k;

	for (k = from; k < to; k++)
		if (dup_of[k] == canonical && v[k].source == source)
			return 1;
	return 0;
}

void identity_link(const struct identity_item *v, size_t n, long long *dup_of)
{
	size_t i, j, lo = 0;

	for (i = 0; i < n; i++)
		dup_of[i] = 0;
	for (i = 1; i < n && v[i].source == v[0].source; i++)
		;
	if (i >= n)
		return;	/* one source: nothing to link, and no quadratic scan */
	for (i = 0; i < n; i++) {
		dup_of[i] = 0;
		/* v is sorted by day: postings before lo are too early for i */
		while (v[i].day - v[lo].day > IDENTITY_WINDOW_DAYS)
			lo++;
		for (j = lo; j < i; j++) {
			if (dup_of[j] != 0 || v[j].source == v[i].source ||
			    source_linked(v, dup_of, j + 1, i, v[i].source, v[j].id))
				continue;
			dup_of[i] = v[j].id;
			break;
		}
	}
}
