/*
 * bench-httpd.h - the files tests/bench-httpd serves, read into memory at
 * start with each whole response (head and body) built once, and the
 * replies to requests.
 */
#ifndef JOBSTATS_BENCH_HTTPD_H
#define JOBSTATS_BENCH_HTTPD_H

#include <stddef.h>

/* A file bigger than this is refused at load (the server exits). */
#define SITE_FILE_MAX (8L * 1024 * 1024)

struct file {
	char *path;		/* "/dir/name.html": the request path it answers */
	char *response;		/* status line, headers, blank line, body */
	size_t head_len;	/* what a HEAD request gets */
	size_t response_len;
};

struct site {
	struct file *files;	/* sorted by path */
	size_t n, cap;
	size_t bytes;
};

/* Read every regular file under root; exits with a message on any error. */
void site_load(struct site *site, const char *root);

/* The file answering the request path [path, path + len), or NULL. */
const struct file *site_find(const struct site *site, const char *path, size_t len);

void site_free(struct site *site);

/* A response to send: borrowed, never freed; close the connection after it
 * when close_after is set. */
struct reply {
	const char *data;
	size_t len;
	int close_after;
};

/* The reply to the request head [head, head + len): the request line and
 * headers, up to and including the CRLF that ends the last header. */
void site_answer(const struct site *site, const char *head, size_t len, struct reply *r);

/* The reply to a request that cannot be read (400, then close). */
void reply_bad_request(struct reply *r);

/* Print "bench-httpd: MESSAGE" on stderr and exit 1. */
void httpd_die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

#endif
