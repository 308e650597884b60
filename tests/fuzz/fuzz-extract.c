/*
 * fuzz-extract.c - extract_page() on any bytes, then posting_normalize() on
 * every raw posting it finds; everything is released, so a leak shows too.
 * A normalized salary must pass fuzz_check_salary().
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "fuzz.h"
#include "posting.h"

#define BASE_URL "https://fuzz.example.test/list"

static void normalize_and_check(const struct raw_posting *raw)
{
	struct posting p;

	posting_init(&p);
	posting_normalize(raw, &p);
	fuzz_check_salary(&p.salary, p.salary.found);
	if (strlen(p.country) != 0 && strlen(p.country) != 2)
		abort();
	posting_release(&p);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct extract_result result;
	char *err = NULL;
	size_t i;

	extract_result_init(&result);
	if (extract_page((const char *)data, size, BASE_URL, &result, &err) == 0) {
		for (i = 0; i < result.count; i++)
			normalize_and_check(&result.postings[i]);
	} else if (err == NULL) {
		abort();	/* -1 must come with a message */
	}
	free(err);
	extract_result_release(&result);
	return 0;
}
