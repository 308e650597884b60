#!/bin/sh
# export --what salaries for many roles (--role repeated, --roles-from FILE
# or -) on the bundled demo board: one header, then each role's rows exactly
# as 'report --role R --format csv' writes them, byte for byte; a roles file
# with comments, blank lines, a BOM and CRLF; bad files are usage errors
# that name the file (and the line) and leave the database as it was; JSON
# as an array of the reports; the audit columns on every kind of row.
. "${top_srcdir:-$(dirname "$0")/..}/tests/e2e-lib.sh"
need_python

demo="$top_srcdir/contrib/demo"
expect_status 0 js source add demo "$demo/index.html"
expect_status 0 js crawl demo

# "Data Operations Manager" is a role profile: it selects by the profile's titles.
role1="Data Engineer"
role2="Data Operations Manager"
role3="Data Analyst"

# want_rows ROLE...: each role's 'report --format csv' rows without their
# header, one after the other, into $scratch/want.csv.
want_rows() {
	: >"$scratch/want.csv"
	for r in "$@"; do
		expect_status 0 js report --role "$r" --format csv
		[ "$(head -n 1 "$scratch/out")" = "$(head -n 1 "$scratch/header.csv")" ] ||
			fail "report --role '$r': another header"
		tail -n +2 "$scratch/out" >>"$scratch/want.csv"
	done
}

# same_rows WHAT: $scratch/out is the header then $scratch/want.csv, byte for byte.
same_rows() {
	cat "$scratch/header.csv" "$scratch/want.csv" >"$scratch/want-all.csv"
	cmp -s "$scratch/out" "$scratch/want-all.csv" || {
		diff "$scratch/want-all.csv" "$scratch/out" | head -n 20 >&2
		fail "$1: not the report rows of each role after one header"
	}
}

expect_status 0 js report --role "$role1" --format csv
head -n 1 "$scratch/out" >"$scratch/header.csv"
want_rows "$role1" "$role2"
[ "$(grep -c "^$role1," "$scratch/want.csv")" -gt 6 ] &&
	[ "$(grep -c "^$role2," "$scratch/want.csv")" -gt 6 ] ||
	fail "the reports have too few rows to compare: $(cat "$scratch/want.csv")"
expect_status 0 js export --what salaries --role "$role1" --role "$role2"
same_rows "--role twice"
[ "$(grep -c '^role,group,' "$scratch/out")" -eq 1 ] || fail "more than one header"
ok "--role twice: one header, then report --format csv's rows of each role, byte for byte"

# Filters, --convert and the order given hold for every role.
want_rows "$role3" "$role1"
expect_status 0 js export --what salaries --role "$role3" --role "$role1"
same_rows "--role in another order"
expect_status 0 js report --role "$role2" --format csv --level SE --convert
tail -n +2 "$scratch/out" >"$scratch/want.csv"
expect_status 0 js report --role "$role3" --format csv --level SE --convert
tail -n +2 "$scratch/out" >>"$scratch/want.csv"
expect_status 0 js export --what salaries --role "$role2" --role "$role3" --level SE --convert
same_rows "--role with --level and --convert"
expect_status 0 js report --role "$role1" --format csv --by month
tail -n +2 "$scratch/out" >"$scratch/want.csv"
expect_status 0 js report --role "$role2" --format csv --by month
tail -n +2 "$scratch/out" >>"$scratch/want.csv"
expect_status 0 js export --what salaries --role "$role1" --role "$role2" --by month
same_rows "--role with --by month"
grep -q '^"\{0,1\}'"$role1"'"\{0,1\},month,' "$scratch/out" || fail "no month rows for $role1"
grep -q ',profile,Machine Learning Software Engineer,' "$scratch/out" ||
	fail "no profile-fit rows in the export"
expect_status 2 js export --what postings --by month
expect_grep "^jobstats: --by goes with --what salaries" "$scratch/err"
ok "roles in the order given, with filters, --convert and --by as report applies them"

# A roles file: BOM, CRLF, comments, blank and spaced lines, a duplicate
# (the same words in another case) kept once.
want_rows "$role1" "$role2" "$role3"
printf '\357\273\277# roles for the weekly sheet\r\n%s\r\n\r\n   \r\n  # indented comment\r\n  %s  \r\n%s\r\ndata ENGINEER\r\n' \
	"$role1" "$role2" "$role3" >"$scratch/roles.txt"
expect_status 0 js export --what salaries --roles-from "$scratch/roles.txt"
same_rows "--roles-from FILE"
printf '%s\n%s\n' "$role2" "$role3" >"$scratch/more.txt"
expect_status 0 js export --what salaries --role "$role1" --roles-from "$scratch/more.txt" \
	--role "$role2"
