# e2e-lib.sh - sourced by the end-to-end tests: the binary under test, a
# scratch directory removed on exit, assertions, and the test HTTP server.
# The harness (Makefile.am's AM_TESTS_ENVIRONMENT) sets JOBSTATS and
# top_srcdir.  Exit 77 means "skipped", as automake expects.
set -eu

: "${JOBSTATS:?JOBSTATS must name the jobstats binary under test}"
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
PYTHON3=${PYTHON3:-python3}
fixtures="$top_srcdir/tests/fixtures"

scratch=$(mktemp -d "${TMPDIR:-/tmp}/jobstats-test.XXXXXX")
server_pid=
cleanup() {
	if [ -n "$server_pid" ]; then
		kill "$server_pid" 2>/dev/null || true
		wait "$server_pid" 2>/dev/null || true
	fi
	rm -rf "$scratch"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

db="$scratch/jobs.db"
js() { "$JOBSTATS" --db "$db" "$@"; }

fail() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }
skip() { printf 'SKIP: %s\n' "$*" >&2; exit 77; }
ok() { printf 'ok: %s\n' "$*"; }

# expect_status CODE CMD...: run CMD, fail unless it exits with CODE.
expect_status() {
	want=$1
	shift
	set +e
	"$@" >"$scratch/out" 2>"$scratch/err"
	got=$?
	set -e
	[ "$got" -eq "$want" ] || {
		cat "$scratch/err" >&2
		fail "'$*' exited $got, expected $want"
	}
}

# expect_grep PATTERN FILE: fail unless FILE has a line matching PATTERN.
expect_grep() {
	grep -q -- "$1" "$2" || { cat "$2" >&2; fail "no '$1' in $2"; }
}

need_python() {
	command -v "$PYTHON3" >/dev/null 2>&1 || skip "python3 is needed for this test"
}

# json_get FILE EXPR: evaluate a Python expression over the JSON in FILE (as j).
json_get() {
	"$PYTHON3" -c 'import json,sys; j=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$1" "$2"
}

# sql STATEMENT: run one statement on the test database; print the first
# column of its first row.  sql_on DB STATEMENT: the same on database DB.
sql() { sql_on "$db" "$1"; }
sql_on() {
	"$PYTHON3" -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); r=c.execute(sys.argv[2]).fetchone(); c.commit(); print(r[0] if r else "")' "$1" "$2"
}

# wait_for_file FILE PID WHAT: wait until FILE is not empty (10 s at most)
# while process PID, which is WHAT, runs.
wait_for_file() {
	i=0
	while [ ! -s "$1" ]; do
		i=$((i + 1))
		[ "$i" -le 100 ] || fail "$3 did not start in 10 s"
		kill -0 "$2" 2>/dev/null || fail "$3 exited"
		sleep 0.1
	done
}

# wait_for_requests PATTERN N WHAT [SECONDS]: wait until the server's log has
# N lines matching PATTERN (SECONDS, default 10, at most), WHAT saying what is
# awaited.
wait_for_requests() {
	i=0
	until [ "$(grep -c -- "$1" "$server_log")" -ge "$2" ]; do
		i=$((i + 1))
		[ "$i" -le $((${4:-10} * 20)) ] || fail "$3: not $2 requests in ${4:-10} s"
		sleep 0.05
	done
}

# start_server DIR [N]: serve DIR on 127.0.0.1 for JOBSTATS_TEST_SERVER_SECONDS
# (default 120; make check-valgrind, whose tests run far slower, sets more), on N free ports (default 1),
# each a "host" of its own; sets $base_url (the first port), $ports (the N
# ports, in the order of their index 0..N-1, as httpd.py numbers them for
# robots-<index>.txt and /redirect-port/<index>) and $base_url0 ...
# $base_url<N-1>.  Requests are logged to $server_log (see tests/httpd.py).
# The server stops by itself after $server_seconds (default 120).
start_server() {
	need_python
	portfile="$scratch/port"
	server_log="$scratch/httpd.log"
	"$PYTHON3" "$top_srcdir/tests/httpd.py" --root "$1" --port-file "$portfile" \
		--max-seconds "${server_seconds:-${JOBSTATS_TEST_SERVER_SECONDS:-120}}" --log "$server_log" --ports "${2:-1}" &
	server_pid=$!
	wait_for_file "$portfile" "$server_pid" "test HTTP server"
	ports=$(cat "$portfile")
	base_url="http://127.0.0.1:$(head -n 1 "$portfile")"
	i=0
	for port_ in $ports; do
		eval "base_url$i=http://127.0.0.1:$port_"
		i=$((i + 1))
	done
}
