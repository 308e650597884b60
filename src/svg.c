/* svg.c - SVG elements, scales, axes and paths into a buffer (svg.h). */
#include "config.h"

#include <math.h>
#include <stdio.h>

#include "htmlw.h"
#include "svg.h"

double svg_at(const struct svg_scale *s, double v)
{
	if (s->d1 == s->d0)
		return (s->u0 + s->u1) / 2;
	return s->u0 + (v - s->d0) * (s->u1 - s->u0) / (s->d1 - s->d0);
}

/* The round step (1, 2 or 5 times a power of ten) nearest above raw. */
static double round_step(double raw)
{
	static const double mult[] = { 1, 2, 5, 10 };
	double p = pow(10, floor(log10(raw)));
	size_t i;

	for (i = 0; i < sizeof(mult) / sizeof(mult[0]); i++)
		if (mult[i] * p >= raw * (1 - 1e-9))
			return mult[i] * p;
	return 10 * p;
}

void svg_ticks(double lo, double hi, int want, struct svg_ticks *t)
{
	double first, last, span;

	if (want < 2)
		want = 2;
	if (want > SVG_MAX_TICKS - 1)
		want = SVG_MAX_TICKS - 1;
	span = hi - lo;
	if (span <= 0)	/* one value: a unit around it, of its own size */
		span = fabs(lo) > 0 ? fabs(lo) : 1;
	t->step = round_step(span / (want - 1));
	for (;;) {
		/* a value on a tick (0.3 / 0.1 is 2.9999...) stays on it */
		first = floor(lo / t->step + 1e-9) * t->step;
		last = ceil(hi / t->step - 1e-9) * t->step;
		if (last == first)
			last = first + t->step;
		if ((last - first) / t->step < SVG_MAX_TICKS - 0.5)
			break;
		t->step = round_step(t->step * 1.5);	/* rounding made too many */
	}
	for (t->n = 0; t->n < SVG_MAX_TICKS && first + t->n * t->step <= last + t->step / 2;
	     t->n++)
		t->v[t->n] = first + t->n * t->step;
}

void svg_open(struct buf *out, int width, int height, const char *title, const char *desc)
{
	buf_printf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" "
		   "width=\"100%%\" role=\"img\" class=\"chart\"><title>", width, height);
	htmlw_text(out, title);
	buf_appends(out, "</title><desc>");
	htmlw_text(out, desc);
	buf_appends(out, "</desc>\n");
}

void svg_close(struct buf *out)
{
	buf_appends(out, "</svg>\n");
}

void svg_line(struct buf *out, double x1, double y1, double x2, double y2, const char *cls)
{
	buf_printf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"%s\"/>\n",
		   x1, y1, x2, y2, cls);
}

void svg_rect(struct buf *out, double x, double y, double w, double h, const char *cls)
{
	buf_printf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
		   "class=\"%s\"/>\n", x, y, w > 0 ? w : 0, h > 0 ? h : 0, cls);
}

void svg_circle(struct buf *out, double x, double y, double r, const char *cls)
{
	buf_printf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" class=\"%s\"/>\n", x, y, r,
		   cls);
}

void svg_text(struct buf *out, double x, double y, const char *anchor, const char *cls,
	      const char *text)
{
	buf_printf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" class=\"%s\">", x, y,
		   anchor, cls);
	htmlw_text(out, text);
	buf_appends(out, "</text>\n");
}

void svg_axis_x(struct buf *out, const struct svg_scale *x, const struct svg_ticks *t,
		double y, double grid_top, svg_format fmt, const char *label)
{
	char cell[32];
	double at;
	size_t i;

	svg_line(out, x->u0, y, x->u1, y, "axis");
	for (i = 0; i < t->n; i++) {
		at = svg_at(x, t->v[i]);
		if (grid_top != y)
			svg_line(out, at, grid_top, at, y, "grid");
		svg_line(out, at, y, at, y + 4, "axis");
		fmt(cell, sizeof(cell), t->v[i]);
		svg_text(out, at, y + 16, "middle", "tick", cell);
	}
	svg_text(out, (x->u0 + x->u1) / 2, y + 34, "middle", "label", label);
}

void svg_axis_y(struct buf *out, const struct svg_scale *y, const struct svg_ticks *t,
		double x, double grid_right, svg_format fmt, const char *label)
{
	char cell[32];
	double at, mid = (y->u0 + y->u1) / 2;
	size_t i;

	svg_line(out, x, y->u0, x, y->u1, "axis");
	for (i = 0; i < t->n; i++) {
		at = svg_at(y, t->v[i]);
		if (grid_right != x)
			svg_line(out, x, at, grid_right, at, "grid");
		svg_line(out, x - 4, at, x, at, "axis");
		fmt(cell, sizeof(cell), t->v[i]);
		svg_text(out, x - 7, at + 4, "end", "tick", cell);
	}
	buf_printf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" class=\"label\" "
		   "transform=\"rotate(-90 %.1f %.1f)\">", x - 48, mid, x - 48, mid);
	htmlw_text(out, label);
	buf_appends(out, "</text>\n");
}

void svg_path_init(struct svg_path *p)
{
	buf_init(&p->d);
	p->joined = 0;
}

void svg_path_release(struct svg_path *p)
{
	buf_release(&p->d);
}

void svg_path_point(struct svg_path *p, double x, double y)
{
	buf_printf(&p->d, "%s%c%.1f %.1f", p->d.len ? " " : "", p->joined ? 'L' : 'M', x, y);
	p->joined = 1;
}

void svg_path_break(struct svg_path *p)
{
	p->joined = 0;
}

void svg_path_write(struct buf *out, const struct svg_path *p, const char *cls)
{
	if (p->d.len == 0)
		return;
	buf_printf(out, "<path d=\"%s\" class=\"%s\"/>\n", buf_str(&p->d), cls);
}
