/*
 * csv-read.h - read CSV as RFC 4180 describes it, one record at a time:
 * comma separators, CRLF or LF line ends, fields optionally inside double
 * quotes with each " doubled (and then free to hold commas and line ends).
 * Bytes are copied as they are.  A reader never prints.
 */
#ifndef JOBSTATS_CSV_READ_H
#define JOBSTATS_CSV_READ_H

#include <stddef.h>
#include <stdio.h>

#include "buf.h"

/* The most fields a record may have, and the longest a field may be. */
#define CSV_MAX_FIELDS 64
#define CSV_MAX_FIELD (64 * 1024)

struct csv_reader {
	FILE *f;		/* borrowed */
	long line;		/* the line the last record read started on (1-based) */
	long next_line;		/* the line the next record starts on */
	size_t nfields;		/* fields of the last record */
	struct buf text;	/* the record's fields, each NUL-terminated */
	size_t start[CSV_MAX_FIELDS];	/* where each field starts in text */
};

void csv_reader_init(struct csv_reader *r, FILE *f);
void csv_reader_release(struct csv_reader *r);

/*
 * Read the next record: 1 when one was read, 0 at the end of the input, -1
 * with *err on a malformed record (a quote left open, text after a closing
 * quote, too many fields, a field too long, a NUL byte) or a read error;
 * the message names the line (r->line) but not the file.  A blank line is
 * a record of one empty field.
 */
int csv_read(struct csv_reader *r, char **err);

/* Field i of the last record (i < r->nfields), borrowed until the next read. */
const char *csv_field_at(const struct csv_reader *r, size_t i);

#endif
