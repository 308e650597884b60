/*
 * svg.h - drawing primitives for the charts of an HTML page: inline SVG
 * elements appended to a struct buf, linear scales, axes with round ticks,
 * and paths.  Elements carry a class, never a colour: the page's stylesheet
 * styles them (and restyles them for print).  Text is escaped (htmlw.h).
 * Coordinates are in the user units of the chart's viewBox.
 */
#ifndef JOBSTATS_SVG_H
#define JOBSTATS_SVG_H

#include <stddef.h>

#include "buf.h"

/* A linear map from data values [d0, d1] to user units [u0, u1]. */
struct svg_scale {
	double d0, d1;
	double u0, u1;
};

/* Where v falls; the middle of [u0, u1] when the domain is a single value. */
double svg_at(const struct svg_scale *s, double v);

#define SVG_MAX_TICKS 16

/* Round tick values: multiples of step, step 1, 2 or 5 times a power of ten. */
struct svg_ticks {
	double step;
	double v[SVG_MAX_TICKS];
	size_t n;
};

/*
 * About want (2 to SVG_MAX_TICKS - 1) round ticks covering [lo, hi]: the
 * first at or below lo, the last at or above hi, so a scale from the first
 * to the last holds every value.  lo == hi gives ticks around it.  lo and hi
 * must be finite.
 */
void svg_ticks(double lo, double hi, int want, struct svg_ticks *t);

/* A tick's label, written into out. */
typedef void (*svg_format)(char *out, size_t size, double v);

/*
 * <svg> with a viewBox of width by height, role="img" and an accessible
 * <title> and <desc> (escaped), up to svg_close.  It scales to the width of
 * its container.
 */
void svg_open(struct buf *out, int width, int height, const char *title, const char *desc);
void svg_close(struct buf *out);

void svg_line(struct buf *out, double x1, double y1, double x2, double y2, const char *cls);
void svg_rect(struct buf *out, double x, double y, double w, double h, const char *cls);
void svg_circle(struct buf *out, double x, double y, double r, const char *cls);
/* text (escaped) at x, y; anchor "start", "middle" or "end". */
void svg_text(struct buf *out, double x, double y, const char *anchor, const char *cls,
	      const char *text);

/*
 * A horizontal axis at y for scale x with ticks t, each labelled by fmt,
 * with a grid line from y up to grid_top (none when grid_top == y), and
 * label centred below.
 */
void svg_axis_x(struct buf *out, const struct svg_scale *x, const struct svg_ticks *t,
		double y, double grid_top, svg_format fmt, const char *label);
/*
 * A vertical axis at x for scale y, a grid line from x right to grid_right
 * (none when grid_right == x), label written up the left side.
 */
void svg_axis_y(struct buf *out, const struct svg_scale *y, const struct svg_ticks *t,
		double x, double grid_right, svg_format fmt, const char *label);

/* A path in pieces: points join with lines, a break starts a new piece, so
 * a series with gaps (a period without salaries) is not drawn across them. */
struct svg_path {
	struct buf d;
	int joined;	/* the next point continues the current piece */
};

void svg_path_init(struct svg_path *p);
void svg_path_release(struct svg_path *p);
void svg_path_point(struct svg_path *p, double x, double y);
void svg_path_break(struct svg_path *p);
/* The path, when it has any point, as a <path> of class cls. */
void svg_path_write(struct buf *out, const struct svg_path *p, const char *cls);

#endif
