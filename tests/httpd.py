#!/usr/bin/env python3
r"""httpd.py - the end-to-end tests' HTTP server (Python 3 standard library only).

    python3 tests/httpd.py --root DIR --port-file FILE [--log FILE] [--max-seconds N]
                           [--ports N]

Binds 127.0.0.1 on port 0 (never any other address), --ports times (default
1; each port is a "host" of its own for the crawler), writes the ports it got
into FILE, one a line in the order of their index 0..N-1 (so the first line
is the port, as with one port; written through FILE.tmp and a rename, so a
reader never sees a partial file), serves the files under DIR on every port,
and exits by itself after --max-seconds (default 60) or on SIGTERM/SIGINT.
Threaded; quiet unless --log, which gets one line per request:

    <unix time> <method> <path> <status> inm=<If-None-Match> ims=<If-Modified-Since> ae=<Accept-Encoding> port=<server port> client=<client port> ua=<User-Agent, spaces as _>

The time (seconds, 3 decimals) is when the request line arrived, so the
delays between a client's requests can be measured even on routes that
answer late (/slow, /drip).  <path> is the request target as sent, query
included.  A request answered by no status at all (/reset) logs "reset".
An exception in the server (most often: the client hung up mid-answer)
adds a line "<unix time> error <exception> port=<port> client=<port>".

Every port serves /robots.txt from DIR/robots-<index>.txt when that file
exists, else from DIR/robots.txt, else 404: each "host" can have rules of
its own.

Files are served with ETag and Last-Modified and answer conditional requests
with 304.  Paths that misbehave on purpose, so the crawler's tests can prove
it copes:

    /status/NNN          that status with a short body (3xx: Location: /;
                         429 and 503: Retry-After, 1 unless ?retry-after=N,
                         or with ?retry-after-date=N an IMF-fixdate N seconds
                         ahead, rounded up to the second; N may be negative)
    /slow/N[/PATH]       sleep N seconds (at most 10), then a short body, or
                         PATH's file when given
    /truncated[/PATH]    a Content-Length larger than the body sent, then the
                         connection is closed (a short page, or half of PATH)
    /redirect-loop       302 to itself, forever
    /gzip/PATH           PATH's file gzip-encoded when the request's
                         Accept-Encoding allows gzip, plain otherwise
    /flaky/K/NAME[/PATH] 503 with Retry-After (1, or ?retry-after=N, or
                         ?retry-after-date=N as above) the first K times
                         NAME is asked for (one count per NAME for the whole
                         process, all ports, any method), then PATH's file or
                         a small HTML page; ?status=NNN (400-599) answers
                         that status instead of 503, without Retry-After
                         unless it is 429 or 503
    /reset               reads the request, then closes the connection with
                         SO_LINGER 0 (a TCP RST) and no answer; logs status
                         "reset"
    /drip/N              200, Content-Length 100000, then one byte every N/10
                         seconds (N from 0.1 to 100), until the client goes,
                         30 seconds pass or the server stops; then the
                         connection is closed (the body is cut short)
    /big/MB              200 text/html of exactly MB MiB (MB * 1048576 bytes,
                         MB from 0.001 to 200, may have decimals), streamed
    /redirect-host/PATH  302 to http://localhost:<this port>/PATH (the same
                         server under another host name; query kept)
    /redirect-port/I/PATH  302 to http://127.0.0.1:<port of index I>/PATH
                         (query kept); 404 when there is no port I
    /type/CTYPE/PATH     PATH's file as Content-Type CTYPE, percent-decoded
                         (/type/image%2Fpng/board/page-1.html)
    /bad-utf8            200 text/html, a job listing with invalid UTF-8
                         (\xff, overlong \xc0\xaf, lone surrogate
                         \xed\xa0\x80, cut \xe2\x82) in the first of its two
                         JSON-LD JobPostings' title ("Data Engineer ... Bad
                         ..."; the second is "Clean Data Engineer", both
                         "Bad Bytes Ltd", USD 95000 and 96000 a year) and in
                         the text
    /gzip-bomb           200 text/html, Content-Encoding: gzip whatever the
                         Accept-Encoding, about 1 MiB that inflates to 1 GiB
                         of zeros (built on first use, then kept)
    /etag/NAME           an HTML page with one JobPosting ("ETag job NAME",
                         "ETag Co", USD 90000 a year), ETag "NAME-v1" and
                         Last-Modified 2025-01-01 00:00:00 GMT whatever the
                         time; 304 to a matching If-None-Match or an
                         If-Modified-Since at or after it.  NAME: letters,
                         digits, '.', '_', '-'
    /chain/N/I           page I (0 <= I < N <= 100000) of a chain: one
                         JobPosting ("Chain job I", "Chain Co", USD 100000+I
                         a year, url http://<Host>/chain/N/I#job) and, while
                         I+1 < N, <a rel="next" href="/chain/N/I+1">;
                         404 for any other /chain/ path

A malformed route (a bad number, a name with other characters) answers 400.
"""

