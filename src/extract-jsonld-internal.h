/*
 * extract-jsonld-internal.h - what the JSON-LD files share: the JSON reader
 * (SQLite's JSON functions on a private in-memory database), the narrow
 * repairs of blocks real sites get wrong, and the salary reader.
 */
#ifndef JOBSTATS_EXTRACT_JSONLD_INTERNAL_H
#define JOBSTATS_EXTRACT_JSONLD_INTERNAL_H

#include <sqlite3.h>

#include "posting.h"

/* One member of an object, as json_each gives it. */
struct jmember {
	char *key;
	char type[8];		/* json_each's type name */
	char *value;		/* its text (objects and arrays as JSON), or NULL */
};

/* An object jget has read, by its text, with its members. */
struct jobject {
	char *text;
	struct jmember *members;
	size_t n;
};

/* How many objects jget keeps read: a posting's, its salary's, its place's. */
#define JSONQ_OBJECTS 8

struct jsonq {
	sqlite3 *db;
	sqlite3_stmt *member;	/* a member of object ?1 named ?2, any case */
	sqlite3_stmt *get;	/* json_type and json_extract of ?1 at path ?2 */
	sqlite3_stmt *find;	/* JobPosting objects anywhere in ?1 */
	sqlite3_stmt *valid;
	sqlite3_stmt *each;	/* every member of object ?1 */
	/*
	 * The objects jget read last, their members read once: a JobPosting is
	 * asked for some twenty members, and MEMBER_SQL would parse the whole
	 * object (its description too) for each.
	 */
	struct jobject objects[JSONQ_OBJECTS];
	size_t nobjects, next;	/* next: the slot to reuse when all are taken */
};

/*
 * The members of the object json, read once and kept (by its text), or
 * NULL when json is not an object.
 */
const struct jobject *jsonq_members(struct jsonq *q, const char *json);
/*
 * Member key of o as MEMBER_SQL gives it: the one exact match, else the
 * one match in another case.  Returns 0 when the members cannot tell which
 * row SQLite's ORDER BY would give (two exact or two other-case matches):
 * then SQLite is asked.
 */
int jsonq_member(const struct jobject *o, const char *key, char type[8], char **out);
/* Drop the objects kept (after each posting, and at the end). */
void jsonq_forget(struct jsonq *q);

/*
 * The member of the object json named key (schema.org names read in any
 * case: "Title", "BaseSalary"; the exact spelling wins over another case):
 * its JSON type name ("text", "integer", "object", ...) in *type, "" when
 * absent or null, and its text (objects and arrays as JSON), allocated, or
 * NULL.
 */
char *jget(struct jsonq *q, const char *json, const char *key, char type[8]);
/* Element i of the array json, as jget. */
char *jindex(struct jsonq *q, const char *json, int i, char type[8]);
/*
 * Text of a member that sites write either as a plain value or as an object
 * with a name-like member sub (hiringOrganization's "name", identifier's
 * "value") or as an array of either (the first element counts); NULL when
 * absent or empty.
 */
char *jtext(struct jsonq *q, const char *json, const char *key, const char *sub);

/* The structured salary of a JobPosting object (baseSalary, else
 * estimatedSalary), or its salary text when the site wrote one. */
void jsonld_salary(struct jsonq *q, const char *job, struct raw_posting *p);

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
