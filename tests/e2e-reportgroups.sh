#!/bin/sh
# report --format json on the bundled demo board, against figures Python
# works out itself from the board's pages (tests/demo_cards.py) by the rules
# report.h, profile-fit.h and jobstats(1) document: counts, dates, sources,
# the groups (arrangement, country, employment type, top companies), the
# typical advertised range, the weekly and monthly trend, the histogram and
# the fit to each shipped role profile.
. "${top_srcdir:-$(dirname "$0")/..}/tests/e2e-lib.sh"
need_python

JOBSTATS_PROFILES_DIR="$top_srcdir/contrib/profiles"
XDG_CONFIG_HOME="$scratch/config"	# no user profiles
export JOBSTATS_PROFILES_DIR XDG_CONFIG_HOME

demo="$top_srcdir/contrib/demo"
expect_status 0 js source add demo "$demo/index.html"
expect_status 0 js crawl demo

# report ROLE BY [SINCE UNTIL]: report --role ROLE --by BY --format json
# (--since SINCE, --until UNTIL when not empty), kept for the check below.
n=0
: >"$scratch/reports"
report() {
	n=$((n + 1))
	set -- "$1" "$2" "${3-}" "${4-}"
	expect_status 0 js report --role "$1" --by "$2" --format json \
		${3:+--since "$3"} ${4:+--until "$4"}
	cp "$scratch/out" "$scratch/report-$n.json"
	printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$scratch/report-$n.json" \
		>>"$scratch/reports"
}

report 'Data Engineer' week
report 'Data Scientist' week
report 'Machine Learning Engineer' week
report 'Machine Learning Software Engineer' week	# a profile: its titles
report 'Analyst' week	# a USD floor ("USD 40K+"), fits to Data Operations Manager
report 'Data Engineer' month
report 'Engineer' month	# more than ten companies
# the trend runs from --since to --until, empty periods at either end
report 'Data Engineer' week 2024-12-04 2025-01-08
report 'Data Engineer' month 2024-11-15 2025-03-08

# One Python run checks them all against the board.
PYTHONPATH="$top_srcdir/tests" "$PYTHON3" - "$demo" "$JOBSTATS_PROFILES_DIR" "$scratch/reports" \
	<<'PY' || fail "report JSON differs from the figures read from the board"
import datetime, glob, json, math, re, sys
import demo_cards
from role_words import role_matches  # the documented title rule

demo, profdir, manifest = sys.argv[1:4]
errors = []
LEVELS = ["EN", "MI", "SE", "EX", "unknown"]


def check(what, got_v, want):
    if isinstance(want, float) or isinstance(got_v, float):
        if got_v is None or want is None or abs(got_v - want) > 1e-6 * max(1, abs(want)):
            errors.append(f"{what}: jobstats {got_v!r}, expected {want!r}")
    elif got_v != want:
        errors.append(f"{what}: jobstats {got_v!r}, expected {want!r}")


def words(text):
    """role.h's words: runs of ASCII letters and digits and non-ASCII
    characters, ASCII letters lowercased."""
    low = "".join(ch.lower() if ch < "\x80" else ch for ch in text)
    return re.findall(r"[a-z0-9\x80-\U0010ffff]+", low)


def contains(text_words, phrase_words):
    n = len(phrase_words)
    return n > 0 and any(text_words[i:i + n] == phrase_words
                         for i in range(len(text_words) - n + 1))


# --- profiles, read from the files (jobstats(1), PROFILES) ---
profiles = []
for path in glob.glob(f"{profdir}/*.profile"):
    p = {"titles": [], "keywords": [], "threshold": None}
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        key, value = (s.strip() for s in line.split(":", 1))
        if key == "name":
            p["name"] = value
        elif key == "title":
            p["titles"].append(value)
        elif key == "threshold":
            p["threshold"] = int(value)
        else:
            weight, phrase = value.split(None, 1)
            p["keywords"].append((key, int(weight), phrase))
    if p["threshold"] is None:
        heaviest = sorted((w for _, w, _ in p["keywords"]), reverse=True)[:10]
        p["threshold"] = max(1, math.ceil(sum(heaviest) * 30 / 100))
    profiles.append(p)
