/*
 * xalloc.h - allocation that never returns NULL, and error-message helpers.
 *
 * Out of memory is fatal in exactly one place (xalloc.c), so no call site
 * checks by hand.  Strings returned by these functions belong to the caller.
 */
#ifndef JOBSTATS_XALLOC_H
#define JOBSTATS_XALLOC_H

#include <stdarg.h>
#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *ptr, size_t size);
/* Grow an array of nmemb elements of size bytes, checking the product. */
void *xreallocarray(void *ptr, size_t nmemb, size_t size);
char *xstrdup(const char *s);
/* xstrdup(NULL) is NULL: optional fields copy without a test. */
char *xstrdup_or_null(const char *s);
char *xstrndup(const char *s, size_t n);
/* For a library that reports running out of memory as a NULL handle. */
void xalloc_die(void) __attribute__((noreturn));
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

/*
 * Set *err to a newly allocated message unless err is NULL or already set
 * (the first, innermost cause wins).  Always returns -1, so stage code can
 * write "return set_error(err, ...);".
 */
int set_error(char **err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
