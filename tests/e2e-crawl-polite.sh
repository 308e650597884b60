#!/bin/sh
# The crawler is polite, as the test server measures it: robots.txt read
# once per host and obeyed (Disallow, our group over '*', Crawl-delay), the
# delay between requests to one host kept, hosts crawled side by side,
# requests per host in order, a User-Agent that names jobstats and a
# contact; --ignore-robots only when asked, and said.
. "${top_srcdir:-$(dirname "$0")/..}/tests/e2e-lib.sh"
need_python
www="$scratch/www"
mkdir -p "$www"
# Port 0's robots.txt: a group for another bot, ours (any case), and '*'.
cat >"$www/robots-0.txt" <<'EOF'
User-agent: otherbot
Disallow: /

User-agent: JobStats
Disallow: /chain/5/3
Crawl-delay: 0.5

User-agent: *
Disallow: /
EOF
start_server "$www" 2
log() { "$PYTHON3" "$top_srcdir/tests/httpd_log.py" "$server_log" "$@"; }
port0=$(sed -n 1p "$scratch/port")
port1=$(sed -n 2p "$scratch/port")
export JOBSTATS_CONFIG="$scratch/config"
cat >"$JOBSTATS_CONFIG" <<'EOF'
# the tests' settings
delay = 0.2
contact = mailto:tests@example.org
EOF

expect_status 0 js source add chain "$base_url0/chain/5/0"
expect_status 0 js source add tagged "$base_url0/etag/one"
expect_status 0 js source add other "$base_url1/chain/3/0"
expect_status 0 js crawl --summary

# Host 0: robots.txt first, once; then its pages in the order queued; the
# page robots.txt forbids never requested (so the chain ends before it).
log paths "$port0" >"$scratch/paths0"
printf '%s\n' /robots.txt /chain/5/0 /etag/one /chain/5/1 /chain/5/2 >"$scratch/want0"
cmp -s "$scratch/want0" "$scratch/paths0" || {
	diff "$scratch/want0" "$scratch/paths0" >&2 || true
	fail "host 0: not the requests expected"
}
ok "robots.txt first and once; its Disallow obeyed for our group; order kept"

# Crawl-delay 0.5 (longer than the delay setting) between host 0's requests;
# the delay setting (0.2) on host 1, which has no robots.txt.
min0=$(log gaps "$port0" | sort -n | head -n 1)
min1=$(log gaps "$port1" | sort -n | head -n 1)
"$PYTHON3" -c "import sys; sys.exit(not (float('$min0') >= 0.49))" ||
	fail "host 0: requests $min0 s apart, Crawl-delay is 0.5"
"$PYTHON3" -c "import sys; sys.exit(not (float('$min1') >= 0.19))" ||
	fail "host 1: requests $min1 s apart, delay is 0.2"
[ "$(log count "$port1" /robots.txt)" -eq 1 ] || fail "host 1: robots.txt not asked once"
[ "$(log count "$port1" /chain/3/2)" -eq 1 ] || fail "host 1: chain not crawled to its end"
ok "Crawl-delay and delay kept between requests to one host"

# Side by side: host 1 was done before host 0 (3 pages 0.2 s apart against
# 4 pages 0.5 s apart), not after it.
last0=$(awk -v p="port=$port0" '$0 ~ p { t = $1 } END { print t }' "$server_log")
first1=$(awk -v p="port=$port1" '$0 ~ p { print $1; exit }' "$server_log")
"$PYTHON3" -c "import sys; sys.exit(not (float('$first1') < float('$last0')))" ||
	fail "host 1 started at $first1, after host 0's last request at $last0"
ok "hosts crawled side by side"

# The User-Agent names jobstats, its version and the contact.
ua=$(log field "$port0" /chain/5/0 ua)
case $ua in
jobstats/[0-9]*_\(+mailto:tests@example.org\)) ;;
*) fail "User-Agent '$ua'" ;;
esac
ok "User-Agent: $ua"

# Counted: the page robots.txt forbids is skipped, not an error, and the
# crawl was not complete (so nothing could be closed).
[ "$(sql "SELECT pages_robots FROM runs JOIN sources s ON s.id = source_id WHERE s.name = 'chain'")" -eq 1 ] ||
	fail "the robots.txt skip is not counted"
[ "$(sql "SELECT complete FROM runs JOIN sources s ON s.id = source_id WHERE s.name = 'chain'")" -eq 0 ] ||
	fail "a crawl with a page skipped is taken as complete"
[ "$(sql "SELECT outcome FROM runs JOIN sources s ON s.id = source_id WHERE s.name = 'chain'")" = ok ] ||
	fail "a robots.txt skip made the run fail"
expect_grep "chain: ok: 3 pages fetched, 0 not modified, 0 failed, 1 skipped by robots.txt" "$scratch/err"
ok "robots.txt skips counted and summed up"

# --ignore-robots: said, robots.txt not asked for, the page fetched.
: >"$server_log"
expect_status 0 js crawl chain --ignore-robots
expect_grep "warning: --ignore-robots" "$scratch/err"
[ "$(log count "$port0" /robots.txt)" -eq 0 ] || fail "robots.txt asked for with --ignore-robots"
[ "$(log count "$port0" /chain/5/3)" -eq 1 ] || fail "--ignore-robots did not fetch the page"
ok "--ignore-robots"
