/*
 * check_json_read.c - the JSON reader (src/json-read.c) answers as SQLite
 * 3.40's JSON functions did (tests/json-oracle.c): on hand-made tricky
 * texts, on every ld+json block of every real page under
 * $JOBSTATS_DATA/pages (skipped without it) and of the bench corpora, as
 * the page has it, unwrapped and repaired.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <sqlite3.h>

#include "bench-speed.h"
#include "check-main.h"
#include "extract-internal.h"
#include "json-oracle.h"
#include "testutil.h"
#include "xalloc.h"

static const char *const tricky[] = {
	/* validity: blanks, words, numbers */
	"1", " 1 ", "\t\r\n[1]\n", "\f1", "\v1", "1\f", "", "  ", "nullx", "null_", "[null_]",
	"[true,false,null]", "truex", "[-]", "-", "01", "-01", "-0", "0", "-0.0", "0e5", "1.",
	"1.e5", ".5", "-.5", "+1", "1e", "1e+", "1E+5", "1e-5", "1.5e3.2", "1e5e3", "2.5E-3",
	"1e400", "-1e400", "1e-400", "1e308", "1.7976931348623157e308", "4.9e-324", "1e-320",
	"1.0", "100.00", "120000.00", "0.1", "0.30000000000000004", "123456789012345678",
	"9223372036854775807", "9223372036854775808", "-9223372036854775808",
	"-9223372036854775809", "92233720368547758070", "12345678901234567890123",
	"0.1234567890123456789", "3.14159265358979323846264338327950288",
	"1234567890123456789012345678901234567890e-20", "0.000000000000000000000000001234",
	"123456789012345.6789", "999999999999999.5", "0.0000001", "1e21", "1e22", "1e23",
	"[1 2]", "[1,]", "[,1]", "{\"a\":1,}", "{\"a\" 1}", "{1:2}", "{\"a\":}", "{}", "[]",
	"[[]]", "{\"\":{}}", "[", "]", "{", "}", "{\"a\":1}}", "[1]]", "[1] [2]",
	/* strings */
	"\"a\x7f\"", "\"a\x1f\"", "\"tab\there\"", "\"\\x\"", "\"\\u12\"", "\"\\u12g4\"",
	"\"\\ud800\"", "\"\\ud83d\\ude00\"", "\"\\uD83D\\uDE00\"", "\"\\ud83dx\"",
	"\"\\ud83d\\u0041\"", "\"\\ude00\"", "\"\\ud83d\\ud83d\\ude00\"", "\"\\u0000x\"",
	"\"a\\u0000\"", "\"\\u00e9\\u20ac\\u0041\"", "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"",
	"\"\\ud83d\\\"", "\"\\ud83d\\\\ude00\"", "\"\xff\xfe\"", "\"caf\xc3\xa9\"", "\"\\\"",
	"\"abc", "\"\\u00", "[\"\\ud800\\u", "\"&quot;x&amp;\"",
	/* members: duplicates and cases */
	"{\"a\":1,\"a\":2}", "{\"A\":1,\"A\":2}", "{\"a\":1,\"A\":2,\"a\":3}",
	"{\"A\":1,\"a\":2,\"A\":3,\"a\":4}", "{\"TITLE\":\"x\",\"Title\":\"y\",\"title\":\"z\"}",
	"{\"Title\":\"y\",\"tItle\":\"z\"}", "{\"title\":null,\"Title\":\"y\"}",
	"{\"\\u0074itle\":\"esc\",\"title\":\"plain\"}", "{\"t\\u0000x\":1,\"t\":2}",
	"{\"\\u00c9\":1,\"\\u00e9\":2}", "{\"a.b\":{\"x y\":[1,{\"\\u0041\":2}]},\"\":3,\"q\\\"r\":4}",
	"{\"@type\":\"JobPosting\",\"@graph\":[{\"@type\":[\"Thing\",\"JobPosting\"]}]}",
	"{\"a1\":1,\"1a\":2,\"_a\":3,\"a_b\":4,\"\xc3\xa9\":5,\"a-b\":6}",
	"{\"x\":{\"title\":1},\"y\":[{\"title\":2.50},[true,false]],\"z\":\"\\u00e9\"}",
	"{\"value\":{\"minValue\":100000.0,\"maxValue\":1.2e5,\"unitText\":\"YEAR\"}}",
	"{\"a\":[1,2,3,4,5,6,7,8,9,10,11,12],\"b\":{\"c\":{\"d\":{\"e\":[[[{}]]]}}}}",
};

/* Paths the board rules could hold (extract-rules-json.c), on one document. */
static const char path_doc[] =
	"{\"a\":{\"b\":[10,20,{\"c\":3}]},\"\\u0041\":5,\"x.y\":6,\"\":7,\"B\":8,"
	"\"a\":\"dup\",\"arr\":[[1,2],[3]]}";
static const char *const paths[] = {
	"$", "$.a", "$.a.b[1]", "$.a.b[#-1]", "$.a.b[#]", "$.a.b[#-3]", "$.a.b[#-4]", "$.A",
	"$.\"x.y\"", "$.x.y", "$.\"\"", "$.", "$..a", "$.a.b[x]", "$.q.b[x", "$.a[0]",
	"$.a.b[0]x", "$.a.b[0].c", "$.a.b[2].c", "$[0]", "x", "", "$ ", "$.b", "$.B",
	"$.a.b[00001]", "$.a.b[1", "$.\"a", "$.a.\"b\"", "$.arr[0][1]", "$.arr[1][#-1]",
	"$.arr[4294967296]", "$.arr[#-0]", "$.arr[#-]", "$.arr[-1]", "$.\\u0041", "$.a.b[1]]",
	"$.arr[1].x", "$.arr.x", "$[#]",
};

