#!/bin/sh
# Crawl a fixture board through file:// twice (idempotence), check the report
# against figures computed independently from the board's hand-written table,
# the CSV export, and the bundled demo board.
. "${top_srcdir:-$(dirname "$0")/..}/tests/e2e-lib.sh"
need_python

board="$fixtures/board"
expect_status 0 js source add board "$board/page-1.html"
expect_status 0 js crawl
[ ! -s "$scratch/out" ] || fail "crawl printed on success: $(cat "$scratch/out")"
expect_status 0 js export --what postings --format csv
cp "$scratch/out" "$scratch/first.csv"
rows=$("$PYTHON3" -c 'import csv,sys; print(len(list(csv.DictReader(open(sys.argv[1], newline="")))))' "$scratch/first.csv")
[ "$rows" -eq 10 ] || fail "first crawl stored $rows postings, expected 10"
ok "first crawl: 10 postings from 2 pages"

# Each posting says what its yearly figures were multiplied by.
"$PYTHON3" - "$scratch/first.csv" <<'PY' || fail "annual_factor does not match the figures"
import csv, sys
factors = {"hour": 2080, "day": 260, "week": 52, "month": 12, "year": 1}
seen = set()
for r in csv.DictReader(open(sys.argv[1], newline="")):
    # every salary says which rule read it; no salary, no rule
    assert bool(r["salary_rule"]) == bool(r["salary_min"]), r
    assert set(r["salary_notes"].split()) <= {"swapped", "currency-assumed", "currency-by-country"}, r
    # the fixture board has no country, so each "$" is a USD assumed, and says so
    if r["salary_text"].startswith("$"):
        assert "currency-assumed" in r["salary_notes"].split(), r
    if not r["salary_period"]:
        assert r["annual_factor"] == "", r
        continue
    f = float(r["annual_factor"])
    assert f == factors[r["salary_period"]], r
    assert abs(float(r["salary_min"]) * f - float(r["annual_min"])) < 1e-6, r
    seen.add(r["salary_period"])
assert len(seen) >= 2, seen
PY
ok "export: annual_factor and salary_rule per posting"

sleep 1	# so that a changed last_seen would show
expect_status 0 js crawl
expect_status 0 js export --what postings --format csv
cp "$scratch/out" "$scratch/second.csv"
"$PYTHON3" - "$scratch/first.csv" "$scratch/second.csv" <<'PY' || fail "second crawl changed more than last_seen"
import csv, sys
a = list(csv.DictReader(open(sys.argv[1], newline="")))
b = list(csv.DictReader(open(sys.argv[2], newline="")))
assert len(a) == len(b), (len(a), len(b))
for x, y in zip(a, b):
    assert x["last_seen"] <= y["last_seen"]
    x.pop("last_seen"); y.pop("last_seen")
    assert x == y, (x, y)
PY
sqlite3_count() {
	"$PYTHON3" -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])' "$db" "$1"
}
[ "$(sqlite3_count 'SELECT count(*) FROM runs')" -eq 2 ] || fail "expected 2 runs recorded"
[ "$(sqlite3_count 'SELECT postings_new FROM runs ORDER BY id DESC LIMIT 1')" -eq 0 ] ||
	fail "second run counted new postings"
[ "$(sqlite3_count 'SELECT postings_updated FROM runs ORDER BY id DESC LIMIT 1')" -eq 0 ] ||
	fail "second run counted updated postings"
[ "$(sqlite3_count 'SELECT pages FROM runs ORDER BY id DESC LIMIT 1')" -eq 2 ] ||
	fail "second run did not record 2 pages"
ok "second crawl: same postings, only last_seen moved, run recorded"

