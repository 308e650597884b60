/*
 * bench-parse.c - the ceilings of the design, over the same bytes as the
 * extraction rows: libxml2 building a tree (htmlReadMemory), libxml2's
 * tokenizer alone (a SAX pass whose handler is all NULL), and a plain
 * memory scan (memchr for every '<').  Also the runner every row uses.
 */
#include "config.h"

#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>

#include "bench-speed.h"

/* The options of src/html.c, so the tree is the one extraction builds. */
#define TREE_OPTIONS (HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | \
		      HTML_PARSE_NONET | HTML_PARSE_COMPACT)
/* A run lasts at least this long: a fast pass is repeated. */
#define MIN_RUN_SECONDS 0.2

/* Fill r with bench_runs() figures of units per second (after one untimed
 * pass), scaled by scale; keep the step's peak RSS. */
void bench_rate_row(struct bench_row *r, size_t (*pass)(void *), void *arg, double units,
		    double scale)
{
	int i, runs = bench_runs();

	bench_rss_reset();
	pass(arg);
	for (i = 0; i < runs; i++) {
		double start = bench_now(), took;
		long reps = 0;

		do {
			pass(arg);
			reps++;
			took = bench_now() - start;
		} while (took < MIN_RUN_SECONDS);
		bench_row_add(r, units * (double)reps / took * scale);
	}
	r->rss_kb = bench_rss_peak();
}

static size_t tree_pass(void *arg)
{
	const struct bench_corpus *c = arg;
	size_t i, nodes = 0;

	for (i = 0; i < c->n; i++) {
		htmlDocPtr doc = htmlReadMemory(c->pages[i].html, (int)c->pages[i].len,
						c->pages[i].url, "UTF-8", TREE_OPTIONS);

		nodes += doc != NULL;
		xmlFreeDoc(doc);
	}
	return nodes;
}

static size_t sax_pass(void *arg)
{
	const struct bench_corpus *c = arg;
	size_t i, ok = 0;

	for (i = 0; i < c->n; i++) {
		htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(c->pages[i].html,
								     (int)c->pages[i].len);

		if (ctxt == NULL)
			continue;
		/* Every callback NULL: the tokenizer's work and nothing else. */
		memset(ctxt->sax, 0, sizeof(*ctxt->sax));
		xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
		htmlCtxtUseOptions(ctxt, TREE_OPTIONS);
		ok += htmlParseDocument(ctxt) == 0;
		htmlFreeParserCtxt(ctxt);
	}
	return ok;
}

static size_t scan_pass(void *arg)
{
	const struct bench_corpus *c = arg;
	size_t i, tags = 0;

	for (i = 0; i < c->n; i++) {
		const char *p = c->pages[i].html, *end = p + c->pages[i].len;

		while ((p = memchr(p, '<', (size_t)(end - p))) != NULL) {
			tags++;
			p++;
		}
	}
	return tags;
}

static void row(const struct bench_corpus *c, const char *what, size_t (*pass)(void *),
		const char *unit, double scale, const char *detail, struct bench_row *r)
{
	char name[40];

	snprintf(name, sizeof(name), "%s %s", what, c->name);
	bench_row_init(r, name, unit);
	bench_rate_row(r, pass, (void *)c, (double)c->bytes / 1e6, scale);
	snprintf(r->detail, sizeof(r->detail), "%s over %.1f MB, %zu pages", detail,
		 (double)c->bytes / 1e6, c->n);
	bench_row_emit(r);
}

void bench_parse_rows(const struct bench_corpus *c, struct bench_ceiling *out)
{
	struct bench_row r;

	row(c, "tree", tree_pass, "MB/s", 1, "htmlReadMemory (the tree extraction builds)", &r);
	out->tree_mbs = bench_row_median(&r);
	row(c, "sax", sax_pass, "MB/s", 1, "libxml2 HTML SAX, every callback NULL", &r);
	row(c, "memchr", scan_pass, "GB/s", 1e-3, "memchr for each '<'", &r);
}
