/*
 * cmd-profiles.c - "jobstats profiles [show NAME]": the role profiles that
 * --role can name, and what one of them holds.
 */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "profile-fit.h"
#include "profile.h"

static int list_profiles(const struct profile_set *set)
{
	struct buf b = BUF_INIT;
	size_t i;
	int rc;

	buf_printf(&b, "%-36s %6s %8s  %s\n", "NAME", "TITLES", "KEYWORDS", "FILE");
	for (i = 0; i < set->n; i++)
		buf_printf(&b, "%-36s %6zu %8zu  %s\n", set->v[i].name, set->v[i].ntitles,
			   set->v[i].nkeywords, set->v[i].path);
	rc = cmd_write_stdout(&b);
	buf_release(&b);
	return rc;
}

/*
 * The profile as its file would say it, after a comment naming the file.
 * A threshold the file does not set is shown as a comment, so that what is
 * printed still reads back as the same profile.
 */
static int show_profile(const struct profile *p)
{
	struct buf b = BUF_INIT;
	size_t i;
	int rc;

	buf_printf(&b, "# %s\nname: %s\n", p->path, p->name);
	if (p->threshold > 0)
		buf_printf(&b, "threshold: %d\n", p->threshold);
	else
		buf_printf(&b, "# threshold: %d (default: %d%% of the ten heaviest weights)\n",
			   profile_threshold(p), PROFILE_FIT_DEFAULT_PERCENT);
	for (i = 0; i < p->ntitles; i++)
		buf_printf(&b, "title: %s\n", p->titles[i]);
	for (i = 0; i < p->nkeywords; i++)
		buf_printf(&b, "%s: %d %s\n", profile_kind_name(p->keywords[i].kind),
			   p->keywords[i].weight, p->keywords[i].phrase);
	rc = cmd_write_stdout(&b);
	buf_release(&b);
	return rc;
}

static int cmd_profiles(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option options[] = { { NULL, 0, NULL, 0 } };
	struct profile_set set;
	const struct profile *p;
	char *err = NULL;
	int rc;

	optind = 0;
	if (cmd_getopt(argc, argv, "", options) != -1)
		return cmd_usage(&cmd_profiles_entry);
	argc -= optind;
	argv += optind;
	if (argc != 0 && (argc != 2 || strcmp(argv[0], "show") != 0))
		return cmd_usage(&cmd_profiles_entry);
	if (profile_load(&set, &err) < 0)
		return cmd_fail(err);
	if (argc == 0) {
		rc = list_profiles(&set);
	} else if ((p = profile_find(&set, argv[1])) != NULL) {
		rc = show_profile(p);
	} else {
		cmd_error("no profile named '%s' (see 'jobstats profiles')", argv[1]);
		rc = EXIT_ERROR;
	}
	profile_set_release(&set);
	return rc;
}

const struct cmd_entry cmd_profiles_entry = {
	.name = "profiles",
	.usage = "profiles [show NAME]",
	.summary = "list the role profiles, or show one",
	.help = "A role profile names a role's titles and weights its responsibilities,\n"
		"skills, tools and industries (see jobstats(1), PROFILES).  'report --role'\n"
		"and 'export --role' given a profile's name (any case, or its file name\n"
		"without .profile) select the postings whose title matches any of the\n"
		"profile's titles.  Without arguments, list each profile: name, number of\n"
		"titles and keywords, and its file; 'show NAME' prints one profile in the\n"
		"file format, with the threshold a posting's keyword score must reach to\n"
		"fit the profile.  User profiles ($XDG_CONFIG_HOME/jobstats/profiles, default\n"
		"~/.config/jobstats/profiles) override shipped ones of the same name\n"
		"(JOBSTATS_PROFILES_DIR replaces the shipped directory).",
	.flags = 0,
	.exec = cmd_profiles,
};
