#!/usr/bin/env python3
"""bench-crawl.py - the crawl bench's helpers (tests/bench-crawl.sh).

    bench-crawl.py site DIR PAGES HOSTS CFG generate the corpus, print its bytes
    bench-crawl.py measure FILE CMD...      run CMD, print "WALL_NS MAXRSS_KB"
    bench-crawl.py table RESULTS            the bench's rows from the results

The corpus: PAGES pages spread over HOSTS hosts; host h has a chain
/h<h>/p1.html -> p2.html -> ... linked by <a rel="next">, the last page
without one.  Each page is 20-40 KB: a header, navigation and footer of
boilerplate, a stylesheet and a script, and five job cards, each with its
schema.org JobPosting in a JSON-LD block (title, hiringOrganization,
jobLocation, baseSalary, employmentType, datePosted, description).  Every
figure comes from a seeded random generator: the same corpus every run.
Posting URLs are relative (job-K-J.html), so nothing in a page points
outside the server that serves it.  CFG gets a curl -K config fetching
the same pages, round robin over the hosts as a crawl of all sources goes,
with @PORT@ for the server's port (known only once the server runs).
"""

import json
import os
import random
import statistics
import subprocess
import sys
import time

TITLES = [
    "Data Engineer", "Senior Data Engineer", "Machine Learning Engineer",
    "Data Operations Manager", "Analytics Engineer", "Data Analyst",
    "Machine Learning Software Engineer", "Data Scientist", "BI Developer",
    "Platform Engineer", "MLOps Engineer", "Staff Data Engineer",
]
COMPANIES = [
    "Northwind Analytics", "Contoso Data", "Fabrikam Labs", "Tailspin Robotics",
    "Wide World Importers", "Adventure Works", "Litware Systems", "Proseware",
    "Lucerne Publishing", "Margie's Travel", "Trey Research", "Woodgrove Bank",
]
PLACES = [
    ("Chicago", "US", "USD"), ("Denver", "US", "USD"), ("Austin", "US", "USD"),
    ("London", "GB", "GBP"), ("Leeds", "GB", "GBP"), ("Berlin", "DE", "EUR"),
    ("Munich", "DE", "EUR"), ("Amsterdam", "NL", "EUR"), ("Toronto", "CA", "CAD"),
]
TYPES = ["FULL_TIME", "FULL_TIME", "FULL_TIME", "CONTRACTOR", "PART_TIME"]
WORDS = ("pipeline warehouse streaming batch quality lineage model feature "
         "dashboard stakeholder schema orchestration airflow spark dbt kafka "
         "python sql latency reliability governance experiment platform cloud "
         "team mentor roadmap observability cost migration").split()

STYLE = ".card{border:1px solid #ddd;margin:1em 0;padding:1em}" * 12
SCRIPT = ("window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push"
          "(arguments)}gtag('js',new Date());") * 10
NAV = "".join('<li><a href="/about/%d.html">Section %d</a></li>' % (i, i)
              for i in range(40))
FOOTER = "<p>" + " ".join(WORDS * 6) + "</p>"


# Description paragraphs are drawn from this pool: generating every word
# anew made the corpus slower to write than to crawl.
_POOL = random.Random(1)
SENTENCES = [" ".join(_POOL.choice(WORDS) for _ in range(_POOL.randrange(12, 30)))
             .capitalize() + "." for _ in range(400)]


def posting(rng, h, k, j):
    title = rng.choice(TITLES)
    city, country, currency = rng.choice(PLACES)
    low = rng.randrange(40, 160) * 1000
    paras = rng.sample(SENTENCES, rng.randrange(5, 17))
    return {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": title,
        "hiringOrganization": {"@type": "Organization", "name": rng.choice(COMPANIES)},
        "identifier": {"@type": "PropertyValue", "value": "B-%d-%d-%d" % (h, k, j)},
        "datePosted": "2026-%02d-%02d" % (rng.randrange(1, 12), rng.randrange(1, 28)),
        "employmentType": rng.choice(TYPES),
        "jobLocation": {"@type": "Place", "address": {
            "@type": "PostalAddress", "addressLocality": city, "addressCountry": country}},
        "baseSalary": {"@type": "MonetaryAmount", "currency": currency, "value": {
            "@type": "QuantitativeValue", "minValue": low,
            "maxValue": low + rng.randrange(10, 60) * 1000, "unitText": "YEAR"}},
        "description": "\n".join(paras),
        "url": "job-%d-%d.html" % (k, j),
    }


def card(p):
    org = p["hiringOrganization"]["name"]
    where = p["jobLocation"]["address"]["addressLocality"]
    desc = "".join("<p>%s</p>" % line for line in p["description"].split("\n"))
    ld = json.dumps(p, indent=1).replace("</", "<\\/")
    return ('<article class="card"><h2><a href="%s">%s</a></h2><p class="org">%s'
            '</p><p class="where">%s</p><div class="desc">%s</div></article>\n'
            '<script type="application/ld+json">%s</script>\n'
            % (p["url"], p["title"], org, where, desc, ld))


