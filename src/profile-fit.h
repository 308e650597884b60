/*
 * profile-fit.h - how well one posting fits a role profile: the weights of
 * the profile's keywords that its title or description names.  Pure: no
 * I/O, no printing, no globals.
 *
 * Matching.  A keyword's phrase is found when its words (role.h: runs of
 * ASCII letters and digits and bytes >= 0x80) occur as a contiguous
 * whole-word sequence, ASCII letters in any case, within the title or within
 * the description (never across the two).  Everything else separates words,
 * so "scikit-learn" matches "Scikit Learn" and "scikit_learn"; HTML tags
 * left in a description ("<li>SQL</li>") separate words too, and so do
 * entities, whose names are not words of the text: "Power&nbsp;BI" is
 * "Power BI".
 *
 * One-letter words.  Split that way, "R&D" holds the word "R" and "C++" the
 * word "C", so a keyword such as "R" would match most research postings.  A
 * keyword that is one letter therefore only matches a one-letter word of the
 * text that stands alone: on each side the start or end of the text,
 * ASCII white space, one of , / : ; | or a bracket ( ) with no word on its
 * far side; after the letter also a '.' followed by white space or the end
 * (a full stop).  "Python, R, SQL", "Python/R", "(R)" and "in R." match "R";
 * "R&D", "R&amp;D", "R'n'D", "R.J.", "R-based", "(R)evolution", "C++" and
 * "C#" do not ("R & D", spaced, does).  A keyword "C++" is thus the word "C"
 * and only matches a lone "C": write keywords as whole words.  In a phrase
 * of several words the others give the context, so "E-commerce" matches
 * "e-commerce" and "E commerce", and "C level" matches "C-level".
 *
 * Score.  The sum of the weights of the distinct keywords found: a keyword
 * counts once however often it appears.  Title patterns are not scored (a
 * role selects postings by title already; fit says what they ask for).
 *
 * Threshold.  A posting fits a profile when its score is at least the
 * profile's threshold: the file's "threshold: N" (1 to 10000), by default
 * ceil(30% of the sum of the ten heaviest keyword weights), at least 1 (both
 * shipped profiles give 12).
 */
#ifndef JOBSTATS_PROFILE_FIT_H
#define JOBSTATS_PROFILE_FIT_H

#include <stddef.h>

#include "profile.h"

/* Percent of the ten heaviest weights that the default threshold takes. */
#define PROFILE_FIT_DEFAULT_PERCENT 30
#define PROFILE_FIT_DEFAULT_TOP 10

/* One word of the text, lowercased in fit_text.words. */
struct fit_token {
	size_t off;		/* into words */
	size_t len;
	size_t next;		/* next token of the same hash, FIT_NONE at the end */
	unsigned char part;	/* 0 title, 1 description */
	unsigned char alone;	/* a one-letter word standing alone (above) */
};

#define FIT_NONE ((size_t)-1)

/*
 * A posting's text split into words once, so that every keyword of every
 * profile is looked up in it without reading the text again.  The fields
 * are fit_text's own; reuse one for many postings (its buffers grow to the
 * largest and stay).
 */
struct fit_text {
	char *words;		/* the lowercased words, end to end */
	size_t words_cap;
	struct fit_token *tokens;
	size_t ntokens, tokens_cap;
	size_t *heads;		/* hash of a word -> its last token, or FIT_NONE */
	size_t nheads;		/* a power of two */
	size_t heads_cap;
};

void fit_text_init(struct fit_text *t);
/* Split title and description (either may be NULL or empty) into t,
 * replacing what t held. */
void fit_text_set(struct fit_text *t, const char *title, const char *description);
void fit_text_release(struct fit_text *t);

/* The threshold of p: p->threshold when its file sets one, else the
 * default above. */
int profile_threshold(const struct profile *p);

/*
 * The score of p against t.  When found is not NULL (p->nkeywords entries),
 * found[i] is set to 1 when keyword i was found, else 0.
 */
int profile_fit_score(const struct profile *p, const struct fit_text *t, unsigned char *found);

/* 1 when the score of p against t reaches profile_threshold(p), else 0. */
int profile_fits(const struct profile *p, const struct fit_text *t);

#endif
