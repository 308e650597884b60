/*
 * check_robots.c - robots.txt: which patterns match which paths (the
 * examples of Google's robots.txt documentation and RFC 9309), which group
 * applies to jobstats, which rule wins, crawl delays, and the limits.
 */
#include "config.h"

#include "check-main.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "robots.h"
#include "xalloc.h"

#define NCASES(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* One Disallow pattern, one path: does the pattern match it? */
static const struct {
	const char *pattern;
	const char *path;
	int matches;
} match_cases[] = {
	{ "/", "/", 1 },
	{ "/", "/anything", 1 },
	{ "/*", "/", 1 },
	{ "/*", "/anything", 1 },
	/* Google: a path prefix, case-sensitive, anchored at the start */
	{ "/fish", "/fish", 1 },
	{ "/fish", "/fish.html", 1 },
	{ "/fish", "/fish/salmon.html", 1 },
	{ "/fish", "/fishheads", 1 },
	{ "/fish", "/fishheads/yummy.html", 1 },
	{ "/fish", "/fish.php?id=anything", 1 },
	{ "/fish", "/Fish.asp", 0 },
	{ "/fish", "/catfish", 0 },
	{ "/fish", "/?id=fish", 0 },
	{ "/fish", "/desert/fish", 0 },
	{ "/fish*", "/fish", 1 },
	{ "/fish*", "/fishheads/yummy.html", 1 },
	{ "/fish*", "/catfish", 0 },
	{ "/fish/", "/fish/", 1 },
	{ "/fish/", "/fish/?id=anything", 1 },
	{ "/fish/", "/fish/salmon.htm", 1 },
	{ "/fish/", "/fish", 0 },
	{ "/fish/", "/fish.html", 0 },
	{ "/fish/", "/animals/fish/", 0 },
	{ "/fish/", "/Fish/Salmon.asp", 0 },
	{ "/*.php", "/index.php", 1 },
	{ "/*.php", "/folder/filename.php?parameters", 1 },
	{ "/*.php", "/folder/any.php.file.html", 1 },
	{ "/*.php", "/filename.php/", 1 },
	{ "/*.php", "/", 0 },
	{ "/*.php", "/windows.PHP", 0 },
	{ "/*.php$", "/filename.php", 1 },
	{ "/*.php$", "/folder/filename.php", 1 },
	{ "/*.php$", "/filename.php?parameters", 0 },
	{ "/*.php$", "/filename.php/", 0 },
	{ "/*.php$", "/filename.php5", 0 },
	{ "/*.php$", "/windows.PHP", 0 },
	{ "/fish*.php", "/fish.php", 1 },
	{ "/fish*.php", "/fishheads/catfish.php?parameters", 1 },
	{ "/fish*.php", "/Fish.PHP", 0 },
	{ "/$", "/", 1 },
	{ "/$", "/jobs", 0 },
	{ "/a$b", "/a$b", 1 },		/* '$' is special only at the end */
	{ "/a$b", "/a", 0 },
	{ "*.pdf$", "/files/cv.pdf", 1 },
	{ "/**/x", "/a/x", 1 },
	{ "/a*b*c$", "/abbbcc", 1 },
	{ "/a*b*c$", "/abbbcd", 0 },
	/* job boards' rules on searches */
	{ "/*?*q=", "/jobs?q=data+engineer", 1 },
	{ "/*?*q=", "/jobs?l=Berlin&q=data", 1 },
	{ "/*?*q=", "/jobs", 0 },
	{ "/*?*q=", "/q=", 0 },
	{ "/jobs/search?", "/jobs/search?keywords=data", 1 },
	{ "/jobs/search?", "/jobs/search", 0 },
	{ "/*/apply$", "/jobs/view/123/apply", 1 },
	{ "/*/apply$", "/jobs/view/123/apply?x=1", 0 },
	/* percent-encoding, RFC 9309 2.2.2 and the 1996 draft's table */
	{ "/a%3cd.html", "/a%3Cd.html", 1 },
	{ "/a%3Cd.html", "/a%3cd.html", 1 },
	{ "/a%2fb.html", "/a/b.html", 0 },
	{ "/a/b.html", "/a%2fb.html", 0 },
	{ "/a%2fb.html", "/a%2Fb.html", 1 },
	{ "/%7ejoe/index.html", "/~joe/index.html", 1 },
	{ "/~joe/index.html", "/%7Ejoe/index.html", 1 },
	{ "/foo/bar/%62%61%7A", "/foo/bar/baz", 1 },
	{ "/foo/bar/baz", "/foo/bar/%62%61%7a", 1 },
	{ "/foo/bar/\xE3\x83\x84", "/foo/bar/%E3%83%84", 1 },
	{ "/foo/bar/%e3%83%84", "/foo/bar/\xE3\x83\x84", 1 },
	{ "/foo/bar?baz=https://foo.bar", "/foo/bar?baz=https://foo.bar", 1 },
	/* reserved characters stay encoded: two spellings, as with %2F */
	{ "/foo/bar?baz=https://foo.bar", "/foo/bar?baz=https%3A%2F%2Ffoo.bar", 0 },
	{ "/100%", "/100%", 1 },	/* a bare '%' is itself */
	{ "/100%zz", "/100%ZZ", 0 },
};

