/* cmd-source.c - "jobstats source add|list|remove": the boards to crawl. */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "fetch.h"
#include "xalloc.h"

#define DEFAULT_MAX_PAGES 20

static int valid_name(const char *name)
{
	const char *p;

	if (*name == '\0' || strlen(name) > 64)
		return 0;
	for (p = name; *p; p++)
		if (!isalnum((unsigned char)*p) && *p != '-' && *p != '_' && *p != '.')
			return 0;
	return 1;
}

/* A URL as given, or a local path made into an absolute file:// URL. */
static char *source_url(const char *arg, char **err)
{
	char real[PATH_MAX];

	if (fetch_is_url(arg))
		return xstrdup(arg);
	if (strstr(arg, "://") != NULL)
		return set_error(err, "unsupported URL '%s': use http://, https:// or file://",
				 arg), NULL;
	if (realpath(arg, real) == NULL)
		return set_error(err, "cannot find '%s': %s", arg, strerror(errno)), NULL;
	return xasprintf("file://%s", real);
}

static int parse_max_pages(const char *s, int *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v < 1 || v > 10000)
		return -1;
	*out = (int)v;
	return 0;
}

/* --delay SECONDS: 0 to an hour, fractions allowed. */
static int parse_delay(const char *s, double *out)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(s, &end);
	if (errno != 0 || end == s || *end != '\0' || !isfinite(v) || v < 0 || v > 3600)
		return -1;
	*out = v;
	return 0;
}

/* One option of "source add" into *max_pages or *delay; prints why not. */
static int add_option(int c, const char *arg, int *max_pages, double *delay)
{
	if (c == 'm' && parse_max_pages(arg, max_pages) < 0)
		cmd_error("invalid --max-pages '%s': expected a number from 1 to 10000", arg);
	else if (c == 'd' && parse_delay(arg, delay) < 0)
		cmd_error("invalid --delay '%s': expected seconds from 0 to 3600", arg);
	else
		return c == 'm' || c == 'd' ? 0 : -1;
	return -1;
}

static int source_add(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option options[] = {
		{ "max-pages", required_argument, NULL, 'm' },
		{ "delay", required_argument, NULL, 'd' },
		{ NULL, 0, NULL, 0 }
	};
	int c, max_pages = DEFAULT_MAX_PAGES;
	double delay = -1;
	char *err = NULL, *url;

	optind = 0;
	while ((c = cmd_getopt(argc, argv, "m:d:", options)) != -1)
		if (add_option(c, optarg, &max_pages, &delay) < 0)
			return cmd_usage(&cmd_source_entry);
	if (argc - optind != 2)
		return cmd_usage(&cmd_source_entry);
	if (!valid_name(argv[optind])) {
		cmd_error("invalid source name '%s': use letters, digits, '-', '_' and '.'",
			  argv[optind]);
		return EXIT_USAGE;
	}
	url = source_url(argv[optind + 1], &err);
	if (url == NULL || store_source_add(ctx->store, argv[optind], url, max_pages, delay, &err) < 0) {
		free(url);
		return cmd_fail(err);
	}
	free(url);
	return EXIT_OK;
}

static int source_list(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct source *list;
	struct buf b = BUF_INIT;
	size_t n, i;
	char *err = NULL;
	int rc;

	if (argc != 1)
		return cmd_usage(&cmd_source_entry);
	if (store_source_list(ctx->store, &list, &n, &err) < 0)
		return cmd_fail(err);
	for (i = 0; i < n; i++) {
		buf_printf(&b, "%s\t%s\t%d\t", list[i].name, list[i].url, list[i].max_pages);
		if (list[i].delay < 0)
			buf_appends(&b, "default\n");
		else
			buf_printf(&b, "%g\n", list[i].delay);
		source_release(&list[i]);
	}
	free(list);
	rc = cmd_write_stdout(&b);
	buf_release(&b);
	return rc;
}

static int source_remove(struct cmd_ctx *ctx, int argc, char **argv)
{
	char *err = NULL;

	if (argc != 2)
		return cmd_usage(&cmd_source_entry);
	if (store_source_remove(ctx->store, argv[1], &err) < 0)
		return cmd_fail(err);
	return EXIT_OK;
}

static int cmd_source(struct cmd_ctx *ctx, int argc, char **argv)
{
	if (argc < 2)
		return cmd_usage(&cmd_source_entry);
	if (strcmp(argv[1], "add") == 0)
		return source_add(ctx, argc - 1, argv + 1);
	if (strcmp(argv[1], "list") == 0)
		return source_list(ctx, argc - 1, argv + 1);
	if (strcmp(argv[1], "remove") == 0)
		return source_remove(ctx, argc - 1, argv + 1);
	cmd_error("unknown source subcommand '%s'", argv[1]);
	return cmd_usage(&cmd_source_entry);
}

const struct cmd_entry cmd_source_entry = {
	.name = "source",
	.usage = "source add [--max-pages N] [--delay SECONDS] NAME URL|PATH\n"
		 "       jobstats source list | source remove NAME",
	.summary = "add, list or remove the job boards to crawl",
	.help = "Manage the job boards to crawl.\n\n"
		   "  add NAME URL     add a board by its first listing page (http, https or\n"
		   "                   file URL; a local path becomes a file URL)\n"
		   "  --max-pages N    follow at most N pages of next links (default 20)\n"
		   "  --delay SECONDS  wait at least this long between two requests to the\n"
		   "                   board's hosts (0 to 3600; default: the crawl's)\n"
		   "  list             print NAME, URL, page limit and delay (\"default\"\n"
		   "                   when not set), tab-separated\n"
		   "  remove NAME      remove a board and the postings stored from it",
	.flags = CMD_NEEDS_DB,
	.exec = cmd_source,
};
