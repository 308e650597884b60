#!/bin/sh
# The command line: help, version, usage errors, sources, database location.
. "${top_srcdir:-$(dirname "$0")/..}/tests/e2e-lib.sh"

expect_status 0 "$JOBSTATS" --help
expect_grep '^  crawl' "$scratch/out"
# One line a command in the list: name, then its summary.
sed -n '/^Commands:/,/^$/p' "$scratch/out" | sed '1d;$d' >"$scratch/commands"
[ "$(wc -l <"$scratch/commands")" -ge 5 ] || fail "the command list is short"
! grep -qv '^  [a-z][a-z]*  *[a-z]' "$scratch/commands" || fail "a command's summary spans lines"
expect_status 0 "$JOBSTATS" --version
expect_grep '^jobstats [0-9]' "$scratch/out"
expect_status 0 "$JOBSTATS" help report
expect_grep 'usage: jobstats report --role' "$scratch/out"
ok "help and version"

# Help needs no database, even where none can be created.
expect_status 0 env HOME=/nonexistent XDG_DATA_HOME= "$JOBSTATS" report --help
[ ! -e /nonexistent ] || fail "report --help created /nonexistent"

expect_status 2 "$JOBSTATS"
expect_status 2 "$JOBSTATS" frobnicate
expect_grep "'frobnicate' is not a jobstats command" "$scratch/err"
expect_grep '^usage: jobstats \[--db PATH\]' "$scratch/err"
expect_status 2 "$JOBSTATS" --frobnicate
expect_status 2 js report
expect_grep 'usage: jobstats report' "$scratch/err"
expect_status 2 js report --role "Data Engineer" --format xml
expect_grep "invalid --format 'xml'" "$scratch/err"
expect_status 2 js report --role "Data Engineer" --by year
expect_grep "^jobstats: invalid --by 'year': expected week or month$" "$scratch/err"
expect_status 2 js report --role "Data Engineer" --currency dollars
expect_grep "^jobstats: invalid currency 'dollars'" "$scratch/err"
# Three letters are not enough: the code must be in ISO 4217 (any case).
expect_status 2 js report --role "Data Engineer" --currency ABC
expect_grep "^jobstats: unknown currency code 'ABC'$" "$scratch/err"
expect_status 2 js export --what salaries --currency usx
expect_grep "^jobstats: unknown currency code 'usx'$" "$scratch/err"
expect_status 2 js export --what everything
# A posting row keeps its own currency: summary options are refused, not ignored.
expect_status 2 js export --what postings --convert
expect_grep '^jobstats: --convert goes with --what salaries' "$scratch/err"
expect_status 2 js export --currency EUR --what postings --format json
expect_grep '^jobstats: --currency goes with --what salaries' "$scratch/err"
[ ! -s "$scratch/out" ] || fail "a refused export wrote output"
expect_status 2 js source add 'bad name' "$fixtures/board/page-1.html"
ok "usage errors exit 2"

# getopt's own messages inside a command (and a subcommand) name jobstats,
# not the command: "jobstats: unrecognized option", never "salary: ...".
for args in "salary --frob 1" "report -q" "rates set --frob EUR 1" "export --what"; do
	# shellcheck disable=SC2086
	expect_status 2 js $args
	head -n 1 "$scratch/err" >"$scratch/first"
	expect_grep "^jobstats: \(unrecognized\|invalid\) option\|^jobstats: option '--what' requires" \
		"$scratch/first"
	expect_grep '^usage: jobstats ' "$scratch/err"
done
ok "option errors inside commands say jobstats"

expect_status 0 js source add board "$fixtures/board/page-1.html"
expect_status 0 js source add --max-pages 3 web https://jobs.example.test/list
expect_status 1 js source add board "$fixtures/board/page-1.html"
expect_grep "source 'board' already exists" "$scratch/err"
expect_status 1 js source add gone "$scratch/no-such-file.html"
expect_grep "cannot find '.*no-such-file.html'" "$scratch/err"
expect_status 1 js source add ftp ftp://example.test/jobs
expect_status 0 js source list
expect_grep "^board	file://.*/tests/fixtures/board/page-1.html	20	default$" "$scratch/out"
expect_grep "^web	https://jobs.example.test/list	3	default$" "$scratch/out"
# --delay: seconds between requests to the board's hosts, 0 to 3600.
expect_status 0 js source add --delay 2.5 slow https://slow.example.test/jobs
expect_status 0 js source list
expect_grep "^slow	https://slow.example.test/jobs	20	2.5$" "$scratch/out"
for bad in 5000 -1 soon nan; do
	expect_status 2 js source add --delay "$bad" bad https://bad.example.test/
	expect_grep "invalid --delay '$bad': expected seconds from 0 to 3600" "$scratch/err"
