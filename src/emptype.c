/*
 * emptype.c - employment type (FT, PT, CT, FL, IN, TE) from board text and
 * schema.org employmentType values (normalize.h).
 */
#include "config.h"

#include <stddef.h>

#include "normalize.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/*
 * First match wins, so the more specific word comes first: a "Full Time
 * Internship" is an internship, a "Temporary contract" and a "Part-time
 * contract" are contracts, a "Permanent part-time" job is part time.
 * Separators are loose (normalize_find_word): "full time" also reads
 * "Full-Time" and schema.org's "FULL_TIME".
 */
static const struct {
	const char *phrase;
	const char *code;
} types[] = {
	{ "internship", "IN" }, { "intern", "IN" }, { "apprenticeship", "IN" },
	{ "freelance", "FL" }, { "freelancer", "FL" },
	{ "contract", "CT" }, { "contractor", "CT" }, { "contract to hire", "CT" },
	{ "fixed term", "CT" },
	{ "part time", "PT" }, { "parttime", "PT" },
	{ "temporary", "TE" }, { "temp", "TE" }, { "seasonal", "TE" }, { "per diem", "TE" },
	{ "full time", "FT" }, { "fulltime", "FT" }, { "permanent", "FT" },
};

const char *employment_type_normalize(const char *text)
{
	size_t i;

	if (text == NULL)
		return NULL;
	for (i = 0; i < COUNT(types); i++)
		if (normalize_find_word(text, types[i].phrase, 1, NULL) != NULL)
			return types[i].code;
	return NULL;
}
