/*
 * confdir.h - data files a user can edit (role profiles, board rules):
 * where they live and how they are read.  Shipped files are in
 * $(pkgdatadir)/KIND (or the directory an environment variable names, for
 * the tests); the user's are in $XDG_CONFIG_HOME/jobstats/KIND and win over
 * shipped ones of the same name.  No printing: errors go to *err.
 */
#ifndef JOBSTATS_CONFDIR_H
#define JOBSTATS_CONFDIR_H

#include <stddef.h>

#include "buf.h"

/* $XDG_CONFIG_HOME/jobstats/KIND (or ~/.config/...), or NULL without a home. */
char *confdir_user(const char *kind);
/* $ENVVAR when set and not empty, else $(pkgdatadir)/KIND. */
char *confdir_system(const char *envvar, const char *kind);

/*
 * Read a text file of at most max bytes into b.  what names the kind of
 * file in messages ("profile", "rules file").  -1 with *err set when it
 * cannot be read, is larger, or holds NUL bytes.
 */
int confdir_read(const char *path, size_t max, const char *what, struct buf *b, char **err);

/*
 * The names in dir ending in suffix (".profile"), sorted; a directory that
 * does not exist has none.  *names and each name are the caller's to free.
 */
int confdir_list(const char *dir, const char *suffix, const char *what, char ***names,
		 size_t *n, char **err);

#endif
