#!/usr/bin/env python3
"""httpd_log.py - read tests/httpd.py's request log for the crawler's tests.

    httpd_log.py LOG paths PORT       the paths requested on PORT, in order
    httpd_log.py LOG gaps PORT        seconds between consecutive requests
                                      on PORT, one a line (3 decimals)
    httpd_log.py LOG count PORT PATH  how often PATH was requested on PORT
    httpd_log.py LOG field PORT PATH NAME   NAME=value of PATH's last request

PORT may be "any".  Lines the server logs about its own errors are skipped.
"""
import sys


def requests(log, port):
    out = []
    with open(log) as f:
        for line in f:
            parts = line.split()
            if len(parts) < 4 or parts[1] == "error":
                continue
            fields = dict(p.split("=", 1) for p in parts[4:] if "=" in p)
            if port != "any" and fields.get("port") != port:
                continue
            out.append((float(parts[0]), parts[2], parts[3], fields))
    return out


def main(argv):
    log, what, port = argv[1], argv[2], argv[3]
    reqs = requests(log, port)
    if what == "paths":
        for r in reqs:
            print(r[1])
    elif what == "gaps":
        for a, b in zip(reqs, reqs[1:]):
            print("%.3f" % (b[0] - a[0]))
    elif what == "count":
        print(sum(1 for r in reqs if r[1] == argv[4]))
    elif what == "field":
        vals = [r[3].get(argv[5], "") for r in reqs if r[1] == argv[4]]
        print(vals[-1] if vals else "")
    else:
        sys.exit("unknown query " + what)


if __name__ == "__main__":
    sys.dont_write_bytecode = True
    main(sys.argv)
