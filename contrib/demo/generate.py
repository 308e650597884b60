#!/usr/bin/env python3
"""Generate the jobstats demo job board from the aijobs.net salary index.

usage: python3 contrib/demo/generate.py /path/to/salaries.csv contrib/demo

Writes index.html, page-2.html, page-3.html, page-4.html (4 pages x 50
postings, linked by rel="next") and expected-summary.txt into the output
directory.  Standard library only; a fixed seed makes every run produce
byte-identical files from the same CSV.

salary data: aijobs.net salary index, CC0
(foorilla/ai-jobs-net-salaries, snapshot 2025-01-19)
Companies, cities, dates and descriptions are invented.
"""

import csv
import datetime
import html
import json
import os
import random
import re
import sys

SEED = 20250119
PAGES = 4
PER_PAGE = 50
TOTAL = PAGES * PER_PAGE
FIRST_ID = 1001
NOW = datetime.date(2025, 1, 20)            # the day the board "was saved"
DATE_FIRST = datetime.date(2024, 11, 1)
DATE_LAST = datetime.date(2025, 1, 19)

LEVELS = {
    "EN": "Entry-level / Junior",
    "MI": "Mid-level / Intermediate",
    "SE": "Senior-level / Expert",
    "EX": "Executive-level / Director",
}
TYPES = {
    "FT": ("Full Time", "FULL_TIME"),
    "PT": ("Part Time", "PART_TIME"),
    "CT": ("Contract", "CONTRACTOR"),
    "FL": ("Freelance", "CONTRACTOR"),
}
PREFIX = {"EN": "Junior ", "SE": "Senior ", "EX": "Lead "}
SENIORITY_RE = re.compile(
    r"\b(senior|junior|lead|principal|staff|head|chief|director|vp|"
    r"manager|member)\b", re.I)
DATA_ENGINEER_RE = re.compile(r"\bdata engineer\b", re.I)

# Fictional companies (any resemblance is accidental).  A few carry "&",
# an apostrophe or non-ASCII letters on purpose: extractors must unescape.
COMPANIES = [
    "Brightwater Analytics", "Corvid Data Co.", "Halcyon Metrics",
    "Lumen & Vale", "Ostrander Health", "Pinecrest Logistics",
    "Tessellate AI", "Kestrel Robotics", "Marigold Retail Group",
    "Ironbark Financial", "Bluefen Telecom", "Saltmarsh Energy",
    "Quarry Hill Insurance", "Fernwood Bank", "Gannet Mobility",
    "Heronsgate Labs", "O'Rourke & Daughters", "Juniper Row",
    "Larkspur Genomics", "Mossgiel Software", "Nettlebed Media",
    "Orrery Systems", "Pemberly Freight", "Quillon Security",
    "Redshank Games", "Sablewood Pharma", "Thistledown Foods",
    "Umberfield Capital", "Verdigris Climate", "Wrenfield Education",
    "Yarrowby Travel", "Zephyrine Cloud", "Café Lumière Analytics",
    "Nordlys Dataværk", "Amberleigh Civic Tech", "Bramblecote Energy",
    "Cinderford Mapping", "Driftwood Payments", "Eskerfield Hospitals",
    "Foxglove Retail",
]