import argparse
import email.utils
import gzip
import math
import mimetypes
import os
import posixpath
import re
import signal
import socket
import struct
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import httpd_pages as pages  # noqa: E402 (after the line above)

SLOW_MAX = 10.0
PORTS_MAX = 64
DRIP_LENGTH = 100000
DRIP_MAX = 30.0  # seconds a drip lasts at most
BIG_MAX_MB = 200
BOMB_MIB = 1024
CHAIN_MAX = 100000
ETAG_MTIME = 1735689600  # 2025-01-01 00:00:00 UTC
NAME = re.compile(r"[A-Za-z0-9._-]{1,64}")
NUMBER = re.compile(r"-?[0-9]{1,9}")


def parse_args(argv):
    ap = argparse.ArgumentParser(description="test HTTP server for jobstats")
    ap.add_argument("--root", required=True, help="directory to serve")
    ap.add_argument("--port-file", required=True, help="file to write the port into")
    ap.add_argument("--log", help="append one line per request to this file")
    ap.add_argument("--max-seconds", type=float, default=60.0,
                    help="exit after this many seconds (default 60)")
    ap.add_argument("--ports", type=int, default=1,
                    help="listen on this many ports, 1 to %d (default 1)" % PORTS_MAX)
    args = ap.parse_args(argv)
    if not 1 <= args.ports <= PORTS_MAX:
        ap.error("--ports must be between 1 and %d" % PORTS_MAX)
    return args


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "jobstats-test-httpd/1"
    sys_version = ""

    def version_string(self):
        return self.server_version

    # -- logging ----------------------------------------------------------

    def log_message(self, format, *args):  # noqa: A002 (stdlib signature)
        pass  # quiet: requests are logged by log_request below

    def parse_request(self):
        # Called as soon as the request line is read: the request's arrival.
        self.arrived = time.time()
        return super().parse_request()

    def log_request(self, code="-", size="-"):
        if self.server.log is None:
            return
        code = getattr(code, "value", code)
        h = getattr(self, "headers", None)
        line = "%.3f %s %s %s inm=%s ims=%s ae=%s port=%d client=%d ua=%s\n" % (
            getattr(self, "arrived", None) or time.time(),
            getattr(self, "command", None) or "-", getattr(self, "path", None) or "-", code,
            h.get("If-None-Match", "-") if h else "-",
            (h.get("If-Modified-Since", "-") if h else "-").replace(" ", "_"),
            (h.get("Accept-Encoding", "-") if h else "-").replace(" ", ""),
            self.server.server_address[1], self.client_address[1],
            (h.get("User-Agent", "-") if h else "-").replace(" ", "_"))
        self.server.write_log(line)

    # -- helpers ----------------------------------------------------------

    def send_body(self, status, body, ctype="text/plain; charset=utf-8",
                  headers=(), length=None):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        for k, v in headers:
            self.send_header(k, v)
        no_body = status in (204, 304) or 100 <= status < 200
        if not no_body:
            self.send_header("Content-Length", str(len(body) if length is None else length))
        self.end_headers()
        if self.command != "HEAD" and not no_body:
            self.wfile.write(body)

    def hang_up(self):
        """Close the connection, a body cut short or not."""
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def local_path(self, urlpath):
        """The file under root for urlpath, or None (no escaping root)."""
        urlpath = urllib.parse.unquote(urlpath)
        norm = posixpath.normpath("/" + urlpath.lstrip("/"))
        parts = [p for p in norm.split("/") if p not in ("", ".", "..")]
        path = os.path.join(self.server.root, *parts)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        real = os.path.realpath(path)
        if real != self.server.root and not real.startswith(self.server.root + os.sep):
            return None
        return real if os.path.isfile(real) else None

    def read_file(self, urlpath):
        path = self.local_path(urlpath)
        if path is None:
            self.send_body(404, b"not found\n")
            return None, None
        with open(path, "rb") as f:
            data = f.read()
        return path, data

    @staticmethod
    def content_type(path):
        ctype, _ = mimetypes.guess_type(path)
        if ctype is None:
            ctype = "application/octet-stream"
        if ctype.startswith("text/") or ctype in ("application/json", "application/xml"):
            ctype += "; charset=utf-8"
        return ctype

    # -- plain files ------------------------------------------------------

    def serve_file(self, urlpath, gzip_ok=False, ctype=None):
        path, data = self.read_file(urlpath)
        if path is None:
            return
        st = os.stat(path)
        etag = '"%x-%x"' % (st.st_size, st.st_mtime_ns)
        mtime = int(st.st_mtime)
        validators = [("ETag", etag),
                      ("Last-Modified", email.utils.formatdate(mtime, usegmt=True))]
        if self.not_modified(etag, mtime):
            self.send_body(304, b"", headers=validators)
            return
        headers = list(validators)
        if gzip_ok:
            data = gzip.compress(data)
            headers += [("Content-Encoding", "gzip"), ("Vary", "Accept-Encoding")]
        self.send_body(200, data, ctype or self.content_type(path), headers)

    def not_modified(self, etag, mtime):
        inm = self.headers.get("If-None-Match")
        if inm is not None:
            tags = [t.strip() for t in inm.split(",")]
            return "*" in tags or etag in tags or ("W/" + etag) in tags
        ims = self.headers.get("If-Modified-Since")
        if ims is not None:
            try:
                when = email.utils.parsedate_to_datetime(ims).timestamp()
            except (TypeError, ValueError, IndexError, OverflowError):
                return False
            return mtime <= when
        return False

    # -- misbehaviour -----------------------------------------------------

    def route_status(self, rest):
        try:
            code = int(rest.split("/")[0])
        except ValueError:
            code = 0
        if not 200 <= code <= 599:
            self.send_body(400, b"bad status\n")
            return
        headers = []
        if 300 <= code < 400:
            headers.append(("Location", "/"))
        if code in (429, 503):
            headers.append(("Retry-After", self.retry_after()))
        self.send_body(code, ("status %d\n" % code).encode(), headers=headers)

    def retry_after(self):
        """?retry-after-date=N: an HTTP-date N seconds ahead (never sooner);
        else ?retry-after=N seconds; else 1."""
        ahead = self.query.get("retry-after-date", [""])[0]
        if NUMBER.fullmatch(ahead):
            return email.utils.formatdate(math.ceil(time.time() + int(ahead)), usegmt=True)
        retry = self.query.get("retry-after", ["1"])[0]
        return retry if NUMBER.fullmatch(retry) and retry[0] != "-" else "1"

    def route_slow(self, rest):
        secs, _, path = rest.partition("/")
        try:
            delay = float(secs)
        except ValueError:
            delay = 0.0
        if delay != delay:  # NaN
            delay = 0.0
        time.sleep(min(max(delay, 0.0), SLOW_MAX))
        if path:
            self.serve_file(path)
        else:
            self.send_body(200, ("slow %s\n" % secs).encode())

    def route_truncated(self, rest):
        if rest:
            path, data = self.read_file(rest)
            if path is None:
                return
            ctype = self.content_type(path)
        else:
            data = (b"<!DOCTYPE html>\n<html><head><title>truncated</title></head>\n"
                    b"<body>\n<ul>\n<li class=\"job-card\" data-job-id=\"1\">")
            ctype = "text/html; charset=utf-8"
        full = max(len(data), 2)
        sent = data[: full // 2] if rest else data
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(full if rest else len(data) + 4096))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(sent)
            self.wfile.flush()
        self.close_connection = True
        self.hang_up()

    def route_flaky(self, rest):
        count, _, rest = rest.partition("/")
        name, _, path = rest.partition("/")
        if not NUMBER.fullmatch(count) or count[0] == "-" or not NAME.fullmatch(name):
            self.send_body(400, b"bad flaky route\n")
            return
        if self.server.shared.count(name) > int(count):
            if path:
                self.serve_file(path)
            else:
                self.send_body(200, pages.flaky_page(name), "text/html; charset=utf-8")
            return
        status = self.query.get("status", ["503"])[0]
        code = int(status) if re.fullmatch("[45][0-9][0-9]", status) else 503
        headers = [("Retry-After", self.retry_after())] if code in (429, 503) else []
        self.send_body(code, ("flaky %s: status %d\n" % (name, code)).encode(),
                       headers=headers)

    def route_reset(self):
        length = self.headers.get("Content-Length", "0")
        if length.isdigit() and int(length) > 0:
            self.rfile.read(min(int(length), 1 << 20))
        self.log_request("reset")
        self.close_connection = True
        # Linger 0: close() sends RST, not FIN.  The socket closes only when
        # rfile (a makefile() of it) is closed too.
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                   struct.pack("ii", 1, 0))
        self.rfile.close()
        self.connection.close()

    def route_drip(self, rest):
        try:
            tenths = float(rest)
        except ValueError:
            tenths = float("nan")
        if not 0.1 <= tenths <= 100:  # NaN too
            self.send_body(400, b"bad drip route\n")
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(DRIP_LENGTH))
        self.end_headers()
        self.close_connection = True
        if self.command == "HEAD":
            return
        stopping = self.server.shared.stopping
        deadline = time.monotonic() + DRIP_MAX
        sent = 0
        while sent < DRIP_LENGTH and not stopping.wait(tenths / 10.0):
            if time.monotonic() >= deadline:
                break
            try:
                self.wfile.write(pages.drip_byte(sent))
            except OSError:
                return  # the client went away
            sent += 1
        self.hang_up()

    def route_big(self, rest):
        try:
            mb = float(rest)
        except ValueError:
            mb = float("nan")
        if not 0.001 <= mb <= BIG_MAX_MB:
            self.send_body(400, b"bad big route\n")
            return
        self.stream(int(mb * pages.MIB), pages.big_chunks(int(mb * pages.MIB)))

    def stream(self, length, chunks, headers=()):
        """200 text/html of length bytes from chunks, until the client goes."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(length))
        self.end_headers()
        if self.command == "HEAD":
            return
        for chunk in chunks:
            try:
                self.wfile.write(chunk)
            except OSError:
                self.close_connection = True
                return

    def route_gzip_bomb(self):
        bomb = self.server.shared.gzip_bomb()
        step = 64 * 1024
        self.stream(len(bomb), (bomb[i:i + step] for i in range(0, len(bomb), step)),
                    [("Content-Encoding", "gzip")])

    def redirect(self, location):
        """302 to location, the request's query kept."""
        if self.raw_query:
            location += "?" + self.raw_query
        self.send_body(302, ("see %s\n" % location).encode(), headers=[("Location", location)])

    def route_redirect_port(self, rest):
        index, _, path = rest.partition("/")
        ports = self.server.shared.ports
        if not index.isdigit() or int(index) >= len(ports):
            self.send_body(404, b"no such port\n")
            return
        self.redirect("http://127.0.0.1:%d/%s" % (ports[int(index)], path))

    def route_type(self, rest):
        ctype, _, path = rest.partition("/")
        ctype = urllib.parse.unquote(ctype)
        if not ctype or any(ord(c) < 32 or ord(c) > 126 for c in ctype):
            self.send_body(400, b"bad type route\n")
            return
        self.serve_file(path, ctype=ctype)

    def origin(self):
        """http://<Host> as the client named this server (127.0.0.1:port when
        its Host header is odd)."""
        host = self.headers.get("Host", "")
        if not re.fullmatch(r"[A-Za-z0-9.-]+(:[0-9]{1,5})?", host):
            host = "127.0.0.1:%d" % self.server.server_address[1]
        return "http://" + host

    def route_etag(self, name):
        if not NAME.fullmatch(name):
            self.send_body(400, b"bad etag route\n")
            return
        etag = '"%s-v1"' % name
        validators = [("ETag", etag),
                      ("Last-Modified", email.utils.formatdate(ETAG_MTIME, usegmt=True))]
        if self.not_modified(etag, ETAG_MTIME):
            self.send_body(304, b"", headers=validators)
        else:
            self.send_body(200, pages.etag_page(name, self.origin()),
                           "text/html; charset=utf-8", validators)

    def route_chain(self, rest):
        m = re.fullmatch(r"([0-9]{1,6})/([0-9]{1,6})", rest)
        if m is None or not int(m.group(2)) < int(m.group(1)) <= CHAIN_MAX:
            self.send_body(404, b"no such chain page\n")
            return
        n, i = int(m.group(1)), int(m.group(2))
        self.send_body(200, pages.chain_page(n, i, self.origin()), "text/html; charset=utf-8")

    def route_redirect_loop(self):
        self.send_body(302, b"see /redirect-loop\n", headers=[("Location", "/redirect-loop")])

    def route_gzip(self, rest):
        ae = self.headers.get("Accept-Encoding", "")
        ok = any(tok.split(";")[0].strip().lower() in ("gzip", "x-gzip", "*")
                 and not tok.replace(" ", "").endswith(";q=0")
                 for tok in ae.split(","))
        self.serve_file(rest, gzip_ok=ok)

    def route_bad_utf8(self):
        self.send_body(200, pages.BAD_UTF8_PAGE, "text/html; charset=utf-8")

    def route_redirect_host(self, rest):
        self.redirect("http://localhost:%d/%s" % (self.server.server_address[1], rest))

    def route_robots(self):
        own = "robots-%d.txt" % self.server.index
        if os.path.isfile(os.path.join(self.server.root, own)):
            self.serve_file(own)
        else:
            self.serve_file("robots.txt")

    # -- dispatch ---------------------------------------------------------

    # path -> route; prefix -> route given the rest of the path ("" when
    # the path is the prefix without its '/').  Routes read self.query (the
    # parsed query) and self.raw_query.
    EXACT = {"/robots.txt": "route_robots", "/redirect-loop": "route_redirect_loop",
             "/reset": "route_reset", "/bad-utf8": "route_bad_utf8",
             "/gzip-bomb": "route_gzip_bomb"}
    PREFIXES = (("/status/", "route_status"), ("/slow/", "route_slow"),
                ("/truncated/", "route_truncated"), ("/gzip/", "route_gzip"),
                ("/flaky/", "route_flaky"), ("/drip/", "route_drip"),
                ("/big/", "route_big"), ("/redirect-host/", "route_redirect_host"),
                ("/redirect-port/", "route_redirect_port"), ("/type/", "route_type"),
                ("/etag/", "route_etag"), ("/chain/", "route_chain"))

    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        path = url.path
        self.raw_query = url.query
        self.query = urllib.parse.parse_qs(url.query)
        if path in self.EXACT:
            getattr(self, self.EXACT[path])()
            return
        for prefix, route in self.PREFIXES:
            if path.startswith(prefix) or path == prefix[:-1]:
                getattr(self, route)(path[len(prefix):])
                return
        self.serve_file(path)

    do_HEAD = do_GET


