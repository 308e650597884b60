#!/bin/sh
# Crash safety: a crawl killed with SIGKILL at random points loses nothing
# it committed and the next crawl completes; a full disk, a read-only
# database and a database locked by another process each give a clear error
# naming the database, a non-zero exit, and leave the database intact.
. "${top_srcdir:-$(dirname "$0")/..}/tests/e2e-lib.sh"
need_python
export JOBSTATS_CONFIG="$scratch/config"
echo "delay = 0" >"$JOBSTATS_CONFIG"

# A small filesystem mounted for the full-disk test; unmounted on exit.
mounted=
crash_cleanup() {
	[ -z "$mounted" ] || umount "$mounted" 2>/dev/null || true
	cleanup
}
trap crash_cleanup EXIT

# integrity_ok DB WHAT: PRAGMA integrity_check of DB says ok.
integrity_ok() {
	[ "$(sql_on "$1" 'PRAGMA integrity_check')" = ok ] || fail "integrity_check after $2"
}

## (a) SIGKILL at random points of a crawl of a 300-page chain.
www="$scratch/www"
mkdir -p "$www"
start_server "$www"
chain=300
expect_status 0 js source add --max-pages 1000 chain "$base_url/chain/$chain/0"
chain_count() {
	sql "SELECT count(*) FROM postings p JOIN sources s ON s.id = p.source_id WHERE s.name = 'chain'"
}
# A posting is intact when every field is the one its page gave:
# "Chain job I", "Chain Co", USD 100000 + I a year.
chain_damaged() {
	sql "SELECT count(*) FROM postings p JOIN sources s ON s.id = p.source_id
	     WHERE s.name = 'chain' AND (company IS NOT 'Chain Co'
	       OR title IS NOT 'Chain job ' || CAST(annual_min - 100000 AS INTEGER)
	       OR annual_min IS NULL OR annual_max IS NOT annual_min)"
}
# The kill times: 5 of them, 0.1 to 1.5 s into a crawl, from a seed the log
# shows (CRASH_SEED repeats a run).
seed=${CRASH_SEED:-$(date +%s)}
echo "kill times from CRASH_SEED=$seed"
times=$(awk -v seed="$seed" 'BEGIN { srand(seed); for (i = 0; i < 5; i++) printf "%.2f\n", 0.1 + 1.4 * rand() }')
before=0
for t in $times; do
	: >"$server_log"
	"$JOBSTATS" --db "$db" crawl chain --delay 0.05 >/dev/null 2>&1 &
	crawler=$!
	# The clock starts at the crawl's first request (valgrind, when the
	# tests run under it, takes seconds to start).
	wait_for_requests "GET /chain/$chain/" 1 "the crawl to be killed" 60
	sleep "$t"
	kill -9 "$crawler" 2>/dev/null || fail "the crawl ended before its kill at $t s"
	wait "$crawler" 2>/dev/null || true
	integrity_ok "$db" "SIGKILL at $t s"
	stored=$(chain_count)
	[ "$(chain_damaged)" -eq 0 ] || fail "a committed posting is damaged after SIGKILL at $t s"
	[ "$stored" -ge "$before" ] || fail "SIGKILL at $t s: $stored postings, $before before"
	echo "killed at $t s: $stored postings intact"
	before=$stored
done
expect_status 0 js crawl chain --delay 0
integrity_ok "$db" "the crawl after the kills"
[ "$(chain_count)" -eq "$chain" ] || fail "the crawl after the kills stored $(chain_count) of $chain"
[ "$(chain_damaged)" -eq 0 ] || fail "a posting is damaged after the final crawl"
ok "SIGKILL 5 times: database intact, committed postings kept, the next crawl stores all $chain"

## (b) A full disk: an import that does not fit fails, naming the database,
## and what was stored before is intact.
aijobs_csv() {	# FILE ROWS: an aijobs salaries CSV
	"$PYTHON3" - "$1" "$2" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("work_year,experience_level,employment_type,job_title,salary,salary_currency,"
            "salary_in_usd,employee_residence,remote_ratio,company_location,company_size\n")
    for i in range(int(sys.argv[2])):
        f.write("2024,SE,FT,Data Engineer %d,%d,USD,%d,US,100,US,M\n" % (i, 100000 + i, 100000 + i))
PY
}
aijobs_csv "$scratch/small.csv" 20
aijobs_csv "$scratch/big.csv" 40000
small="$scratch/small"
mkdir -p "$small"
fulldb="$small/jobs.db"
if [ "$(id -u)" -eq 0 ] && mount -t tmpfs -o size=2m jobstats-test "$small" 2>/dev/null; then
	mounted=$small
	how="a 2 MB tmpfs"
	limit=
