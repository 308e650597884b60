"""httpd_pages.py - the bodies tests/httpd.py makes up (no files needed).

Pure functions of their arguments: job listing pages with schema.org
JobPosting JSON-LD, a page with invalid UTF-8, the chunks of a big page, and
a gzip bomb.  Python 3 standard library only.
"""

import html
import json
import struct
import zlib

MIB = 1 << 20


def job(title, company, salary, url):
    """A schema.org JobPosting: a yearly salary in USD."""
    return {"@context": "https://schema.org", "@type": "JobPosting",
            "title": title, "url": url,
            "hiringOrganization": {"@type": "Organization", "name": company},
            "baseSalary": {"@type": "MonetaryAmount", "currency": "USD",
                           "value": {"@type": "QuantitativeValue", "value": salary,
                                     "unitText": "YEAR"}}}


def listing_page(title, jobs, next_href=None):
    """An HTML page: JSON-LD for jobs, each title in the text, a rel=next link."""
    script = ("<script type=\"application/ld+json\">\n%s\n</script>\n"
              % json.dumps(jobs if len(jobs) != 1 else jobs[0], indent=1)
              .replace("</", "<\\/") if jobs else "")
    items = "".join("<li>%s</li>\n" % html.escape(j["title"]) for j in jobs)
    pager = ('<p class="pager"><a rel="next" href="%s">Next page</a></p>\n'
             % html.escape(next_href) if next_href else "")
    return ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n"
            "<title>%s</title>\n%s</head><body>\n<h1>%s</h1>\n<ul>\n%s</ul>\n%s"
            "</body></html>\n"
            % (html.escape(title), script, html.escape(title), items, pager)).encode()


def chain_page(n, i, origin):
    """Page i of a chain of n: one job, a next link while i + 1 < n."""
    posting = job("Chain job %d" % i, "Chain Co", 100000 + i,
                  "%s/chain/%d/%d#job" % (origin, n, i))
    nxt = "/chain/%d/%d" % (n, i + 1) if i + 1 < n else None
    return listing_page("Chain page %d of %d" % (i, n), [posting], nxt)


def etag_page(name, origin):
    return listing_page("ETag page %s" % name,
                        [job("ETag job %s" % name, "ETag Co", 90000,
                             "%s/etag/%s#job" % (origin, name))])


def flaky_page(name):
    return listing_page("Flaky page %s" % name, [])


# Invalid UTF-8 in a JSON-LD title and in the text: a stray \xff, an overlong
# '/' (\xc0\xaf), a lone surrogate (\xed\xa0\x80), a truncated sequence at
# the end of the string (\xe2\x82).  The second posting is clean.
BAD_UTF8_PAGE = (
    b'<!DOCTYPE html>\n<html><head><meta charset="utf-8">\n'
    b'<title>Bad bytes \xff jobs</title>\n'
    b'<script type="application/ld+json">\n'
    b'[{"@context": "https://schema.org", "@type": "JobPosting",\n'
    b'  "title": "Data Engineer \xff\xc0\xaf \xed\xa0\x80 Bad \xe2\x82",\n'
    b'  "url": "/bad-utf8/job/1",\n'
    b'  "hiringOrganization": {"@type": "Organization", "name": "Bad Bytes Ltd"},\n'
    b'  "baseSalary": {"@type": "MonetaryAmount", "currency": "USD", "value":'
    b' {"@type": "QuantitativeValue", "value": 95000, "unitText": "YEAR"}}},\n'
    b' {"@context": "https://schema.org", "@type": "JobPosting",\n'
    b'  "title": "Clean Data Engineer",\n'
    b'  "url": "/bad-utf8/job/2",\n'
    b'  "hiringOrganization": {"@type": "Organization", "name": "Bad Bytes Ltd"},\n'
    b'  "baseSalary": {"@type": "MonetaryAmount", "currency": "USD", "value":'
    b' {"@type": "QuantitativeValue", "value": 96000, "unitText": "YEAR"}}}]\n'
    b'</script>\n</head><body>\n'
    b'<h1>Jobs \xc0\xaf at Bad \xed\xa0\x80 Bytes</h1>\n'
    b'<p>Caf\xe9 \xff\xfe text \xf8\x88\x80\x80\x80 and a cut \xe2\x82</p>\n'
    b'</body></html>\n')

DRIP_PAGE = (b"<!DOCTYPE html>\n<html><head><title>drip</title></head><body>\n"
             b"<p>one byte at a time</p>\n")


def drip_byte(i):
    """The i-th byte of the drip: the page, then spaces."""
    return DRIP_PAGE[i:i + 1] or b" "


BIG_HEAD = b"<!DOCTYPE html>\n<html><head><title>big</title></head><body>\n"
BIG_TAIL = b"</body></html>\n"
BIG_LINE = b"<p>filler filler filler filler filler filler filler filler</p>\n"


def big_chunks(size, chunk=64 * 1024):
    """A page of exactly size bytes (at least len(BIG_HEAD + BIG_TAIL)), in
    chunks of at most chunk bytes."""
    filler = (BIG_LINE * (chunk // len(BIG_LINE) + 1))[:chunk]
    yield BIG_HEAD
    left = size - len(BIG_HEAD) - len(BIG_TAIL)
    while left > 0:
        yield filler[:left]
        left -= len(filler)
    yield BIG_TAIL


def gzip_bomb(mib):
    """A gzip member that inflates to mib MiB of zeros (about 1 KiB a MiB).

    Compressing a GiB takes seconds; here 1 MiB is compressed and followed by
    a full flush, which empties the compressor's window, so every further
    MiB compresses to the same bytes: they are repeated.  Only the CRC-32
    runs over all the zeros (about 0.5 s a GiB)."""
    c = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros = bytes(MIB)
    first = c.compress(zeros) + c.flush(zlib.Z_FULL_FLUSH)  # the gzip header too
    again = c.compress(zeros) + c.flush(zlib.Z_FULL_FLUSH)
    last = c.flush(zlib.Z_FINISH)[:-8]  # the final empty block, not its trailer
    crc = 0
    big = bytes(16 * MIB)
    for _ in range(mib // 16):
        crc = zlib.crc32(big, crc)
    for _ in range(mib % 16):
        crc = zlib.crc32(zeros, crc)
    trailer = struct.pack("<II", crc, (mib * MIB) & 0xFFFFFFFF)
    return first + again * (mib - 1) + last + trailer
