/*
 * extract-jsonld-internal.h - what the JSON-LD files share: member access
 * on the parsed JSON (json-read.h), the narrow repairs of blocks real sites
 * get wrong, and the salary reader.
 */
#ifndef JOBSTATS_EXTRACT_JSONLD_INTERNAL_H
#define JOBSTATS_EXTRACT_JSONLD_INTERNAL_H

#include "json-read.h"
#include "posting.h"

/*
 * The member of the object o named key (schema.org names read in any case:
 * "Title", "BaseSalary"; the exact spelling wins over another case), or
 * NULL when it is absent or null (or o is no object).
 */
const struct json_node *jget(const struct json_node *o, const char *key);
/* Element i of the array a, as jget. */
const struct json_node *jindex(const struct json_node *a, int i);
/* The text of v as SQLite gave it (json_value_text), read as HTML text. */
char *jhtml(const struct json_node *v);
/*
 * Text of a member that sites write either as a plain value or as an object
 * with a name-like member sub (hiringOrganization's "name", identifier's
 * "value") or as an array of either (the first element counts); NULL when
 * absent or empty.
 */
char *jtext(const struct json_node *o, const char *key, const char *sub);

/* The structured salary of a JobPosting object (baseSalary, else
 * estimatedSalary), or its salary text when the site wrote one. */
void jsonld_salary(const struct json_node *job, struct raw_posting *p);

/* What jsonld_repair did, for the warning (bits). */
#define JSONLD_REPAIRED_ENTITIES 0x1	/* the block was HTML-escaped (&quot;) */
#define JSONLD_REPAIRED_COMMAS 0x2	/* trailing commas before } or ] */
#define JSONLD_REPAIRED_CONTROLS 0x4	/* raw newlines or tabs inside strings */

/* The JSON of a script's text with comment and CDATA wrappers removed
 * (allocated). */
char *jsonld_unwrap(const char *text);
/*
 * An HTML-escaped block ({&quot;title&quot;: ...}, no '"' of its own)
 * decoded in place; returns JSONLD_REPAIRED_ENTITIES when it was, else 0.
 */
unsigned jsonld_repair_entities(char *json);
/*
 * json with trailing commas before } or ] dropped and control characters
 * inside strings escaped; nothing else is touched, structure is never
 * guessed.  Returns the repaired copy (allocated) and sets *done to the
 * repairs made (0: the copy is json itself).
 */
char *jsonld_repair(const char *json, unsigned *done);
/* The repairs of done, named for a warning ("trailing commas, ..."). */
const char *jsonld_repairs_text(unsigned done, char *buf, size_t size);
/* Does the JSON nest arrays and objects deeper than max? */
int jsonld_too_deep(const char *s, int max);

#endif
