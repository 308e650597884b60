#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "board.h"
#include "profile.h"
#include "testutil.h"
#include "xalloc.h"

/* Files bigger than this are not fixtures. */
#define TEST_FILE_MAX (64L * 1024 * 1024)

char *
test_read_file(const char *path, size_t *len)
{
	FILE *f;
	char *data = NULL;
	size_t n = 0, cap = 0, got;
	int saved;

	if (len != NULL)
		*len = 0;
	if ((f = fopen(path, "rb")) == NULL)
		return NULL;
	for (;;) {
		if (cap - n < 4096 + 1) {
			if (cap > (size_t)TEST_FILE_MAX) {
				errno = EFBIG;
				goto fail;
			}
			cap = cap ? cap * 2 : 8192;
			data = xrealloc(data, cap);
		}
		got = fread(data + n, 1, cap - n - 1, f);
		n += got;
		if (got == 0)
			break;
	}
	if (ferror(f)) {
		errno = EIO;
		goto fail;
	}
	fclose(f);
	data[n] = '\0';
	if (len != NULL)
		*len = n;
	return data;

fail:
	saved = errno;
	fclose(f);
	free(data);
	errno = saved;
	return NULL;
}

char *
test_srcdir_path(const char *rel)
{
	const char *top = getenv("top_srcdir");

	if (top == NULL || *top == '\0')
		top = ".";
	return xasprintf("%s/%s", top, rel);
}

int
test_load_shipped_profiles(struct profile_set *set, char **err)
{
	char *dir = test_srcdir_path("contrib/profiles");
	const char *dirs[1] = { dir };
	int rc = profile_load_dirs(dirs, 1, set, err);

	free(dir);
	return rc;
}

/* Load the boards of the dirs (relative to top_srcdir) into set, once;
 * exit 99 (a hard error) when a file there does not parse. */
static const struct board_set *load_boards_once(struct board_set *set, int *loaded,
						const char *const *rel, size_t n)
{
	char *dirs[2], *err = NULL;
	size_t i;

	if (*loaded)
		return set;
	for (i = 0; i < n; i++)
		dirs[i] = test_srcdir_path(rel[i]);
	if (board_load_dirs((const char *const *)dirs, n, set, &err) < 0) {
		fprintf(stderr, "cannot load the boards: %s\n", err);
		exit(99);
	}
	for (i = 0; i < n; i++)
		free(dirs[i]);
	*loaded = 1;
	return set;
}

const struct board_set *test_shipped_boards(void)
{
	static const char *const rel[] = { "contrib/boards" };
	static struct board_set set;
	static int loaded;

	return load_boards_once(&set, &loaded, rel, 1);
}

const struct board_set *test_bench_boards(void)
{
	static const char *const rel[] = { "contrib/boards", "tests/bench-data/boards" };
	static struct board_set set;
	static int loaded;

	return load_boards_once(&set, &loaded, rel, 2);
}

void
expected_page_init(struct expected_page *e)
{
	memset(e, 0, sizeof *e);
}

static void
expected_posting_release(struct expected_posting *p)
{
	size_t i;

	for (i = 0; i < p->nfields; i++) {
		free(p->fields[i].key);
		free(p->fields[i].value);
	}
	free(p->fields);
}

void
expected_page_release(struct expected_page *e)
{
	size_t i;

	for (i = 0; i < e->nitems; i++)
		expected_posting_release(&e->items[i]);
	free(e->items);
	free(e->base);
	free(e->next);
	expected_page_init(e);
}

static struct expected_posting *
expected_add_posting(struct expected_page *e, int line)
{
	struct expected_posting *p;

	if (e->nitems == e->alloc) {
		e->alloc = e->alloc ? e->alloc * 2 : 8;
		e->items = xreallocarray(e->items, e->alloc, sizeof *e->items);
	}
	p = &e->items[e->nitems++];
	memset(p, 0, sizeof *p);
	p->line = line;
	return p;
}

static void
expected_add_field(struct expected_posting *p, const char *key, size_t keylen,
		   const char *value, int line)
{
	struct expected_field *f;

	if (p->nfields == p->alloc) {
		p->alloc = p->alloc ? p->alloc * 2 : 16;
		p->fields = xreallocarray(p->fields, p->alloc, sizeof *p->fields);
	}
	f = &p->fields[p->nfields++];
	f->key = xstrndup(key, keylen);
	f->value = xstrdup(value);
	f->line = line;
}

static int
parse_long(const char *s, long *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v < 0)
		return -1;
	*out = v;
	return 0;
}

/* A header line ("base:", "next:", "postings:", "warnings:", "check:"). */
static int
parse_header(struct expected_page *e, const char *key, size_t keylen,
	     const char *value, int line, char **err)
{
#define KEY_IS(k) (keylen == sizeof(k) - 1 && memcmp(key, k, keylen) == 0)
	if (KEY_IS("base")) {
		free(e->base);
		e->base = xstrdup(value);
	} else if (KEY_IS("next")) {
		free(e->next);
		e->next = strcmp(value, "none") == 0 ? NULL : xstrdup(value);
	} else if (KEY_IS("postings")) {
		if (parse_long(value, &e->postings) == -1)
			return set_error(err, "line %d: bad postings count '%s'", line, value);
	} else if (KEY_IS("check")) {
		if (strcmp(value, "exact") != 0 && strcmp(value, "precision") != 0)
			return set_error(err, "line %d: check is 'exact' or 'precision', not '%s'",
					 line, value);
		e->precision = strcmp(value, "precision") == 0;
	} else if (KEY_IS("warnings")) {
		if (parse_long(value, &e->warnings) == -1)
			return set_error(err, "line %d: bad warnings count '%s'", line, value);
	} else {
		return set_error(err, "line %d: unknown header '%.*s'", line, (int)keylen, key);
	}
	return 0;
#undef KEY_IS
}

