/* check-main.c - the runner shared by the Check test programs. */
#include "config.h"

#include <stdlib.h>

#include "check-main.h"

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
