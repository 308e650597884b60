/*
 * settings.h - the user's settings file: "key = value" lines, '#'
 * comments, blank lines.  $JOBSTATS_CONFIG names it, else
 * $XDG_CONFIG_HOME/jobstats/config (or ~/.config/jobstats/config).  Which
 * keys mean what is the commands' business; this reads and remembers
 * where each came from, so a bad value is reported as FILE:LINE.
 */
#ifndef JOBSTATS_SETTINGS_H
#define JOBSTATS_SETTINGS_H

#include <stddef.h>

/* A settings file larger than this is refused: it is a few lines. */
#define SETTINGS_MAX_BYTES (64u * 1024)

struct setting {
	char *key, *value;
	int line;
};

struct settings {
	char *path;		/* NULL when there is none */
	struct setting *v;
	size_t n;
};

void settings_init(struct settings *s);
void settings_release(struct settings *s);

/* Read the user's file; a missing file is no settings, not an error. */
int settings_load(struct settings *s, char **err);
/* Read path (it must exist). */
int settings_read(struct settings *s, const char *path, char **err);

#endif
