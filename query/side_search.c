/* side_search.c — see side_search.h. */
#include "side_search.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <unistd.h>

#include "spin_wait.h"

/*
 * The thread is started at the first search and then waits for the next
 * one until the reader is closed.  Starting one per search cost the
 * caller's thread 29 µs and the side 53 µs before it ran (medians over the
 * 237 benchmark queries on two processors, of about 700 µs a search);
 * handing a search to a waiting thread costs a wake-up, unless the thread
 * is still looking for the next (spin_wait.h).  A process forked
 * from one that started it has no such thread: its searches run on the
 * caller's thread alone (side_start fails there).
 */
struct side_search {
    eng_db *db;
    match_langs langs;
    pthread_mutex_t lock;
    pthread_cond_t wake;        /* a task, or quit, for the thread */
    pthread_cond_t done;        /* the task finished */
    int synced;                 /* lock and conditions made */
    pthread_t thread;
    pid_t pid;                  /* the process the thread belongs to */
    int started;                /* the thread exists (in process pid) */
    /* set under lock; also read without it, by a thread spinning */
    atomic_int task, finished;
    int quit;                   /* guarded by lock */
    int running;                /* a task handed over, not yet waited for */
    void (*fn)(void *);
    void *arg;
};

side_search *side_open(const char *path, const char *codes)
{
    side_search *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    if (pthread_mutex_init(&s->lock, NULL) == 0) {
        if (pthread_cond_init(&s->wake, NULL) == 0) {
            if (pthread_cond_init(&s->done, NULL) == 0)
                s->synced = 1;
            else
                pthread_cond_destroy(&s->wake);
        }
        if (!s->synced)
            pthread_mutex_destroy(&s->lock);
    }
    /* match_langs_init frees what it made when it fails */
    if (s->synced && eng_db_open(path, ENG_OPEN_READ, &s->db) == ENG_OK &&
        match_langs_init(&s->langs, codes) == 0)
        return s;
    side_close(s);
    return NULL;
}

void side_close(side_search *s)
{
    if (!s)
        return;
    side_wait(s);
    /* In a process forked from the thread's, the conditions still count
     * the thread (not there) as waiting: destroying them would wait for it
     * forever, so they are left as they are. */
    int ours = !s->started || s->pid == getpid();
    if (s->started && ours) {
        pthread_mutex_lock(&s->lock);
        s->quit = 1;
        pthread_cond_signal(&s->wake);
        pthread_mutex_unlock(&s->lock);
        pthread_join(s->thread, NULL);
    }
    if (s->synced && ours) {
        pthread_cond_destroy(&s->done);
        pthread_cond_destroy(&s->wake);
        pthread_mutex_destroy(&s->lock);
    }
    eng_db_close(s->db);
    match_langs_free(&s->langs);
    free(s);
}

eng_db *side_db(side_search *s)
{
    return s->db;
}

const match_langs *side_langs(const side_search *s)
{
    return &s->langs;
}

int side_in_step(side_search *s, eng_db *db)
{
    uint64_t want, have;
    if (eng_db_revision(db, &want) != ENG_OK)
        return -1;
    if (eng_db_revision(s->db, &have) != ENG_OK)
        return 0;
    if (have == want)
        return 1;
    /* Only forward: a reader cannot go back to an older revision.  When
     * db is the older one, s waits (without trying again each search) for
     * db's own reopen (evs_db_reopen) to catch up. */
    if (have > want)
        return 0;
    return eng_db_reopen(s->db, NULL) == ENG_OK && eng_db_revision(s->db, &have) == ENG_OK &&
           have == want;
}

/* The thread: each task handed over, until told to quit. */
static void *serve(void *arg)
{
    side_search *s = arg;
    pthread_mutex_lock(&s->lock);
    for (;;) {
        if (!s->task && !s->quit) {
            pthread_mutex_unlock(&s->lock);
            spin_wait(&s->task);
            pthread_mutex_lock(&s->lock);
        }
        while (!s->task && !s->quit)
            pthread_cond_wait(&s->wake, &s->lock);
        if (!s->task)
            break;
        s->task = 0;
        pthread_mutex_unlock(&s->lock);
        s->fn(s->arg);
        pthread_mutex_lock(&s->lock);
        s->finished = 1;
        pthread_cond_signal(&s->done);
    }
    pthread_mutex_unlock(&s->lock);
    return NULL;
}

int side_start(side_search *s, void (*fn)(void *), void *arg)
{
    if (s->running)
        return -1;
    if (!s->started) {
        if (pthread_create(&s->thread, NULL, serve, s) != 0)
            return -1;
        s->started = 1;
        s->pid = getpid();
    } else if (s->pid != getpid()) {
        return -1;      /* forked: the thread stayed with the parent */
    }
    pthread_mutex_lock(&s->lock);
    s->fn = fn;
    s->arg = arg;
    s->finished = 0;
    s->task = 1;
    pthread_cond_signal(&s->wake);
    pthread_mutex_unlock(&s->lock);
    s->running = 1;
    return 0;
}

void side_wait(side_search *s)
{
    if (!s->running)
        return;
    spin_wait(&s->finished);
    pthread_mutex_lock(&s->lock);
    while (!s->finished)
        pthread_cond_wait(&s->done, &s->lock);
    pthread_mutex_unlock(&s->lock);
    s->running = 0;
}
