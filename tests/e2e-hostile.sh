#!/bin/sh
# Hostile input: pages built to hurt a parser (100k nested tags, a 30 MB
# attribute, 3M tiny elements, NUL bytes, invalid UTF-8, JSON-LD 1,000
# levels deep or with absurd numbers, rules whose XPath would explode, a
# billion laughs, pages over the 32 MB cap).  tests/hostile_pages.py
# generates each page in the scratch directory.  Each parse finishes within
# a time bound and, outside a sanitizer build, a memory bound; exits 0 (or
# 1 when the page cannot be read at all); never crashes; names the page and
# what was wrong in a warning whenever something of the page is lost; and
# still gives the good postings around the hostile part.  A crawl over some
# of them loses nothing stored and leaves the database intact.
. "${top_srcdir:-$(dirname "$0")/..}/tests/e2e-lib.sh"
need_python
command -v timeout >/dev/null 2>&1 || skip "timeout(1) is needed to bound each parse"

# The bound on time is CPU time (ulimit -t), which a loaded machine does
# not stretch; a wall-clock timeout only catches a process that sleeps.
# A sanitizer build reserves terabytes of virtual memory and runs slower:
# no address-space limit there, more time (the Makefile says which build
# this is; a binary linked with ASan names __asan_init).
sanitized=${JOBSTATS_SANITIZERS:-}
if [ -z "$sanitized" ] && grep -q __asan_init "$JOBSTATS" 2>/dev/null; then
	sanitized=yes
fi
if [ -n "$sanitized" ]; then
	cpu_limit=150
else
	cpu_limit=30
fi
time_limit=600
# Peak RSS and CPU time are measured with GNU time where there is one.
gnu_time=
if /usr/bin/time -f %M -o /dev/null true 2>/dev/null; then
	gnu_time=/usr/bin/time
fi
rss_limit_kb=$((1024 * 1024))	# 3M elements make a 550 MB libxml2 tree

pages="$scratch/pages"
mkdir -p "$pages"
gen() { "$PYTHON3" "$top_srcdir/tests/hostile_pages.py" "$pages" "$@"; }

# run_parse NAME [ENV=VALUE...]: parse --json pages/NAME.html under the
# bounds; sets $status and $rss_kb; output in $scratch/out, $scratch/err.
run_parse() {
	name=$1
	shift
	start=$(date +%s)
	set +e
	(
		ulimit -t "$cpu_limit"
		[ -n "$sanitized" ] || ulimit -v $((2 * 1024 * 1024))
		if [ -n "$gnu_time" ]; then
			exec env "$@" timeout "$time_limit" "$gnu_time" -f '%M %U %S' -o "$scratch/rss" \
				"$JOBSTATS" parse --json "$pages/$name.html"
		fi
		exec env "$@" timeout "$time_limit" "$JOBSTATS" parse --json "$pages/$name.html"
	) >"$scratch/out" 2>"$scratch/err"
	status=$?
	set -e
	secs=$(($(date +%s) - start))
	set -- $(tail -n 1 "$scratch/rss" 2>/dev/null) 0 0 0
	rss_kb=$1
	case $rss_kb in *[!0-9]*|'') rss_kb=0 ;; esac
	rm -f "$scratch/rss"
	printf '%s: exit %s, %s s (CPU %s s user, %s s system), peak RSS %s MB\n' \
		"$name" "$status" "$secs" "$2" "$3" $((rss_kb / 1024))
}

# expect_parse NAME STATUS [ENV=VALUE...]: run_parse, then the checks every
# hostile page must pass.
expect_parse() {
	name=$1
	want=$2
	shift 2
	run_parse "$name" "$@"
	if grep -q 'Sanitizer\|runtime error:' "$scratch/err"; then
		cat "$scratch/err" >&2
		fail "$name: sanitizer report"
	fi
	[ "$status" -ne 124 ] || fail "$name: still running after $time_limit s"
	[ "$status" -lt 128 ] || fail "$name: killed by signal $((status - 128)) (a crash, or over the $cpu_limit s CPU limit)"
	[ "$status" -eq "$want" ] || { cat "$scratch/err" >&2; fail "$name: exit $status, expected $want"; }
	if [ -z "$sanitized" ] && [ "$rss_kb" -gt "$rss_limit_kb" ]; then
		fail "$name: peak RSS $rss_kb KB"
	fi
	"$PYTHON3" - "$scratch/out" <<'PY' || fail "$name: output is not JSON lines of finite numbers"
import json, sys
def no_constant(c):
    raise ValueError("non-finite number " + c)
for line in open(sys.argv[1], encoding="utf-8"):
    json.loads(line, parse_constant=no_constant)
PY
}

