#!/bin/sh
# bench-crawl.sh - the crawl bench, run by "make bench" after bench.sh:
# jobstats crawl against tests/bench-httpd on 20 loopback addresses
# (127.0.0.2 ... 127.0.0.21, one host each), and the same pages fetched by
# curl --parallel in the same run as the reference.
#
# For each size (BENCH_CRAWL_SIZES, "PAGES:RUNS ...", default 500 pages once,
# 2000 three times, 8000 once) tests/bench-crawl.py writes a corpus: a chain
# of pages per host linked by rel=next, 20-40 KB each, five JSON-LD job
# postings a page.  The server holds it in memory.  Each run: a fresh
# database, one source per host with per-host delay 0, one timed
# "jobstats crawl" (wall time, and peak RSS read by GNU time when present),
# a check that every posting was stored, then one timed
# "curl --parallel --parallel-max 8" over the same URLs.  Rows: pages/s and
# MB/s (page bodies only) of each, median of the runs (min-max), the ratio
# crawl/curl, and the crawl's peak RSS at each size (it should stay flat).
# Nothing is judged; a failing command fails the run.  No traffic leaves
# 127.0.0.0/8: the server refuses any other address and the pages link only
# to their own host.
. "${top_srcdir:-$(dirname "$0")/..}/tests/e2e-lib.sh"

: "${BENCH_HTTPD:?BENCH_HTTPD must name the built tests/bench-httpd}"
sizes=${BENCH_CRAWL_SIZES:-500:1 2000:3 8000:1}
hosts=20
parallel=8
helper="$top_srcdir/tests/bench-crawl.py"
results="$scratch/results"
# The crawl's settings are the options below and the defaults, never the
# settings file of whoever runs the bench.
export JOBSTATS_CONFIG="$scratch/config"
: >"$JOBSTATS_CONFIG"

# note_row WHY: a row saying why there are no crawl figures.
note_row() {
	printf '%-18s %10s %-11s %s\n' crawl - "" "$1"
}

command -v "$PYTHON3" >/dev/null 2>&1 || { note_row "skipped: python3 is needed"; exit 0; }
command -v curl >/dev/null 2>&1 || { note_row "skipped: curl is needed (the reference)"; exit 0; }

# Options of the commands under test, used when they exist: the crawl's
# per-host delay, transfers in flight and progress line, a source's delay.
# has_option OPTION WORDS...: whether "jobstats WORDS --help" lists OPTION.
has_option() {
	option=$1
	shift
	"$JOBSTATS" "$@" --help 2>&1 | grep -qE -- "$option([^a-z-]|\$)"
}
crawl_opts=
for o in "--delay 0" "--parallel $parallel" --no-progress; do
	if has_option "${o%% *}" crawl; then crawl_opts="$crawl_opts $o"; fi
done
# BENCH_CRAWL_OPTS: more crawl options, to compare settings ("--jobs 1").
crawl_opts="$crawl_opts${BENCH_CRAWL_OPTS:+ $BENCH_CRAWL_OPTS}"
source_opts=
if has_option --delay source add; then source_opts="--delay 0"; fi

start_bench_server() {
	addrs=
	h=1
	while [ "$h" -le "$hosts" ]; do
		addrs="$addrs --addr 127.0.0.$((h + 1))"
		h=$((h + 1))
	done
	rm -f "$scratch/port"
	# shellcheck disable=SC2086 # addrs is a list of options
	"$BENCH_HTTPD" --root "$1" --port-file "$scratch/port" --max-seconds 600 $addrs &
	server_pid=$!
	wait_for_file "$scratch/port" "$server_pid" bench-httpd
	port=$(cat "$scratch/port")
}

stop_bench_server() {
	kill "$server_pid" 2>/dev/null || true
	wait "$server_pid" 2>/dev/null || true
	server_pid=
}

# measure KIND PAGES BYTES CMD...: run CMD, append its wall time and peak
# RSS to the results; its stderr goes to $scratch/err.
measure() {
	kind=$1 pages=$2 bytes=$3
	shift 3
	out=$("$PYTHON3" "$helper" measure "$scratch/rss" "$@" 2>"$scratch/err") || {
		cat "$scratch/err" >&2
		fail "$kind of $pages pages: '$*' exited non-zero"
	}
	echo "$kind $pages $bytes $out" >>"$results"
}

# add_sources: one source per host into $db, saved as $scratch/sources.db:
# each run starts from a copy (adding them is not what is measured).
add_sources() {
	rm -f "$db" "$db-wal" "$db-shm"
	h=1
	while [ "$h" -le "$hosts" ]; do
		# shellcheck disable=SC2086 # source_opts is a list of options
		js source add $source_opts --max-pages 10000 "h$h" \
			"http://127.0.0.$((h + 1)):$port/h$h/p1.html" >/dev/null
		h=$((h + 1))
	done
	[ ! -s "$db-wal" ] || fail "source add left a write-ahead log: copy it too"
	mv "$db" "$scratch/sources.db"
}

# one_run PAGES BYTES: a crawl from a fresh database, then curl.
one_run() {
	rm -f "$db" "$db-wal" "$db-shm"
	cp "$scratch/sources.db" "$db"
	# shellcheck disable=SC2086 # crawl_opts is a list of options
	measure crawl "$1" "$2" "$JOBSTATS" --db "$db" crawl $crawl_opts
	if [ -s "$scratch/err" ]; then
		printf 'bench-crawl: crawl of %s pages said:\n' "$1" >&2
		head -n 3 "$scratch/err" >&2
	fi
	got=$(sql "SELECT count(*) FROM postings")
	[ "$got" -eq $(($1 * 5)) ] || fail "crawl of $1 pages stored $got postings, not $(($1 * 5))"
	measure curl "$1" "$2" curl --parallel --parallel-max "$parallel" -s -S --fail \
		-K "$scratch/curl.cfg"
}

: >"$results"
for size in $sizes; do
	pages=${size%%:*}
	runs=${size#*:}
	rm -rf "$scratch/site"
	bytes=$("$PYTHON3" "$helper" site "$scratch/site" "$pages" "$hosts" "$scratch/curl.in")
	start_bench_server "$scratch/site"
	sed "s/@PORT@/$port/" "$scratch/curl.in" >"$scratch/curl.cfg"
	add_sources
	run=0
	while [ "$run" -lt "$runs" ]; do
		run=$((run + 1))
		one_run "$pages" "$bytes"
	done
	stop_bench_server
done
printf '%-18s %10s %-11s %s\n' "crawl command" - "" \
	"jobstats crawl$crawl_opts; sources added with${source_opts:+ $source_opts} --max-pages 10000"
"$PYTHON3" "$helper" table "$results"
