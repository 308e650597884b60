/*
 * bench-httpd-request.c - what tests/bench-httpd answers to one request:
 * a file's prebuilt response (GET, or its head alone for HEAD), 404, 405
 * for any other method, 400 for anything it cannot read (a request with a
 * body included: GET and HEAD have none here).  Nothing is copied: every
 * reply points at text built before the server started listening.
 */
#include "config.h"

#include <string.h>
#include <strings.h>

#include "bench-httpd.h"

static const char not_found[] =
	"HTTP/1.1 404 Not Found\r\nServer: jobstats-bench-httpd\r\n"
	"Content-Type: text/plain\r\nContent-Length: 10\r\n\r\nnot found\n";
static const char bad_request[] =
	"HTTP/1.1 400 Bad Request\r\nServer: jobstats-bench-httpd\r\n"
	"Content-Type: text/plain\r\nContent-Length: 12\r\nConnection: close\r\n\r\nbad request\n";
static const char not_allowed[] =
	"HTTP/1.1 405 Method Not Allowed\r\nServer: jobstats-bench-httpd\r\nAllow: GET, HEAD\r\n"
	"Content-Type: text/plain\r\nContent-Length: 19\r\nConnection: close\r\n\r\n"
	"method not allowed\n";

/* Header NAME's value in the head [p, end), or NULL; *len is its length. */
static const char *header_value(const char *p, const char *end, const char *name, size_t *len)
{
	size_t n = strlen(name);
	const char *eol;

	for (; p < end; p = eol + 1) {
		eol = memchr(p, '\n', (size_t)(end - p));
		if (eol == NULL)
			eol = end;
		if ((size_t)(eol - p) > n && p[n] == ':' && strncasecmp(p, name, n) == 0) {
			p += n + 1;
			while (p < eol && (*p == ' ' || *p == '\t'))
				p++;
			*len = (size_t)(eol - p);
			while (*len > 0 && (p[*len - 1] == '\r' || p[*len - 1] == ' '))
				(*len)--;
			return p;
		}
	}
	return NULL;
}

static int value_is(const char *v, size_t len, const char *word)
{
	return v != NULL && len == strlen(word) && strncasecmp(v, word, len) == 0;
}

static void canned(struct reply *r, const char *text, size_t len)
{
	r->data = text;
	r->len = len;
	r->close_after = 1;
}

void reply_bad_request(struct reply *r)
{
	canned(r, bad_request, sizeof(bad_request) - 1);
}

void site_answer(const struct site *site, const char *head, size_t len, struct reply *r)
{
	const char *end = head + len, *sp1, *sp2, *eol, *v;
	size_t path_len, vlen;
	const struct file *f;
	int is_head, http10;

	eol = memchr(head, '\n', len);
	sp1 = eol ? memchr(head, ' ', (size_t)(eol - head)) : NULL;
	sp2 = sp1 ? memchr(sp1 + 1, ' ', (size_t)(eol - sp1 - 1)) : NULL;
	if (sp2 == NULL || sp1[1] != '/' || (size_t)(eol - sp2) < 9 ||
	    strncmp(sp2 + 1, "HTTP/1.", 7) != 0 || sp2[8] < '0' || sp2[8] > '9' ||
	    header_value(eol + 1, end, "content-length", &vlen) != NULL ||
	    header_value(eol + 1, end, "transfer-encoding", &vlen) != NULL) {
		reply_bad_request(r);
		return;
	}
	is_head = sp1 - head == 4 && memcmp(head, "HEAD", 4) == 0;
	if (!is_head && !(sp1 - head == 3 && memcmp(head, "GET", 3) == 0)) {
		canned(r, not_allowed, sizeof(not_allowed) - 1);
		return;
	}
	path_len = (size_t)(sp2 - sp1 - 1);
	v = memchr(sp1 + 1, '?', path_len);
	if (v != NULL)
		path_len = (size_t)(v - sp1 - 1);
	f = site_find(site, sp1 + 1, path_len);
	if (f == NULL)
		canned(r, not_found, sizeof(not_found) - 1);
	else {
		r->data = f->response;
		r->len = is_head ? f->head_len : f->response_len;
	}
	/* HTTP/1.1 keeps the connection unless told; 1.0 closes unless told. */
	v = header_value(eol + 1, end, "connection", &vlen);
	http10 = sp2[8] == '0';
	r->close_after = http10 ? !value_is(v, vlen, "keep-alive") : value_is(v, vlen, "close");
}
