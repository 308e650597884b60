#!/bin/sh
# One posting, counted once: two boards on the test HTTP server carry the
# same job (title, company and location alike but for case, punctuation and
# legal form, dated 4 days apart).  report and export count it once and name
# the other board as a duplicate; --with-duplicates counts both; a board's
# second opening that looks the same, and the same job 7 weeks later, are
# jobs of their own; a recrawl whose URLs differ only in tracking
# parameters finds the same postings.
. "${top_srcdir:-$(dirname "$0")/..}/tests/e2e-lib.sh"
need_python
site="$scratch/site"
mkdir -p "$site/alpha" "$site/beta"
start_server "$site"

# board DIR TRACKING JOB...: DIR/index.html, one JSON-LD JobPosting per JOB
# "path|title|company|location|posted|salary", its URL with TRACKING after '?'.
board() {
	"$PYTHON3" - "$base_url" "$@" <<'PY'
import json, sys
base, d, tracking = sys.argv[1:4]
jobs = []
for spec in sys.argv[4:]:
    path, title, company, location, posted, pay = spec.split("|")
    jobs.append({"@context": "https://schema.org", "@type": "JobPosting", "title": title,
                 "hiringOrganization": {"@type": "Organization", "name": company},
                 "jobLocation": {"@type": "Place", "address": location},
                 "datePosted": posted, "baseSalary": int(pay), "salaryCurrency": "USD",
                 "url": "%s/%s/%s?%s" % (base, d, path, tracking)})
with open("%s/index.html" % d, "w") as f:
    f.write('<!doctype html><html><head><title>jobs</title><script type="application/ld+json">'
            + json.dumps(jobs) + "</script></head><body><h1>Jobs</h1></body></html>\n")
PY
}

alpha_jobs() {
	board alpha "$1" \
		"jobs/1|Senior Data Engineer|Acme, Inc.|Berlin, Germany|2025-01-10|120000" \
		"jobs/2|Data Engineer|Globex|Remote|2025-01-11|100000"
}
cd "$site"
alpha_jobs "utm_source=feed&trk=abc"
board beta "ref=home" \
	"p/91|senior data-engineer|ACME GmbH|Berlin Germany|2025-01-14|125000" \
	"p/92|Senior Data Engineer|Acme|Berlin, Germany|2025-01-15|118000" \
	"p/93|Data Engineer|Globex Corporation|Remote|2025-03-01|105000"
cd - >/dev/null

expect_status 0 js source add alpha "$base_url/alpha/index.html"
expect_status 0 js source add beta "$base_url/beta/index.html"
expect_status 0 js crawl
[ "$(sql 'SELECT count(*) FROM postings')" -eq 5 ] || fail "5 postings expected stored"
[ "$(sql "SELECT url FROM postings WHERE title = 'Data Engineer' AND company = 'Globex'")" = \
  "$base_url/alpha/jobs/2" ] || fail "the url column keeps the canonical URL"

# report: 4 jobs (alpha's 2, beta's second opening and beta's later job).
expect_status 0 js report --role "Data Engineer" --format json
"$PYTHON3" - "$scratch/out" <<'PY' || fail "report counts each job once"
import json, sys
j = json.load(open(sys.argv[1]))
assert j["postings"] == 4, j["postings"]
assert j["with_duplicates"] is False and j["duplicates"] == 1, j
assert j["sources"] == [{"name": "alpha", "postings": 2}, {"name": "beta", "postings": 2}], j["sources"]
assert j["duplicate_sources"] == [{"name": "beta", "postings": 1}], j["duplicate_sources"]
PY
expect_status 0 js report --role "Data Engineer" --format json --with-duplicates
"$PYTHON3" - "$scratch/out" <<'PY' || fail "report --with-duplicates counts every posting"
import json, sys
j = json.load(open(sys.argv[1]))
assert j["postings"] == 5 and j["with_duplicates"] is True and j["duplicates"] == 1, j
assert j["sources"] == [{"name": "beta", "postings": 3}, {"name": "alpha", "postings": 2}], j["sources"]
PY
expect_status 0 js report --role "Data Engineer"
expect_grep '^Postings: 4 matched' "$scratch/out"
expect_grep '^Duplicates: 1 also on another source, each job counted once: beta (1)$' "$scratch/out"
expect_status 0 js report --role "Data Engineer" --with-duplicates
expect_grep '^Postings: 5 matched' "$scratch/out"
expect_grep '^Duplicates: 1 also on another source, counted again (--with-duplicates): beta (1)$' \
	"$scratch/out"