else
	# A file size limit instead (ulimit -f, in 512-byte blocks): the write
	# that would pass it fails with EFBIG once SIGXFSZ is ignored.
	how="a 2 MB file size limit"
	limit=4096
fi
# full_run CMD...: run CMD (a jobstats command) within that limit.
full_run() {
	(
		if [ -n "$limit" ]; then
			trap '' XFSZ
			ulimit -f "$limit"
		fi
		"$@"
	)
}
expect_status 0 full_run "$JOBSTATS" --db "$fulldb" import --aijobs-salaries "$scratch/small.csv"
set +e
full_run "$JOBSTATS" --db "$fulldb" import --aijobs-salaries "$scratch/big.csv" >"$scratch/out" 2>"$scratch/err"
status=$?
set -e
cat "$scratch/err"
[ "$status" -ne 0 ] || fail "an import larger than $how succeeded"
[ "$status" -ne 99 ] || fail "valgrind found an error in the full-disk import"
expect_grep "'$fulldb'" "$scratch/err"
grep -qE "disk is full|too large|I/O error" "$scratch/err" || fail "the full disk is not named"
integrity_ok "$fulldb" "a full disk"
[ "$(sql_on "$fulldb" 'SELECT count(*) FROM postings')" -eq 20 ] ||
	fail "a full disk: not the 20 postings stored before"
[ -z "$mounted" ] || { umount "$mounted"; mounted=; }
ok "a full disk ($how): exit $status, the database named, its 20 postings intact"

## (c) A read-only database in a read-only directory (no WAL can be made).
rodir="$scratch/ro"
mkdir -p "$rodir"
rodb="$rodir/jobs.db"
"$JOBSTATS" --db "$rodb" import --aijobs-salaries "$scratch/small.csv" >/dev/null
chmod 444 "$rodb"
chmod 555 "$rodir"
# As root, permissions bind only without CAP_DAC_OVERRIDE: setpriv drops it.
if [ "$(id -u)" -ne 0 ]; then
	as_user=
elif command -v setpriv >/dev/null 2>&1; then
	as_user="setpriv --bounding-set=-dac_override,-dac_read_search,-fowner --"
else
	as_user=none
fi
if [ "$as_user" != none ]; then
	for cmd in "source add more $base_url/chain/3/0" \
		"import --aijobs-salaries $scratch/big.csv" "crawl chain"; do
		# shellcheck disable=SC2086 # the commands are words
		expect_status 1 $as_user "$JOBSTATS" --db "$rodb" $cmd
		cat "$scratch/err"
		expect_grep "'$rodb'.*readonly database" "$scratch/err"
	done
	chmod 755 "$rodir"
	chmod 644 "$rodb"
	integrity_ok "$rodb" "a read-only database"
	[ "$(sql_on "$rodb" 'SELECT count(*) FROM postings')" -eq 20 ] ||
		fail "a read-only database: not its 20 postings"
	ok "a read-only database: exit 1, the database named, nothing lost"
else
	chmod 755 "$rodir"
	echo "SKIP: a read-only database: running as root without setpriv"
fi

## (d) A database locked by another process: jobstats waits for the busy
## timeout (JOBSTATS_BUSY_TIMEOUT, shortened here), then fails clearly.
"$PYTHON3" - "$db" "$scratch/locked" "$scratch/unlock" <<'PY' &
import os, sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN EXCLUSIVE")
open(sys.argv[2], "w").write("locked\n")
for _ in range(600):
    if os.path.exists(sys.argv[3]):
        break
    time.sleep(0.1)
c.execute("ROLLBACK")
PY
locker=$!
wait_for_file "$scratch/locked" "$locker" "the process that locks the database"
start=$(date +%s%N)
JOBSTATS_BUSY_TIMEOUT=1500 expect_status 1 js source add more "$base_url/chain/3/0"
waited=$((($(date +%s%N) - start) / 1000000))
cat "$scratch/err"
expect_grep "'$db': database is locked" "$scratch/err"
[ "$waited" -ge 1400 ] || fail "a locked database: failed after $waited ms, without waiting"
JOBSTATS_BUSY_TIMEOUT=1500 expect_status 1 js import --aijobs-salaries "$scratch/small.csv"
expect_grep "'$db': database is locked" "$scratch/err"
: >"$scratch/unlock"
wait "$locker" || fail "the process that locked the database failed"
integrity_ok "$db" "a lock"
[ "$(chain_count)" -eq "$chain" ] || fail "a locked database: postings lost"
expect_status 0 js source add more "$base_url/chain/3/0"
ok "a locked database: waited $waited ms, then exit 1 naming it; fine once unlocked"
