/*
 * csv.h - write CSV as RFC 4180 describes it: comma separators, CRLF line
 * ends, fields quoted with "" when they need it.  Bytes are copied as they
 * are, so UTF-8 stays UTF-8.
 */
#ifndef JOBSTATS_CSV_H
#define JOBSTATS_CSV_H

#include <stddef.h>

#include "buf.h"

/*
 * Append one field to out.  NULL and "" append nothing.  A field that
 * contains a comma, a double quote, CR or LF, or that begins or ends with a
 * space or tab (which spreadsheet importers trim), is written inside double
 * quotes with each " doubled; any other field is written as it is.
 */
void csv_field(struct buf *out, const char *s);

/*
 * Append one record: the n fields (any may be NULL) joined by commas, ended
 * by CRLF.  A record of one empty field is written as "" so it does not
 * become a blank line, which many readers skip.
 */
void csv_row(struct buf *out, const char *const *fields, size_t n);

#endif
