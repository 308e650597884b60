/* check_html.c - html.c's text helpers: a description's text, line by line. */
#include "config.h"

#include "check-main.h"
#include <stdlib.h>

#include "html.h"

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

	text_collapse(s);
	ck_assert_str_eq(s, "a b c");
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("html");
	TCase *tc = tcase_create("text");

	tcase_add_loop_test(tc, test_fragment_blocks, 0, sizeof(blocks) / sizeof(blocks[0]));
	tcase_add_test(tc, test_collapse);
	suite_add_tcase(s, tc);
	return s;
}
