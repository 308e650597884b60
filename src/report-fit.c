/* report-fit.c - how a role's postings fit each role profile asked about. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "report-internal.h"
#include "xalloc.h"

void report_fit_mark(struct collector *c, const struct sample *s, const char *title,
		     const char *description)
{
	(void)c;
	(void)s;
	(void)title;
	(void)description;
}

void report_fill_fit(struct report *r, const struct collector *c, const struct sample *v,
		     size_t n)
{
	(void)r;
	(void)c;
	(void)v;
	(void)n;
}
