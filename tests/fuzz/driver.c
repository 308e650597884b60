/*
 * driver.c - main() for a fuzz target when the compiler has no libFuzzer
 * (gcc): run LLVMFuzzerTestOneInput() over every input given, then over
 * pseudo-random mutations of them.  The seed is fixed, so a run repeats
 * exactly; the count and the time are bounded.
 *
 *   fuzz-TARGET [-runs=N] [-max_total_time=S] [-seed=N] [-max_len=N]
 *               [-artifact_prefix=P] FILE|DIR...
 *
 * The options are libFuzzer's spelling of the same ideas, so one command
 * line drives either engine; other -options are ignored.  -runs counts
 * mutations (the inputs themselves always run); 0 replays the inputs only.
 * Before a crash ends the run, the input is written to P followed by
 * "crash-" and a hash of the input, and the driver says so on stderr.  Build
 * with --enable-sanitizers for ASan and UBSan to catch what does not crash.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "fuzz.h"
#include "xalloc.h"

/* Mutations grow an input up to -max_len, by default at most this. */
#define MAX_LEN ((size_t)1 << 20)

struct input {
	unsigned char *data;
	size_t len;
};

struct options {
	unsigned long runs;
	unsigned long seconds;	/* 0: no limit */
	unsigned long long seed;
	size_t max_len;
	const char *artifact_prefix;
};

static struct input *corpus;
static size_t ncorpus;

/* The input being run, for the crash handlers. */
static const unsigned char *current;
static size_t current_len;
static const char *crash_prefix = "";

/*
 * Crash reporting.  Only async-signal-safe calls from here to the end of
 * on_crash(): it runs from a signal handler or the sanitizers' death callback.
 */
static void say(const char *s)
{
	ssize_t r = write(2, s, strlen(s));

	(void)r;
}

static void save_current(void)
{
	static const char hex[] = "0123456789abcdef";
	char path[4096], name[sizeof("crash-") + 16];
	unsigned long long h = 14695981039346656037ULL;	/* FNV-1a */
	size_t i, plen = strlen(crash_prefix);
	int fd;

	for (i = 0; i < current_len; i++)
		h = (h ^ current[i]) * 1099511628211ULL;
	memcpy(name, "crash-", 6);
	for (i = 0; i < 16; i++)
		name[6 + i] = hex[(h >> (60 - 4 * i)) & 0xf];
	name[22] = '\0';
	if (plen + sizeof(name) > sizeof(path))
		return;
	memcpy(path, crash_prefix, plen);
	memcpy(path + plen, name, sizeof(name));
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0 || write(fd, current, current_len) != (ssize_t)current_len) {
		say("driver: cannot write the crashing input\n");
	} else {
		say("driver: crashing input written to ");
		say(path);
		say("\n");
	}
	if (fd >= 0)
		close(fd);
}

static void on_death(void)
{
	if (current != NULL)
		save_current();
	current = NULL;
}

static void on_signal(int sig)
{
	on_death();
	signal(sig, SIG_DFL);
	raise(sig);
}

/* Provided by ASan/UBSan when linked in (gcc and clang alike). */
void __sanitizer_set_death_callback(void (*callback)(void)) __attribute__((weak));

static void catch_crashes(void)
{
	static const int sigs[] = { SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGILL };
	size_t i;

	for (i = 0; i < COUNT(sigs); i++)
		signal(sigs[i], on_signal);
	if (__sanitizer_set_death_callback != NULL)
		__sanitizer_set_death_callback(on_death);
}

/* Run the target on a copy of exactly len bytes, so ASan sees any overread. */
static void run_one(const unsigned char *data, size_t len)
{
	unsigned char *copy = xmalloc(len ? len : 1);

	memcpy(copy, data, len);
	current = copy;
	current_len = len;
	LLVMFuzzerTestOneInput(copy, len);
	current = NULL;
	free(copy);
}

