/*
 * board.h - board rules: how to read one job board's pages, kept as a data
 * file a user can fix without recompiling (format: contrib/boards/README.md
 * and jobstats-boards(5)).  Part of the extract stage: parsing a rules file
 * compiles its XPaths once, so pages only evaluate them.
 */
#ifndef JOBSTATS_BOARD_H
#define JOBSTATS_BOARD_H

#include <stddef.h>

#include <libxml/xpath.h>

/* The fields a layout can read, in the order of board_field_names. */
enum board_field {
	BF_TITLE, BF_COMPANY, BF_LOCATION, BF_SALARY, BF_LEVEL, BF_TYPE, BF_REMOTE,
	BF_COUNTRY, BF_POSTED, BF_URL, BF_ID, BF_DESCRIPTION,
	BOARD_NFIELDS
};

extern const char *const board_field_names[BOARD_NFIELDS];

struct board_path;

/* One way of reading a field; a field may have several, tried in order. */
struct board_expr {
	char *text;			/* as written: an XPath, or a JSON path */
	xmlXPathCompExprPtr xpath;	/* compiled; NULL in a JSON layout */
	struct board_path *path;	/* the same XPath read by a tree walk, when it is a
					 * simple path (board-path.c); else NULL */
};

/*
 * Simple location paths (board-path.c): child steps, at most one "//", name
 * tests or '*', predicates [@a], [@a = 'v'], [has-class('v')], a last @a.
 * Compiled: NULL when text is anything else (XPath reads it).
 */
struct board_path *board_path_compile(const char *text);
void board_path_free(struct board_path *p);

/* Nodes a path selected, in document order. */
struct board_nodes {
	xmlNode **v;
	size_t n, alloc;
};

/*
 * The nodes the path selects from node (from node's document when the path
 * is absolute) into out, as XPath would select them.  Every node visited
 * adds one to *ops; -1 with no nodes when that would pass limit (0: none).
 */
int board_path_eval(const struct board_path *p, xmlNode *node, struct board_nodes *out,
		    unsigned long *ops, unsigned long limit);

struct board_rule {
	struct board_expr *v;
	size_t n;
};

struct board_layout {
	char *name;
	int line;			/* where the layout starts in its file */
	struct board_rule match, posting, next, json;
	char *json_after;		/* text the JSON follows in its script, or NULL */
	struct board_rule field[BOARD_NFIELDS];
};

struct board {
	char *name;			/* the file's name without ".rules" */
	char *label;			/* human name, or NULL */
	char *path;			/* the file read, or NULL when parsed from memory */
	char **hosts;			/* lower case; a page's host is one or a subdomain */
	size_t nhosts;
	struct board_layout *layouts;
	size_t nlayouts;
};

struct board_set {
	struct board *v;		/* sorted by name */
	size_t n;
	int any_host;			/* chosen by hand (parse --board): hosts not checked */
};

/*
 * Parse rules text.  name is the board's name, path names it in messages
 * ("PATH:LINE: ...").  -1 with *err set on the first error.
 */
int board_parse(const char *text, const char *name, const char *path, struct board *out,
		char **err);
void board_release(struct board *b);

/* Is host (any case) one of the board's hosts or a subdomain of one? */
int board_serves_host(const struct board *b, const char *host);

/* A rules file is a few kilobytes; a larger file is not one. */
#define BOARD_MAX_BYTES (256 * 1024)

/* Read and parse the rules file at path as board name (path is kept in
 * out->path); -1 with *err set when it cannot be read or parsed. */
int board_read(const char *path, const char *name, struct board *out, char **err);

/* Boards from the user's directory and the shipped one (confdir.h), the
 * user's winning by name.  -1 with *err at the first bad file. */
int board_load(struct board_set *out, char **err);
int board_load_dirs(const char *const *dirs, size_t ndirs, struct board_set *out, char **err);
char *board_user_dir(void);
char *board_system_dir(void);
/* The board of that name, or NULL. */
const struct board *board_find(const struct board_set *set, const char *name);
/* Keep only the named board, chosen by hand; -1 when there is none. */
int board_set_choose(struct board_set *set, const char *name);
void board_set_release(struct board_set *set);
/* A deep copy of from, its XPaths compiled anew: what another thread
 * evaluates (board-copy.c says why); release it with board_set_release. */
void board_set_copy(const struct board_set *from, struct board_set *to);

#endif
