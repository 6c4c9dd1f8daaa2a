/*
 * evindex_parallel.c — see evindex_parallel.h.
 *
 * Why shards: the engine's writer is one object that one thread at a time
 * may use, and most of a build's work is the engine's (its inverter,
 * flushes and compression: about two thirds, measured with perf).  Writers
 * on separate databases share nothing, so each thread reads, analyses and
 * writes on its own; merging the shards costs little (it copies sorted
 * data) and leaves a compact database.  On one thread too: the engine
 * flushes a small shard for less than the same sessions into a database
 * that keeps growing, and the merge leaves the database compact, with its
 * sessions before its quotes (merge_and_swap says why that matters).
 *
 * Where things go: the shards and the merged database are written in a
 * hidden directory beside the target (the same file system, so that the
 * swap is a rename), removed at the end whatever happened.
 */
#define _GNU_SOURCE     /* renameat2 */
#include "evindex_parallel.h"

#include "../cli/progress.h"
#include "../common/remove_tree.h"

#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <libgen.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Batches per thread: enough that a thread which draws short batches does
 * not wait long for one that drew a long one at the end. */
#define BATCHES_PER_JOB 4

typedef struct batch {
    size_t from, to;            /* files[from..to) */
    char *shard;                /* its database */
    char *quotes;               /* its quotes' (see merge_and_swap) */
    int started, done;
    char *messages;             /* what to print when its turn comes */
    size_t messages_len;
} batch;

typedef struct shared {
    par_build *b;
    char *const *files;
    batch *batches;
    size_t n_batches, next, next_print;
    pthread_mutex_t lock;
    progress progress;
} shared;

/* ------------------------------------------------------------ helpers */

static char *join_path(const char *dir, const char *name)
{
    size_t len = strlen(dir) + strlen(name) + 2;
    char *p = malloc(len);
    if (p)
        snprintf(p, len, "%s/%s", dir, name);
    return p;
}

/* The directory holding path, and path's last component (both malloc'd). */
static int split_path(const char *path, char **dir, char **base)
{
    char *a = strdup(path), *b = strdup(path);
    *dir = a ? strdup(dirname(a)) : NULL;
    *base = b ? strdup(basename(b)) : NULL;
    free(a);
    free(b);
    if (*dir && *base)
        return 0;
    free(*dir);
    free(*base);
    return -1;
}

/* A new hidden directory beside path, or NULL. */
static char *make_build_dir(const char *path)
{
    char *dir, *base;
    if (split_path(path, &dir, &base) < 0)
        return NULL;
    size_t len = strlen(dir) + strlen(base) + 32;
    char *tmp = malloc(len);
    if (tmp) {
        snprintf(tmp, len, "%s/.%s.build-XXXXXX", dir, base);
        if (!mkdtemp(tmp)) {
            free(tmp);
            tmp = NULL;
        }
    }
    free(dir);
    free(base);
    return tmp;
}

void evindex_parallel_clean(const char *db_path)
{
    char *dir, *base;
    if (split_path(db_path, &dir, &base) < 0)
        return;
    size_t len = strlen(dir) + strlen(base) + 16;
    char *pattern = malloc(len);
    glob_t g;
    if (pattern) {
        snprintf(pattern, len, "%s/.%s.build-*", dir, base);
        if (glob(pattern, GLOB_NOSORT, NULL, &g) == 0) {
            for (size_t i = 0; i < g.gl_pathc; i++)
                remove_tree(g.gl_pathv[i]);
            globfree(&g);
        }
    }
    free(pattern);
    free(dir);
    free(base);
}

int evindex_parallel_possible(const char *db_path)
{
    /* a link would be swapped for the new database, not what it points to */
    struct stat sb;
    if (lstat(db_path, &sb) != 0 || !S_ISDIR(sb.st_mode))
        return 0;
    char *tmp = make_build_dir(db_path);
    if (!tmp)
        return 0;
    char *a = join_path(tmp, "a"), *b = join_path(tmp, "b");
    int ok = a && b && mkdir(a, 0700) == 0 && mkdir(b, 0700) == 0 &&
             renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE) == 0;
    free(a);
    free(b);
    remove_tree(tmp);
    free(tmp);
    return ok;
}

/* ------------------------------------------------------------ messages */

/* Adds "evindex: [where: ]msg" to the batch's messages (lost if memory
 * runs out: the count of failures still says something failed). */
