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

/* A real calendar day written YYYY-MM-DD. */
static int is_date(const char *s)
{
	static const int days[12] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int y, m, d, i, leap;

	for (i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : !isdigit((unsigned char)s[i]))
			return 0;
	if (s[10] != '\0')
		return 0;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	if (m < 1 || m > 12 || d < 1 || d > days[m - 1])
		return 0;
	return m != 2 || d < 29 || leap;
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
		if (!is_date(arg))
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
