#!/bin/sh
# jobstats status: each source's health and the latest runs, as a table and
# as JSON, after real crawls of the demo board through file:// and of a
# source whose page has gone (failing twice in a row).
. "${top_srcdir:-$(dirname "$0")/..}/tests/e2e-lib.sh"
need_python

demo="$top_srcdir/contrib/demo"
expect_status 0 js status
expect_grep "^no sources" "$scratch/out"
ok "status with no sources"

expect_status 0 js source add demo "$demo/index.html"
cp "$demo/index.html" "$scratch/gone.html"
expect_status 0 js source add gone "$scratch/gone.html"
expect_status 0 js status gone
expect_grep "^  last run      - (never run)$" "$scratch/out"
expect_status 0 js crawl demo
rm "$scratch/gone.html"
# Exit codes of a failing crawl are crawl's business (tested there).
js crawl gone >/dev/null 2>&1 || true
js crawl gone >/dev/null 2>&1 || true
postings=$(sql "SELECT count(*) FROM postings p JOIN sources s ON s.id = p.source_id WHERE s.name = 'demo'")
[ "$postings" -gt 0 ] || fail "the demo crawl stored nothing"

expect_status 0 js status
expect_grep "^demo$" "$scratch/out"
expect_grep "^  last run      ....-..-..T..:..:..Z (ok" "$scratch/out"
expect_grep "^  failures      0 in a row$" "$scratch/out"
expect_grep "^  pages         4 fetched, 0 not modified, 0 failed, 0 robots, 0 skipped$" "$scratch/out"
expect_grep "^  postings      $postings new, 0 updated, " "$scratch/out"
expect_grep "^gone$" "$scratch/out"
expect_grep "^  last run      ....-..-..T..:..:..Z (failed)$" "$scratch/out"
expect_grep "^  last success  -$" "$scratch/out"
expect_grep "^  failures      2 in a row$" "$scratch/out"
expect_grep "^  last error    ....-..-..T..:..:..Z: .*gone.html" "$scratch/out"
expect_grep "^Latest runs$" "$scratch/out"
[ "$(grep -c '^gone  ' "$scratch/out")" -eq 2 ] || fail "status lists not both runs of gone"
ok "status table"

# One source named; --runs limits the runs shown.
expect_status 0 js status demo --runs 1
grep -q "^gone" "$scratch/out" && fail "status demo shows gone"
[ "$(grep -c '^demo  ' "$scratch/out")" -eq 1 ] || fail "status --runs 1 shows not one run"
expect_status 1 js status nosuch
expect_grep "no source named 'nosuch'" "$scratch/err"
expect_status 2 js status --runs -3
expect_grep "invalid --runs '-3'" "$scratch/err"
expect_status 2 js status --format csv
expect_grep "invalid --format 'csv'" "$scratch/err"
ok "status of one source, options"

expect_status 0 js status --format json
"$PYTHON3" - "$scratch/out" "$postings" <<'PY' || fail "status json"
import json, sys
j = json.load(open(sys.argv[1]))
want = int(sys.argv[2])
by = {s["name"]: s for s in j["sources"]}
assert sorted(by) == ["demo", "gone"], by
d = by["demo"]
assert d["consecutive_failures"] == 0 and d["last_error"] is None, d
assert d["last_success"] == d["last_run"]["started_at"], d
r = d["last_run"]
assert r["outcome"] == "ok" and r["pages_fetched"] == 4 and r["postings_new"] == want, r
assert r["pages_failed"] == 0 and r["pages_not_modified"] == 0 and r["pages_robots"] == 0, r
assert r["finished_at"] >= r["started_at"], r
g = by["gone"]
assert g["consecutive_failures"] == 2 and g["last_success"] is None, g
assert g["last_run"]["outcome"] == "failed" and g["last_run"]["pages_fetched"] == 0, g
assert "gone.html" in g["last_error"], g
runs = j["runs"]
assert [x["source"] for x in runs] == ["gone", "gone", "demo"], runs
assert runs[0]["id"] > runs[1]["id"] > runs[2]["id"], runs
PY
ok "status json"

# A closed posting stays in exports (history), its closed_at the last column.
expect_status 0 js export --what postings --format csv --source demo
head -n 1 "$scratch/out" | tr -d '\r' | grep -q ',also_on,closed_at$' ||
	fail "no trailing closed_at column"
sql "UPDATE postings SET closed_at = '2026-01-02T03:04:05Z' WHERE id = (SELECT min(id) FROM postings)" >/dev/null
expect_status 0 js export --what postings --format json --source demo
"$PYTHON3" - "$scratch/out" "$postings" <<'PY' || fail "closed_at in the JSON export"
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1])]
assert len(rows) == int(sys.argv[2]), len(rows)
closed = [r for r in rows if r["closed_at"] is not None]
assert len(closed) == 1 and closed[0]["closed_at"] == "2026-01-02T03:04:05Z", closed
PY
ok "closed_at exported"
