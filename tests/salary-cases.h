/*
 * salary-cases.h - shorthands shared by the salary test tables.
 */
#ifndef JOBSTATS_TESTS_SALARY_CASES_H
#define JOBSTATS_TESTS_SALARY_CASES_H

#include <math.h>

#include "salary.h"

#define H PERIOD_HOUR
#define D PERIOD_DAY
#define W PERIOD_WEEK
#define M PERIOD_MONTH
#define Y PERIOD_YEAR
#define U PERIOD_UNKNOWN

/* UTF-8 bytes, spelled out so the source stays ASCII */
#define EURO "\xe2\x82\xac"
#define POUND "\xc2\xa3"
#define RUPEE "\xe2\x82\xb9"
#define YEN "\xc2\xa5"
#define EN_DASH "\xe2\x80\x93"
#define EM_DASH "\xe2\x80\x94"
#define NBSP "\xc2\xa0"

/* Notes */
#define SW SALARY_SWAPPED
#define AS SALARY_CURRENCY_ASSUMED
#define BC SALARY_CURRENCY_BY_COUNTRY

static inline int near(double a, double b)
{
	return fabs(a - b) < 0.005;
}

#endif
