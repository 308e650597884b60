/* posting-invariants.c - what a normalized posting must hold (fuzz.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

static int one_of(const char *s, const char *const *set, size_t n)
{
	size_t i;

	if (s == NULL)
		return 1;
	for (i = 0; i < n; i++)
		if (strcmp(s, set[i]) == 0)
			return 1;
	return 0;
}

int fuzz_is_country(const char *c)
{
	return c[0] >= 'A' && c[0] <= 'Z' && c[1] >= 'A' && c[1] <= 'Z' && c[2] == '\0';
}

static int iso_date(const char *s)
{
	static const char shape[] = "dddd-dd-dd";
	size_t i;

	if (s == NULL)
		return 1;
	for (i = 0; i < sizeof(shape); i++)
		if (shape[i] == 'd' ? s[i] < '0' || s[i] > '9' : s[i] != shape[i])
			return 0;
	return 1;
}

int fuzz_is_arrangement(const char *s)
{
	static const char *const arrangement[] = { "remote", "hybrid", "onsite" };

	return one_of(s, arrangement, COUNT(arrangement));
}

int fuzz_is_level(const char *s)
{
	static const char *const level[] = { "EN", "MI", "SE", "EX" };

	return one_of(s, level, COUNT(level));
}

/* The typed fields hold only the values posting.h lists. */
void fuzz_check_posting(const struct posting *p)
{
	static const char *const emptype[] = { "FT", "PT", "CT", "FL", "IN", "TEMP" };

	fuzz_check_salary(&p->salary, p->salary.found);
	if ((p->country[0] != '\0' && !fuzz_is_country(p->country)) ||
	    !fuzz_is_arrangement(p->remote) || !fuzz_is_level(p->level) ||
	    !one_of(p->employment_type, emptype, COUNT(emptype)) ||
	    !iso_date(p->posted)) {
		fprintf(stderr, "posting invariant broken: country='%.3s' remote=%s level=%s "
			"employment_type=%s posted=%s\n", p->country,
			p->remote ? p->remote : "(null)", p->level ? p->level : "(null)",
			p->employment_type ? p->employment_type : "(null)",
			p->posted ? p->posted : "(null)");
		abort();
	}
}

void fuzz_normalize_and_check(const struct raw_posting *raw)
{
	struct posting p;

	posting_init(&p);
	posting_normalize(raw, &p);
	fuzz_check_posting(&p);
	posting_release(&p);
}
