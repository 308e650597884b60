#!/bin/sh
# Bad input: pages that are not HTML, empty, truncated, too large, with
# broken JSON-LD, missing; unreadable salaries.  Each is a warning naming the
# URL and the reason, the crawl goes on, the run counts it, nothing stored is
# lost.
. "${top_srcdir:-$(dirname "$0")/..}/tests/e2e-lib.sh"
need_python

expect_status 0 js source add board "$fixtures/board/page-1.html"
expect_status 0 js crawl
count() { js export --what postings | "$PYTHON3" -c 'import csv,sys; print(len(list(csv.DictReader(sys.stdin))))'; }
stored=$(count)
[ "$stored" -eq 10 ] || fail "setup stored $stored postings"

bad="$scratch/bad"
mkdir -p "$bad"
: >"$bad/empty.html"
head -c 3000 /dev/urandom >"$bad/binary.html"
printf '{"jobs": [1, 2, 3]}\n' >"$bad/data.json"
# Truncated mid-card: the complete card before the cut is still read.
head -c 1700 "$fixtures/board/page-1.html" >"$bad/truncated.html"
cat >"$bad/broken-jsonld.html" <<'HTML'
<html><head><script type="application/ld+json">{"@type": "JobPosting", "title": "Broken",</script>
<script type="application/ld+json">{"@type": "JobPosting", "title": "Platform Engineer",
 "identifier": "pe-1", "baseSalary": {"currency": "USD", "value": "lots"}}</script></head>
<body><p>Nothing else here.</p></body></html>
HTML
cat >"$bad/loop.html" <<'HTML'
<html><head><link rel="next" href="loop.html"></head><body>
<li class="job-card" data-job-id="L1"><h3 class="job-title">Loop Engineer</h3>
<span class="job-salary">Competitive</span></li>
<li class="job-card" data-job-id="L2"><h3 class="job-title">Band Engineer</h3>
<span class="job-salary">Band 7 (see grid)</span></li></body></html>
HTML

for name in empty binary truncated broken-jsonld loop; do
	expect_status 0 js source add "$name" "$bad/$name.html"
done
expect_status 0 js source add missing "file://$bad/missing.html"
expect_status 3 js crawl
err="$scratch/err"
expect_grep "jobstats: cannot fetch 'file://$bad/missing.html': " "$err"
expect_grep "warning: 'file://$bad/broken-jsonld.html': JSON-LD block 1 is not valid JSON, skipped" "$err"
expect_grep "warning: 'file://$bad/loop.html': next link leads back to a page already crawled" "$err"
ok "warnings name the URL and the reason"

[ "$(count)" -ge "$stored" ] || fail "postings were lost"
# Every stored posting: "truncated" serves the board's own first card, the
# same job as board's, which export would otherwise count once.
js export --what postings --format json --with-duplicates >"$scratch/all.jsonl"
"$PYTHON3" - "$scratch/all.jsonl" <<'PY' || fail "bad pages stored the wrong postings"
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
by_source = {}
for r in rows:
    by_source.setdefault(r["source"], []).append(r)
assert "empty" not in by_source and "binary" not in by_source, by_source.keys()
pe = by_source["broken-jsonld"]
assert len(pe) == 1 and pe[0]["title"] == "Platform Engineer", pe
assert pe[0]["salary_min"] is None, pe          # "lots" is not a salary
loop = by_source["loop"]
assert len(loop) == 2 and loop[0]["salary_text"] == "Competitive" and loop[0]["salary_min"] is None, loop
assert loop[1]["salary_text"] == "Band 7 (see grid)" and loop[1]["salary_min"] is None, loop
trunc = by_source.get("truncated", [])
assert [r["external_id"] for r in trunc][:1] == ["1"], trunc
PY
ok "good postings of bad pages stored, bad fields left empty"

runs() {
	"$PYTHON3" -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])' "$db" "$1"
}
errors=$(runs "SELECT errors FROM runs r JOIN sources s ON s.id = r.source_id WHERE s.name = 'missing'")
[ "$errors" -eq 1 ] || fail "the missing page's run counted $errors errors"
last_warnings() {
	runs "SELECT warnings FROM runs r JOIN sources s ON s.id = r.source_id WHERE s.name = '$1' ORDER BY r.id DESC"
}
for name in binary broken-jsonld; do
	[ "$(last_warnings $name)" -eq 1 ] || fail "the $name page's run counted $(last_warnings $name) warnings"
done
[ "$(last_warnings loop)" -eq 2 ] || fail "the loop page's run counted $(last_warnings loop) warnings"
expect_grep "warning: 'file://$bad/binary.html': not an HTML page (binary data), skipped" "$err"
expect_grep "warning: 'file://$bad/loop.html': posting 'Band Engineer': cannot read salary 'Band 7 (see grid)', stored without figures" "$err"
! grep -q "Competitive" "$err" || fail "warned about 'Competitive', which holds no figures"
# Unchanged postings do not warn again (cron would mail it every night).
expect_status 0 js crawl loop
! grep -q "cannot read salary" "$scratch/err" || fail "the unreadable salary warned again"
[ "$(last_warnings loop)" -eq 1 ] || fail "the second loop run counted $(last_warnings loop) warnings"
ok "runs count errors and warnings"

# A page over the size limit is refused, not swallowed (parse: local file).
"$PYTHON3" -c 'import sys; sys.stdout.write("<html>" + "x" * (33 * 1024 * 1024))' >"$bad/huge.html"
expect_status 1 "$JOBSTATS" parse "$bad/huge.html"
expect_grep "cannot read '$bad/huge.html': larger than" "$scratch/err"
expect_status 0 "$JOBSTATS" parse "$bad/empty.html"
[ ! -s "$scratch/out" ] || fail "an empty page gave postings"
expect_status 1 "$JOBSTATS" parse "$bad/missing.html"
expect_grep "cannot open '$bad/missing.html'" "$scratch/err"
ok "parse: huge, empty, missing"
