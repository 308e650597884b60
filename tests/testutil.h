/*
 * testutil.h - helpers shared by the Check tests and tests/bench.c: whole-file
 * reads, fixture paths found through $top_srcdir (so out-of-tree builds and
 * distcheck work), the reader of the extraction tests' *.expected files, and
 * the line helpers of the salary corpus (tests/data/salary-real.tsv).
 *
 * The expected-file format:
 *
 *	# comments allowed (a line whose first non-blank character is '#')
 *	base: https://jobs.example.test/listing/page-1.html
 *	next: https://jobs.example.test/listing/page-2.html	(or "next: none")
 *	postings: 3
 *	warnings: 1		(optional, default 0)
 *	check: precision	(optional, default exact; see tests/pages-expected)
 *	<blank line>
 *	title: Data Engineer
 *	company: murmuration
 *	...			(one "key: value" per line)
 *	<blank line>		(ends a posting)
 *
 * Values run from after ": " to the end of the line, trailing blanks
 * removed; a value may be empty ("key:").  Keys are not interpreted here.
 */
#ifndef JOBSTATS_TESTUTIL_H
#define JOBSTATS_TESTUTIL_H

#include <stddef.h>

struct expected_field {
	char *key;
	char *value;
	int line;		/* line number in the expected file */
};

struct expected_posting {
	struct expected_field *fields;
	size_t nfields, alloc;
	int line;		/* line of its first field */
};

struct expected_page {
	char *base;		/* NULL when the file has no "base:" */
	char *next;		/* NULL for "next: none" */
	long postings;		/* the "postings:" header */
	long warnings;		/* the "warnings:" header, 0 when absent */
	int precision;		/* "check: precision": only wrong values fail
				   (tests/pages-expected/README.md) */
	struct expected_posting *items;	/* in page order */
	size_t nitems, alloc;
};

/*
 * Read a whole file.  Returns a NUL-terminated buffer the caller frees (the
 * file may itself hold NUL bytes: *len is the real size), or NULL with errno
 * set.  len may be NULL.
 */
char *test_read_file(const char *path, size_t *len);

/* A benchmark cannot go on: "bench: MESSAGE" on stderr, exit 1 (both
 * bench programs, tests/bench.c and tests/bench-speed). */
void bench_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

/*
 * "$top_srcdir/rel" (top_srcdir from the environment, "." when unset or
 * empty), newly allocated.
 */
char *test_srcdir_path(const char *rel);

/*
 * The regular files under dir and its subdirectories (names starting with
 * '.' skipped) whose name contains holds (NULL: every file), sorted by
 * path; *n set.  NULL and 0 when dir cannot be read.  Free each and the
 * array.  Used to walk the real saved pages ($JOBSTATS_DATA/pages).
 */
char **test_list_files(const char *dir, const char *holds, size_t *n);
/*
 * The real saved pages: test_list_files of $JOBSTATS_DATA/pages, or NULL
 * and 0 (saying on stdout that they are skipped) when it is unset or empty.
 */
char **test_real_pages(size_t *n);

/* The boards shipped in $top_srcdir/contrib/boards, loaded once (exits 99,
 * a hard error, when a file there does not parse). */
struct board_set;
const struct board_set *test_shipped_boards(void);
/* The same and the bench's own board (tests/bench-data/boards: the
 * generated listing pages need it), loaded once. */
const struct board_set *test_bench_boards(void);

struct profile_set;
/* The shipped role profiles, from $top_srcdir/contrib/profiles: 0, or -1
 * with *err set (profile_load_dirs). */
int test_load_shipped_profiles(struct profile_set *set, char **err);

void expected_page_init(struct expected_page *e);
void expected_page_release(struct expected_page *e);

/*
 * Parse the text of an expected file into e (initialized by the caller).
 * Returns 0, or -1 with *err set to a message naming the line.  A file
 * whose "postings:" disagrees with the number of posting blocks is an
 * error, so a mistyped expected file cannot pass by accident.
 */
int expected_parse(const char *text, struct expected_page *e, char **err);

/* Read and parse an expected file; -1 with *err set on failure. */
int expected_load(const char *path, struct expected_page *e, char **err);

/* The value of key in posting p, or NULL when the key is not listed. */
const char *expected_get(const struct expected_posting *p, const char *key);

/*
 * Split line (no newline) at tabs into exactly n fields, in place: f[i]
 * points into line.  Returns 0, or -1 when the line has more or fewer.
 */
int test_split_tabs(char *line, char **f, size_t n);

/* Turn "\t", "\n", "\\" in s into tab, newline, backslash, in place (the
 * escapes of tests/data/salary-real.tsv). */
void test_unescape(char *s);

#endif
