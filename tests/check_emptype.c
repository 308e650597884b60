/*
 * check_emptype.c - employment_type_parse, table-driven.  Strings are real:
 * the seed card, schema.org employmentType values in the saved pages
 * (Greenhouse "FullTime", Meta "FULL_TIME", "Intern"), Indeed's and
 * LinkedIn's job types, Rooster, We Work Remotely, HRworks (German), the
 * ai-jobs.net cards' contract types, and LinkedIn's job-type labels in
 * other languages; lines marked "(written here)" are not from a page.
 */
#include "config.h"

#include "check-main.h"

#include "normalize.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const struct {
	const char *text, *want;
} cases[] = {
	/* English boards and schema.org */
	{ "Full Time", "FT" }, { "FULL_TIME", "FT" }, { "Full-time", "FT" }, { "Full-Time", "FT" },
	{ "FullTime", "FT" }, { "full-time", "FT" }, { "Permanent", "FT" }, { "Part Time", "PT" },
	{ "PART_TIME", "PT" }, { "Part-time", "PT" }, { "Contract", "CT" }, { "Contractor", "CT" },
	{ "CONTRACTOR", "CT" }, { "Freelance", "FL" }, { "Internship", "IN" }, { "Intern", "IN" },
	{ "INTERN", "IN" }, { "Temporary", "TEMP" }, { "TEMPORARY", "TEMP" }, { "PER_DIEM", "TEMP" },
	{ "VOLUNTEER", NULL }, { "OTHER", NULL },
	/* lists: the first listed type wins (Indeed's job types, JSON-LD arrays) */
	{ "Full-time, Part-time", "FT" }, { "FULL_TIME, CONTRACTOR", "FT" },
	{ "[\"FULL_TIME\",\"CONTRACTOR\"]", "FT" }, { "PART_TIME, FULL_TIME", "PT" },
	/* permanence alone is full time, but gives way to hours (written here) */
	{ "Permanent, Part-time", "PT" }, { "Permanent Part-time", "PT" },
	/* the more specific word within one item (written here) */
	{ "Full Time Internship", "IN" }, { "Temporary contract", "TEMP" },
	{ "Part-time contract", "CT" }, { "Contract-to-hire", "CT" },
	{ "Contractual obligations", NULL },
	/* Swedish, Italian, Spanish, German, French, Portuguese */
	{ "Heltid", "FT" }, { "Deltid", "PT" }, { "A tempo pieno", "FT" }, { "Tempo parziale", "PT" },
	{ "Contratto", "CT" }, { "Temporaneo", "TEMP" }, { "Tiempo completo", "FT" },
	{ "Medio tiempo", "PT" }, { "Jornada completa", "FT" }, { "Media jornada", "PT" },
	{ "Pr\xc3\xa1" "cticas", "IN" }, { "Contrato indefinido", "FT" }, { "Vollzeit", "FT" },
	{ "Temps parcial", "PT" },	/* Catalan, TalentClue (Barcelona Activa) */
	{ "Teilzeit", "PT" }, { "Temps plein", "FT" }, { "Temps partiel", "PT" }, { "CDI", "FT" },
	{ "CDD", "TEMP" }, { "Stage", "IN" }, { "Tempo integral", "FT" }, { "Est\xc3\xa1gio", "IN" },
	/* HRworks: category paths; "Vollzeit und Teilzeit" is read as its first */
	{ "Vollzeit und Teilzeit", "FT" },
	{ "Sonstiges - Berufseinsteiger - Festanstellung - Vollzeit und Teilzeit", "FT" },
	{ "Sonstiges - mit Berufserfahrung - Festanstellung - Teilzeit", "PT" },
	{ "IT und Software-Entwicklung - Studium/Praktikum/Ausbildung - Praktikum - Vollzeit", "IN" },
	/* Indeed India's "Fresher" is a level, not a type */
	{ "Fresher", NULL }, { "", NULL }, { NULL, NULL },
};

START_TEST(test_emptype)
{
	check_same_str(employment_type_parse(cases[_i].text), cases[_i].want,
		       cases[_i].text ? cases[_i].text : "(null)");
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("emptype");
	TCase *tc = tcase_create("emptype");

	tcase_add_loop_test(tc, test_emptype, 0, COUNT(cases));
	suite_add_tcase(s, tc);
	return s;
}
