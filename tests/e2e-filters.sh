#!/bin/sh
# Report and export filters (--level, --country, --remote, --since, --until,
# --company) on the bundled demo board: the counts jobstats gives against
# counts Python reads from the board's cards itself, the filters named in
# each output, and clear usage errors.
. "${top_srcdir:-$(dirname "$0")/..}/tests/e2e-lib.sh"
need_python

demo="$top_srcdir/contrib/demo"
expect_status 0 js source add demo "$demo/index.html"
expect_status 0 js crawl demo

# expected FILTER...: how many cards match, read from the pages (not from
# jobstats).  FILTER is key=value; role=WORDS matches titles holding the
# words in order as whole words, any case (as 'report --role' documents).
expected() {
	PYTHONPATH="$top_srcdir/tests" "$PYTHON3" - "$demo" "$@" <<'PY'
import re, sys
from demo_cards import cards  # the board's cards, read from its pages
from role_words import role_matches
def has(title, role):
    return role_matches(role, title)
n = 0
for c in cards(sys.argv[1]):
    ok = True
    for f in sys.argv[2:]:
        k, v = f.split("=", 1)
        ok &= {"role": lambda: has(c["title"], v),
               "since": lambda: c["posted"] >= v, "until": lambda: c["posted"] <= v,
               "company": lambda: c["company"].lower() == v.lower()}.get(k, lambda: c[k] == v)()
    n += ok
print(n)
PY
}

# rows: data rows of the CSV in $scratch/out
rows() {
	"$PYTHON3" -c 'import csv,sys; print(len(list(csv.DictReader(open(sys.argv[1], newline="")))))' "$scratch/out"
}

# check_export WANT OPTIONS...: export --what postings with OPTIONS has WANT rows.
check_export() {
	rows_want=$1	# not "want": expect_status sets that
	shift
	expect_status 0 js export --what postings --format csv "$@"
	rows_got=$(rows)
	[ "$rows_got" -eq "$rows_want" ] || fail "export $*: $rows_got postings, expected $rows_want"
}

all=$(expected)
[ "$all" -eq 200 ] || fail "the board reader found $all cards, expected 200"
for l in EN MI SE EX; do
	check_export "$(expected level=$l)" --level $l
done
check_export "$(expected level=SE)" --level se	# codes in any case
check_export "$(expected country=US)" --country US
check_export "$(expected country=GB)" --country gb
check_export "$(expected remote=remote)" --remote remote
check_export "$(expected remote=hybrid)" --remote HYBRID
check_export "$(expected since=2025-01-01)" --since 2025-01-01
check_export "$(expected until=2024-12-15)" --until 2024-12-15
check_export "$(expected since=2024-12-01 until=2024-12-31)" --since 2024-12-01 --until 2024-12-31
check_export "$(expected company='Ironbark Financial')" --company 'IRONBARK financial'
check_export "$(expected level=SE country=US since=2025-01-01)" \
	--level SE --country US --since 2025-01-01
check_export 0 --company 'No Such Company'
[ "$(expected level=SE)" -lt "$all" ] && [ "$(expected country=US)" -lt "$all" ] ||
	fail "the filters should each leave postings out"
ok "export --what postings: each filter and their AND give the board's counts"

# The report counts the same postings and names its filters.
de_want=$(expected role='Data Engineer' level=SE country=US since=2024-12-01)
expect_status 0 js report --role 'Data Engineer' --level SE --country us --since 2024-12-01 \
	--format json
[ "$(json_get "$scratch/out" 'j["postings"]')" -eq "$de_want" ] ||
	fail "report: $(json_get "$scratch/out" 'j["postings"]') postings, expected $de_want"
[ "$(json_get "$scratch/out" 'j["filters"]')" = \
  "{'source': None, 'level': 'SE', 'country': 'US', 'remote': None, 'since': '2024-12-01', 'until': None, 'company': None}" ] ||
	fail "report JSON filters: $(json_get "$scratch/out" 'j["filters"]')"
expect_status 0 js report --role 'Data Engineer' --format json
[ "$(json_get "$scratch/out" 'j["postings"]')" -eq "$(expected role='Data Engineer')" ] ||
	fail "report without filters counts other postings"
[ "$(json_get "$scratch/out" 'list(j["filters"].values())')" = \
  "[None, None, None, None, None, None, None]" ] || fail "report JSON: filters without any"
expect_status 0 js report --role 'Data Engineer' --remote remote --source demo
expect_grep '^Filters: source demo, remote remote$' "$scratch/out"
expect_grep "^Postings: $(expected role='Data Engineer' remote=remote) matched" "$scratch/out"
expect_status 0 js report --role 'Data Engineer'
if grep -q '^Filters:' "$scratch/out"; then fail "a report without filters names some"; fi
ok "report: filtered counts, and the filters named (table and JSON)"

expect_status 0 js export --what salaries --format csv --level EX --until 2025-01-10
"$PYTHON3" - "$scratch/out" "$(expected level=EX until=2025-01-10)" <<'PY' || fail "salary rows"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
assert sum(int(r["postings"]) for r in rows if r["group"] == "all") == int(sys.argv[2]), rows
for r in rows:
    assert (r["filter_level"], r["filter_until"], r["filter_country"]) == ("EX", "2025-01-10", ""), r
PY
ok "export --what salaries: filtered, filter_* columns on every row"

# A posting with no date counts by the day it was first seen.
id=$(sql "SELECT id FROM postings ORDER BY id LIMIT 1")
sql "UPDATE postings SET posted = NULL WHERE id = $id" >/dev/null
seen=$(sql "SELECT substr(first_seen, 1, 10) FROM postings WHERE id = $id")
before=$("$PYTHON3" -c 'import datetime,sys; print(datetime.date.fromisoformat(sys.argv[1]) - datetime.timedelta(days=1))' "$seen")
check_export 1 --since "$seen"
check_export "$((all - 1))" --until "$before"
ok "no posting date: the day first seen counts"

# Bad values: exit 2, naming the value.
for bad in "--level XX" "--country ZZ" "--country USA" "--remote office" \
	   "--since 2025-02-30" "--until 2025/01/01" "--since 25-01-01"; do
	# shellcheck disable=SC2086
	expect_status 2 js report --role 'Data Engineer' $bad
	expect_grep "invalid ${bad% *} '${bad#* }'" "$scratch/err"
	# shellcheck disable=SC2086
	expect_status 2 js export --what postings $bad
	expect_grep "invalid ${bad% *} '${bad#* }'" "$scratch/err"
done
expect_status 2 js export --what postings --since 2025-01-02 --until 2025-01-01
expect_grep "invalid --since '2025-01-02': after --until '2025-01-01'" "$scratch/err"
expect_status 2 js report --role X --company ''
ok "bad filter values are usage errors that name them"
