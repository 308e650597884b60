#!/bin/sh
# --jobs: pages extracted on worker threads store exactly what one thread
# stores.  Three "hosts" (ports) serve the board's two pages each and the
# extraction fixtures, one source per page; a crawl with --jobs 1 and one
# with --jobs 4 (each into its own database) must give the same postings,
# the same run counts and the same messages, and so must reextract.
. "${top_srcdir:-$(dirname "$0")/..}/tests/e2e-lib.sh"
need_python
www="$scratch/www"
mkdir -p "$www"
cp -R "$fixtures/board" "$www/board"
cp -R "$fixtures/extract" "$www/extract"
start_server "$www" 3
export JOBSTATS_CONFIG="$scratch/config"
echo "delay = 0" >"$JOBSTATS_CONFIG"

# add_sources DB: the same sources, in the same order, in DB.
add_sources() {
	"$JOBSTATS" --db "$1" source add board-0 "$base_url0/board/page-1.html" >/dev/null
	"$JOBSTATS" --db "$1" source add board-1 "$base_url1/board/page-1.html" >/dev/null
	"$JOBSTATS" --db "$1" source add board-2 "$base_url2/board/page-1.html" >/dev/null
	k=0
	for f in "$www"/extract/*.html; do
		name=$(basename "$f" .html)
		eval "url=\$base_url$((k % 3))"
		"$JOBSTATS" --db "$1" source add "x-$name" "$url/extract/$name.html" >/dev/null
		k=$((k + 1))
	done
}

# dump DB: what the crawls stored, with neither row ids nor times (nor
# which duplicate came first: sources are fetched in whatever order their
# hosts answer, whatever --jobs is).
dump() {
	"$PYTHON3" - "$1" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
skip = {"id", "source_id", "page_id", "first_seen", "last_seen", "duplicate_of"}
cols = [r[1] for r in c.execute("PRAGMA table_info(postings)") if r[1] not in skip]
for row in c.execute("SELECT s.name, %s FROM postings p JOIN sources s ON s.id = p.source_id "
                     "ORDER BY s.name, p.posting_key" % ", ".join("p." + x for x in cols)):
    print("\t".join(repr(v) for v in row))
skip = {"id", "source_id", "started_at", "finished_at"}
cols = [r[1] for r in c.execute("PRAGMA table_info(runs)") if r[1] not in skip]
for row in c.execute("SELECT s.name, %s FROM runs r JOIN sources s ON s.id = r.source_id "
                     "ORDER BY s.name, r.id" % ", ".join("r." + x for x in cols)):
    print("\t".join(repr(v) for v in row))
for row in c.execute("SELECT s.name, p.url, p.status, p.next_url, p.body_size FROM pages p "
                     "JOIN sources s ON s.id = p.source_id ORDER BY s.name, p.url"):
    print("\t".join(repr(v) for v in row))
PY
}

for jobs in 1 4; do
	add_sources "$scratch/jobs$jobs.db"
	set +e
	"$JOBSTATS" --db "$scratch/jobs$jobs.db" crawl --jobs "$jobs" --summary \
		>"$scratch/out$jobs" 2>"$scratch/err$jobs"
	echo $? >"$scratch/rc$jobs"
	set -e
	dump "$scratch/jobs$jobs.db" >"$scratch/dump$jobs"
	sort "$scratch/err$jobs" >"$scratch/err$jobs.sorted"
	sort "$scratch/out$jobs" >"$scratch/out$jobs.sorted"
done
[ "$(cat "$scratch/rc1")" = "$(cat "$scratch/rc4")" ] ||
	fail "exit status $(cat "$scratch/rc1") with --jobs 1, $(cat "$scratch/rc4") with --jobs 4"
[ "$(grep -c "^'board-0'" "$scratch/dump1")" -ge 10 ] || { cat "$scratch/dump1" >&2; fail "too few postings stored"; }
[ "$(grep -c "^'x-" "$scratch/dump1")" -ge 20 ] || { cat "$scratch/dump1" >&2; fail "too few fixture postings stored"; }
diff "$scratch/dump1" "$scratch/dump4" >&2 || fail "--jobs 1 and --jobs 4 stored different things"
diff "$scratch/err1.sorted" "$scratch/err4.sorted" >&2 || fail "--jobs 1 and --jobs 4 said different things"
diff "$scratch/out1.sorted" "$scratch/out4.sorted" >&2 || fail "--jobs 1 and --jobs 4 summed up differently"
ok "crawl: --jobs 1 and --jobs 4 store the same"

# reextract: the other way round, then both again the same.
expect_status 0 "$JOBSTATS" --db "$scratch/jobs1.db" reextract --jobs 4
cp "$scratch/out" "$scratch/re1"
expect_status 0 "$JOBSTATS" --db "$scratch/jobs4.db" reextract --jobs 1
diff "$scratch/re1" "$scratch/out" >&2 || fail "reextract said different things"
dump "$scratch/jobs1.db" >"$scratch/dump1"
dump "$scratch/jobs4.db" >"$scratch/dump4"
diff "$scratch/dump1" "$scratch/dump4" >&2 || fail "reextract stored different things"
ok "reextract: --jobs 4 and --jobs 1 store the same"

expect_status 2 "$JOBSTATS" --db "$scratch/jobs1.db" crawl --jobs 0
expect_grep "jobs" "$scratch/err"
expect_status 2 "$JOBSTATS" --db "$scratch/jobs1.db" reextract --jobs x
echo "jobs = 2" >>"$JOBSTATS_CONFIG"
expect_status 0 "$JOBSTATS" --db "$scratch/jobs1.db" crawl board-0
ok "--jobs checked, and read from the settings file"