static void note_at(batch *bt, const char *where, const char *msg)
{
    size_t add = (where ? strlen(where) + 2 : 0) + strlen(msg) + sizeof "evindex: \n";
    char *m = realloc(bt->messages, bt->messages_len + add);
    if (!m)
        return;
    bt->messages = m;
    bt->messages_len += (size_t)snprintf(m + bt->messages_len, add, "evindex: %s%s%s\n",
                                         where ? where : "", where ? ": " : "", msg);
}


/* Prints the messages of the batches done, in batch order (lock held). */
static void flush_messages(shared *s)
{
    while (s->next_print < s->n_batches && s->batches[s->next_print].done) {
        batch *bt = &s->batches[s->next_print++];
        if (bt->messages_len) {
            progress_clear(&s->progress);
            fwrite(bt->messages, 1, bt->messages_len, stderr);
        }
        free(bt->messages);
        bt->messages = NULL;
    }
}

/* ------------------------------------------------------------ workers */

/* What one batch did, added to the totals when it is done. */
typedef struct tally {
    unsigned failed;            /* files that could not be indexed */
    unsigned pending;           /* sessions since the last commit */
    int fatal;                  /* the shard could not be written */
} tally;

/* Indexes one batch into its shard. */
static void run_batch(shared *s, batch *bt, tally *t)
{
    par_build *b = s->b;
    evs_writer *w = NULL;
    /* the spelling data is written once, into the merged database */
    if (evs_writer_open(bt->shard, &w) != EVS_OK || evs_writer_set_spelling(w, 0) != EVS_OK ||
        evs_writer_quotes_apart(w, bt->quotes) != EVS_OK ||
        (b->languages && evs_writer_set_languages(w, b->languages) != EVS_OK)) {
        note_at(bt, b->db_path, evs_writer_errmsg(w));
        t->fatal = 1;
        evs_writer_close(w);
        return;
    }
    for (size_t i = bt->from; i < bt->to && !*b->interrupted && !t->fatal; i++) {
        evs_file_stats st;
        evs_status rc = evs_writer_add_file(w, s->files[i], &st);
        pthread_mutex_lock(&s->lock);
        int other_failed = b->fatal;    /* another thread's shard: all stop */
        if (rc == EVS_OK) {
            b->files++;
            b->sessions += st.sessions;
            b->quotes += st.quotes;
            progress_show(&s->progress, b->files, b->sessions, b->quotes, s->files[i]);
        }
        pthread_mutex_unlock(&s->lock);
        if (other_failed) {
            t->fatal = 1;
        } else if (rc != EVS_OK) {
            /* a bad file is skipped (its message names it); a failing
             * database stops the build */
            note_at(bt, rc == EVS_BAD_INPUT ? NULL : b->db_path, evs_writer_errmsg(w));
            if (rc == EVS_BAD_INPUT)
                t->failed++;
            else
                t->fatal = 1;
        } else if ((t->pending += st.sessions) >= b->commit_every) {
            if (evs_writer_commit(w) != EVS_OK) {
                note_at(bt, b->db_path, evs_writer_errmsg(w));
                t->fatal = 1;
            }
            t->pending = 0;
        }
    }
    if (!t->fatal && evs_writer_commit(w) != EVS_OK) {
        note_at(bt, b->db_path, evs_writer_errmsg(w));
        t->fatal = 1;
    }
    evs_writer_close(w);
}

static void *worker(void *arg)
{
    shared *s = arg;
    for (;;) {
        tally t = { 0 };
        pthread_mutex_lock(&s->lock);
        batch *bt = NULL;
        if (s->next < s->n_batches && !s->b->fatal && !*s->b->interrupted) {
            bt = &s->batches[s->next++];
            bt->started = 1;
        }
        pthread_mutex_unlock(&s->lock);
        if (!bt)
            return NULL;
        run_batch(s, bt, &t);
        pthread_mutex_lock(&s->lock);
        s->b->failed += t.failed;
        s->b->fatal |= t.fatal;
        bt->done = 1;
        flush_messages(s);
        pthread_mutex_unlock(&s->lock);
    }
}

/* ------------------------------------------------------------ the build */

/* Gives the merged database the spelling data the shards left out. */
static int add_spelling(const char *merged)
{
    evs_writer *w = NULL;
    if (evs_writer_open(merged, &w) != EVS_OK || evs_writer_spelling_from_index(w) != EVS_OK ||
        evs_writer_commit(w) != EVS_OK) {
        fprintf(stderr, "evindex: %s: %s\n", merged, w ? evs_writer_errmsg(w) : "out of memory");
        evs_writer_close(w);
        return -1;
    }
    evs_writer_close(w);
    return 0;
}