START_TEST(test_match)
{
	const char *pattern = match_cases[_i].pattern, *path = match_cases[_i].path;
	char *text = xasprintf("User-agent: *\nDisallow: %s\n", pattern);
	struct robots *r = robots_parse(text, strlen(text), "jobstats");
	int allowed = robots_allowed(r, path);

	ck_assert_msg(allowed == !match_cases[_i].matches, "'%s' on '%s': allowed %d", pattern,
		      path, allowed);
	robots_free(r);
	free(text);
}
END_TEST

/* Whole files: which group, which rule wins. */
static const struct {
	const char *text;
	const char *path;
	int allowed;
} file_cases[] = {
	/* Google's order of precedence */
	{ "user-agent: *\nallow: /p\ndisallow: /\n", "/page", 1 },
	{ "user-agent: *\nallow: /folder\ndisallow: /folder\n", "/folder/page", 1 },
	{ "user-agent: *\ndisallow: /folder\nallow: /folder\n", "/folder/page", 1 },
	{ "user-agent: *\nallow: /page\ndisallow: /*.htm\n", "/page.htm", 0 },
	{ "user-agent: *\nallow: /page\ndisallow: /*.ph\n", "/page.php5", 1 },
	{ "user-agent: *\nallow: /$\ndisallow: /\n", "/", 1 },
	{ "user-agent: *\nallow: /$\ndisallow: /\n", "/page.htm", 0 },
	{ "User-agent: *\nAllow: /\nDisallow: /cgi-bin\n", "/cgi-bin/x", 0 },
	{ "User-agent: *\nAllow: /\nDisallow: /cgi-bin\n", "/jobs", 1 },
	/* a job board's: the front page and job pages, never searches */
	{ "User-agent: *\nAllow: /$\nDisallow: /*?*q=\nDisallow: /jobs\nAllow: /jobs$\n"
	  "Allow: /viewjob?\nCrawl-delay: 10\n", "/", 1 },
	{ "User-agent: *\nAllow: /$\nDisallow: /*?*q=\nDisallow: /jobs\nAllow: /jobs$\n"
	  "Allow: /viewjob?\nCrawl-delay: 10\n", "/jobs", 1 },
	{ "User-agent: *\nAllow: /$\nDisallow: /*?*q=\nDisallow: /jobs\nAllow: /jobs$\n"
	  "Allow: /viewjob?\nCrawl-delay: 10\n", "/jobs?q=data", 0 },
	{ "User-agent: *\nAllow: /$\nDisallow: /*?*q=\nDisallow: /jobs\nAllow: /jobs$\n"
	  "Allow: /viewjob?\nCrawl-delay: 10\n", "/viewjob?jk=4f2a", 1 },
	{ "User-agent: *\nAllow: /$\nDisallow: /*?*q=\nDisallow: /jobs\nAllow: /jobs$\n"
	  "Allow: /viewjob?\nCrawl-delay: 10\n", "/viewjob?jk=4f2a&q=x", 1 },
	/* a site that shuts everyone out but named crawlers */
	{ "User-agent: Googlebot\nAllow: /jobs/view/\nDisallow: /\n\nUser-agent: *\nDisallow: /\n",
	  "/jobs/view/123", 0 },
	/* group choice: ours beats "*", any spelling of our token */
	{ "User-agent: *\nDisallow: /\n\nUser-agent: jobstats\nDisallow: /private\n", "/jobs", 1 },
	{ "User-agent: *\nDisallow: /\n\nUser-agent: jobstats\nDisallow: /private\n", "/private/a", 0 },
	{ "User-agent: *\nDisallow: /\n\nUser-agent: JobStats/1.2\nDisallow: /private\n", "/jobs", 1 },
	{ "USER-AGENT: JOBSTATS\nDISALLOW: /X\n", "/X", 0 },
	{ "USER-AGENT: JOBSTATS\nDISALLOW: /X\n", "/x", 1 },
	{ "User-agent: jobstatsbot\nDisallow: /\n\nUser-agent: *\nAllow: /\n", "/x", 1 },
	{ "User-agent: jobstats-news\nDisallow: /\n", "/x", 1 },
	{ "User-agent: googlebot\nDisallow: /\n", "/", 1 },
	/* groups naming us are merged */
	{ "User-agent: jobstats\nDisallow: /a\n\nUser-agent: googlebot\nDisallow: /c\n\n"
	  "User-agent: jobstats\nDisallow: /b\n", "/b", 0 },
	{ "User-agent: jobstats\nDisallow: /a\n\nUser-agent: googlebot\nDisallow: /c\n\n"
	  "User-agent: jobstats\nDisallow: /b\n", "/a", 0 },
	{ "User-agent: jobstats\nDisallow: /a\n\nUser-agent: googlebot\nDisallow: /c\n\n"
	  "User-agent: jobstats\nDisallow: /b\n", "/c", 1 },
	{ "User-agent: *\nDisallow: /a\n\nUser-agent: *\nDisallow: /b\n", "/b", 0 },
	/* several user-agent lines open one group */
	{ "User-agent: googlebot\nUser-agent: jobstats\nDisallow: /x\n", "/x", 0 },
	{ "User-agent: e\nUser-agent: f\nDisallow: /g\n\nUser-agent: *\nDisallow: /x\n", "/g", 1 },
	{ "User-agent: jobstats\n\nUser-agent: *\nDisallow: /\n", "/", 0 },	/* blank: same group */
	/* a rule ends the user-agent lines: the next one opens a new group */
	{ "User-agent: jobstats\nDisallow: /a\nUser-agent: other\nDisallow: /b\n", "/b", 1 },
	/* ours with nothing in it allows everything, whatever "*" says */
	{ "User-agent: jobstats\nDisallow:\n\nUser-agent: *\nDisallow: /\n", "/x", 1 },
	{ "User-agent: *\nDisallow:\n", "/", 1 },
	/* rules before any user-agent belong to no group */
	{ "Disallow: /\nUser-agent: *\nDisallow: /b\n", "/a", 1 },
	/* sitemap and host lines are no part of a group */
	{ "User-agent: jobstats\nSitemap: https://example.com/s.xml\nUser-agent: other\n"
	  "Disallow: /x\n", "/x", 0 },
	{ "User-agent: *\nHost: example.com\nDisallow: /x\n", "/x", 0 },
	/* line ends, comments, BOM, spacing, a missing colon, misspellings */
	{ "User-agent: *\r\nDisallow: /private\r\n", "/private", 0 },
	{ "User-agent: *\r\nDisallow: /private\r\n", "/public", 1 },
	{ "User-agent: *\rDisallow: /private\r", "/private", 0 },
	{ "User-agent: *\r\n\r\n\rDisallow: /private", "/private", 0 },
	{ "\xEF\xBB\xBFUser-agent: *\nDisallow: /x\n", "/x", 0 },
	{ "# robots.txt for example.com\nUser-agent: * # everyone\nDisallow: /x # not x\n", "/x", 0 },
	{ "User-agent: * # everyone\nDisallow: /x#y\n", "/x", 0 },
	{ "User-agent: *\nDisallow: # nothing\n", "/", 1 },
	{ "  User-agent :\t* \n\tDisallow :   /x  \n", "/x", 0 },
	{ "User-agent *\nDisallow /x\n", "/x", 0 },
	{ "User-agent: *\nDisallow /x y\n", "/x", 1 },
	{ "useragent: *\ndissallow: /x\n", "/x", 0 },
	{ "User agent: jobstats\nDisalow: /x\n", "/x", 0 },
	{ "User-agent: *\nNoindex: /x\n", "/x", 1 },
	{ "User-agent: *\nDisallow: /%E3%83%84\n", "/\xE3\x83\x84", 0 },
	/* robots.txt itself, and paths that are not quite paths */
	{ "User-agent: *\nDisallow: /\n", "/robots.txt", 1 },
	{ "User-agent: *\nDisallow: /\n", "/robots.txtx", 0 },
	{ "User-agent: *\nDisallow: /\n", "", 0 },
	{ "User-agent: *\nDisallow: /a\n", "", 1 },
	/* nothing understood */
	{ "", "/", 1 },
	{ "<html><body>Not Found</body></html>", "/x", 1 },
};

