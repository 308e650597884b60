/*
 * cmd-crawl-opts.c - the crawl's settings: one table gives each its name
 * (the option and the settings file key alike), its type and its range.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd-crawl.h"
#include "xalloc.h"

enum setting_type { T_DOUBLE, T_INT, T_LONG, T_SIZE, T_TEXT };

struct crawl_setting {
	const char *name;
	enum setting_type type;
	size_t off;		/* in struct crawl_opts */
	double min, max;
};

#define P(field) offsetof(struct crawl_opts, policy.field)
#define O(field) offsetof(struct crawl_opts, field)

/* Option ids are CRAWL_OPTION_BASE + the index here. */
static const struct crawl_setting settings_table[] = {
	{ "delay", T_DOUBLE, P(delay), 0, 3600 },
	{ "per-host", T_INT, P(per_host), 1, 16 },
	{ "parallel", T_INT, P(max_in_flight), 1, 256 },
	{ "retries", T_INT, P(retries), 0, 10 },
	{ "retry-after-max", T_DOUBLE, P(retry_after_max), 1, 86400 },
	{ "host-failures", T_INT, P(host_failures), 1, 1000 },
	{ "connect-timeout", T_LONG, P(connect_timeout), 1, 3600 },
	{ "timeout", T_LONG, P(timeout), 1, 86400 },
	{ "max-filesize", T_SIZE, P(max_bytes), 1024, 1024.0 * 1024 * 1024 },
	{ "max-redirs", T_LONG, P(max_redirects), 0, 50 },
	{ "speed-limit", T_LONG, P(low_speed_limit), 1, 1e9 },
	{ "speed-time", T_LONG, P(low_speed_time), 1, 3600 },
	{ "keep-pages", T_INT, O(keep_pages), 0, 36500 },
	{ "contact", T_TEXT, O(contact), 0, 200 },
	{ "jobs", T_INT, O(jobs), 1, 64 },
};
#define NSETTINGS (sizeof(settings_table) / sizeof(settings_table[0]))
#define CRAWL_OPTION_BASE 400

enum { OPT_IGNORE_ROBOTS = 300, OPT_INSECURE, OPT_SUMMARY, OPT_PROGRESS, OPT_NO_PROGRESS };

static const struct option flag_options[] = {
	{ "ignore-robots", no_argument, NULL, OPT_IGNORE_ROBOTS },
	{ "insecure", no_argument, NULL, OPT_INSECURE },
	{ "summary", no_argument, NULL, OPT_SUMMARY },
	{ "progress", no_argument, NULL, OPT_PROGRESS },
	{ "no-progress", no_argument, NULL, OPT_NO_PROGRESS },
};
#define NFLAGS (sizeof(flag_options) / sizeof(flag_options[0]))

const struct option *crawl_options(void)
{
	static struct option all[NFLAGS + NSETTINGS + 1];
	size_t i;

	if (all[0].name != NULL)
		return all;
	memcpy(all, flag_options, sizeof(flag_options));
	for (i = 0; i < NSETTINGS; i++) {
		all[NFLAGS + i].name = settings_table[i].name;
		all[NFLAGS + i].has_arg = required_argument;
		all[NFLAGS + i].val = CRAWL_OPTION_BASE + (int)i;
	}
	return all;
}

void crawl_opts_init(struct crawl_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->policy.delay = o->policy.jitter = -1;
	o->policy.retries = -1;
	o->policy.max_redirects = -1;
	o->keep_pages = 90;
	o->progress = -1;
}

void crawl_opts_release(struct crawl_opts *o)
{
	size_t i;

	for (i = 0; i < o->nowned; i++)
		free(o->owned[i]);
	free(o->user_agent);
}

/* "32M", "500k", "1048576": bytes; -1 when not a size. */
static double parse_size(const char *s)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(s, &end);
	if (errno != 0 || end == s || !isfinite(v))
		return -1;
	if (*end == 'k' || *end == 'K')
		v *= 1024, end++;
	else if (*end == 'm' || *end == 'M')
		v *= 1024 * 1024, end++;
	else if (*end == 'g' || *end == 'G')
		v *= 1024.0 * 1024 * 1024, end++;
	return *end == '\0' ? v : -1;
}

