/*
 * cmd.h - the command table's entry type, exit codes and the few helpers
 * commands share.  Only cmd-*.c and jobstats.c print or choose exit codes.
 */
#ifndef JOBSTATS_CMD_H
#define JOBSTATS_CMD_H

#include <time.h>

#include "buf.h"
#include "store.h"

/* Exit codes (documented in jobstats(1)). */
enum exit_code {
	EXIT_OK = 0,		/* everything worked */
	EXIT_ERROR = 1,		/* the command failed; nothing was changed */
	EXIT_USAGE = 2,		/* unknown command or option, bad argument */
	EXIT_PARTIAL = 3,	/* crawl: some pages or sources failed, others stored */
	EXIT_LOCKED = 4		/* crawl: another crawl of the database is running */
};

/* What main hands every command. */
struct cmd_ctx {
	const char *db_path;	/* resolved: --db, JOBSTATS_DB or the default;
				   NULL when there is none (no HOME) */
	struct store *store;	/* open when the command has CMD_NEEDS_DB */
	int verbose;
};

#define CMD_NEEDS_DB 0x1

struct cmd_entry {
	const char *name;
	const char *usage;	/* synopsis lines after "usage: jobstats " */
	const char *summary;	/* one line for "jobstats --help" */
	const char *help;	/* what "jobstats COMMAND --help" adds to the usage */
	int flags;
	int (*exec)(struct cmd_ctx *ctx, int argc, char **argv);
};

extern const struct cmd_entry cmd_source_entry;
extern const struct cmd_entry cmd_crawl_entry;
extern const struct cmd_entry cmd_reextract_entry;
extern const struct cmd_entry cmd_parse_entry;
extern const struct cmd_entry cmd_report_entry;
extern const struct cmd_entry cmd_export_entry;
extern const struct cmd_entry cmd_salary_entry;
extern const struct cmd_entry cmd_rates_entry;
extern const struct cmd_entry cmd_renormalize_entry;
extern const struct cmd_entry cmd_import_entry;
extern const struct cmd_entry cmd_profiles_entry;
extern const struct cmd_entry cmd_boards_entry;
extern const struct cmd_entry cmd_search_entry;
extern const struct cmd_entry cmd_status_entry;

/* "jobstats: <message>" on stderr. */
void cmd_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* "jobstats: <message>" on stderr, for what -v tells. */
void cmd_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* "jobstats: warning: <message>" on stderr. */
void cmd_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Print the error message, free it, return EXIT_ERROR. */
int cmd_fail(char *err);
struct option;
/*
 * getopt_long for a command's own options (optind reset by the caller).  A
 * command's argv[0] is its name ("report", or "set" under rates), which
 * getopt would print: its messages say "jobstats: ..." instead, as main's do.
 */
int cmd_getopt(int argc, char **argv, const char *shortopts, const struct option *longopts);
/* Print a command's usage to stderr and return EXIT_USAGE. */
int cmd_usage(const struct cmd_entry *cmd);
/* Print a command's help to stdout and return EXIT_OK. */
int cmd_help(const struct cmd_entry *cmd);

enum format { FORMAT_TABLE, FORMAT_JSON, FORMAT_CSV, FORMAT_HTML };

/* --format NAME into *out; only_data refuses the formats for people, "table"
 * and "html" (export writes data).  Prints why on error. */
int cmd_parse_format(const char *s, enum format *out, int only_data);
/* --currency: an ISO 4217 code in any case, upper-cased into out (a code
 * ISO 4217 does not list is refused).  Prints why on error. */
int cmd_parse_currency(const char *s, char out[4]);

/* Long options report and export share, with ids no short option has. */
enum cmd_shared_option {
	OPT_RAW = 256, OPT_LEVEL, OPT_COUNTRY, OPT_REMOTE, OPT_SINCE, OPT_UNTIL, OPT_COMPANY,
	OPT_BY, OPT_WITH_DUPLICATES
};
#define CMD_RAW_OPTION { "raw", no_argument, NULL, OPT_RAW }
/* --by week|month: the trend's period, for report and export alike. */
#define CMD_BY_OPTION { "by", required_argument, NULL, OPT_BY }
/* --with-duplicates: a job on several sources counts once per source. */
#define CMD_WITH_DUPLICATES_OPTION { "with-duplicates", no_argument, NULL, OPT_WITH_DUPLICATES }
#define CMD_DUPLICATES_HELP \
	"The same job on several sources (same title, company and location,\n" \
	"ignoring case, punctuation and legal forms such as Inc or GmbH, dated at\n" \
	"most 14 days apart) counts once, as its earliest posting; the sources of\n" \
	"the others are listed as duplicates.  --with-duplicates counts each.\n"
#define CMD_FILTER_OPTIONS \
	{ "level", required_argument, NULL, OPT_LEVEL }, \
	{ "country", required_argument, NULL, OPT_COUNTRY }, \
	{ "remote", required_argument, NULL, OPT_REMOTE }, \
	{ "since", required_argument, NULL, OPT_SINCE }, \
	{ "until", required_argument, NULL, OPT_UNTIL }, \
	{ "company", required_argument, NULL, OPT_COMPANY }
/* The synopsis and help text of the filter options, the same for both. */
#define CMD_FILTER_USAGE \
	"                       [--level EN|MI|SE|EX] [--country CC]\n" \
	"                       [--remote remote|hybrid|onsite] [--since YYYY-MM-DD]\n" \
	"                       [--until YYYY-MM-DD] [--company NAME]"
#define CMD_FILTER_HELP \
	"Filters, combined with AND: --level (EN, MI, SE, EX), --country (ISO\n" \
	"3166-1 alpha-2), --remote (the arrangement the posting states: remote,\n" \
	"hybrid or onsite), --since and --until (inclusive, by the posting date,\n" \
	"else the day jobstats first saw the posting), --company (the company's\n" \
	"name, any case), --source (a source's name).\n"
/*
 * If c is a filter option (OPT_LEVEL .. OPT_COMPANY), check arg, normalize
 * it in place (codes upper case, --remote lower case) and set it in f:
 * 1; a bad value: print why naming it, -1; another option: 0.
 */
int cmd_parse_filter(int c, char *arg, struct posting_filter *f);
/* --since after --until: print why, EXIT_USAGE; a --source that names no
 * source: print why, EXIT_ERROR; else EXIT_OK. */
int cmd_check_filter(struct cmd_ctx *ctx, const struct posting_filter *f);
/* --raw writes formula-like CSV text as it is (csv.h); it goes with CSV
 * only: else print why and return EXIT_USAGE. */
int cmd_check_raw(int raw, enum format format);
/* --by week|month into *by_month; prints why and returns -1 otherwise. */
int cmd_parse_by(const char *value, int *by_month);

/* The sources named in argv, or every source when argc is 0: *list holds
 * *n of them (the caller releases each and frees *list, also after an
 * error); a name that is no source: print why, EXIT_ERROR. */
int cmd_load_sources(struct cmd_ctx *ctx, int argc, char **argv, struct source **list,
		     size_t *n);

/* A --source NAME filter must name a source: else print why, EXIT_ERROR. */
int cmd_check_source(struct cmd_ctx *ctx, const char *name);

/* Write b to stdout and flush; on a write error (full disk, closed pipe)
 * print why and return EXIT_ERROR. */
int cmd_write_stdout(const struct buf *b);

/* The time now, UTC, ISO 8601 ("2025-01-19T12:00:00Z"): when postings are seen. */
void cmd_iso_now(char out[32]);
/* The time t in the same form. */
void cmd_iso_time(time_t t, char out[32]);

#endif
