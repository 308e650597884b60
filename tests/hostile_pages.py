#!/usr/bin/env python3
"""Write the hostile pages of tests/e2e-hostile.sh into a directory.

hostile_pages.py DIR [NAME...]: each page is DIR/NAME.html (default: all).
The pages are generated, never committed: several are tens of megabytes.
Each holds, where it can, a good JSON-LD posting before the hostile part
and another ("After Engineer") after it, so a test can check the page still
gives what it can and says what it lost.
"""
import sys

MB = 1 << 20


def posting(title, salary='{"@type": "MonetaryAmount", "currency": "USD", '
            '"value": {"@type": "QuantitativeValue", "minValue": 100000, '
            '"maxValue": 120000, "unitText": "YEAR"}}'):
    return ('<script type="application/ld+json">{"@context": "https://schema.org", '
            '"@type": "JobPosting", "title": "%s", "identifier": "%s", '
            '"hiringOrganization": {"@type": "Organization", "name": "Hostile Inc"}, '
            '"baseSalary": %s}</script>\n' % (title, title.replace(' ', '-').lower(), salary))


def head(title, meta=''):
    return ('<!DOCTYPE html>\n<html><head>%s<title>hostile</title>\n%s</head><body>\n'
            % (meta, posting(title)))


def tail():
    return '<div>' + posting('After Engineer') + '</div>\n</body></html>\n'


def write(f, s):
    f.write(s.encode('utf-8') if isinstance(s, str) else s)


def nested(f):
    write(f, head('Nested Engineer'))
    for _ in range(10):
        write(f, '<div>' * 10000)
    write(f, 'the bottom')
    for _ in range(10):
        write(f, '</div>' * 10000)
    write(f, tail())


def big_attribute(size):
    def gen(f):
        write(f, head('Attribute Engineer'))
        write(f, '<div title="')
        chunk = b'A' * MB
        for _ in range(size // MB):
            f.write(chunk)
        write(f, '">after the attribute</div>\n' + tail())
    return gen


def big_text(size):
    def gen(f):
        write(f, head('Text Engineer'))
        write(f, '<p>')
        chunk = b'lorem ipsum ' * (MB // 12)
        for _ in range(size // len(chunk) + 1):
            f.write(chunk)
        write(f, '</p>\n' + tail())
    return gen


def tiny(f):
    write(f, head('Tiny Engineer'))
    chunk = b'<i></i>' * 100000
    for _ in range(30):
        f.write(chunk)
    write(f, tail())


def nul(f):
    write(f, head('Nul Engineer'))
    write(f, b'<script type="application/ld+json">{"@type": "JobPosting", '
          b'"title": "Nul\x00Byte Engineer", "identifier": "nul-2\x00", '
          b'"baseSalary": {"currency": "USD", "value": 9\x0000}}</script>\n')
    # UTF-8 after the NULs must still be read as UTF-8.
    write(f, b'<p>text with a \x00 NUL byte and \x00\x00 two</p>\n'
          + posting('Caf\u00e9 Engineer').encode() + tail().encode())


# Invalid UTF-8: a lone continuation byte, overlong "/" (C0 AF, E0 80 AF),
# a UTF-16 surrogate (ED A0 80), a 5-byte form (F8 88 80 80 80), FF, a
# truncated sequence at the end of a string (E2 82).
BAD = b'\x80 \xc0\xaf \xe0\x80\xaf \xed\xa0\x80 \xf8\x88\x80\x80\x80 \xff \xe2\x82'


def bad_utf8(declared):
    def gen(f):
        write(f, head('Utf Engineer', '<meta charset="utf-8">' if declared else ''))
        write(f, b'<script type="application/ld+json">{"@type": "JobPosting", '
              b'"title": "Bad ' + BAD + b' Engineer", "identifier": "utf-2", '
              b'"hiringOrganization": {"name": "Co ' + BAD + b'"}}</script>\n')
        write(f, b'<p title="' + BAD + b'">text ' + BAD + b' end</p>\n' + tail().encode())
    return gen


def jsonld_deep(f):
    write(f, head('Shallow Engineer'))
    write(f, '<script type="application/ld+json">{"@type": "JobPosting", '
          '"title": "Deep Engineer", "x": ' + '[' * 1000 + ']' * 1000 + '}</script>\n')
    write(f, '<script type="application/ld+json">' + '{"a":' * 1000 + '1' + '}' * 1000
          + '</script>\n' + tail())


def jsonld_numbers(f):
    write(f, '<!DOCTYPE html>\n<html><head><title>numbers</title>\n')
    values = ['1e999999', '-1e999999', '9' * 400, '-' + '9' * 400, '-0', '"NaN"',
              '"Infinity"', '1e-999999', '"1e999999"', '"' + '9' * 400 + '"']
    for i, v in enumerate(values):
        write(f, posting('Number Engineer %d' % i,
                         '{"@type": "MonetaryAmount", "currency": "USD", "value": '
                         '{"@type": "QuantitativeValue", "minValue": %s, "maxValue": %s, '
                         '"unitText": "YEAR"}}' % (v, v)))
    write(f, posting('Plain Number Engineer', '{"currency": "USD", "value": 1e999999}'))
    write(f, '</head><body>' + tail())


def json_board_numbers(f):
    """Numbers beyond a double in a board's JSON (tests/e2e-hostile.sh's jsonboard.rules)."""
    jobs = ('[{"t": "Inf Engineer", "s": 1e999999}, {"t": "Digits Engineer", "s": %s}, '
            '{"t": "Minus Engineer", "s": -1e999999}, {"t": "Text Engineer", "s": "Inf"}, '
            '{"t": "Deep Engineer", "x": %s}]' % ('9' * 400, '[' * 3000 + ']' * 3000))
    write(f, '<html><body><script id="data">window.DATA={"jobs": %s};</script></body></html>\n'
          % jobs)


def many_elements(f):
    """200k elements for the exploding rules."""
    write(f, head('Rules Engineer'))
    chunk = '<li class="card"><b class="t">x</b></li>' * 1000
    for _ in range(100):
        write(f, chunk)
    write(f, tail())


def laughs(f):
    write(f, '<?xml version="1.0"?>\n<!DOCTYPE html [\n<!ENTITY lol "lollollollollol">\n')
    prev = 'lol'
    for i in range(1, 10):
        write(f, '<!ENTITY lol%d "%s">\n' % (i, ('&%s;' % prev) * 10))
        prev = 'lol%d' % i
    write(f, ']>\n<html><head><title>&lol9;</title>\n' + posting('Laugh Engineer')
          + '</head><body><p>&lol9;</p><p title="&lol9;">x</p>' + tail())


PAGES = {
    'nested': nested,
    'attr30': big_attribute(30 * MB),
    'attr50': big_attribute(50 * MB),
    'text30': big_text(30 * MB),
    'text60': big_text(60 * MB),
    'tiny': tiny,
    'nul': nul,
    'utf8': bad_utf8(False),
    'utf8-declared': bad_utf8(True),
    'jsonld-deep': jsonld_deep,
    'jsonld-numbers': jsonld_numbers,
    'elements': many_elements,
    'json-board-numbers': json_board_numbers,
    'laughs': laughs,
}


def main():
    out = sys.argv[1]
    for name in sys.argv[2:] or PAGES:
        with open('%s/%s.html' % (out, name), 'wb') as f:
            PAGES[name](f)


if __name__ == '__main__':
    main()
