#!/bin/sh
# The aijobs.net salary index (shared/data/aijobs-salaries beside the
# checkout; JOBSTATS_DATA points at shared/data), imported whole: reports for
# the two profiles' roles checked against figures computed here by reading
# the CSV directly (never from jobstats output); importing again changes
# nothing; a bad row names its file and line and stores nothing.  Skipped
# when the data is absent.
. "${top_srcdir:-$(dirname "$0")/..}/tests/e2e-lib.sh"
need_python

data=${JOBSTATS_DATA:-"$top_srcdir/../shared/data"}
csv="$data/aijobs-salaries/salaries.csv"
[ -f "$csv" ] || skip "salary index not present at $csv (set JOBSTATS_DATA)"
rows=$("$PYTHON3" -c 'import csv,sys; print(sum(1 for _ in csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8"))))' "$csv")

expect_status 0 js import --aijobs-salaries "$csv"
expect_grep "^imported $rows rows into source 'aijobs-salaries': $rows new, 0 updated, 0 unchanged$" "$scratch/out"
[ "$(sql 'SELECT count(*) FROM postings')" -eq "$rows" ] || fail "not $rows postings stored"
expect_status 0 js import --aijobs-salaries "$csv"
expect_grep "^imported $rows rows into source 'aijobs-salaries': 0 new, 0 updated, $rows unchanged$" "$scratch/out"
[ "$(sql 'SELECT count(*) FROM postings')" -eq "$rows" ] || fail "re-import added postings"
ok "$rows rows imported; importing again changes nothing"

# The mapping, column by column, as the manual states it: counted here from
# the CSV and in the database.
"$PYTHON3" - "$csv" "$db" <<'PY' || fail "mapping differs"
import collections, csv, sqlite3, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
db = sqlite3.connect(sys.argv[2])
def got(col):
    return collections.Counter(dict(db.execute(f"SELECT {col}, count(*) FROM postings GROUP BY 1")))
emp = {"FT": "FT", "PT": "PT", "CT": "CT", "FL": "FL"}
arr = {"100": "remote", "50": "hybrid", "0": "onsite"}
want = {
    "level": collections.Counter(r["experience_level"] for r in rows),
    "employment_type": collections.Counter(emp[r["employment_type"]] for r in rows),
    "remote": collections.Counter(arr[r["remote_ratio"]] for r in rows),
    "country": collections.Counter(r["company_location"] for r in rows),
    "salary_currency || salary_period || salary_provenance":
        collections.Counter({"USDyearstructured": len(rows)}),
}
bad = [k for k, v in want.items() if got(k) != v]
usd = sorted(float(r["salary_in_usd"]) for r in rows)
if sorted(x for (x,) in db.execute("SELECT annual_min FROM postings")) != usd:
    bad.append("annual_min")
if db.execute("SELECT count(*) FROM postings WHERE annual_min IS NOT annual_max").fetchone()[0]:
    bad.append("annual_max")
for k in bad:
    print("column", k, "differs from the CSV", file=sys.stderr)
sys.exit(1 if bad else 0)
PY
ok "level, type, arrangement, country and pay as the CSV says"

# report_check ROLE [PROFILE]: the report's n and percentiles, overall and
# per level, against the CSV read here: the role rule of role.h (words are
# runs of ASCII letters, digits and bytes >= 0x80; ASCII case ignored; the
# role's words contiguous in the title), applied to each "title:" line of
# PROFILE when ROLE names a profile, and type-7 percentiles of salary_in_usd.
report_check() {
	expect_status 0 js report --role "$1" --format json
	PYTHONPATH="$top_srcdir/tests" "$PYTHON3" - "$csv" "$1" "$scratch/out" "${2:-}" <<'PY' || fail "report --role '$1' differs from the CSV"
import csv, json, math, re, sys

from role_words import role_matches as matches  # the documented rule
def pct(v, p):
    h = (len(v) - 1) * p
    lo = math.floor(h)
    hi = min(lo + 1, len(v) - 1)
    return v[lo] + (h - lo) * (v[hi] - v[lo])

path, role, out, profile = sys.argv[1:5]
titles = [role]
if profile:
    titles = [l.split(":", 1)[1].strip() for l in open(profile, encoding="utf-8")
              if l.startswith("title:")]
rows = [r for r in csv.DictReader(open(path, newline="", encoding="utf-8"))
        if any(matches(t, r["job_title"]) for t in titles)]
got = json.load(open(out, encoding="utf-8"))
groups = [("all", rows, got["salary"])]
by_level = {g["level"]: g["salary"] for g in got["by_level"]}
for level in ("EN", "MI", "SE", "EX"):
    groups.append((level, [r for r in rows if r["experience_level"] == level], by_level[level]))
errors = []
for name, group, s in groups:
    v = sorted(float(r["salary_in_usd"]) for r in group)
    if s["n"] != len(v):
        errors.append(f"{name}: n {s['n']}, expected {len(v)}")
        continue
    for key, p in (("p10", .1), ("p25", .25), ("median", .5), ("p75", .75), ("p90", .9)):
        want = pct(v, p) if v else None
        if (want is None) != (s[key] is None) or (v and abs(s[key] - want) > 1e-6 * want):
            errors.append(f"{name}: {key} {s[key]}, expected {want}")
if by_level["unknown"]["n"] != 0:
    errors.append("unknown level: n is not 0")
if not rows:
    errors.append("no rows match: the check checks nothing")
for e in errors:
    print(role + ": " + e, file=sys.stderr)
print(role, len(rows))
sys.exit(1 if errors else 0)
PY
	ok "report --role '$1': n and percentiles, overall and by level, as the CSV gives"
}
report_check "Data Engineer"
report_check "Machine Learning Engineer"
# the two profiles' names select by their title patterns
report_check "Data Operations Manager" "$top_srcdir/contrib/profiles/data-operations-manager.profile"
report_check "Machine Learning Software Engineer" \
	"$top_srcdir/contrib/profiles/machine-learning-software-engineer.profile"

# A bad row: its file and line named, exit 1, nothing stored (not even the
# rows before it, nor the source).
rm -f "$db"
{ head -n 3 "$csv"; printf '2024,XX,FT,Data Engineer,1,USD,1,US,0,US,M\n'; } >"$scratch/bad.csv"
expect_status 1 js import --aijobs-salaries "$scratch/bad.csv"
expect_grep "^jobstats: cannot import '$scratch/bad.csv': line 4: experience_level 'XX'" "$scratch/err"
[ "$(sql 'SELECT count(*) FROM postings')" -eq 0 ] || fail "a bad file left postings"
[ "$(sql 'SELECT count(*) FROM sources')" -eq 0 ] || fail "a bad file left its source"
{ head -n 2 "$csv"; printf '2024,SE,FT,"Data Engineer,1,USD,1,US,0,US,M\n'; } >"$scratch/bad.csv"
expect_status 1 js import --aijobs-salaries "$scratch/bad.csv"
expect_grep "line 3: quoted field not closed" "$scratch/err"
expect_status 1 js import --aijobs-salaries "$scratch/missing.csv"
expect_grep "^jobstats: cannot open '$scratch/missing.csv': " "$scratch/err"
expect_status 2 js import
ok "bad input: file and line named, nothing stored"
