/*
 * render-internal.h - what the text renderers share: numbers as people
 * read them.
 */
#ifndef JOBSTATS_RENDER_INTERNAL_H
#define JOBSTATS_RENDER_INTERNAL_H

#include <stddef.h>

#include "buf.h"
#include "report.h"

/* A whole amount with thousands separators ("136,750"), "-" when NaN. */
void render_amount(char *out, size_t size, double v);
/* part of whole in whole percent, rounded; 0 when whole is 0. */
unsigned render_percent(size_t part, size_t whole);

/* The table report's sections after the level table (render-table-parts.c). */
void render_table_splits(struct buf *out, const struct report *r);
void render_table_histogram(struct buf *out, const struct report *r);
void render_table_fit(struct buf *out, const struct report *r);
void render_table_trend(struct buf *out, const struct report *r);

#endif
