/*
 * json-oracle.h - src/json-read.c held against SQLite's JSON functions, the
 * oracle (what the extractors used before it): shared by check_json_read
 * and the fuzz target fuzz-jsonld.
 */
#ifndef JOBSTATS_JSON_ORACLE_H
#define JOBSTATS_JSON_ORACLE_H

#include "buf.h"

/*
 * Compare the reader with SQLite on json: validity, then every json_tree
 * row (fullkey, type, value text), each fullkey read back as a path, and
 * member lookups by every member's name in three cases and by a few
 * schema.org names.  Differences are appended to diff, each prefixed by
 * what; returns their count.
 */
size_t json_oracle_compare(const char *json, const char *what, struct buf *diff);
/*
 * json_oracle_compare on an ld+json script's text as the page has it, and
 * as the extractor reads it: unwrapped and decoded, and repaired.
 */
size_t json_oracle_block(const char *text, const char *what, struct buf *diff);
/* The same for one path on json (json_type and json_extract, errors too). */
size_t json_oracle_path(const char *json, const char *path, const char *what, struct buf *diff);
/* Close the oracle's database (at the end; the next call opens it again). */
void json_oracle_close(void);

#endif
