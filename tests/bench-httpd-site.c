/*
 * bench-httpd-site.c - tests/bench-httpd's files: every regular file under
 * the root read into memory once, its response prebuilt, looked up by path
 * with a binary search.  Bounded: files of at most SITE_FILE_MAX bytes,
 * SITE_FILES_MAX files, SITE_DEPTH_MAX levels of directories (a symlink
 * loop ends there).
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "bench-httpd.h"

#define SITE_FILES_MAX 100000
#define SITE_DEPTH_MAX 8
#define HEAD_MAX 256

void httpd_die(const char *fmt, ...)
{
	va_list ap;

	fputs("bench-httpd: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static void *must(void *p)
{
	if (p == NULL)
		httpd_die("out of memory");
	return p;
}

static char *join(const char *a, const char *b)
{
	size_t n = strlen(a) + strlen(b) + 2;
	char *s = must(malloc(n));

	snprintf(s, n, "%s/%s", a, b);
	return s;
}

static const char *content_type(const char *path)
{
	const char *dot = strrchr(path, '.');

	if (dot != NULL && (strcmp(dot, ".html") == 0 || strcmp(dot, ".htm") == 0))
		return "text/html; charset=utf-8";
	if (dot != NULL && strcmp(dot, ".json") == 0)
		return "application/json";
	if (dot != NULL && strcmp(dot, ".txt") == 0)
		return "text/plain; charset=utf-8";
	return "application/octet-stream";
}

/* Read the file at fs_path (size bytes) into a response for url_path. */
static void load_file(struct site *site, const char *fs_path, const char *url_path, size_t size)
{
	char head[HEAD_MAX];
	struct file *f;
	FILE *in;
	int n;

	if (site->n == SITE_FILES_MAX)
		httpd_die("more than %d files under the root", SITE_FILES_MAX);
	n = snprintf(head, sizeof(head), "HTTP/1.1 200 OK\r\nServer: jobstats-bench-httpd\r\n"
		     "Content-Type: %s\r\nContent-Length: %zu\r\n\r\n", content_type(url_path), size);
	if (n < 0 || (size_t)n >= sizeof(head))
		httpd_die("response head too long for '%s'", fs_path);
	if (site->n == site->cap) {
		site->cap = site->cap ? 2 * site->cap : 64;
		site->files = must(realloc(site->files, site->cap * sizeof(*site->files)));
	}
	f = &site->files[site->n++];
	f->path = must(strdup(url_path));
	f->head_len = (size_t)n;
	f->response_len = (size_t)n + size;
	f->response = must(malloc(f->response_len + 1));
	memcpy(f->response, head, (size_t)n);
	errno = 0;
	in = fopen(fs_path, "rb");
	if (in == NULL || fread(f->response + n, 1, size, in) != size || fclose(in) != 0)
		httpd_die("cannot read '%s': %s", fs_path, errno ? strerror(errno) : "short read");
	site->bytes += size;
}

static void load_dir(struct site *site, const char *dir, const char *url_dir, int depth)
{
	struct dirent *e;
	struct stat st;
	DIR *d;

	if (depth > SITE_DEPTH_MAX)
		httpd_die("'%s': more than %d levels of directories", dir, SITE_DEPTH_MAX);
	d = opendir(dir);
	if (d == NULL)
		httpd_die("cannot open directory '%s': %s", dir, strerror(errno));
	while ((e = readdir(d)) != NULL) {
		char *fs_path, *url_path;

		if (e->d_name[0] == '.')
			continue;	/* ".", "..", and hidden files are not served */
		fs_path = join(dir, e->d_name);
		url_path = join(url_dir, e->d_name);
		if (stat(fs_path, &st) != 0)
			httpd_die("cannot stat '%s': %s", fs_path, strerror(errno));
		if (S_ISDIR(st.st_mode))
			load_dir(site, fs_path, url_path, depth + 1);
		else if (S_ISREG(st.st_mode) && st.st_size > SITE_FILE_MAX)
			httpd_die("'%s' is larger than %ld bytes", fs_path, SITE_FILE_MAX);
		else if (S_ISREG(st.st_mode))
			load_file(site, fs_path, url_path, (size_t)st.st_size);
		free(fs_path);
		free(url_path);
	}
	closedir(d);
}

static int by_path(const void *a, const void *b)
{
	return strcmp(((const struct file *)a)->path, ((const struct file *)b)->path);
}

void site_load(struct site *site, const char *root)
{
	memset(site, 0, sizeof(*site));
	load_dir(site, root, "", 0);
	if (site->n > 0)
		qsort(site->files, site->n, sizeof(*site->files), by_path);
}

/* strcmp of the NUL-terminated a against the counted [b, b + len). */
static int compare_counted(const char *a, const char *b, size_t len)
{
	size_t alen = strlen(a);
	int c = memcmp(a, b, alen < len ? alen : len);

	if (c != 0 || alen == len)
		return c;
	return alen < len ? -1 : 1;
}

const struct file *site_find(const struct site *site, const char *path, size_t len)
{
	size_t lo = 0, hi = site->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = compare_counted(site->files[mid].path, path, len);

		if (c == 0)
			return &site->files[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

void site_free(struct site *site)
{
	size_t i;

	for (i = 0; i < site->n; i++) {
		free(site->files[i].path);
		free(site->files[i].response);
	}
	free(site->files);
	memset(site, 0, sizeof(*site));
}
