/*
 * cmd-export.c - "jobstats export --what postings|salaries": the stored
 * postings, or the salary summary rows that report computes, as CSV (RFC
 * 4180) or JSON, for spreadsheets and notebooks; for one role, many
 * (--role repeated, --roles-from FILE) or, without, each distinct title.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "csv.h"
#include "render.h"
#include "profile.h"
#include "report.h"
#include "role-list.h"
#include "role.h"
#include "xalloc.h"

struct export_opts {
	enum format format;
	struct report_query q;
	const char *what;
	const char *summary_only;	/* an option given that only salaries take */
	int csv_flags;			/* CSV_RAW with --raw */
	/* The roles asked for, in order, each once; titles[i] the title
	 * patterns names.v[i] stands for (a profile's), NULL for its words. */
	struct role_list names;
	char ***titles;
	/* Salaries as JSON: an array of reports, one per role, when more than
	 * one --role or a --roles-from was given; else one object per line,
	 * as for one role (or by title) before several could be asked for. */
	int json_array;
	int role_options;		/* --role options given, duplicates too */
	struct buf out;
};

/* Does the posting's title name any role asked for (none asked: yes)? */
static int wanted(const struct export_opts *o, const char *title)
{
	size_t i;

	for (i = 0; i < o->names.n; i++)
		if (role_matches_any(o->names.v[i], o->titles[i], title))
			return 1;
	return o->names.n == 0;
}

static int posting_row(const struct stored_posting *sp, void *ctx)
{
	struct export_opts *o = ctx;

	if (!wanted(o, sp->posting->title) || (sp->duplicate && !o->q.with_duplicates))
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

/* One report's rows; the i-th of a JSON array is written without its line
 * end and after a comma but for the first. */
static void summary_rows(struct export_opts *o, const struct report *r, size_t i)
{
	struct buf one = BUF_INIT;

	if (o->format == FORMAT_CSV) {
		render_report_csv(&o->out, r, o->csv_flags);
	} else if (!o->json_array) {
		render_report_json(&o->out, r);
	} else {
		render_report_json(&one, r);
		buf_appends(&o->out, i ? ",\n" : "[");
		buf_append(&o->out, one.data, one.len - (one.len > 0 && one.data[one.len - 1] == '\n'));
		buf_release(&one);
	}
}

/* Without roles: one group of rows per distinct title. */
static int export_by_title(struct cmd_ctx *ctx, struct export_opts *o)
{
	struct report *many;
	size_t n, i;
	char *err = NULL;

	if (report_build_by_title(ctx->store, &o->q, &many, &n, &err) < 0)
		return cmd_fail(err);
	for (i = 0; i < n; i++) {
		summary_rows(o, &many[i], i);
		report_release(&many[i]);
	}
	free(many);
	return EXIT_OK;
}

/* Each role's rows in the order asked: the rows "report --role" writes. */
static int export_roles(struct cmd_ctx *ctx, struct export_opts *o)
{
	struct report r;
	char *err = NULL;
	size_t i;

	for (i = 0; i < o->names.n; i++) {
		o->q.role = o->names.v[i];
		o->q.role_titles = o->titles[i];
		if (report_build(ctx->store, &o->q, &r, &err) < 0)
			return cmd_fail(err);
		summary_rows(o, &r, i);
		report_release(&r);
	}
	if (o->format == FORMAT_JSON && o->json_array)
		buf_appends(&o->out, "]\n");
	return EXIT_OK;
}

/* The rows of "report --format csv": fit to every profile included. */
static int export_salaries(struct cmd_ctx *ctx, struct export_opts *o)
{
	struct profile_set profiles = { NULL, 0 };
	char *err = NULL;
	int rc;

	if (profile_load(&profiles, &err) < 0)
		return cmd_fail(err);
	o->q.profiles = &profiles;
	if (o->format == FORMAT_CSV)
		render_report_csv_header(&o->out);
	rc = o->names.n > 0 ? export_roles(ctx, o) : export_by_title(ctx, o);
	profile_set_release(&profiles);
	o->q.profiles = NULL;
	return rc != EXIT_OK ? rc : cmd_write_stdout(&o->out);
}

/* --roles-from PATH ('-': standard input): its roles after those before.
 * A file that cannot be read or holds no role: print why, EXIT_USAGE. */
static int read_roles_file(struct export_opts *o, const char *path)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
	char *err = NULL;
	int n;

	if (f == NULL) {
		cmd_error("cannot open roles file '%s': %s", path, strerror(errno));
		return EXIT_USAGE;
	}
	n = role_list_read(&o->names, f, path, &err);
	if (f != stdin)
		fclose(f);
	if (n < 0) {
		cmd_error("%s", err);
		free(err);
		return EXIT_USAGE;
	}
	if (n == 0) {
		cmd_error("no roles in '%s': one a line, '#' for comments", path);
		return EXIT_USAGE;
	}
	o->json_array = 1;
	return EXIT_OK;
}

