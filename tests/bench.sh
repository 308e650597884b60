#!/bin/sh
# bench.sh - the built jobstats end to end on the bundled demo board
# (contrib/demo: 4 pages, 200 postings, read through file://, no network),
# run by "make bench".  Each round starts from a fresh database in a scratch
# directory: source add, first crawl (fetch, extract, store), second crawl
# (the idempotent re-crawl), a JSON report and a CSV export.  Every step is
# cheap, so each is run BENCH_ROUNDS times and the best time is printed, in
# seconds with 3 decimals.  Nothing is judged: a failing command fails the
# run, a slow one does not.
. "${top_srcdir:-$(dirname "$0")/..}/tests/e2e-lib.sh"

rounds=${BENCH_ROUNDS:-3}
top=$(cd "$top_srcdir" && pwd)
board="file://$top/contrib/demo/index.html"

# Nanoseconds from some fixed point: GNU date, else python3; else no bench.
if [ "$(date +%N)" != N ] && [ "$(date +%N)" != %N ]; then
	now() { date +%s%N; }
else
	need_python
	now() { "$PYTHON3" -c 'import time; print(time.monotonic_ns())'; }
fi

# time_step NAME CMD...: run CMD (output discarded, exit status checked) and
# keep the best time of NAME in best_NAME, in nanoseconds.
time_step() {
	name=$1
	shift
	start=$(now)
	"$@" >/dev/null 2>"$scratch/err" || {
		cat "$scratch/err" >&2
		fail "'$*' exited non-zero"
	}
	took=$(($(now) - start))
	eval "prev=\${best_$name:-}"
	if [ -z "$prev" ] || [ "$took" -lt "$prev" ]; then
		eval "best_$name=$took"
	fi
}

i=0
while [ "$i" -lt "$rounds" ]; do
	i=$((i + 1))
	db="$scratch/round-$i.db"
	time_step floor env true
	time_step add js source add demo "$board"
	time_step crawl1 js crawl
	time_step crawl2 js crawl
	time_step report js report --role "Data Engineer" --format json
	time_step export js export --what postings --format csv
done

# show NAME LABEL DETAIL: one line in the columns of tests/bench, seconds
# with 3 decimals.
show() {
	eval "ns=\$best_$1"
	ms=$(((ns + 500000) / 1000000))
	printf '%-18s %6d.%03d %-11s %s; best of %d\n' "$2" $((ms / 1000)) $((ms % 1000)) s \
		"$3" "$rounds"
}
show floor "env true" "starting a process and timing it: the floor"
show add "source add" "a fresh database: schema, one source"
show crawl1 "crawl, first" "fetch, extract, store the demo board (file://)"
show crawl2 "crawl, again" "the same pages re-crawled: nothing new"
show report "report json" "report --role 'Data Engineer' --format json"
show export "export csv" "export --what postings --format csv"