static double parse_number(const struct crawl_setting *t, const char *s)
{
	char *end;
	double v;

	if (t->type == T_SIZE)
		return parse_size(s);
	errno = 0;
	v = strtod(s, &end);
	if (errno != 0 || end == s || *end != '\0' || !isfinite(v))
		return NAN;
	if (t->type != T_DOUBLE && v != floor(v))
		return NAN;
	return v;
}

/* Set one; where names the value in a message ("option --delay",
 * "FILE:LINE: delay").  0, or -1 after saying why. */
static int set_value(struct crawl_opts *o, const struct crawl_setting *t, const char *value,
		     const char *where)
{
	char *field = (char *)o + t->off;
	double v;

	if (t->type == T_TEXT) {
		if (strlen(value) > (size_t)t->max || strpbrk(value, "\r\n") != NULL)
			return cmd_error("%s: '%s' is not a one-line text of at most %g bytes", where,
					 value, t->max), -1;
		if (o->nowned == sizeof(o->owned) / sizeof(o->owned[0]))
			return cmd_error("%s: set too many times", where), -1;
		o->owned[o->nowned] = xstrdup(value);
		*(const char **)(void *)field = o->owned[o->nowned++];
		return 0;
	}
	v = parse_number(t, value);
	if (isnan(v) || v < t->min || v > t->max)
		return cmd_error("%s: '%s' is not a %s from %g to %g", where, value,
				 t->type == T_DOUBLE ? "number" : t->type == T_SIZE ?
				 "size (bytes, or with k, M or G)" : "whole number",
				 t->min, t->max), -1;
	if (t->type == T_DOUBLE)
		*(double *)(void *)field = v;
	else if (t->type == T_INT)
		*(int *)(void *)field = (int)v;
	else if (t->type == T_LONG)
		*(long *)(void *)field = (long)v;
	else
		*(size_t *)(void *)field = (size_t)v;
	return 0;
}

static const struct crawl_setting *find_setting(const char *name)
{
	size_t i;

	for (i = 0; i < NSETTINGS; i++)
		if (strcmp(settings_table[i].name, name) == 0)
			return &settings_table[i];
	return NULL;
}

int crawl_opts_settings(struct crawl_opts *o, const struct settings *s)
{
	size_t i;

	for (i = 0; i < s->n; i++) {
		const struct crawl_setting *t = find_setting(s->v[i].key);
		char *where = xasprintf("%s:%d: %s", s->path, s->v[i].line, s->v[i].key);
		int rc = 0;

		if (t == NULL)
			rc = -1, cmd_error("%s: unknown setting (see 'jobstats crawl --help')", where);
		else
			rc = set_value(o, t, s->v[i].value, where);
		free(where);
		if (rc < 0)
			return EXIT_ERROR;
	}
	return EXIT_OK;
}

int crawl_opts_option(struct crawl_opts *o, int id, const char *arg)
{
	char *where;
	int rc;

	switch (id) {
	case OPT_IGNORE_ROBOTS: o->policy.ignore_robots = 1; return EXIT_OK;
	case OPT_INSECURE: o->policy.insecure = 1; return EXIT_OK;
	case OPT_SUMMARY: o->summary = 1; return EXIT_OK;
	case OPT_PROGRESS: o->progress = 1; return EXIT_OK;
	case OPT_NO_PROGRESS: o->progress = 0; return EXIT_OK;
	}
	if (id < CRAWL_OPTION_BASE || id >= CRAWL_OPTION_BASE + (int)NSETTINGS)
		return EXIT_USAGE;
	where = xasprintf("option --%s", settings_table[id - CRAWL_OPTION_BASE].name);
	rc = set_value(o, &settings_table[id - CRAWL_OPTION_BASE], arg, where);
	free(where);
	return rc < 0 ? EXIT_USAGE : EXIT_OK;
}

void crawl_opts_finish(struct crawl_opts *o, int verbose)
{
	const char *term = getenv("TERM"), *no_color = getenv("NO_COLOR");
	int tty = isatty(STDERR_FILENO) && (term == NULL || strcmp(term, "dumb") != 0);

	free(o->user_agent);
	/* "+URL" is how crawlers point site owners at who they are */
	o->user_agent = xasprintf("%s/%s (+%s)", PACKAGE_NAME, PACKAGE_VERSION,
				  o->contact ? o->contact : PACKAGE_URL);
	o->policy.user_agent = o->user_agent;
	if (o->progress < 0)
		o->progress = tty && !verbose;
	o->color = tty && (no_color == NULL || *no_color == '\0');
}
