/*
 * cmd-status.c - "jobstats status [SOURCE...]": each source's health (its
 * last run and outcome, last success, failures in a row, last error) and
 * the latest runs with their counts, for people (table) or for monitoring
 * (json).  Reads only: it never changes the database.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "jsonw.h"
#include "xalloc.h"

#define DEFAULT_RUNS 10
#define MAX_RUNS 10000

struct status {
	struct source_health *health;
	size_t nhealth;
	struct run_record *runs;
	size_t nruns;
};

static void status_release(struct status *st)
{
	size_t i;

	for (i = 0; i < st->nhealth; i++)
		source_health_release(&st->health[i]);
	free(st->health);
	for (i = 0; i < st->nruns; i++)
		run_record_release(&st->runs[i]);
	free(st->runs);
}

static const char *or_dash(const char *s)
{
	return s != NULL ? s : "-";
}

static const char *outcome_text(const struct run_record *r)
{
	return r->id == 0 ? "never run" : or_dash(run_outcome_name(r->counts.outcome));
}

static void table_source(struct buf *b, const struct source_health *h)
{
	const struct run_counts *k = &h->last.counts;

	buf_printf(b, "%s\n  last run      %s (%s%s)\n", h->name, or_dash(h->last.started_at),
		   outcome_text(&h->last), h->last.id && k->complete ? ", complete" : "");
	buf_printf(b, "  last success  %s\n  failures      %d in a row\n",
		   or_dash(h->last_success), h->consecutive_failures);
	if (h->last.id != 0) {
		buf_printf(b, "  pages         %d fetched, %d not modified, %d failed, %d robots, "
			   "%d skipped\n", k->pages, k->pages_not_modified, k->pages_failed,
			   k->pages_robots, k->pages_skipped);
		buf_printf(b, "  postings      %d new, %d updated, %d unchanged, %d closed\n",
			   k->postings_new, k->postings_updated, k->postings_unchanged,
			   k->postings_closed);
	}
	if (h->last_error != NULL)
		buf_printf(b, "  last error    %s: %s\n", or_dash(h->last_error_at), h->last_error);
	else
		buf_appends(b, "  last error    -\n");
}

static int source_width(const struct status *st)
{
	size_t i, w = strlen("SOURCE");

	for (i = 0; i < st->nruns; i++)
		if (st->runs[i].source != NULL && strlen(st->runs[i].source) > w)
			w = strlen(st->runs[i].source);
	return (int)w;
}

/* The runs, newest first, one line each; source names are short ASCII
 * (cmd-source.c checks them), so byte widths align. */
static void table_runs(struct buf *b, const struct status *st)
{
	int w = source_width(st);
	size_t i;

	buf_printf(b, "\nLatest runs\n%-*s  %-20s  %-7s  %5s %5s %5s %5s  %5s %5s %5s %5s  %5s\n",
		   w, "SOURCE", "STARTED", "OUTCOME", "PAGES", "304", "FAIL", "ROBOT", "NEW",
		   "UPD", "SAME", "CLOSE", "ERR");
	for (i = 0; i < st->nruns; i++) {
		const struct run_record *r = &st->runs[i];
		const struct run_counts *k = &r->counts;

		buf_printf(b, "%-*s  %-20s  %-7s  %5d %5d %5d %5d  %5d %5d %5d %5d  %5d\n", w,
			   or_dash(r->source), or_dash(r->started_at),
			   r->finished_at ? outcome_text(r) : "running", k->pages,
			   k->pages_not_modified, k->pages_failed, k->pages_robots,
			   k->postings_new, k->postings_updated, k->postings_unchanged,
			   k->postings_closed, k->errors);
	}
}

static void render_table(struct buf *b, const struct status *st, int show_runs)
{
	size_t i;

	for (i = 0; i < st->nhealth; i++) {
		if (i > 0)
			buf_appends(b, "\n");
		table_source(b, &st->health[i]);
	}
	if (st->nhealth == 0)
		buf_appends(b, "no sources (see 'jobstats source add')\n");
	if (show_runs && st->nruns > 0)
		table_runs(b, st);
}

