/*
 * cmd-renormalize.c - "jobstats renormalize [SOURCE]": recompute every
 * stored posting's normalized fields from its raw record with today's
 * normalizers, in one transaction, and say how many rows changed.
 */
#include "config.h"

#include <stdlib.h>

#include "cmd.h"
#include "renormalize.h"

static int cmd_renormalize(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct renormalize_counts k;
	struct buf b = BUF_INIT;
	const char *source = argc == 2 ? argv[1] : NULL;
	char *err = NULL;
	int rc;

	if (argc > 2 || (source != NULL && source[0] == '-'))
		return cmd_usage(&cmd_renormalize_entry);
	if (cmd_check_source(ctx, source) != EXIT_OK)
		return EXIT_ERROR;
	if (store_renormalize(ctx->store, source, renormalize_posting, &k, &err) < 0)
		return cmd_fail(err);
	buf_printf(&b, "renormalized %zu posting%s: %zu changed\n", k.postings,
		   k.postings == 1 ? "" : "s", k.changed);
	if (k.identity.rekeyed > 0 || k.identity.relinked > 0)
		buf_printf(&b, "keys recomputed: %zu (%zu merged into another posting of their "
			   "source); duplicate links changed: %zu\n", k.identity.rekeyed,
			   k.identity.merged, k.identity.relinked);
	if (k.without_raw > 0)
		buf_printf(&b, "%zu stored before raw records were kept: re-read from their "
			   "stored columns (see jobstats(1))\n", k.without_raw);
	rc = cmd_write_stdout(&b);
	buf_release(&b);
	return rc;
}

const struct cmd_entry cmd_renormalize_entry = {
	.name = "renormalize",
	.usage = "renormalize [SOURCE]",
	.summary = "recompute stored postings' fields with today's normalizers",
	.help = "Recompute the level, employment type, work arrangement, country, salary\n"
		"figures and dates of every stored posting (or SOURCE's) from what its page\n"
		"said, kept beside it, with this version's rules; in one transaction.\n"
		"Then every posting's key and its links to the same job on other sources\n"
		"are recomputed (all sources; see jobstats(1), IDENTITY AND DUPLICATES).\n"
		"Prints how many postings were read and how many changed.  Postings stored\n"
		"under schema version 1 have no raw record: their title, company,\n"
		"location, salary text and date are re-read, their level and other codes\n"
		"kept.",
	.flags = CMD_NEEDS_DB,
	.exec = cmd_renormalize,
};
