/*
 * extract-pool.c - worker threads for the extract stage (extract-pool.h).
 *
 * One list holds every page submitted and not yet taken, oldest first;
 * next_todo points at the oldest no worker has started.  One mutex guards
 * it all: a page costs milliseconds, the lock microseconds.
 */
#include "config.h"

#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "board.h"
#include "extract-pool.h"
#include "xalloc.h"

enum node_state { TODO, RUNNING, DONE };

struct node {
	struct extract_work w;
	enum node_state state;
	struct node *next;
};

struct worker {
	struct extract_pool *pool;
	pthread_t thread;
	struct board_set boards;	/* this thread's own copy */
};

struct extract_pool {
	pthread_mutex_t lock;
	pthread_cond_t todo;		/* a page to start, or stop */
	pthread_cond_t done;		/* a page done */
	struct node *head, *tail, *next_todo;
	size_t pending;			/* in the list (only the submitting thread changes it) */
	int stop;
	struct worker *workers;
	int nworkers;
	const struct board_set *inline_boards;	/* no workers: the caller's */
	extract_wake_fn *wake;
	void *wake_arg;
};

static void run_work(struct extract_work *w, const struct board_set *boards)
{
	size_t i;

	w->extracted = 1;
	w->rc = extract_page(w->body.data ? w->body.data : "", w->body.len, w->base_url, boards,
			     &w->page, &w->err);
	if (w->rc < 0 || w->page.count == 0)
		return;
	w->postings = xcalloc(w->page.count, sizeof(*w->postings));
	for (i = 0; i < w->page.count; i++)
		posting_normalize(&w->page.postings[i], &w->postings[i]);
}

/* The oldest page after n that waits for a worker, or NULL.  Locked. */
static struct node *todo_after(struct node *n)
{
	while (n != NULL && n->state != TODO)
		n = n->next;
	return n;
}

/* Take the next page to extract, waiting for one; NULL when stopping. */
static struct node *next_job(struct extract_pool *p)
{
	struct node *n;

	while (!p->stop && p->next_todo == NULL)
		pthread_cond_wait(&p->todo, &p->lock);
	if (p->stop)
		return NULL;
	n = p->next_todo;
	n->state = RUNNING;
	p->next_todo = todo_after(n->next);
	return n;
}

static void *worker_main(void *arg)
{
	struct worker *wk = arg;
	struct extract_pool *p = wk->pool;
	struct node *n;

	pthread_mutex_lock(&p->lock);
	while ((n = next_job(p)) != NULL) {
		int oldest;

		pthread_mutex_unlock(&p->lock);
		run_work(&n->w, &wk->boards);
		pthread_mutex_lock(&p->lock);
		n->state = DONE;
		oldest = n == p->head;
		pthread_cond_broadcast(&p->done);
		if (oldest && p->wake != NULL) {
			pthread_mutex_unlock(&p->lock);
			p->wake(p->wake_arg);
			pthread_mutex_lock(&p->lock);
		}
	}
	pthread_mutex_unlock(&p->lock);
	return NULL;
}

/* Workers take no signal: SIGINT and SIGTERM reach the thread that
 * handles them, and it is not stuck behind a worker. */
static void start_workers(struct extract_pool *p, const struct board_set *boards)
{
	sigset_t all, old;
	int i;

	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, &old);
	for (i = 0; i < p->nworkers; i++) {
		struct worker *wk = &p->workers[i];

		wk->pool = p;
		if (boards != NULL)
			board_set_copy(boards, &wk->boards);
		if (pthread_create(&wk->thread, NULL, worker_main, wk) != 0)
			xalloc_die();	/* no thread: out of resources */
	}
	pthread_sigmask(SIG_SETMASK, &old, NULL);
}

struct extract_pool *extract_pool_new(int nthreads, const struct board_set *boards,
				      extract_wake_fn *wake, void *wake_arg)
{
	struct extract_pool *p = xcalloc(1, sizeof(*p));

	pthread_mutex_init(&p->lock, NULL);
	pthread_cond_init(&p->todo, NULL);
	pthread_cond_init(&p->done, NULL);
	p->wake = wake;
	p->wake_arg = wake_arg;
	p->inline_boards = boards;
	p->nworkers = nthreads > 0 ? nthreads : 0;
	if (p->nworkers > 0) {
		xmlInitParser();	/* once, here, before any thread parses */
		p->workers = xcalloc((size_t)p->nworkers, sizeof(*p->workers));
		start_workers(p, boards);
	}
	return p;
}

void extract_work_free(struct extract_work *w)
{
	size_t i;

	if (w == NULL)
		return;
	for (i = 0; w->postings != NULL && i < w->page.count; i++)
		posting_release(&w->postings[i]);
	free(w->postings);
	extract_result_release(&w->page);
	buf_release(&w->body);
	free(w->base_url);
	free(w->err);
	free(w);	/* w is the first member of its node */
}

void extract_pool_free(struct extract_pool *p)
{
	struct node *n;
	int i;

	if (p == NULL)
		return;
	pthread_mutex_lock(&p->lock);
	p->stop = 1;
	pthread_cond_broadcast(&p->todo);
	pthread_mutex_unlock(&p->lock);
	for (i = 0; i < p->nworkers; i++) {
		pthread_join(p->workers[i].thread, NULL);
		board_set_release(&p->workers[i].boards);
	}
	while ((n = p->head) != NULL) {
		p->head = n->next;
		extract_work_free(&n->w);
	}
	free(p->workers);
	pthread_cond_destroy(&p->done);
	pthread_cond_destroy(&p->todo);
	pthread_mutex_destroy(&p->lock);
	free(p);
}

void extract_pool_submit(struct extract_pool *p, struct buf *body, const char *base_url,
			 void *tag)
{
	struct node *n = xcalloc(1, sizeof(*n));

	n->w.tag = tag;
	n->w.base_url = xstrdup_or_null(base_url);
	extract_result_init(&n->w.page);
	n->state = DONE;
	if (body != NULL) {
		n->w.body = *body;
		buf_init(body);
		if (p->nworkers == 0)
			run_work(&n->w, p->inline_boards);
		else
			n->state = TODO;
	}
	pthread_mutex_lock(&p->lock);
	if (p->tail != NULL)
		p->tail->next = n;
	else
		p->head = n;
	p->tail = n;
	p->pending++;
	if (n->state == TODO) {
		if (p->next_todo == NULL)
			p->next_todo = n;
		pthread_cond_signal(&p->todo);
	}
	pthread_mutex_unlock(&p->lock);
}

size_t extract_pool_pending(const struct extract_pool *p)
{
	return p->pending;	/* changed only by the one thread that asks */
}

int extract_pool_full(const struct extract_pool *p)
{
	/* Done pages count too: behind a slow one, they wait to be taken. */
	return p->nworkers > 0 && p->pending >= 4 * (size_t)p->nworkers;
}

struct extract_work *extract_pool_take(struct extract_pool *p, int wait)
{
	struct node *n;

	pthread_mutex_lock(&p->lock);
	while (wait && p->head != NULL && p->head->state != DONE)
		pthread_cond_wait(&p->done, &p->lock);
	n = p->head;
	if (n != NULL && n->state == DONE) {
		p->head = n->next;
		if (p->head == NULL)
			p->tail = NULL;
		p->pending--;
	} else {
		n = NULL;
	}
	pthread_mutex_unlock(&p->lock);
	return n != NULL ? &n->w : NULL;
}

int extract_pool_cpus(int max)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	if (n < 1)
		n = 1;
	return n > max ? max : (int)n;
}
