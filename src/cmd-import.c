/*
 * cmd-import.c - "jobstats import --aijobs-salaries FILE": the aijobs.net
 * salary index (aijobs.h) into the store as postings of the source
 * "aijobs-salaries", in one transaction: every row or, on the first bad
 * one, none.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aijobs.h"
#include "cmd.h"
#include "xalloc.h"

#define AIJOBS_SOURCE "aijobs-salaries"

struct import_counts {
	size_t rows, added, updated, unchanged;
};

/*
 * The source the rows belong to, added when missing: its URL names the file
 * and its page limit is 0, so "jobstats crawl" fetches nothing for it.  A
 * source of that name that is crawled (a limit above 0) is refused.
 */
static int import_source(struct store *s, const char *file, long long *id, char **err)
{
	struct source src;
	char *url, *abs, *why = NULL;
	int rc;

	if (store_source_get(s, AIJOBS_SOURCE, &src, &why) < 0) {
		free(why);
		abs = realpath(file, NULL);
		url = xasprintf("file://%s", abs ? abs : file);
		free(abs);
		rc = store_source_add(s, AIJOBS_SOURCE, url, 0, -1, err);
		free(url);
		if (rc < 0 || store_source_get(s, AIJOBS_SOURCE, &src, err) < 0)
			return -1;
	}
	rc = src.max_pages == 0 ? 0 : set_error(err, "source '%s' is a crawled source (%s), "
						"not an import; remove it first", src.name, src.url);
	*id = src.id;
	source_release(&src);
	return rc;
}

static int import_row(struct store *s, long long source_id, const struct csv_reader *r,
		      const struct aijobs_columns *cols, const char *now,
		      struct import_counts *k, char **err)
{
	struct raw_posting raw;
	struct posting p;
	enum upsert_result res;
	int rc = aijobs_row(r, cols, &raw, err);

	if (rc == 0) {
		posting_normalize(&raw, &p);
		rc = store_upsert(s, source_id, 0, &raw, &p, now, &res, err);
		posting_release(&p);
	}
	raw_posting_release(&raw);
	if (rc < 0)
		return -1;
	k->rows++;
	k->added += res == UPSERT_NEW;
	k->updated += res == UPSERT_UPDATED;
	k->unchanged += res == UPSERT_UNCHANGED;
	return 0;
}

/* Every row of f, after its header; the caller's transaction. */
static int import_rows(struct store *s, FILE *f, const char *path, const char *now,
		       struct import_counts *k, char **err)
{
	struct csv_reader r;
	struct aijobs_columns cols;
	long long source_id = 0;	/* set before any row is read; gcc -O1 cannot tell */
	int rc;

	csv_reader_init(&r, f);
	rc = csv_read(&r, err);
	if (rc == 0)
		rc = set_error(err, "empty file: no header");
	if (rc > 0)
		rc = aijobs_header(&r, &cols, err);
	if (rc >= 0)
		rc = import_source(s, path, &source_id, err) < 0 ? -1 : 1;
	while (rc > 0 && (rc = csv_read(&r, err)) > 0)
		rc = import_row(s, source_id, &r, &cols, now, k, err) < 0 ? -1 : 1;
	csv_reader_release(&r);
	return rc;
}

static int import_file(struct store *s, const char *path, struct import_counts *k, char **err)
{
	FILE *f = fopen(path, "r");
	char now[32], *why = NULL;
	int rc;

	if (f == NULL)
		return set_error(err, "cannot open '%s': %s", path, strerror(errno));
	cmd_iso_now(now);
	rc = store_begin(s, err);
	if (rc == 0 && import_rows(s, f, path, now, k, &why) < 0)
		rc = set_error(err, "cannot import '%s': %s", path, why);
	free(why);
	if (rc == 0)
		rc = store_commit(s, err);
	if (rc < 0) {
		store_rollback(s);
		memset(k, 0, sizeof(*k));
	}
	fclose(f);
	return rc;
}

static int cmd_import(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option options[] = {
		{ "aijobs-salaries", required_argument, NULL, 'a' },
		{ NULL, 0, NULL, 0 }
	};
	struct import_counts k = { 0, 0, 0, 0 };
	struct buf b = BUF_INIT;
	const char *file = NULL;
	char *err = NULL;
	int c, rc;

	optind = 0;
	while ((c = cmd_getopt(argc, argv, "", options)) != -1) {
		if (c == 'a')
			file = optarg;
		else
			return cmd_usage(&cmd_import_entry);
	}
	if (file == NULL || optind != argc)
		return cmd_usage(&cmd_import_entry);
	if (import_file(ctx->store, file, &k, &err) < 0)
		return cmd_fail(err);
	buf_printf(&b, "imported %zu row%s into source '%s': %zu new, %zu updated, "
		   "%zu unchanged\n", k.rows, k.rows == 1 ? "" : "s", AIJOBS_SOURCE, k.added,
		   k.updated, k.unchanged);
	rc = cmd_write_stdout(&b);
	buf_release(&b);
	return rc;
}

const struct cmd_entry cmd_import_entry = {
	.name = "import",
	.usage = "import --aijobs-salaries FILE",
	.summary = "load the aijobs.net salary index as postings, for comparison",
	.help = "Load FILE, the aijobs.net salary index (salaries.csv), as postings of\n"
		"the source 'aijobs-salaries' (added with a page limit of 0, so crawl\n"
		"fetches nothing for it), in one transaction: every row or none.  Each\n"
		"row is a posting: job_title its title, experience_level its level,\n"
		"employment_type FT/PT/CT/FL its type, remote_ratio 100/50/0 remote,\n"
		"hybrid or onsite, company_location its country, and salary_in_usd its\n"
		"pay: that figure a year in USD, structured (salary and salary_currency\n"
		"are kept in the description).  A row's id is its line and a hash of its\n"
		"fields: importing the same file again changes nothing.  A bad row stops\n"
		"the import with its line and nothing is stored.  'jobstats report\n"
		"--source aijobs-salaries' shows the survey alone.",
	.flags = CMD_NEEDS_DB,
	.exec = cmd_import,
};
