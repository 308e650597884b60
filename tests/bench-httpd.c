/*
 * bench-httpd.c - the crawl bench's static HTTP/1.1 server ("make bench").
 *
 *	tests/bench-httpd --root DIR --port-file FILE --addr 127.0.0.2
 *	    [--addr 127.0.0.3 ...] [--port N] [--max-seconds S]
 *
 * Binds every --addr (loopback 127.x.y.z only: anything else is refused) on
 * one port: --port, or the kernel's choice for the first address and the same
 * port for the others; writes that port into FILE (through FILE.tmp and a
 * rename, so a reader never sees half of it).  Every file under DIR is read
 * into memory at start, its whole response built once, so serving a request
 * is a lookup and a send: the server must not be what the bench measures.
 * GET and HEAD, keep-alive and pipelining, Content-Length, never chunked;
 * any other path is 404 (so /robots.txt is 404 unless DIR has one).  One
 * thread, non-blocking sockets, epoll.  Exits after --max-seconds (default
 * 300) or on SIGTERM/SIGINT.  No dependencies beyond libc and Linux.
 */
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "bench-httpd.h"

#define MAX_ADDRS 64
#define MAX_CONNS 1024
#define REQUEST_MAX 8192	/* a request head longer than this is refused */
#define IDLE_SECONDS 30		/* an idle keep-alive connection is closed */
#define ACCEPTS_PER_WAKE 64
#define EVENTS_PER_WAKE 128
#define LISTENER_TAG ((uint64_t)1 << 32)

struct conn {
	int fd;			/* -1: the slot is free */
	char in[REQUEST_MAX];
	size_t in_len;
	struct reply out;	/* out.data NULL: nothing being sent */
	size_t out_off;
	time_t last_active;
};

struct server {
	int epfd;
	int listeners[MAX_ADDRS];
	size_t nlisteners;
	struct site site;
	struct conn conns[MAX_CONNS];
};

static volatile sig_atomic_t stop_requested;

static void on_signal(int sig)
{
	(void)sig;
	stop_requested = 1;
}

static void epoll_set(struct server *s, int op, int fd, uint32_t events, uint64_t tag)
{
	struct epoll_event ev;

	memset(&ev, 0, sizeof(ev));
	ev.events = events;
	ev.data.u64 = tag;
	if (epoll_ctl(s->epfd, op, fd, &ev) != 0)
		httpd_die("epoll_ctl: %s", strerror(errno));
}

static void conn_close(struct server *s, struct conn *c)
{
	close(c->fd);		/* closing also leaves the epoll set */
	c->fd = -1;
}

/* Start on the next complete request held in c->in, if any: 1 if started. */
static int next_request(struct server *s, struct conn *c)
{
	char *end = memmem(c->in, c->in_len, "\r\n\r\n", 4);
	size_t used;

	if (end == NULL) {
		if (c->in_len < sizeof(c->in))
			return 0;
		reply_bad_request(&c->out);
		c->in_len = 0;
		return 1;
	}
	used = (size_t)(end - c->in) + 4;
	site_answer(&s->site, c->in, used - 2, &c->out);
	memmove(c->in, c->in + used, c->in_len - used);
	c->in_len -= used;
	c->out_off = 0;
	return 1;
}

/* Send what the socket takes; 1 when the whole response went out. */
static int send_some(struct conn *c)
{
	ssize_t n;
	int tries;

	for (tries = 0; tries < 64 && c->out_off < c->out.len; tries++) {
		n = send(c->fd, c->out.data + c->out_off, c->out.len - c->out_off, MSG_NOSIGNAL);
		if (n < 0)
			return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR ? 0 : -1;
		c->out_off += (size_t)n;
	}
	return c->out_off == c->out.len;
}

/*
 * Send the pending response, then answer the requests already read
 * (pipelining), until the socket is full or nothing is left; then wait for
 * what that needs (EPOLLOUT or EPOLLIN).
 */
static void serve(struct server *s, struct conn *c)
{
	int i, sent = 1;

	for (i = 0; i < 64; i++) {
		if (c->out.data != NULL) {
			sent = send_some(c);
			if (sent <= 0)
				break;
			c->out.data = NULL;
			if (c->out.close_after) {
				conn_close(s, c);
				return;
			}
		}
		if (!next_request(s, c))
			break;
	}
	if (sent < 0) {
		conn_close(s, c);
		return;
	}
	epoll_set(s, EPOLL_CTL_MOD, c->fd, c->out.data != NULL ? EPOLLOUT : EPOLLIN,
		  (uint64_t)(c - s->conns));
}

static void on_readable(struct server *s, struct conn *c)
{
	ssize_t n;

	if (c->out.data != NULL)	/* a response is still going out */
		return;
	n = recv(c->fd, c->in + c->in_len, sizeof(c->in) - c->in_len, 0);
	if (n <= 0) {
		if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR))
			conn_close(s, c);
		return;
	}
	c->in_len += (size_t)n;
	c->last_active = time(NULL);
	serve(s, c);
}

