/*
 * fuzz-extract.c - extract_page() on any bytes, then posting_normalize() on
 * every raw posting it finds; everything is released, so a leak shows too.
 * A normalized posting must hold only the values posting.h allows.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "board.h"
#include "extract.h"
#include "fuzz.h"
#include "posting.h"
#include "xalloc.h"

#define BASE_URL "https://fuzz.example.test/list"
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

static int upper2(const char *c)
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

/* The typed fields hold only the values posting.h lists. */
static void check_posting(const struct posting *p)
{
	static const char *const remote[] = { "remote", "hybrid", "onsite" };
	static const char *const level[] = { "EN", "MI", "SE", "EX" };
	static const char *const emptype[] = { "FT", "PT", "CT", "FL", "IN", "TE" };

	fuzz_check_salary(&p->salary, p->salary.found);
	if ((p->country[0] != '\0' && !upper2(p->country)) ||
	    !one_of(p->remote, remote, COUNT(remote)) ||
	    !one_of(p->level, level, COUNT(level)) ||
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

static void normalize_and_check(const struct raw_posting *raw)
{
	struct posting p;

	posting_init(&p);
	posting_normalize(raw, &p);
	check_posting(&p);
	posting_release(&p);
}

/*
 * The shipped board rules, so every input also runs through them: from
 * $JOBSTATS_BOARDS_DIR, else contrib/boards under $top_srcdir or here.
 */
static const struct board_set *boards(void)
{
	static struct board_set set;
	static int loaded;
	const char *env = getenv("JOBSTATS_BOARDS_DIR"), *top = getenv("top_srcdir");
	char *dir, *err = NULL;
	const char *dirs[1];

	if (loaded)
		return &set;
	loaded = 1;
	dir = env && *env ? xstrdup(env) : xasprintf("%s/contrib/boards", top && *top ? top : ".");
	dirs[0] = dir;
	if (board_load_dirs(dirs, 1, &set, &err) < 0) {
		fprintf(stderr, "fuzz-extract: %s\n", err);
		abort();
	}
	free(dir);
	return &set;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct extract_result result;
	char *err = NULL;
	size_t i;

	extract_result_init(&result);
	if (extract_page((const char *)data, size, BASE_URL, boards(), &result, &err) == 0) {
		for (i = 0; i < result.count; i++)
			normalize_and_check(&result.postings[i]);
	} else if (err == NULL) {
		abort();	/* -1 must come with a message */
	}
	free(err);
	extract_result_release(&result);
	return 0;
}
