/*
 * url-canonical.c - a URL as the same job's URL on every crawl: boards add
 * tracking parameters that change from one listing page to the next
 * (Indeed's &from=..&vjk=.., LinkedIn's ?refId=..&trackingId=..&trk=..,
 * campaigns' utm_*), and such a URL must not make a new posting.
 */
#include "config.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "identity.h"
#include "xalloc.h"

/*
 * Query parameters that say how a link was reached, never which job it
 * is, compared by name in any case (documented in jobstats(1)).  Names
 * starting with "utm_" are tracking too.
 */
static const char *const tracking[] = {
	/* ad and campaign click ids */
	"gclid", "gclsrc", "dclid", "fbclid", "msclkid", "yclid", "twclid", "ttclid",
	"li_fat_id", "igshid", "mc_cid", "mc_eid", "_ga", "_gl", "ref",
	/* LinkedIn: search position and tracking */
	"refId", "trackingId", "trk", "trkInfo", "position", "pageNum",
	/* Indeed: search, impression and ad tokens around the job key jk */
	"from", "vjk", "vjs", "tk", "bb", "xkcb", "fccid", "sjdu", "astse", "assa",
	"jobsearchTk", "mvj", "vjfrom", "spon", "adid", "ad",
};

static int is_tracking(const char *name, size_t len)
{
	size_t i;

	if (len >= 4 && strncasecmp(name, "utm_", 4) == 0)
		return 1;
	for (i = 0; i < sizeof(tracking) / sizeof(tracking[0]); i++)
		if (strlen(tracking[i]) == len && strncasecmp(name, tracking[i], len) == 0)
			return 1;
	return 0;
}

static void append_lower(struct buf *b, const char *s, size_t len)
{
	size_t i;
	char c;

	for (i = 0; i < len; i++) {
		c = (char)tolower((unsigned char)s[i]);
		buf_append(b, &c, 1);
	}
}

/* Length of a scheme ("https") at url followed by "://", else 0. */
static size_t scheme_len(const char *url)
{
	size_t n = 0;

	if (!isalpha((unsigned char)url[0]))
		return 0;
	while (isalnum((unsigned char)url[n]) || url[n] == '+' || url[n] == '-' || url[n] == '.')
		n++;
	return strncmp(url + n, "://", 3) == 0 ? n : 0;
}

/* The ':' before a host's port, or NULL (an IPv6 literal's port follows ']'). */
static const char *port_colon(const char *host, size_t hlen)
{
	const char *close = host[0] == '[' ? memchr(host, ']', hlen) : NULL;
	const char *from = close ? close : host;

	return memchr(from, ':', hlen - (size_t)(from - host));
}

/* Is port (plen bytes; 0: none given) the scheme's default? */
static int default_port(const char *scheme, size_t slen, const char *port, size_t plen)
{
	static const char *const defaults[][2] = { { "http", "80" }, { "https", "443" } };
	size_t i;

	for (i = 0; plen > 0 && i < sizeof(defaults) / sizeof(defaults[0]); i++)
		if (strlen(defaults[i][0]) == slen && strncasecmp(scheme, defaults[i][0], slen) == 0 &&
		    strlen(defaults[i][1]) == plen && strncmp(port, defaults[i][1], plen) == 0)
			return 1;
	return plen == 0;
}

/* user@host:port, host lower-cased, the scheme's default port dropped. */
static void append_authority(struct buf *b, const char *scheme, size_t slen, const char *a,
			     size_t len)
{
	const char *at = memchr(a, '@', len), *host = at ? at + 1 : a, *colon;
	size_t hlen = len - (size_t)(host - a), plen;

	buf_append(b, a, (size_t)(host - a));
	colon = port_colon(host, hlen);
	append_lower(b, host, colon ? (size_t)(colon - host) : hlen);
	if (colon == NULL)
		return;
	plen = hlen - (size_t)(colon - host) - 1;
	if (!default_port(scheme, slen, colon + 1, plen))
		buf_append(b, colon, plen + 1);
}

/* The query's parameters but the tracking ones, in order, after a '?'. */
static void append_query(struct buf *b, const char *q, size_t len)
{
	const char *end = q + len, *p = q, *amp, *eq;
	size_t n;
	int first = 1;

	while (p < end) {
		amp = memchr(p, '&', (size_t)(end - p));
		n = amp ? (size_t)(amp - p) : (size_t)(end - p);
		eq = memchr(p, '=', n);
		if (n > 0 && !is_tracking(p, eq ? (size_t)(eq - p) : n)) {
			buf_appends(b, first ? "?" : "&");
			buf_append(b, p, n);
			first = 0;
		}
		p += n + 1;
	}
}

char *url_canonical(const char *url)
{
	struct buf b = BUF_INIT;
	const char *auth, *rest, *query, *frag;
	size_t slen, alen;

	if (url == NULL || *url == '\0')
		return NULL;
	slen = scheme_len(url);
	if (slen == 0)
		return xstrdup(url);
	append_lower(&b, url, slen);
	buf_appends(&b, "://");
	auth = url + slen + 3;
	alen = strcspn(auth, "/?#");
	append_authority(&b, url, slen, auth, alen);
	rest = auth + alen;
	frag = rest + strcspn(rest, "#");
	query = memchr(rest, '?', (size_t)(frag - rest));
	if (query == NULL)
		query = frag;
	if (query == rest && alen > 0)
		buf_appends(&b, "/");
	buf_append(&b, rest, (size_t)(query - rest));
	if (query < frag)
		append_query(&b, query + 1, (size_t)(frag - query - 1));
	return buf_detach(&b);
}