/* Each role's title patterns (a profile's), or NULL for its own words. */
static int resolve_roles(struct export_opts *o)
{
	char *err = NULL;
	size_t i;

	o->titles = xcalloc(o->names.n + 1, sizeof(*o->titles));
	for (i = 0; i < o->names.n; i++)
		if (profile_resolve_role(o->names.v[i], &o->titles[i], &err) < 0)
			return cmd_fail(err);
	return EXIT_OK;
}

static void export_release(struct export_opts *o)
{
	size_t i;

	for (i = 0; o->titles != NULL && i < o->names.n; i++)
		profile_titles_free(o->titles[i]);
	free(o->titles);
	role_list_release(&o->names);
	buf_release(&o->out);
}

/* Clear of the ids report and export share (cmd.h), however many they grow to. */
enum { OPT_ROLES_FROM = 0x400 };

/* The options into *o; EXIT_OK, or the exit status of a usage error. */
static int parse_options(struct export_opts *o, int argc, char **argv, char currency[4])
{
	static const struct option options[] = {
		{ "what", required_argument, NULL, 'w' },
		{ "format", required_argument, NULL, 'f' },
		{ "role", required_argument, NULL, 'r' },
		{ "roles-from", required_argument, NULL, OPT_ROLES_FROM },
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
	int c, rc;

	optind = 0;
	while ((c = cmd_getopt(argc, argv, "w:f:r:c:s:", options)) != -1) {
		if ((rc = cmd_parse_filter(c, optarg, &o->q.filter)) < 0)
			return EXIT_USAGE;
		else if (rc > 0)
			continue;
		if (c == 'x' || c == 'c' || c == 'e' || c == OPT_BY)
			o->summary_only = c == 'x' ? "--convert" : c == 'c' ? "--currency"
					: c == 'e' ? "--include-estimates" : "--by";
		if (c == 'w')
			o->what = optarg;
		else if (c == 'x')
			o->q.convert = 1;
		else if (c == 'e')
			o->q.include_estimates = 1;
		else if (c == OPT_WITH_DUPLICATES)
			o->q.with_duplicates = 1;
		else if (c == OPT_RAW)
			o->csv_flags = CSV_RAW;
		else if (c == OPT_BY && cmd_parse_by(optarg, &o->q.by_month) < 0)
			return EXIT_USAGE;
		else if (c == 'r') {
			o->json_array |= ++o->role_options > 1;
			role_list_add(&o->names, optarg);
		} else if (c == OPT_ROLES_FROM && (rc = read_roles_file(o, optarg)) != EXIT_OK)
			return rc;
		else if (c == 's')
			o->q.filter.source = optarg;
		else if (c == 'f' && cmd_parse_format(optarg, &o->format, 1) < 0)
			return EXIT_USAGE;
		else if (c == 'c' && cmd_parse_currency(optarg, currency) < 0)
			return EXIT_USAGE;
		else if (c == 'c')
			o->q.currency = currency;
		else if (c == '?')
			return cmd_usage(&cmd_export_entry);
	}
	if (o->what == NULL || optind != argc)
		return cmd_usage(&cmd_export_entry);
	return cmd_check_raw(o->csv_flags, o->format) != EXIT_OK ? EXIT_USAGE : EXIT_OK;
}

static int cmd_export(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct export_opts o = { .format = FORMAT_CSV, .q = { .currency = "USD" },
				 .names = ROLE_LIST_INIT, .out = BUF_INIT };
	char currency[4];
	int rc;

	if ((rc = parse_options(&o, argc, argv, currency)) != EXIT_OK)
		goto out;
	if (strcmp(o.what, "postings") == 0 && o.summary_only != NULL) {
		cmd_error("%s goes with --what salaries: a posting row keeps the posting's own "
			  "pay (salary_currency, salary_provenance)", o.summary_only);
		rc = EXIT_USAGE;
	} else if (strcmp(o.what, "postings") != 0 && strcmp(o.what, "salaries") != 0) {
		cmd_error("invalid --what '%s': expected postings or salaries", o.what);
		rc = EXIT_USAGE;
	}
	if (rc != EXIT_OK || (rc = cmd_check_filter(ctx, &o.q.filter)) != EXIT_OK ||
	    (rc = resolve_roles(&o)) != EXIT_OK)
		goto out;
	if (strcmp(o.what, "postings") == 0)
		rc = export_postings(ctx, &o);
	else
		rc = export_salaries(ctx, &o);
out:
	export_release(&o);
	return rc;
}

const struct cmd_entry cmd_export_entry = {
	.name = "export",
	.usage = "export --what postings|salaries [--format csv|json]\n"
		 "                       [--role ROLE]... [--roles-from FILE|-]\n"
		 "                       [--currency CODE] [--convert] [--include-estimates]\n"
		 "                       [--by week|month] [--source NAME] [--raw]\n"
		 "                       [--with-duplicates]\n"
		 CMD_FILTER_USAGE,
	.summary = "write stored postings or salary summaries as CSV or JSON",
	.help = "Write stored data to standard output: every posting (one row each), or\n"
		   "the salary summary rows that 'report --format csv' writes (overall, by\n"
		   "level, arrangement, country, company, employment type, profile fit and\n"
		   "week or month), for each ROLE or, without one, for each distinct title\n"
		   "(ROLE selects titles as for 'report', a role profile's name included).\n"
		   "--role may be repeated; --roles-from reads roles one a line from FILE\n"
		   "(- for standard input; blank lines and lines starting with # skipped, a\n"
		   "BOM and CRLF line ends taken); roles come in the order given, each once\n"
		   "(the same words in any case count as one), after one header row.  A\n"
		   "roles file that cannot be read, or holds no role, is a usage error.\n"
		   "With several roles, postings are those whose title names any of them.\n"
		   "--currency, --convert, --include-estimates and --by as for 'report', with\n"
		   "salaries only (a posting row keeps its own currency and provenance;\n"
		   "with postings they are refused).\n"
		   "CSV follows RFC 4180 with a header row; json writes JSON Lines, but for\n"
		   "salaries with --roles-from or more than one --role: one JSON array of\n"
		   "the roles' reports.\n"
		   "CSV text that a spreadsheet would run as a formula (starting with =, +,\n"
		   "-, @, tab, CR or LF: a hostile title) is written as text, after a single\n"
		   "quote ('=...); --raw writes it as it is.  Numbers are never changed.\n"
		   CMD_DUPLICATES_HELP
		   "Posting rows carry the posting's id, the id it duplicates\n"
		   "(duplicate_of) and the sources that list it too (also_on).\n"
		   CMD_FILTER_HELP "Salary rows name the filters applied (filter_* columns, JSON\n"
		   "\"filters\"); posting rows carry the filtered fields themselves.",
	.flags = CMD_NEEDS_DB,
	.exec = cmd_export,
};
