#!/bin/sh
# Role profiles: the shipped ones listed and shown, a user profile overriding
# one, bad names and bad files refused, and --role naming a profile.
. "${top_srcdir:-$(dirname "$0")/..}/tests/e2e-lib.sh"
need_python

# The harness points JOBSTATS_PROFILES_DIR at the source tree; the user's
# directory is a scratch one.
JOBSTATS_PROFILES_DIR="$top_srcdir/contrib/profiles"
XDG_CONFIG_HOME="$scratch/config"
export JOBSTATS_PROFILES_DIR XDG_CONFIG_HOME
userdir="$XDG_CONFIG_HOME/jobstats/profiles"

expect_status 0 "$JOBSTATS" profiles
expect_grep '^NAME  *TITLES  *KEYWORDS  *FILE$' "$scratch/out"
expect_grep '^Data Operations Manager  *10  *40  .*/contrib/profiles/data-operations-manager.profile$' "$scratch/out"
expect_grep '^Machine Learning Software Engineer  *9  *36  .*/machine-learning-software-engineer.profile$' "$scratch/out"
[ "$(wc -l <"$scratch/out")" -eq 3 ] || fail "profiles lists other than the two shipped"
ok "profiles lists the shipped profiles"

expect_status 0 "$JOBSTATS" profiles show "data operations manager"
expect_grep '^name: Data Operations Manager$' "$scratch/out"
expect_grep '^title: DataOps Manager$' "$scratch/out"
expect_grep '^tool: 3 Tableau$' "$scratch/out"
expect_grep '^skill: 3 GDPR$' "$scratch/out"
expect_grep '^# threshold: 12 (default: 30% of the ten heaviest weights)$' "$scratch/out"
# What show prints reads back as a profile, the same one.
mkdir -p "$scratch/again"
cp "$scratch/out" "$scratch/again/dom.profile"
expect_status 0 env JOBSTATS_PROFILES_DIR="$scratch/again" "$JOBSTATS" profiles show dom
sed 1d "$scratch/again/dom.profile" >"$scratch/want"
sed 1d "$scratch/out" | cmp -s - "$scratch/want" || fail "show does not read back the same"
expect_status 0 "$JOBSTATS" profiles show machine-learning-software-engineer
expect_grep '^title: MLE$' "$scratch/out"
expect_grep '^tool: 4 PyTorch$' "$scratch/out"
ok "profiles show, by name in any case or by file name"

expect_status 1 "$JOBSTATS" profiles show "Data Engineer"
expect_grep "^jobstats: no profile named 'Data Engineer' (see 'jobstats profiles')$" "$scratch/err"
expect_status 2 "$JOBSTATS" profiles show
expect_grep '^usage: jobstats profiles' "$scratch/err"
expect_status 2 "$JOBSTATS" profiles list
expect_status 2 "$JOBSTATS" profiles --frobnicate
expect_status 0 "$JOBSTATS" profiles --help
expect_grep 'PROFILES' "$scratch/out"
ok "profiles: unknown names and bad usage"

# A user profile of a shipped profile's name replaces it.
mkdir -p "$userdir"
printf 'name: data operations manager\ntitle: Data Wrangler\nskill: 2 SQL\n' \
	>"$userdir/mine.profile"
expect_status 0 "$JOBSTATS" profiles
expect_grep "^data operations manager  *1  *1  $userdir/mine.profile\$" "$scratch/out"
[ "$(wc -l <"$scratch/out")" -eq 3 ] || fail "the user profile did not replace the shipped one"
expect_status 0 "$JOBSTATS" profiles show mine
expect_grep '^# threshold: 1 (default' "$scratch/out"
printf 'threshold: 9\n' >>"$userdir/mine.profile"
expect_status 0 "$JOBSTATS" profiles show mine
expect_grep '^threshold: 9$' "$scratch/out"
ok "a user profile overrides a shipped one"

printf 'name: Broken\ntitle: X\nfoo: bar\n' >"$userdir/broken.profile"
expect_status 1 "$JOBSTATS" profiles
expect_grep "^jobstats: profile '$userdir/broken.profile' line 3: unknown key 'foo'\$" "$scratch/err"
printf 'name: Broken\ntitle: X\nthreshold: 0\n' >"$userdir/broken.profile"
expect_status 1 "$JOBSTATS" profiles
expect_grep "^jobstats: profile '$userdir/broken.profile' line 3: expected a whole number from 1 to 10000 after 'threshold:'\$" "$scratch/err"
rm "$userdir/broken.profile" "$userdir/mine.profile"
ok "a bad profile file is refused with its line"

# --role with a profile's name selects by the profile's titles.
cat >"$scratch/jobs.html" <<'HTML'
<!doctype html><html><head><title>Jobs</title>
<script type="application/ld+json">[
HTML
n=0
for t in "Data Operations Manager" "Senior DataOps Manager" "Data Ops Lead" \
	 "Data Manager" "ML Engineer" "Machine Learning Engineer" "Senior MLE" \
	 "Machine Learning Software Engineer" "Software Engineer"; do
	n=$((n + 1))
	[ "$n" -eq 1 ] || printf ',\n' >>"$scratch/jobs.html"
	printf '{"@context": "https://schema.org", "@type": "JobPosting", "title": "%s",
	 "identifier": "J%d", "hiringOrganization": "Acme", "datePosted": "2025-01-06",
	 "baseSalary": {"@type": "MonetaryAmount", "currency": "USD",
	  "value": {"@type": "QuantitativeValue", "value": %d, "unitText": "YEAR"}}}' \
		"$t" "$n" $((100000 + n * 1000)) >>"$scratch/jobs.html"
done
printf ']</script></head><body></body></html>\n' >>"$scratch/jobs.html"
expect_status 0 js source add jobs "$scratch/jobs.html"
expect_status 0 js crawl

# count ROLE: how many postings report --role ROLE counts.
count() {
	expect_status 0 js report --role "$1" --format json
	json_get "$scratch/out" 'j["postings"]'
}
[ "$(count "Data Operations Manager")" -eq 3 ] || fail "profile DOM should select 3 postings"
[ "$(count "data-operations-manager")" -eq 3 ] || fail "profile by file name should select 3"
[ "$(count "Machine Learning Software Engineer")" -eq 4 ] || fail "profile MLSE should select 4"
# A plain role keeps the title rule, abbreviations read as their words
# (role.h): "ML Engineer", "Machine Learning Engineer" and "Senior MLE".
[ "$(count "Machine Learning Engineer")" -eq 3 ] || fail "a plain role keeps the title rule"
[ "$(count "Data Manager")" -eq 1 ] || fail "a plain role keeps the title rule"
expect_status 0 js export --what postings --format csv --role "machine learning software engineer"
rows=$("$PYTHON3" -c 'import csv,sys; print(len(list(csv.DictReader(open(sys.argv[1], newline="")))))' "$scratch/out")
[ "$rows" -eq 4 ] || fail "export --role with a profile gave $rows rows, expected 4"
ok "--role with a profile's name selects by its titles"
