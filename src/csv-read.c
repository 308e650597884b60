/* csv-read.c - a small RFC 4180 reader (csv-read.h). */
#include "config.h"

#include <errno.h>
#include <string.h>

#include "csv-read.h"
#include "xalloc.h"

void csv_reader_init(struct csv_reader *r, FILE *f)
{
	memset(r, 0, sizeof(*r));
	r->f = f;
	r->next_line = 1;
	buf_init(&r->text);
}

void csv_reader_release(struct csv_reader *r)
{
	buf_release(&r->text);
}

const char *csv_field_at(const struct csv_reader *r, size_t i)
{
	return r->text.data + r->start[i];
}

/* End the current field and, unless it is the last, open the next one. */
static int end_field(struct csv_reader *r, int more, char **err)
{
	buf_append(&r->text, "", 1);
	if (!more)
		return 0;
	if (r->nfields == CSV_MAX_FIELDS)
		return set_error(err, "line %ld: more than %d fields", r->line, CSV_MAX_FIELDS);
	r->start[r->nfields++] = r->text.len;
	return 0;
}

static int add_byte(struct csv_reader *r, int c, size_t field_start, char **err)
{
	if (c == '\0')
		return set_error(err, "line %ld: NUL byte", r->next_line);
	if (r->text.len - field_start >= CSV_MAX_FIELD)
		return set_error(err, "line %ld: field longer than %d bytes", r->line,
				 CSV_MAX_FIELD);
	buf_append(&r->text, &(char){ (char)c }, 1);
	return 0;
}

/* A quoted field's text up to its closing quote; then the byte after it. */
static int read_quoted(struct csv_reader *r, int *next, char **err)
{
	size_t field_start = r->start[r->nfields - 1];
	int c;

	for (;;) {
		c = getc(r->f);
		if (c == EOF)
			return set_error(err, "line %ld: quoted field not closed", r->line);
		if (c == '"') {
			c = getc(r->f);
			if (c != '"') {
				*next = c;
				return 0;
			}
		}
		if (c == '\n')
			r->next_line++;
		if (add_byte(r, c, field_start, err) < 0)
			return -1;
	}
}

int csv_read(struct csv_reader *r, char **err)
{
	int c = getc(r->f), at_start = 1;

	if (c == EOF)
		return ferror(r->f) ? set_error(err, "cannot read: %s", strerror(errno)) : 0;
	r->line = r->next_line;
	r->text.len = 0;
	r->nfields = 1;
	r->start[0] = 0;
	for (;; c = getc(r->f)) {
		if (c == '"' && at_start) {
			if (read_quoted(r, &c, err) < 0)
				return -1;
			if (c != ',' && c != '\n' && c != '\r' && c != EOF)
				return set_error(err, "line %ld: text after a closing quote",
						 r->next_line);
		}
		if (c == '\r') {
			c = getc(r->f);
			if (c != '\n')
				return set_error(err, "line %ld: carriage return not before a "
						 "line feed", r->next_line);
		}
		if (c == EOF || c == '\n') {
			r->next_line += c == '\n';
			if (ferror(r->f))
				return set_error(err, "cannot read: %s", strerror(errno));
			return end_field(r, 0, err) < 0 ? -1 : 1;
		}
		at_start = c == ',';
		if (c == ',' ? end_field(r, 1, err) < 0
			     : add_byte(r, c, r->start[r->nfields - 1], err) < 0)
			return -1;
	}
}
