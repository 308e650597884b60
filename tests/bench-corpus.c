/*
 * bench-corpus.c - the deterministic corpus of tests/bench-speed: listing
 * pages shaped like real boards (a header and footer of navigation,
 * inline scripts and styles, 50 job cards of 3-5 KB), either with one
 * JSON-LD JobPosting per card or without (board rules read the cards,
 * tests/bench-data/boards/bench.rules), and one posting's detail pages.
 * The same page numbers give the same bytes on every machine.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "bench-speed.h"
#include "buf.h"
#include "testutil.h"
#include "xalloc.h"

const char *const bench_role_names[BENCH_ROLES] = {
	"Data Engineer", "Software Engineer", "Data Scientist", "Product Manager",
	"DevOps Engineer", "Frontend Developer", "Backend Developer", "QA Engineer",
	"Machine Learning Engineer", "Security Engineer", "Data Analyst", "Site Reliability Engineer",
	"Mobile Developer", "Solutions Architect", "Technical Writer", "UX Designer",
	"Database Administrator", "Network Engineer", "Embedded Engineer", "Cloud Architect",
};

static const char *const level_words[BENCH_LEVELS] = { "Junior", "", "Senior", "Principal" };
static const char *const companies[] = {
	"Acme Analytics", "Globex", "Initech", "Umbrella Data", "Hooli", "Vandelay Industries",
	"Stark Systems", "Wayne Digital", "Tyrell Labs", "Cyberdyne", "Soylent Cloud", "Aperture",
};
static const char *const places[] = {
	"London, UK", "Berlin, Germany", "Remote (US)", "New York, NY", "Austin, TX",
	"Paris, France", "Amsterdam, Netherlands", "Toronto, ON", "Manchester, UK", "Dublin, Ireland",
};
static const char *const types[] = { "Full-time", "Contract", "Part-time" };

/* A small fixed PRNG (the C library's differs between machines). */
static unsigned long mix(unsigned long x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdUL;
	x ^= x >> 33;
	x *= 0xc4ceb3fe1a85ec53UL;
	x ^= x >> 33;
	return x;
}

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

void bench_job(unsigned long n, struct bench_job *j)
{
	unsigned long r = mix(n + 1);
	long base;

	memset(j, 0, sizeof(*j));
	j->id = 1000000 + (long)n;
	j->role = (int)(r % BENCH_ROLES);
	j->level = (int)((r >> 8) % BENCH_LEVELS);
	j->level_word = level_words[j->level];
	snprintf(j->title, sizeof(j->title), "%s%s%s", j->level_word, *j->level_word ? " " : "",
		 bench_role_names[j->role]);
	snprintf(j->company, sizeof(j->company), "%s", companies[(r >> 16) % NELEM(companies)]);
	snprintf(j->location, sizeof(j->location), "%s", places[(r >> 24) % NELEM(places)]);
	j->type = types[(r >> 32) % NELEM(types)];
	base = 50000 + 20000 * j->level + (long)((r >> 36) % 40) * 1000;
	j->pay_min = base;
	j->pay_max = base + 10000 + (long)((r >> 44) % 20) * 1000;
	snprintf(j->salary, sizeof(j->salary), "$%ld,%03ld - $%ld,%03ld a year", j->pay_min / 1000,
		 j->pay_min % 1000, j->pay_max / 1000, j->pay_max % 1000);
	snprintf(j->posted, sizeof(j->posted), "2026-%02lu-%02lu", 1 + (r >> 50) % 11,
		 1 + (r >> 54) % 28);
}

static const char *const sentences[] = {
	"You will design, build and run the pipelines that feed our analytics platform.",
	"We value clear writing, careful reviews and shipping small changes often.",
	"Experience with SQL, Python and a cloud provider is expected; Go is a plus.",
	"Our team of 12 works across three time zones and meets in person twice a year.",
	"Benefits include 25 days of holiday, a learning budget and a pension plan.",
	"You will mentor colleagues, own services end to end and take part in on-call.",
	"We are an equal opportunity employer and welcome applicants from every background.",
	"The role reports to the head of engineering and works closely with product.",
};

/* About len bytes of sentences, different for each seed, two to a
 * paragraph: HTML ones, or JSON string content (the sentences hold no
 * quote or backslash). */
