#include "config.h"

#include "check-main.h"

/*
 * check_extract_hn - Hacker News "Who is hiring?" threads (extract-hn.c):
 * small hand-written pages shaped like HN's comment table, the ads' first
 * lines taken from the January 2012 thread.  Every expected value was
 * written by reading the ad; NULL means the ad does not say it plainly
 * enough, and the extractor must then say nothing.
 */

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "extract.h"
#include "posting.h"
#include "xalloc.h"

#define THREAD "https://news.ycombinator.com/item?id=3412900"

/* One comment row as HN printed it in 2012: the indent image, the header
 * with the permalink, the text. */
static void add_comment(struct buf *b, int indent, const char *id, const char *head_extra,
			const char *text)
{
	buf_printf(b, "<tr><td><table border=0><tr><td><img src=\"/sslyc/images/s.gif\" "
		   "height=1 width=%d></td><td valign=top><center></center></td>"
		   "<td class=\"default\"><div style=\"margin-top:2px\"><span class=\"comhead\">"
		   "<a href=\"user?id=someone\">someone</a> 368 days ago | "
		   "<a href=\"item?id=%s\">link</a>%s</span></div><br>\n"
		   "<span class=\"comment\"><font color=#000000>%s</font></span><p><font size=1>"
		   "<font color=#f6f6ef>-----</font></font></td></tr></table></td></tr>",
		   indent, id, head_extra, text);
}

static char *page_with(const char *title, int indent, const char *head_extra, const char *text)
{
	struct buf b = BUF_INIT;

	buf_printf(&b, "<html><head><title>%s</title></head><body><center><table>", title);
	add_comment(&b, indent, "42", head_extra, text);
	buf_appends(&b, "</table></center></body></html>");
	return buf_detach(&b);
}

static void extract_text(const char *html, const char *url, struct extract_result *r)
{
	char *err = NULL;

	extract_result_init(r);
	ck_assert_int_eq(extract_page(html, strlen(html), url, NULL, r, &err), 0);
	ck_assert_ptr_null(err);
}