# company_location -> (country name, [cities]); US cities carry a state.
COUNTRIES = {
    "US": ("United States", [
        ("Austin", "TX"), ("New York", "NY"), ("San Francisco", "CA"),
        ("Seattle", "WA"), ("Boston", "MA"), ("Chicago", "IL"),
        ("Denver", "CO"), ("Atlanta", "GA"), ("Raleigh", "NC"),
        ("Pittsburgh", "PA"), ("Minneapolis", "MN"),
        ("Salt Lake City", "UT"), ("Columbus", "OH"), ("Portland", "OR"),
        ("Washington", "DC")]),
    "CA": ("Canada", ["Toronto", "Vancouver", "Montréal", "Calgary"]),
    "GB": ("United Kingdom", ["London", "Manchester", "Edinburgh", "Bristol",
                              "Leeds"]),
    "IE": ("Ireland", ["Dublin", "Cork"]),
    "DE": ("Germany", ["Berlin", "Munich", "Hamburg", "Düsseldorf"]),
    "FR": ("France", ["Paris", "Lyon", "Toulouse"]),
    "ES": ("Spain", ["Madrid", "Barcelona", "Málaga"]),
    "PT": ("Portugal", ["Lisbon", "Porto"]),
    "NL": ("Netherlands", ["Amsterdam", "Rotterdam", "Utrecht"]),
    "BE": ("Belgium", ["Brussels", "Ghent"]),
    "LU": ("Luxembourg", ["Luxembourg"]),
    "AT": ("Austria", ["Vienna", "Graz"]),
    "CH": ("Switzerland", ["Zürich", "Geneva", "Basel"]),
    "IT": ("Italy", ["Milan", "Rome", "Turin"]),
    "GR": ("Greece", ["Athens", "Thessaloniki"]),
    "CY": ("Cyprus", ["Limassol", "Nicosia"]),
    "MT": ("Malta", ["Valletta"]),
    "PL": ("Poland", ["Warsaw", "Kraków", "Wrocław"]),
    "CZ": ("Czechia", ["Prague", "Brno"]),
    "SK": ("Slovakia", ["Bratislava", "Košice"]),
    "HU": ("Hungary", ["Budapest"]),
    "SI": ("Slovenia", ["Ljubljana"]),
    "RO": ("Romania", ["Bucharest", "Cluj-Napoca"]),
    "LT": ("Lithuania", ["Vilnius", "Kaunas"]),
    "LV": ("Latvia", ["Riga"]),
    "EE": ("Estonia", ["Tallinn", "Tartu"]),
    "FI": ("Finland", ["Helsinki", "Espoo"]),
    "SE": ("Sweden", ["Stockholm", "Gothenburg"]),
    "NO": ("Norway", ["Oslo", "Bergen"]),
    "DK": ("Denmark", ["Copenhagen", "Aarhus"]),
    "UA": ("Ukraine", ["Kyiv", "Lviv"]),
    "TR": ("Türkiye", ["Istanbul", "Ankara"]),
    "IL": ("Israel", ["Tel Aviv", "Haifa"]),
    "AE": ("United Arab Emirates", ["Dubai", "Abu Dhabi"]),
    "EG": ("Egypt", ["Cairo", "Alexandria"]),
    "ZA": ("South Africa", ["Cape Town", "Johannesburg"]),
    "IN": ("India", ["Bengaluru", "Hyderabad", "Pune", "Gurugram"]),
    "SG": ("Singapore", ["Singapore"]),
    "PH": ("Philippines", ["Manila", "Cebu City"]),
    "JP": ("Japan", ["Tokyo", "Osaka"]),
    "AU": ("Australia", ["Sydney", "Melbourne", "Brisbane"]),
    "NZ": ("New Zealand", ["Auckland", "Wellington"]),
    "BR": ("Brazil", ["São Paulo", "Rio de Janeiro"]),
    "MX": ("Mexico", ["Mexico City", "Guadalajara"]),
    "AR": ("Argentina", ["Buenos Aires", "Córdoba"]),
    "CO": ("Colombia", ["Bogotá", "Medellín"]),
    "CL": ("Chile", ["Santiago"]),
}

# How many postings to draw in each non-USD currency (the index is ~95%
# USD; the board shows more of the rest so parsers meet them).
CURRENCY_QUOTA = [("GBP", 16), ("EUR", 14), ("CAD", 6), ("INR", 4),
                  ("AUD", 2), ("CHF", 2), ("PLN", 2), ("SGD", 1),
                  ("BRL", 1), ("JPY", 1)]
TYPE_QUOTA = [("PT", 3), ("CT", 3), ("FL", 2)]
HYBRID_QUOTA = 6
DATA_ENGINEER_TARGET = 30
ML_ENGINEER_TARGET = 12
MANAGER_TITLES = ["Data Operations Manager", "Data Manager",
                  "Data Management Manager", "Data Analytics Manager",
                  "Data Governance Manager", "Data Quality Manager",
                  "Data Operations Specialist"]
MANAGER_TARGET = 9
MUST_HAVE_TITLES = ["Data Operations Manager", "Data Operations Manager",
                    "Machine Learning Software Engineer",
                    "Admin & Data Analyst"]
TITLE_CAP = 10
TITLE_CAPS = {"Data Engineer": 28, "Machine Learning Engineer": 12}
LEVEL_QUOTA = [("EX", 4)]
NO_SALARY = TOTAL // 10
PREFIXED = 20                    # seniority prefixes added (10% of 200)
NO_LEVEL = 4                     # cards without a level badge


