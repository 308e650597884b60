#!/usr/bin/env python3
"""Check a `jobstats report --format json` object against figures computed
here, independently of jobstats, from a hand-written postings table.

usage: expected_report.py [--include-estimates] POSTINGS_TSV ROLE ACTUAL_JSON_FILE
                          [CURRENCY [RATES]]

The table's columns: external_id, title, level, employment_type, currency,
annual_min, annual_max ("-" for none), and optionally provenance (text when
absent; "estimate" for a board's own estimate, left out of the figures and
counted unless --include-estimates).  CURRENCY is the report's (USD by
default).  RATES, for a report made with --convert, is
"CODE=PER_USD@DATE,..." (the rates the test stored; USD=1 is implied).
Exit 0 when every figure agrees.
"""
import json
import os
import math
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from role_words import role_matches  # noqa: E402

LEVELS = ["EN", "MI", "SE", "EX", "unknown"]
FIGURES = ["min", "p10", "p25", "median", "p75", "p90", "max", "mean"]


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
        cols = line.rstrip("\n").split("\t")
        ext, title, level, _etype, cur, lo, hi = cols[:7]
        rows.append({"title": title, "level": level if level != "-" else "unknown",
                     "currency": cur, "min": None if lo == "-" else float(lo),
                     "max": None if hi == "-" else float(hi),
                     "estimate": len(cols) > 7 and cols[7] == "estimate"})
    return rows


def parse_rates(text):
    """"GBP=0.8@2025-01-17,..." -> {"GBP": (0.8, "2025-01-17"), ...}"""
    rates = {}
    for item in filter(None, text.split(",")):
        code, rest = item.split("=")
        per_usd, as_of = rest.split("@")
        rates[code] = (float(per_usd), as_of)
    return rates


def expected(rows, role, currency="USD", rates=None, estimates=False):
    """The report jobstats should print; rates (a dict) when converting;
    estimates when the boards' own estimates count."""
    picked = [r for r in rows if role_matches(role, r["title"])]
    convert = rates is not None and currency in rates

    def converts(r):
        return convert and r["currency"] != currency and r["currency"] in rates

    def left_out_estimate(r):
        return r["estimate"] and r["currency"] != "-" and not estimates

    counted = [r for r in picked if not left_out_estimate(r)]
    paid = [r for r in counted if (r["currency"] == currency or converts(r)) and r["min"] is not None]

    paid_ids = {id(r) for r in paid}

    def counts(group):
        """A group's postings and counts: of n, and left out of it."""
        return {
            "postings": len(group),
            "converted": sum(1 for r in group if id(r) in paid_ids and converts(r)),
            "estimated": sum(1 for r in group if id(r) in paid_ids and r["estimate"]),
            "other_currency": sum(1 for r in group if r["currency"] not in ("-", currency)
                                  and not converts(r) and not left_out_estimate(r)),
            "unknown_period": sum(1 for r in group if r["currency"] != "-" and r["min"] is None
                                  and not left_out_estimate(r)
                                  and (r["currency"] == currency or converts(r))),
            "estimates": sum(1 for r in group if left_out_estimate(r)),
        }

    def mid(r):
        m = (r["min"] + r["max"]) / 2
        return m / rates[r["currency"]][0] * rates[currency][0] if converts(r) else m

    used = sorted({r["currency"] for r in paid if converts(r)})
    listed = ([currency] if used and currency != "USD" else []) + used
    return {
        "role": role, **counts(picked),
        "with_salary": sum(1 for r in picked if r["currency"] != "-"),
        "provenance": ["structured", "text"] + (["estimate"] if estimates else []),
        "currency": currency, "period": "year",
        # the constants: 2080 hours, 260 days, 52 weeks, 12 months
        "annualization": {"hour": 2080, "day": 260, "week": 52, "month": 12, "year": 1},
        "salary": summary([mid(r) for r in paid]),
        "by_level": [{"level": l, **counts([r for r in picked if r["level"] == l]),
                      "salary": summary([mid(r) for r in paid if r["level"] == l])}
                     for l in LEVELS],
        "rates": [{"currency": c, "per_usd": rates[c][0], "as_of": rates[c][1],
                   "postings": sum(1 for r in paid if r["currency"] == c and converts(r))}
                  for c in listed],
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
    args = sys.argv[1:]
    estimates = "--include-estimates" in args
    args = [a for a in args if a != "--include-estimates"]
    tsv, role, actual = args[0:3]
    currency = args[3] if len(args) > 3 else "USD"
    rates = parse_rates(args[4]) if len(args) > 4 else None
    if rates is not None:
        rates.setdefault("USD", (1.0, None))
    got = json.load(open(actual, encoding="utf-8"))
    errors = []
    compare("report", expected(load(tsv), role, currency, rates, estimates), got, errors)
    for e in errors:
        print(e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
