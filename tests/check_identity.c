/*
 * check_identity.c - what makes two postings one: the canonical URL (on
 * URLs as real boards write them, from the saved pages of
 * ../shared/data/pages), the text compared for identity, the keys, and the
 * linking of one job's postings on several sources.
 */
#include "config.h"

#include "check-main.h"
#include <stdlib.h>
#include <string.h>

#include "identity.h"
#include "xalloc.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const struct {
	const char *url, *want;
} url_cases[] = {
	/* Indeed (indeed/Harineko0__indeed.html): the job key stays, the search,
	 * impression and ad tokens go */
	{ "https://www.indeed.com/rc/clk?jk=0724fe195abde816&from=jasx&tk=1hk9feeirhsm9800&vjs=2",
	  "https://www.indeed.com/rc/clk?jk=0724fe195abde816" },
	{ "https://www.indeed.com/rc/clk?jk=0724fe195abde816&bb=dpEHefDiwGgWlB8pZCuLpJ4Na0xZKg"
	  "r77NYOd47rz_4nF1wjdi-QRcNxNnYLtW2hPU0RRjlTSvgJOqdTAo3-EzK4_QiwkFZKbYNHIoI4bcA%3D&xk"
	  "cb=SoBb67M3FJW2PVg4fD0KbzkdCdPP&fccid=dd616958bd9ddc12&vjs=3",
	  "https://www.indeed.com/rc/clk?jk=0724fe195abde816" },
	{ "https://www.indeed.com/viewjob?jk=0724fe195abde816&from=serp&vjk=0724fe195abde816",
	  "https://www.indeed.com/viewjob?jk=0724fe195abde816" },
	/* in.indeed.com (indeed/Tharun-Techie__indeed_jobs.html), its "//" kept */
	{ "http://in.indeed.com//applystart?jk=0b0b51b1a93b14af&from=jobsearch&mvj=0&jobsearchT"
	  "k=1iakaf52tj6ut87o&spon=0&adid=0&xkcb=SoAE67M36UczfexYc50AbzkdCdPP&vjfrom=vjs&astse="
	  "a34ade5e4dacd883&assa=7985",
	  "http://in.indeed.com//applystart?jk=0b0b51b1a93b14af" },
	/* LinkedIn (linkedin/StaticDocumentSupplier.extracted.html): the path
	 * names the job; position, refId, trackingId and trk go; %-escapes stay */
	{ "https://se.linkedin.com/jobs/view/handl%C3%A4ggare-produktinformation-4001288218?posi"
	  "tion=2&pageNum=0&refId=L%2Banp98AXknT2JLKglJBBw%3D%3D&trackingId=npzCh53RpbJJkWvEDlc4"
	  "5A%3D%3D&trk=public_jobs_jserp-result_search-card",
	  "https://se.linkedin.com/jobs/view/handl%C3%A4ggare-produktinformation-4001288218" },
	/* a careers site's share link (paloalto/): utm_* go, in any case */
	{ "https://jobs.paloaltonetworks.com/en/job/santa-clara/senior-ui-software-engineer-cort"
	  "ex/47263/88366836256?utm_source=linkedin.com&utm_medium=social_post&UTM_Campaign=x",
	  "https://jobs.paloaltonetworks.com/en/job/santa-clara/senior-ui-software-engineer-cort"
	  "ex/47263/88366836256" },
	/* click ids go, other parameters stay in their order */
	{ "https://boards.example.com/job?id=7&gclid=abc&lang=de&fbclid=x&msclkid=y",
	  "https://boards.example.com/job?id=7&lang=de" },
	{ "https://boards.example.com/job?fbclid=x&id=7", "https://boards.example.com/job?id=7" },
	/* scheme and host lower-cased, path kept; default port and fragment go */
	{ "HTTPS://Jobs.Example.COM:443/Careers/Job-42#apply",
	  "https://jobs.example.com/Careers/Job-42" },
	{ "http://jobs.example.com:80/a?b=1#c", "http://jobs.example.com/a?b=1" },
	{ "http://jobs.example.com:8080/a", "http://jobs.example.com:8080/a" },
	{ "https://jobs.example.com:80/a", "https://jobs.example.com:80/a" },
	{ "https://jobs.example.com", "https://jobs.example.com/" },
	{ "https://jobs.example.com?utm_source=x", "https://jobs.example.com/" },
	{ "https://user@Jobs.Example.com/x", "https://user@jobs.example.com/x" },
	{ "http://[2001:DB8::1]:80/x", "http://[2001:db8::1]/x" },
	/* empty parameters go; a name alone stays */
	{ "https://x.example/j?&a&&b=&utm_x", "https://x.example/j?a&b=" },
	/* only whole names: "fromage" and "trkx" are not tracking */
	{ "https://x.example/j?fromage=1&trkx=2", "https://x.example/j?fromage=1&trkx=2" },
	/* file URLs (local boards) and what is no URL stay as they are */
	{ "file:///srv/board/jobs/1009.html#top", "file:///srv/board/jobs/1009.html" },
	{ "jobs/1009.html?utm_source=x", "jobs/1009.html?utm_source=x" },
	{ "", NULL }, { NULL, NULL },
};

