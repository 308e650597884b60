/*
 * cmd-export.c - "jobstats export --what postings|salaries": the stored
 * postings, or the salary summary rows that report computes, as CSV (RFC
 * 4180) or JSON Lines, for spreadsheets and notebooks.
 */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "csv.h"
#include "render.h"
#include "profile.h"
#include "report.h"
#include "role.h"

struct export_opts {
	enum format format;
	struct report_query q;
	const char *summary_only;	/* an option given that only salaries take */
	int csv_flags;			/* CSV_RAW with --raw */
	struct buf out;
};

static int posting_row(const struct stored_posting *sp, void *ctx)
{
	struct export_opts *o = ctx;

	if (o->q.role != NULL &&
	    !role_matches_any(o->q.role, o->q.role_titles, sp->posting->title))
		return 0;
	if (o->format == FORMAT_JSON)
		render_posting_json(&o->out, sp->posting, sp);
	else
		render_posting_csv(&o->out, sp->posting, sp, o->csv_flags);
	return 0;
}

/* Every posting as stored: its own pay, currency and provenance, no summary. */
static int export_postings(struct cmd_ctx *ctx, struct export_opts *o)
{
	char *err = NULL;

	if (o->format == FORMAT_CSV)
		render_posting_csv_header(&o->out);
	if (store_foreach_posting(ctx->store, &o->q.filter, posting_row, o, &err) < 0)
		return cmd_fail(err);
	return cmd_write_stdout(&o->out);
}

static void summary_rows(struct export_opts *o, const struct report *r)
{
	if (o->format == FORMAT_JSON)
		render_report_json(&o->out, r);
	else
		render_report_csv(&o->out, r, o->csv_flags);
}

/* One role's rows with --role, else one group of rows per distinct title. */
static int export_salaries(struct cmd_ctx *ctx, struct export_opts *o)
{
	struct report one, *many = &one;
	size_t n = 1, i;
	char *err = NULL;
	int rc;

	if (o->q.role != NULL)
		rc = report_build(ctx->store, &o->q, &one, &err);
	else
		rc = report_build_by_title(ctx->store, &o->q, &many, &n, &err);
	if (rc < 0)
		return cmd_fail(err);
	if (o->format == FORMAT_CSV)
		render_report_csv_header(&o->out);
	for (i = 0; i < n; i++) {
		summary_rows(o, &many[i]);
		report_release(&many[i]);
	}
	if (many != &one)
		free(many);
	return cmd_write_stdout(&o->out);
}

static int cmd_export(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option options[] = {
		{ "what", required_argument, NULL, 'w' },
		{ "format", required_argument, NULL, 'f' },
		{ "role", required_argument, NULL, 'r' },
		{ "currency", required_argument, NULL, 'c' },
		{ "source", required_argument, NULL, 's' },
		{ "convert", no_argument, NULL, 'x' },
		{ "include-estimates", no_argument, NULL, 'e' },
		CMD_RAW_OPTION,
		CMD_FILTER_OPTIONS,
		{ NULL, 0, NULL, 0 }
	};
	struct export_opts o = { .format = FORMAT_CSV, .q = { .currency = "USD" },
				 .out = BUF_INIT };
	const char *what = NULL;
	char currency[4], **titles = NULL, *err = NULL;
	int c, rc;

	optind = 0;
	while ((c = cmd_getopt(argc, argv, "w:f:r:c:s:", options)) != -1) {
		if ((rc = cmd_parse_filter(c, optarg, &o.q.filter)) < 0)
			return EXIT_USAGE;
		else if (rc > 0)
			continue;
		if (c == 'x' || c == 'c' || c == 'e')
			o.summary_only = c == 'x' ? "--convert" : c == 'c' ? "--currency"
				       : "--include-estimates";
		if (c == 'w')
			what = optarg;
		else if (c == 'x')
			o.q.convert = 1;
		else if (c == 'e')
			o.q.include_estimates = 1;
		else if (c == OPT_RAW)
			o.csv_flags = CSV_RAW;
		else if (c == 'r')
			o.q.role = optarg;
		else if (c == 's')
			o.q.filter.source = optarg;
		else if (c == 'f' && cmd_parse_format(optarg, &o.format, 1) < 0)
			return EXIT_USAGE;
		else if (c == 'c' && cmd_parse_currency(optarg, currency) < 0)
			return EXIT_USAGE;
		else if (c == 'c')
			o.q.currency = currency;
		else if (c == '?')
			return cmd_usage(&cmd_export_entry);
	}
	if (what == NULL || optind != argc)
		return cmd_usage(&cmd_export_entry);
	if (cmd_check_raw(o.csv_flags, o.format) != EXIT_OK)
		return EXIT_USAGE;
	if (strcmp(what, "postings") == 0 && o.summary_only != NULL) {
		cmd_error("%s goes with --what salaries: a posting row keeps the posting's own "
			  "pay (salary_currency, salary_provenance)", o.summary_only);
		return EXIT_USAGE;
	}
	if ((rc = cmd_check_filter(ctx, &o.q.filter)) != EXIT_OK)
		return rc;
	if (o.q.role != NULL && profile_resolve_role(o.q.role, &titles, &err) < 0)
		return cmd_fail(err);
	o.q.role_titles = titles;
	if (strcmp(what, "postings") == 0)
		rc = export_postings(ctx, &o);
	else if (strcmp(what, "salaries") == 0)
		rc = export_salaries(ctx, &o);
	else {
		cmd_error("invalid --what '%s': expected postings or salaries", what);
		rc = EXIT_USAGE;
	}
	buf_release(&o.out);
	profile_titles_free(titles);
	return rc;
}

const struct cmd_entry cmd_export_entry = {
	.name = "export",
	.usage = "export --what postings|salaries [--format csv|json] [--role ROLE]\n"
		 "                       [--currency CODE] [--convert] [--include-estimates]\n"
		 "                       [--source NAME] [--raw]\n"
		 CMD_FILTER_USAGE,
	.summary = "write stored postings or salary summaries as CSV or JSON",
	.help = "Write stored data to standard output: every posting (one row each), or\n"
		   "the salary summary rows that 'report' computes (role, level, n,\n"
		   "percentiles), for ROLE or, without --role, for each distinct title\n"
		   "(ROLE selects titles as for 'report', a role profile's name included);\n"
		   "--currency, --convert and --include-estimates as for 'report', with\n"
		   "salaries only (a posting row keeps its own currency and provenance;\n"
		   "with postings they are refused).\n"
		   "CSV follows RFC 4180 with a header row; json writes JSON Lines.\n"
		   "CSV text that a spreadsheet would run as a formula (starting with =, +,\n"
		   "-, @, tab, CR or LF: a hostile title) is written as text, after a single\n"
		   "quote ('=...); --raw writes it as it is.  Numbers are never changed.\n"
		   CMD_FILTER_HELP "Salary rows name the filters applied (filter_* columns, JSON\n"
		   "\"filters\"); posting rows carry the filtered fields themselves.",
	.flags = CMD_NEEDS_DB,
	.exec = cmd_export,
};