/* An ad as the thread's first page shows it, and what a reader takes from it. */
static const struct ad_case {
	const char *text;
	const char *title, *company, *location, *remote, *type;
} ads[] = {
	{ "MyEnergy - Boston, MA - FULL TIME: VP Eng, Data &amp; Rails Engineers<p>We're building "
	  "the consumer side of the universal energy internet.",
	  "VP Eng", "MyEnergy", "Boston, MA", NULL, "Full Time" },
	{ "Austin, TX - BarZ Adventures.\nSoftware developer, Rails or iPhone.  Android "
	  "experience also welcome.",
	  "Software developer", "BarZ Adventures", "Austin, TX", NULL, NULL },
	{ "San Francisco (REMOTE, H1B, INTERN welcome):<p>Circle (http://circleci.com - "
	  "full-service, hosted, continuous integration): Designers and Engineers",
	  "Designers", "Circle", "San Francisco", "remote", NULL },
	/* company, role and place from the body's sentence */
	{ "Pinterest is hiring engineers and product designers in Palo Alto, CA. "
	  "(http://pinterest.com/about/careers/)<p>We are a very small team.",
	  "engineers", "Pinterest", "Palo Alto, CA", NULL, NULL },
	/* "in our office" is no place name */
	{ "We're hiring engineers in our cozy downtown office.<p>Mail jobs@example.test",
	  "engineers", NULL, NULL, NULL, NULL },
	{ "London:<p>At Mixlr, [http://mixlr.com], we're currently looking to meet developers."
	  "<p>Sorry, but we're not hiring remotely at this time.",
	  "developers", "Mixlr", "London", "onsite", NULL },
	{ "Mountain View - Khan Academy (full-timers and interns welcome year-round)<p>We're "
	  "hiring all types of devs -- mobile, frontend, backend.",
	  "devs", "Khan Academy", "Mountain View", NULL, "Full Time" },
	{ "REMOTE (or onsite in Monroe MI)<p>Senior Linux System Administrator @ MNX Solutions",
	  "Senior Linux System Administrator", "MNX Solutions", NULL, "remote", NULL },
	{ "Chicago, IL (REMOTE AVAILABLE) - Software Engineer - Part Time<p>Viatask is looking "
	  "for engineers #2 and #3.",
	  "Software Engineer", "Viatask", "Chicago, IL", "remote", "Part Time" },
	{ "Vimeo<p>NY, NY\n-----<p>Backend PHP Engineer<p>Vimeo is looking for kick-ass "
	  "server-side engineers.",
	  "Backend PHP Engineer", "Vimeo", "NY, NY", NULL, NULL },
	{ "MigrationWiz, Redmond, WA - Software Engineering Intern<p>We're hiring interns for "
	  "big data projects.",
	  "Software Engineering Intern", "MigrationWiz", "Redmond, WA", NULL, "Internship" },
	/* "remote presence" is the product, not the job's arrangement */
	{ "Palo Alto, CA<p>Suitable Technologies - http://suitabletech.com<p>Suitable "
	  "Technologies is a startup working to create a new product for something called "
	  "\"remote presence.\"<p>We're looking for great engineers, designers, testers.",
	  "engineers", "Suitable Technologies", "Palo Alto, CA", NULL, NULL },
	/* remote "for the right candidate" is remote possible */
	{ "Vancouver, BC, Canada<p>ActiveState Software (http://www.activestate.com/)<p>Multiple "
	  "FULLTIME positions open.  REMOTE possible for the right candidate.<p>   * Cloud "
	  "Software Engineer\n   * DevOps Engineer",
	  "Cloud Software Engineer", "ActiveState Software", "Vancouver, BC, Canada", "remote",
	  "Full Time" },
	/* keywords after a sentence of the head still count; "all full-time
	 * employees" says nothing of this job's hours */
	{ "Bay Area preferred, but remote work is possible for exceptional candidates. "
	  "Full-time only. H1B is okay.<p>For the software engineering position, you would know "
	  "Java.<p>We're hiring a Software Engineer for Palo Alto.",
	  "Software Engineer", NULL, NULL, "remote", "Full Time" },
	{ "San Francisco, CA<p>SeatMe is hiring! We're in search of:<p>  * Web developers (we're "
	  "a Django/jQuery/Backbone shop)<p>We offer equity options for all full-time employees.",
	  "Web developers", "SeatMe", "San Francisco, CA", NULL, NULL },
	/* a list of kinds before one job noun: its first kind */
	{ "Monetate - Conshohocken, PA - (Philadelphia)<p>Full time, No remote.<p>We are "
	  "actively looking for Front End and Backend engineers.",
	  "Front End engineers", "Monetate", "Conshohocken, PA", "onsite", "Full Time" },
	{ "London:<p>Mobile Interactive Group [http://migcan.com] is looking for iOS and Android "
	  "developers to join our growing team.<p>We're not hiring remotely for full-time "
	  "positions, but have some potential remote work for freelancers.",
	  "iOS developers", "Mobile Interactive Group", "London", "onsite", "Full Time" },
	/* "X is a ... startup" names the company when the ad links to X's domain */
	{ "SF/Bay Area, Chicago<p>NowSpots is a venture-backed startup (we've raised an ample "
	  "seed round).  We're looking for clever devs who understand.<p>Ping me at "
	  "brad@nowspots.com if you want to chat.",
	  "devs", "NowSpots", "SF/Bay Area, Chicago", NULL, NULL },
	/* ... and not when the sentence calls X a project */
	{ "Ashburn, VA/Heidelberg, Germany<p>Scientific Software Developer<p>Ilastik "
	  "(http://ilastik.org) is a collaborative open-source project with the aim of providing "
	  "a scalable image analysis platform.",
	  "Scientific Software Developer", NULL, "Ashburn, VA/Heidelberg, Germany", NULL, NULL },
	/* the newer "Company | Location | Role | Remote" convention */
	{ "Acme Robotics | Berlin, Germany | Backend Engineer | REMOTE<p>We build robots.",
	  "Backend Engineer", "Acme Robotics", "Berlin, Germany", "remote", NULL },
};

