#!/bin/sh
# valgrind-wrap.sh - run jobstats under valgrind: the end-to-end tests'
# $JOBSTATS when "make check-valgrind" (or JOBSTATS_RUN=this script) runs
# them.  Any memory error, or any memory definitely leaked, makes the command
# exit 99 (automake's "hard error"), whatever the test expected of it, and
# valgrind's report goes to stderr, which the test's log keeps.  Only
# definite leaks count: memory still reachable at exit (libcurl's and
# libxml2's global state) is not a leak.  The harness (Makefile.am) sets
# JOBSTATS_BIN to the real binary and top_srcdir.
: "${JOBSTATS_BIN:?JOBSTATS_BIN must name the jobstats binary to run under valgrind}"
supp=
if [ -n "${top_srcdir:-}" ] && [ -f "$top_srcdir/tests/valgrind.supp" ]; then
	supp="--suppressions=$top_srcdir/tests/valgrind.supp"
fi
# shellcheck disable=SC2086 # $supp is one word or none
exec valgrind -q --error-exitcode=99 --leak-check=full \
	--errors-for-leak-kinds=definite --show-leak-kinds=definite \
	$supp "$JOBSTATS_BIN" "$@"
