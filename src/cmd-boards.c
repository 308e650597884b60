/*
 * cmd-boards.c - "jobstats boards [show NAME | check FILE...]": the board
 * rules extraction uses, one of them as its file says it, or whether rules
 * files being edited are valid.
 */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "board.h"
#include "buf.h"
#include "cmd.h"
#include "confdir.h"
#include "xalloc.h"

static void hosts_text(const struct board *b, struct buf *out)
{
	size_t i;

	for (i = 0; i < b->nhosts; i++)
		buf_printf(out, "%s%s", i ? "," : "", b->hosts[i]);
	if (b->nhosts == 0)
		buf_appends(out, "-");
}

static int list_boards(const struct board_set *set)
{
	struct buf b = BUF_INIT, hosts = BUF_INIT;
	size_t i;
	int rc;

	buf_printf(&b, "%-16s %-28s %7s  %s\n", "NAME", "HOSTS", "LAYOUTS", "FILE");
	for (i = 0; i < set->n; i++) {
		buf_release(&hosts);
		hosts_text(&set->v[i], &hosts);
		buf_printf(&b, "%-16s %-28s %7zu  %s\n", set->v[i].name, buf_str(&hosts),
			   set->v[i].nlayouts, set->v[i].path ? set->v[i].path : "-");
	}
	rc = cmd_write_stdout(&b);
	buf_release(&hosts);
	buf_release(&b);
	return rc;
}

/* The board's file as it is on disk, after a comment naming it. */
static int show_board(const struct board *bd)
{
	struct buf b = BUF_INIT, text = BUF_INIT;
	char *err = NULL;
	int rc;

	if (confdir_read(bd->path, BOARD_MAX_BYTES, "rules file", &text, &err) < 0)
		return cmd_fail(err);
	buf_printf(&b, "# %s\n%s", bd->path, buf_str(&text));
	if (b.len > 0 && b.data[b.len - 1] != '\n')
		buf_appends(&b, "\n");
	rc = cmd_write_stdout(&b);
	buf_release(&text);
	buf_release(&b);
	return rc;
}

/* Parse each file as a rules file: "FILE: ok (N layouts)" or its error. */
static int check_files(char **files, int n)
{
	struct buf out = BUF_INIT;
	int i, rc = EXIT_OK;

	for (i = 0; i < n; i++) {
		struct board b;
		char *err = NULL;

		if (board_read(files[i], files[i], &b, &err) < 0) {
			cmd_error("%s", err);
			free(err);
			rc = EXIT_ERROR;
		} else {
			buf_printf(&out, "%s: ok (%zu layout%s)\n", files[i], b.nlayouts,
				   b.nlayouts == 1 ? "" : "s");
			board_release(&b);
		}
	}
	if (cmd_write_stdout(&out) != EXIT_OK)
		rc = EXIT_ERROR;
	buf_release(&out);
	return rc;
}

static int cmd_boards(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option options[] = { { NULL, 0, NULL, 0 } };
	struct board_set set;
	const struct board *b;
	char *err = NULL;
	int rc;

	(void)ctx;
	optind = 0;
	if (cmd_getopt(argc, argv, "", options) != -1)
		return cmd_usage(&cmd_boards_entry);
	argc -= optind;
	argv += optind;
	if (argc >= 2 && strcmp(argv[0], "check") == 0)
		return check_files(argv + 1, argc - 1);
	if (argc != 0 && (argc != 2 || strcmp(argv[0], "show") != 0))
		return cmd_usage(&cmd_boards_entry);
	if (board_load(&set, &err) < 0)
		return cmd_fail(err);
	if (argc == 0) {
		rc = list_boards(&set);
	} else if ((b = board_find(&set, argv[1])) != NULL) {
		rc = show_board(b);
	} else {
		cmd_error("no board named '%s' (see 'jobstats boards')", argv[1]);
		rc = EXIT_ERROR;
	}
	board_set_release(&set);
	return rc;
}

const struct cmd_entry cmd_boards_entry = {
	.name = "boards",
	.usage = "boards [show NAME | check FILE...]",
	.summary = "list the board rules, show one, or check rules files",
	.help = "A board's rules file tells jobstats how to read that board's pages with\n"
		"XPath (see jobstats-boards(5)); pages are read by schema.org JSON-LD and\n"
		"microdata first, then by the rules of the board whose host serves the page\n"
		"(or, for a saved file, whose match rule holds).  Without arguments, list\n"
		"each board: name, hosts, number of layouts, and its file; 'show NAME'\n"
		"prints one board's file; 'check FILE...' parses rules files and says what\n"
		"is wrong, FILE:LINE first.  User boards ($XDG_CONFIG_HOME/jobstats/boards,\n"
		"default ~/.config/jobstats/boards) override shipped ones of the same name\n"
		"(JOBSTATS_BOARDS_DIR replaces the shipped directory).  Try one with\n"
		"'jobstats parse --board NAME FILE'.",
	.flags = 0,
	.exec = cmd_boards,
};
