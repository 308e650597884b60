/*
 * renormalize.h - recompute a stored posting with today's normalizers.
 * Pure functions, no I/O: "jobstats renormalize" hands them to
 * store_renormalize (store.h).
 */
#ifndef JOBSTATS_RENORMALIZE_H
#define JOBSTATS_RENORMALIZE_H

#include "posting.h"

/*
 * A raw posting for a posting stored before raw records were kept (schema
 * version 1), built from its columns (out is owned; raw_posting_release it).
 * The columns that are raw already are used as they are: title, company,
 * location, salary text, posted.  What the page said about level,
 * employment type, work arrangement and country was not kept, so the stored
 * codes stand in for it ("MI", "full time" for FT, "remote", "US"), and a
 * salary read from structured data keeps its figures as hints.  So today's
 * rules re-read the text; they cannot second-guess what only a lost label
 * said.
 */
void renormalize_raw_from_stored(const struct posting *stored, struct raw_posting *out);

/*
 * The posting today's posting_normalize makes of raw, or when raw is NULL of
 * renormalize_raw_from_stored(stored).  Fits store_renormalize_fn.
 */
void renormalize_posting(const struct posting *stored, const struct raw_posting *raw,
			 struct posting *out);

#endif
