/* check_html.c - html.c's text helpers: a description's text, line by line. */
#include "config.h"

#include "check-main.h"
#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "testutil.h"

#include <libxml/HTMLparser.h>

/* html_fragment_blocks: one line per paragraph, list item or <br>. */
static const struct {
	const char *in, *want;
} blocks[] = {
	{ NULL, NULL },
	{ "", NULL },
	{ "<p> </p><br>", NULL },
	/* plain text keeps its own lines; blanks collapse within them */
	{ "Support the finance team.\nSQL and  Excel required.\n\n",
	  "Support the finance team.\nSQL and Excel required." },
	{ "Spark &amp; Kafka\nat scale", "Spark & Kafka\nat scale" },
	/* in HTML, a newline in the text is a space; blocks make the lines */
	{ "<p>The US base salary range\nfor this position is:</p><div><span>$136,000</span>"
	  "<span>&mdash;</span><span>$203,000 USD</span></div>",
	  "The US base salary range for this position is:\n$136,000\xe2\x80\x94$203,000 USD" },
	{ "<ul><li>401k match</li><li>$50 a month gym</li></ul>Salary<br>$90K",
	  "401k match\n$50 a month gym\nSalary\n$90K" },
	{ "<h2>Pay</h2>&nbsp;<p>\xc2\xa0 \xe2\x82\xac" "60.000 brutto </p>",
	  "Pay\n\xe2\x82\xac" "60.000 brutto" },
	/* escaped twice (a JSON-LD description of HTML-escaped HTML) */
	{ "&lt;p&gt;&lt;span&gt;The range for this role is $170,000-720,000.&lt;/span&gt;&lt;/p&gt;"
	  "&lt;p&gt;Netflix provides benefits&lt;/p&gt;",
	  "The range for this role is $170,000-720,000.\nNetflix provides benefits" },
	/* scripts and styles are not text */
	{ "<p>Pay: $20/hr</p><script>var x = '$99';</script><style>p{}</style>", "Pay: $20/hr" },
	/* '<' before a figure is no tag */
	{ "<5 years of experience", "<5 years of experience" },
};

START_TEST(test_fragment_blocks)
{
	char *got = html_fragment_blocks(blocks[_i].in);

	check_same_str(got, blocks[_i].want, blocks[_i].in ? blocks[_i].in : "(null)");
	free(got);
}
END_TEST

/* text_collapse is unchanged: every blank, newlines too, is one space. */
START_TEST(test_collapse)
{
	char s[] = "  a\n\n b\xc2\xa0\tc  ";

	char t[] = "\xc2\xa0x\xc2\xa9y \x01 z\t\xc2\xa0 ";

	text_collapse(s);
	ck_assert_str_eq(s, "a b c");
	/* a lead byte that is not a no-break space, a control byte: kept */
	text_collapse(t);
	ck_assert_str_eq(t, "x\xc2\xa9y \x01 z");
}
END_TEST

/* The byte-at-a-time definition text_collapse moves runs by. */
static void collapse_bytes(char *s)
{
	char *w = s;
	const char *r;
	int space = 0;

	for (r = s; *r; r++) {
		if ((unsigned char)r[0] == 0xC2 && (unsigned char)r[1] == 0xA0) {
			r++;
			space = w != s;
			continue;
		}
		if (strchr(" \t\n\r\f\v", *r) != NULL) {
			space = w != s;
			continue;
		}
		if (space)
			*w++ = ' ';
		space = 0;
		*w++ = *r;
	}
	*w = '\0';
}

/* Every text of up to 6 bytes from blanks, letters and no-break space halves. */
START_TEST(test_collapse_every_short_text)
{
	static const char bytes[] = " \n\ta\xc2\xa0" "b";
	const size_t nb = sizeof(bytes) - 1;
	size_t len, code, total, i;

	for (len = 0; len <= 6; len++) {
		for (total = 1, i = 0; i < len; i++)
			total *= nb;
		for (code = 0; code < total; code++) {
			char got[8], want[8];
			size_t c = code;

			for (i = 0; i < len; i++, c /= nb)
				got[i] = bytes[c % nb];
			got[len] = '\0';
			memcpy(want, got, len + 1);
			text_collapse(got);
			collapse_bytes(want);
			ck_assert_str_eq(got, want);
		}
	}
}
END_TEST

/* html_text of each element of the page is libxml2's content of it, collapsed. */
static size_t same_text_as_content(xmlNode *n)
{
	size_t count = 0;

	for (; n != NULL; n = n->next) {
		if (n->type == XML_ELEMENT_NODE) {
			xmlChar *c = xmlNodeGetContent(n);
			char *got = html_text(n);

			ck_assert_ptr_nonnull(c);
			text_collapse((char *)c);
			check_same_str(got, *c ? (const char *)c : NULL, (const char *)n->name);
			xmlFree(c);
			free(got);
			count++;
		}
		count += same_text_as_content(n->children);
	}
	return count;
}

