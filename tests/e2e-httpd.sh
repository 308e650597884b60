#!/bin/sh
# The test HTTP server itself (tests/httpd.py), checked with the curl
# command line so the crawler's tests can trust it: several ports, one
# robots.txt each, the misbehaving routes, the request log's fields, and
# that it stops by itself even in the middle of an answer.
. "${top_srcdir:-$(dirname "$0")/..}/tests/e2e-lib.sh"
need_python
command -v curl >/dev/null 2>&1 || skip "the curl command is needed for this test"
site="$scratch/site"
mkdir -p "$site"
printf '<!DOCTYPE html>\n<html><head><title>a page</title></head><body>a page</body></html>\n' \
	>"$site/page.html"
start_server "$site" 3

# fetch URL [CURL-OPTION...]: one request; its status in $code, curl's exit
# status in $rc, the headers (without CRs) in $scratch/h, the body in $scratch/b.
fetch() {
	url=$1
	shift
	: >"$scratch/h.raw"
	set +e
	code=$(curl -q --noproxy '*' -sS --max-time 20 -D "$scratch/h.raw" -o "$scratch/b" \
		-w '%{http_code}' "$@" "$url" 2>"$scratch/curl.err")
	rc=$?
	set -e
	tr -d '\r' <"$scratch/h.raw" >"$scratch/h"
}

# expect_fetch CODE URL [CURL-OPTION...]: fetch, fail unless the status is CODE.
expect_fetch() {
	want=$1
	shift
	fetch "$@"
	[ "$rc" -eq 0 ] || { cat "$scratch/curl.err" >&2; fail "curl $* exited $rc"; }
	[ "$code" = "$want" ] || { cat "$scratch/h" >&2; fail "$1: status $code, expected $want"; }
}

# header NAME: the value of the last response's header NAME (any case).
header() {
	awk -v name="$1" 'tolower(substr($0, 1, length(name) + 1)) == tolower(name) ":" {
		print substr($0, length(name) + 3) }' "$scratch/h"
}

# expect_header NAME VALUE: fail unless the last response's NAME is VALUE.
expect_header() {
	[ "$(header "$1")" = "$2" ] || { cat "$scratch/h" >&2; fail "$1 is '$(header "$1")', expected '$2'"; }
}

# Three ports, three "hosts".
[ "$(printf '%s\n' $ports | sort -u | wc -l)" -eq 3 ] || fail "3 distinct ports expected: $ports"
[ "$base_url" = "$base_url0" ] || fail "base_url is not the first port"
for url in "$base_url0" "$base_url1" "$base_url2"; do
	expect_fetch 200 "$url/page.html"
done
ok "three ports"

# robots.txt: 404 without a file, then robots-<index>.txt, else robots.txt.
expect_fetch 404 "$base_url1/robots.txt"
printf 'User-agent: *\nDisallow: /all\n' >"$site/robots.txt"
printf 'User-agent: *\nDisallow: /one\nCrawl-delay: 2\n' >"$site/robots-1.txt"
for i in 0 1 2; do
	eval "url=\$base_url$i"
	expect_fetch 200 "$url/robots.txt"
	case $i in
	1) expect_grep '^Disallow: /one$' "$scratch/b" ;;
	*) expect_grep '^Disallow: /all$' "$scratch/b" ;;
	esac
	expect_header Content-Type "text/plain; charset=utf-8"
done
ok "robots.txt per port"

# Retry-After: seconds, or an IMF-fixdate N seconds ahead.
expect_fetch 503 "$base_url/status/503?retry-after=7"
expect_header Retry-After 7
expect_fetch 429 "$base_url/status/429"
expect_header Retry-After 1
now=$(date +%s)
expect_fetch 429 "$base_url/status/429?retry-after-date=120"
date=$(header Retry-After)
echo "$date" | grep -Eq '^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), [0-9]{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2} GMT$' ||
	fail "Retry-After '$date' is no IMF-fixdate"
ahead=$("$PYTHON3" -c 'import email.utils,sys; print(int(email.utils.parsedate_to_datetime(sys.argv[1]).timestamp()) - int(sys.argv[2]))' "$date" "$now")
[ "$ahead" -ge 119 ] && [ "$ahead" -le 125 ] || fail "Retry-After '$date' is $ahead s ahead, expected 120"
expect_fetch 503 "$base_url/status/503?retry-after-date=-60"
ok "Retry-After in seconds and as a date"