static void json_int_member(struct buf *b, const char *key, long long v)
{
	buf_appends(b, ",");
	jsonw_key(b, key);
	jsonw_int(b, v);
}

static void json_string_member(struct buf *b, const char *key, const char *v)
{
	buf_appends(b, ",");
	jsonw_key(b, key);
	jsonw_string(b, v);
}

static void json_run(struct buf *b, const struct run_record *r)
{
	const struct run_counts *k = &r->counts;

	buf_appends(b, "{");
	jsonw_key(b, "id");
	jsonw_int(b, r->id);
	json_string_member(b, "source", r->source);
	json_string_member(b, "started_at", r->started_at);
	json_string_member(b, "finished_at", r->finished_at);
	json_string_member(b, "outcome", run_outcome_name(k->outcome));
	buf_printf(b, ",\"complete\":%s", k->complete ? "true" : "false");
	json_int_member(b, "pages_fetched", k->pages);
	json_int_member(b, "pages_not_modified", k->pages_not_modified);
	json_int_member(b, "pages_failed", k->pages_failed);
	json_int_member(b, "pages_robots", k->pages_robots);
	json_int_member(b, "pages_skipped", k->pages_skipped);
	json_int_member(b, "postings_seen", k->postings_seen);
	json_int_member(b, "postings_new", k->postings_new);
	json_int_member(b, "postings_updated", k->postings_updated);
	json_int_member(b, "postings_unchanged", k->postings_unchanged);
	json_int_member(b, "postings_skipped", k->postings_skipped);
	json_int_member(b, "postings_closed", k->postings_closed);
	json_int_member(b, "errors", k->errors);
	json_int_member(b, "warnings", k->warnings);
	json_string_member(b, "error_text", r->error_text);
	buf_appends(b, "}");
}

static void json_source(struct buf *b, const struct source_health *h)
{
	buf_appends(b, "{");
	jsonw_key(b, "name");
	jsonw_string(b, h->name);
	buf_appends(b, ",");
	jsonw_key(b, "last_run");
	if (h->last.id != 0)
		json_run(b, &h->last);
	else
		buf_appends(b, "null");
	json_string_member(b, "last_success", h->last_success);
	json_int_member(b, "consecutive_failures", h->consecutive_failures);
	json_string_member(b, "last_error", h->last_error);
	json_string_member(b, "last_error_at", h->last_error_at);
	buf_appends(b, "}");
}

static void render_json(struct buf *b, const struct status *st)
{
	size_t i;

	buf_appends(b, "{\"sources\":[");
	for (i = 0; i < st->nhealth; i++) {
		buf_appends(b, i ? "," : "");
		json_source(b, &st->health[i]);
	}
	buf_appends(b, "],\"runs\":[");
	for (i = 0; i < st->nruns; i++) {
		buf_appends(b, i ? "," : "");
		json_run(b, &st->runs[i]);
	}
	buf_appends(b, "]}\n");
}

static int named(char **names, int n, const char *name)
{
	int i;

	for (i = 0; i < n; i++)
		if (strcmp(names[i], name) == 0)
			return 1;
	return n == 0;
}

/* Keep the health of the sources named (all when n is 0). */
static void keep_named(struct status *st, char **names, int n)
{
	size_t i, kept = 0;

	for (i = 0; i < st->nhealth; i++) {
		if (named(names, n, st->health[i].name))
			st->health[kept++] = st->health[i];
		else
			source_health_release(&st->health[i]);
	}
	st->nhealth = kept;
}

static int newest_first(const void *a, const void *b)
{
	long long x = ((const struct run_record *)a)->id, y = ((const struct run_record *)b)->id;

	return x < y ? 1 : x > y ? -1 : 0;
}

