/* cmd-util.c - what the commands share: messages, usage, checked output. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cmd.h"
#include "xalloc.h"

static void vmessage(const char *prefix, const char *fmt, va_list ap)
{
	fprintf(stderr, "jobstats: %s", prefix);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void cmd_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage("", fmt, ap);
	va_end(ap);
}

void cmd_note(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage("", fmt, ap);
	va_end(ap);
}

void cmd_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage("warning: ", fmt, ap);
	va_end(ap);
}

int cmd_fail(char *err)
{
	cmd_error("%s", err ? err : "unknown error");
	free(err);
	return EXIT_ERROR;
}

int cmd_usage(const struct cmd_entry *cmd)
{
	fprintf(stderr, "usage: jobstats %s\n", cmd->usage);
	fprintf(stderr, "Try 'jobstats %s --help' for more.\n", cmd->name);
	return EXIT_USAGE;
}

int cmd_help(const struct cmd_entry *cmd)
{
	struct buf b = BUF_INIT;
	int rc;

	buf_printf(&b, "usage: jobstats %s\n\n%s\n", cmd->usage, cmd->help);
	rc = cmd_write_stdout(&b);
	buf_release(&b);
	return rc;
}

int cmd_getopt(int argc, char **argv, const char *shortopts, const struct option *longopts)
{
	char *name = argv[0];
	int c;

	argv[0] = (char *)"jobstats";
	c = getopt_long(argc, argv, shortopts, longopts, NULL);
	argv[0] = name;
	return c;
}

int cmd_write_stdout(const struct buf *b)
{
	if (b->len > 0 && fwrite(b->data, 1, b->len, stdout) != b->len)
		goto fail;
	if (fflush(stdout) != 0 || ferror(stdout))
		goto fail;
	return EXIT_OK;
fail:
	cmd_error("cannot write to standard output: %s", strerror(errno));
	return EXIT_ERROR;
}

int cmd_parse_format(const char *s, enum format *out, int only_data)
{
	/* in enum format's order */
	static const char *const names[] = { "table", "json", "csv", "html" };
	int i, n = (int)(sizeof(names) / sizeof(names[0]));

	for (i = 0; i < n && strcmp(s, names[i]) != 0; i++)
		;
	if (i < n && only_data && (i == FORMAT_TABLE || i == FORMAT_HTML)) {
		/* known, but a page for people: say where it is written */
		cmd_error("invalid --format '%s': only 'jobstats report' writes %s; "
			  "expected csv or json", s, names[i]);
		return -1;
	}
	if (i < n) {
		*out = (enum format)i;
		return 0;
	}
	cmd_error("invalid --format '%s': expected %s", s,
		  only_data ? "csv or json" : "table, json, csv or html");
	return -1;
}

/* An ISO 4217 code in any case, upper-cased (rates_parse_currency). */
int cmd_parse_currency(const char *s, char out[4])
{
	char *err = NULL;

	if (rates_parse_currency(s, out, &err) == 0)
		return 0;
	cmd_error("%s", err);
	free(err);
	return -1;
}

int cmd_check_source(struct cmd_ctx *ctx, const char *name)
{
	struct source src;
	char *err = NULL;

	if (name == NULL)
		return EXIT_OK;
	if (store_source_get(ctx->store, name, &src, &err) < 0)
		return cmd_fail(err);
	source_release(&src);
	return EXIT_OK;
}

void cmd_iso_time(time_t t, char out[32])
{
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

void cmd_iso_now(char out[32])
{
	cmd_iso_time(time(NULL), out);
}

int cmd_check_raw(int raw, enum format format)
{
	if (!raw || format == FORMAT_CSV)
		return EXIT_OK;
	cmd_error("--raw goes with --format csv: it writes CSV text as it is, formulas and all");
	return EXIT_USAGE;
}

int cmd_parse_by(const char *value, int *by_month)
{
	if (strcmp(value, "week") == 0 || strcmp(value, "month") == 0) {
		*by_month = value[0] == 'm';
		return 0;
	}
	cmd_error("invalid --by '%s': expected week or month", value);
	return -1;
}

int cmd_load_sources(struct cmd_ctx *ctx, int argc, char **argv, struct source **list,
		     size_t *n)
{
	char *err = NULL;
	int i;

	*list = NULL;
	*n = 0;
	if (argc == 0)
		return store_source_list(ctx->store, list, n, &err) < 0 ? cmd_fail(err) : EXIT_OK;
	*list = xcalloc((size_t)argc, sizeof(**list));
	for (i = 0; i < argc; i++, (*n)++)
		if (store_source_get(ctx->store, argv[i], &(*list)[i], &err) < 0)
			return cmd_fail(err);
	return EXIT_OK;
}
