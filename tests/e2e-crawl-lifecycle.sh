#!/bin/sh
# Conditional requests and the postings' lifecycle: a page unchanged is a
# 304 whose postings count as seen; a posting missing from a complete crawl
# is closed, never after a partial one, and reopens when it comes back.
# The pages kept serve reextract and parse --stored with no network.
. "${top_srcdir:-$(dirname "$0")/..}/tests/e2e-lib.sh"
need_python
www="$scratch/www"
mkdir -p "$www"
cp -R "$fixtures/board" "$www/board"
start_server "$www"
log() { "$PYTHON3" "$top_srcdir/tests/httpd_log.py" "$server_log" "$@"; }
port=$(sed -n 1p "$scratch/port")
export JOBSTATS_CONFIG="$scratch/config"
echo "delay = 0" >"$JOBSTATS_CONFIG"
run() { sql "SELECT $1 FROM runs ORDER BY id DESC LIMIT 1"; }
open_postings() { sql "SELECT count(*) FROM postings WHERE closed_at IS NULL"; }
# The same second would make "not seen since the run started" ambiguous.
next_second() { sleep 1.1; }

expect_status 0 js source add board "$base_url/board/page-1.html"
expect_status 0 js crawl
[ "$(run postings_new)" -eq 10 ] || fail "first crawl: $(run postings_new) new postings"
[ "$(run complete)" -eq 1 ] || fail "first crawl not complete"
[ "$(sql "SELECT count(*) FROM postings WHERE last_seen != (SELECT started_at FROM runs ORDER BY id DESC LIMIT 1)")" -eq 0 ] ||
	fail "the run did not start at the time its postings were seen"
ok "first crawl: 10 postings, complete"

# Unchanged: both pages asked conditionally, 304, postings seen again.
next_second
: >"$server_log"
expect_status 0 js crawl
[ "$(log count "$port" /board/page-1.html)" -eq 1 ] || fail "page 1 not asked once"
[ "$(log field "$port" /board/page-1.html inm)" != - ] || fail "no If-None-Match sent"
grep -q "GET /board/page-2.html 304 " "$server_log" || fail "page 2 not answered 304"
[ "$(run pages_not_modified)" -eq 2 ] || fail "pages_not_modified $(run pages_not_modified)"
[ "$(run postings_unchanged)" -eq 10 ] || fail "postings_unchanged $(run postings_unchanged)"
[ "$(run postings_new)" -eq 0 ] || fail "a 304 made new postings"
seen=$(run started_at)
[ "$(sql "SELECT count(*) FROM postings WHERE last_seen < '$seen'")" -eq 0 ] ||
	fail "postings on a 304 page not seen again"
ok "304: not extracted again, its postings seen"

# A posting gone from page 2 (Blue Fjord's card): closed by a complete crawl.
next_second
cp "$www/board/page-2.html" "$scratch/page-2.orig"
"$PYTHON3" - "$www/board/page-2.html" <<'PY'
import re, sys
p = sys.argv[1]
s = open(p).read()
s2 = re.sub(r'<li class="job-card" data-job-id="8">.*?</li>\n', '', s, flags=re.S)
assert s2 != s
open(p, "w").write(s2)
PY
expect_status 0 js crawl
[ "$(run postings_closed)" -eq 1 ] || fail "postings_closed $(run postings_closed)"
[ "$(sql "SELECT closed_at IS NOT NULL FROM postings WHERE company = 'Blue Fjord'")" -eq 1 ] ||
	fail "the missing posting is not closed"
[ "$(open_postings)" -eq 9 ] || fail "$(open_postings) open postings, expected 9"
expect_status 0 js export --what postings --format json
"$PYTHON3" - "$scratch/out" <<'PY' || fail "export does not say the posting is closed"
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1])]
closed = [r["company"] for r in rows if r["closed_at"] is not None]
assert closed == ["Blue Fjord"], closed
PY
ok "a posting missing from a complete crawl is closed"

# It comes back: reopened.
next_second
cp "$scratch/page-2.orig" "$www/board/page-2.html"
touch "$www/board/page-2.html"
expect_status 0 js crawl
[ "$(open_postings)" -eq 10 ] || fail "the posting did not reopen"
ok "a posting that comes back reopens"

# A partial crawl (page 2 gone) closes nothing.
next_second
mv "$www/board/page-2.html" "$scratch/page-2.kept"
expect_status 3 js crawl
[ "$(run complete)" -eq 0 ] || fail "a crawl with a failed page is complete"
[ "$(run outcome)" = partial ] || fail "outcome $(run outcome)"
[ "$(open_postings)" -eq 10 ] || fail "a partial crawl closed postings"
ok "a partial crawl closes nothing"

# The kept pages, with the server gone: reextract and parse --stored.
kill "$server_pid"
wait "$server_pid" 2>/dev/null || true
server_pid=
before=$(sql "SELECT group_concat(last_seen) FROM (SELECT last_seen FROM postings ORDER BY id)")
expect_status 0 js reextract
[ "$(sql "SELECT group_concat(last_seen) FROM (SELECT last_seen FROM postings ORDER BY id)")" = "$before" ] ||
	fail "reextract moved last_seen back to the pages' fetch time"
expect_grep "^board: 2 pages re-extracted, 10 postings: 0 new, 0 updated, 10 unchanged; 0 errors$" "$scratch/out"
expect_status 0 js parse --stored "$base_url/board/page-2.html"
[ "$(wc -l <"$scratch/out")" -eq 5 ] || fail "parse --stored: $(wc -l <"$scratch/out") postings, expected 5"
expect_grep "Blue Fjord" "$scratch/out"
expect_status 1 js parse --stored "$base_url/board/page-9.html"
expect_grep "no stored page for URL '$base_url/board/page-9.html'" "$scratch/err"
ok "reextract and parse --stored read the kept pages"
