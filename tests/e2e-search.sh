#!/bin/sh
# "jobstats search": full-text queries over the stored postings' titles,
# companies and descriptions (phrase, prefix, AND/OR/NOT, column, accents),
# newest first, in the three formats, with the report's filters and
# --limit; a bad query is a usage error that changes nothing.
. "${top_srcdir:-$(dirname "$0")/..}/tests/e2e-lib.sh"
need_python

expect_status 0 js source add jobs "$fixtures/search/jobs.html"
expect_status 0 js crawl

# ids QUERY [OPTIONS...]: the external ids search finds, in order, from
# its JSON Lines.
ids() {
	q=$1
	shift
	expect_status 0 js search --format json "$@" -- "$q"
	"$PYTHON3" -c 'import json,sys; print(" ".join(json.loads(l)["external_id"] for l in open(sys.argv[1])))' "$scratch/out"
}

# check WANT QUERY [OPTIONS...]
check() {
	ids_want=$1
	shift
	ids_got=$(ids "$@")
	[ "$ids_got" = "$ids_want" ] || fail "search $*: '$ids_got', expected '$ids_want'"
}

# Newest first: S-3 posted 2025-01-12, S-1 01-10, S-4 01-08, S-2 01-05.
check 'S-1 S-4 S-2' data
check 'S-1' 'data engineer'			# both words
check 'S-1' '"data engineer"'			# the phrase (S-4 says "data engineers")
check 'S-3 S-1 S-4' 'engin*'			# a prefix
check 'S-1 S-2' 'python NOT scala'
check 'S-3 S-1' 'kubernetes OR scala'
check 'S-4' 'title:data AND title:manager'	# one column
check 'S-2' 'company:bank'
check 'S-3' zurich				# accents ignored: Zürich
check 'S-4' 'CAFE OLE'				# and case: Café Olé
check 'S-3' '"node.js"'				# punctuation quoted
check '' 'title:python'				# no match
ok "search: words, phrase, prefix, AND/OR/NOT, columns, accents, newest first"

expect_status 0 js search python
[ ! -s "$scratch/err" ] || fail "search wrote to stderr: $(cat "$scratch/err")"
cat > "$scratch/want" <<'TABLE'
2025-01-12 | Machine Learning Engineer | Zürich Analytik AG | Zürich, CH | - | - | -
2025-01-10 | Data Engineer | Northwind | Austin, US | - | - | -
2025-01-05 | Senior Data Scientist | Lakeside Bank | London, GB | SE | - | -
TABLE
cmp -s "$scratch/out" "$scratch/want" || { cat "$scratch/out" >&2; fail "search's table"; }
expect_status 0 js search nothing_matches_this
[ ! -s "$scratch/out" ] && [ ! -s "$scratch/err" ] || fail "no match should print nothing"
expect_status 0 js search --format csv 'engin*'
head -n 1 "$scratch/out" > "$scratch/search-header"
js export --what postings --format csv | head -n 1 | cmp -s - "$scratch/search-header" ||
	fail "search CSV header differs from export's"
[ "$(wc -l < "$scratch/out")" -eq 4 ] || fail "csv: $(wc -l < "$scratch/out") lines, expected 4"
expect_grep '^jobs,S-3,' "$scratch/out"
expect_status 0 js search --format csv nothing_matches_this
[ "$(wc -l < "$scratch/out")" -eq 1 ] || fail "csv with no match: the header only"
ok "search: table lines (day first), CSV as export's, nothing for no match, exit 0"

check 'S-3' 'engin*' --limit 1
check '' 'engin*' --limit 0
check 'S-2' data --level SE
check 'S-1 S-4' data --since 2025-01-06 --until 2025-01-11
check 'S-4' data --country FR
check 'S-4' data --company 'café olé'
check 'S-1 S-4 S-2' data --source jobs
expect_status 1 js search --source nosuch data
expect_grep "no source named 'nosuch'" "$scratch/err"
ok "search: --limit and the report's filters"

# A bad query: its message names it, exit 2 (usage), the database unchanged.
js export --what postings --format csv > "$scratch/before.csv"
bad() {
	expect_status 2 js search "$1"
	[ ! -s "$scratch/out" ] || fail "bad query '$1' printed results"
	expect_grep "^jobstats: invalid search query '$2': $3" "$scratch/err"
}
bad '"data engineer' '"data engineer' 'unterminated string'
bad AND AND 'syntax error near "AND"'
bad 'data OR' 'data OR' 'syntax error at the end of the query'
bad 'salary:high' 'salary:high' 'no such column: salary'
bad '   ' '   ' 'it has no words'
js export --what postings --format csv | cmp -s - "$scratch/before.csv" ||
	fail "a bad query changed the database"
expect_status 2 js search
expect_grep '^usage: jobstats search ' "$scratch/err"
expect_status 2 js search --format html data
expect_grep "invalid --format 'html'" "$scratch/err"
expect_status 2 js search --limit -3 data
expect_grep "invalid --limit '-3'" "$scratch/err"
expect_status 2 js search --raw data
ok "search: bad queries and options are usage errors (exit 2) and change nothing"

# The index follows the postings: a removed source's postings are gone.
expect_status 0 js source remove jobs
check '' data
ok "search: a removed source's postings are no longer found"

expect_status 0 js search --help
expect_grep 'QUERY' "$scratch/out"
expect_status 0 js --help
expect_grep '^  search ' "$scratch/out"
ok "search: --help and the command list"
