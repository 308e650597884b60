#!/bin/sh
# Exchange rates and conversion: the fixture board plus a page paid in other
# currencies, rates set and imported, reports with --convert checked against
# figures computed here from the hand-written postings and the rates the test
# stored (never from jobstats output); a bad rates file changes nothing;
# renormalize puts back a column an old rule got wrong.
. "${top_srcdir:-$(dirname "$0")/..}/tests/e2e-lib.sh"
need_python

expect_status 0 js source add board "$fixtures/board/page-1.html"
# Data Engineer postings paid in EUR (one monthly), CHF, JPY (a rate only the
# shipped snapshot has) and XTS (ISO 4217's code for tests: no rate).
cat >"$scratch/abroad.html" <<'HTML'
<html><head><script type="application/ld+json">[
{"@type": "JobPosting", "title": "Senior Data Engineer", "identifier": "E1",
 "employmentType": "FULL_TIME", "baseSalary": {"currency": "EUR",
 "value": {"minValue": 70000, "maxValue": 90000, "unitText": "YEAR"}}},
{"@type": "JobPosting", "title": "Junior Data Engineer", "identifier": "E2",
 "employmentType": "FULL_TIME", "baseSalary": {"currency": "EUR",
 "value": {"minValue": 4000, "maxValue": 5000, "unitText": "MONTH"}}},
{"@type": "JobPosting", "title": "Data Engineer", "identifier": "E3",
 "employmentType": "FULL_TIME", "baseSalary": {"currency": "CHF",
 "value": {"minValue": 120000, "maxValue": 140000, "unitText": "YEAR"}}},
{"@type": "JobPosting", "title": "Data Engineer", "identifier": "E4",
 "employmentType": "FULL_TIME", "baseSalary": {"currency": "XTS",
 "value": {"minValue": 50000, "maxValue": 60000, "unitText": "YEAR"}}},
{"@type": "JobPosting", "title": "Data Engineer", "identifier": "E5",
 "employmentType": "FULL_TIME", "baseSalary": {"currency": "JPY",
 "value": {"value": 9000000, "unitText": "YEAR"}}}
]</script></head><body></body></html>
HTML
# The same postings as a careful reader writes them down (expected_report.py).
tab=$(printf '\t')
{
	cat "$fixtures/board/postings.tsv"
	printf 'E1\tSenior Data Engineer\tSE\tFT\tEUR\t70000\t90000\n'
	printf 'E2\tJunior Data Engineer\tEN\tFT\tEUR\t48000\t60000\n'
	printf 'E3\tData Engineer\t-\tFT\tCHF\t120000\t140000\n'
	printf 'E4\tData Engineer\t-\tFT\tXTS\t50000\t60000\n'
	printf 'E5\tData Engineer\t-\tFT\tJPY\t9000000\t9000000\n'
} >"$scratch/postings.tsv"
expect_status 0 js source add abroad "$scratch/abroad.html"
expect_status 0 js crawl

# The shipped snapshot: the ECB's per-euro figures of 2023-12-29, per dollar.
expect_status 0 js rates list
expect_grep '^currency  *per USD  *as of  *source$' "$scratch/out"
[ "$(grep -c ' 2023-12-29 ' "$scratch/out")" -eq 31 ] || fail "snapshot is not 31 rates of 2023-12-29"
jpy=$("$PYTHON3" -c 'print(repr(156.33 / 1.1050))')
"$PYTHON3" - "$scratch/out" "$jpy" <<'PY' || fail "snapshot rates are not the ECB's"
import sys
rows = {l.split()[0]: l.split() for l in open(sys.argv[1]).readlines()[1:]}
assert rows["USD"][1] == "1", rows["USD"]
assert abs(float(rows["JPY"][1]) - float(sys.argv[2])) < 1e-6, rows["JPY"]
assert abs(float(rows["GBP"][1]) - 0.86905 / 1.1050) < 1e-6, rows["GBP"]
PY
ok "rates list: the shipped snapshot"