# The card and the JSON-LD describing job 6 are one posting, with both halves.
"$PYTHON3" - "$scratch/second.csv" <<'PY' || fail "merged posting 6 is wrong"
import csv, sys
rows = {r["external_id"]: r for r in csv.DictReader(open(sys.argv[1], newline=""))}
r = rows["6"]
assert r["title"] == "Data Engineer II", r
assert r["level"] == "MI" and r["employment_type"] == "CT", r
assert (r["salary_min"], r["salary_max"], r["salary_currency"], r["salary_period"]) == ("55", "65", "USD", "hour"), r
assert (r["annual_min"], r["annual_max"]) == ("114400", "135200"), r
assert r["location"] == "Boston, MA, US" and r["country"] == "US", r
assert rows["1"]["remote"] == "remote" and rows["1"]["salary_text"] == "USD 100K - 130K", rows["1"]
assert rows["8"]["salary_min"] == "" and rows["8"]["salary_text"] == "", rows["8"]
PY
ok "CSV export fields"

for role in "Data Engineer" "Machine Learning Engineer" "Senior Data Engineer" "Data Engineering Manager"; do
	expect_status 0 js report --role "$role" --format json
	cp "$scratch/out" "$scratch/report.json"
	"$PYTHON3" "$top_srcdir/tests/expected_report.py" "$board/postings.tsv" "$role" "$scratch/report.json" ||
		fail "report --role '$role' disagrees with the hand-written board"
done
ok "report figures match independent computation"

expect_status 0 js report --role "Data Engineer"
expect_grep '^Role: Data Engineer' "$scratch/out"
expect_grep '^all  *8  *6 ' "$scratch/out"
awk 'length > 80 { bad = 1 } END { exit bad }' "$scratch/out" || fail "table wider than 80 columns"
expect_status 0 js report --role "Data Engineer" --currency gbp --format json
[ "$(json_get "$scratch/out" 'j["salary"]["median"]')" = "67500" ] || fail "GBP median"
ok "table and --currency"

expect_status 0 js export --what salaries --role "Data Engineer" --format csv
"$PYTHON3" - "$scratch/out" <<'PY' || fail "salaries CSV is wrong"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
# The overall row and the five levels first, as always; since the CSV has a
# row for every group of the report (arrangement, country, company,
# employment type, profile, week or month), more rows follow them, in that
# order, so the count is no longer 6.
assert [(r["group"], r["value"]) for r in rows[:6]] == [("all", ""), ("level", "EN"),
    ("level", "MI"), ("level", "SE"), ("level", "EX"), ("level", "unknown")], rows
order = ["all", "level", "arrangement", "country", "company", "employment_type",
         "profile", "week", "month"]
kinds = [r["group"] for r in rows]
assert kinds == sorted(kinds, key=order.index) and "level" not in kinds[6:], kinds
assert rows[0]["role"] == "Data Engineer" and rows[0]["n"] == "6" and rows[0]["median"] == "127400", rows[0]
assert rows[2]["postings"] == "4" and rows[2]["n"] == "2", rows[2]
PY
expect_status 0 js export --what salaries
expect_grep '^Data Engineer,all,,3,1,' "$scratch/out"
ok "salaries export"

# The bundled demo board: every posting, and the role figures its generator wrote down.
demo="$top_srcdir/contrib/demo"
expect_status 0 js source add demo "$demo/index.html"
expect_status 0 js crawl demo
expect_status 0 js report --role "Data Engineer" --format json --source demo
summary() { sed -n "s/^$1: //p" "$demo/expected-summary.txt"; }
[ "$(json_get "$scratch/out" 'j["postings"]')" = "$(summary data_engineer_postings)" ] || fail "demo postings"
[ "$(json_get "$scratch/out" 'j["with_salary"]')" = "$(summary data_engineer_with_salary)" ] || fail "demo with_salary"
[ "$(json_get "$scratch/out" 'j["salary"]["n"]')" = "$(summary data_engineer_usd_with_salary)" ] || fail "demo USD n"
[ "$(json_get "$scratch/out" 'int(j["salary"]["median"])')" = "$(summary data_engineer_usd_median_midpoint)" ] ||
	fail "demo USD median"
expect_status 0 js export --what postings --source demo
[ "$(($(wc -l <"$scratch/out") - 1))" -eq "$(summary total_postings)" ] || fail "demo posting count"
ok "demo board: $(summary total_postings) postings, figures as generated"
