/*
 * role-list.h - the roles "export --what salaries" is asked for: given
 * with --role, read from a file (--roles-from), or both, in order, each
 * once.  Reading never prints; errors name the file and the line.
 */
#ifndef JOBSTATS_ROLE_LIST_H
#define JOBSTATS_ROLE_LIST_H

#include <stddef.h>
#include <stdio.h>

/* The longest role a roles file may hold, in bytes. */
#define ROLE_LIST_MAX_ROLE 256

struct role_list {
	char **v;	/* the roles, the list's own copies, in first-seen order */
	size_t n;
};

#define ROLE_LIST_INIT { NULL, 0 }

void role_list_release(struct role_list *l);

/*
 * Add a copy of role unless the list has it already: the same words in the
 * same order, ignoring case and punctuation (role.h), which is when two
 * roles select the same postings; the first spelling is kept.  Returns 1
 * when added, 0 when a duplicate.
 */
int role_list_add(struct role_list *l, const char *role);

/*
 * Add the roles of f, one a line: spaces and tabs around a role are
 * trimmed; blank lines and lines whose first other character is '#' are
 * skipped; a UTF-8 byte order mark before the first line and CRLF line ends
 * (a spreadsheet's or Windows editor's) are taken.  name is the file's
 * name for messages.  Returns how many roles the file holds (duplicates
 * included), or -1 and *err ("cannot read roles from 'NAME': line N: ...")
 * on a line that is not UTF-8 text (a NUL byte included) or is longer than
 * ROLE_LIST_MAX_ROLE, or a read error; the list may then hold the roles of
 * the lines before.
 */
int role_list_read(struct role_list *l, FILE *f, const char *name, char **err);

#endif