/* The latest limit runs of the sources named (all when n is 0). */
static int load_runs(struct store *s, struct status *st, char **names, int n, int limit,
		     char **err)
{
	struct run_record *some;
	size_t got, j;
	int i;

	if (n == 0)
		return store_runs_recent(s, NULL, limit, &st->runs, &st->nruns, err);
	for (i = 0; i < n; i++) {
		if (store_runs_recent(s, names[i], limit, &some, &got, err) < 0)
			return -1;
		if (got > 0) {
			st->runs = xreallocarray(st->runs, st->nruns + got, sizeof(*st->runs));
			memcpy(st->runs + st->nruns, some, got * sizeof(*some));
			st->nruns += got;
		}
		free(some);
	}
	if (st->nruns > 1)
		qsort(st->runs, st->nruns, sizeof(*st->runs), newest_first);
	for (j = (size_t)limit; j < st->nruns; j++)
		run_record_release(&st->runs[j]);
	if (st->nruns > (size_t)limit)
		st->nruns = (size_t)limit;
	return 0;
}

static int parse_runs(const char *s, int *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno == 0 && end != s && *end == '\0' && v >= 0 && v <= MAX_RUNS) {
		*out = (int)v;
		return 0;
	}
	cmd_error("invalid --runs '%s': expected a number from 0 to %d", s, MAX_RUNS);
	return -1;
}

static int parse_format(const char *s, enum format *out)
{
	if (cmd_parse_format(s, out, 0) < 0)
		return -1;
	if (*out == FORMAT_TABLE || *out == FORMAT_JSON)
		return 0;
	cmd_error("invalid --format '%s': status writes table or json", s);
	return -1;
}

static int parse_options(int argc, char **argv, int *runs, enum format *format)
{
	static const struct option options[] = {
		{ "runs", required_argument, NULL, 'n' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	optind = 0;
	while ((c = cmd_getopt(argc, argv, "n:f:", options)) != -1) {
		if ((c == 'n' && parse_runs(optarg, runs) == 0) ||
		    (c == 'f' && parse_format(optarg, format) == 0))
			continue;
		return -1;
	}
	return 0;
}

static int cmd_status(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct status st = { NULL, 0, NULL, 0 };
	struct buf b = BUF_INIT;
	enum format format = FORMAT_TABLE;
	int runs = DEFAULT_RUNS, i, rc;
	char *err = NULL;

	if (parse_options(argc, argv, &runs, &format) < 0)
		return cmd_usage(&cmd_status_entry);
	for (i = optind; i < argc; i++)
		if ((rc = cmd_check_source(ctx, argv[i])) != EXIT_OK)
			return rc;
	if (store_source_health(ctx->store, &st.health, &st.nhealth, &err) < 0 ||
	    load_runs(ctx->store, &st, argv + optind, argc - optind, runs, &err) < 0) {
		status_release(&st);
		return cmd_fail(err);
	}
	keep_named(&st, argv + optind, argc - optind);
	if (format == FORMAT_JSON)
		render_json(&b, &st);
	else
		render_table(&b, &st, runs > 0);
	rc = cmd_write_stdout(&b);
	buf_release(&b);
	status_release(&st);
	return rc;
}

const struct cmd_entry cmd_status_entry = {
	.name = "status",
	.usage = "status [SOURCE...] [--runs N] [--format table|json]",
	.summary = "show each source's health and the latest crawls",
	.help = "Each source (or the SOURCEs named): its last crawl, when it started and\n"
		"how it ended (ok: no error; partial: errors, but some page fetched;\n"
		"failed: nothing fetched; complete: every page fetched or not modified,\n"
		"next links followed to the end), its last success, how many crawls in a\n"
		"row have not been ok, the last crawl's pages (fetched, not modified,\n"
		"failed, skipped by robots.txt, skipped otherwise) and postings (new,\n"
		"updated, unchanged, closed), and its last error.  Then the latest runs.\n\n"
		"  --runs N         show the latest N runs (default 10; 0: none)\n"
		"  --format FORMAT  table (the default) or json",
	.flags = CMD_NEEDS_DB,
	.exec = cmd_status,
};
