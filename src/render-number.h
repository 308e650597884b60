/*
 * render-number.h - how every renderer writes the numbers people read, so a
 * table and a page of the same report show the same figures.
 */
#ifndef JOBSTATS_RENDER_NUMBER_H
#define JOBSTATS_RENDER_NUMBER_H

#include <stddef.h>

/* A whole amount with thousands separators ("136,750") into out, "-" when
 * NaN (a group with no salary). */
void render_amount(char *out, size_t size, double v);

/* part of whole as a whole percentage, rounded half up; 0 when whole is 0. */
unsigned render_percent(size_t part, size_t whole);

#endif