static size_t pages_text_as_content(const char *dir)
{
	size_t i, n = 0, count = 0;
	char **files = test_list_files(dir, ".htm", &n);

	for (i = 0; i < n; i++) {
		size_t len;
		char *html = test_read_file(files[i], &len);
		htmlDocPtr doc = html_parse(html, len, NULL, NULL);

		if (doc != NULL)
			count += same_text_as_content(xmlDocGetRootElement(doc));
		xmlFreeDoc(doc);
		free(html);
		free(files[i]);
	}
	free(files);
	return count;
}

/* html_text walks the tree itself: it gives what xmlNodeGetContent gives,
 * on the fixtures and on the real pages (when JOBSTATS_DATA is set). */
START_TEST(test_text_is_content)
{
	static const char page[] =
		"<html><body><div> a <b>b</b><!-- c --><script>d</script>"
		"<p>e&amp;f&nbsp;<i></i></p></div><ul><li>g</li><li></li></ul></body></html>";
	const char *data = getenv("JOBSTATS_DATA");
	char *fixtures = test_srcdir_path("tests/fixtures");
	htmlDocPtr doc = html_parse(page, sizeof(page) - 1, NULL, NULL);

	ck_assert_uint_eq(same_text_as_content(xmlDocGetRootElement(doc)), 10);
	xmlFreeDoc(doc);
	ck_assert_uint_gt(pages_text_as_content(fixtures), 0);
	free(fixtures);
	if (data != NULL) {
		char *pages = malloc(strlen(data) + sizeof("/pages"));

		ck_assert_ptr_nonnull(pages);
		strcpy(pages, data);
		strcat(pages, "/pages");
		ck_assert_uint_gt(pages_text_as_content(pages), 0);
		free(pages);
	}
}
END_TEST

/* A sequence put at each offset of a 40-byte ASCII text, and whether it is valid. */
struct utf8_case {
	const char *seq;
	size_t len;
	int valid;		/* 1 valid, 0 invalid at its offset, 2 a NUL: valid in a prefix only */
};

static const struct utf8_case utf8_cases[] = {
	{ "\xc3\xa9", 2, 1 }, { "\xe2\x82\xac", 3, 1 }, { "\xf0\x9f\x98\x80", 4, 1 },
	{ "\xc3", 1, 0 }, { "\xff", 1, 0 }, { "\x80", 1, 0 }, { "\xe2\x82", 2, 0 },
	{ "\xc0\xaf", 2, 0 }, { "", 1, 2 },
	/* overlong, a surrogate (half of an emoji encoded wrongly), above U+10FFFF */
	{ "\xe0\x80\xaf", 3, 0 }, { "\xed\xa0\xbd", 3, 0 }, { "\xf4\x90\x80\x80", 4, 0 },
	{ "\xf0\x80\x80\xaf", 4, 0 },
	/* the edges that are valid */
	{ "\xe0\xa0\x80", 3, 1 }, { "\xed\x9f\xbf", 3, 1 }, { "\xf4\x8f\xbf\xbf", 4, 1 },
	{ "\xef\xbf\xbd", 3, 1 },
};

/* The ASCII fast path of the UTF-8 check finds a bad byte at any offset. */
START_TEST(test_utf8_prefix)
{
	const struct utf8_case *c = &utf8_cases[_i];
	char text[64];
	size_t at, len;

	for (at = 0; at <= 40; at++) {
		memset(text, 'a', sizeof(text));
		memcpy(text + at, c->seq, c->len);
		len = 40 + c->len;
		ck_assert_uint_eq(utf8_valid_prefix(text, len), c->valid ? len : at);
		ck_assert_int_eq(utf8_valid(text, len), c->valid == 1);
		/* cut inside the sequence: a truncated character is not valid */
		if (c->len > 1 && c->valid == 1)
			ck_assert_uint_eq(utf8_valid_prefix(text, at + 1), at);
	}
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("html");
	TCase *tc = tcase_create("text");

	tcase_set_timeout(tc, 120);
	tcase_add_loop_test(tc, test_fragment_blocks, 0, sizeof(blocks) / sizeof(blocks[0]));
	tcase_add_test(tc, test_collapse);
	tcase_add_test(tc, test_collapse_every_short_text);
	tcase_add_test(tc, test_text_is_content);
	tcase_add_loop_test(tc, test_utf8_prefix, 0, sizeof(utf8_cases) / sizeof(utf8_cases[0]));
	suite_add_tcase(s, tc);
	return s;
}
