#!/usr/bin/env python3
"""Check a `jobstats report --format json` object against figures computed
here, independently of jobstats, from a hand-written postings table.

usage: expected_report.py POSTINGS_TSV ROLE ACTUAL_JSON_FILE

The table's columns: external_id, title, level, employment_type, currency,
annual_min, annual_max ("-" for none).  Exit 0 when every figure agrees.
"""
import json
import math
import re
import sys

LEVELS = ["EN", "MI", "SE", "EX", "unknown"]
FIGURES = ["min", "p10", "p25", "median", "p75", "p90", "max", "mean"]


def words(text):
    return re.findall(r"[a-z0-9\x80-\U0010ffff]+", text.lower())


def role_matches(role, title):
    r, t = words(role), words(title)
    return bool(r) and any(t[i:i + len(r)] == r for i in range(len(t) - len(r) + 1))


def percentile(sorted_values, p):
    """Hyndman-Fan type 7, as numpy.percentile and R's quantile default."""
    h = (len(sorted_values) - 1) * p
    lo = math.floor(h)
    hi = min(lo + 1, len(sorted_values) - 1)
    return sorted_values[lo] + (h - lo) * (sorted_values[hi] - sorted_values[lo])


def summary(values):
    v = sorted(values)
    if not v:
        return {"n": 0, **{k: None for k in FIGURES}}
    return {"n": len(v), "min": v[0], "p10": percentile(v, .10), "p25": percentile(v, .25),
            "median": percentile(v, .5), "p75": percentile(v, .75), "p90": percentile(v, .90),
            "max": v[-1], "mean": sum(v) / len(v)}


def load(path):
    rows = []
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        ext, title, level, _etype, cur, lo, hi = line.rstrip("\n").split("\t")
        rows.append({"title": title, "level": level if level != "-" else "unknown",
                     "currency": cur, "min": None if lo == "-" else float(lo),
                     "max": None if hi == "-" else float(hi)})
    return rows


def expected(rows, role, currency="USD"):
    picked = [r for r in rows if role_matches(role, r["title"])]
    paid = [r for r in picked if r["currency"] == currency and r["min"] is not None]
    mid = lambda r: (r["min"] + r["max"]) / 2
    return {
        "role": role, "postings": len(picked),
        "with_salary": sum(1 for r in picked if r["currency"] != "-"),
        "other_currency": sum(1 for r in picked if r["currency"] not in ("-", currency)),
        "currency": currency, "period": "year",
        "salary": summary([mid(r) for r in paid]),
        "by_level": [{"level": l, "postings": sum(1 for r in picked if r["level"] == l),
                      "salary": summary([mid(r) for r in paid if r["level"] == l])}
                     for l in LEVELS],
    }


def compare(path, want, got, errors):
    if isinstance(want, dict):
        for k, v in want.items():
            if k not in got:
                errors.append(f"{path}.{k}: missing")
            else:
                compare(f"{path}.{k}", v, got[k], errors)
    elif isinstance(want, list):
        if len(want) != len(got):
            errors.append(f"{path}: {len(got)} items, expected {len(want)}")
        for i, (w, g) in enumerate(zip(want, got)):
            compare(f"{path}[{i}]", w, g, errors)
    elif isinstance(want, float) or isinstance(got, float):
        if got is None or want is None or abs(want - got) > 1e-6 * max(1, abs(want)):
            errors.append(f"{path}: {got}, expected {want}")
    elif want != got:
        errors.append(f"{path}: {got!r}, expected {want!r}")


def main():
    tsv, role, actual = sys.argv[1:4]
    got = json.load(open(actual, encoding="utf-8"))
    errors = []
    compare("report", expected(load(tsv), role), got, errors)
    for e in errors:
        print(e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
