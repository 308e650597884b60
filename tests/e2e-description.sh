#!/bin/sh
# Salaries stated only in a posting's description: what parse shows, what
# crawl stores, and that renormalize reads the same from the stored
# description.  The fixture is hand-written in real boards' shapes.
. "${top_srcdir:-$(dirname "$0")/..}/tests/e2e-lib.sh"
need_python

page="$fixtures/description/jobs.html"
expect_status 0 "$JOBSTATS" parse "$page"
expect_grep '^Data Engineer | Northwind | Austin, US | .* | USD 140000-175000 per year (from the description)$' "$scratch/out"
expect_grep '^ML Engineer | .* | USD 150000-180000 per year$' "$scratch/out"
expect_grep '^Data Analyst | .* | -$' "$scratch/out"
expect_grep '^Analytics Engineer | .* | -$' "$scratch/out"
ok "parse: the description's pay, marked; structured data wins; a U.S. range in Montreal and perks are no pay"

expect_status 0 js source add jobs "$page"
expect_status 0 js crawl
expect_status 0 js export --what postings --format json
cp "$scratch/out" "$scratch/crawled.json"
"$PYTHON3" - "$scratch/crawled.json" <<'PY' || fail "stored salaries"
import json, sys
j = {p["external_id"]: p for p in map(json.loads, open(sys.argv[1]))}
d1 = j["D-1"]
assert (d1["salary_min"], d1["salary_max"], d1["salary_currency"], d1["salary_period"],
        d1["salary_provenance"], d1["salary_rule"]) == (140000, 175000, "USD", "year", "text", "range-inferred-year"), d1
assert "from-description" in d1["salary_notes"].split(), d1
assert j["D-2"]["salary_provenance"] == "structured" and j["D-2"]["salary_min"] == 150000, j["D-2"]
assert j["D-3"]["salary_min"] is None and j["D-4"]["salary_min"] is None, (j["D-3"], j["D-4"])
PY
ok "crawl stores the description's pay with the note from-description"

expect_status 0 js renormalize
expect_grep '^renormalized 4 postings: 0 changed$' "$scratch/out"
sql "UPDATE postings SET salary_min = NULL, salary_max = NULL, annual_min = NULL, annual_max = NULL, salary_rule = NULL, salary_notes = '' WHERE external_id = 'D-1'" >/dev/null
expect_status 0 js renormalize
expect_grep '^renormalized 4 postings: 1 changed$' "$scratch/out"
expect_status 0 js export --what postings --format json
cmp -s "$scratch/out" "$scratch/crawled.json" || fail "renormalize did not give what crawl gave"
ok "renormalize reads the stored description as crawl did"
