#!/bin/sh
# Crawl over HTTP from a test server on 127.0.0.1: the same postings as
# through file://; a failing page is a warning and exit 3, not a stop;
# gzip is decoded; redirect loops end.
. "${top_srcdir:-$(dirname "$0")/..}/tests/e2e-lib.sh"
need_python
start_server "$fixtures"

# Everything but the URLs and times must equal the file:// crawl.
strip_csv() {
	"$PYTHON3" - "$1" <<'PY'
import csv, sys
for r in csv.DictReader(open(sys.argv[1], newline="")):
    for k in ("source", "url", "first_seen", "last_seen"):
        r.pop(k)
    print(sorted(r.items()))
PY
}
expect_status 0 "$JOBSTATS" --db "$scratch/file.db" source add board "$fixtures/board/page-1.html"
expect_status 0 "$JOBSTATS" --db "$scratch/file.db" crawl
expect_status 0 "$JOBSTATS" --db "$scratch/file.db" export --what postings
strip_csv "$scratch/out" >"$scratch/file.txt"

expect_status 0 js source add board "$base_url/board/page-1.html"
expect_status 0 js crawl
expect_status 0 js export --what postings
strip_csv "$scratch/out" >"$scratch/http.txt"
[ "$(wc -l <"$scratch/http.txt")" -eq 10 ] || fail "HTTP crawl stored $(wc -l <"$scratch/http.txt") postings"
cmp -s "$scratch/file.txt" "$scratch/http.txt" || {
	diff "$scratch/file.txt" "$scratch/http.txt" >&2 || true
	fail "HTTP crawl differs from file:// crawl"
}
"$PYTHON3" - "$scratch/out" "$base_url" <<'PY' || fail "links not resolved against the HTTP page"
import csv, sys
rows = {r["external_id"]: r for r in csv.DictReader(open(sys.argv[1], newline=""))}
assert rows["1"]["url"] == sys.argv[2] + "/board/jobs/1-data-engineer.html", rows["1"]["url"]
PY
ok "HTTP crawl equals file:// crawl"

# gzip-encoded pages are decoded.
expect_status 0 js source add zipped "$base_url/gzip/board/page-1.html"
expect_status 0 js crawl zipped
expect_grep 'GET /gzip/board/page-1.html 200 .*ae=.*gzip' "$scratch/httpd.log"
expect_status 0 js report --role "Data Engineer" --source zipped --format json
[ "$(json_get "$scratch/out" 'j["postings"]')" -ge 4 ] || fail "gzip page not extracted"
ok "gzip"

# A failing source warns with its URL, the others are stored, exit status 3.
before=$(js export --what postings | wc -l)
expect_status 0 js source add broken "$base_url/status/500"
expect_status 3 js crawl
expect_grep "jobstats: cannot fetch '$base_url/status/500': HTTP status 500" "$scratch/err"
after=$(js export --what postings | wc -l)
[ "$before" -eq "$after" ] || fail "postings lost or added: $before then $after"
ok "a failing source: warning, exit 3, nothing lost"

# Only failing sources: exit 1.  A 404 and a redirect loop end with a message.
expect_status 0 js source add missing "$base_url/board/no-such-page.html"
expect_status 0 js source add loop "$base_url/redirect-loop"
expect_status 1 js crawl broken missing loop
expect_grep "HTTP status 404" "$scratch/err"
expect_grep "redirect-loop'.*[Rr]edirect" "$scratch/err"
ok "nothing fetched: exit 1"

# parse reads a URL too.
expect_status 0 "$JOBSTATS" parse --json "$base_url/board/page-2.html"
[ "$(wc -l <"$scratch/out")" -eq 5 ] || fail "parse over HTTP: $(wc -l <"$scratch/out") postings, expected 5"
ok "parse URL"

# A web page's next link (or <base>) never leads into the local file system.
for page in next-file base-file; do
	expect_status 0 js source add "$page" "$base_url/hostile/$page.html"
	expect_status 0 js crawl "$page"
	expect_grep "warning: '$base_url/hostile/$page.html': next link 'file:///etc/passwd' leaves" "$scratch/err"
done
js export --what postings >"$scratch/all.csv"
! grep -q "root:" "$scratch/all.csv" || fail "a local file was read through a web page's link"
ok "no file:// from a web page"
