/*
 * bench-speed.c - the figures of issue 7 ("make bench"), one table:
 *
 *	tests/bench-speed [--json] JOBSTATS [PAGES_DIR]
 *
 * A deterministic corpus (bench-corpus.c; BENCH_PAGES listing pages, default
 * issue 7's 400, i.e. 20,000 postings: a smaller pass is too short for the
 * worker rows, whose start (each thread's copy of the boards) it counts), the
 * ceilings of the parse (bench-parse.c), extraction on one core and on every
 * core (bench-extract.c), ingest (bench-ingest.c) and the report commands
 * against window-function SQL (bench-report.c).  Each figure is the median
 * of BENCH_RUNS runs (default 3) with min-max beside it, and the peak RSS of
 * its step.  Figures belong to the machine, its load and the build: nothing
 * here judges them, the targets are printed beside them.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "bench-speed.h"
#include "xalloc.h"

static size_t bench_pages(void)
{
	const char *s = getenv("BENCH_PAGES");
	long n = s != NULL ? atol(s) : 400;

	return n < 1 ? 1 : (size_t)n;
}

static void corpus_note(const struct bench_corpus *c, const char *what)
{
	bench_note(c->name, "%zu pages, %.1f MB (%.0f KB a page), %zu postings: %s", c->n,
		   (double)c->bytes / 1e6, c->n ? (double)c->bytes / 1e3 / (double)c->n : 0,
		   c->postings, what);
}

static void generated_rows(void)
{
	struct bench_corpus rules, listing, detail;
	struct bench_ceiling ceil;
	size_t n = bench_pages();
	double single;

	bench_corpus_make(&rules, "rules", SHAPE_LISTING_RULES, n);
	bench_corpus_make(&listing, "listing", SHAPE_LISTING_JSONLD, n);
	bench_corpus_make(&detail, "detail", SHAPE_DETAIL_JSONLD, 4 * n);
	corpus_note(&rules, "listing pages, 50 cards each, board rules read them");
	corpus_note(&listing, "the same cards, each with its JSON-LD JobPosting");
	corpus_note(&detail, "job pages, one JSON-LD JobPosting each");
	bench_parse_rows(&rules, &ceil);
	single = bench_extract_rows(&rules, &ceil, 0.9, ">=0.9x tree parse");
	bench_threads_rows(&rules, single);
	bench_corpus_release(&rules);
	bench_parse_rows(&listing, &ceil);
	bench_extract_rows(&listing, &ceil, 0, "");
	bench_corpus_release(&listing);
	bench_parse_rows(&detail, &ceil);
	single = bench_extract_rows(&detail, &ceil, 10, ">=10x tree parse");
	bench_threads_rows(&detail, single);
	bench_corpus_release(&detail);
}

static void real_rows(const char *dir)
{
	struct bench_corpus real;
	struct bench_ceiling ceil;
	struct stat st;

	if (dir == NULL || stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		bench_note("real", "skipped: no pages directory %s (set JOBSTATS_DATA)",
			   dir ? dir : "given");
		return;
	}
	bench_corpus_read(&real, "real", dir);
	if (real.n == 0) {
		bench_note("real", "skipped: no *.html under %s", dir);
		return;
	}
	corpus_note(&real, "the saved pages of real boards (postings: see extract real)");
	bench_parse_rows(&real, &ceil);
	bench_extract_rows(&real, &ceil, 0, "");
	bench_corpus_release(&real);
}

/* BENCH_ONLY=generated|real|ingest|report runs that part alone. */
static int wanted(const char *part)
{
	const char *only = getenv("BENCH_ONLY");

	return only == NULL || *only == '\0' || strcmp(only, part) == 0;
}

int main(int argc, char **argv)
{
	const char *tmp = getenv("TMPDIR");
	char *dir;
	int i = 1;

	if (argc > 1 && strcmp(argv[1], "--json") == 0) {
		bench_set_json(1);
		i++;
	}
	if (argc - i < 1 || argc - i > 2) {
		fputs("usage: bench-speed [--json] JOBSTATS [PAGES_DIR]\n", stderr);
		return 2;
	}
	xmlInitParser();	/* once, in the main thread, before any worker */
	if (wanted("generated"))
		generated_rows();
	if (wanted("real"))
		real_rows(argc - i == 2 ? argv[i + 1] : NULL);
	if (wanted("ingest"))
		bench_ingest_rows();
	if (!wanted("report")) {
		bench_finish();
		return 0;
	}
	dir = xasprintf("%s/jobstats-bench-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (mkdtemp(dir) == NULL)
		bench_fail("cannot make a scratch directory");
	bench_report_rows(argv[i], dir);
	{
		char *db = xasprintf("%s/report.db", dir);

		bench_remove_db(db);
		free(db);
	}
	rmdir(dir);
	free(dir);
	bench_finish();
	return 0;
}
