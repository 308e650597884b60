#!/bin/sh
# The fault matrix: every way the test server misbehaves on purpose, each
# as a source of one crawl.  For each, exactly which requests were made and
# how far apart (measured by the server), what the run recorded, and that
# every good page's postings were stored.  A host that keeps failing is
# given up and the others go on.
. "${top_srcdir:-$(dirname "$0")/..}/tests/e2e-lib.sh"
need_python
www="$scratch/www"
mkdir -p "$www"
cp -R "$fixtures/board" "$www/board"
server_seconds=600	# the checks are slow on a loaded machine
start_server "$www" 4
port() { sed -n "$(($1 + 1))p" "$scratch/port"; }
at_least() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a + 0 >= b + 0) }'; }
export JOBSTATS_CONFIG="$scratch/config"
cat >"$JOBSTATS_CONFIG" <<'EOF'
delay = 0
retries = 2
max-filesize = 1M
max-redirs = 3
speed-limit = 1000
speed-time = 2
retry-after-max = 5
host-failures = 20
EOF

# Host 0: Retry-After; host 1: errors retried with backoff; host 2: errors
# not retried; host 3: pages that are fine after a detour.
add() { expect_status 0 js source add "$1" "$2"; }
add ra-seconds "$base_url0/status/429?retry-after=1"
add ra-date "$base_url0/status/503?retry-after-date=1"
add flaky "$base_url0/flaky/2/f1/board/page-1.html"
add s500 "$base_url1/status/500"
add reset "$base_url1/reset"
add truncated "$base_url1/truncated/board/page-1.html"
add drip "$base_url1/drip/10"
add big "$base_url2/big/2"
add bomb "$base_url2/gzip-bomb"
add loop "$base_url2/redirect-loop"
add image "$base_url2/type/image%2Fpng/board/page-1.html"
add s404 "$base_url2/board/no-such-page.html"
add elsewhere "$base_url3/redirect-host/board/page-2.html"
add badutf8 "$base_url3/bad-utf8"
expect_status 3 js crawl
cp "$scratch/err" "$scratch/crawl.err"

# read_runs: each source's latest run ("SOURCE COLUMN VALUE" lines) and
# the errors of those runs ("SOURCE<tab>REASON"), read once: a process a
# question is slow on a loaded machine, and the server does not wait.
read_runs() {
	"$PYTHON3" - "$db" "$scratch/runs.txt" "$scratch/errors.txt" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
latest = "SELECT s.name, r.* FROM runs r JOIN sources s ON s.id = r.source_id " \
         "WHERE r.id = (SELECT max(id) FROM runs WHERE source_id = s.id)"
cur = c.execute(latest)
cols = [d[0] for d in cur.description]
with open(sys.argv[2], "w") as out:
    for row in cur:
        for k, v in zip(cols[1:], row[1:]):
            out.write("%s %s %s\n" % (row[0], k, v))
with open(sys.argv[3], "w") as out:
    for name, reason in c.execute("SELECT s.name, e.reason FROM run_errors e JOIN runs r "
                                  "ON r.id = e.run_id JOIN sources s ON s.id = r.source_id"):
        out.write("%s\t%s\n" % (name, reason))
PY
}
# run SOURCE COLUMN: that column of the source's latest run.
run() { awk -v s="$1" -v c="$2" '$1 == s && $2 == c { print $3 }' "$scratch/runs.txt"; }
# requests PORT PATH N: PATH was asked for exactly N times on PORT.
requests() {
	got=$(awk -v p=" port=$(port "$1") " -v u="$2" '$3 == u && index($0, p) { n++ } END { print n + 0 }' "$server_log")
	[ "$got" -eq "$3" ] || fail "$2: $got requests on host $1, expected $3"
}
# gaps PORT PATH SECONDS: PATH's requests at least SECONDS apart.
gaps() {
	times=$(awk -v p="port=$(port "$1")" -v u="$2" '$3 == u && $0 ~ p { print $1 }' "$server_log")
	prev=
	for t in $times; do
		[ -z "$prev" ] || at_least "$(awk "BEGIN { print $t - $prev }")" "$3" ||
			fail "$2: requests $(awk "BEGIN { print $t - $prev }") s apart, expected >= $3"
		prev=$t
	done
}
# failed SOURCE PATTERN: the source's run failed, with that reason.
failed() {
	[ "$(run "$1" outcome)" = failed ] || fail "$1: run outcome '$(run "$1" outcome)'"
	[ "$(run "$1" pages_failed)" -eq 1 ] || fail "$1: pages_failed $(run "$1" pages_failed)"
	expect_grep "$2" "$scratch/crawl.err"
	grep -F "$1	" "$scratch/errors.txt" | grep -qF -- "$3" || fail "$1: no run error recorded"
}
read_runs