expect_status 0 js rates set gbp 0.8 --date 2025-01-17
cat >"$scratch/good.csv" <<'CSV'
currency,rate,date
EUR,0.9,2025-01-17
CHF, 0.85 ,2025-01-16
CSV
expect_status 0 js rates import "$scratch/good.csv"
expect_grep "^imported 2 rates from '$scratch/good.csv'$" "$scratch/out"
expect_status 0 js rates
expect_grep "^EUR  *0.9  *2025-01-17  *imported from $scratch/good.csv$" "$scratch/out"
expect_grep '^GBP  *0.8  *2025-01-17  *rates set$' "$scratch/out"
cp "$scratch/out" "$scratch/rates-before"
ok "rates set and import"

# Without --convert nothing changes: other currencies are left out and counted.
expect_status 0 js report --role "Data Engineer" --format json
cp "$scratch/out" "$scratch/plain.json"
"$PYTHON3" "$top_srcdir/tests/expected_report.py" "$scratch/postings.tsv" "Data Engineer" \
	"$scratch/plain.json" || fail "report without --convert"
rates="GBP=0.8@2025-01-17,EUR=0.9@2025-01-17,CHF=0.85@2025-01-16,JPY=$jpy@2023-12-29,USD=1@2023-12-29"
for cur in USD EUR; do
	expect_status 0 js report --role "Data Engineer" --format json --convert --currency "$cur"
	cp "$scratch/out" "$scratch/report.json"
	"$PYTHON3" "$top_srcdir/tests/expected_report.py" "$scratch/postings.tsv" "Data Engineer" \
		"$scratch/report.json" "$cur" "$rates" || fail "report --convert --currency $cur"
done
[ "$(json_get "$scratch/report.json" 'j["converted"]')" = 9 ] || fail "EUR report converted count"
[ "$(json_get "$scratch/report.json" 'j["other_currency"]')" = 1 ] || fail "XTS not left out"
ok "report --convert figures match independent computation"

expect_status 0 js report --role "Data Engineer" --convert
expect_grep '^Converted into USD: 5, at the rates below$' "$scratch/out"
expect_grep '^Left out of the figures: 1 paid in currencies with no rate, 0 with no pay period$' "$scratch/out"
expect_grep '^  EUR  *0.9 as of 2025-01-17, 2 converted$' "$scratch/out"
expect_grep '^  JPY  *141.475 as of 2023-12-29, 1 converted$' "$scratch/out"
awk 'length > 80 { bad = 1 } END { exit bad }' "$scratch/out" || fail "table wider than 80 columns"
expect_status 0 js report --role "Data Engineer"
expect_grep 'Left out of the figures: 6 paid in other currencies' "$scratch/out"
expect_grep '--convert includes those with a stored rate' "$scratch/out"
ok "report table says what was converted, at which rates"

expect_status 0 js export --what salaries --role "Data Engineer" --convert
"$PYTHON3" - "$scratch/out" <<'PY' || fail "salaries CSV with --convert"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
assert rows[0]["group"] == "all" and rows[0]["converted"] == "5", rows[0]
assert rows[0]["n"] == "11", rows[0]
assert rows[0]["rates"] == "CHF 0.85 2025-01-16; EUR 0.9 2025-01-17; GBP 0.8 2025-01-17; " \
    "JPY %.15g 2023-12-29" % (156.33 / 1.1050), rows[0]["rates"]
# rows[1:6] are the five levels; the groups that follow them (arrangement,
# country, ..., week) are other splits of the same postings.
assert [(r["group"], r["converted"]) for r in rows[1:6]] == \
    [("level", "1"), ("level", "1"), ("level", "1"), ("level", "0"), ("level", "2")], rows
assert {r["annualization"] for r in rows} == {"hour 2080; day 260; week 52; month 12; year 1"}, rows
PY
ok "export --what salaries --convert"

