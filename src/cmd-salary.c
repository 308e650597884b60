/*
 * cmd-salary.c - "jobstats salary [--country CC] [--json] TEXT...": how the
 * salary parser reads each text (for people writing board rules, and for
 * bug reports).  A text with no salary is an answer, not an error.
 */
#include "config.h"

#include <ctype.h>
#include <getopt.h>
#include <string.h>

#include "cmd.h"
#include "iso-codes.h"
#include "render.h"

/* --country: an ISO 3166-1 alpha-2 code in any case, upper-cased; UK, the
 * United Kingdom's own code (reserved in ISO 3166), is GB.  Prints why on
 * error. */
static int parse_country(const char *s, char out[3])
{
	if (strlen(s) != 2 || !isalpha((unsigned char)s[0]) || !isalpha((unsigned char)s[1])) {
		cmd_error("invalid --country '%s': expected a two-letter code such as US", s);
		return -1;
	}
	out[0] = (char)toupper((unsigned char)s[0]);
	out[1] = (char)toupper((unsigned char)s[1]);
	out[2] = '\0';
	if (strcmp(out, "UK") == 0)
		memcpy(out, "GB", 3);
	if (iso_country_known(out))
		return 0;
	cmd_error("unknown country code '%s'", s);
	return -1;
}

static int cmd_salary(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option options[] = {
		{ "country", required_argument, NULL, 'c' },
		{ "json", no_argument, NULL, 'j' },
		{ NULL, 0, NULL, 0 }
	};
	struct salary_hints hints;
	struct buf out = BUF_INIT;
	struct salary s;
	int c, i, json = 0, rc;

	(void)ctx;
	memset(&hints, 0, sizeof(hints));
	optind = 0;
	while ((c = cmd_getopt(argc, argv, "c:j", options)) != -1) {
		if (c == 'j')
			json = 1;
		else if (c == 'c' && parse_country(optarg, hints.country) < 0)
			return EXIT_USAGE;
		else if (c != 'c')
			return cmd_usage(&cmd_salary_entry);
	}
	if (optind >= argc)
		return cmd_usage(&cmd_salary_entry);
	for (i = optind; i < argc; i++) {
		salary_parse(argv[i], &hints, &s);
		if (json)
			render_salary_json(&out, argv[i], &s);
		else
			render_salary_line(&out, argv[i], &s);
	}
	rc = cmd_write_stdout(&out);
	buf_release(&out);
	return rc;
}

const struct cmd_entry cmd_salary_entry = {
	.name = "salary",
	.usage = "salary [--country CC] [--json] [--] TEXT...",
	.summary = "show how a salary text is read (min, max, currency, period)",
	.help = "Parse each TEXT as a salary and print what jobstats reads: minimum,\n"
		"maximum, currency, pay period, yearly figures, provenance (text or\n"
		"estimate), the rule that matched and any notes (swapped, currency-assumed,\n"
		"currency-by-country).  A text holding no salary prints 'no salary' (with\n"
		"--json, null figures); that is an answer, and the exit status is 0.\n"
		"A TEXT starting with '-' goes after '--'.\n"
		"  --country CC   the page's country (ISO 3166 alpha-2, any case; UK is\n"
		"                 GB), which says what \"$\", \"kr\", \"pesos\", \"元\", \"¥\"\n"
		"                 and \"Rs\" mean; without it \"$\" is USD, \"元\" CNY, \"¥\"\n"
		"                 JPY and \"Rs\" INR, assumed\n"
		"  --json         one JSON object a line",
	.flags = 0,
	.exec = cmd_salary,
};
