/*
 * profile.h - role profiles as data: the titles that name a role and the
 * weighted keywords (responsibilities, skills, tools, industries) that
 * describe it, read from "NAME.profile" files.
 *
 * The format, one entry a line ('#' starts a comment line, blank lines and
 * spaces around keys and values are ignored):
 *
 *   name: Data Operations Manager      exactly once
 *   title: DataOps Manager             at least once; whole words (role.h)
 *   responsibility: 5 data quality     WEIGHT (1 to 100) then a phrase;
 *   skill: 3 GDPR                      likewise skill:, tool: and industry:
 *   threshold: 12                      optional, at most once, 1 to 10000:
 *                                      the score a posting needs to fit
 *                                      (profile-fit.h has the default)
 *
 * Profiles are looked for in the user's directory
 * ($XDG_CONFIG_HOME/jobstats/profiles, default ~/.config/jobstats/profiles),
 * then in the shipped one ($JOBSTATS_PROFILES_DIR, default
 * PKGDATADIR/profiles); a user profile overrides a shipped one of the same
 * name (compared without case).
 */
#ifndef JOBSTATS_PROFILE_H
#define JOBSTATS_PROFILE_H

#include <stddef.h>

enum profile_kind {
	PROFILE_RESPONSIBILITY,
	PROFILE_SKILL,
	PROFILE_TOOL,
	PROFILE_INDUSTRY
};

struct profile_keyword {
	enum profile_kind kind;
	int weight;		/* 1 to 100 */
	char *phrase;
};

struct profile {
	char *name;		/* from "name:" */
	char *path;		/* the file it came from; NULL when parsed from text */
	char **titles;		/* ntitles >= 1, and NULL after the last */
	size_t ntitles;
	struct profile_keyword *keywords;
	size_t nkeywords;
	int threshold;		/* from "threshold:"; 0 when the file sets none */
};

struct profile_set {
	struct profile *v;	/* sorted by name, without case */
	size_t n;
};

/* "responsibility", "skill", "tool" or "industry". */
const char *profile_kind_name(enum profile_kind kind);

/*
 * Parse text (NUL-terminated) into *out.  source names the text in error
 * messages: "profile 'x.profile' line 12: unknown key 'foo'".  On error
 * -1, *err set and *out left empty (profile_release is harmless).
 */
int profile_parse(const char *text, const char *source, struct profile *out, char **err);
void profile_release(struct profile *p);

/* The directories profile_load reads, first wins: each returned string is
 * the caller's; a NULL entry means the directory has no place (no HOME). */
char *profile_user_dir(void);
char *profile_system_dir(void);

/*
 * Every profile in the user's then the shipped directory (a missing
 * directory has none).  A file that does not parse, or two files in one
 * directory naming one profile, is an error: -1 and *err.
 */
int profile_load(struct profile_set *out, char **err);
/* Every "*.profile" in dirs[0], then dirs[1], ... (NULL entries skipped). */
int profile_load_dirs(const char *const *dirs, size_t ndirs, struct profile_set *out,
		      char **err);
void profile_set_release(struct profile_set *set);

/* The profile called name (without case), or whose file is name.profile;
 * NULL when none is.  Borrowed from set. */
const struct profile *profile_find(const struct profile_set *set, const char *name);

/*
 * For --role VALUE: when VALUE names a profile, set *titles to a
 * NULL-terminated copy of its title patterns (the caller frees it with
 * profile_titles_free); otherwise *titles = NULL and the role's own words
 * apply.  Loading the profiles can fail: -1 and *err.
 */
int profile_resolve_role(const char *value, char ***titles, char **err);
void profile_titles_free(char **titles);

#endif
