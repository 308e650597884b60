#!/bin/sh
# A board's own estimates ("(Glassdoor est.)") are not employer pay: reports
# and salary exports leave them out of the figures and say how many, unless
# --include-estimates counts them, and then say that and how many.  Figures
# are checked against expected_report.py, computed from the hand-written
# postings.tsv beside the fixture page (real Glassdoor salary texts).
. "${top_srcdir:-$(dirname "$0")/..}/tests/e2e-lib.sh"
need_python

board="$fixtures/estimates"
role="Software Engineer"
expect_status 0 js source add glassdoor "$board/page-1.html"
expect_status 0 js crawl

# json_report [ARGS...]: the JSON report with ARGS, in $scratch/report.json.
json_report() {
	expect_status 0 js report --role "$role" --format json "$@"
	cp "$scratch/out" "$scratch/report.json"
}

# By default: the five estimates (one paid in GBP) are left out and counted.
json_report
"$PYTHON3" "$top_srcdir/tests/expected_report.py" "$board/postings.tsv" "$role" \
	"$scratch/report.json" || fail "report leaving estimates out"
[ "$(json_get "$scratch/report.json" 'j["estimates"], j["estimated"], j["salary"]["n"]')" = \
	"(5, 0, 5)" ] || fail "estimates not left out and counted"
[ "$(json_get "$scratch/report.json" 'j["provenance"]')" = "['structured', 'text']" ] ||
	fail "provenance of the figures"
ok "report leaves board estimates out and counts them"

# --include-estimates: four in the figures (the GBP one is another currency).
json_report --include-estimates
"$PYTHON3" "$top_srcdir/tests/expected_report.py" --include-estimates "$board/postings.tsv" \
	"$role" "$scratch/report.json" || fail "report with --include-estimates"
[ "$(json_get "$scratch/report.json" 'j["estimates"], j["estimated"], j["other_currency"]')" = \
	"(0, 4, 1)" ] || fail "estimates not counted in"
# ... and converted like any other pay.
expect_status 0 js rates set GBP 0.8 --date 2020-09-30
json_report --include-estimates --convert
"$PYTHON3" "$top_srcdir/tests/expected_report.py" --include-estimates "$board/postings.tsv" \
	"$role" "$scratch/report.json" USD "GBP=0.8@2020-09-30" || fail "estimates converted"
[ "$(json_get "$scratch/report.json" 'j["estimated"], j["converted"]')" = "(5, 1)" ] ||
	fail "the GBP estimate was not converted"
# Left out, an estimate is not converted: it is an estimate first.
json_report --convert
"$PYTHON3" "$top_srcdir/tests/expected_report.py" "$board/postings.tsv" "$role" \
	"$scratch/report.json" USD "GBP=0.8@2020-09-30" || fail "estimates left out, --convert"
ok "--include-estimates counts them in, and says how many"

# The table says so in words, within 80 columns.
expect_status 0 js report --role "$role"
expect_grep '^Left out of the figures: 0 paid in other currencies, 0 with no pay period,$' \
	"$scratch/out"
expect_grep '^  5 board estimates$' "$scratch/out"
expect_grep '^Board estimates (not employer pay): --include-estimates counts them\.$' "$scratch/out"
! grep -q 'Board estimates in the figures' "$scratch/out" || fail "table claims estimates in"
awk 'length > 80 { bad = 1 } END { exit bad }' "$scratch/out" || fail "table wider than 80 columns"
expect_status 0 js report --role "$role" --include-estimates
expect_grep '^Board estimates in the figures: 4 (--include-estimates)$' "$scratch/out"
expect_grep '^Left out of the figures: 1 paid in other currencies, 0 with no pay period$' \
	"$scratch/out"
! grep -q 'board estimates$' "$scratch/out" || fail "table says estimates were left out"
ok "report table says what it did with estimates"

# export --what salaries: the same choice, and the CSV says it on every row.
check_salaries_csv() {
	"$PYTHON3" - "$scratch/out" "$@" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
estimates, estimated, provenance = sys.argv[2:5]
top = [r for r in rows if r["group"] == "all"]
assert sum(int(r["estimates"]) for r in top) == int(estimates), top
assert sum(int(r["estimated"]) for r in top) == int(estimated), top
assert {r["provenance"] for r in rows} == {provenance}, rows
for r in rows:  # in each group, every posting with a salary is counted once
    left_out = ("other_currency", "unknown_period", "estimates", "estimated")
    if r["group"] in ("week", "month"):
        # a trend period keeps no left-out counts: its cells are empty, not 0
        assert all(r[k] == "" for k in left_out), r
        assert int(r["n"]) <= int(r["with_salary"]) <= int(r["postings"]), r
        continue
    left = sum(int(r[k]) for k in left_out[:3])
    assert int(r["n"]) + left <= int(r["postings"]), r
PY
}
expect_status 0 js export --what salaries --role "$role"
check_salaries_csv 5 0 "structured text" || fail "salaries CSV leaving estimates out"
expect_status 0 js export --what salaries --role "$role" --include-estimates
check_salaries_csv 0 4 "structured text estimate" || fail "salaries CSV with estimates"
expect_status 0 js export --what salaries
check_salaries_csv 5 0 "structured text" || fail "salaries CSV by title"
expect_status 0 js export --what salaries --format json --role "$role" --include-estimates
"$PYTHON3" "$top_srcdir/tests/expected_report.py" --include-estimates "$board/postings.tsv" \
	"$role" "$scratch/out" || fail "salaries JSON with --include-estimates"
ok "export --what salaries makes the same choice and says it"

# export --what postings: every row carries its provenance; the choice is
# the reader's, so --include-estimates is refused there.
expect_status 0 js export --what postings
"$PYTHON3" - "$scratch/out" <<'PY' || fail "postings CSV provenance"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
prov = {r["external_id"]: r["salary_provenance"] for r in rows}
assert [k for k, v in sorted(prov.items(), key=lambda kv: int(kv[0])) if v == "estimate"] == \
    ["1", "2", "3", "7", "8"], prov
assert prov["4"] == prov["9"] == "text" and prov["11"] == "", prov
PY
expect_status 2 js export --what postings --include-estimates
expect_grep '^jobstats: --include-estimates goes with --what salaries' "$scratch/err"
ok "export --what postings carries each posting's provenance"