# flaky: 503 the first K times a name is asked for, on any port, then 200.
expect_fetch 503 "$base_url0/flaky/2/one/page.html"
expect_header Retry-After 1
expect_fetch 503 "$base_url1/flaky/2/one/page.html"
expect_fetch 200 "$base_url2/flaky/2/one/page.html"
expect_grep 'a page' "$scratch/b"
expect_fetch 200 "$base_url0/flaky/2/one/page.html"
expect_fetch 503 "$base_url/flaky/1/two?retry-after=5"
expect_header Retry-After 5
expect_fetch 200 "$base_url/flaky/1/two"
expect_grep '<title>Flaky page two</title>' "$scratch/b"
expect_fetch 500 "$base_url/flaky/1/three?status=500"
[ -z "$(header Retry-After)" ] || fail "a flaky 500 has a Retry-After"
expect_fetch 200 "$base_url/flaky/1/three?status=500"
expect_fetch 400 "$base_url/flaky/x/four"
ok "flaky"

# reset: no answer, a TCP RST.
fetch "$base_url/reset"
[ "$rc" -eq 56 ] || [ "$rc" -eq 52 ] || fail "/reset: curl exited $rc, expected 56 or 52"
expect_grep ' GET /reset reset ' "$server_log"
ok "reset"

# drip: a client's low-speed limit ends it; the server still answers.
expect_fetch 200 "$base_url/drip/10" --head
expect_header Content-Length 100000
start=$(date +%s)
fetch "$base_url/drip/10" --speed-limit 100 --speed-time 2
[ "$rc" -eq 28 ] || fail "/drip/10 under --speed-limit: curl exited $rc, expected 28"
[ $(($(date +%s) - start)) -le 8 ] || fail "/drip/10 under --speed-limit took $(($(date +%s) - start)) s"
[ "$(wc -c <"$scratch/b")" -le 10 ] || fail "/drip/10 sent $(wc -c <"$scratch/b") bytes in 2 s"
fetch "$base_url/drip/1" --max-time 1
[ "$rc" -eq 28 ] || fail "/drip/1 for 1 s: curl exited $rc, expected 28"
[ "$(wc -c <"$scratch/b")" -ge 3 ] || fail "/drip/1 sent $(wc -c <"$scratch/b") bytes in 1 s"
expect_fetch 404 "$base_url/no-such-page"
expect_fetch 400 "$base_url/drip/0"
ok "drip"

# big: exactly MB MiB.
expect_fetch 200 "$base_url/big/2"
[ "$(wc -c <"$scratch/b")" -eq 2097152 ] || fail "/big/2 sent $(wc -c <"$scratch/b") bytes"
expect_header Content-Length 2097152
expect_header Content-Type "text/html; charset=utf-8"
expect_fetch 200 "$base_url/big/0.5" --head
expect_header Content-Length 524288
expect_fetch 400 "$base_url/big/201"
ok "big"

# Redirects to another host name and to another port.
expect_fetch 302 "$base_url1/redirect-host/page.html?x=1"
port1=$(echo "$ports" | sed -n 2p)
expect_header Location "http://localhost:$port1/page.html?x=1"
expect_fetch 302 "$base_url0/redirect-port/2/page.html"
expect_header Location "$base_url2/page.html"
expect_fetch 200 "$base_url0/redirect-port/2/page.html" -L
port2=$(echo "$ports" | sed -n 3p)
expect_grep "GET /page.html 200 .* port=$port2 client=[0-9]* ua=[^ ]*$" "$server_log"
expect_fetch 404 "$base_url0/redirect-port/3/page.html"
ok "redirects to another host and port"

# type: the file under the type asked for.
expect_fetch 200 "$base_url/type/image%2Fpng/page.html"
expect_header Content-Type image/png
expect_grep 'a page' "$scratch/b"
ok "content type"

# bad-utf8: invalid bytes in a JSON-LD title and in the text.
expect_fetch 200 "$base_url/bad-utf8"
expect_header Content-Type "text/html; charset=utf-8"
"$PYTHON3" - "$scratch/b" <<'PY' || fail "/bad-utf8 has no invalid UTF-8 where it should"
import sys
body = open(sys.argv[1], "rb").read()
for bad in (b"\xff", b"\xc0\xaf", b"\xed\xa0\x80"):
    assert body.count(bad) >= 2, bad
title = body[body.index(b'"title"'):].split(b"\n")[0]
assert b"\xff" in title and b"\xc0\xaf" in title, title
try:
    body.decode("utf-8")
except UnicodeDecodeError:
    pass
else:
    raise AssertionError("valid UTF-8")
PY
ok "invalid UTF-8"