class Shared:
    """What the servers of all ports share: the root, the log, the stop."""

    def __init__(self, root, log):
        self.root = root
        self.log = log
        self.log_lock = threading.Lock()
        self.stopping = threading.Event()
        self.ports = []
        self.counts = {}
        self.counts_lock = threading.Lock()
        self.bomb = None
        self.bomb_lock = threading.Lock()

    def count(self, name):
        """How many times name has been asked for, this time included."""
        with self.counts_lock:
            self.counts[name] = self.counts.get(name, 0) + 1
            return self.counts[name]

    def gzip_bomb(self):
        with self.bomb_lock:  # built once, by the first request that needs it
            if self.bomb is None:
                self.bomb = pages.gzip_bomb(BOMB_MIB)
            return self.bomb


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = False

    def __init__(self, shared, index):
        super().__init__(("127.0.0.1", 0), Handler)
        self.shared = shared
        self.index = index
        self.root = shared.root
        self.log = shared.log

    def write_log(self, line):
        with self.shared.log_lock:
            self.log.write(line)
            self.log.flush()

    def handle_error(self, request, client_address):
        # A client that hangs up (slow and truncated tests do) is no error.
        if self.log is not None:
            self.write_log("%.3f error %r port=%d client=%d\n" % (
                time.time(), sys.exc_info()[1], self.server_address[1], client_address[1]))