static void add_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	struct input in = { NULL, 0 };
	size_t alloc = 0, got;

	if (f == NULL) {
		fprintf(stderr, "driver: cannot open '%s': %s\n", path, strerror(errno));
		exit(1);
	}
	do {
		if (in.len == alloc) {
			alloc = alloc ? alloc * 2 : 4096;
			in.data = xrealloc(in.data, alloc);
		}
		got = fread(in.data + in.len, 1, alloc - in.len, f);
		in.len += got;
	} while (got > 0);
	if (ferror(f)) {
		fprintf(stderr, "driver: cannot read '%s': %s\n", path, strerror(errno));
		exit(1);
	}
	fclose(f);
	corpus = xreallocarray(corpus, ncorpus + 1, sizeof(*corpus));
	corpus[ncorpus++] = in;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every regular file in dir, in name order so runs repeat. */
static void add_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, i;
	struct stat st;

	if (d == NULL) {
		fprintf(stderr, "driver: cannot open '%s': %s\n", dir, strerror(errno));
		exit(1);
	}
	while ((e = readdir(d)) != NULL) {
		char *path = xasprintf("%s/%s", dir, e->d_name);

		if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
			names = xreallocarray(names, n + 1, sizeof(*names));
			names[n++] = path;
		} else {
			free(path);
		}
	}
	closedir(d);
	if (n > 0)
		qsort(names, n, sizeof(*names), by_name);
	for (i = 0; i < n; i++) {
		add_file(names[i]);
		free(names[i]);
	}
	free(names);
}

/* xorshift64*: small, fast, and the same everywhere. */
static unsigned long long rng_state;

static unsigned long long rng(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 2685821657736338717ULL;
}

static size_t below(size_t n)
{
	return n ? (size_t)(rng() % n) : 0;
}

/* Bytes and words the parsers care about. */
static const char *const tokens[] = {
	"0", "9", "1e308", "99999999999999999999", "0.5", ".", ",", "-", "--",
	" - ", " to ", "K", "k", "M", "m", "$", "US$", "\xe2\x82\xac", "\xc2\xa3",
	"\xc2\xa0", "\xe2\x80\xaf", "USD", "EUR", "per hour", "/yr", "a month",
	"up to ", "from ", "+", "nan", "inf", "0x1p9", "\xff", "\"", "'", "\\",
	"<", ">", "</", "<div class=\"job-card\">", "</div>", "<!--", "-->",
	"<script type=\"application/ld+json\">", "</script>", "{", "}", "[", "]",
	":", "\"@type\":\"JobPosting\"", "\"minValue\":", "\"baseSalary\":",
	"\"@graph\":", "\\u0000", "&amp;", "&#0;", "<a class=\"next\" href=\"",
	"class=\"job-salary\"", "<base href=\"", "file:///", "?", "#",
};

static void insert(struct input *b, size_t max_len, size_t at, const void *src, size_t n)
{
	if (b->len + n > max_len)
		n = max_len - b->len;
	memmove(b->data + at + n, b->data + at, b->len - at);
	memmove(b->data + at, src, n);
	b->len += n;
}

static void mutate_once(struct input *b, size_t max_len)
{
	size_t at = below(b->len + 1), n;
	const struct input *other;
	const char *t;
	unsigned char c;

	switch (below(8)) {
	case 0:		/* flip a bit */
		if (b->len)
			b->data[below(b->len)] ^= (unsigned char)(1u << below(8));
		break;
	case 1:		/* a random byte */
		if (b->len)
			b->data[below(b->len)] = (unsigned char)rng();
		break;
	case 2:		/* insert a random byte */
		c = (unsigned char)rng();
		insert(b, max_len, at, &c, 1);
		break;
	case 3:		/* delete a run */
		n = below(b->len - at + 1);
		n = n > 16 ? below(17) : n;
		memmove(b->data + at, b->data + at + n, b->len - at - n);
		b->len -= n;
		break;
	case 4:		/* repeat a run (deep nesting, long numbers) */
	case 5: {
		size_t from = below(b->len + 1);
		unsigned char chunk[256];

		n = below(b->len - from + 1);
		n = n > sizeof(chunk) ? sizeof(chunk) : n;
		memcpy(chunk, b->data + from, n);
		for (c = (unsigned char)(1 + below(8)); c > 0; c--)
			insert(b, max_len, at, chunk, n);
		break;
	}
	case 6:		/* splice in part of another input */
		other = &corpus[below(ncorpus)];
		n = below(other->len + 1);
		insert(b, max_len, at, other->data + below(other->len - n + 1), n);
		break;
	default:	/* a token */
		t = tokens[below(COUNT(tokens))];
		insert(b, max_len, at, t, strlen(t));
		break;
	}
}