# 429 and 503 wait for Retry-After (seconds or a date), then give up.
requests 0 "/status/429?retry-after=1" 3
gaps 0 "/status/429?retry-after=1" 0.95
failed ra-seconds "cannot fetch '$base_url0/status/429?retry-after=1': HTTP status 429" "429"
requests 0 "/status/503?retry-after-date=1" 3
gaps 0 "/status/503?retry-after-date=1" 0.95
failed ra-date "HTTP status 503" "503"
# 503 twice, then the page: stored, after waiting.
requests 0 /flaky/2/f1/board/page-1.html 3
gaps 0 /flaky/2/f1/board/page-1.html 0.95
[ "$(run flaky outcome)" = ok ] || fail "flaky: outcome $(run flaky outcome)"
[ "$(run flaky postings_new)" -eq 10 ] || fail "flaky: $(run flaky postings_new) postings stored, expected 10"
ok "Retry-After (seconds and HTTP date) honoured; 503 then 200 stored"

# 5xx, a reset connection, a truncated body, a drip: retried with backoff
# (1 s, then 2 s, less a quarter at most), then failed.
for path in /status/500 /reset /truncated/board/page-1.html /drip/10; do
	requests 1 "$path" 3
	gaps 1 "$path" 0.75
done
failed s500 "HTTP status 500" "500"
failed reset "cannot fetch '$base_url1/reset'" "reset"
failed truncated "cannot fetch '$base_url1/truncated/board/page-1.html'" ""
failed drip "cannot fetch '$base_url1/drip/10':.*[Oo]peration too slow" "slow"
[ "$(sql "SELECT count(*) FROM postings p JOIN sources s ON s.id = p.source_id WHERE s.name = 'truncated'")" -eq 0 ] ||
	fail "postings stored from a truncated page"
ok "5xx, reset, truncated body, drip: retried with backoff, then failed"

# Not retried: too large (cut off, a gzip bomb too), a redirect loop, a
# 404; a picture is skipped with a warning.
requests 2 /big/2 1
failed big "'$base_url2/big/2': page larger than 1048576 bytes, cut off" "cut off"
requests 2 /gzip-bomb 1
failed bomb "'$base_url2/gzip-bomb': page larger than 1048576 bytes, cut off" "cut off"
requests 2 /redirect-loop 4
failed loop "'$base_url2/redirect-loop': more than 3 redirects" "redirects"
requests 2 /board/no-such-page.html 1
failed s404 "HTTP status 404" "404"
requests 2 "/type/image%2Fpng/board/page-1.html" 1
expect_grep "warning: '$base_url2/type/image%2Fpng/board/page-1.html': content type 'image/png' is not a web page, skipped" "$scratch/crawl.err"
[ "$(run image pages_skipped)" -eq 1 ] || fail "image: not counted as skipped"
ok "size cap, gzip bomb, redirect loop, 404, content type: not retried"

# A redirect to another host name: that host's robots.txt first, then the
# page, stored.  Invalid UTF-8 is stored as valid UTF-8.
"$PYTHON3" "$top_srcdir/tests/httpd_log.py" "$server_log" paths "$(port 3)" >"$scratch/paths3"
expect_grep '^/robots.txt$' "$scratch/paths3"
[ "$(grep -c '^/robots.txt$' "$scratch/paths3")" -eq 2 ] ||
	fail "robots.txt not asked once by each host name"
[ "$(run elsewhere postings_new)" -eq 5 ] || fail "elsewhere: $(run elsewhere postings_new) postings"
"$PYTHON3" - "$db" <<'PY' || fail "invalid UTF-8 stored"
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.text_factory = bytes
rows = c.execute("SELECT p.title FROM postings p JOIN sources s ON s.id = p.source_id "
                 "WHERE s.name = 'badutf8'").fetchall()
assert len(rows) == 2, rows
for (t,) in rows:
    t.decode("utf-8")
PY
ok "redirect to another host; invalid UTF-8"

# A host failing again and again is given up; the others go on.
expect_status 0 js source add down1 "$base_url1/status/500?n=1"
expect_status 0 js source add down2 "$base_url1/status/500?n=2"
expect_status 0 js source add up "$base_url3/board/page-1.html"
: >"$server_log"
expect_status 3 js crawl down1 down2 up --host-failures 2 --retries 5
read_runs
requests 1 "/status/500?n=1" 2
requests 1 "/status/500?n=2" 0
expect_grep "'$base_url1/status/500?n=2': .*given up" "$scratch/err"
[ "$(run up outcome)" = ok ] || fail "the good host did not go on"
ok "a failing host given up, the others go on"