done
expect_status 0 js source remove slow
expect_status 0 js source remove web
expect_status 1 js source remove web
expect_grep "no source named 'web'" "$scratch/err"
# A --source filter that names no source is an error, not an empty report.
expect_status 1 js report --role "Data Engineer" --source nosuch
expect_grep "no source named 'nosuch'" "$scratch/err"
expect_status 1 js export --what postings --source nosuch
expect_grep "no source named 'nosuch'" "$scratch/err"
ok "source add, list, remove"

# The default database lives under XDG_DATA_HOME, created on first use.
expect_status 0 env -u JOBSTATS_DB XDG_DATA_HOME="$scratch/xdg" "$JOBSTATS" source list
[ -f "$scratch/xdg/jobstats/jobs.db" ] || fail "no database at \$XDG_DATA_HOME/jobstats/jobs.db"
expect_status 0 env -u JOBSTATS_DB XDG_DATA_HOME= HOME="$scratch/home" "$JOBSTATS" source list
[ -f "$scratch/home/.local/share/jobstats/jobs.db" ] || fail "no database under ~/.local/share"
expect_status 0 env JOBSTATS_DB="$scratch/env.db" "$JOBSTATS" source list
[ -f "$scratch/env.db" ] || fail "JOBSTATS_DB was not used"
ok "database location"

# A file that is not a database is refused, and left as it was.
printf 'not a database\n' >"$scratch/text.db"
expect_status 1 "$JOBSTATS" --db "$scratch/text.db" source list
expect_grep "$scratch/text.db" "$scratch/err"
[ "$(cat "$scratch/text.db")" = "not a database" ] || fail "the file was changed"
ok "not a database"

# jobstats salary: the parser's reading of each text; no salary is an answer.
expect_status 0 "$JOBSTATS" salary --json --country AU '$80,000 - $95,000' 'Competitive' \
	'₹6,02,654.23 - ₹8,74,430.35 a year' '$17-$24 Per Hour(Glassdoor est.)'
check_salary_json() {
	"$PYTHON3" - "$1" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
assert len(rows) == 4, rows
keys = {"text", "min", "max", "currency", "period", "annual_min", "annual_max",
        "provenance", "rule"}
assert all(keys <= set(r) for r in rows), rows
aud, none, inr, est = rows
assert (aud["min"], aud["max"], aud["currency"], aud["period"]) == (80000, 95000, "AUD", "year"), aud
assert all(none[k] is None for k in keys - {"text"}), none
assert (inr["min"], inr["max"], inr["currency"]) == (602654.23, 874430.35, "INR"), inr
assert (est["annual_min"], est["annual_max"], est["provenance"]) == (17 * 2080, 24 * 2080, "estimate"), est
PY
}
if command -v "$PYTHON3" >/dev/null 2>&1; then
	check_salary_json "$scratch/out" || fail "salary --json gave the wrong readings"
fi
expect_status 0 "$JOBSTATS" salary 'Competitive'
expect_grep 'no salary' "$scratch/out"
expect_status 2 "$JOBSTATS" salary --country USA '$5'
expect_grep "invalid --country 'USA'" "$scratch/err"
# Two letters are not enough: the code must be an ISO 3166-1 country.
expect_status 2 "$JOBSTATS" salary --country ZZ '$5'
expect_grep "^jobstats: unknown country code 'ZZ'$" "$scratch/err"
expect_status 2 "$JOBSTATS" salary --country eu '$5'
expect_grep "^jobstats: unknown country code 'eu'$" "$scratch/err"
# Any case; UK is the United Kingdom's own code for GB.
expect_status 0 "$JOBSTATS" salary --country ca '$80,000'
expect_grep 'CAD 80000' "$scratch/out"
expect_status 0 "$JOBSTATS" salary --country UK '£40,000'
expect_grep 'GBP 40000' "$scratch/out"
expect_status 2 "$JOBSTATS" salary
ok "salary"