static int parse_number(const char *arg, const char *name, unsigned long long *out)
{
	size_t n = strlen(name);
	char *end;

	if (strncmp(arg, name, n) != 0 || arg[n] != '=')
		return 0;
	errno = 0;
	*out = strtoull(arg + n + 1, &end, 10);
	if (errno != 0 || end == arg + n + 1 || *end != '\0') {
		fprintf(stderr, "driver: bad number in '%s'\n", arg);
		exit(2);
	}
	return 1;
}

static void parse_option(const char *arg, struct options *o)
{
	unsigned long long v;

	if (parse_number(arg, "-runs", &v))
		o->runs = (unsigned long)v;
	else if (parse_number(arg, "-max_total_time", &v))
		o->seconds = (unsigned long)v;
	else if (parse_number(arg, "-seed", &v))
		o->seed = v;
	else if (parse_number(arg, "-max_len", &v) && v > 0)
		o->max_len = (size_t)v;
	else if (strncmp(arg, "-artifact_prefix=", 17) == 0)
		o->artifact_prefix = arg + 17;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The mutation runs; returns how many ran before the count or the time ran out. */
static unsigned long fuzz(const struct options *o)
{
	struct input b = { xmalloc(o->max_len), 0 };
	double deadline = now() + (double)o->seconds;
	unsigned long i;
	size_t k;

	rng_state = o->seed ? o->seed : 1;
	for (i = 0; i < o->runs; i++) {
		const struct input *base = &corpus[below(ncorpus)];

		if (o->seconds && (i & 63) == 0 && now() > deadline)
			break;
		b.len = base->len < o->max_len ? base->len : o->max_len;
		memcpy(b.data, base->data, b.len);
		for (k = 1 + below(4); k > 0; k--)
			mutate_once(&b, o->max_len);
		run_one(b.data, b.len);
	}
	free(b.data);
	return i;
}

int main(int argc, char **argv)
{
	struct options o = { 1000, 0, 1, 0, "" };
	struct stat st;
	unsigned long done;
	size_t i;
	int a;

	for (a = 1; a < argc; a++)
		if (argv[a][0] == '-')
			parse_option(argv[a], &o);
	for (a = 1; a < argc; a++) {
		if (argv[a][0] == '-')
			continue;
		if (stat(argv[a], &st) == 0 && S_ISDIR(st.st_mode))
			add_dir(argv[a]);
		else
			add_file(argv[a]);
	}
	if (ncorpus == 0) {
		static unsigned char empty[1];

		corpus = xmalloc(sizeof(*corpus));
		corpus[ncorpus++] = (struct input){ empty, 0 };
	}
	if (o.max_len == 0)	/* as libFuzzer: the largest input, 4 KiB to 1 MiB */
		for (o.max_len = 4096, i = 0; i < ncorpus; i++)
			if (corpus[i].len > o.max_len)
				o.max_len = corpus[i].len < MAX_LEN ? corpus[i].len : MAX_LEN;
	crash_prefix = o.artifact_prefix;
	catch_crashes();
	for (i = 0; i < ncorpus; i++)
		run_one(corpus[i].data, corpus[i].len);
	done = fuzz(&o);
	fprintf(stderr, "driver: %zu inputs, %lu mutations (seed %llu), no crash\n",
		ncorpus, done, o.seed);
	return 0;
}