static void sentences_of(struct buf *b, unsigned long seed, size_t len, int html)
{
	size_t start = b->len, k = 0;

	while (b->len - start < len) {
		unsigned long r = mix(seed * 131 + k++);

		buf_printf(b, html ? "<p>%s %s</p>" : "%s %s\\n", sentences[r % NELEM(sentences)],
			   sentences[(r >> 8) % NELEM(sentences)]);
	}
}

static void description(struct buf *b, unsigned long seed, size_t len)
{
	sentences_of(b, seed, len, 1);
}

static void description_text(struct buf *b, unsigned long seed, size_t len)
{
	sentences_of(b, seed, len, 0);
}

/* Navigation, styles and a minified-looking script: what every page repeats. */
static void page_head(struct buf *b, const char *title, unsigned long seed)
{
	int i;

	buf_printf(b, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
		   "<title>%s | Bench Jobs</title>\n<style>", title);
	for (i = 0; i < 60; i++)
		buf_printf(b, ".c%d{margin:%dpx;padding:0 %dpx;color:#%06x}", i, i % 7, i % 5,
			   (unsigned)(mix(seed + (unsigned long)i) & 0xffffff));
	buf_appends(b, "</style>\n<script>");
	for (i = 0; i < 120; i++)
		buf_printf(b, "var a%d=function(e){return e&&e.length>%d?e.slice(0,%d)+\"<\\/b>\":e};",
			   i, i, i);
	buf_appends(b, "</script></head>\n<body><header><nav><ul>");
	for (i = 0; i < 40; i++)
		buf_printf(b, "<li class=\"nav-item\"><a href=\"/browse/%d\">Category %d</a></li>", i,
			   i);
	buf_appends(b, "</ul></nav></header>\n");
}

static void page_foot(struct buf *b)
{
	int i;

	buf_appends(b, "<footer><div class=\"links\">");
	for (i = 0; i < 60; i++)
		buf_printf(b, "<a class=\"foot\" href=\"/jobs/in/city-%d\">Jobs in city %d</a> ", i, i);
	buf_appends(b, "</div><p>&copy; 2026 Bench Jobs</p></footer>\n<script>window.__STATE__={");
	for (i = 0; i < 200; i++)
		buf_printf(b, "\"k%d\":[%d,%d,\"v%d\"],", i, i, i * 7, i);
	buf_appends(b, "\"end\":1};</script></body></html>\n");
}

static void card(struct buf *b, const struct bench_job *j, unsigned long n)
{
	buf_printf(b, "<article class=\"job-card c%lu\" data-job-id=\"%ld\">"
		   "<h2 class=\"job-title\"><a href=\"/job/%ld\">%s</a></h2>"
		   "<div class=\"meta\"><span class=\"company\">%s</span>"
		   "<span class=\"location\">%s</span><span class=\"salary\">%s</span>"
		   "<span class=\"type\">%s</span><time datetime=\"%s\">%s</time></div>"
		   "<div class=\"description\">", n % 60, j->id, j->id, j->title, j->company,
		   j->location, j->salary, j->type, j->posted, j->posted);
	description(b, n, 2200 + n % 1500);
	buf_appends(b, "</div><div class=\"actions\"><button class=\"save\">Save</button>"
		    "<a class=\"apply\" href=\"/apply\">Apply</a></div></article>\n");
}

static void jsonld(struct buf *b, const struct bench_job *j, unsigned long n, size_t len)
{
	buf_printf(b, "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
		   "\"@type\":\"JobPosting\",\"title\":\"%s\",\"identifier\":{\"@type\":"
		   "\"PropertyValue\",\"value\":\"%ld\"},\"datePosted\":\"%s\","
		   "\"employmentType\":\"%s\",\"url\":\"https://jobs.bench.example/job/%ld\","
		   "\"hiringOrganization\":{\"@type\":\"Organization\",\"name\":\"%s\"},"
		   "\"jobLocation\":{\"@type\":\"Place\",\"address\":{\"@type\":\"PostalAddress\","
		   "\"addressLocality\":\"%s\"}},\"baseSalary\":{\"@type\":\"MonetaryAmount\","
		   "\"currency\":\"USD\",\"value\":{\"@type\":\"QuantitativeValue\",\"minValue\":%ld,"
		   "\"maxValue\":%ld,\"unitText\":\"YEAR\"}},\"description\":\"",
		   j->title, j->id, j->posted, strcmp(j->type, "Full-time") == 0 ? "FULL_TIME" :
		   strcmp(j->type, "Contract") == 0 ? "CONTRACTOR" : "PART_TIME", j->id, j->company,
		   j->location, j->pay_min, j->pay_max);
	description_text(b, n, len);
	buf_appends(b, "\"}</script>\n");
}