# One board alone counts all of its own.
expect_status 0 js report --role "Data Engineer" --source beta --format json
[ "$(json_get "$scratch/out" 'j["postings"], j["duplicates"]')" = "(3, 0)" ] ||
	fail "report --source beta: $(json_get "$scratch/out" 'j["postings"], j["duplicates"]')"
ok "report: the job on both boards counted once, its other board listed; --with-duplicates"

# export --what salaries: the report's counts.
salaries_all() {
	"$PYTHON3" -c 'import csv,sys; print([r["postings"] for r in csv.DictReader(open(sys.argv[1], newline="")) if r["group"] == "all"])' "$scratch/out"
}
expect_status 0 js export --what salaries --role "Data Engineer"
[ "$(salaries_all)" = "['4']" ] || fail "export --what salaries: $(salaries_all)"
expect_status 0 js export --what salaries --role "Data Engineer" --with-duplicates
[ "$(salaries_all)" = "['5']" ] || fail "export --what salaries --with-duplicates: $(salaries_all)"

# export --what postings: one row a job, the duplicate's board in also_on.
expect_status 0 js export --what postings
"$PYTHON3" - "$scratch/out" <<'PY' || fail "export --what postings counts each job once"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
assert len(rows) == 4, len(rows)
acme = [r for r in rows if r["source"] == "alpha" and r["title"] == "Senior Data Engineer"]
assert len(acme) == 1 and acme[0]["also_on"] == "beta" and acme[0]["duplicate_of"] == "", acme
assert all(r["duplicate_of"] == "" for r in rows), rows
PY
expect_status 0 js export --what postings --format json --with-duplicates
"$PYTHON3" - "$scratch/out" <<'PY' || fail "export --what postings --with-duplicates"
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
assert len(rows) == 5, len(rows)
first = [r for r in rows if r["source"] == "alpha" and r["title"] == "Senior Data Engineer"][0]
dup = [r for r in rows if r["duplicate_of"] is not None]
assert len(dup) == 1 and dup[0]["source"] == "beta" and dup[0]["duplicate_of"] == first["id"], dup
PY
ok "export: salaries and postings count each job once; --with-duplicates counts both"

# renormalize finds every key and link as they are.
expect_status 0 js renormalize
expect_grep '^renormalized 5 postings: 0 changed$' "$scratch/out"
if grep -q 'keys recomputed' "$scratch/out"; then fail "renormalize changed keys or links"; fi
[ "$(sql 'SELECT count(*) FROM postings WHERE duplicate_of IS NOT NULL')" -eq 1 ] ||
	fail "renormalize lost the link"
ok "renormalize keeps keys and links"

# A recrawl whose links carry other tracking parameters: the same postings.
first_seen=$(sql "SELECT first_seen FROM postings WHERE url = '$base_url/alpha/jobs/1'")
cd "$site"
alpha_jobs "utm_source=mail&refId=zz9&gclid=x"
cd - >/dev/null
sleep 1	# a later last_seen
expect_status 0 js crawl alpha
[ "$(sql 'SELECT count(*) FROM postings')" -eq 5 ] || fail "a recrawl added postings"
[ "$(sql 'SELECT postings_new FROM runs ORDER BY id DESC LIMIT 1')" -eq 0 ] ||
	fail "a recrawl counted new postings"
[ "$(sql "SELECT first_seen FROM postings WHERE url = '$base_url/alpha/jobs/1'")" = "$first_seen" ] ||
	fail "a recrawl changed first_seen"
[ "$(sql "SELECT last_seen > first_seen FROM postings WHERE url = '$base_url/alpha/jobs/1'")" -eq 1 ] ||
	fail "a recrawl did not see the posting again"
expect_status 0 js report --role "Data Engineer" --format json
[ "$(json_get "$scratch/out" 'j["postings"], j["duplicates"]')" = "(4, 1)" ] ||
	fail "after the recrawl: $(json_get "$scratch/out" 'j["postings"], j["duplicates"]')"
ok "a recrawl with other tracking parameters updates the postings, adds none"

# Removing a board leaves the other's jobs whole.
expect_status 0 js source remove alpha
expect_status 0 js report --role "Data Engineer" --format json
[ "$(json_get "$scratch/out" 'j["postings"], j["duplicates"]')" = "(3, 0)" ] ||
	fail "after removing alpha: $(json_get "$scratch/out" 'j["postings"], j["duplicates"]')"
ok "a board removed: the other's postings stand alone"