def kround(amount):
    """Round a full-unit amount to whole thousands, half up."""
    return int((amount + 500) // 1000)


def load_candidates(path):
    """Group the CSV into postings: a pair of consecutive rows equal in all
    columns but salary is one advertised range, any other row one value."""
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))

    def key(r):
        return tuple(v for k, v in r.items()
                     if k not in ("salary", "salary_in_usd"))

    cands = []
    i = 0
    while i < len(rows):
        r = rows[i]
        line = i + 2                         # 1-based, after the header
        if (i + 1 < len(rows) and key(rows[i + 1]) == key(r)
                and rows[i + 1]["salary"] != r["salary"]):
            a, b = int(r["salary"]), int(rows[i + 1]["salary"])
            cands.append(dict(r, lo=min(a, b), hi=max(a, b), pair=True,
                              line=line))
            i += 2
        else:
            v = int(r["salary"])
            cands.append(dict(r, lo=v, hi=v, pair=False, line=line))
            i += 1
    return [c for c in cands if c["company_location"] in COUNTRIES]


class Picker:
    def __init__(self, cands, rng):
        self.cands = cands
        self.rng = rng
        self.chosen = []
        self.used = set()
        self.per_title = {}

    def ok(self, c):
        return (c["line"] not in self.used
                and self.per_title.get(c["job_title"], 0)
                < TITLE_CAPS.get(c["job_title"], TITLE_CAP))

    def take(self, c):
        self.used.add(c["line"])
        self.per_title[c["job_title"]] = \
            self.per_title.get(c["job_title"], 0) + 1
        self.chosen.append(c)

    def draw(self, pred, n, recent=True):
        """Take n random candidates satisfying pred (recent years first)."""
        pool = [c for c in self.cands if pred(c) and self.ok(c)]
        if recent:
            fresh = [c for c in pool if c["work_year"] >= "2024"]
            if len(fresh) >= n:
                pool = fresh
        got = 0
        while got < n and pool:
            c = pool.pop(self.rng.randrange(len(pool)))
            if self.ok(c):
                self.take(c)
                got += 1
        return got

    def count(self, pred):
        return sum(1 for c in self.chosen if pred(c))


def select(cands, rng):
    p = Picker(cands, rng)
    for title in MUST_HAVE_TITLES:
        p.draw(lambda c, t=title: c["job_title"] == t, 1)
    for cur, n in CURRENCY_QUOTA:
        p.draw(lambda c, cur=cur: c["salary_currency"] == cur, n)
    for et, n in TYPE_QUOTA:
        p.draw(lambda c, et=et: c["employment_type"] == et, n)
    p.draw(lambda c: c["remote_ratio"] == "50", HYBRID_QUOTA)
    for lv, n in LEVEL_QUOTA:
        p.draw(lambda c, lv=lv: c["experience_level"] == lv, n)

    usd = lambda c: c["salary_currency"] == "USD"
    is_de = lambda c: bool(DATA_ENGINEER_RE.search(c["job_title"]))
    # a few variants first, then the plain title fills the target
    p.draw(lambda c: is_de(c) and c["job_title"] != "Data Engineer", 5)
    p.draw(lambda c: usd(c) and c["job_title"] == "Data Engineer",
           DATA_ENGINEER_TARGET - p.count(is_de))
    is_ml = lambda c: "Machine Learning Engineer" in c["job_title"]
    p.draw(lambda c: usd(c) and is_ml(c), ML_ENGINEER_TARGET - p.count(is_ml))
    is_mgr = lambda c: c["job_title"] in MANAGER_TITLES
    p.draw(is_mgr, MANAGER_TARGET - p.count(is_mgr))

    # Long tail: alternate between an unseen title (uniform over titles)
    # and a row drawn as the index is distributed, never past the caps.
    # Both draws exclude Data Engineer titles so the target above holds.
    tail = [c for c in cands if usd(c) and c["work_year"] >= "2024"
            and not is_de(c)]
    titles = sorted({c["job_title"] for c in tail})
    turn = 0
    while len(p.chosen) < TOTAL:
        if turn % 2 == 0:
            unseen = [t for t in titles if t not in p.per_title]
            if unseen:
                t = unseen[rng.randrange(len(unseen))]
                p.draw(lambda c, t=t: c["job_title"] == t and usd(c)
                       and not is_de(c), 1)
        else:
            c = tail[rng.randrange(len(tail))]
            if p.ok(c):
                p.take(c)
        turn += 1
    return p.chosen


