/*
 * check-main.h - every Check test program defines test_suite(); the one
 * main() in check-main.c runs it, so no test writes the runner again.
 */
#ifndef JOBSTATS_CHECK_MAIN_H
#define JOBSTATS_CHECK_MAIN_H

#include <check.h>

/* The suite this test program runs. */
Suite *test_suite(void);

/*
 * Fail unless got equals want, where NULL equals only NULL; input names
 * the case in the message.
 */
void check_same_str(const char *got, const char *want, const char *input);

#endif
