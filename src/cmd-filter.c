/*
 * cmd-filter.c - the posting filters "report" and "export" share: --level,
 * --country, --remote, --since, --until and --company, checked and
 * normalized before they reach the store.
 */
#include "config.h"

#include <ctype.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "date.h"
#include "iso-codes.h"

/* s in upper (or lower) case in place; optarg points into argv, ours to edit. */
static char *fold(char *s, int upper)
{
	char *p;

	for (p = s; *p; p++)
		*p = (char)(upper ? toupper((unsigned char)*p) : tolower((unsigned char)*p));
	return s;
}

/* Index of s in names (n of them), or -1. */
static int one_of(const char *s, const char *const *names, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (strcmp(s, names[i]) == 0)
			return i;
	return -1;
}

static int bad(const char *option, const char *value, const char *expected)
{
	cmd_error("invalid --%s '%s': expected %s", option, value, expected);
	return -1;
}

int cmd_parse_filter(int c, char *arg, struct posting_filter *f)
{
	static const char *const levels[] = { "EN", "MI", "SE", "EX" };
	static const char *const arrangements[] = { "remote", "hybrid", "onsite" };

	switch (c) {
	case OPT_LEVEL:
		if (one_of(fold(arg, 1), levels, 4) < 0)
			return bad("level", arg, "EN, MI, SE or EX");
		f->level = arg;
		return 1;
	case OPT_COUNTRY:
		if (!iso_country_known(fold(arg, 1)))
			return bad("country", arg, "an ISO 3166-1 alpha-2 country code such as US");
		f->country = arg;
		return 1;
	case OPT_REMOTE:
		if (one_of(fold(arg, 0), arrangements, 3) < 0)
			return bad("remote", arg, "remote, hybrid or onsite");
		f->remote = arg;
		return 1;
	case OPT_SINCE:
	case OPT_UNTIL:
		if (!date_read(arg, 1, NULL))
			return bad(c == OPT_SINCE ? "since" : "until", arg, "a date YYYY-MM-DD");
		*(c == OPT_SINCE ? &f->since : &f->until) = arg;
		return 1;
	case OPT_COMPANY:
		if (*arg == '\0')
			return bad("company", arg, "a company's name");
		f->company = arg;
		return 1;
	default:
		return 0;
	}
}

int cmd_check_filter(struct cmd_ctx *ctx, const struct posting_filter *f)
{
	if (f->since != NULL && f->until != NULL && strcmp(f->since, f->until) > 0) {
		cmd_error("invalid --since '%s': after --until '%s'", f->since, f->until);
		return EXIT_USAGE;
	}
	return cmd_check_source(ctx, f->source);
}