# A bad rates file: exit 1, the message names the file and the line, and
# nothing is changed (the good lines before the bad one are not stored).
printf 'EUR,0.5\nSEK,10.4\nNOK,ten\n' >"$scratch/bad.csv"
expect_status 1 js rates import "$scratch/bad.csv"
expect_grep "^jobstats: cannot import rates from '$scratch/bad.csv', line 3: invalid rate 'ten'" "$scratch/err"
expect_status 0 js rates list
cmp -s "$scratch/out" "$scratch/rates-before" || fail "a bad file changed the rates"
printf 'EUR,0.5,2025-02-30\n' >"$scratch/bad.csv"
expect_status 1 js rates import "$scratch/bad.csv"
expect_grep "line 1: invalid date '2025-02-30'" "$scratch/err"
expect_status 1 js rates import "$scratch/missing.csv"
expect_grep "missing.csv" "$scratch/err"
expect_status 2 js rates set EUR 0
expect_grep "invalid rate '0'" "$scratch/err"
expect_status 2 js rates set USD 2
expect_status 2 js rates set EURO 1
expect_status 2 js rates set ABC 1
expect_grep "^jobstats: unknown currency code 'ABC'$" "$scratch/err"
expect_status 2 js rates set eux 1
expect_grep "^jobstats: unknown currency code 'eux'$" "$scratch/err"
printf 'EUR,0.5\nXYZ,2\n' >"$scratch/bad.csv"
expect_status 1 js rates import "$scratch/bad.csv"
expect_grep "^jobstats: cannot import rates from '$scratch/bad.csv', line 2: unknown currency code 'XYZ'$" \
	"$scratch/err"
expect_status 2 js rates set EUR 0.9 --date tomorrow
expect_status 2 js rates frobnicate
expect_status 0 js rates list
cmp -s "$scratch/out" "$scratch/rates-before" || fail "refused commands changed the rates"
ok "bad rates refused, nothing changed"

# A spreadsheet's "CSV UTF-8" export: a byte order mark, then CR LF lines.
expect_status 0 js rates import "$fixtures/rates/spreadsheet-utf8.csv"
expect_grep "^imported 3 rates from " "$scratch/out"
expect_status 0 js rates list
expect_grep '^SEK  *10.95  *2025-01-17  *imported from ' "$scratch/out"
expect_grep '^PLN  *4.12  *2025-01-17  *imported from ' "$scratch/out"
ok "rates import reads a spreadsheet's BOM and CR LF"

# Converting into a currency with no stored rate fails and says how to add
# one: never a report with nothing converted and no word why.
for what in "report --role Engineer" "export --what salaries"; do
	# shellcheck disable=SC2086
	expect_status 1 js $what --convert --currency XAF
	expect_grep "^jobstats: cannot convert into XAF: no exchange rate is stored for XAF (add one with 'jobstats rates set XAF RATE')$" \
		"$scratch/err"
	[ ! -s "$scratch/out" ] || fail "$what --convert --currency XAF wrote output"
done
expect_status 0 js report --role Engineer --currency XAF
expect_grep '^Left out of the figures: 13 paid in other currencies' "$scratch/out"
expect_status 0 js rates set XAF 605.5 --date 2025-01-17
expect_status 0 js report --role "Data Engineer" --convert --currency xaf
expect_grep '^Converted into XAF: 11, at the rates below$' "$scratch/out"
expect_grep '^  XAF  *605.5 as of 2025-01-17, the report currency$' "$scratch/out"
ok "converting into a currency with no rate fails"

# renormalize: an old rule's level and salary, put right from the raw record.
sql "UPDATE postings SET level = 'EX', annual_min = 1 WHERE external_id = '1'" >/dev/null
expect_status 0 js renormalize
expect_grep '^renormalized 15 postings: 1 changed$' "$scratch/out"
[ "$(sql "SELECT level || ' ' || annual_min FROM postings WHERE external_id = '1'")" = "MI 100000.0" ] ||
	fail "renormalize did not restore posting 1"
expect_status 0 js renormalize abroad
expect_grep '^renormalized 5 postings: 0 changed$' "$scratch/out"
expect_status 1 js renormalize nosuch
expect_grep "no source named 'nosuch'" "$scratch/err"
ok "renormalize"
