/*
 * bench-report.c - "jobstats report --role" and "jobstats export --what
 * salaries" over a database of BENCH_REPORT_POSTINGS postings (default 200k,
 * 1M with BENCH_BIG=1),
 * 20 roles x 4 levels, against the same percentiles computed by
 * window-function SQL in the sqlite3 shell.  Each command is run as its own
 * process (its peak RSS by GNU time), output discarded, with an empty
 * configuration directory.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench-speed.h"
#include "xalloc.h"

#define ROLE "Data Engineer"

/* p25, median and p75 of the midpoint of annual pay for each title and
 * level (what export --what salaries reports per title), by row_number
 * over each group; the role's titles only when where is given. */
static char *percentile_sql(const char *where)
{
	return xasprintf(
		"WITH pay AS (SELECT title, level, (annual_min + annual_max) / 2 AS v FROM postings "
		"WHERE annual_min IS NOT NULL%s), ranked AS (SELECT title, level, v, "
		"row_number() OVER (PARTITION BY title, level ORDER BY v) AS k, "
		"count(*) OVER (PARTITION BY title, level) AS n FROM pay) "
		"SELECT title, level, n, "
		"max(CASE WHEN k <= (n + 3) / 4 THEN v END), "
		"max(CASE WHEN k <= (n + 1) / 2 THEN v END), "
		"max(CASE WHEN k <= (3 * n + 3) / 4 THEN v END) "
		"FROM ranked GROUP BY title, level ORDER BY title, level;\n", where);
}

#define GNU_TIME "/usr/bin/time"

/* The peak RSS GNU time wrote to path, in kB; 0 when unreadable. */
static long read_rss(const char *path)
{
	FILE *fp = fopen(path, "r");
	long kb = 0;

	if (fp != NULL) {
		if (fscanf(fp, "%ld", &kb) != 1)
			kb = 0;
		fclose(fp);
	}
	return kb;
}

/*
 * Run argv with stdin from in (or /dev/null), stdout discarded: seconds of
 * wall time; *rss_kb its peak RSS.  The peak is GNU time's (-f %M) when
 * there is one: wait4's would count this process too, whose pages a forked
 * child holds until it execs (Linux keeps that peak across exec).  A failure
 * fails the bench.
 */
