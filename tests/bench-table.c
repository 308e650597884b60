/*
 * bench-table.c - the table of tests/bench-speed: runs, medians, peak RSS,
 * and the one stable text format (or JSON with --json).
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "bench-speed.h"
#include "buf.h"
#include "jsonw.h"
#include "xalloc.h"

static int json;
static struct bench_row *kept;
static size_t nkept;

double bench_now(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0)
		bench_fail("clock_gettime: %s", strerror(errno));
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int bench_runs(void)
{
	const char *s = getenv("BENCH_RUNS");
	int n = s != NULL ? atoi(s) : 3;

	return n < 1 ? 1 : n > BENCH_RUNS_MAX ? BENCH_RUNS_MAX : n;
}

/* Linux resets the peak ("VmHWM") when 5 is written to clear_refs; where it
 * cannot, the peak is the process's since it started (getrusage). */
void bench_rss_reset(void)
{
	FILE *fp = fopen("/proc/self/clear_refs", "w");

	if (fp != NULL) {
		fputs("5", fp);
		fclose(fp);
	}
}

long bench_rss_peak(void)
{
	FILE *fp = fopen("/proc/self/status", "r");
	char line[256];
	long kb = -1;
	struct rusage ru;

	if (fp != NULL) {
		while (fgets(line, sizeof(line), fp) != NULL)
			if (sscanf(line, "VmHWM: %ld kB", &kb) == 1)
				break;
		fclose(fp);
	}
	if (kb >= 0)
		return kb;
	return getrusage(RUSAGE_SELF, &ru) == 0 ? ru.ru_maxrss : 0;
}

void bench_row_init(struct bench_row *r, const char *name, const char *unit)
{
	memset(r, 0, sizeof(*r));
	snprintf(r->name, sizeof(r->name), "%s", name);
	r->unit = unit;
}

void bench_row_add(struct bench_row *r, double v)
{
	if (r->n < BENCH_RUNS_MAX)
		r->v[r->n++] = v;
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static void sorted(const struct bench_row *r, double *out)
{
	memcpy(out, r->v, (size_t)r->n * sizeof(*out));
	qsort(out, (size_t)r->n, sizeof(*out), by_value);
}

double bench_row_median(const struct bench_row *r)
{
	double s[BENCH_RUNS_MAX];

	if (r->n == 0)
		return 0;
	sorted(r, s);
	return r->n % 2 ? s[r->n / 2] : (s[r->n / 2 - 1] + s[r->n / 2]) / 2;
}

void bench_row_target(struct bench_row *r, double target, int lower_better, const char *text)
{
	r->target = target;
	r->lower_better = lower_better;
	snprintf(r->target_text, sizeof(r->target_text), "%s", text);
}

/* The median's ratio to the target: >= 1 when the target is met. */
static double ratio(const struct bench_row *r)
{
	double m = bench_row_median(r);

	if (r->target == 0 || m == 0)
		return 0;
	return r->lower_better ? r->target / m : m / r->target;
}

void bench_set_json(int on)
{
	json = on;
}

static void print_text(const struct bench_row *r)
{
	double s[BENCH_RUNS_MAX];
	char target[80] = "";

	sorted(r, s);
	if (r->target != 0)
		snprintf(target, sizeof(target), "  [target %s: %.2fx, %s]", r->target_text,
			 ratio(r), ratio(r) >= 1 ? "met" : "not met");
	printf("%-24s %12.4g %-10s (%.4g-%.4g, %d runs) rss %ld MB; %s%s\n", r->name,
	       bench_row_median(r), r->unit, s[0], s[r->n - 1], r->n, (r->rss_kb + 512) / 1024,
	       r->detail, target);
	fflush(stdout);
}

void bench_row_emit(const struct bench_row *r)
{
	if (r->n == 0)
		bench_fail("%s: no run measured", r->name);
	if (!json) {
		print_text(r);
		return;
	}
	kept = xreallocarray(kept, nkept + 1, sizeof(*kept));
	kept[nkept++] = *r;
}

void bench_note(const char *name, const char *fmt, ...)
{
	struct bench_row r;
	va_list ap;

	bench_row_init(&r, name, "-");
	va_start(ap, fmt);
	vsnprintf(r.detail, sizeof(r.detail), fmt, ap);
	va_end(ap);
	if (!json) {
		printf("%-24s %12s %-10s %s\n", r.name, "-", "", r.detail);
		fflush(stdout);
		return;
	}
	kept = xreallocarray(kept, nkept + 1, sizeof(*kept));
	kept[nkept++] = r;
}

static void json_key_string(struct buf *b, const char *key, const char *v)
{
	jsonw_key(b, key);
	jsonw_string(b, v);
	buf_appends(b, ", ");
}

static void json_key_number(struct buf *b, const char *key, double v)
{
	jsonw_key(b, key);
	jsonw_number(b, v);
	buf_appends(b, ", ");
}

static void json_row(struct buf *b, const struct bench_row *r)
{
	double s[BENCH_RUNS_MAX];
	int i;

	buf_appends(b, "  {");
	if (r->n > 0) {
		sorted(r, s);
		json_key_string(b, "unit", r->unit);
		json_key_number(b, "median", bench_row_median(r));
		json_key_number(b, "min", s[0]);
		json_key_number(b, "max", s[r->n - 1]);
		jsonw_key(b, "runs");
		buf_appends(b, "[");
		for (i = 0; i < r->n; i++) {
			buf_appends(b, i ? ", " : "");
			jsonw_number(b, r->v[i]);
		}
		buf_appends(b, "], ");
		json_key_number(b, "peak_rss_kb", (double)r->rss_kb);
	}
	if (r->target != 0) {
		json_key_string(b, "target", r->target_text);
		json_key_number(b, "ratio_to_target", ratio(r));
		json_key_string(b, "met", ratio(r) >= 1 ? "yes" : "no");
	}
	json_key_string(b, "detail", r->detail);
	jsonw_key(b, "name");
	jsonw_string(b, r->name);
	buf_appends(b, "}");
}

void bench_finish(void)
{
	struct buf b = BUF_INIT;
	size_t i;

	if (json) {
		buf_appends(&b, "[\n");
		for (i = 0; i < nkept; i++) {
			json_row(&b, &kept[i]);
			buf_appends(&b, i + 1 < nkept ? ",\n" : "\n");
		}
		buf_appends(&b, "]\n");
		fputs(buf_str(&b), stdout);
		buf_release(&b);
	}
	free(kept);
	if (fflush(stdout) != 0 || ferror(stdout))
		bench_fail("cannot write the results: %s", strerror(errno));
}
