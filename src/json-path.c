/*
 * json-path.c - a JSON number's double and a path's node, as SQLite 3.40
 * read them (json-read.h).
 */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "json-read.h"

#define INT64_LIMIT 0x7fffffffffffffffLL
/* Beyond this the significand takes no more digits. */
#define SIGNIFICAND_FULL ((INT64_LIMIT - 9) / 10)

/* 10^e, scaled as SQLite scales it (in long double, 10^22 at a time). */
static long double power_of_ten(int e)
{
	long double scale = 1.0;

	while (e % 22) {
		scale *= 1.0e+1L;
		e--;
	}
	while (e > 0) {
		scale *= 1.0e+22L;
		e -= 22;
	}
	return scale;
}

/* sign * s * 10^(esign * e) as SQLite's text-to-double computes it. */
static double scaled(int neg, int64_t s, int e, int esign)
{
	long double scale = 1.0;
	double r;

	/* Move what it can of the exponent into the significand exactly. */
	for (; e > 0; e--) {
		if (esign > 0 && s >= INT64_LIMIT / 10)
			break;
		if (esign < 0 && s % 10 != 0)
			break;
		s = esign > 0 ? s * 10 : s / 10;
	}
	s = neg ? -s : s;
	if (e == 0)
		return (double)s;
	if (e <= 307)
		return esign < 0 ? (double)(s / power_of_ten(e)) : (double)(s * power_of_ten(e));
	if (e >= 342)
		return esign < 0 ? 0.0 * (double)s : INFINITY * (double)s;
	while (e % 308) {
		scale *= 1.0e+1L;
		e--;
	}
	r = esign < 0 ? (double)(s / scale) : (double)(s * scale);
	return esign < 0 ? r / 1.0e+308 : r * 1.0e+308;
}

/*
 * The double of a JSON number z (n bytes, valid): at most 18 or so
 * significant digits count, the rest only move the point, as in SQLite.
 */
double json_number_double(const char *z, size_t n)
{
	const char *end = z + n;
	int neg = *z == '-', d = 0, e = 0, esign = 1;
	int64_t s = 0;

	for (z += neg; z < end && *z >= '0' && *z <= '9';) {
		s = s * 10 + (*z++ - '0');
		for (; s >= SIGNIFICAND_FULL && z < end && *z >= '0' && *z <= '9'; z++)
			d++;	/* digits beyond the significand only move the point */
	}
	if (z < end && *z == '.')
		for (z++; z < end && *z >= '0' && *z <= '9'; z++)
			if (s < SIGNIFICAND_FULL) {
				s = s * 10 + (*z - '0');
				d--;
			}
	if (z < end && (*z == 'e' || *z == 'E')) {
		z++;
		if (*z == '-' || *z == '+')
			esign = *z++ == '-' ? -1 : 1;
		for (; z < end && *z >= '0' && *z <= '9'; z++)
			e = e < 10000 ? e * 10 + (*z - '0') : 10000;
	}
	e = e * esign + d;
	esign = e < 0 ? -1 : 1;
	e = e < 0 ? -e : e;
	if (s == 0)
		return neg ? -0.0 : 0.0;
	return scaled(neg, s, e, esign);
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static const struct json_node *path_step(const struct json_node *v, const char *path,
					 const char **bad);

/* ".name" or ".\"name\"" from the object v: names compare as written, escapes and all. */
static const struct json_node *member_step(const struct json_node *v, const char *path,
					   const char **bad)
{
	const struct json_node *k, *end;
	const char *key = path;
	size_t n = 0, i;

	if (v->type != JSON_OBJECT)
		return NULL;
	if (*path == '"') {
		for (key = ++path; key[n] != '\0' && key[n] != '"'; n++)
			;
		if (key[n] == '\0') {
			*bad = path - 1;
			return NULL;
		}
		i = n + 1;
	} else {
		while (key[n] != '\0' && key[n] != '.' && key[n] != '[')
			n++;
		if (n == 0) {
			*bad = path;
			return NULL;
		}
		i = n;
	}
	end = json_next(v);
	for (k = v + 1; k < end; k = json_next(k + 1))
		if (k->len == n + 2 && memcmp(k->text + 1, key, n) == 0)
			return path_step(k + 1, path + i, bad);
	return NULL;
}

/* The count of elements of the array v. */
static uint32_t elements(const struct json_node *v)
{
	const struct json_node *e, *end = json_next(v);
	uint32_t n = 0;

	for (e = v + 1; e < end; e = json_next(e))
		n++;
	return n;
}

/* "[N]", "[#]" or "[#-N]" from the array v (N wraps as SQLite's u32 does). */
static const struct json_node *element_step(const struct json_node *v, const char *path,
					    const char **bad)
{
	uint32_t i = 0, x = 0;
	size_t j = 1;

	while (is_digit(path[j]))
		i = i * 10 + (uint32_t)(path[j++] - '0');
	if (j < 2 || path[j] != ']') {
		if (path[1] != '#') {
			*bad = path;
			return NULL;
		}
		if (v->type != JSON_ARRAY)
			return NULL;
		i = elements(v);
		j = 2;
		if (path[2] == '-' && is_digit(path[3])) {
			for (j = 3; is_digit(path[j]); j++)
				x = x * 10 + (uint32_t)(path[j] - '0');
			if (x > i)
				return NULL;
			i -= x;
		}
		if (path[j] != ']') {
			*bad = path;
			return NULL;
		}
	}
	if (v->type != JSON_ARRAY)
		return NULL;
	v = json_element(v, i);
	return v ? path_step(v, path + j + 1, bad) : NULL;
}

static const struct json_node *path_step(const struct json_node *v, const char *path,
					 const char **bad)
{
	if (*path == '\0')
		return v;
	if (*path == '.')
		return member_step(v, path + 1, bad);
	if (*path == '[')
		return element_step(v, path, bad);
	*bad = path;
	return NULL;
}

const struct json_node *json_at(const struct json_node *v, const char *path, const char **bad)
{
	*bad = NULL;
	if (*path != '$') {
		*bad = path;
		return NULL;
	}
	v = path_step(v, path + 1, bad);
	return *bad ? NULL : v;
}
