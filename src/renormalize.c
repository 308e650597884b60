/* renormalize.c - a stored posting, recomputed from what its page said. */
#include "config.h"

#include <string.h>

#include "renormalize.h"
#include "xalloc.h"

/* Words employment_type_parse reads as each code. */
static const char *employment_words(const char *code)
{
	static const char *const words[][2] = {
		{ "FT", "full time" }, { "PT", "part time" }, { "CT", "contract" },
		{ "FL", "freelance" }, { "IN", "internship" }, { "TEMP", "temporary" },
		{ "TE", "temporary" },	/* what schema version 1 databases hold */
	};
	size_t i;

	for (i = 0; code != NULL && i < sizeof(words) / sizeof(words[0]); i++)
		if (strcmp(code, words[i][0]) == 0)
			return words[i][1];
	return NULL;
}

void renormalize_raw_from_stored(const struct posting *p, struct raw_posting *out)
{
	const struct salary *s = &p->salary;

	raw_posting_init(out);
	out->title = xstrdup_or_null(p->title);
	out->company = xstrdup_or_null(p->company);
	out->location = xstrdup_or_null(p->location);
	out->remote = xstrdup_or_null(p->remote);
	out->country = p->country[0] ? xstrdup(p->country) : NULL;
	out->level = xstrdup_or_null(p->level);
	out->employment_type = xstrdup_or_null(employment_words(p->employment_type));
	out->salary_text = xstrdup_or_null(p->salary_text);
	out->url = xstrdup_or_null(p->url);
	out->external_id = xstrdup_or_null(p->external_id);
	out->description = xstrdup_or_null(p->description);
	out->posted = xstrdup_or_null(p->posted);
	if (s->found && s->provenance != NULL && strcmp(s->provenance, "structured") == 0) {
		out->salary_hints.min = s->min;
		out->salary_hints.max = s->max;
		memcpy(out->salary_hints.currency, s->currency, sizeof(s->currency));
		out->salary_hints.period = s->period;
	}
}

void renormalize_posting(const struct posting *stored, const struct raw_posting *raw,
			 struct posting *out)
{
	struct raw_posting rebuilt;

	if (raw != NULL) {
		posting_normalize(raw, out);
		return;
	}
	renormalize_raw_from_stored(stored, &rebuilt);
	posting_normalize(&rebuilt, out);
	raw_posting_release(&rebuilt);
}
