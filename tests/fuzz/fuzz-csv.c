/*
 * fuzz-csv.c - the CSV writer's round trip: records made of the input are
 * written with csv_row() (csv.c) and read back with csv_read()
 * (csv-read.c).
 *
 * Input: byte 0 is the flags (bit 0: CSV_RAW), byte 1 marks fields as
 * numbers (bit i % 8 for field i), the rest is records separated by 0x1e,
 * each made of fields separated by 0x1f (a NUL ends a field's text; at
 * most CSV_MAX_FIELDS fields a record).
 *
 * Invariant: every record reads back with as many fields as were written,
 * each identical to the one written, except that a text field a
 * spreadsheet would take for a formula reads back with a ' before it
 * (unless CSV_RAW or a number); then the input ends.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv-read.h"
#include "csv.h"
#include "fuzz.h"
#include "xalloc.h"

#define FIELD_SEP 0x1f
#define RECORD_SEP 0x1e

struct record {
	char *field[CSV_MAX_FIELDS];
	size_t n;
	uint64_t numbers;
};

static void require(int ok, const char *what, const char *csv)
{
	if (ok)
		return;
	fprintf(stderr, "csv invariant broken: %s\nwritten: '%s'\n", what, csv ? csv : "");
	abort();
}

/* The record of data[0 .. size), fields numbered as the mask says. */
static void record_from(const uint8_t *data, size_t size, unsigned char mask, struct record *rec)
{
	const uint8_t *end = data + size, *sep;

	rec->n = 0;
	rec->numbers = 0;
	do {
		sep = memchr(data, FIELD_SEP, (size_t)(end - data));
		if (sep == NULL)
			sep = end;
		if (rec->n < CSV_MAX_FIELDS) {
			if (mask & (1u << (rec->n % 8)))
				rec->numbers |= CSV_COLUMN(rec->n);
			rec->field[rec->n++] = xstrndup((const char *)data, (size_t)(sep - data));
		}
		data = sep + 1;
	} while (sep < end);
}

static void record_release(struct record *rec)
{
	size_t i;

	for (i = 0; i < rec->n; i++)
		free(rec->field[i]);
}

/* What field i of rec reads back as (allocated). */
static char *expected(const struct record *rec, size_t i, int flags)
{
	const char *f = rec->field[i];
	int number = (rec->numbers & CSV_COLUMN(i)) != 0;

	if (!(flags & CSV_RAW) && !number && f[0] != '\0' && strchr("=+-@\t\r\n", f[0]) != NULL)
		return xasprintf("'%s", f);
	return xstrdup(f);
}

/* Read rec back from r; 0 when a field is too long for the reader. */
static int read_back(struct csv_reader *r, const struct record *rec, int flags, const char *csv)
{
	char *err = NULL, *want;
	size_t i;
	int ret = csv_read(r, &err), ok;

	for (i = 0; i < rec->n; i++)
		if (strlen(rec->field[i]) + 1 > CSV_MAX_FIELD) {
			free(err);
			return 0;	/* the reader refuses it, rightly */
		}
	if (ret != 1)
		fprintf(stderr, "csv_read: %d %s\n", ret, err ? err : "");
	require(ret == 1, "a record written does not read back", csv);
	require(r->nfields == rec->n, "a different number of fields", csv);
	for (i = 0; i < rec->n; i++) {
		want = expected(rec, i, flags);
		ok = strcmp(csv_field_at(r, i), want) == 0;
		if (!ok)
			fprintf(stderr, "field %zu: wrote '%s', read '%s'\n", i, want,
				csv_field_at(r, i));
		require(ok, "a field reads back different", csv);
		free(want);
	}
	return 1;
}

static void round_trip(struct record *recs, size_t n, int flags)
{
	struct buf out;
	struct csv_reader r;
	char *err = NULL;
	size_t i;
	FILE *f;

	buf_init(&out);
	for (i = 0; i < n; i++)
		csv_row(&out, (const char *const *)recs[i].field, recs[i].n, recs[i].numbers, flags);
	f = fmemopen(out.data, out.len, "r");
	require(f != NULL, "fmemopen failed", out.data);
	csv_reader_init(&r, f);
	for (i = 0; i < n; i++)
		if (!read_back(&r, &recs[i], flags, out.data))
			break;
	if (i == n)
		require(csv_read(&r, &err) == 0, "more records than were written", out.data);
	free(err);
	csv_reader_release(&r);
	fclose(f);
	buf_release(&out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct record *recs = NULL;
	const uint8_t *end = data + size, *p, *sep;
	size_t n = 0, i;

	if (size < 2)
		return 0;
	for (p = data + 2;; p = sep + 1) {
		sep = memchr(p, RECORD_SEP, (size_t)(end - p));
		if (sep == NULL)
			sep = end;
		recs = xreallocarray(recs, n + 1, sizeof(*recs));
		record_from(p, (size_t)(sep - p), data[1], &recs[n++]);
		if (sep == end)
			break;
	}
	round_trip(recs, n, data[0] & CSV_RAW);
	for (i = 0; i < n; i++)
		record_release(&recs[i]);
	free(recs);
	return 0;
}
