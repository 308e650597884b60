/*
 * fuzz.h - what every fuzz target in tests/fuzz/ shares.
 *
 * A target is one LLVMFuzzerTestOneInput(); libFuzzer supplies main() when
 * the compiler can link it (clang), otherwise driver.c does.  A target
 * reports a broken invariant with abort(), so either engine stops and keeps
 * the input.
 */
#ifndef JOBSTATS_FUZZ_H
#define JOBSTATS_FUZZ_H

#include <stddef.h>
#include <stdint.h>

#include "posting.h"
#include "salary.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/*
 * Cut text at its first n - 1 line feeds (each becomes a NUL): lines[i] is
 * line i, NULL when the text has fewer lines.  text may be NULL.
 */
void fuzz_split_lines(char *text, char **lines, size_t n);

/* Run the code under test on one input; always returns 0. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/*
 * Abort unless s is a salary salary_parse() may return, ret being its
 * return value: found means min <= max, finite and not negative, annual
 * figures finite and at most SALARY_ANNUAL_CEILING, currency "" or three
 * capital letters, a known period, rule and provenance set; not found means
 * every field zero.
 */
void fuzz_check_salary(const struct salary *s, int ret);

/* Is c a country code as jobstats stores one: two capital letters? */
int fuzz_is_country(const char *c);
/* Is s NULL or a work arrangement ("remote", "hybrid", "onsite")? */
int fuzz_is_arrangement(const char *s);
/* Is s NULL or a level code ("EN", "MI", "SE", "EX")? */
int fuzz_is_level(const char *s);

/*
 * Abort unless p's typed fields hold only what posting.h allows: a valid
 * salary, country "" or a code, known remote, level and employment type
 * codes (or NULL), posted NULL or YYYY-MM-DD.
 */
void fuzz_check_posting(const struct posting *p);
/* posting_normalize() raw and fuzz_check_posting() the result. */
void fuzz_normalize_and_check(const struct raw_posting *raw);

#endif
