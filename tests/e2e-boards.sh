#!/bin/sh
# Board rules as data: listed, shown and checked; a user's file replaces a
# shipped one without recompiling; parse --board; a broken rules file is
# refused with FILE:LINE and loses nothing already stored.
. "${top_srcdir:-$(dirname "$0")/..}/tests/e2e-lib.sh"
need_python

JOBSTATS_BOARDS_DIR="$top_srcdir/contrib/boards"
XDG_CONFIG_HOME="$scratch/config"
export JOBSTATS_BOARDS_DIR XDG_CONFIG_HOME
userdir="$XDG_CONFIG_HOME/jobstats/boards"
page="$top_srcdir/tests/fixtures/board/page-1.html"

expect_status 0 "$JOBSTATS" boards
expect_grep '^NAME  *HOSTS  *LAYOUTS  *FILE$' "$scratch/out"
expect_grep '^aijobs  *ai-jobs.net,aijobs.net  *1  .*/contrib/boards/aijobs.rules$' "$scratch/out"
n=$(ls "$JOBSTATS_BOARDS_DIR"/*.rules | wc -l)
[ "$(wc -l <"$scratch/out")" -eq $((n + 1)) ] || fail "boards does not list the $n shipped files"
ok "boards lists the $n shipped boards"

expect_status 0 "$JOBSTATS" boards show aijobs
head -n 1 "$scratch/out" | grep -q '^# .*/contrib/boards/aijobs.rules$' || fail "show: no file line"
sed 1d "$scratch/out" | cmp -s - "$JOBSTATS_BOARDS_DIR/aijobs.rules" || fail "show is not the file"
expect_status 1 "$JOBSTATS" boards show indeedx
expect_grep "^jobstats: no board named 'indeedx' (see 'jobstats boards')$" "$scratch/err"
ok "boards show prints the file; an unknown name is an error"

# check: every shipped file is valid; a broken one names its line.
expect_status 0 "$JOBSTATS" boards check "$JOBSTATS_BOARDS_DIR"/*.rules
[ "$(grep -c ': ok (' "$scratch/out")" -eq "$n" ] || fail "check: not every shipped file ok"
printf 'match //li\nposting //li[\ntitle .\n' >"$scratch/bad.rules"
expect_status 1 "$JOBSTATS" boards check "$JOBSTATS_BOARDS_DIR/aijobs.rules" "$scratch/bad.rules"
expect_grep "aijobs.rules: ok (1 layout)$" "$scratch/out"
expect_grep "^jobstats: $scratch/bad.rules:2: invalid XPath '//li\[': " "$scratch/err"
ok "boards check: ok, or FILE:LINE and what is wrong"

# The shipped seed-board rules read the seed cards of a saved page.
expect_status 0 "$JOBSTATS" parse --json "$page"
[ "$(wc -l <"$scratch/out")" -eq 5 ] || fail "seed page: $(wc -l <"$scratch/out") postings, expected 5"
cp "$scratch/out" "$scratch/shipped.jsonl"

# A user's file of the same name replaces the shipped one: no recompiling.
mkdir -p "$userdir"
sed "s|^title .*|title   concat('Edited: ', normalize-space(.//*[has-class('job-title')]))|" \
	"$JOBSTATS_BOARDS_DIR/aijobs.rules" >"$userdir/aijobs.rules"
expect_status 0 "$JOBSTATS" boards
expect_grep "^aijobs .*$userdir/aijobs.rules$" "$scratch/out"
expect_status 0 "$JOBSTATS" parse --json "$page"
[ "$(grep -c '"title":"Edited: ' "$scratch/out")" -eq 5 ] || fail "the user's rules were not used"
ok "a user's rules file replaces the shipped one"

# --board: that board alone, whatever the host; an unknown one is a usage error.
printf 'host nowhere.test\nmatch //li[@data-job-id]\nposting //li[@data-job-id]\ntitle concat("Only: ", @data-job-id)\n' \
	>"$userdir/only.rules"
expect_status 0 "$JOBSTATS" parse --board only --base https://ai-jobs.net/list "$page"
[ "$(grep -c '^Only: ' "$scratch/out")" -eq 5 ] || fail "--board did not choose the board"
expect_status 2 "$JOBSTATS" parse --board nosuch "$page"
expect_grep "^jobstats: unknown board 'nosuch' ('jobstats boards' lists them)$" "$scratch/err"
ok "parse --board NAME uses that board's rules only"

# A broken rules file stops crawl and parse with FILE:LINE; nothing stored is lost.
rm "$userdir/aijobs.rules" "$userdir/only.rules"
expect_status 0 js source add board "$page"
expect_status 0 js crawl
before=$(sql "SELECT count(*) FROM postings")
[ "$before" -eq 10 ] || fail "crawl stored $before postings, expected 10"
printf 'label Broken\nmatch //li\nfrobnicate x\n' >"$userdir/broken.rules"
expect_status 1 js crawl
expect_grep "^jobstats: $userdir/broken.rules:3: unknown directive 'frobnicate'$" "$scratch/err"
expect_status 1 "$JOBSTATS" parse "$page"
expect_grep "broken.rules:3: unknown directive 'frobnicate'" "$scratch/err"
[ "$(sql "SELECT count(*) FROM postings")" -eq "$before" ] || fail "a broken rules file lost postings"
[ "$(sql "PRAGMA integrity_check")" = ok ] || fail "database not intact"
ok "a broken rules file: FILE:LINE, exit 1, nothing lost"