def page(rng, h, k, last):
    cards = "".join(card(posting(rng, h, k, j)) for j in range(1, 6))
    nxt = "" if last else '<a rel="next" href="p%d.html">Next page</a>' % (k + 1)
    return ('<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
            '<title>Jobs on board %d, page %d</title><style>%s</style>'
            '<script>%s</script></head><body><nav><ul>%s</ul></nav><main>\n%s'
            '<p class="pager">%s</p></main><footer>%s</footer></body></html>\n'
            % (h, k, STYLE, SCRIPT, NAV, cards, nxt, FOOTER))


def make_site(root, pages, hosts, cfg):
    per_host = pages // hosts
    total = 0
    for h in range(1, hosts + 1):
        os.makedirs(os.path.join(root, "h%d" % h), exist_ok=True)
        for k in range(1, per_host + 1):
            rng = random.Random(h * 100003 + k)
            body = page(rng, h, k, k == per_host).encode()
            with open(os.path.join(root, "h%d" % h, "p%d.html" % k), "wb") as f:
                f.write(body)
            total += len(body)
    with open(cfg, "w") as f:
        f.write("silent\nshow-error\nfail\n")
        for k in range(1, per_host + 1):
            for h in range(1, hosts + 1):
                f.write('url = "http://127.0.0.%d:@PORT@/h%d/p%d.html"\n'
                        'output = "/dev/null"\n' % (h + 1, h, k))
    print(total)


def gnu_time(probe):
    """GNU time's command line that writes the peak RSS into probe, or []."""
    try:
        subprocess.run(["time", "-f", "%M", "-o", probe, "true"], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        with open(probe) as f:
            int(f.read().split()[-1])
        return ["time", "-f", "%M", "-o", probe]
    except (OSError, ValueError, IndexError, subprocess.CalledProcessError):
        return []


def measure(rss_file, cmd):
    """Wall time of CMD, and its peak RSS in KB read by GNU time (0 without
    it).  Not getrusage(RUSAGE_CHILDREN) here: Linux keeps a process's peak
    RSS across exec, so any child of this Python starts at Python's own."""
    wrap = gnu_time(rss_file)
    start = time.monotonic_ns()
    rc = subprocess.call(wrap + cmd)
    took = time.monotonic_ns() - start
    rss = 0
    if wrap:
        with open(rss_file) as f:
            rss = int(f.read().split()[-1])
    print(took, rss)
    sys.exit(rc)


def spread(values, fmt):
    """The median of several runs and "median of N runs (min-max)"."""
    med = fmt % statistics.median(values)
    if len(values) == 1:
        return med, "1 run"
    return med, "median of %d runs (%s-%s)" % (len(values), fmt % min(values), fmt % max(values))


def row(name, figure, unit, figure2, unit2, detail):
    """One line in tests/bench's columns."""
    print("%-18s %10s %-11s %10s %-11s %s" % (name, figure, unit, figure2, unit2, detail))


def size_rows(pages, runs):
    """crawl and curl rows for one size; their pages/s, run by run."""
    rate = {}
    for kind in ("crawl", "curl"):
        rs = runs.get((pages, kind), [])
        if not rs:
            continue
        rate[kind] = [pages / (ns / 1e9) for _, ns, _ in rs]
        med, noise = spread(rate[kind], "%.0f")
        mb, _ = spread([size / 1e6 / (ns / 1e9) for size, ns, _ in rs], "%.1f")
        rss, rss_noise = spread([kb / 1024 for _, _, kb in rs], "%.1f")
        rss_noise = " " + rss_noise[rss_noise.find("("):] if len(rs) > 1 else ""
        if rs[0][2] == 0:
            rss, rss_noise = "-", " (no GNU time to read it)"
        row("%s %d pages" % (kind, pages), med, "pages/s", mb, "MB/s",
            "%s; peak RSS %s MB%s; %.1f MB of pages" % (noise, rss, rss_noise, rs[0][0] / 1e6))
    return rate


def table(path):
    """Rows from the lines "KIND PAGES BYTES WALL_NS MAXRSS_KB" of RESULTS."""
    runs = {}
    with open(path) as f:
        for line in f:
            kind, pages, size, ns, rss = line.split()
            runs.setdefault((int(pages), kind), []).append((int(size), int(ns), int(rss)))
    for pages in sorted({p for p, _ in runs}):
        rate = size_rows(pages, runs)
        if "crawl" in rate and "curl" in rate:
            med, noise = spread([a / b for a, b in zip(rate["crawl"], rate["curl"])], "%.2f")
            row("crawl/curl %d" % pages, med, "x", "", "",
                "%s: crawl's pages/s over curl's%s" % (noise, ", run by run" if "(" in noise else ""))
    peak = [(p, statistics.median(kb / 1024 for _, _, kb in rs))
            for (p, kind), rs in sorted(runs.items()) if kind == "crawl"]
    if len(peak) > 1 and min(mb for _, mb in peak) > 0:
        row("crawl peak RSS", "%.1f" % max(mb for _, mb in peak), "MB", "", "",
            "the most of: " + ", ".join("%d pages %.1f MB" % pm for pm in peak) +
            "; it should stay flat as the pages grow")


def main(argv):
    if len(argv) >= 3 and argv[0] == "measure":
        measure(argv[1], argv[2:])
    elif len(argv) == 5 and argv[0] == "site":
        make_site(argv[1], int(argv[2]), int(argv[3]), argv[4])
    elif len(argv) == 2 and argv[0] == "table":
        table(argv[1])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