START_TEST(test_file)
{
	const char *text = file_cases[_i].text, *path = file_cases[_i].path;
	struct robots *r = robots_parse(text, strlen(text), "jobstats");
	int allowed = robots_allowed(r, path);
	ck_assert_msg(allowed == file_cases[_i].allowed, "'%s' on '%s': allowed %d", text, path,
		      allowed);
	robots_free(r);
}
END_TEST

/* Crawl-delay of the chosen groups; -1 when none. */
static const struct {
	const char *text;
	double delay;
} delay_cases[] = {
	{ "User-agent: *\nCrawl-delay: 10\n", 10 },
	{ "User-agent: *\ncrawl-delay: 0.5\n", 0.5 },
	{ "User-agent: *\nCrawl-delay: 0\n", 0 },
	{ "User-agent: *\nCrawl-delay: 3600\n", ROBOTS_DELAY_MAX },
	{ "User-agent: *\nCrawl-delay: 1e999\n", -1 },
	{ "User-agent: *\nCrawl-delay: -3\n", -1 },
	{ "User-agent: *\nCrawl-delay: nan\n", -1 },
	{ "User-agent: *\nCrawl-delay: ten\n", -1 },
	{ "User-agent: *\nCrawl-delay:\n", -1 },
	{ "User-agent: *\nCrawl-delay: 5 # seconds\n", 5 },
	{ "User-agent: *\nCrawl-delay: 2\nCrawl-delay: 7\nCrawl-delay: 3\n", 7 },
	{ "User-agent: *\nCrawl-delay: 10\nUser-agent: jobstats\nCrawl-delay: 2\n", 2 },
	{ "User-agent: *\nCrawl-delay: 10\nUser-agent: jobstats\nDisallow: /x\n", -1 },
	{ "User-agent: googlebot\nCrawl-delay: 10\n", -1 },
	{ "Crawl-delay: 10\nUser-agent: *\nDisallow: /x\n", -1 },
	{ "", -1 },
};

