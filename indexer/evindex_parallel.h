/*
 * evindex_parallel.h — a new database built in parts, on one thread or more.
 *
 * The files are cut into batches in their order; each thread takes the
 * next batch and writes it into a database of its own (a shard, its
 * quotes in another), and the shards are merged, in batch order, into one
 * compact database (evs_merge) that takes its spelling data from its own
 * index (the shards gather none: see indexer/spelling.h) and then the
 * place of the empty one at the target, in one atomic step.  Sessions get
 * ids in the files' order, as on one thread, and so do quotes, after all
 * the sessions (evindex_parallel.c says why); messages come out in the
 * order of the files, whatever thread read them.
 */
#ifndef EVS_INDEXER_EVINDEX_PARALLEL_H
#define EVS_INDEXER_EVINDEX_PARALLEL_H

#include <signal.h>
#include <stddef.h>

#include "evsearch.h"

typedef struct par_build {
    /* in */
    const char *db_path;        /* the target: an empty database, held open by target */
    evs_writer *target;         /* closed by evindex_parallel, whatever happens */
    const char *languages;      /* for evs_writer_set_languages, or NULL */
    unsigned jobs;              /* threads, 1 or more */
    unsigned commit_every;      /* sessions between two commits of a shard */
    int progress;               /* show a progress line on stderr */
    volatile sig_atomic_t *interrupted;
    /* out */
    unsigned files, sessions, quotes, failed;
    int fatal;                  /* the database could not be built: target unchanged */
} par_build;

/*
 * Removes what builds killed part way left beside the database at db_path
 * (their directories of shards).  No build can still be using one: a build
 * holds the database's lock throughout, so call this only while holding it
 * (the database open for writing).
 */
void evindex_parallel_clean(const char *db_path);

/*
 * Whether a parallel build can replace the database at db_path: it must
 * be a directory (not a link to one), on a file system that swaps two
 * directories atomically.  Returns 1, or 0 (then build on one thread).
 */
int evindex_parallel_possible(const char *db_path);

/*
 * Indexes the n files into b->db_path as described above.  Messages go to
 * stderr, each file's when its batch is done.  When interrupted, the
 * batches started are finished at the file being read and what was read is
 * merged in.  Returns 0, or -1 when b->fatal (the target keeps what it had).
 */
int evindex_parallel(par_build *b, char *const *files, size_t n);

#endif
