#!/usr/bin/env python3
"""httpd.py - the end-to-end tests' HTTP server (Python 3 standard library only).

    python3 tests/httpd.py --root DIR --port-file FILE [--log FILE] [--max-seconds N]

Binds 127.0.0.1 on port 0 (never any other address), writes the port it got
into FILE (through FILE.tmp and a rename, so a reader never sees a partial
file), serves the files under DIR, and exits by itself after --max-seconds
(default 60) or on SIGTERM/SIGINT.  Threaded; quiet unless --log, which gets
one line per request:

    <unix time> <method> <path> <status> inm=<If-None-Match> ims=<If-Modified-Since> ae=<Accept-Encoding>

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


def parse_args(argv):
    ap = argparse.ArgumentParser(description="test HTTP server for jobstats")
    ap.add_argument("--root", required=True, help="directory to serve")
    ap.add_argument("--port-file", required=True, help="file to write the port into")
    ap.add_argument("--log", help="append one line per request to this file")
    ap.add_argument("--max-seconds", type=float, default=60.0,
                    help="exit after this many seconds (default 60)")
    return ap.parse_args(argv)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "jobstats-test-httpd/1"
    sys_version = ""

    def version_string(self):
        return self.server_version

    # -- logging ----------------------------------------------------------

    def log_message(self, format, *args):  # noqa: A002 (stdlib signature)
        pass  # quiet: requests are logged by log_request below

    def log_request(self, code="-", size="-"):
        log = self.server.log
        if log is None:
            return
        code = getattr(code, "value", code)
        h = self.headers
        line = "%.3f %s %s %s inm=%s ims=%s ae=%s\n" % (
            time.time(), self.command, self.path, code,
            h.get("If-None-Match", "-") if h else "-",
            (h.get("If-Modified-Since", "-") if h else "-").replace(" ", "_"),
            (h.get("Accept-Encoding", "-") if h else "-").replace(" ", ""))
        with self.server.log_lock:
            log.write(line)
            log.flush()

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

    # -- dispatch ---------------------------------------------------------

    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        path = url.path
        query = urllib.parse.parse_qs(url.query)
        if path.startswith("/status/"):
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


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = False

    def handle_error(self, request, client_address):
        # A client that hangs up (slow and truncated tests do) is no error.
        if self.log is not None:
            exc = sys.exc_info()[1]
            with self.log_lock:
                self.log.write("%.3f error %r\n" % (time.time(), exc))
                self.log.flush()


def write_port_file(path, port):
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        f.write("%d\n" % port)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def main(argv):
    args = parse_args(argv)
    root = os.path.realpath(args.root)
    if not os.path.isdir(root):
        print("httpd.py: no such directory '%s'" % args.root, file=sys.stderr)
        return 2

    server = Server(("127.0.0.1", 0), Handler)
    server.root = root
    server.log = open(args.log, "a") if args.log else None
    server.log_lock = threading.Lock()

    def stop(*_):
        # shutdown() waits for serve_forever() to return: never call it from
        # the thread that runs serve_forever (signal handlers run there).
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    timer = threading.Timer(max(args.max_seconds, 0.0), stop)
    timer.daemon = True
    timer.start()

    write_port_file(args.port_file, server.server_address[1])
    try:
        server.serve_forever(poll_interval=0.2)
    finally:
        timer.cancel()
        server.server_close()
        if server.log is not None:
            server.log.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
