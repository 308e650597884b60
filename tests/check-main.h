/*
 * check-main.h - every Check test program defines test_suite(); the one
 * main() in check-main.c runs it, so no test writes the runner again.
 */
#ifndef JOBSTATS_CHECK_MAIN_H
#define JOBSTATS_CHECK_MAIN_H

#include <check.h>

/* The suite this test program runs. */
Suite *test_suite(void);

#endif