def write_port_file(path, ports):
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        f.write("".join("%d\n" % port for port in ports))
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def main(argv):
    args = parse_args(argv)
    root = os.path.realpath(args.root)
    if not os.path.isdir(root):
        print("httpd.py: no such directory '%s'" % args.root, file=sys.stderr)
        return 2

    shared = Shared(root, open(args.log, "a") if args.log else None)
    servers = [Server(shared, i) for i in range(args.ports)]
    shared.ports = [s.server_address[1] for s in servers]

    def shutdown_all():
        shared.stopping.set()  # ends the long answers (/drip) early
        for s in servers:
            s.shutdown()

    stopper = threading.Thread(target=shutdown_all, daemon=True)
    once = threading.Lock()  # taken once, never released: one stopper

    def stop(*_):
        # shutdown() waits for serve_forever() to return: never call it from
        # the thread that runs serve_forever (signal handlers run there).
        if once.acquire(blocking=False):
            stopper.start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    timer = threading.Timer(max(args.max_seconds, 0.0), stop)
    timer.daemon = True
    timer.start()

    for s in servers[1:]:
        threading.Thread(target=s.serve_forever, kwargs={"poll_interval": 0.2},
                         daemon=True).start()
    write_port_file(args.port_file, shared.ports)
    try:
        servers[0].serve_forever(poll_interval=0.2)
    finally:
        timer.cancel()
        stop()
        stopper.join(5.0)
        for s in servers:
            s.server_close()
        if shared.log is not None:
            shared.log.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