static void listing(struct buf *b, size_t page, int with_jsonld)
{
	struct bench_job j;
	unsigned long n0 = (unsigned long)page * BENCH_CARDS_PER_PAGE, n;

	page_head(b, "Search results", page);
	buf_printf(b, "<main><h1>Jobs, page %zu</h1><div id=\"results\">\n", page + 1);
	for (n = n0; n < n0 + BENCH_CARDS_PER_PAGE; n++) {
		bench_job(n, &j);
		card(b, &j, n);
		if (with_jsonld)
			jsonld(b, &j, n, 900 + n % 600);
	}
	buf_printf(b, "</div><a class=\"next\" href=\"/search?page=%zu\">Next</a></main>\n",
		   page + 2);
	page_foot(b);
}

/* A job's own page: the page furniture, the job shown, its JSON-LD. */
static void detail(struct buf *b, size_t page)
{
	struct bench_job j;

	bench_job(page, &j);
	page_head(b, j.title, page);
	buf_printf(b, "<main><h1>%s</h1><p class=\"company\">%s</p><div class=\"description\">",
		   j.title, j.company);
	description(b, page, 5000);
	buf_appends(b, "</div></main>\n");
	jsonld(b, &j, page, 5000);
	page_foot(b);
}

void bench_corpus_make(struct bench_corpus *c, const char *name, enum bench_shape shape,
		       size_t npages)
{
	size_t i;

	memset(c, 0, sizeof(*c));
	c->name = name;
	c->pages = xcalloc(npages ? npages : 1, sizeof(*c->pages));
	for (i = 0; i < npages; i++) {
		struct buf b = BUF_INIT;
		struct bench_page *pg = &c->pages[c->n++];

		if (shape == SHAPE_DETAIL_JSONLD) {
			detail(&b, i);
			pg->url = xasprintf("https://jobs.bench.example/job/%ld", 1000000L + (long)i);
			c->postings++;
		} else {
			listing(&b, i, shape == SHAPE_LISTING_JSONLD);
			pg->url = xasprintf("https://jobs.bench.example/search?page=%zu", i + 1);
			c->postings += BENCH_CARDS_PER_PAGE;
		}
		pg->len = b.len;
		pg->html = buf_detach(&b);
		c->bytes += pg->len;
	}
}

static void read_dir(struct bench_corpus *c, const char *dir, int depth)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	struct stat st;

	if (d == NULL || depth > 8) {
		if (d != NULL)
			closedir(d);
		return;
	}
	while ((e = readdir(d)) != NULL) {
		char *path = xasprintf("%s/%s", dir, e->d_name);
		size_t n = strlen(e->d_name);

		if (e->d_name[0] != '.' && stat(path, &st) == 0) {
			if (S_ISDIR(st.st_mode)) {
				read_dir(c, path, depth + 1);
			} else if (S_ISREG(st.st_mode) && n > 5 &&
				   strcmp(e->d_name + n - 5, ".html") == 0) {
				struct bench_page *pg;

				c->pages = xreallocarray(c->pages, c->n + 1, sizeof(*c->pages));
				pg = &c->pages[c->n++];
				if ((pg->html = test_read_file(path, &pg->len)) == NULL)
					bench_fail("cannot read '%s': %s", path, strerror(errno));
				pg->url = xasprintf("file://%s", path);
				c->bytes += pg->len;
			}
		}
		free(path);
	}
	closedir(d);
}

/* Every *.html under dir (real pages: postings are counted when extracted). */
void bench_corpus_read(struct bench_corpus *c, const char *name, const char *dir)
{
	memset(c, 0, sizeof(*c));
	c->name = name;
	read_dir(c, dir, 0);
}

void bench_corpus_release(struct bench_corpus *c)
{
	size_t i;

	for (i = 0; i < c->n; i++) {
		free(c->pages[i].html);
		free(c->pages[i].url);
	}
	free(c->pages);
	memset(c, 0, sizeof(*c));
}