START_TEST(test_ad)
{
	const struct ad_case *c = &ads[_i];
	char *html = page_with("Ask HN: Who is Hiring? (January 2012) | Hacker News", 0, "",
			       c->text);
	struct extract_result r;
	struct raw_posting *p;

	extract_text(html, THREAD, &r);
	ck_assert_msg(r.count == 1, "%s: %zu postings", c->text, r.count);
	p = &r.postings[0];
	check_same_str(p->title, c->title, c->text);
	check_same_str(p->company, c->company, c->text);
	check_same_str(p->location, c->location, c->text);
	check_same_str(p->remote, c->remote, c->text);
	check_same_str(p->employment_type, c->type, c->text);
	check_same_str(p->url, "https://news.ycombinator.com/item?id=42", c->text);
	check_same_str(p->external_id, "42", c->text);
	check_same_str(p->strategy, "hn", c->text);
	extract_result_release(&r);
	free(html);
}
END_TEST

/* Top-level comments that are not ads a reader could file under a role. */
static const char *const not_ads[] = {
	"Any more hiring in Seattle?",
	"Month after month, the same companies list the same opening here.",
	/* a company and a place, but no role */
	"Twitter. San Francisco and a few other places.<p>Join The Flock - "
	"http://twitter.com/jobs",
	"Mixpanel is hiring. We power analytics for huge destinations.",
	"We're looking for people to grow the ny engineering team.",
	/* two levels of one role, and fields instead of roles */
	"140Fire (YC W2010) is hiring. Looking for junior and senior hackers in Los Angeles.",
	"Denver, CO: iTriage - Improving the healthcare process.<p>HIRING: Frontend UI, Android, "
	"Rails, and Devops",
};

START_TEST(test_not_ad)
{
	char *html = page_with("Ask HN: Who is Hiring? (January 2012) | Hacker News", 0, "",
			       not_ads[_i]);
	struct extract_result r;

	extract_text(html, THREAD, &r);
	ck_assert_msg(r.count == 0, "%s: %zu postings", not_ads[_i], r.count);
	ck_assert_uint_eq(r.nwarnings, 1);	/* "1 top-level ... comment names no role" */
	extract_result_release(&r);
	free(html);
}
END_TEST

static const char AD[] = "Austin, TX - BarZ Adventures.\nSoftware developer, Rails or iPhone.";

/* Replies, dead and deleted comments are never postings. */
START_TEST(test_hidden_and_replies)
{
	static const struct {
		int indent;
		const char *head_extra, *text;
	} cases[] = {
		{ 40, "", AD },
		{ 80, "", AD },
		{ 0, " [dead]", AD },
		{ 0, "", "[deleted]" },
	};
	const char *title = "Ask HN: Who is Hiring? (January 2012) | Hacker News";
	struct extract_result r;
	size_t i;
	char *html;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		html = page_with(title, cases[i].indent, cases[i].head_extra, cases[i].text);
		extract_text(html, THREAD, &r);
		ck_assert_msg(r.count == 0, "case %zu: %zu postings", i, r.count);
		extract_result_release(&r);
		free(html);
	}
}
END_TEST

/* Only hiring threads of HN are read: its own title or its URL says so. */
START_TEST(test_which_pages)
{
	static const struct {
		const char *title, *url;
		size_t postings;
	} cases[] = {
		{ "Ask HN: Who is Hiring? (January 2012) | Hacker News", NULL, 1 },
		{ "Ask HN: Who is hiring? (March 2024) | Hacker News", "file:///tmp/x.html", 1 },
		{ "more comments | Hacker News", THREAD, 1 },
		{ "more comments | Hacker News", NULL, 0 },	/* nothing says HN's host */
		{ "Ask HN: Freelancer? Seeking freelancer? | Hacker News", THREAD, 0 },
		{ "Who is hiring? | Some Other Forum", "https://forum.example.test/t/1", 0 },
	};
	struct extract_result r;
	size_t i;
	char *html;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		html = page_with(cases[i].title, 0, "", AD);
		extract_text(html, cases[i].url, &r);
		ck_assert_msg(r.count == cases[i].postings, "case %zu: %zu postings", i, r.count);
		extract_result_release(&r);
		free(html);
	}
}
END_TEST

