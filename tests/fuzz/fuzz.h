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

#include "salary.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

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

#endif
