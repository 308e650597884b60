/* check-main.c - the runner shared by the Check test programs. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "check-main.h"

void check_same_str(const char *got, const char *want, const char *input)
{
	if (want == NULL)
		ck_assert_msg(got == NULL, "'%s': got '%s', want NULL", input, got);
	else
		ck_assert_msg(got != NULL && strcmp(got, want) == 0, "'%s': got '%s', want '%s'",
			      input, got ? got : "(null)", want);
}

int main(void)
{
	SRunner *sr = srunner_create(test_suite());
	int failed;

	/* CK_ENV: CK_VERBOSITY from the environment (normal under make check). */
	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