# gzip-bomb: the headers, and a start that inflates to zeros; never inflated whole.
expect_fetch 200 "$base_url/gzip-bomb" --head
expect_header Content-Encoding gzip
expect_header Content-Type "text/html; charset=utf-8"
length=$(header Content-Length)
[ "$length" -gt 500000 ] && [ "$length" -lt 2000000 ] || fail "/gzip-bomb is $length bytes"
fetch "$base_url/gzip-bomb" --max-filesize 100000
[ "$rc" -eq 63 ] || fail "/gzip-bomb under --max-filesize: curl exited $rc, expected 63"
fetch "$base_url/gzip-bomb" -H 'Accept-Encoding: identity'
[ "$rc" -eq 0 ] && [ "$(wc -c <"$scratch/b")" -eq "$length" ] || fail "/gzip-bomb: curl exited $rc"
"$PYTHON3" - "$scratch/b" <<'PY' || fail "/gzip-bomb does not start as gzip of zeros"
import sys, zlib
d = zlib.decompressobj(16 + zlib.MAX_WBITS)
out = d.decompress(open(sys.argv[1], "rb").read(65536), 1 << 24)
assert len(out) == 1 << 24 and not out.strip(b"\0"), len(out)
PY
ok "gzip bomb"

# etag: a fixed validator, 304 to a matching one.
expect_fetch 200 "$base_url/etag/e1"
expect_header ETag '"e1-v1"'
expect_header Last-Modified "Wed, 01 Jan 2025 00:00:00 GMT"
expect_grep '"title": "ETag job e1"' "$scratch/b"
expect_fetch 304 "$base_url/etag/e1" -H 'If-None-Match: "e1-v1"'
expect_header ETag '"e1-v1"'
expect_fetch 304 "$base_url/etag/e1" -H 'If-Modified-Since: Wed, 01 Jan 2025 00:00:00 GMT'
expect_fetch 200 "$base_url/etag/e1" -H 'If-None-Match: "e1-v0"'
expect_fetch 200 "$base_url/etag/e1" -H 'If-Modified-Since: Tue, 31 Dec 2024 23:59:59 GMT'
expect_fetch 400 "$base_url/etag/a%20b"
ok "ETag and 304"

# chain: N pages linked by rel=next, one posting each; jobstats follows them.
expect_fetch 200 "$base_url/chain/3/0"
expect_grep '<a rel="next" href="/chain/3/1">' "$scratch/b"
expect_fetch 200 "$base_url/chain/3/2"
! grep -q 'rel="next"' "$scratch/b" || fail "the last chain page has a next link"
expect_fetch 404 "$base_url/chain/3/3"
expect_status 0 js source add chain "$base_url/chain/3/0"
expect_status 0 js crawl chain
[ "$(sql "SELECT count(*) FROM postings WHERE company = 'Chain Co'")" -eq 3 ] ||
	fail "crawling a chain of 3 stored $(sql "SELECT count(*) FROM postings WHERE company = 'Chain Co'") postings"
[ "$(sql "SELECT CAST(salary_max AS INTEGER) FROM postings WHERE title = 'Chain job 2'")" = 100002 ] ||
	fail "Chain job 2 is not paid 100002"
ok "chain"

# The log: one line per request, the time the request arrived, the ports.
before=$("$PYTHON3" -c 'import time; print("%.3f" % time.time())')
expect_fetch 200 "$base_url/slow/1"
logged=$(grep ' GET /slow/1 200 ' "$server_log" | cut -d' ' -f1)
"$PYTHON3" -c 'import sys; assert 0 <= float(sys.argv[2]) - float(sys.argv[1]) < 0.8' "$before" "$logged" ||
	fail "/slow/1 logged at $logged, asked for at $before: not its arrival"
grep -v ' error ' "$server_log" | grep -Evq '^[0-9]+\.[0-9]{3} (GET|HEAD) /[^ ]* ([0-9]{3}|reset) inm=[^ ]* ims=[^ ]* ae=[^ ]* port=[0-9]+ client=[0-9]+ ua=[^ ]*$' &&
	fail "a log line has another format: $(grep -v ' error ' "$server_log" | grep -Ev ' client=[0-9]+ ua=[^ ]*$' | head -n 1)"
for port_ in $ports; do
	expect_grep " port=$port_ client=" "$server_log"
done
ok "log"

# The server stops by itself (--max-seconds), even in the middle of a drip.
"$PYTHON3" "$top_srcdir/tests/httpd.py" --root "$site" --port-file "$scratch/port2" \
	--max-seconds 2 --ports 2 &
short_pid=$!
wait_for_file "$scratch/port2" "$short_pid" "a second test HTTP server"
[ "$(wc -l <"$scratch/port2")" -eq 2 ] || fail "the port file of --ports 2 has $(wc -l <"$scratch/port2") lines"
curl -q --noproxy '*' -s -o /dev/null --max-time 20 "http://127.0.0.1:$(head -n 1 "$scratch/port2")/drip/10" &
curl_pid=$!
start=$(date +%s)
wait "$short_pid" || fail "the second server exited $?"
[ $(($(date +%s) - start)) -le 6 ] || fail "the second server took $(($(date +%s) - start)) s to stop"
wait "$curl_pid" || true
ok "stops by itself"
