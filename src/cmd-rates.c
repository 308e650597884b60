/*
 * cmd-rates.c - "jobstats rates [list] | set | import": the exchange rates
 * that "report --convert" uses, in units of a currency per US dollar.
 */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cmd.h"
#include "fetch.h"
#include "xalloc.h"

/* A rates file is a few hundred lines at most. */
#define MAX_RATES_FILE (1024 * 1024)

static void today(char out[11])
{
	time_t t = time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

static int rates_list(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct buf b = BUF_INIT;
	struct rate *v;
	size_t n, i;
	char *err = NULL;
	int rc;

	if (argc > 1)
		return cmd_usage(&cmd_rates_entry);
	if (store_rates_list(ctx->store, &v, &n, &err) < 0)
		return cmd_fail(err);
	buf_printf(&b, "%-8s %15s  %-10s  %s\n", "currency", "per USD", "as of", "source");
	for (i = 0; i < n; i++)
		buf_printf(&b, "%-8s %15.9g  %-10s  %s\n", v[i].currency, v[i].per_usd,
			   v[i].as_of, v[i].source);
	rates_free(v, n);
	rc = cmd_write_stdout(&b);
	buf_release(&b);
	return rc;
}

static int rates_set(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option options[] = {
		{ "date", required_argument, NULL, 'd' },
		{ NULL, 0, NULL, 0 }
	};
	struct rate r = { "", 0, "", (char *)"rates set" };
	const char *date = NULL;
	char *err = NULL;
	int c;

	optind = 0;
	while ((c = cmd_getopt(argc, argv, "d:", options)) != -1) {
		if (c != 'd')
			return cmd_usage(&cmd_rates_entry);
		date = optarg;
	}
	if (argc - optind != 2)
		return cmd_usage(&cmd_rates_entry);
	today(r.as_of);
	if (rates_parse_currency(argv[optind], r.currency, &err) < 0 ||
	    rates_parse_per_usd(argv[optind + 1], &r.per_usd, &err) < 0 ||
	    (date != NULL && rates_parse_date(date, r.as_of, &err) < 0) ||
	    rates_check_base(&r, &err) < 0) {
		cmd_error("%s", err);
		free(err);
		return EXIT_USAGE;
	}
	if (store_rate_set(ctx->store, &r, &err) < 0)
		return cmd_fail(err);
	return EXIT_OK;
}

/* Every rate of the file, or (on any bad line) none. */
static int rates_import(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct buf text = BUF_INIT, msg = BUF_INIT;
	struct rate *v = NULL;
	size_t n = 0, i;
	char date[11], *source = NULL, *err = NULL;
	int rc = EXIT_ERROR;

	if (argc != 2)
		return cmd_usage(&cmd_rates_entry);
	today(date);
	source = xasprintf("imported from %s", argv[1]);
	if (fetch_file(argv[1], MAX_RATES_FILE, &text, &err) < 0 ||
	    rates_parse_csv(buf_str(&text), text.len, argv[1], date, source, &v, &n, &err) < 0 ||
	    store_begin(ctx->store, &err) < 0)
		goto out;
	for (i = 0; i < n && err == NULL; i++)
		store_rate_set(ctx->store, &v[i], &err);
	if (err != NULL || store_commit(ctx->store, &err) < 0) {
		store_rollback(ctx->store);
		goto out;
	}
	buf_printf(&msg, "imported %zu rate%s from '%s'\n", n, n == 1 ? "" : "s", argv[1]);
	rc = cmd_write_stdout(&msg);
out:
	if (err != NULL)
		rc = cmd_fail(err);
	rates_free(v, n);
	free(source);
	buf_release(&text);
	buf_release(&msg);
	return rc;
}

static int cmd_rates(struct cmd_ctx *ctx, int argc, char **argv)
{
	if (argc < 2 || strcmp(argv[1], "list") == 0)
		return rates_list(ctx, argc - (argc > 1), argv + (argc > 1));
	if (strcmp(argv[1], "set") == 0)
		return rates_set(ctx, argc - 1, argv + 1);
	if (strcmp(argv[1], "import") == 0)
		return rates_import(ctx, argc - 1, argv + 1);
	cmd_error("unknown rates subcommand '%s'", argv[1]);
	return cmd_usage(&cmd_rates_entry);
}

const struct cmd_entry cmd_rates_entry = {
	.name = "rates",
	.usage = "rates [list] | rates set CODE RATE [--date YYYY-MM-DD] | rates import FILE",
	.summary = "list or set the exchange rates that report --convert uses",
	.help = "Exchange rates, in units of a currency per US dollar (USD is 1), one per\n"
		"currency with the date it is valid for and where it came from.  A new\n"
		"database starts with a snapshot of the ECB reference rates of 2023-12-29:\n"
		"update them before converting salaries of another time.\n\n"
		"  list               print currency, rate per USD, date and source\n"
		"  set CODE RATE      set one rate (CODE: ISO 4217, any case, e.g. EUR;\n"
		"                     RATE: units per US dollar, e.g. 0.92)\n"
		"  --date YYYY-MM-DD  the date the rate is valid for (default: today, UTC)\n"
		"  import FILE        set the rates of a CSV file of currency,rate[,date]\n"
		"                     lines (an optional header line; date default today;\n"
		"                     a UTF-8 byte order mark and CRLF line ends are fine);\n"
		"                     any bad line and nothing is changed",
	.flags = CMD_NEEDS_DB,
	.exec = cmd_rates,
};