static void accept_some(struct server *s, int lfd)
{
	int i, fd, one = 1;
	size_t slot;

	for (i = 0; i < ACCEPTS_PER_WAKE; i++) {
		fd = accept4(lfd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
		if (fd < 0)
			return;
		for (slot = 0; slot < MAX_CONNS && s->conns[slot].fd >= 0; slot++)
			;
		if (slot == MAX_CONNS) {
			close(fd);
			continue;
		}
		setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
		s->conns[slot].fd = fd;
		s->conns[slot].in_len = 0;
		s->conns[slot].out.data = NULL;
		s->conns[slot].last_active = time(NULL);
		epoll_set(s, EPOLL_CTL_ADD, fd, EPOLLIN, slot);
	}
}

static void close_idle(struct server *s, time_t now)
{
	size_t i;

	for (i = 0; i < MAX_CONNS; i++)
		if (s->conns[i].fd >= 0 && now - s->conns[i].last_active > IDLE_SECONDS)
			conn_close(s, &s->conns[i]);
}

static double monotonic(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The event loop, bounded by the deadline. */
static void run(struct server *s, double max_seconds)
{
	struct epoll_event ev[EVENTS_PER_WAKE];
	double deadline = monotonic() + max_seconds, left;
	time_t last_sweep = time(NULL);
	int i, n;

	while (!stop_requested && (left = deadline - monotonic()) > 0) {
		n = epoll_wait(s->epfd, ev, EVENTS_PER_WAKE, left > 1.0 ? 1000 : (int)(left * 1000) + 1);
		if (n < 0 && errno != EINTR)
			httpd_die("epoll_wait: %s", strerror(errno));
		for (i = 0; i < n; i++) {
			uint64_t tag = ev[i].data.u64;
			struct conn *c = &s->conns[tag & 0xffffffffu];

			if (tag & LISTENER_TAG)
				accept_some(s, s->listeners[tag & 0xffffffffu]);
			else if (c->fd < 0)
				continue;	/* closed earlier in this batch */
			else if (ev[i].events & (EPOLLERR | EPOLLHUP))
				conn_close(s, c);
			else if (ev[i].events & EPOLLOUT) {
				c->last_active = time(NULL);
				serve(s, c);
			} else
				on_readable(s, c);
		}
		if (time(NULL) != last_sweep) {
			last_sweep = time(NULL);
			close_idle(s, last_sweep);
		}
	}
}

static int parse_long(const char *s, long lo, long hi, long *out)
{
	char *end;

	errno = 0;
	*out = strtol(s, &end, 10);
	return errno == 0 && end != s && *end == '\0' && *out >= lo && *out <= hi ? 0 : -1;
}

/* Bind every address on one port; returns that port. */
static unsigned bind_all(struct server *s, const struct in_addr *addrs, size_t n, unsigned port)
{
	struct sockaddr_in sa;
	socklen_t len = sizeof(sa);
	size_t i;
	int fd, one = 1;

	for (i = 0; i < n; i++) {
		memset(&sa, 0, sizeof(sa));
		sa.sin_family = AF_INET;
		sa.sin_addr = addrs[i];
		sa.sin_port = htons((uint16_t)port);
		fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
		if (fd < 0)
			httpd_die("socket: %s", strerror(errno));
		setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
		if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) != 0 || listen(fd, 511) != 0)
			httpd_die("cannot listen on %s:%u: %s", inet_ntoa(addrs[i]), port,
				  strerror(errno));
		if (port == 0 && getsockname(fd, (struct sockaddr *)&sa, &len) == 0)
			port = ntohs(sa.sin_port);
		s->listeners[i] = fd;
		epoll_set(s, EPOLL_CTL_ADD, fd, EPOLLIN, LISTENER_TAG | i);
	}
	s->nlisteners = n;
	return port;
}

static void write_port(const char *path, unsigned port)
{
	char tmp[4096];
	FILE *f;

	if ((size_t)snprintf(tmp, sizeof(tmp), "%s.tmp", path) >= sizeof(tmp))
		httpd_die("port file name too long");
	f = fopen(tmp, "w");
	if (f == NULL || fprintf(f, "%u\n", port) < 0 || fclose(f) != 0 || rename(tmp, path) != 0)
		httpd_die("cannot write port file '%s': %s", path, strerror(errno));
}

static void usage(void)
{
	httpd_die("usage: bench-httpd --root DIR --port-file FILE --addr 127.X.Y.Z "
		  "[--addr ...] [--port N] [--max-seconds S]");
}

int main(int argc, char **argv)
{
	static struct server s;	/* large: the connections' buffers */
	struct in_addr addrs[MAX_ADDRS];
	const char *root = NULL, *port_file = NULL;
	long port = 0, max_seconds = 300;
	size_t naddrs = 0, i;
	struct sigaction sa;
	int a;

	for (a = 1; a + 1 < argc; a += 2) {
		if (strcmp(argv[a], "--root") == 0)
			root = argv[a + 1];
		else if (strcmp(argv[a], "--port-file") == 0)
			port_file = argv[a + 1];
		else if (strcmp(argv[a], "--port") == 0 && parse_long(argv[a + 1], 0, 65535, &port) == 0)
			;
		else if (strcmp(argv[a], "--max-seconds") == 0 &&
			 parse_long(argv[a + 1], 1, 86400, &max_seconds) == 0)
			;
		else if (strcmp(argv[a], "--addr") == 0 && naddrs < MAX_ADDRS) {
			/* Loopback only: this server must never face a network. */
			if (inet_pton(AF_INET, argv[a + 1], &addrs[naddrs]) != 1 ||
			    (ntohl(addrs[naddrs].s_addr) >> 24) != 127)
				httpd_die("refusing '%s': only 127.x.y.z loopback addresses",
					  argv[a + 1]);
			naddrs++;
		} else
			usage();
	}
	if (a != argc || root == NULL || port_file == NULL || naddrs == 0)
		usage();
	site_load(&s.site, root);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;	/* no SA_RESTART: epoll_wait returns EINTR */
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	for (i = 0; i < MAX_CONNS; i++)
		s.conns[i].fd = -1;
	s.epfd = epoll_create1(EPOLL_CLOEXEC);
	if (s.epfd < 0)
		httpd_die("epoll_create1: %s", strerror(errno));
	write_port(port_file, bind_all(&s, addrs, naddrs, (unsigned)port));
	run(&s, (double)max_seconds);
	site_free(&s.site);
	return 0;
}
