#!/bin/sh
# report --format html on the bundled demo board: one page that an XML parser
# reads, whose summary and level rows carry the same figures as the JSON
# report (with thousands separators), that refers to nothing outside itself,
# and that escapes a role named like markup; export refuses the format.
. "${top_srcdir:-$(dirname "$0")/..}/tests/e2e-lib.sh"
need_python

demo="$top_srcdir/contrib/demo"
expect_status 0 js source add demo "$demo/index.html"
expect_status 0 js crawl demo

role='Data Engineer'
expect_status 0 js report --role "$role" --format json
cp "$scratch/out" "$scratch/report.json"
expect_status 0 js report --role "$role" --format html
cp "$scratch/out" "$scratch/report.html"
[ ! -s "$scratch/err" ] || fail "report --format html wrote to stderr: $(cat "$scratch/err")"

# page.py HTML JSON: the page's tables against the JSON report's figures.
"$PYTHON3" - "$scratch/report.html" "$scratch/report.json" <<'PY' || fail "HTML figures"
import json, sys
import xml.etree.ElementTree as ET
text = open(sys.argv[1], encoding="utf-8").read()
j = json.load(open(sys.argv[2]))
assert text.startswith("<!DOCTYPE html>\n"), text[:40]
root = ET.fromstring(text.split("\n", 1)[1])   # well-formed: XML reads it
def cells(tr):
    return ["".join(td.itertext()) for td in tr.findall("td")]
def rows(caption):
    for table in root.iter("table"):
        c = table.find("caption")
        if c is not None and "".join(c.itertext()).startswith(caption):
            return {cells(tr)[0]: cells(tr) for tr in table.iter("tr") if tr.findall("td")}
    raise AssertionError("no table " + caption)
def money(v):
    return "\u2013" if v is None else f"{v:,.0f}"
KEYS = ["min", "p10", "p25", "median", "p75", "p90", "max", "mean"]
def check(row, postings, s, what):
    assert row[1] == str(postings), (what, row)
    assert row[3].rstrip("*") == str(s["n"]), (what, row)
    assert row[4:12] == [money(s[k]) for k in KEYS], (what, row, s)
    assert row[3].endswith("*") == (0 < s["n"] < 5), (what, "small group flag", row)
check(rows("All postings")["all"], j["postings"], j["salary"], "all")
levels = rows("By level")
words = {"EN": "Entry (EN)", "MI": "Mid (MI)", "SE": "Senior (SE)", "EX": "Executive (EX)"}
for g in j["by_level"]:
    check(levels[words.get(g["level"], g["level"])], g["postings"], g["salary"], g["level"])
h1 = "".join(root.find("body/main/h1").itertext())
assert h1 == "Salary report: Data Engineer", h1
for needle in [f"{j['postings']}</b> matched", "<b>demo</b>", "USD per year",
               "<title>Salary by level</title>", "<title>Distribution of salaries</title>",
               "<title>Postings and median salary over time</title>",
               "<title>Fit to the role profiles</title>"]:
    assert needle in text, needle
# Every report compares the role with the shipped profiles (the harness
# points JOBSTATS_PROFILES_DIR at them): each has its bars.
assert len(j["profile_fit"]) == 2, j["profile_fit"]
for f in j["profile_fit"]:
    assert f["profile"] in text, f["profile"]
PY
ok "report --format html: well-formed, the JSON report's figures in its tables"

# Nothing external: no script, no stylesheet or image to fetch, and the only
# URL the SVG namespace's name.
html="$scratch/report.html"
for bad in '<script' '<link' '<img' '<iframe' '@import' 'url(' 'src='; do
	if grep -qi -- "$bad" "$html"; then fail "the page has '$bad'"; fi
done
urls=$(grep -o 'https\{0,1\}:[^" )]*' "$html" | sort -u)
[ "$urls" = "http://www.w3.org/2000/svg" ] || fail "URLs in the page: $urls"
if grep -qiE '(^|[^a-z])(-?nan|inf)([^a-z]|$)' "$html"; then
	fail "a figure printed as NaN or inf: $(grep -oiE '.{20}(-?nan|inf)[^a-z].{0,10}' "$html" | head -3)"
fi
ok "report --format html: self-contained, no NaN"

# A role named like markup matches nothing: an empty report, escaped.
expect_status 0 js report --role '<script>&"x' --format html
expect_grep '<h1>Salary report: &lt;script&gt;&amp;&quot;x</h1>' "$scratch/out"
expect_grep 'no salaries to chart' "$scratch/out"
if grep -q '<script' "$scratch/out"; then fail "the role came out as markup"; fi
"$PYTHON3" -c 'import sys, xml.etree.ElementTree as ET; ET.fromstring(open(sys.argv[1]).read().split("\n", 1)[1])' \
	"$scratch/out" || fail "the empty report is not well-formed"
ok "report --format html: a role named like markup is text, an empty report renders"

# The filters are named on the page.
expect_status 0 js report --role "$role" --level SE --country us --format html
expect_grep 'Filters: level <b>SE</b>, country <b>US</b>\.' "$scratch/out"
ok "report --format html: filters named"

# export writes data: html (and table) are refused, saying where they belong.
expect_status 2 js export --what salaries --format html
expect_grep "invalid --format 'html': only 'jobstats report' writes html" "$scratch/err"
expect_status 2 js report --role "$role" --format htm
expect_grep "expected table, json, csv or html" "$scratch/err"
ok "export --format html is a usage error; report names the formats"
