#!/bin/sh
# report --format html in a real browser: headless Chromium renders the demo
# board's report to a PNG, which must have the window's size and not be
# blank (many colours, a fair share of pixels that are not background, and
# the charts' blues).  Skipped when no Chromium is installed: it is a large
# download that CI does without.
. "${top_srcdir:-$(dirname "$0")/..}/tests/e2e-lib.sh"
need_python

browser=
for name in chromium chromium-browser chromium-headless-shell google-chrome \
	google-chrome-stable; do
	if command -v "$name" >/dev/null 2>&1; then
		browser=$(command -v "$name")
		break
	fi
done
[ -n "$browser" ] || skip "no Chromium (chromium, chromium-headless-shell, google-chrome) on PATH"
command -v timeout >/dev/null 2>&1 || skip "timeout(1) is needed to bound the browser"

demo="$top_srcdir/contrib/demo"
expect_status 0 js source add demo "$demo/index.html"
expect_status 0 js crawl demo
expect_status 0 js report --role 'Data Engineer' --format html
cp "$scratch/out" "$scratch/report.html"

width=1200
height=2000
png="$scratch/report.png"
# Everything Chromium writes (profile, cache, crash reports: it follows
# HOME and XDG_*) in the scratch directory, so the build tree stays clean
# (distcheck) and a read-only HOME does not matter; no network at all: the
# page must render from the file alone.
set +e
HOME="$scratch" XDG_CONFIG_HOME="$scratch/config" XDG_CACHE_HOME="$scratch/cache" \
timeout 60 "$browser" --headless --no-sandbox --disable-gpu --disable-breakpad \
	--disable-crash-reporter \
	--no-first-run --disable-extensions --user-data-dir="$scratch/profile" \
	--proxy-server='127.0.0.1:9' \
	--hide-scrollbars --window-size="$width,$height" --screenshot="$png" \
	"file://$scratch/report.html" >"$scratch/browser.log" 2>&1
rc=$?
set -e
[ "$rc" -ne 124 ] || fail "$browser took more than 60 s"
[ -s "$png" ] || { cat "$scratch/browser.log" >&2; fail "$browser wrote no screenshot (exit $rc)"; }

"$PYTHON3" - "$png" "$width" "$height" <<'PY' || fail "the screenshot looks wrong"
import struct, sys, zlib

def read_png(path):
    """Width, height and rows of RGB(A) bytes of an 8-bit truecolour PNG."""
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat = 8, b""
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        pos += 12 + n
        if kind == b"IHDR":
            w, h, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and ctype in (2, 6) and interlace == 0, (depth, ctype)
        elif kind == b"IDAT":
            idat += body
    bpp = 3 if ctype == 2 else 4
    raw, stride, rows = zlib.decompress(idat), w * bpp, []
    prev, i = bytearray(stride), 0
    for _ in range(h):
        f, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if f == 1:
                line[x] = (line[x] + a) & 255
            elif f == 2:
                line[x] = (line[x] + b) & 255
            elif f == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return w, h, bpp, rows

w, h, bpp, rows = read_png(sys.argv[1])
assert (w, h) == (int(sys.argv[2]), int(sys.argv[3])), ("size", w, h)
colours, ink, blue = {}, 0, 0
for row in rows[::2]:                       # every other row and column: enough
    for x in range(0, w * bpp, 2 * bpp):
        rgb = tuple(row[x:x + 3])
        colours[rgb] = colours.get(rgb, 0) + 1
        r, g, b = rgb
        if min(rgb) < 200:                  # darker than the light page shades
            ink += 1
        if b > r + 40 and b > g + 10:       # the charts' blues, not grey text
            blue += 1
total = sum(colours.values())
print(f"screenshot {w}x{h}: {len(colours)} colours, {100 * ink / total:.1f}% ink, "
      f"{100 * blue / total:.2f}% blue")
assert len(colours) >= 16, "too few colours: a blank or failed page"
assert 0.02 <= ink / total <= 0.6, "ink share out of range"
assert blue / total >= 0.001, "no chart colours: the SVG did not render"
PY
ok "report --format html renders in $browser: ${width}x${height}, not blank, charts drawn"
