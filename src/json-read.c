/*
 * json-read.c - parse JSON into one array of nodes, as SQLite 3.40's JSON
 * functions read it (json-read.h).
 *
 * Where SQLite 3.40 differs from RFC 8259 (tests/check_json_read.c holds a
 * case for each): blanks are only space, tab, CR and LF; null, true and
 * false may not run on into a letter or digit; a number may not start with
 * '+', '.' or a redundant 0, nor end in '.', 'e' or a sign; strings refuse
 * bytes below 0x20 but take any other byte and any \u escape, surrogates
 * alone too; nesting stops at 2000 levels.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "json-read.h"
#include "xalloc.h"

/* SQLite's JSON_MAX_DEPTH. */
#define JSON_MAX_DEPTH 2000

/* What parse_value returns besides the offset after the value. */
#define END_OF_OBJECT (-2)
#define END_OF_ARRAY (-3)

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_hex(char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static long skip_blanks(const char *z, long i)
{
	while (is_blank(z[i]))
		i++;
	return i;
}

static uint32_t add_node(struct json_doc *d, int type, const char *text, long len, uint32_t up)
{
	struct json_node *v;

	if (d->n == d->alloc) {
		d->alloc = d->alloc ? 2 * d->alloc : 64;
		d->node = xreallocarray(d->node, d->alloc, sizeof(*d->node));
	}
	v = &d->node[d->n];
	memset(v, 0, sizeof(*v));
	v->type = (uint8_t)type;
	v->text = text;
	v->len = (uint32_t)len;
	v->up = up;
	return (uint32_t)d->n++;
}

static long parse_value(struct json_doc *d, const char *z, long i, uint32_t up);

/* After an object's label (the node just added, at z[x]): ':' and the value. */
static long parse_member_value(struct json_doc *d, const char *z, long x, uint32_t self)
{
	long j;

	if (d->node[d->n - 1].type != JSON_TEXT)
		return -1;
	d->node[d->n - 1].label = 1;
	j = skip_blanks(z, x);
	return z[j] == ':' ? parse_value(d, z, j + 1, self) : -1;
}

/*
 * The members of the object or the elements of the array at node self, from
 * just after its opening bracket.  Each one nests a level deeper (an
 * object's label and value together), as in SQLite.
 */
static long parse_items(struct json_doc *d, const char *z, long j, uint32_t self, int object)
{
	long x;

	for (;; j++) {
		j = skip_blanks(z, j);
		if (++d->depth > JSON_MAX_DEPTH)
			return -1;
		x = parse_value(d, z, j, self);
		if (x < 0) {
			/* only an empty object or array may close here */
			return x == (object ? END_OF_OBJECT : END_OF_ARRAY) && d->n == self + 1 ?
			       (d->depth--, j + 1) : -1;
		}
		if (object && (x = parse_member_value(d, z, x, self)) < 0)
			return -1;
		d->depth--;
		j = skip_blanks(z, x);
		if (z[j] == ',')
			continue;
		if (z[j] != (object ? '}' : ']'))
			return -1;
		break;
	}
	d->node[self].below = (uint32_t)(d->n - self - 1);
	return j + 1;
}

/* The string opening at z[i]: the offset after it, or -1. */
static long parse_string(struct json_doc *d, const char *z, long i, uint32_t up)
{
	long j = i + 1;
	int escaped = 0;
	unsigned char c;
	uint32_t self;

	for (;; j++) {
		c = (unsigned char)z[j];
		if (c < 0x20)
			return -1;	/* control characters, and the end of the text */
		if (c == '"')
			break;
		if (c != '\\')
			continue;
		c = (unsigned char)z[++j];
		if (c == 'u' && is_hex(z[j + 1]) && is_hex(z[j + 2]) && is_hex(z[j + 3]) &&
		    is_hex(z[j + 4]))
			escaped = 1;
		else if (c != '\0' && strchr("\"\\/bfnrt", c) != NULL)
			escaped = 1;
		else
			return -1;
	}
	self = add_node(d, JSON_TEXT, z + i, j + 1 - i, up);	/* may move d->node */
	d->node[self].escaped = (uint8_t)escaped;
	return j + 1;
}

/* The number starting at z[i] ('-' or a digit): the offset after it, or -1. */
static long parse_number(struct json_doc *d, const char *z, long i, uint32_t up)
{
	int point = 0, exponent = 0;
	long j = z[i] == '-' ? i + 1 : i;

	if (z[j] == '0' && is_digit(z[j + 1]))
		return -1;
	for (j = i + 1;; j++) {
		if (is_digit(z[j]))
			continue;
		if (z[j] == '.') {
			if (z[j - 1] == '-' || point)
				return -1;
			point = 1;
			continue;
		}
		if (z[j] != 'e' && z[j] != 'E')
			break;
		if (z[j - 1] < '0' || exponent)
			return -1;
		point = exponent = 1;
		if (z[j + 1] == '+' || z[j + 1] == '-')
			j++;
		if (!is_digit(z[j + 1]))
			return -1;
	}
	if (z[j - 1] < '0')
		return -1;
	add_node(d, point ? JSON_REAL : JSON_INTEGER, z + i, j - i, up);
	return j;
}

/* word (null, true, false) at z[i], not running on into a letter or digit. */
static int is_word(const char *z, long i, const char *word, size_t n)
{
	return strncmp(z + i, word, n) == 0 && !is_alpha(z[i + n]) && !is_digit(z[i + n]);
}

/*
 * The value at z[i] (after blanks) added as nodes: the offset after it, or
 * -1 when it is not valid, END_OF_OBJECT or END_OF_ARRAY at a closing
 * bracket, 0 at the end of the text.
 */
static long parse_value(struct json_doc *d, const char *z, long i, uint32_t up)
{
	uint32_t self;
	char c;

	i = skip_blanks(z, i);
	c = z[i];
	if (c == '{' || c == '[') {
		self = add_node(d, c == '{' ? JSON_OBJECT : JSON_ARRAY, z + i, 0, up);
		return parse_items(d, z, i + 1, self, c == '{');
	}
	if (c == '"')
		return parse_string(d, z, i, up);
	if (c == '-' || is_digit(c))
		return parse_number(d, z, i, up);
	if (c == 'n' && is_word(z, i, "null", 4))
		return add_node(d, JSON_NULL, z + i, 4, up), i + 4;
	if (c == 't' && is_word(z, i, "true", 4))
		return add_node(d, JSON_TRUE, z + i, 4, up), i + 4;
	if (c == 'f' && is_word(z, i, "false", 5))
		return add_node(d, JSON_FALSE, z + i, 5, up), i + 5;
	if (c == '}')
		return END_OF_OBJECT;
	if (c == ']')
		return END_OF_ARRAY;
	return c == '\0' ? 0 : -1;
}

int json_parse(struct json_doc *d, const char *text)
{
	long i;

	d->n = 0;
	d->depth = 0;
	i = parse_value(d, text, 0, 0);
	if (i > 0 && text[skip_blanks(text, i)] != '\0')
		i = -1;
	if (i <= 0) {
		d->n = 0;
		return -1;
	}
	return 0;
}

void json_doc_release(struct json_doc *d)
{
	free(d->node);
	memset(d, 0, sizeof(*d));
}

const char *json_type_name(int type)
{
	static const char *const names[] = {
		"null", "true", "false", "integer", "real", "text", "array", "object"
	};

	return type >= 0 && type <= JSON_OBJECT ? names[type] : "";
}