/*
 * One logical line: [s, s + n).  *cur is the posting being filled (NULL
 * between postings); *in_header is 1 before the header, 2 inside it and 0
 * after the blank line that ends it.
 */
static int
parse_line(struct expected_page *e, const char *s, size_t n, int line,
	   int *in_header, struct expected_posting **cur, char **err)
{
	const char *colon, *v;
	char *value;
	size_t keylen, vlen;
	int rc = 0;

	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	while (n > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	if (n > 0 && *s == '#')
		return 0;
	if (n == 0) {
		/* A blank line ends the header once it has begun. */
		if (*in_header == 2)
			*in_header = 0;
		*cur = NULL;
		return 0;
	}
	colon = memchr(s, ':', n);
	if (colon == NULL || colon == s)
		return set_error(err, "line %d: expected 'key: value'", line);
	keylen = (size_t)(colon - s);
	v = colon + 1;
	vlen = n - keylen - 1;
	while (vlen > 0 && (*v == ' ' || *v == '\t')) {
		v++;
		vlen--;
	}
	value = xstrndup(v, vlen);
	if (*in_header) {
		*in_header = 2;
		rc = parse_header(e, s, keylen, value, line, err);
	} else {
		if (*cur == NULL)
			*cur = expected_add_posting(e, line);
		expected_add_field(*cur, s, keylen, value, line);
	}
	free(value);
	return rc;
}

int
expected_parse(const char *text, struct expected_page *e, char **err)
{
	struct expected_posting *cur = NULL;
	const char *s = text, *eol;
	int line = 0, in_header = 1;

	while (*s != '\0') {
		line++;
		eol = strchr(s, '\n');
		if (eol == NULL)
			eol = s + strlen(s);
		if (parse_line(e, s, (size_t)(eol - s), line, &in_header, &cur, err) == -1)
			return -1;
		s = *eol == '\n' ? eol + 1 : eol;
	}
	if ((size_t)e->postings != e->nitems)
		return set_error(err, "'postings: %ld' but %zu posting blocks",
				 e->postings, e->nitems);
	return 0;
}

int
expected_load(const char *path, struct expected_page *e, char **err)
{
	char *text;
	size_t len;
	int rc;

	if ((text = test_read_file(path, &len)) == NULL)
		return set_error(err, "cannot read '%s': %s", path, strerror(errno));
	if (strlen(text) != len) {
		free(text);
		return set_error(err, "'%s' holds a NUL byte", path);
	}
	rc = expected_parse(text, e, err);
	free(text);
	if (rc == -1 && err != NULL && *err != NULL) {
		char *msg = xasprintf("%s: %s", path, *err);

		free(*err);
		*err = msg;
	}
	return rc;
}

const char *
expected_get(const struct expected_posting *p, const char *key)
{
	size_t i;

	for (i = 0; i < p->nfields; i++)
		if (strcmp(p->fields[i].key, key) == 0)
			return p->fields[i].value;
	return NULL;
}

int
test_split_tabs(char *line, char **f, size_t n)
{
	size_t i = 0;
	char *p = line;

	for (;;) {
		char *tab = strchr(p, '\t');

		if (i == n)
			return -1;	/* too many fields */
		f[i++] = p;
		if (tab == NULL)
			break;
		*tab = '\0';
		p = tab + 1;
	}
	return i == n ? 0 : -1;
}

void
test_unescape(char *s)
{
	char *w = s;

	for (; *s != '\0'; s++) {
		if (s[0] == '\\' && (s[1] == 't' || s[1] == 'n' || s[1] == '\\')) {
			*w++ = s[1] == 't' ? '\t' : s[1] == 'n' ? '\n' : '\\';
			s++;
		} else {
			*w++ = *s;
		}
	}
	*w = '\0';
}

static void list_files(const char *dir, const char *holds, char ***v, size_t *n)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	struct stat st;

	while (d != NULL && (e = readdir(d)) != NULL) {
		char *path;

		if (e->d_name[0] == '.')
			continue;
		path = xasprintf("%s/%s", dir, e->d_name);
		if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
			list_files(path, holds, v, n);
		} else if (S_ISREG(st.st_mode) && (holds == NULL || strstr(e->d_name, holds))) {
			*v = xreallocarray(*v, *n + 1, sizeof(**v));
			(*v)[(*n)++] = path;
			continue;
		}
		free(path);
	}
	if (d != NULL)
		closedir(d);
}

static int cmp_path(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

char **test_list_files(const char *dir, const char *holds, size_t *n)
{
	char **v = NULL;

	*n = 0;
	list_files(dir, holds, &v, n);
	if (*n > 1)
		qsort(v, *n, sizeof(*v), cmp_path);
	return v;
}

char **test_real_pages(size_t *n)
{
	const char *data = getenv("JOBSTATS_DATA");
	char *dir, **files;

	*n = 0;
	if (data == NULL || *data == '\0') {
		printf("JOBSTATS_DATA is not set: the real pages are not compared (skipped)\n");
		return NULL;
	}
	dir = xasprintf("%s/pages", data);
	files = test_list_files(dir, NULL, n);
	free(dir);
	if (*n == 0)
		printf("no pages under %s/pages: the real pages are not compared (skipped)\n", data);
	return files;
}

void bench_fail(const char *fmt, ...)
{
	va_list ap;

	fputs("bench: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}
