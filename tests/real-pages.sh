#!/bin/sh
# Real job-board pages saved by third parties (shared/data/pages beside the
# checkout; JOBSTATS_DATA points at shared/data).  Not copied into this
# repository: skipped when absent.
. "${top_srcdir:-$(dirname "$0")/..}/tests/e2e-lib.sh"
need_python

data=${JOBSTATS_DATA:-"$top_srcdir/../shared/data"}
pages="$data/pages"
[ -d "$pages" ] || skip "real pages not present at $pages (set JOBSTATS_DATA)"

# Every page is read without error or crash; JSON Lines are valid JSON.
n=0
for f in "$pages"/*/*.html; do
	expect_status 0 "$JOBSTATS" parse --json "$f"
	"$PYTHON3" -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1])]' "$scratch/out" ||
		fail "parse --json $f: invalid JSON"
	n=$((n + 1))
done
ok "$n real pages parsed"

# parse_one FILE EXPR: the parse of FILE as a list j of postings; EXPR must hold.
check() {
	expect_status 0 "$JOBSTATS" parse --json "$pages/$1"
	"$PYTHON3" - "$scratch/out" "$2" <<'PY' || fail "$1: $2"
import json, sys
j = [json.loads(l) for l in open(sys.argv[1])]
if not eval(sys.argv[2]):
    print(json.dumps(j, indent=1)[:3000], file=sys.stderr)
    sys.exit(1)
PY
}

# JSON-LD with a baseSalary: USD 188,000-282,000 a year (Ashby, Lambda).
check ashby/ashby_lambda_job_detail_raw.html \
	'len(j) == 1 and (j[0]["salary_min"], j[0]["salary_max"], j[0]["salary_currency"], j[0]["salary_period"]) == (188000, 282000, "USD", "year") and j[0]["company"] == "Lambda"'
# An empty baseSalary gives no structured salary; the pay its description
# states is read there ("between $147000/YR - $237500/YR") and says so.
check paloalto/spidercloud_paloalto_networks_job_detail_raw_html.extracted.html \
	'len(j) == 1 and j[0]["title"] and j[0]["salary_provenance"] == "text" and "from-description" in j[0]["salary_notes"].split() and (j[0]["salary_min"], j[0]["salary_max"], j[0]["salary_currency"], j[0]["salary_period"]) == (147000, 237500, "USD", "year")'
# JSON-LD without baseSalary: title, company, location, no salary.
check indeed/indeed_posting.html \
	'len(j) == 1 and "Canonical" in j[0]["company"] and j[0]["salary_min"] is None and "Austin" in (j[0]["location"] or "")'
check jsonld-misc/jsonld_meta_software_engineer.html \
	'len(j) == 1 and j[0]["company"] == "Meta" and j[0]["salary_min"] is None'
check workday/adfrisealach__job_page.html 'len(j) == 1 and j[0]["title"]'
check linkedin/linkedin_posting.html 'len(j) == 1 and j[0]["company"] == "Google"'
# Salaries stated only in descriptions (Google in HTML with <br>, Netflix in
# HTML escaped twice); a U.S. range is no pay for Autodesk's Montreal posting,
# a learning budget no pay for Canonical's.
check linkedin/linkedin_posting.html \
	'(j[0]["salary_min"], j[0]["salary_max"], j[0]["salary_currency"], j[0]["salary_period"], j[0]["salary_provenance"]) == (136000, 203000, "USD", "year", "text") and "from-description" in j[0]["salary_notes"].split()'
check eightfold/spidercloud_netflix_job_detail_790313323421_raw_html.extracted.html \
	'len(j) == 1 and (j[0]["salary_min"], j[0]["salary_max"], j[0]["salary_currency"]) == (170000, 720000, "USD") and "from-description" in j[0]["salary_notes"].split()'
check workday/adfrisealach__job_page.html 'j[0]["country"] == "CA" and j[0]["salary_min"] is None'
check jsonld-misc/jsonld_neura_robotics_manager.html 'len(j) == 1 and j[0]["salary_min"] is None'
# Microdata (reed.co.uk): itemprop baseSalary as MonetaryAmount with a
# QuantitativeValue, the company a nested Organization's name.
check reed/reed_details.html \
	'len(j) == 1 and j[0]["title"] == "Software Developer" and j[0]["company"] == "Test Company" and (j[0]["salary_min"], j[0]["salary_max"], j[0]["salary_currency"], j[0]["salary_period"], j[0]["salary_provenance"]) == (35000, 45000, "GBP", "year", "structured") and j[0]["country"] == "GB" and j[0]["url"] == "https://www.reed.co.uk/jobs/software-developer/52507327"'
# A document that is itself JSON-LD (aijobs.net, saved from a notebook).
check aijobs/aijobs_job1319179_jsonld.from-notebook.json \
	'len(j) == 1 and j[0]["title"] == "Staff Officer (Civil - Military Cooperation)" and j[0]["company"] == "NATO" and j[0]["external_id"] == "1319179" and (j[0]["salary_min"], j[0]["salary_max"], j[0]["salary_currency"], j[0]["salary_period"]) == (77604, 77604, "EUR", "year")'
# No postings in the static HTML: zero postings, no error.
check remoteok/remoteok.html 'len(j) == 0'
# Listing pages without structured data or seed cards: nothing invented
# (their board rules come later), in particular no pay from filter facets.
check linkedin/yao-creative__linkedin_search.html 'all(p["salary_min"] is None for p in j)'
ok "structured postings read as a person reads them"