same_rows "--role then --roles-from"
expect_status 0 js export --what salaries --roles-from - <"$scratch/roles.txt"
same_rows "--roles-from -"
ok "--roles-from FILE and - (standard input): BOM, CRLF, comments, blanks, duplicates once"

# Bad roles files: exit 2, the file (and line) named, nothing written, the
# database as it was.
db_sum() { cksum <"$db"; }
before=$(db_sum)
expect_status 2 js export --what salaries --roles-from "$scratch/missing.txt"
expect_grep "^jobstats: cannot open roles file '$scratch/missing.txt': No such file or directory$" \
	"$scratch/err"
[ ! -s "$scratch/out" ] || fail "a missing roles file wrote output"
printf '# nothing but comments\r\n\r\n' >"$scratch/empty.txt"
expect_status 2 js export --what salaries --role "$role1" --roles-from "$scratch/empty.txt"
expect_grep "^jobstats: no roles in '$scratch/empty.txt'" "$scratch/err"
[ ! -s "$scratch/out" ] || fail "an empty roles file wrote output"
printf '%s\n# ok\n\377Data\n' "$role1" >"$scratch/latin1.txt"
expect_status 2 js export --what salaries --roles-from "$scratch/latin1.txt"
expect_grep "^jobstats: cannot read roles from '$scratch/latin1.txt': line 3: not UTF-8 text$" \
	"$scratch/err"
expect_status 2 js export --what salaries --roles-from - </dev/null
expect_grep "^jobstats: no roles in '-'" "$scratch/err"
[ "$(db_sum)" = "$before" ] || fail "a bad roles file changed the database"
ok "a missing, empty or unreadable roles file: exit 2, named, database untouched"

# JSON: an array of the reports when several roles are asked for; one
# object for one --role, as before.
for r in "$role1" "$role2"; do
	expect_status 0 js report --role "$r" --format json
	cat "$scratch/out" >>"$scratch/reports.jsonl"
done
expect_status 0 js export --what salaries --format json --role "$role1" --role "$role2"
"$PYTHON3" - "$scratch/out" "$scratch/reports.jsonl" <<'PY' || fail "JSON array differs"
import json, sys
got = json.load(open(sys.argv[1], encoding="utf-8"))
want = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
assert isinstance(got, list) and got == want, (got, want)
PY
expect_status 0 js export --what salaries --format json --roles-from "$scratch/more.txt"
[ "$(json_get "$scratch/out" 'len(j)')" -eq 2 ] || fail "--roles-from JSON is not an array of 2"
expect_status 0 js export --what salaries --format json --role "$role1"
[ "$(json_get "$scratch/out" 'j["role"]')" = "$role1" ] || fail "one --role: not one object"
ok "JSON: an array of report objects for several roles, one object for one"

# The audit columns: how the figures were made, on every kind of row.
expect_status 0 js export --what salaries --roles-from "$scratch/roles.txt" --convert
"$PYTHON3" - "$scratch/out" <<'PY' || fail "audit columns"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
kinds = {r["group"] for r in rows}
want = {"all", "level", "arrangement", "country", "company", "employment_type", "week"}
assert want <= kinds, kinds
for r in rows:
    assert r["annualization"] == "hour 2080; day 260; week 52; month 12; year 1", r
    assert r["percentile_method"] == "hyndman-fan-7", r
    assert r["currency"] == "USD" and r["period"] == "year", r
    assert r["provenance"] == "structured text", r
    assert r["small_group"] == ("1" if 0 < int(r["n"]) < 5 else "0"), r
# the rates a role's conversion used, the same on each of its rows (none
# when nothing needed converting)
rates = {}
for r in rows:
    rates.setdefault(r["role"], set()).add(r["rates"])
assert all(len(v) == 1 for v in rates.values()), rates
assert rates["Data Engineer"] != {""}, rates
PY
ok "rates, annualization, provenance and percentile_method on every row"

# Postings for several roles: each posting once, when its title names any.
expect_status 0 js export --what postings --format json --role "$role1" --role "$role3"
cp "$scratch/out" "$scratch/both.jsonl"
: >"$scratch/each.jsonl"
for r in "$role1" "$role3"; do
	expect_status 0 js export --what postings --format json --role "$r"
	cat "$scratch/out" >>"$scratch/each.jsonl"
done
"$PYTHON3" - "$scratch/both.jsonl" "$scratch/each.jsonl" <<'PY' || fail "postings of two roles"
import json, sys
ids = lambda p: [json.loads(l)["external_id"] for l in open(p, encoding="utf-8")]
both, each = ids(sys.argv[1]), ids(sys.argv[2])
assert len(both) == len(set(both)) and set(both) == set(each) and both, (both, each)
PY
ok "export --what postings with two roles: the postings of either, once"
