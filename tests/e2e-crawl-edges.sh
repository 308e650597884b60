#!/bin/sh
# The crawler's sharp edges, each found in review: a host given up gets no
# request again (not by a redirect into it either); a 304 to a request
# that was not conditional is no "unchanged" (the page is not stored: its
# postings would be closed as unseen).
. "${top_srcdir:-$(dirname "$0")/..}/tests/e2e-lib.sh"
need_python
www="$scratch/www"
mkdir -p "$www"
cp -R "$fixtures/board" "$www/board"
start_server "$www" 2
log() { "$PYTHON3" "$top_srcdir/tests/httpd_log.py" "$server_log" "$@"; }
port() { sed -n "$(($1 + 1))p" "$scratch/port"; }
run() { sql "SELECT $2 FROM runs JOIN sources s ON s.id = source_id WHERE s.name = '$1' ORDER BY runs.id DESC LIMIT 1"; }
export JOBSTATS_CONFIG="$scratch/config"
printf 'delay = 0\nretries = 0\n' >"$JOBSTATS_CONFIG"

# Host 1 fails once and is given up at once; host 0's page redirects into
# it two seconds later (its source's delay), when it is given up.
expect_status 0 js source add down "$base_url1/status/500"
expect_status 0 js source add late --delay 2 "$base_url0/redirect-port/1/board/page-1.html"
expect_status 1 js crawl --host-failures 1
[ "$(log count "$(port 1)" /board/page-1.html)" -eq 0 ] ||
	fail "a redirect into a host given up was fetched"
expect_grep "'$base_url0/redirect-port/1/board/page-1.html': not fetched, its host was given up" "$scratch/err"
[ "$(run late outcome)" = failed ] || fail "late: outcome $(run late outcome)"
ok "a host given up gets no request, not by a redirect either"

# A 304 nobody asked for: the page is not read, the crawl not complete.
expect_status 0 js source add bogus304 "$base_url0/status/304"
expect_status 1 js crawl bogus304
expect_grep "cannot fetch '$base_url0/status/304': HTTP status 304 to a request that was not conditional" "$scratch/err"
[ "$(run bogus304 complete)" -eq 0 ] || fail "bogus304: a complete crawl"
[ "$(run bogus304 pages_not_modified)" -eq 0 ] || fail "bogus304: counted not modified"
ok "a 304 to an unconditional request is a failure"

# A page that yields no posting (a new layout, a page that blocks robots)
# closes nothing: the crawl is not complete.
cp "$fixtures/board/page-2.html" "$www/solo.html"
expect_status 0 js source add solo "$base_url0/solo.html"
expect_status 0 js crawl solo
solo=$(run solo postings_new)
[ "$solo" -gt 0 ] || fail "solo: no postings"
sleep 1.1
printf '<!DOCTYPE html>\n<html><head><title>Are you human?</title></head><body><p>Prove it</p></body></html>\n' >"$www/solo.html"
expect_status 0 js crawl solo
[ "$(run solo complete)" -eq 0 ] || fail "solo: a page without postings made a complete crawl"
[ "$(sql "SELECT count(*) FROM postings p JOIN sources s ON s.id = p.source_id WHERE s.name = 'solo' AND closed_at IS NULL")" -eq "$solo" ] ||
	fail "solo: postings closed after a page without postings"
ok "a page without postings closes nothing"

# A media type is case-insensitive: "Text/HTML" is a web page.
expect_status 0 js source add upper "$base_url0/type/Text%2FHTML/board/page-2.html"
expect_status 0 js crawl upper
[ "$(run upper pages_skipped)" -eq 0 ] || fail "upper: Text/HTML skipped"
[ "$(run upper postings_new)" -gt 0 ] || fail "upper: no postings stored"
ok "content types read whatever their case"
