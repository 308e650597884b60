/*
 * render-html-internal.h - the parts of the HTML report (render-html.c, the
 * page and its tables; render-html-charts.c, its inline SVG charts).  Each
 * writes one section of the page from the finished report and computes no
 * figure: only where on the page, and how large, a figure is drawn.
 */
#ifndef JOBSTATS_RENDER_HTML_INTERNAL_H
#define JOBSTATS_RENDER_HTML_INTERNAL_H

#include "buf.h"
#include "report.h"

/* Every chart is this wide, in the user units of its viewBox. */
#define CHART_W 720

/* A group's value in words for a reader ("Senior (SE)", "Full-time (FT)");
 * the value itself when it has no words (a country, a company). */
const char *render_html_label(const char *kind, const char *name);

/* A salary as it reads on an axis: "85k", "1.2M", "950". */
void render_html_short_amount(char *out, size_t size, double v);

/* A paragraph saying why a chart is not drawn (what: markup). */
void render_html_empty(struct buf *out, const char *what);
/* Close a chart's <svg> and its <figure>, with a caption (markup). */
void render_html_figure_close(struct buf *out, const char *caption);

/* Each chart in a <figure>, or a paragraph saying why there is none. */
void render_html_boxplots(struct buf *out, const struct report *r);
void render_html_histogram(struct buf *out, const struct report *r);
void render_html_fits(struct buf *out, const struct report *r);
void render_html_trend(struct buf *out, const struct report *r);

#endif
