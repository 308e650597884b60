/* cmd-report.c - "jobstats report --role R": a role's salary picture. */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "csv.h"
#include "render.h"
#include "profile.h"
#include "report.h"

static int render(const struct report *r, enum format format, int csv_flags)
{
	struct buf b = BUF_INIT;
	int rc;

	if (format == FORMAT_JSON) {
		render_report_json(&b, r);
	} else if (format == FORMAT_HTML) {
		render_report_html(&b, r);
	} else if (format == FORMAT_CSV) {
		render_report_csv_header(&b);
		render_report_csv(&b, r, csv_flags);
	} else {
		render_report_table(&b, r);
	}
	rc = cmd_write_stdout(&b);
	buf_release(&b);
	return rc;
}

static int cmd_report(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option options[] = {
		{ "role", required_argument, NULL, 'r' },
		{ "format", required_argument, NULL, 'f' },
		{ "currency", required_argument, NULL, 'c' },
		{ "source", required_argument, NULL, 's' },
		{ "convert", no_argument, NULL, 'x' },
		{ "include-estimates", no_argument, NULL, 'e' },
		CMD_BY_OPTION,
		CMD_WITH_DUPLICATES_OPTION,
		CMD_RAW_OPTION,
		CMD_FILTER_OPTIONS,
		{ NULL, 0, NULL, 0 }
	};
	struct report_query q = { .currency = "USD" };
	enum format format = FORMAT_TABLE;
	struct profile_set profiles = { NULL, 0 };
	struct report r;
	char currency[4], *err = NULL, **titles;
	int c, rc, csv_flags = 0;

	optind = 0;
	while ((c = cmd_getopt(argc, argv, "r:f:c:s:", options)) != -1) {
		if ((rc = cmd_parse_filter(c, optarg, &q.filter)) < 0)
			return EXIT_USAGE;
		else if (rc > 0)
			continue;
		if (c == 'r')
			q.role = optarg;
		else if (c == 'x')
			q.convert = 1;
		else if (c == 'e')
			q.include_estimates = 1;
		else if (c == OPT_WITH_DUPLICATES)
			q.with_duplicates = 1;
		else if (c == OPT_BY && cmd_parse_by(optarg, &q.by_month) < 0)
			return EXIT_USAGE;
		else if (c == OPT_RAW)
			csv_flags = CSV_RAW;
		else if (c == 's')
			q.filter.source = optarg;
		else if (c == 'f' && cmd_parse_format(optarg, &format, 0) < 0)
			return EXIT_USAGE;
		else if (c == 'c' && cmd_parse_currency(optarg, currency) < 0)
			return EXIT_USAGE;
		else if (c == 'c')
			q.currency = currency;
		else if (c == '?')
			return cmd_usage(&cmd_report_entry);
	}
	if (q.role == NULL || optind != argc)
		return cmd_usage(&cmd_report_entry);
	if (cmd_check_raw(csv_flags, format) != EXIT_OK)
		return EXIT_USAGE;
	if ((rc = cmd_check_filter(ctx, &q.filter)) != EXIT_OK)
		return rc;
	if (profile_resolve_role(q.role, &titles, &err) < 0)
		return cmd_fail(err);
	if (profile_load(&profiles, &err) < 0) {
		profile_titles_free(titles);
		return cmd_fail(err);
	}
	q.role_titles = titles;
	q.profiles = &profiles;
	rc = report_build(ctx->store, &q, &r, &err);
	profile_titles_free(titles);
	profile_set_release(&profiles);
	if (rc < 0)
		return cmd_fail(err);
	rc = render(&r, format, csv_flags);
	report_release(&r);
	return rc;
}

const struct cmd_entry cmd_report_entry = {
	.name = "report",
	.usage = "report --role ROLE [--format table|json|csv|html]\n"
		 "                       [--currency CODE] [--convert] [--include-estimates]\n"
		 "                       [--by week|month] [--source NAME] [--raw]\n"
		 "                       [--with-duplicates]\n"
		 CMD_FILTER_USAGE,
	.summary = "a role's pay: statistics, groups, trend and fit to the role profiles",
	.help = "Salary statistics for the postings whose title contains the words of\n"
		   "ROLE in order (whole words, any case, punctuation ignored; Sr., Jr.,\n"
		   "ML, MLE, Mgr, Eng, SWE, Dev read as their words) or, when ROLE\n"
		   "names a role profile (see 'jobstats profiles'), any of its titles:\n"
		   "count, share with a salary, and percentiles of the annualized salary\n"
		   "midpoint in one currency (USD unless --currency), overall and by level;\n"
		   "the typical advertised range (median of minimums to median of maximums),\n"
		   "a histogram, the same by work arrangement, country, top companies and\n"
		   "employment type, the trend per week (--by month: per month), and how\n"
		   "many postings fit each role profile, with their pay and the skills and\n"
		   "tools most asked for (see 'jobstats profiles').\n"
		   "A board's own estimate (\"$67K-$136K (Glassdoor est.)\") is not employer\n"
		   "pay: it is left out and counted, unless --include-estimates counts it\n"
		   "too (the report then says how many it counted).  Postings paid in\n"
		   "other currencies are left out and counted; with --convert, those whose\n"
		   "currency has a stored rate (see 'jobstats rates') are converted and the\n"
		   "rates used are listed; converting into a currency with no stored rate\n"
		   "is an error (add one with 'jobstats rates set').\n"
		   "CSV text that a spreadsheet would run as a formula (starting with =, +,\n"
		   "-, @, tab, CR or LF) is written as text, after a single quote ('=...);\n"
		   "--raw writes it as it is.  Numbers are never changed.\n"
		   "--format html writes one self-contained page (tables, SVG charts, no\n"
		   "script, nothing fetched) to save and open in a browser or print.\n"
		   CMD_DUPLICATES_HELP
		   CMD_FILTER_HELP "The report names the filters it applied.",
	.flags = CMD_NEEDS_DB,
	.exec = cmd_report,
};
