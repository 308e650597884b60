/*
 * cmd-parse.c - "jobstats parse [--json] FILE|URL...": extract and normalize
 * postings and print them, storing nothing (for checking a page or a board).
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "board.h"
#include "cmd.h"
#include "extract.h"
#include "fetch.h"
#include "render.h"
#include "xalloc.h"

struct parse_opts {
	int json;
	const char *base;	/* --base URL: resolve links as if the page came from there */
	const char *board;	/* --board NAME: read every page with this board's rules */
	struct store *stored;	/* --stored: pages come from the crawls' store */
	struct board_set boards;
};

/* The page a crawl kept for url (--stored). */
static int load_stored(struct store *st, const char *url, struct buf *body, char **base,
		       char **err)
{
	struct page_record pg;

	page_record_init(&pg);
	if (store_page_load(st, url, &pg, err) < 0)
		return -1;
	*base = xstrdup(pg.final_url ? pg.final_url : pg.url);
	*body = pg.body;
	buf_init(&pg.body);
	page_record_release(&pg);
	return 0;
}

/* The page's bytes and the URL its links resolve against. */
static int load(const char *arg, struct store *stored, struct buf *body, char **base,
		char **err)
{
	struct fetch_result res;
	char real[PATH_MAX];

	if (stored != NULL)
		return load_stored(stored, arg, body, base, err);
	if (!fetch_is_url(arg)) {
		*base = realpath(arg, real) ? xasprintf("file://%s", real) : NULL;
		return fetch_file(arg, 0, body, err);
	}
	fetch_result_init(&res);
	if (fetch_url(arg, &res, err) < 0) {
		fetch_result_release(&res);
		return -1;
	}
	*base = xstrdup(res.effective_url ? res.effective_url : arg);
	*body = res.body;
	buf_init(&res.body);
	fetch_result_release(&res);
	return 0;
}

static void render_page(const struct extract_result *page, const struct parse_opts *o,
			struct buf *out)
{
	size_t i;

	for (i = 0; i < page->count; i++) {
		struct posting p;

		posting_normalize(&page->postings[i], &p);
		if (o->json)
			render_posting_json(out, &p, NULL);
		else
			render_posting_line(out, &p);
		posting_release(&p);
	}
}

static int parse_one(const char *arg, struct parse_opts *o)
{
	struct buf body = BUF_INIT, out = BUF_INIT;
	struct extract_result page;
	char *err = NULL, *base = NULL;
	size_t i;
	int rc = EXIT_ERROR;

	extract_result_init(&page);
	if (load(arg, o->stored, &body, &base, &err) < 0 ||
	    extract_page(body.data, body.len, o->base ? o->base : base, &o->boards, &page, &err) < 0) {
		cmd_fail(err);
		goto out;
	}
	for (i = 0; i < page.nwarnings; i++)
		cmd_warn("%s", page.warnings[i]);
	render_page(&page, o, &out);
	rc = cmd_write_stdout(&out);
out:
	extract_result_release(&page);
	buf_release(&body);
	buf_release(&out);
	free(base);
	return rc;
}

/* The boards to read pages with: all of them, or the one --board names. */
static int load_boards(struct parse_opts *o)
{
	char *err = NULL;

	if (board_load(&o->boards, &err) < 0)
		return cmd_fail(err);
	if (o->board != NULL && board_set_choose(&o->boards, o->board) < 0) {
		cmd_error("unknown board '%s' ('jobstats boards' lists them)", o->board);
		board_set_release(&o->boards);
		return EXIT_USAGE;
	}
	return EXIT_OK;
}

static int cmd_parse(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option options[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "base", required_argument, NULL, 'b' },
		{ "board", required_argument, NULL, 'B' },
		{ "stored", no_argument, NULL, 'S' },
		{ NULL, 0, NULL, 0 }
	};
	struct parse_opts o = { 0 };
	char *err = NULL;
	int stored = 0;
	int c, i, rc;

	optind = 0;
	while ((c = cmd_getopt(argc, argv, "jb:", options)) != -1) {
		if (c == 'j')
			o.json = 1;
		else if (c == 'b')
			o.base = optarg;
		else if (c == 'B')
			o.board = optarg;
		else if (c == 'S')
			stored = 1;
		else
			return cmd_usage(&cmd_parse_entry);
	}
	if (optind >= argc)
		return cmd_usage(&cmd_parse_entry);
	if (stored && (ctx->db_path == NULL || store_open(ctx->db_path, &o.stored, &err) < 0))
		return cmd_fail(err ? err : xstrdup("cannot find the database: use --db"));
	if ((rc = load_boards(&o)) != EXIT_OK) {
		store_free(o.stored);
		return rc;
	}
	for (i = optind; i < argc; i++)
		if (parse_one(argv[i], &o) != EXIT_OK)
			rc = EXIT_ERROR;
	board_set_release(&o.boards);
	store_free(o.stored);
	return rc;
}

const struct cmd_entry cmd_parse_entry = {
	.name = "parse",
	.usage = "parse [--json] [--base URL] [--board NAME] [--stored] FILE|URL...",
	.summary = "print the postings a page holds, storing nothing",
	.help = "Extract the postings of pages and print them without storing anything:\n"
		   "one posting a line (title | company | location | level | type | salary,\n"
		   "'(from the description)' when the pay was read there),\n"
		   "or with --json one JSON object a line, keys as in 'export --what postings'.\n"
		   "  --base URL     resolve the page's links as if it had been fetched from URL\n"
		   "  --board NAME   read the pages with this board's rules only, whatever\n"
		   "                 their host ('jobstats boards' lists the boards)\n"
		   "  --stored       read the page a crawl kept for URL (the URL it was\n"
		   "                 asked for or the one it redirected to), not the network",
	.flags = 0,
	.exec = cmd_parse,
};
