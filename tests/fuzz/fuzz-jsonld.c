/*
 * fuzz-jsonld.c - the JSON-LD extractor alone on any text: as the text of
 * one application/ld+json script (jsonld_extract, as the page scan hands
 * it over), as a document that is itself JSON (jsonld_extract_document),
 * and inside a minimal HTML page through extract_page() with no boards.
 *
 * Invariants: every posting normalizes to values posting.h allows; the
 * document reading finds exactly the postings of the script reading when
 * the text has nothing before its JSON to skip, and warns when it finds
 * none; the page's postings all have titles, and when the text is plain
 * (printable ASCII, no '<', which would end the script) they are the
 * script reading's titled postings, in order; the JSON reader answers as
 * SQLite's JSON functions (its oracle, tests/json-oracle.c) on the text as
 * the extractor reads it.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract-internal.h"
#include "../json-oracle.h"
#include "fuzz.h"
#include "xalloc.h"

#define PAGE_URL "https://fuzz.example.test/job/1"
#define PAGE_HEAD "<!DOCTYPE html><html><head><script type=\"application/ld+json\">"
#define PAGE_TAIL "</script></head><body></body></html>"

static void require(int ok, const char *what)
{
	if (ok)
		return;
	fprintf(stderr, "jsonld invariant broken: %s\n", what);
	abort();
}

static int same_string(const char *a, const char *b)
{
	return a == b || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

static int same_posting(const struct raw_posting *a, const struct raw_posting *b)
{
	return same_string(a->title, b->title) && same_string(a->company, b->company) &&
	       same_string(a->location, b->location) && same_string(a->url, b->url) &&
	       same_string(a->external_id, b->external_id) &&
	       same_string(a->salary_text, b->salary_text) &&
	       same_string(a->description, b->description);
}

static void check_all(const struct extract_result *r)
{
	size_t i;

	for (i = 0; i < r->count; i++)
		fuzz_normalize_and_check(&r->postings[i]);
}

/* Read as a script's text: the extractor alone. */
static void from_script(char *text, struct extract_result *r)
{
	struct page_scan scan = { 0 };

	scan.url = PAGE_URL;
	scan.base = xstrdup(PAGE_URL);
	scan.jsonld = &text;
	scan.njsonld = 1;
	jsonld_extract(&scan, r);
	free(scan.base);
	check_all(r);
}

static void from_document(const uint8_t *data, size_t size, const struct extract_result *script)
{
	struct extract_result doc;
	size_t i;

	extract_result_init(&doc);
	jsonld_extract_document((const char *)data, size, PAGE_URL, &doc);
	check_all(&doc);
	require(doc.count > 0 || doc.nwarnings > 0, "a document with no posting and no warning");
	if (size > 0 && strchr(" \t\r\n\xef", data[0]) == NULL) {
		require(doc.count == script->count, "document and script differ in count");
		for (i = 0; i < doc.count; i++)
			require(same_posting(&doc.postings[i], &script->postings[i]),
				"document and script differ in a posting");
	}
	extract_result_release(&doc);
}

static int plain(const uint8_t *data, size_t size)
{
	size_t i;

	for (i = 0; i < size; i++)
		if ((data[i] < 0x20 && data[i] != '\n' && data[i] != '\t') || data[i] > 0x7e ||
		    data[i] == '<')
			return 0;
	return 1;
}

static void from_page(const uint8_t *data, size_t size, const struct extract_result *script)
{
	struct extract_result page;
	char *html = xasprintf(PAGE_HEAD "%.*s" PAGE_TAIL, (int)size, (const char *)data);
	char *err = NULL;
	size_t i, j = 0;

	extract_result_init(&page);
	require(extract_page(html, strlen(html), PAGE_URL, NULL, &page, &err) == 0,
		"a minimal page not read");
	check_all(&page);
	for (i = 0; i < page.count; i++)
		require(page.postings[i].title != NULL, "a posting with no title");
	if (plain(data, size)) {
		for (i = 0; i < script->count; i++) {
			if (script->postings[i].title == NULL)
				continue;
			require(j < page.count && same_posting(&page.postings[j], &script->postings[i]),
				"page and script differ in a posting");
			j++;
		}
		require(j == page.count, "page has more postings than the script");
	}
	free(err);
	free(html);
	extract_result_release(&page);
}

/* Above this the oracle (SQLite, asked a query per node) is too slow to fuzz with. */
#define ORACLE_MAX_BYTES (16 << 10)

static void reader_is_sqlite(const char *text)
{
	struct buf diff = BUF_INIT;

	if (json_oracle_block(text, "input", &diff) > 0) {
		fprintf(stderr, "%s", buf_str(&diff));
		require(0, "the JSON reader and SQLite differ");
	}
	buf_release(&diff);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = xstrndup((const char *)data, size);
	struct extract_result script;

	extract_result_init(&script);
	if (size < ORACLE_MAX_BYTES)
		reader_is_sqlite(text);
	from_script(text, &script);
	from_document(data, size, &script);
	if (size < 1 << 20)
		from_page(data, size, &script);
	extract_result_release(&script);
	free(text);
	return 0;
}