static double run(const char *const argv[], const char *in, const char *home, long *rss_kb,
		  double *cpu)
{
	struct rusage ru;
	int status, fd, k = 0, j;
	char *args[16], *rss_file = xasprintf("%s/rss", home);
	int timed = access(GNU_TIME, X_OK) == 0;
	double start = bench_now();
	pid_t pid = fork();

	if (pid < 0)
		bench_fail("fork: %s", strerror(errno));
	if (pid == 0) {
		fd = open(in != NULL ? in : "/dev/null", O_RDONLY);
		dup2(fd, 0);
		fd = open("/dev/null", O_WRONLY);
		dup2(fd, 1);
		setenv("HOME", home, 1);
		setenv("XDG_CONFIG_HOME", home, 1);
		if (timed) {
			args[k++] = xstrdup(GNU_TIME);
			args[k++] = xstrdup("-f");
			args[k++] = xstrdup("%M");
			args[k++] = xstrdup("-o");
			args[k++] = rss_file;
		}
		for (j = 0; j < 8 && argv[j] != NULL; j++)
			args[k++] = xstrdup(argv[j]);
		args[k] = NULL;
		execvp(args[0], args);
		_exit(127);
	}
	if (wait4(pid, &status, 0, &ru) < 0)
		bench_fail("wait4: %s", strerror(errno));
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		bench_fail("'%s %s %s' failed (status %d)", argv[0], argv[1], argv[2], status);
	*rss_kb = timed ? read_rss(rss_file) : ru.ru_maxrss;
	/* wait4 counts the descendants the child reaped: GNU time's command. */
	*cpu = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
	       (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
	unlink(rss_file);
	free(rss_file);
	return bench_now() - start;
}

/*
 * Wall time, and in cpu (named "NAME cpu") the CPU time the command used
 * (user + system): on a machine shared with other work the wall time
 * measures the load as much as the command, its CPU time much less.
 */
static void command_row(struct bench_row *r, struct bench_row *cpu, const char *name,
			const char *const argv[], const char *in, const char *home,
			const char *detail)
{
	/* Three runs at most: the database was just written, so it is in the
	 * page cache already, and a run over 1M postings takes seconds today. */
	int i, runs = bench_runs() < 3 ? bench_runs() : 3;
	char cpu_name[64];
	double seconds;
	long rss;

	snprintf(cpu_name, sizeof(cpu_name), "%s cpu", name);
	bench_row_init(r, name, "s");
	bench_row_init(cpu, cpu_name, "s");
	for (i = 0; i < runs; i++) {
		bench_row_add(r, run(argv, in, home, &rss, &seconds));
		bench_row_add(cpu, seconds);
		if (rss > r->rss_kb)
			r->rss_kb = rss;
	}
	cpu->rss_kb = r->rss_kb;
	snprintf(r->detail, sizeof(r->detail), "%s", detail);
	snprintf(cpu->detail, sizeof(cpu->detail), "user + system CPU time of the same runs");
}

/* How many times faster than the SQL the command is, run by run. */
static void speedup_row(const char *name, const struct bench_row *cmd,
			const struct bench_row *sql)
{
	struct bench_row r;
	double s = bench_row_median(sql);
	int i;

	bench_row_init(&r, name, "x");
	for (i = 0; i < cmd->n; i++)
		bench_row_add(&r, s / cmd->v[i]);
	snprintf(r.detail, sizeof(r.detail), "the SQL's median %.3f s over each run", s);
	bench_row_target(&r, 8, 0, ">=8x the SQL");
	bench_row_emit(&r);
}

static void write_file(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");

	if (fp == NULL || fputs(text, fp) < 0 || fclose(fp) != 0)
		bench_fail("cannot write '%s': %s", path, strerror(errno));
}

/* 200k by default (1M with BENCH_BIG=1): over 1M postings the commands
 * take 10-30 s each today, too long for every "make bench". */
static long report_postings(void)
{
	const char *s = getenv("BENCH_REPORT_POSTINGS"), *big = getenv("BENCH_BIG");
	long n = s != NULL ? atol(s) : big != NULL && *big == '1' ? 1000000 : 200000;

	return n < 1000 ? 1000 : n;
}

void bench_report_rows(const char *jobstats, const char *dir)
{
	char *db = xasprintf("%s/report.db", dir), *role_sql = xasprintf("%s/role.sql", dir);
	char *all_sql = xasprintf("%s/all.sql", dir), *text, detail[160];
	const char *report[] = { jobstats, "--db", db, "report", "--role", ROLE, NULL };
	const char *export[] = { jobstats, "--db", db, "export", "--what", "salaries", NULL };
	const char *shell[] = { "sqlite3", db, NULL };
	struct bench_row build, rep, exp, sql_role, sql_all, rep_cpu, exp_cpu, role_cpu, all_cpu;
	long n = report_postings();
	double start;

	bench_row_init(&build, "report db build", "s");
	bench_rss_reset();
	start = bench_now();
	bench_make_report_db(db, n);
	bench_row_add(&build, bench_now() - start);
	build.rss_kb = bench_rss_peak();
	snprintf(build.detail, sizeof(build.detail), "%ld postings, one direct SQLite insert "
		 "(setup, not a target)", n);
	bench_row_emit(&build);
	text = percentile_sql(" AND title LIKE '%" ROLE "'");
	write_file(role_sql, text);
	free(text);
	text = percentile_sql("");
	write_file(all_sql, text);
	free(text);
	snprintf(detail, sizeof(detail), "jobstats report --role '%s', %ld postings", ROLE, n);
	command_row(&rep, &rep_cpu, "report --role", report, NULL, dir, detail);
	bench_row_target(&rep, 0.3, 1, "<=0.3 s");
	bench_row_emit(&rep);
	bench_row_emit(&rep_cpu);
	snprintf(detail, sizeof(detail), "jobstats export --what salaries (csv), %ld postings", n);
	command_row(&exp, &exp_cpu, "export salaries", export, NULL, dir, detail);
	bench_row_target(&exp, 0.3, 1, "<=0.3 s");
	bench_row_emit(&exp);
	bench_row_emit(&exp_cpu);
	command_row(&sql_role, &role_cpu, "sql role percentiles", shell, role_sql, dir,
		    "sqlite3 shell: window-function p25/p50/p75 by title, level, the role's titles");
	bench_row_emit(&sql_role);
	bench_row_emit(&role_cpu);
	command_row(&sql_all, &all_cpu, "sql all percentiles", shell, all_sql, dir,
		    "sqlite3 shell: the same for every title and level");
	bench_row_emit(&sql_all);
	bench_row_emit(&all_cpu);
	speedup_row("sql/report --role", &rep, &sql_role);
	speedup_row("sql/export salaries", &exp, &sql_all);
	speedup_row("sql/report --role cpu", &rep_cpu, &role_cpu);
	speedup_row("sql/export salaries cpu", &exp_cpu, &all_cpu);
	unlink(role_sql);
	unlink(all_sql);
	free(role_sql);
	free(all_sql);
	free(db);
}