profiles.sort(key=lambda p: p["name"].lower())


def found(phrase, text):
    """profile-fit.h: whole words in order, any case; a one-letter keyword
    only where the letter stands alone."""
    pw = words(phrase)
    if len(pw) != 1 or len(pw[0]) != 1:
        # tags and entities separate words ("Power&nbsp;BI" is "Power BI")
        return contains(words(re.sub(r"<[^>]*>|&#?[A-Za-z0-9]+;", " ", text)), pw)
    seps = " \t\n\r\f\v,/:;|"
    brackets = "()[]{}"
    wordch = re.compile(r"[A-Za-z0-9\x80-\U0010ffff]")
    for m in re.finditer(re.escape(pw[0]), text, re.I):
        i, j = m.start(), m.end()
        before = i == 0 or text[i - 1] in seps or (
            text[i - 1] in brackets and (i < 2 or not wordch.match(text[i - 2])))
        after = j == len(text) or text[j] in seps or (
            text[j] in brackets and (j + 1 >= len(text) or not wordch.match(text[j + 1]))) or (
            text[j] == "." and (j + 1 == len(text) or text[j + 1].isspace()))
        if before and after:
            return True
    return False


def verify(role, by, since, until, got):
    """Check one report (got, its JSON) of role, its trend by week or month,
    of the postings from since to until (None: no limit)."""
    # --- the postings of the role ---
    by_name = {p["name"].lower(): p for p in profiles}
    patterns = by_name[role.lower()]["titles"] if role.lower() in by_name else [role]
    posts = []
    for c in demo_cards.cards(demo):
        if not any(role_matches(pat, c["title"]) for pat in patterns) or \
                (since and c["posted"] < since) or (until and c["posted"] > until):
            continue
        j = c["jsonld"]
        m = re.fullmatch(r"([A-Z]{3}) (\d+)K(?: - (\d+)K|(\+))?", c["salary"] or "")
        if c["salary"] is not None and m is None:
            errors.append(f"card {c['id']}: salary badge {c['salary']!r} not understood")
        cur = m.group(1) if m else None
        lo = int(m.group(2)) * 1000 if m else None
        hi = int(m.group(3)) * 1000 if m and m.group(3) else lo  # a floor or single: both
        etype, remote = c["type"], c["remote"]
        if j is not None:
            # the JSON-LD posting wins (README: FL and CT are both CONTRACTOR there)
            etype = {"FULL_TIME": "FT", "PART_TIME": "PT", "CONTRACTOR": "CT"}[j["employmentType"]]
            if j.get("jobLocationType") == "TELECOMMUTE":
                remote = "remote"
        posts.append({**c, "etype": etype, "remote": remote, "cur": cur, "min": lo, "max": hi,
                      "text": [c["title"]] + ([j["description"]] if j and j.get("description") else [])})
    if not posts:
        errors.append(f"no card matches {role!r}")

    usd = [p for p in posts if p["cur"] == "USD"]
    mids = sorted((p["min"] + p["max"]) / 2 for p in usd)

    def median(v):
        v = sorted(v)
        return (v[(len(v) - 1) // 2] + v[len(v) // 2]) / 2 if v else None

    def pct(v, q):
        h = (len(v) - 1) * q
        lo = math.floor(h)
        return v[lo] + (h - lo) * (v[min(lo + 1, len(v) - 1)] - v[lo])

    def group_check(what, g, members):
        pay = [p for p in members if p["cur"] == "USD"]
        check(f"{what}.postings", g["postings"], len(members))
        check(f"{what}.with_salary", g["with_salary"], sum(p["cur"] is not None for p in members))
        check(f"{what}.salary.n", g["salary"]["n"], len(pay))
        check(f"{what}.other_currency", g["other_currency"],
              sum(p["cur"] not in (None, "USD") for p in members))
        check(f"{what}.unknown_period", g["unknown_period"], 0)
        check(f"{what}.typical_range.min", g["typical_range"]["min"],
              median(float(p["min"]) for p in pay))
        check(f"{what}.typical_range.max", g["typical_range"]["max"],
              median(float(p["max"]) for p in pay))

    # --- totals, dates, sources, the overall pay ---
    check("postings", got["postings"], len(posts))
    check("with_salary", got["with_salary"], sum(p["cur"] is not None for p in posts))
    dates = sorted(p["posted"] for p in posts)
    check("date_span", got["date_span"], {"first": dates[0], "last": dates[-1]})
    check("sources", got["sources"], [{"name": "demo", "postings": len(posts)}])
    group_check("report", got, posts)
    s = got["salary"]
    if mids:
        for k, q in [("min", 0), ("p10", .1), ("p25", .25), ("median", .5), ("p75", .75),
                     ("p90", .9), ("max", 1)]:
            check(f"salary.{k}", s[k], float(pct(mids, q)))
        check("salary.mean", s["mean"], sum(mids) / len(mids))

    # --- groups: documented orders ---
    def groups(key, values, order):
        # levels are always the five, empty ones included; the rest only when met
        out = {k: [] for k in LEVELS} if key == "by_level" else {}
        for p in posts:
            out.setdefault(values(p) or "unknown", []).append(p)
        return sorted(out.items(), key=order)

    def fixed(names):
        return lambda kv: names.index(kv[0])

    def most_first(kv):
        return (kv[0] == "unknown", -len(kv[1]), kv[0])

    for key, field, jkey, order in [
            ("by_level", "level", "level", fixed(LEVELS)),
            ("by_arrangement", "remote", "arrangement",
             fixed(["remote", "hybrid", "onsite", "unknown"])),
            ("by_country", "country", "country", most_first),
            ("by_employment_type", "etype", "employment_type",
             fixed(["FT", "PT", "CT", "FL", "IN", "TEMP", "unknown"]))]:
        want = groups(key, lambda p: p[field], order)
        check(f"{key} names", [g[jkey] for g in got[key]], [k for k, _ in want])
        for g, (name, members) in zip(got[key], want):
            if g[jkey] == name:  # (a name out of place is said above)
                group_check(f"{key}[{name}]", g, members)

    companies = {}
    for p in posts:
        companies.setdefault(p["company"], []).append(p)
    top = sorted(companies.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:10]
    check("companies", got["companies"], len(companies))
    check("top_companies names", [g["company"] for g in got["top_companies"]], [k for k, _ in top])
    for g, (name, members) in zip(got["top_companies"], top):
        if g["company"] == name:
            group_check(f"top_companies[{name}]", g, members)

    # --- trend: every week (from Monday) or month from the first date to the last ---
    def start(d):
        d = datetime.date.fromisoformat(d)
        return d - datetime.timedelta(days=d.weekday()) if by == "week" else d.replace(day=1)

    check("trend.by", got["trend"]["by"], by)
    # from --since and to --until when given
    periods, d = [], start(since or dates[0])
    while d <= start(until or dates[-1]):
        periods.append(d.isoformat())
        d = d + datetime.timedelta(days=7) if by == "week" else \
            (d + datetime.timedelta(days=32)).replace(day=1)
    check("trend starts", [t["start"] for t in got["trend"]["periods"]], periods)
    check("trend postings", [t["postings"] for t in got["trend"]["periods"]],
          [sum(start(p["posted"]).isoformat() == s for p in posts) for s in periods])
    check("trend with_salary", [t["with_salary"] for t in got["trend"]["periods"]],
          [sum(start(p["posted"]).isoformat() == s and p["cur"] is not None for p in posts)
           for s in periods])
    check("trend salary.n", [t["salary"]["n"] for t in got["trend"]["periods"]],
          [sum(start(p["posted"]).isoformat() == s and p["cur"] == "USD" for p in posts)
           for s in periods])

    # --- histogram: equal, contiguous bins of a round width holding every midpoint ---
    h = got["histogram"]
    check("histogram total", sum(b["n"] for b in h), len(mids))
    if mids and h:
        width = h[0]["high"] - h[0]["low"]
        for a, b in zip(h, h[1:]):
            check("histogram contiguous", b["low"], a["high"])
        for b in h:
            check(f"histogram width [{b['low']}, {b['high']})", b["high"] - b["low"], width)
        mant = width / 10 ** math.floor(math.log10(width))
        if not any(abs(mant - r) < 1e-9 for r in (1, 2, 2.5, 5)):
            errors.append(f"histogram width {width} is not round (1, 2, 2.5 or 5 x 10^k)")
        check("histogram bins by midpoint", [b["n"] for b in h],
              [sum(b["low"] <= m < b["high"] for m in mids) for b in h])
        if not (h[0]["low"] <= mids[0] < h[0]["high"] and h[-1]["low"] <= mids[-1] < h[-1]["high"]):
            errors.append(f"histogram [{h[0]['low']}, {h[-1]['high']}) does not run from the "
                          f"lowest midpoint {mids[0]} to the highest {mids[-1]}")
    elif mids or h:
        errors.append(f"histogram: {len(h)} bins for {len(mids)} salaries")

    # --- profile fit, for every profile, in name order ---
    check("profile_fit profiles", [f["profile"] for f in got["profile_fit"]],
          [p["name"] for p in profiles])
    for f, prof in zip(got["profile_fit"], profiles):
        name = prof["name"]
        check(f"{name}.threshold", f["threshold"], prof["threshold"])
        hits = {}
        fitting = []
        for p in posts:
            named = [k for k in prof["keywords"] if any(found(k[2], t) for t in p["text"])]
            for k in named:
                hits[k] = hits.get(k, 0) + 1
            if sum(k[1] for k in named) >= prof["threshold"]:
                fitting.append(p)
        check(f"{name}.fitting", f["fitting"], len(fitting))
        check(f"{name}.share", float(f["share"]), len(fitting) / len(posts) if posts else 0.0)
        group_check(f"{name}.fit", f["fit"], fitting)
        asked = sorted(((k, n) for k, n in hits.items() if k[0] in ("skill", "tool")),
                       key=lambda kn: (-kn[1], -kn[0][1]))
        want_top = asked[:5]
        gtop = f["top"]
        check(f"{name}.top count", len(gtop), len(want_top))
        counts = {k[2]: n for k, n in asked}
        kinds = {k[2]: (k[0], k[1]) for k in prof["keywords"]}
        for t in gtop:
            check(f"{name}.top {t['keyword']!r} postings", t["postings"], counts.get(t["keyword"], 0))
            check(f"{name}.top {t['keyword']!r} kind and weight", (t["kind"], t["weight"]),
                  kinds.get(t["keyword"]))
            check(f"{name}.top {t['keyword']!r} share", float(t["share"]),
                  counts.get(t["keyword"], 0) / len(posts))
        # ties beyond postings and weight may come in any order: compare the keys
        check(f"{name}.top order", [(t["postings"], t["weight"]) for t in gtop],
              [(n, k[1]) for k, n in want_top])


for line in open(manifest, encoding="utf-8"):
    role, by, since, until, actual = (v or None for v in line.rstrip("\n").split("\t"))
    before = len(errors)
    verify(role, by, since, until, json.load(open(actual, encoding="utf-8")))
    what = f"report --role {role!r} --by {by}" + (f" --since {since}" if since else "") + \
        (f" --until {until}" if until else "")
    for e in errors[before:]:
        print(f"{what}: {e}")
    if len(errors) == before:
        print(f"ok: {what}: matches the board")
sys.exit(1 if errors else 0)
PY
ok "report --format json: counts, dates, groups, typical range, trend, histogram and profile fit match the board"