def slugify(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def relative(d):
    days = (NOW - d).days
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    if days < 7:
        return "%d days ago" % days
    if days < 30:
        w = days // 7
        return "1 week ago" if w == 1 else "%d weeks ago" % w
    m = days // 30
    return "1 month ago" if m == 1 else "%d months ago" % m


def build_postings(chosen, rng):
    rng.shuffle(chosen)
    span = (DATE_LAST - DATE_FIRST).days
    dates = sorted((DATE_FIRST + datetime.timedelta(days=rng.randrange(span + 1))
                    for _ in chosen), reverse=True)       # newest first
    no_salary = set(rng.sample(range(TOTAL), NO_SALARY))
    eligible = [i for i, c in enumerate(chosen)
                if c["experience_level"] in PREFIX
                and not SENIORITY_RE.search(c["job_title"])]
    prefixed = set(rng.sample(eligible, min(PREFIXED, len(eligible))))
    no_level = set(rng.sample(range(TOTAL), NO_LEVEL))
    jsonld = set()
    for page in range(PAGES):
        ids = range(page * PER_PAGE, (page + 1) * PER_PAGE)
        jsonld.update(rng.sample(list(ids), 17 if page < 3 else 16))

    posts = []
    for i, c in enumerate(chosen):
        title = c["job_title"]
        if i in prefixed:
            title = PREFIX[c["experience_level"]] + title
        jid = FIRST_ID + i
        cc = c["company_location"]
        country, cities = COUNTRIES[cc]
        city = cities[rng.randrange(len(cities))]
        region = None
        if cc == "US":
            city, region = city
        place = "%s, %s" % (city, region if region else country)
        if c["remote_ratio"] == "100":
            mode = "remote"
            location = ("Remote (anywhere in the U.S.)" if cc == "US"
                        else "Remote - " + country)
        elif c["remote_ratio"] == "50":
            mode = "hybrid"
            location = "Hybrid - " + place
        else:
            mode = "onsite"
            location = place

        # salary: (shape, min K, max K); shape range / single / floor
        sal = None
        lo, hi = kround(c["lo"]), kround(c["hi"])
        if i not in no_salary:
            if c["pair"] and lo != hi:
                sal = ("range", lo, hi)
            elif c["pair"]:
                sal = ("single", lo, lo)
            else:
                x = rng.random()
                if x < 0.70:
                    sal = ("range", kround(c["lo"] * 0.90),
                           kround(c["lo"] * 1.15))
                elif x < 0.85:
                    sal = ("floor", lo, None)
                else:
                    sal = ("single", lo, lo)
        posts.append({
            "id": jid,
            "title": title,
            "href": "jobs/%d-%s.html" % (jid, slugify(title)),
            "company": COMPANIES[rng.randrange(len(COMPANIES))],
            "location": location,
            "mode": mode,
            "cc": cc,
            "country": country,
            "city": city,
            "region": region,
            "etype": c["employment_type"],
            "level": None if i in no_level else c["experience_level"],
            "currency": c["salary_currency"],
            "salary": sal,
            "date": dates[i],
            "jsonld": i in jsonld,
            "line": c["line"],
        })
    return posts


def salary_text(p):
    shape, lo, hi = p["salary"]
    cur = p["currency"]
    if shape == "range":
        return "%s %dK - %dK" % (cur, lo, hi)
    if shape == "floor":
        return "%s %dK+" % (cur, lo)
    return "%s %dK" % (cur, lo)


E = lambda s: html.escape(s, quote=True)


def card(p):
    badges = ['<span class="badge job-type">%s</span>'
              % E(TYPES[p["etype"]][0])]
    if p["level"]:
        badges.append('<span class="badge job-level">%s</span>'
                      % E(LEVELS[p["level"]]))
    if p["salary"]:
        badges.append('<span class="badge job-salary">%s</span>'
                      % E(salary_text(p)))
    return "\n".join([
        '<li class="job-card" data-job-id="%d">' % p["id"],
        '  <a class="job-link" href="%s"><h3 class="job-title">%s</h3></a>'
        % (E(p["href"]), E(p["title"])),
        '  <p class="job-meta">@ <span class="job-company">%s</span> | '
        '<span class="job-location">%s</span></p>'
        % (E(p["company"]), E(p["location"])),
        '  <p class="job-badges">%s</p>' % " ".join(badges),
        '  <time class="job-posted" datetime="%s">%s</time>'
        % (p["date"].isoformat(), relative(p["date"])),
        '</li>',
    ])


TEAMS = ["data platform", "analytics", "machine learning", "data",
         "research", "product", "infrastructure", "decision science"]


# What a posting asks for, by the kind of title: invented sentences (like the
# rest of the descriptions) so that a report's profile fit has something to
# read.  Drawn from a generator seeded by the job id, so adding them left
# every other generated value as it was.
ASKS = {
    "ml": ["Python", "PyTorch", "TensorFlow", "scikit-learn", "feature engineering",
           "machine learning", "deep learning", "MLOps", "SageMaker", "Git",
           "statistics", "pipelines", "model performance", "production"],
    "ops": ["SQL", "Tableau", "Power BI", "data governance", "data quality",
            "GDPR", "Informatica", "Talend", "ETL", "data integration",
            "project management", "stakeholders", "reporting", "Excel"],
    "eng": ["Python", "SQL", "Spark", "Airflow", "AWS", "pipelines", "ETL",
            "data quality", "Git", "dbt", "Kafka", "production"],
}


def asks_for(p):
    t = p["title"].lower()
    if any(w in t for w in ("machine learning", "ml ", "mlops", "ai ", "deep learning",
                            "scientist", "computer vision", "nlp")):
        kind = "ml"
    elif any(w in t for w in ("analyst", "operations", "governance", "manager",
                              "quality", "bi ", "business intelligence", "product")):
        kind = "ops"
    else:
        kind = "eng"
    pick = random.Random(p["id"]).sample(ASKS[kind], 4)
    return " You will work with %s, %s, %s and %s." % tuple(pick)


def jobposting(p, rng, context=True):
    obj = {}
    if context:
        obj["@context"] = "https://schema.org"
    obj["@type"] = "JobPosting"
    obj["title"] = p["title"]
    obj["url"] = p["href"]
    obj["identifier"] = {"@type": "PropertyValue", "name": p["company"],
                         "value": str(p["id"])}
    obj["datePosted"] = p["date"].isoformat()
    team = TEAMS[rng.randrange(len(TEAMS))]
    where = {"remote": "This role is fully remote.",
             "hybrid": "This is a hybrid role based in %s." % p["city"],
             "onsite": "This role is based in %s." % p["city"]}[p["mode"]]
    article = "an" if p["title"][:1] in "AEIOU" else "a"
    obj["description"] = "%s is hiring %s %s to join its %s team. %s%s" % (
        p["company"], article, p["title"], team, where, asks_for(p))
    obj["employmentType"] = TYPES[p["etype"]][1]
    obj["hiringOrganization"] = {"@type": "Organization",
                                 "name": p["company"]}
    address = {"@type": "PostalAddress"}
    if p["mode"] != "remote":
        address["addressLocality"] = p["city"]
        if p["region"]:
            address["addressRegion"] = p["region"]
    address["addressCountry"] = p["cc"]
    obj["jobLocation"] = {"@type": "Place", "address": address}
    if p["mode"] == "remote":
        obj["jobLocationType"] = "TELECOMMUTE"
        obj["applicantLocationRequirements"] = {"@type": "Country",
                                                "name": p["cc"]}
    if p["salary"]:
        shape, lo, hi = p["salary"]
        value = {"@type": "QuantitativeValue"}
        if shape == "range":
            value["minValue"] = lo * 1000
            value["maxValue"] = hi * 1000
        elif shape == "floor":
            value["minValue"] = lo * 1000
        else:
            value["value"] = lo * 1000
        value["unitText"] = "YEAR"
        obj["baseSalary"] = {"@type": "MonetaryAmount",
                             "currency": p["currency"], "value": value}
    return obj


def ld_script(obj):
    text = json.dumps(obj, ensure_ascii=False, indent=2)
    text = text.replace("</", "<\\/")
    return '<script type="application/ld+json">\n%s\n</script>' % text


SITE_LD = {
    "@context": "https://schema.org",
    "@type": "WebSite",
    "name": "Quantile Jobs (demo)",
    "url": "index.html",
    "publisher": {"@type": "Organization", "name": "Quantile Jobs"},
}

FACETS = [("$40,000+", 188), ("$60,000+", 171), ("$80,000+", 149),
          ("$100,000+", 118), ("$120,000+", 87), ("$150,000+", 52),
          ("$200,000+", 14)]


def page_name(n):
    return "index.html" if n == 1 else "page-%d.html" % n


def render_page(n, posts, rng):
    first = (n - 1) * PER_PAGE
    lds = [p for p in posts if p["jsonld"]]
    head_ld, body_ld = [ld_script(SITE_LD)], []
    if n == 1:                       # one object per posting, in <head>
        head_ld += [ld_script(jobposting(p, rng)) for p in lds]
    elif n == 2:                     # one JSON array before </body>
        body_ld.append(ld_script([jobposting(p, rng) for p in lds]))
    elif n == 3:                     # one @graph object in <head>
        head_ld.append(ld_script({
            "@context": "https://schema.org",
            "@graph": [jobposting(p, rng, context=False) for p in lds]}))
    else:                            # array in <head> + singles at the end
        half = len(lds) // 2
        head_ld.append(ld_script([jobposting(p, rng) for p in lds[:half]]))
        body_ld += [ld_script(jobposting(p, rng)) for p in lds[half:]]

    links = []
    if n > 1:
        links.append('<link rel="prev" href="%s">' % page_name(n - 1))
    if n < PAGES:
        links.append('<link rel="next" href="%s">' % page_name(n + 1))

    facets = "\n".join(
        '          <li><a href="?salary_min=%s">%s</a> <span class="count">(%d)</span></li>'
        % (label.strip("$+").replace(",", ""), E(label), count)
        for label, count in FACETS)
    pager = []
    if n > 1:
        pager.append('<a rel="prev" href="%s">Previous page</a>'
                     % page_name(n - 1))
    pager.append('<span class="page-current">Page %d of %d</span>'
                 % (n, PAGES))
    if n < PAGES:
        pager.append('<a rel="next" href="%s">Next page</a>'
                     % page_name(n + 1))

    out = []
    out.append("""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Data &amp; AI jobs - page %d of %d - Quantile Jobs (demo)</title>
<meta name="description" content="Demo job board for jobstats: 200 postings built from the aijobs.net salary index (CC0).">
%s
<link rel="stylesheet" href="assets/board.css">
%s
</head>
<body>
<div class="site-header" id="top">
  <a class="brand" href="index.html">Quantile Jobs</a>
  <div class="site-nav" role="navigation">
    <ul>
      <li><a href="index.html">Jobs</a></li>
      <li><a href="salaries.html">Salaries</a></li>
      <li><a href="companies.html">Companies</a></li>
      <li><a href="post.html">Post a job &ndash; from $299</a></li>
      <li><a href="login.html">Sign in</a></li>
    </ul>
  </div>
</div>
<div class="main" role="main">
  <div class="search">
    <form class="search-form" action="index.html" method="get">
      <label for="q">Keywords</label>
      <input id="q" name="q" type="search" placeholder="e.g. Data Engineer">
      <label for="where">Location</label>
      <input id="where" name="where" type="text" placeholder="City, country or Remote">
      <fieldset class="facet facet-salary">
        <legend>Salary estimate</legend>
        <ul>
%s
        </ul>
      </fieldset>
      <button type="submit">Search jobs</button>
    </form>
    <p class="promo">Featured listings from $99 a week. Alerts are free.</p>
  </div>
  <div class="results">
    <h2>Showing %d&ndash;%d of %d jobs</h2>
    <ul class="job-list">
""" % (n, PAGES, "\n".join(links), "\n".join(head_ld), facets,
       first + 1, first + len(posts), TOTAL))
    out.append("\n".join(card(p) for p in posts))
    out.append("""
    </ul>
    <div class="pager" role="navigation">
      %s
    </div>
  </div>
</div>
<div class="site-footer" role="contentinfo">
  <p>Quantile Jobs is a demo board bundled with jobstats. Companies, cities
  and dates are invented; titles, levels, currencies and pay come from real
  rows of the salary index.</p>
  <p>salary data: aijobs.net salary index, CC0</p>
  <p><a href="privacy.html">Privacy</a> &middot; <a href="terms.html">Terms</a></p>
</div>
<script>
  (function () {
    var root = document.documentElement;
    root.className = (root.className ? root.className + " " : "") + "js";
  })();
</script>
%s
</body>
</html>
""" % ("\n      ".join(pager), "\n".join(body_ld)))
    text = "".join(out)
    return re.sub(r"\n{2,}", "\n", text)


def median(xs):
    xs = sorted(xs)
    n = len(xs)
    if n == 0:
        return None
    if n % 2:
        return xs[n // 2]
    return (xs[n // 2 - 1] + xs[n // 2]) / 2


def fmt(x):
    if x is None:
        return "none"
    if float(x).is_integer():
        return str(int(x))
    return "%.1f" % x


def midpoint(p):
    """Midpoint in full units; a single value or a floor counts as both."""
    shape, lo, hi = p["salary"]
    if hi is None:
        hi = lo
    return (lo + hi) * 1000 / 2


def summary(posts, jsonld_scripts):
    lines = []
    add = lambda k, v: lines.append("%s: %s" % (k, v))
    add("total_postings", len(posts))
    add("pages", PAGES)
    for n in range(1, PAGES + 1):
        add("postings_page_%d" % n, PER_PAGE)
    add("first_job_id", posts[0]["id"])
    add("last_job_id", posts[-1]["id"])
    sal = [p for p in posts if p["salary"]]
    add("postings_with_salary", len(sal))
    add("postings_without_salary", len(posts) - len(sal))
    for shape in ("range", "single", "floor"):
        add("salary_%s" % shape, sum(1 for p in sal if p["salary"][0] == shape))
    for cur in sorted({p["currency"] for p in sal}):
        add("salary_currency_%s" % cur,
            sum(1 for p in sal if p["currency"] == cur))
    for code in ("EN", "MI", "SE", "EX"):
        add("level_%s" % code, sum(1 for p in posts if p["level"] == code))
    add("level_missing", sum(1 for p in posts if not p["level"]))
    for code in ("FT", "PT", "CT", "FL"):
        add("employment_%s" % code, sum(1 for p in posts if p["etype"] == code))
    for mode in ("remote", "hybrid", "onsite"):
        add("location_%s" % mode, sum(1 for p in posts if p["mode"] == mode))
    add("postings_with_jsonld", sum(1 for p in posts if p["jsonld"]))
    add("jsonld_scripts", jsonld_scripts)
    add("jsonld_jobpostings_with_salary",
        sum(1 for p in posts if p["jsonld"] and p["salary"]))

    def usd_stats(prefix, group):
        u = [p for p in group if p["salary"] and p["currency"] == "USD"]
        add("%s_usd_with_salary" % prefix, len(u))
        add("%s_usd_floor_only" % prefix,
            sum(1 for p in u if p["salary"][0] == "floor"))
        add("%s_usd_median_midpoint" % prefix,
            fmt(median([midpoint(p) for p in u])))
        add("%s_usd_median_midpoint_excluding_floors" % prefix,
            fmt(median([midpoint(p) for p in u if p["salary"][0] != "floor"])))

    de = [p for p in posts if DATA_ENGINEER_RE.search(p["title"])]
    add("data_engineer_postings", len(de))
    add("data_engineer_with_salary", sum(1 for p in de if p["salary"]))
    usd_stats("data_engineer", de)
    usd_stats("all", posts)
    return "\n".join(lines) + "\n"


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: %s SALARIES_CSV OUTDIR\n" % argv[0])
        return 2
    rng = random.Random(SEED)
    chosen = select(load_candidates(argv[1]), rng)
    posts = build_postings(chosen, rng)
    os.makedirs(argv[2], exist_ok=True)
    scripts = 0
    for n in range(1, PAGES + 1):
        chunk = posts[(n - 1) * PER_PAGE:n * PER_PAGE]
        text = render_page(n, chunk, rng)
        scripts += text.count('<script type="application/ld+json">')
        with open(os.path.join(argv[2], page_name(n)), "w",
                  encoding="utf-8", newline="\n") as f:
            f.write(text)
    with open(os.path.join(argv[2], "expected-summary.txt"), "w",
              encoding="utf-8", newline="\n") as f:
        f.write(summary(posts, scripts))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
