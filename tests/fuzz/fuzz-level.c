/*
 * fuzz-level.c - level_detect() on any text.  The input is up to three
 * lines: the board's label, the title, the other hints; the whole input is
 * also read as each argument alone.
 *
 * Invariants: every answer is NULL or a level code that level_name()
 * knows; the arguments are read in order and the first that says wins
 * (label, then hints, then title), so the answer from all three is the one
 * from the first argument that answers alone; each level's own name, read
 * as a label, is that level.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "normalize.h"
#include "xalloc.h"

static const char *detect(const char *label, const char *title, const char *hints)
{
	const char *code = level_detect(label, title, hints);

	if (!fuzz_is_level(code) || (code != NULL && level_name(code) == NULL)) {
		fprintf(stderr, "level invariant broken: '%s' is no level\n", code);
		abort();
	}
	return code;
}

static void same(const char *got, const char *want, const char *what)
{
	if (got == want || (got != NULL && want != NULL && strcmp(got, want) == 0))
		return;
	fprintf(stderr, "level invariant broken: %s gave %s, expected %s\n", what,
		got ? got : "(null)", want ? want : "(null)");
	abort();
}

/* Every code's name reads as that code (once: it does not depend on the input). */
static void check_names(void)
{
	static const char *const codes[] = { "EN", "MI", "SE", "EX" };
	static int done;
	size_t i;

	if (done)
		return;
	done = 1;
	for (i = 0; i < COUNT(codes); i++)
		same(detect(level_name(codes[i]), NULL, NULL), codes[i], "a level's name");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = xstrndup((const char *)data, size), *lines[3];
	const char *label, *title, *hints, *want;

	check_names();
	detect(text, NULL, NULL);
	detect(NULL, text, NULL);
	detect(NULL, NULL, text);
	fuzz_split_lines(text, lines, COUNT(lines));
	label = detect(lines[0], NULL, NULL);
	title = detect(NULL, lines[1], NULL);
	hints = detect(NULL, NULL, lines[2]);
	want = label ? label : hints ? hints : title;
	same(detect(lines[0], lines[1], lines[2]), want, "label, title and hints");
	free(text);
	return 0;
}