START_TEST(test_delay)
{
	const char *text = delay_cases[_i].text;
	struct robots *r = robots_parse(text, strlen(text), "jobstats/0.7 (+https://example.org)");
	double got = robots_crawl_delay(r);

	ck_assert_msg(got == delay_cases[_i].delay, "'%s': %g", text, got);
	robots_free(r);
}
END_TEST

START_TEST(test_fixed)
{
	static const char nul[] = "User-agent: *\nDisallow: /x\0y\nDisallow: /y\n";
	struct robots *all = robots_allow_all(), *none = robots_disallow_all();
	struct robots *r = robots_parse(nul, sizeof(nul) - 1, "jobstats");

	ck_assert_int_eq(robots_allowed(all, "/anything?q=1"), 1);
	ck_assert_int_eq(robots_allowed(none, "/"), 0);
	ck_assert_int_eq(robots_allowed(none, "/jobs/1"), 0);
	ck_assert_int_eq(robots_allowed(none, "/robots.txt"), 1);
	ck_assert_int_eq(robots_allowed(NULL, "/x"), 1);
	ck_assert(robots_crawl_delay(all) == -1);
	ck_assert(robots_crawl_delay(NULL) == -1);
	ck_assert_int_eq(robots_allowed(r, "/x"), 1);	/* "/x%00y" */
	ck_assert_int_eq(robots_allowed(r, "/x\x01y"), 1);
	ck_assert_int_eq(robots_allowed(r, "/y"), 0);	/* read on after a NUL */
	robots_free(r);
	robots_free(all);
	robots_free(none);
	robots_free(NULL);
	robots_free(robots_parse(NULL, 0, NULL));
}
END_TEST

/* What lies past the first 500 KiB is never read. */
static void check_cap(size_t filler, int allowed)
{
	static const char head[] = "User-agent: *\n", tail[] = "Disallow: /\n";
	size_t n = sizeof(head) - 1 + filler + sizeof(tail) - 1;
	char *text = xmalloc(n);
	struct robots *r;

	memcpy(text, head, sizeof(head) - 1);
	memset(text + sizeof(head) - 1, '\n', filler);
	memcpy(text + sizeof(head) - 1 + filler, tail, sizeof(tail) - 1);
	r = robots_parse(text, n, "jobstats");
	ck_assert_msg(robots_allowed(r, "/x") == allowed, "filler %zu", filler);
	robots_free(r);
	free(text);
}

START_TEST(test_size_cap)
{
	check_cap(ROBOTS_MAX_BYTES - 100, 0);
	check_cap(ROBOTS_MAX_BYTES, 1);
}
END_TEST