START_TEST(test_url_canonical)
{
	char *got = url_canonical(url_cases[_i].url), *again;

	if (url_cases[_i].want == NULL) {
		ck_assert_ptr_null(got);
		return;
	}
	ck_assert_msg(got != NULL && strcmp(got, url_cases[_i].want) == 0, "%s: '%s', expected '%s'",
		      url_cases[_i].url, got ? got : "(null)", url_cases[_i].want);
	again = url_canonical(got);	/* idempotent */
	ck_assert_str_eq(again, got);
	free(again);
	free(got);
}
END_TEST

static const struct {
	const char *text;
	int company;
	const char *want;
} text_cases[] = {
	{ "Senior  Data Engineer", 0, "senior data engineer" },
	{ "Sr. Data-Engineer (Remote)", 0, "sr data engineer remote" },
	{ "  DATA ENGINEER / ML  ", 0, "data engineer ml" },
	{ "O'Brien Data", 0, "obrien data" },
	{ "Z\xc3\xbcrich, CH", 0, "z\xc3\xbcrich ch" },
	{ "Acme, Inc.", 1, "acme" },
	{ "ACME INC", 1, "acme" },
	{ "Acme LLC", 1, "acme" },
	{ "Lakeside Bank Ltd", 1, "lakeside bank" },
	{ "Murmuration GmbH", 1, "murmuration" },
	{ "Globex S.A.", 1, "globex" },
	{ "Initech Pty. Ltd.", 1, "initech" },
	{ "Acme Inc.", 0, "acme inc" },		/* not a company: words kept */
	{ "Company", 1, "company" },		/* nothing else left: kept */
	{ "The Inc Company", 1, "the" },
	{ "Incite Labs", 1, "incite labs" },
	{ "", 1, "" }, { NULL, 0, "" },
};

START_TEST(test_identity_text)
{
	char *got = identity_text(text_cases[_i].text, text_cases[_i].company);

	ck_assert_msg(strcmp(got, text_cases[_i].want) == 0, "'%s': '%s', expected '%s'",
		      text_cases[_i].text ? text_cases[_i].text : "(null)", got, text_cases[_i].want);
	free(got);
}
END_TEST

static char *key_of(const char *id, const char *url, const char *title, const char *company,
		    const char *location, const char *salary)
{
	struct posting p;

	posting_init(&p);
	p.external_id = (char *)id;
	p.url = (char *)url;
	p.title = (char *)title;
	p.company = (char *)company;
	p.location = (char *)location;
	p.salary_text = (char *)salary;
	return identity_key(&p);	/* p borrows: not released */
}

