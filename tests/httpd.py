#!/usr/bin/env python3
"""httpd.py - the end-to-end tests' HTTP server (Python 3 standard library only).

    python3 tests/httpd.py --root DIR --port-file FILE [--log FILE] [--max-seconds N]
                           [--ports N]

Binds 127.0.0.1 on port 0 (never any other address), --ports times (default
1; each port is a "host" of its own for the crawler), writes the ports it got
into FILE, one a line in the order of their index 0..N-1 (so the first line
is the port, as with one port; written through FILE.tmp and a rename, so a
reader never sees a partial file), serves the files under DIR on every port,
and exits by itself after --max-seconds (default 60) or on SIGTERM/SIGINT.
Threaded; quiet unless --log, which gets one line per request:

    <unix time> <method> <path> <status> inm=<If-None-Match> ims=<If-Modified-Since> ae=<Accept-Encoding> port=<server port> client=<client port>

The time (seconds, 3 decimals) is when the request line arrived, so the
delays between a client's requests can be measured even on routes that
answer late (/slow, /drip).  <path> is the request target as sent, query
included.  A request answered by no status at all (/reset) logs "reset".

Every port serves /robots.txt from DIR/robots-<index>.txt when that file
exists, else from DIR/robots.txt, else 404: each "host" can have rules of
its own.

Files are served with ETag and Last-Modified and answer conditional requests
with 304.  Paths that misbehave on purpose, so the crawler's tests can prove
it copes:

    /status/NNN          that status with a short body (3xx: Location: /;
                         429 and 503: Retry-After, 1 unless ?retry-after=N)
    /slow/N[/PATH]       sleep N seconds (at most 10), then a short body, or
                         PATH's file when given
    /truncated[/PATH]    a Content-Length larger than the body sent, then the
                         connection is closed (a short page, or half of PATH)
    /redirect-loop       302 to itself, forever
    /gzip/PATH           PATH's file gzip-encoded when the request's
                         Accept-Encoding allows gzip, plain otherwise
"""

import argparse
import email.utils
import gzip
import mimetypes
import os
import posixpath
import signal
import socket
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SLOW_MAX = 10.0
PORTS_MAX = 64


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
        line = "%.3f %s %s %s inm=%s ims=%s ae=%s port=%d client=%d\n" % (
            getattr(self, "arrived", None) or time.time(),
            getattr(self, "command", None) or "-", getattr(self, "path", None) or "-", code,
            h.get("If-None-Match", "-") if h else "-",
            (h.get("If-Modified-Since", "-") if h else "-").replace(" ", "_"),
            (h.get("Accept-Encoding", "-") if h else "-").replace(" ", ""),
            self.server.server_address[1], self.client_address[1])
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

    def serve_file(self, urlpath, gzip_ok=False):
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
        self.send_body(200, data, self.content_type(path), headers)

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

    def do_status(self, rest, query):
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
            retry = query.get("retry-after", ["1"])[0]
            headers.append(("Retry-After", retry if retry.isdigit() else "1"))
        self.send_body(code, ("status %d\n" % code).encode(), headers=headers)

    def do_slow(self, rest):
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

    def do_truncated(self, rest):
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
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def do_robots(self):
        own = "robots-%d.txt" % self.server.index
        if os.path.isfile(os.path.join(self.server.root, own)):
            self.serve_file(own)
        else:
            self.serve_file("robots.txt")

    # -- dispatch ---------------------------------------------------------

    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        path = url.path
        query = urllib.parse.parse_qs(url.query)
        if path == "/robots.txt":
            self.do_robots()
        elif path.startswith("/status/"):
            self.do_status(path[len("/status/"):], query)
        elif path == "/slow" or path.startswith("/slow/"):
            self.do_slow(path[len("/slow/"):])
        elif path == "/truncated" or path.startswith("/truncated/"):
            self.do_truncated(path[len("/truncated/"):])
        elif path == "/redirect-loop":
            self.send_body(302, b"see /redirect-loop\n",
                           headers=[("Location", "/redirect-loop")])
        elif path.startswith("/gzip/"):
            ae = self.headers.get("Accept-Encoding", "")
            ok = any(tok.split(";")[0].strip().lower() in ("gzip", "x-gzip", "*")
                     and not tok.replace(" ", "").endswith(";q=0")
                     for tok in ae.split(","))
            self.serve_file(path[len("/gzip/"):], gzip_ok=ok)
        else:
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
