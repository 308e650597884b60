/*
 * csv.h - write CSV as RFC 4180 describes it: comma separators, CRLF line
 * ends, fields quoted with "" when they need it.  Bytes are copied as they
 * are, so UTF-8 stays UTF-8.
 *
 * Text that a spreadsheet would read as a formula is neutralized unless the
 * caller asks for CSV_RAW (OWASP, "CSV Injection"): a text field that begins
 * with =, +, -, @, tab, CR or LF is written quoted, with a single quote '
 * before its first character ("'=HYPERLINK(...)"), so Excel, LibreOffice
 * and Google Sheets show it as text.  Fields the caller marks as numbers
 * (CSV_NUMBER: figures jobstats formatted itself, such as -5 or 1e3) are
 * never changed.
 */
#ifndef JOBSTATS_CSV_H
#define JOBSTATS_CSV_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

enum csv_flags {
	CSV_RAW = 0x1,		/* write text as it is, formulas and all */
	CSV_NUMBER = 0x2	/* csv_field: the field is a number, never neutralized */
};

/*
 * Append one field to out.  NULL and "" append nothing.  A field that
 * contains a comma, a double quote, CR or LF, or that begins or ends with a
 * space or tab (which spreadsheet importers trim), is written inside double
 * quotes with each " doubled; any other field is written as it is, but for
 * the neutralizing described above (flags: CSV_RAW, CSV_NUMBER).
 */
void csv_field(struct buf *out, const char *s, int flags);

/*
 * Append one record: the n fields (any may be NULL) joined by commas, ended
 * by CRLF.  Bit i of numbers marks field i (i < 64) as a number (CSV_NUMBER);
 * flags may be CSV_RAW.  A record of one empty field is written as "" so it
 * does not become a blank line, which many readers skip.
 */
void csv_row(struct buf *out, const char *const *fields, size_t n, uint64_t numbers,
	     int flags);

/* Bit i for csv_row's numbers. */
#define CSV_COLUMN(i) ((uint64_t)1 << (i))

#endif
