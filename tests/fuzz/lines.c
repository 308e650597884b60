/* lines.c - an input cut into lines (fuzz.h). */
#include "config.h"

#include <string.h>

#include "fuzz.h"

void fuzz_split_lines(char *text, char **lines, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		lines[i] = text;
		if (text != NULL && (text = strchr(text, '\n')) != NULL)
			*text++ = '\0';
	}
}