static void expect_same(const char *json, const char *what)
{
	struct buf diff = BUF_INIT;

	if (json_oracle_compare(json, what, &diff) > 0)
		ck_abort_msg("%s", buf_str(&diff));
	buf_release(&diff);
}

START_TEST(test_tricky)
{
	char what[32];

	snprintf(what, sizeof(what), "tricky %d", _i);
	expect_same(tricky[_i], what);
}
END_TEST

START_TEST(test_path)
{
	struct buf diff = BUF_INIT;

	if (json_oracle_path(path_doc, paths[_i], "path table", &diff) > 0)
		ck_abort_msg("%s", buf_str(&diff));
	buf_release(&diff);
}
END_TEST

/* Nesting up to SQLite's limit of 2000 levels and just beyond it. */
START_TEST(test_deep)
{
	static const int depths[] = { 64, 1999, 2000, 2001, 3000 };
	size_t d = (size_t)depths[_i], i;
	char *arr = xmalloc(2 * d + 2), *obj = xmalloc(6 * d + 2);

	for (i = 0; i < d; i++) {
		arr[i] = '[';
		arr[d + 1 + i] = ']';
		memcpy(obj + 5 * i, "{\"a\":", 5);
		obj[5 * d + 1 + i] = '}';
	}
	arr[d] = '1';
	arr[2 * d + 1] = '\0';
	obj[5 * d] = '1';
	obj[6 * d + 1] = '\0';
	expect_same(arr, "deep array");
	expect_same(obj, "deep object");
	free(arr);
	free(obj);
}
END_TEST

/* A block as the page has it, unwrapped and decoded, and repaired. */
static void check_block(const char *text, const char *what)
{
	struct buf diff = BUF_INIT;

	if (json_oracle_block(text, what, &diff) > 0)
		ck_abort_msg("%s", buf_str(&diff));
	buf_release(&diff);
}

static int is_ld_json(xmlNode *n)
{
	xmlChar *type = n->type == XML_ELEMENT_NODE && xmlStrcasecmp(n->name, BAD_CAST "script") == 0 ?
			xmlGetProp(n, BAD_CAST "type") : NULL;
	int yes = type && xmlStrcasecmp(type, BAD_CAST "application/ld+json") == 0;

	xmlFree(type);
	return yes;
}

static size_t check_scripts(xmlNode *n, const char *what)
{
	size_t count = 0;
	xmlChar *text;

	for (; n != NULL; n = n->next) {
		if (is_ld_json(n)) {
			text = xmlNodeGetContent(n);
			check_block(text ? (const char *)text : "", what);
			xmlFree(text);
			count++;
		}
		count += check_scripts(n->children, what);
	}
	return count;
}

/* Every ld+json block of a page (or the page, when it is JSON itself). */
static size_t check_page(const char *html, size_t len, const char *what)
{
	htmlDocPtr doc;
	size_t n;

	if (jsonld_is_document(html, len)) {
		char *text = xstrndup(html, len);

		check_block(text, what);
		free(text);
		return 1;
	}
	doc = htmlReadMemory(html, (int)len, NULL, "UTF-8",
			     HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
	n = doc ? check_scripts(xmlDocGetRootElement(doc), what) : 0;
	xmlFreeDoc(doc);
	return n;
}

START_TEST(test_bench_pages)
{
	static const enum bench_shape shapes[] = { SHAPE_DETAIL_JSONLD, SHAPE_LISTING_JSONLD };
	struct bench_corpus c;
	size_t i, blocks = 0;

	bench_corpus_make(&c, "check", shapes[_i], _i == 0 ? 16 : 2);
	for (i = 0; i < c.n; i++)
		blocks += check_page(c.pages[i].html, c.pages[i].len, c.pages[i].url);
	ck_assert_uint_gt(blocks, 0);
	bench_corpus_release(&c);
}
END_TEST

static char **real_pages;
static size_t nreal;

START_TEST(test_real_page)
{
	size_t len;
	char *html = test_read_file(real_pages[_i], &len);

	ck_assert_ptr_nonnull(html);
	check_page(html, len, real_pages[_i]);
	free(html);
}
END_TEST

/*
 * The edge cases' truth is SQLite 3.40's answers, which the reader keeps:
 * 3.42 added JSON5 and 3.45 rewrote the parser, so another SQLite is no
 * oracle for them (plain JSON, the pages' blocks, reads alike in all).
 */
static int oracle_is_340(void)
{
	int v = sqlite3_libversion_number();

	if (v >= 3040000 && v < 3042000)
		return 1;
	fprintf(stderr, "check_json_read: SQLite %s is not 3.40 or 3.41, the edge cases' oracle: "
		"only the pages' blocks are compared\n", sqlite3_libversion());
	return 0;
}

Suite *test_suite(void)
{
	Suite *s = suite_create("json_read");
	TCase *tc = tcase_create("tricky"), *real;

	if (oracle_is_340()) {
		tcase_add_loop_test(tc, test_tricky, 0, (int)(sizeof(tricky) / sizeof(tricky[0])));
		tcase_add_loop_test(tc, test_path, 0, (int)(sizeof(paths) / sizeof(paths[0])));
		tcase_add_loop_test(tc, test_deep, 0, 5);
	}
	tcase_add_loop_test(tc, test_bench_pages, 0, 2);
	tcase_set_timeout(tc, 120);
	suite_add_tcase(s, tc);
	real_pages = test_real_pages(&nreal);
	if (nreal == 0)
		return s;
	real = tcase_create("real");
	tcase_add_loop_test(real, test_real_page, 0, (int)nreal);
	tcase_set_timeout(real, 300);
	suite_add_tcase(s, real);
	return s;
}
