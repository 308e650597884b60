/*
 * jobstats.c - global options, the command table, and dispatch.
 *
 * Pipeline: fetch -> extract -> normalize -> store -> report/export.  Each
 * command (cmd-NAME.c) wires those stages together; main only finds the
 * command, opens the database for the commands that need it, and runs it.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#ifdef HAVE_MALLOC_H
#include <malloc.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cmd.h"
#include "fetch.h"
#include "xalloc.h"

static const struct cmd_entry *const commands[] = {
	&cmd_source_entry,
	&cmd_crawl_entry,
	&cmd_status_entry,
	&cmd_reextract_entry,
	&cmd_parse_entry,
	&cmd_report_entry,
	&cmd_export_entry,
	&cmd_search_entry,
	&cmd_salary_entry,
	&cmd_rates_entry,
	&cmd_renormalize_entry,
	&cmd_import_entry,
	&cmd_profiles_entry,
	&cmd_boards_entry,
};

#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

static const char global_usage[] =
	"usage: jobstats [--db PATH] [-v] COMMAND [ARGS]\n"
	"       jobstats --help | --version | COMMAND --help\n";

static int print_help(void)
{
	struct buf b = BUF_INIT;
	size_t i;
	int rc;

	buf_printf(&b, "%s\njobstats crawls job boards, stores their postings and reports "
		   "salary statistics.\n\nCommands:\n", global_usage);
	for (i = 0; i < NCOMMANDS; i++)
		buf_printf(&b, "  %-12s %s\n", commands[i]->name, commands[i]->summary);
	buf_appends(&b, "\nGlobal options:\n"
		    "  --db PATH      database file (also JOBSTATS_DB; default\n"
		    "                 $XDG_DATA_HOME/jobstats/jobs.db)\n"
		    "  -v, --verbose  say what is being done on standard error\n"
		    "  -h, --help     show this help\n"
		    "  -V, --version  show the version\n\n"
		    "See jobstats(1) for the full manual.\n");
	rc = cmd_write_stdout(&b);
	buf_release(&b);
	return rc;
}

static int print_version(void)
{
	struct buf b = BUF_INIT;
	int rc;

	buf_printf(&b, "%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
	rc = cmd_write_stdout(&b);
	buf_release(&b);
	return rc;
}

/* mkdir -p for the directories above path (only for the default location). */
static int make_parents(char *path, char **err)
{
	char *p;

	for (p = strchr(path + 1, '/'); p != NULL; p = strchr(p + 1, '/')) {
		*p = '\0';
		if (mkdir(path, 0700) < 0 && errno != EEXIST) {
			set_error(err, "cannot create directory '%s': %s", path, strerror(errno));
			*p = '/';
			return -1;
		}
		*p = '/';
	}
	return 0;
}

/* --db, else JOBSTATS_DB, else $XDG_DATA_HOME/jobstats/jobs.db (its
 * directory created when create). */
static char *db_path(const char *option, int create, char **err)
{
	const char *env = getenv("JOBSTATS_DB"), *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	char *path;

	if (option != NULL)
		return xstrdup(option);
	if (env != NULL && *env != '\0')
		return xstrdup(env);
	if (xdg != NULL && *xdg == '/')
		path = xasprintf("%s/jobstats/jobs.db", xdg);
	else if (home != NULL && *home != '\0')
		path = xasprintf("%s/.local/share/jobstats/jobs.db", home);
	else
		return set_error(err, "cannot find a place for the database: set HOME, "
				 "XDG_DATA_HOME or JOBSTATS_DB, or use --db"), NULL;
	if (create && make_parents(path, err) < 0) {
		free(path);
		return NULL;
	}
	return path;
}

static const struct cmd_entry *find_command(const char *name)
{
	size_t i;

	for (i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i]->name, name) == 0)
			return commands[i];
	return NULL;
}

/* Does the command line ask for help (before any "--")? */
static int wants_help(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc && strcmp(argv[i], "--") != 0; i++)
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
			return 1;
	return 0;
}

static int run_command(const struct cmd_entry *cmd, struct cmd_ctx *ctx, const char *db_option,
		       int argc, char **argv)
{
	char *err = NULL, *path = NULL;
	int rc;

	if (wants_help(argc, argv))
		return cmd_help(cmd);

	path = db_path(db_option, cmd->flags & CMD_NEEDS_DB, &err);
	if (cmd->flags & CMD_NEEDS_DB) {
		if (path == NULL || store_open(path, &ctx->store, &err) < 0) {
			free(path);
			return cmd_fail(err);
		}
	}
	free(err);	/* a command that opens the database itself says so */
	ctx->db_path = path;
	rc = cmd->exec(ctx, argc, argv);
	store_free(ctx->store);
	free(path);
	return rc;
}

/* "jobstats help [COMMAND]" is "jobstats [COMMAND] --help". */
static int help_command(int argc, char **argv)
{
	const struct cmd_entry *cmd = argc > 1 ? find_command(argv[1]) : NULL;

	if (argc > 1 && cmd == NULL) {
		cmd_error("'%s' is not a jobstats command; see 'jobstats --help'", argv[1]);
		return EXIT_USAGE;
	}
	return cmd ? cmd_help(cmd) : print_help();
}

static int dispatch(struct cmd_ctx *ctx, const char *db_option, int argc, char **argv)
{
	const struct cmd_entry *cmd;
	char *err = NULL;
	int rc;

	if (strcmp(argv[0], "help") == 0)
		return help_command(argc, argv);
	cmd = find_command(argv[0]);
	if (cmd == NULL) {
		cmd_error("'%s' is not a jobstats command; see 'jobstats --help'", argv[0]);
		fputs(global_usage, stderr);
		return EXIT_USAGE;
	}
	if (fetch_global_init(&err) < 0)
		return cmd_fail(err);
	rc = run_command(cmd, ctx, db_option, argc, argv);
	fetch_global_cleanup();
	return rc;
}

/*
 * glibc gives freed memory back to the kernel as soon as 128 KiB sit free at
 * the top of the heap; a crawl frees a page's tree and buffers many times a
 * second, and handing them back and faulting them in again was a third of
 * its system time.  Keep up to 64 MiB.
 */
static void keep_freed_memory(void)
{
#if defined(HAVE_MALLOPT) && defined(M_TRIM_THRESHOLD)
	mallopt(M_TRIM_THRESHOLD, 64 * 1024 * 1024);
#endif
}

int main(int argc, char **argv)
{
	static const struct option options[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct cmd_ctx ctx = { NULL, NULL, 0 };
	const char *db_option = NULL;
	int c, rc;

	keep_freed_memory();
	/* getopt names argv[0] in its messages: say "jobstats", not the path */
	argv[0] = (char *)"jobstats";
	/* "+": options after the command name belong to the command. */
	while ((c = getopt_long(argc, argv, "+vhV", options, NULL)) != -1) {
		switch (c) {
		case 'd': db_option = optarg; break;
		case 'v': ctx.verbose++; break;
		case 'h': return print_help();
		case 'V': return print_version();
		default: fputs(global_usage, stderr); return EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		fputs(global_usage, stderr);
		return EXIT_USAGE;
	}
	rc = dispatch(&ctx, db_option, argc - optind, argv + optind);
	if (fclose(stdout) != 0 && rc == EXIT_OK) {
		cmd_error("cannot write to standard output: %s", strerror(errno));
		rc = EXIT_ERROR;
	}
	return rc;
}
