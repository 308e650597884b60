/*
 * jsonw.h - a tiny JSON writer: each call appends one token to a struct buf.
 * The caller writes the structure ({ } [ ] , ) itself.  Output is always
 * valid JSON in valid UTF-8, whatever bytes come in.
 *
 * Numbers are formatted with snprintf, so LC_NUMERIC must be the "C" locale
 * (the default; jobstats never calls setlocale for LC_NUMERIC).
 */
#ifndef JOBSTATS_JSONW_H
#define JOBSTATS_JSONW_H

#include "buf.h"

/*
 * A JSON string, or null when s is NULL.  " and \ are escaped; control
 * characters become \n \t \r \b \f or \u00XX.  Valid UTF-8 passes through
 * unchanged; each maximal invalid subsequence (the Unicode / WHATWG
 * practice: stray continuation bytes, truncated sequences, overlong forms,
 * surrogates, code points above U+10FFFF) becomes one \ufffd.
 */
void jsonw_string(struct buf *out, const char *s);

/*
 * A JSON number, or null for NaN and infinities (JSON has no such values).
 * Integral values within +-2^53 print without a decimal point ("130000",
 * and "0" for -0.0); anything else uses the shortest of %.15g, %.16g and
 * %.17g that reads back as the same double.
 */
void jsonw_number(struct buf *out, double v);

void jsonw_int(struct buf *out, long long v);

/* "key": (a NULL key is written as ""). */
void jsonw_key(struct buf *out, const char *key);

#endif
