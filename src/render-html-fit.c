/*
 * render-html-fit.c - the HTML report's profile-fit chart: for each role
 * profile asked about, the share of the role's postings that fit it, the
 * shares asking for its top skills and tools, and the fitting postings'
 * median salary beside the role's.
 */
#include "config.h"

#include <stdio.h>

#include "render-html-internal.h"
#include "render-number.h"
#include "svg.h"
#include "utf8.h"

static void percent_label(char *out, size_t size, double v)
{
	snprintf(out, size, "%.0f%%", v);
}

#define FIT_ROW 22
#define FIT_LEFT 250
#define FIT_LABEL_CHARS 36

/* s cut to at most max characters, with an ellipsis when cut (a long skill
 * name must not run into its bar); out has room for max * 4 + 4 bytes. */
static void clip(char *out, size_t size, const char *s, size_t max)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len, used = 0, chars = 0;
	int valid;

	while (p[used] && chars < max) {
		len = utf8_seq(p + used, &valid);
		used += len;
		chars++;
	}
	snprintf(out, size, "%.*s%s", (int)used, s, p[used] ? "\xE2\x80\xA6" : "");
}

static double share(size_t part, size_t whole)
{
	return whole ? 100.0 * (double)part / (double)whole : 0;
}

static void fit_bar(struct buf *out, const struct svg_scale *x, double y, const char *label,
		    size_t postings, size_t of, const char *cls)
{
	char clipped[FIT_LABEL_CHARS * 4 + 8], value[48];

	clip(clipped, sizeof(clipped), label, FIT_LABEL_CHARS);
	svg_text(out, x->u0 - 8, y + 13, "end", "name", clipped);
	svg_rect(out, x->u0, y + 2, svg_at(x, share(postings, of)) - x->u0, FIT_ROW - 6, cls);
	snprintf(value, sizeof(value), "%zu (%u%%)", postings, render_percent(postings, of));
	svg_text(out, svg_at(x, share(postings, of)) + 5, y + 13, "start", "quiet", value);
}

/* "Median 120,000 (n=30); role 110,000 (n=80)", or what is missing. */
static void fit_medians(struct buf *out, const struct report *r, const struct report_fit *f,
			double y)
{
	char fit[32], all[32], text[160];

	render_amount(fit, sizeof(fit), f->group.salary.median);
	render_amount(all, sizeof(all), r->all.salary.median);
	if (f->group.salary.n == 0)
		snprintf(text, sizeof(text), "Fitting postings: no salaries. Role median %s "
			 "%s (n=%zu).", all, r->currency, r->all.salary.n);
	else
		snprintf(text, sizeof(text), "Median of the fitting postings %s %s (n=%zu); "
			 "of all the role's %s %s (n=%zu).", fit, r->currency, f->group.salary.n,
			 all, r->currency, r->all.salary.n);
	svg_text(out, 8, y + 14, "start", "quiet", text);
}

/* The rows a fit takes: its heading, its bar, its keywords, its medians. */
static size_t fit_rows(const struct report_fit *f)
{
	return 3 + f->ntop;
}

static double one_fit(struct buf *out, const struct report *r, const struct svg_scale *x,
		      const struct report_fit *f, double y)
{
	char head[160];
	size_t k;

	snprintf(head, sizeof(head), "%s (a posting fits at keyword weight %d)", f->group.name,
		 f->threshold);
	svg_text(out, 8, y + 14, "start", "name", head);
	y += FIT_ROW;
	fit_bar(out, x, y, "fits the profile", f->group.postings, r->all.postings, "fit");
	for (y += FIT_ROW, k = 0; k < f->ntop; k++, y += FIT_ROW) {
		char label[FIT_LABEL_CHARS * 4 + 16];

		snprintf(label, sizeof(label), "%s: %s", f->top[k].kind, f->top[k].phrase);
		fit_bar(out, x, y, label, f->top[k].postings, r->all.postings, "keyword");
	}
	fit_medians(out, r, f, y);
	return y + FIT_ROW;
}

void render_html_fits(struct buf *out, const struct report *r)
{
	struct svg_scale x = { 0, 100, FIT_LEFT, CHART_W - 90 };
	struct svg_ticks t;
	double y = 4;
	size_t i, rows = 0;

	if (r->nfits == 0) {
		render_html_empty(out, "No role profile was compared with these postings.");
		return;
	}
	if (r->all.postings == 0) {
		render_html_empty(out, "Profile fit: no postings to chart.");
		return;
	}
	for (i = 0; i < r->nfits; i++)
		rows += fit_rows(&r->fits[i]);
	svg_ticks(0, 100, 6, &t);
	buf_appends(out, "<figure>\n");
	svg_open(out, CHART_W, (int)(4 + rows * FIT_ROW + 50), "Fit to the role profiles",
		 "For each role profile: the share of the role's postings that fit it, the "
		 "share asking for each of its most asked-for skills and tools, and the median "
		 "salary of the fitting postings beside the role's.");
	/* no grid: it would cross the headings; each bar says its share */
	svg_axis_x(out, &x, &t, y + rows * FIT_ROW + 4, y + rows * FIT_ROW + 4, percent_label,
		   "Share of the role's postings (%)");
	for (i = 0; i < r->nfits; i++)
		y = one_fit(out, r, &x, &r->fits[i], y);
	render_html_figure_close(out, "Profile fit: postings that fit each profile, and those asking for "
		     "its top skills and tools, of all the role's postings.");
}
