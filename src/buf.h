/*
 * buf.h - a growable byte buffer, always NUL-terminated, with an optional
 * maximum size (network bodies must never grow without bound).
 */
#ifndef JOBSTATS_BUF_H
#define JOBSTATS_BUF_H

#include <stddef.h>

struct buf {
	char *data;	/* NUL-terminated; NULL until the first append */
	size_t len;
	size_t cap;
};

#define BUF_INIT { NULL, 0, 0 }

void buf_init(struct buf *b);
void buf_release(struct buf *b);
void buf_append(struct buf *b, const void *data, size_t len);
void buf_appends(struct buf *b, const char *s);
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Give the contents away (never NULL) and leave the buffer empty. */
char *buf_detach(struct buf *b);
/* The contents as a C string, "" when nothing was appended. */
const char *buf_str(const struct buf *b);

#endif
