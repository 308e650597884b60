/*
 * role.h - does a posting's title name a role?  Used by `report --role`.
 */
#ifndef JOBSTATS_ROLE_H
#define JOBSTATS_ROLE_H

#include <stddef.h>

/*
 * 1 when title contains the words of role as a contiguous whole-word
 * sequence, else 0.  Nothing is allocated.
 *
 * A word is a maximal run of ASCII letters and digits and bytes >= 0x80 (so
 * UTF-8 letters such as "ü" stay inside their word).  Everything else is a
 * separator and is ignored: "C++ Developer" is the words "C" "Developer" and
 * matches "C Developer" too; "Data Engineer" matches "data-engineer" and
 * "Data Engineer (Remote)", but not "Data Engineering Manager" (whole words)
 * or "Engineer, Data" (order).  ASCII letters compare without case; other
 * bytes compare exactly ("Ü" does not match "ü").
 *
 * Abbreviations are read as the words they stand for, in role and title
 * alike: Sr/Snr senior, Jr/Jnr junior, ML machine learning, MLE machine
 * learning engineer, Mgr manager, Eng/Engr engineer, SWE software engineer,
 * Dev developer, Assoc associate, Mgmt management, VP vice president; so
 * "Sr. ML Eng" matches "Senior Machine Learning Engineer" and the role "ML
 * Engineer" matches the title "Machine Learning Engineer".
 *
 * A NULL title, or a NULL role or one with no words, matches nothing.
 */
int role_matches(const char *role, const char *title);

/*
 * With titles (a NULL-terminated list, such as a role profile's title
 * patterns): 1 when any of them matches title by the rule above.  Without
 * (NULL): role_matches(role, title).
 */
int role_matches_any(const char *role, char *const *titles, const char *title);

/*
 * The next word of *p by the rule above (profile-fit.c tokenizes postings
 * with it, so a keyword and a title split into words alike): its start and
 * length, with *p left just past it; NULL when no word is left.
 */
const char *role_next_word(const char **p, size_t *len);

/* Is c a byte of a word by the rule above (locale-free)? */
int role_is_word_byte(unsigned char c);

#endif