# titles: the titles parse printed, a line each.
titles() { "$PYTHON3" -c '
import json, sys
for l in open(sys.argv[1], encoding="utf-8"):
    print(json.loads(l)["title"])' "$scratch/out"; }

# expect_titles TITLE...: parse printed these postings (in this order).
expect_titles() {
	want=$(printf '%s\n' "$@")
	got=$(titles)
	[ "$got" = "$want" ] || { cat "$scratch/err" >&2; fail "$name: postings '$got', expected '$want'"; }
}

# expect_warning TEXT: parse warned about this page, naming it.
expect_warning() {
	expect_grep "warning: 'file://$pages/$name.html': $1" "$scratch/err"
}

gen nested
expect_parse nested 0
expect_titles "Nested Engineer"
expect_warning "page nests elements deeper than 256 levels; postings from that point on are lost"
ok "100,000 nested tags: read to the depth limit, with a warning"

gen attr30
expect_parse attr30 0
expect_titles "Attribute Engineer" "After Engineer"
rm -f "$pages/attr30.html"
ok "a 30 MB attribute is read, and what follows it"

gen text30
expect_parse text30 0
expect_titles "Text Engineer"
expect_warning "HTML parser stopped early (xmlSAX2Characters: huge text node); postings from that point on are lost"
rm -f "$pages/text30.html"
ok "a 30 MB text node: libxml2's limit, with a warning"

for name in attr50 text60; do
	gen $name
	expect_parse $name 1
	expect_grep "jobstats: cannot read '$pages/$name.html': larger than 33554432 bytes" "$scratch/err"
	[ ! -s "$scratch/out" ] || fail "$name: postings from a page over the cap"
	rm -f "$pages/$name.html"
done
ok "pages over the 32 MB cap are refused whole, as files too"

gen tiny
expect_parse tiny 0
titles | grep -qx "Tiny Engineer" || fail "tiny: the posting before 3M elements is lost"
titles | grep -qx "After Engineer" || expect_grep "'file://$pages/tiny.html': " "$scratch/err"
rm -f "$pages/tiny.html"
ok "3,000,000 tiny elements: bounded, postings read"

gen elements
mkdir -p "$scratch/explode"
cat >"$scratch/explode/explode.rules" <<'RULES'
label Rules that explode: a search of the whole page for each node
match //*[count(//*) > 0]
posting //li[count(//li) > count(preceding::li)]
title .//b
RULES
expect_parse elements 0 JOBSTATS_BOARDS_DIR="$scratch/explode"
expect_titles "Rules Engineer" "After Engineer"
expect_warning "board rules stopped after 50000000 XPath steps; postings may be missing"
ok "quadratic XPath over 200,000 elements stops at the rules' step limit, with a warning"

gen json-board-numbers
mkdir -p "$scratch/jsonboard"
cat >"$scratch/jsonboard/jsonboard.rules" <<'RULES'
label A board whose postings are JSON in a script
match //script[@id='data']
json //script[@id='data']
json-after window.DATA=
posting $.jobs
title $.t
salary $.s
RULES
expect_parse json-board-numbers 0 JOBSTATS_BOARDS_DIR="$scratch/jsonboard"
expect_warning "board 'jsonboard': cannot read the JSON in the page's script: malformed JSON"
sed -e 's/, "x": \[\[*\]*//' "$pages/json-board-numbers.html" >"$pages/json-board-shallow.html"
expect_parse json-board-shallow 0 JOBSTATS_BOARDS_DIR="$scratch/jsonboard"
"$PYTHON3" - "$scratch/out" <<'PY' || fail "json-board-shallow: numbers beyond a double read as pay"
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
assert [r["title"] for r in rows] == ["Inf Engineer", "Digits Engineer", "Minus Engineer",
                                      "Text Engineer", "Deep Engineer"], rows
assert [r["salary_text"] for r in rows] == [None, None, None, "Inf", None], rows
assert all(r["salary_min"] is None for r in rows), rows
PY
ok "a board's JSON 3,000 levels deep is refused with a warning; numbers beyond a double are no pay"

gen laughs
expect_parse laughs 0
expect_titles "Laugh Engineer" "After Engineer"
if grep -q lollollollol "$scratch/out" "$scratch/err"; then
	fail "laughs: an entity was expanded"
fi
[ -z "$gnu_time" ] || [ "$rss_kb" -lt $((200 * 1024)) ] || fail "laughs: peak RSS $rss_kb KB"
ok "a billion laughs: entities are not expanded"

gen jsonld-deep
expect_parse jsonld-deep 0
expect_titles "Shallow Engineer" "After Engineer"
expect_warning "JSON-LD block 2 nests deeper than 64 levels, skipped"
expect_warning "JSON-LD block 3 nests deeper than 64 levels, skipped"
ok "JSON-LD 1,000 levels deep is skipped with a warning"

gen jsonld-numbers
expect_parse jsonld-numbers 0
"$PYTHON3" - "$scratch/out" <<'PY' || fail "jsonld-numbers: absurd numbers read as pay"
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
assert len(rows) == 12, len(rows)
for r in rows[:11]:
    assert "Number Engineer" in r["title"], r
    for k in ("salary_min", "salary_max", "annual_min", "annual_max"):
        assert r[k] is None, r
assert rows[11]["title"] == "After Engineer" and rows[11]["salary_min"] == 100000, rows[11]
PY
ok "1e999999, 400-digit, -0 and NaN salaries are left empty"

gen nul
expect_parse nul 0
expect_titles "Nul Engineer" "Café Engineer" "After Engineer"
expect_warning "JSON-LD block 2 is not valid JSON, skipped"
ok "NUL bytes in text and in JSON-LD: the page is read (as UTF-8), the broken block named"

gen utf8 utf8-declared
expect_parse utf8 0
expect_titles "Utf Engineer" "Bad $(printf '\302\200') À¯ à$(printf '\302\200')¯ í $(printf '\302\200') ø$(printf '\302\210\302\200\302\200\302\200') ÿ â$(printf '\302\202') Engineer" "After Engineer"
ok "invalid UTF-8 in a page that declares no charset is read as ISO-8859-1"
expect_parse utf8-declared 0
expect_titles "Utf Engineer" "Bad $(printf '\302\200') À¯ à$(printf '\302\200')¯ í $(printf '\302\200') ø$(printf '\302\210\302\200\302\200\302\200') ÿ â$(printf '\302\202') Engineer" "After Engineer"
expect_warning "page declares UTF-8 but is not valid UTF-8 (byte 0x80 at offset [0-9]*); read as ISO-8859-1"
ok "invalid UTF-8 in a page that declares UTF-8: read as ISO-8859-1, with a warning"

# A crawl over file:// URLs of hostile pages: it finishes, warns, keeps
# every posting it stored before and the database stays intact.
expect_status 0 js source add board "$fixtures/board/page-1.html"
expect_status 0 js crawl
before=$(sql "SELECT count(*) FROM postings")
[ "$before" -eq 10 ] || fail "setup stored $before postings"
gen attr50 nested nul utf8-declared laughs jsonld-deep
for name in nested nul utf8-declared laughs jsonld-deep attr50; do
	expect_status 0 js source add "$name" "$pages/$name.html"
done
set +e
(
	ulimit -t $((cpu_limit * 2))
	exec timeout "$time_limit" "$JOBSTATS" --db "$db" crawl
) >"$scratch/crawl.out" 2>"$scratch/crawl.err"
status=$?
set -e
if grep -q 'Sanitizer\|runtime error:' "$scratch/crawl.err"; then
	cat "$scratch/crawl.err" >&2
	fail "crawl: sanitizer report"
fi
[ "$status" -ne 124 ] || fail "crawl: still running after $time_limit s"
[ "$status" -lt 128 ] || fail "crawl: killed by signal $((status - 128)) (a crash, or over the CPU limit)"
# 3: a page could not be fetched (attr50, over the cap), the others were crawled.
[ "$status" -eq 3 ] || { cat "$scratch/crawl.err" >&2; fail "crawl exited $status"; }
expect_grep "warning: 'file://$pages/nested.html': page nests elements deeper than 256 levels" "$scratch/crawl.err"
expect_grep "warning: 'file://$pages/jsonld-deep.html': JSON-LD block 2 nests deeper than 64 levels" "$scratch/crawl.err"
expect_grep "jobstats: cannot fetch 'file://$pages/attr50.html': page larger than 33554432 bytes, cut off" "$scratch/crawl.err"
[ "$(sql 'PRAGMA integrity_check')" = ok ] || fail "the database is damaged"
after=$(sql "SELECT count(*) FROM postings")
[ "$after" -ge $((before + 8)) ] || fail "the crawl stored $after postings, $before before"
stored_of() { sql "SELECT count(*) FROM postings p JOIN sources s ON s.id = p.source_id WHERE s.name = '$1'"; }
n=$(stored_of board)
[ "$n" -eq 10 ] || fail "crawl: the board has $n postings, 10 before"
for name in nested nul utf8-declared laughs jsonld-deep; do
	n=$(stored_of $name)
	[ "$n" -ge 1 ] || fail "crawl: no posting stored from $name"
done
[ "$(sql "SELECT count(*) FROM postings WHERE title LIKE '%lollol%'")" -eq 0 ] || fail "crawl: an entity was expanded"
ok "a crawl over hostile pages finishes, warns, loses nothing, the database is intact"