/* Merges the shards started into build_dir/merged and puts it in the
 * target's place; the old (empty) target ends up in build_dir.  All the
 * shards' sessions come first, then all their quotes: a search ranks one
 * kind, and the engine looks up the length of each document it ranks in a
 * list in id order, reading the chunk (a few hundred documents) that holds
 * it from the chunk's start.  Interleaved, a word in many documents had
 * the search read nearly every chunk; with each kind's ids together, it
 * reads only its kind's chunks (6% fewer instructions over the
 * benchmark's queries).  Within each kind the files' order stays, as on
 * one thread. */
static int merge_and_swap(shared *s, const char *build_dir)
{
    par_build *b = s->b;
    const char **shards = malloc(2 * s->n_batches * sizeof *shards);
    char *merged = join_path(build_dir, "merged");
    if (!shards || !merged) {
        fputs("evindex: out of memory\n", stderr);
        free(shards);
        free(merged);
        return -1;
    }
    size_t n = 0;
    for (int quotes = 0; quotes < 2; quotes++)
        for (size_t i = 0; i < s->n_batches; i++)
            if (s->batches[i].started)
                shards[n++] = quotes ? s->batches[i].quotes : s->batches[i].shard;
    int rc = 0;
    char *why = NULL;
    if (n && evs_merge(shards, n, merged, &why) != EVS_OK) {
        fprintf(stderr, "evindex: %s\n", why ? why : "out of memory");
        rc = -1;
    } else if (n && add_spelling(merged) != 0) {
        rc = -1;
    } else if (n && renameat2(AT_FDCWD, merged, AT_FDCWD, b->db_path, RENAME_EXCHANGE) != 0) {
        fprintf(stderr, "evindex: %s: putting the new database in place failed: %s\n",
                b->db_path, strerror(errno));
        rc = -1;
    }
    evs_free(why);
    free(shards);
    free(merged);
    return rc;
}

int evindex_parallel(par_build *b, char *const *files, size_t n)
{
    shared s = { .b = b, .files = files };
    pthread_mutex_init(&s.lock, NULL);
    progress_init(&s.progress, b->progress);
    char *build_dir = make_build_dir(b->db_path);
    size_t want = (size_t)b->jobs * BATCHES_PER_JOB;
    s.n_batches = n < want ? n : want;
    s.batches = calloc(s.n_batches ? s.n_batches : 1, sizeof *s.batches);
    pthread_t *threads = calloc(b->jobs, sizeof *threads);
    if (!build_dir || !s.batches || !threads) {
        fprintf(stderr, "evindex: %s\n", build_dir ? "out of memory"
                        : "cannot make a build directory beside the database");
        b->fatal = 1;
    }
    for (size_t i = 0; !b->fatal && i < s.n_batches; i++) {
        char name[32], quotes[32];
        snprintf(name, sizeof name, "%05zu", i);
        snprintf(quotes, sizeof quotes, "%05zu-quotes", i);
        s.batches[i].from = n * i / s.n_batches;
        s.batches[i].to = n * (i + 1) / s.n_batches;
        if (!(s.batches[i].shard = join_path(build_dir, name)) ||
            !(s.batches[i].quotes = join_path(build_dir, quotes))) {
            fputs("evindex: out of memory\n", stderr);
            b->fatal = 1;
        }
    }
    unsigned started = 0;
    for (unsigned i = 1; !b->fatal && i < b->jobs; i++)
        if (pthread_create(&threads[started], NULL, worker, &s) == 0)
            started++;
    if (!b->fatal)
        worker(&s);     /* this thread is a worker too */
    for (unsigned i = 0; i < started; i++)
        pthread_join(threads[i], NULL);
    pthread_mutex_lock(&s.lock);
    for (size_t i = 0; i < s.n_batches; i++)     /* the rest, should one be missing */
        s.batches[i].done = 1;
    flush_messages(&s);
    pthread_mutex_unlock(&s.lock);
    progress_clear(&s.progress);

    if (!b->fatal && merge_and_swap(&s, build_dir) < 0)
        b->fatal = 1;
    /* the target, or what it was before the swap, closes before it goes */
    evs_writer_close(b->target);
    b->target = NULL;
    if (build_dir)
        remove_tree(build_dir);
    for (size_t i = 0; s.batches && i < s.n_batches; i++) {
        free(s.batches[i].shard);
        free(s.batches[i].quotes);
        free(s.batches[i].messages);
    }
    free(s.batches);
    free(threads);
    free(build_dir);
    pthread_mutex_destroy(&s.lock);
    if (b->fatal) {
        fprintf(stderr, "evindex: %s: the build stopped; the database is as it was\n",
                b->db_path);
        b->files = b->sessions = b->quotes = 0;
        return -1;
    }
    return 0;
}
