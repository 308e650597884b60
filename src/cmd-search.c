/*
 * cmd-search.c - "jobstats search QUERY...": the stored postings whose
 * title, company or description match a full-text query (SQLite FTS5
 * syntax), newest first, as readable lines, CSV or JSON Lines.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "csv.h"
#include "render.h"
#include "xalloc.h"

struct search_opts {
	enum format format;
	struct posting_filter filter;
	long long limit;	/* -1: all */
	int csv_flags;		/* CSV_RAW with --raw */
	struct buf out;
};

static int posting_row(const struct stored_posting *sp, void *ctx)
{
	struct search_opts *o = ctx;

	if (o->format == FORMAT_TABLE)
		render_stored_posting_line(&o->out, sp);
	else if (o->format == FORMAT_JSON)
		render_posting_json(&o->out, sp->posting, sp);
	else
		render_posting_csv(&o->out, sp->posting, sp, o->csv_flags);
	return 0;
}

/* --limit N: a whole number, 0 or more. */
static int parse_limit(const char *s, long long *out)
{
	char *end;

	errno = 0;
	*out = strtoll(s, &end, 10);
	if (errno == 0 && end != s && *end == '\0' && *out >= 0)
		return 0;
	cmd_error("invalid --limit '%s': expected a whole number, 0 or more", s);
	return -1;
}

/* --format: table (the default), csv or json; html is report's. */
static int parse_format(const char *s, enum format *out)
{
	if (cmd_parse_format(s, out, 0) < 0)
		return -1;
	if (*out != FORMAT_HTML)
		return 0;
	cmd_error("invalid --format '%s': only 'jobstats report' writes html; "
		  "expected table, csv or json", s);
	return -1;
}

/* The words of the command line, one query: "data engineer" as typed
 * without quotes is two words, both wanted. */
static char *join_words(int argc, char **argv)
{
	struct buf q = BUF_INIT;
	int i;

	for (i = 0; i < argc; i++)
		buf_printf(&q, "%s%s", i ? " " : "", argv[i]);
	return buf_detach(&q);
}

/* The options into *o; EXIT_OK, or the exit status of a usage error. */
static int parse_options(struct search_opts *o, int argc, char **argv)
{
	static const struct option options[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "limit", required_argument, NULL, 'n' },
		{ "source", required_argument, NULL, 's' },
		CMD_RAW_OPTION,
		CMD_FILTER_OPTIONS,
		{ NULL, 0, NULL, 0 }
	};
	int c, rc;

	optind = 0;
	while ((c = cmd_getopt(argc, argv, "f:n:s:", options)) != -1) {
		if ((rc = cmd_parse_filter(c, optarg, &o->filter)) < 0)
			return EXIT_USAGE;
		else if (rc > 0)
			continue;
		if (c == 'f' && parse_format(optarg, &o->format) < 0)
			return EXIT_USAGE;
		else if (c == 'n' && parse_limit(optarg, &o->limit) < 0)
			return EXIT_USAGE;
		else if (c == 's')
			o->filter.source = optarg;
		else if (c == OPT_RAW)
			o->csv_flags = CSV_RAW;
		else if (c == '?')
			return cmd_usage(&cmd_search_entry);
	}
	if (optind >= argc)
		return cmd_usage(&cmd_search_entry);
	return cmd_check_raw(o->csv_flags, o->format) != EXIT_OK ? EXIT_USAGE : EXIT_OK;
}

static int search(struct cmd_ctx *ctx, struct search_opts *o, const char *query)
{
	char *err = NULL;
	int rc;

	if (strspn(query, " \t\r\n") == strlen(query)) {
		cmd_error("invalid search query '%s': it has no words", query);
		return EXIT_USAGE;
	}
	if (o->format == FORMAT_CSV)
		render_posting_csv_header(&o->out);
	rc = store_search(ctx->store, query, &o->filter, o->limit, posting_row, o, &err);
	if (rc == STORE_SEARCH_BAD_QUERY) {
		cmd_error("invalid search query '%s': %s (see 'jobstats search --help')",
			  query, err);
		free(err);
		return EXIT_USAGE;
	}
	if (rc < 0)
		return cmd_fail(err);
	return cmd_write_stdout(&o->out);
}

static int cmd_search(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct search_opts o = { .format = FORMAT_TABLE, .limit = -1, .out = BUF_INIT };
	char *query = NULL;
	int rc;

	if ((rc = parse_options(&o, argc, argv)) != EXIT_OK ||
	    (rc = cmd_check_filter(ctx, &o.filter)) != EXIT_OK)
		goto out;
	query = join_words(argc - optind, argv + optind);
	rc = search(ctx, &o, query);
out:
	free(query);
	buf_release(&o.out);
	return rc;
}

const struct cmd_entry cmd_search_entry = {
	.name = "search",
	.usage = "search [--format table|csv|json] [--limit N] [--source NAME] [--raw]\n"
		 CMD_FILTER_USAGE "\n"
		 "                       [--] QUERY...",
	.summary = "find stored postings by words of their title, company or description",
	.help = "Print the stored postings whose title, company or description match\n"
		"QUERY, newest first (by the posting date, else the day jobstats first\n"
		"saw the posting; the later stored first on the same day).  Several QUERY\n"
		"words are one query, joined by spaces.  Case and accents are ignored\n"
		"(zurich finds Zürich).  The query is SQLite FTS5's:\n"
		"  data engineer        both words, anywhere (AND is implied)\n"
		"  '\"data engineer\"'    the phrase: the words side by side, in order\n"
		"  engin*               words starting with engin\n"
		"  python OR scala      either word; NOT leaves out, as in spark NOT java\n"
		"  (a OR b) AND c       parentheses group\n"
		"  title:python         in one column: title, company or description\n"
		"Words holding punctuation (node.js, c++, machine-learning) go in double\n"
		"quotes.  A query that is not valid (unbalanced quotes, a lone AND) is a\n"
		"usage error, exit status 2.  No match prints nothing (a CSV header only)\n"
		"and is not an error: the exit status is 0.\n"
		"  --format FORMAT   table (default: one line a posting, \"day | title |\n"
		"                    company | location | level | type | salary\"), or csv\n"
		"                    and json with the columns of 'export --what postings'\n"
		"  --limit N         at most N postings, the newest (default: all)\n"
		"  --raw             with csv: formula-like text as it is (see 'export')\n"
		CMD_FILTER_HELP,
	.flags = CMD_NEEDS_DB,
	.exec = cmd_search,
};
