/* render-number.c - numbers as the renderers write them (render-number.h). */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "render-number.h"

void render_amount(char *out, size_t size, double v)
{
	char digits[32];
	size_t len, i, o = 0;

	if (isnan(v)) {
		snprintf(out, size, "-");
		return;
	}
	snprintf(digits, sizeof(digits), "%.0f", v);
	len = strlen(digits);
	for (i = 0; i < len && o + 2 < size; i++) {
		if (i > 0 && digits[i - 1] != '-' && (len - i) % 3 == 0)
			out[o++] = ',';
		out[o++] = digits[i];
	}
	out[o] = '\0';
}

unsigned render_percent(size_t part, size_t whole)
{
	return whole ? (unsigned)((100.0 * (double)part / (double)whole) + 0.5) : 0;
}
