/*
 * render-internal.h - the table renderer's parts (numbers as people read
 * them are in render-number.h).
 */
#ifndef JOBSTATS_RENDER_INTERNAL_H
#define JOBSTATS_RENDER_INTERNAL_H

#include <stddef.h>

#include "buf.h"
#include "render-number.h"
#include "report.h"


/* The table report's sections after the level table (render-table-parts.c). */
void render_table_splits(struct buf *out, const struct report *r);
void render_table_histogram(struct buf *out, const struct report *r);
void render_table_fit(struct buf *out, const struct report *r);
void render_table_trend(struct buf *out, const struct report *r);

#endif