static void assert_key(char *got, const char *want)
{
	ck_assert_str_eq(got, want);
	free(got);
}

START_TEST(test_identity_key)
{
	assert_key(key_of("1001", "https://x.example/j/1?utm_source=a", "T", NULL, NULL, NULL),
		   "id:1001");
	assert_key(key_of(NULL, "https://X.example/j/1?utm_source=a", "T", NULL, NULL, NULL),
		   "url:https://x.example/j/1");
	assert_key(key_of("", "https://x.example/j/1", "T", NULL, NULL, NULL),
		   "url:https://x.example/j/1");
	assert_key(key_of(NULL, NULL, "Data  Engineer", "Acme, Inc.", "Remote (US)", "USD 100K - 130K"),
		   "card:data engineer|acme|remote us|usd 100k 130k");
	assert_key(key_of(NULL, "", "Data Engineer", NULL, NULL, NULL), "card:data engineer|||");
}
END_TEST

START_TEST(test_match_key)
{
	char *k;

	k = identity_match_key("Senior Data Engineer", "Acme, Inc.", "Berlin, Germany");
	ck_assert_str_eq(k, "senior data engineer|acme|berlin germany");
	free(k);
	k = identity_match_key("senior data-engineer", "ACME GmbH", " Berlin  Germany");
	ck_assert_str_eq(k, "senior data engineer|acme|berlin germany");
	free(k);
	k = identity_match_key("Data Engineer", "Acme", NULL);
	ck_assert_str_eq(k, "data engineer|acme|");
	free(k);
	/* no company (the aijobs index), or no title: never matched */
	ck_assert_ptr_null(identity_match_key("Data Engineer", NULL, "US"));
	ck_assert_ptr_null(identity_match_key("Data Engineer", " - ", "US"));
	ck_assert_ptr_null(identity_match_key(NULL, "Acme", "US"));
}
END_TEST

/* identity_link on a group given as source letters and days. */
static void assert_links(const char *sources, const long *days, const char *want)
{
	struct identity_item v[16];
	long long dup_of[16];
	char got[64];
	size_t n = strlen(sources), i;

	memset(v, 0, sizeof(v));
	for (i = 0; i < n; i++) {
		v[i].id = (long long)i + 1;
		v[i].source = sources[i];
		v[i].day = days[i];
	}
	identity_link(v, n, dup_of);
	for (i = 0; i < n; i++)
		got[i] = dup_of[i] ? (char)('0' + dup_of[i]) : '-';
	got[n] = '\0';
	ck_assert_msg(strcmp(got, want) == 0, "%s: '%s', expected '%s'", sources, got, want);
}

START_TEST(test_link)
{
	static const long same[] = { 0, 0, 0, 0, 0, 0 };
	static const long spread[] = { 0, 14, 15, 29 };
	static const long late[] = { 0, 5, 20 };

	/* the second board's posting duplicates the first's */
	assert_links("ab", same, "-1");
	/* one board twice: two openings, never linked to each other */
	assert_links("aa", same, "--");
	/* each of b's two openings takes one of a's; a third b stands alone */
	assert_links("aabbb", same, "--12-");
	/* three boards: all count as the first */
	assert_links("abc", same, "-11");
	/* at most 14 days apart: day 14 links, day 15 does not (to day 0) */
	assert_links("abab", spread, "-1-3");
	/* the window is from the posting linked to */
	assert_links("abb", late, "-1-");
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("identity");
	TCase *tc = tcase_create("identity");

	tcase_add_loop_test(tc, test_url_canonical, 0, COUNT(url_cases));
	tcase_add_loop_test(tc, test_identity_text, 0, COUNT(text_cases));
	tcase_add_test(tc, test_identity_key);
	tcase_add_test(tc, test_match_key);
	tcase_add_test(tc, test_link);
	suite_add_tcase(s, tc);
	return s;
}