/* HN's newer markup: <td class="ind" indent="N">, the permalink in the age
 * span, the text in div.commtext. */
START_TEST(test_newer_markup)
{
	static const char row[] =
		"<tr class=\"athing comtr\" id=\"%s\"><td><table border=\"0\"><tr>"
		"<td class=\"ind\" indent=\"%d\"><img src=\"s.gif\" height=\"1\" width=\"%d\"></td>"
		"<td class=\"default\"><div><span class=\"comhead\"><a href=\"user?id=u\" "
		"class=\"hnuser\">u</a> <span class=\"age\"><a href=\"item?id=%s\">1 hour ago</a>"
		"</span></span></div><div class=\"comment\"><div class=\"commtext c00\">%s</div>"
		"</div></td></tr></table></td></tr>";
	struct buf b = BUF_INIT;
	struct extract_result r;

	buf_appends(&b, "<html><head><title>Ask HN: Who is hiring? (May 2024) | Hacker News"
			"</title></head><body><table class=\"comment-tree\">");
	buf_printf(&b, row, "7001", 0, 0, "7001",
		   "Acme Robotics | Berlin, Germany | Backend Engineer | REMOTE");
	buf_printf(&b, row, "7002", 1, 40, "7002", "Is the role open to juniors?");
	buf_printf(&b, row, "7003", 0, 0, "7003",
		   "Globex | Toronto, ON | Staff Data Engineer | Full-time");
	buf_appends(&b, "</table></body></html>");
	extract_text(buf_str(&b), NULL, &r);
	ck_assert_uint_eq(r.count, 2);
	ck_assert_str_eq(r.postings[0].title, "Backend Engineer");
	ck_assert_str_eq(r.postings[0].external_id, "7001");
	ck_assert_str_eq(r.postings[0].url, "https://news.ycombinator.com/item?id=7001");
	ck_assert_str_eq(r.postings[1].company, "Globex");
	ck_assert_str_eq(r.postings[1].location, "Toronto, ON");
	ck_assert_str_eq(r.postings[1].employment_type, "Full Time");
	extract_result_release(&r);
	buf_release(&b);
}
END_TEST

/* "$50 a month" for the gym and "$17 million" of funding are not pay. */
START_TEST(test_no_pay_from_perks)
{
	char *html = page_with("Ask HN: Who is Hiring? | Hacker News", 0, "",
			       "Santa Monica, CA (Los Angeles area)<p>TRUECar.com - we are looking "
			       "for several talented Java developers.<p>We just raised $17 million."
			       "<p>They also offer gym membership reimbursement ($50 a month), 12 "
			       "holidays, and a healthy 401k.");
	struct extract_result r;
	struct posting p;

	extract_text(html, THREAD, &r);
	ck_assert_uint_eq(r.count, 1);
	check_same_str(r.postings[0].title, "Java developers", "TRUECar");
	check_same_str(r.postings[0].location, "Santa Monica, CA (Los Angeles area)", "TRUECar");
	check_same_str(r.postings[0].salary_text, NULL, "TRUECar");
	posting_normalize(&r.postings[0], &p);
	ck_assert_int_eq(p.salary.found, 0);
	posting_release(&p);
	extract_result_release(&r);
	free(html);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("extract_hn");
	TCase *tc = tcase_create("ads");

	tcase_add_loop_test(tc, test_ad, 0, (int)(sizeof(ads) / sizeof(ads[0])));
	tcase_add_loop_test(tc, test_not_ad, 0, (int)(sizeof(not_ads) / sizeof(not_ads[0])));
	suite_add_tcase(s, tc);
	tc = tcase_create("pages");
	tcase_add_test(tc, test_hidden_and_replies);
	tcase_add_test(tc, test_which_pages);
	tcase_add_test(tc, test_newer_markup);
	tcase_add_test(tc, test_no_pay_from_perks);
	suite_add_tcase(s, tc);
	return s;
}
