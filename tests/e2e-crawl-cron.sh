#!/bin/sh
# What cron needs of a crawl: silent on success, a summary when asked,
# exit codes that say how it went, one crawl at a time, bad settings named
# by file and line, and a crawl killed with SIGKILL losing nothing that was
# committed: the database is intact and the next crawl completes.
. "${top_srcdir:-$(dirname "$0")/..}/tests/e2e-lib.sh"
need_python
www="$scratch/www"
mkdir -p "$www"
cp -R "$fixtures/board" "$www/board"
start_server "$www"
log() { "$PYTHON3" "$top_srcdir/tests/httpd_log.py" "$server_log" "$@"; }
export JOBSTATS_CONFIG="$scratch/config"
echo "delay = 0" >"$JOBSTATS_CONFIG"

# Silent on success; --summary says a line per source.
expect_status 0 js source add board "$base_url/board/page-1.html"
expect_status 0 js crawl
[ ! -s "$scratch/out" ] && [ ! -s "$scratch/err" ] || fail "a good crawl printed something"
expect_status 0 js crawl --summary
expect_grep "^jobstats: board: ok: 0 pages fetched, 2 not modified, 0 failed" "$scratch/err"
ok "silent on success, --summary"

# Exit codes: 3 some sources failed, 1 none could be read, 2 usage.
expect_status 0 js source add gone "$base_url/board/gone.html"
expect_status 3 js crawl
expect_status 1 js crawl gone
expect_status 2 js crawl --delay soon
expect_grep "option --delay: 'soon' is not a number from 0 to 3600" "$scratch/err"
expect_status 2 js crawl --no-such-option
ok "exit codes 0, 3, 1, 2"

# Bad settings: the file and line named, exit 1, nothing fetched.
printf '# settings\ndelay = 0\nper-host = 0\n' >"$scratch/bad.conf"
JOBSTATS_CONFIG="$scratch/bad.conf" expect_status 1 js crawl
expect_grep "$scratch/bad.conf:3: per-host: '0' is not a whole number from 1 to 16" "$scratch/err"
printf 'delays = 1\n' >"$scratch/bad.conf"
JOBSTATS_CONFIG="$scratch/bad.conf" expect_status 1 js crawl
expect_grep "$scratch/bad.conf:1: delays: unknown setting" "$scratch/err"
JOBSTATS_CONFIG="$scratch/none.conf" expect_status 1 js crawl
expect_grep "cannot open settings file '$scratch/none.conf'" "$scratch/err"
ok "bad settings named by file and line"

# One crawl at a time: the second exits at once with status 4.
expect_status 0 js source add slow "$base_url/slow/3/board/page-1.html"
"$JOBSTATS" --db "$db" crawl slow >"$scratch/first.out" 2>"$scratch/first.err" &
first=$!
wait_for_requests "GET /slow/3" 1 "the first crawl"
start=$(date +%s)
expect_status 4 js crawl board
expect_grep "another crawl of '$db' is running" "$scratch/err"
[ $(($(date +%s) - start)) -le 2 ] || fail "the second crawl waited"
wait "$first" || fail "the first crawl failed"
ok "a second crawl exits at once with status 4"

# SIGKILL mid-crawl: a chain of 40 pages, 0.1 s apart, killed after 10.
expect_status 0 js source add --max-pages 100 chain "$base_url/chain/40/0"
: >"$server_log"
"$JOBSTATS" --db "$db" crawl chain --delay 0.1 >/dev/null 2>&1 &
crawler=$!
wait_for_requests "GET /chain/40/" 10 "the crawl to be killed"
kill -9 "$crawler"
wait "$crawler" 2>/dev/null || true
[ "$(sql 'PRAGMA integrity_check')" = ok ] || fail "integrity_check after SIGKILL"
stored=$(sql "SELECT count(*) FROM postings p JOIN sources s ON s.id = p.source_id WHERE s.name = 'chain'")
[ "$stored" -ge 5 ] || fail "only $stored postings committed before the kill"
[ "$(sql "SELECT count(*) FROM postings p JOIN sources s ON s.id = p.source_id WHERE s.name = 'chain' AND (title NOT LIKE 'Chain job %' OR company != 'Chain Co' OR annual_min IS NULL)")" -eq 0 ] ||
	fail "a committed posting is damaged"
[ "$(sql "SELECT count(*) FROM runs r JOIN sources s ON s.id = r.source_id WHERE s.name = 'chain' AND finished_at IS NULL")" -eq 1 ] ||
	fail "the killed run is not left unfinished"
expect_status 0 js crawl chain --delay 0
[ "$(sql "SELECT count(*) FROM postings p JOIN sources s ON s.id = p.source_id WHERE s.name = 'chain'")" -eq 40 ] ||
	fail "the next crawl did not complete the chain"
ok "SIGKILL: database intact, $stored postings kept, the next crawl completes"

# SIGTERM (systemd stopping the unit): the runs are recorded as they stand.
: >"$server_log"
"$JOBSTATS" --db "$db" crawl chain --delay 0.3 >/dev/null 2>"$scratch/term.err" &
crawler=$!
wait_for_requests "GET /chain/40/" 2 "the crawl to be stopped"
kill -TERM "$crawler"
set +e
wait "$crawler"
status=$?
set -e
[ "$status" -eq 3 ] || fail "SIGTERM: exit status $status, expected 3"
expect_grep "interrupted" "$scratch/term.err"
[ "$(sql "SELECT outcome FROM runs ORDER BY id DESC LIMIT 1")" = partial ] ||
	fail "the interrupted run is not recorded"
ok "SIGTERM: the run recorded as partial, exit 3"

# A progress line on a terminal, with colour unless NO_COLOR.
if command -v script >/dev/null 2>&1; then
	TERM=xterm script -qec "'$JOBSTATS' --db '$db' crawl gone board" /dev/null >"$scratch/tty" 2>&1 || true
	grep -q "jobstats: crawl: [0-9]*/[0-9]* pages" "$scratch/tty" || fail "no progress line on a terminal"
	grep -q "$(printf '\033')\[31m" "$scratch/tty" || fail "no colour on a terminal"
	NO_COLOR=1 TERM=xterm script -qec "'$JOBSTATS' --db '$db' crawl gone board" /dev/null >"$scratch/tty" 2>&1 || true
	! grep -q "$(printf '\033')\[31m" "$scratch/tty" || fail "colour with NO_COLOR"
	ok "progress line on a terminal; NO_COLOR"
fi