START_TEST(test_rule_cap)
{
	char *text = xstrdup("User-agent: *\n"), *next, path[32];
	struct robots *r;
	int i;

	for (i = 0; i <= ROBOTS_MAX_RULES; i++) {
		next = xasprintf("%sDisallow: /r%d$\n", text, i);
		free(text);
		text = next;
	}
	r = robots_parse(text, strlen(text), "jobstats");
	snprintf(path, sizeof(path), "/r%d", ROBOTS_MAX_RULES - 1);
	ck_assert_int_eq(robots_allowed(r, "/r0"), 0);
	ck_assert_int_eq(robots_allowed(r, path), 0);
	snprintf(path, sizeof(path), "/r%d", ROBOTS_MAX_RULES);
	ck_assert_int_eq(robots_allowed(r, path), 1);
	robots_free(r);
	free(text);
}
END_TEST

/* Long paths and patterns: a pattern too long to keep is dropped, a long
 * path is matched on its first ROBOTS_PATH_MAX bytes, and a pattern of
 * many stars costs no backtracking (this would not end otherwise). */
START_TEST(test_long)
{
	size_t n = 3 * ROBOTS_PATH_MAX;
	char *path = xmalloc(n + 2), *text, *too_long = xmalloc(n + 2);
	struct robots *r;

	path[0] = '/';
	memset(path + 1, 'a', n);
	path[n + 1] = '\0';
	text = xasprintf("User-agent: *\nDisallow: /*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b\n"
			 "Disallow: /*a*a*a*a*a*a*a*a*a*a*a*a*a*a*c$\nAllow: /aaa\n");
	r = robots_parse(text, strlen(text), "jobstats");
	ck_assert_int_eq(robots_allowed(r, path), 1);
	path[ROBOTS_PATH_MAX - 1] = 'b';
	ck_assert_int_eq(robots_allowed(r, path), 0);
	robots_free(r);
	free(text);
	memcpy(too_long, path, n + 2);
	too_long[0] = '/';
	text = xasprintf("User-agent: *\nDisallow: %s\nDisallow: /aaaa\n", too_long);
	r = robots_parse(text, strlen(text), "jobstats");
	ck_assert_int_eq(robots_allowed(r, "/aaab"), 1);
	ck_assert_int_eq(robots_allowed(r, "/aaaab"), 0);
	ck_assert_int_eq(robots_allowed(r, path), 0);
	robots_free(r);
	free(text);
	free(too_long);
	free(path);
}
END_TEST

/* Random bytes, and random bytes among robots.txt words: any verdict, but
 * no crash, and /robots.txt stays allowed. */
START_TEST(test_garbage)
{
	static const char *const words[] = { "User-agent:", "*", "jobstats", "Allow:", "Disallow:",
					     "/", "$", "%", "%4", "%zz", "\n", "\r", "#", " ",
					     "Crawl-delay:", "\xEF\xBB\xBF", "\xff", "/a*b$" };
	unsigned long seed = 12345;
	char text[2048];
	int round, i;

	for (round = 0; round < 400; round++) {
		size_t n = 0;
		struct robots *r;

		while (n < sizeof(text) - 16) {
			seed = seed * 6364136223846793005UL + 1442695040888963407UL;
			if (round % 2 == 0) {
				text[n++] = (char)(seed >> 33);
			} else {
				const char *w = words[(seed >> 33) % NCASES(words)];

				memcpy(text + n, w, strlen(w));
				n += strlen(w);
			}
		}
		r = robots_parse(text, n, "jobstats");
		ck_assert_int_eq(robots_allowed(r, "/robots.txt"), 1);
		for (i = 0; i < 4; i++) {
			int a = robots_allowed(r, i == 0 ? "/" : i == 1 ? "/a%2Fb" : i == 2 ? "" : "/a*b");

			ck_assert(a == 0 || a == 1);
		}
		robots_free(r);
	}
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("robots");
	TCase *tc = tcase_create("core");

	tcase_add_loop_test(tc, test_match, 0, NCASES(match_cases));
	tcase_add_loop_test(tc, test_file, 0, NCASES(file_cases));
	tcase_add_loop_test(tc, test_delay, 0, NCASES(delay_cases));
	tcase_add_test(tc, test_fixed);
	tcase_add_test(tc, test_size_cap);
	tcase_add_test(tc, test_rule_cap);
	tcase_add_test(tc, test_long);
	tcase_add_test(tc, test_garbage);
	suite_add_tcase(s, tc);
	return s;
}
