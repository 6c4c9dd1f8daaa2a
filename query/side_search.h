/*
 * side_search.h — a second reader on a database, with a thread to search
 * it: evs_search looks for quotes there while the caller's thread looks
 * for sessions, and the two then fill the session hits between them (see
 * search_kinds.c), which on two processors takes about half the time.
 *
 * The two share nothing that either writes but what a lock guards (which
 * session hit is next): each has its own engine handle and its own
 * analyzers (whose caches change as they work), the query each runs is
 * built before the thread starts, and what both read (the matcher, the
 * options, the sessions found) stays unchanged until the side is waited
 * for.
 */
#ifndef EVS_QUERY_SIDE_SEARCH_H
#define EVS_QUERY_SIDE_SEARCH_H

#include "../shim/engine.h"
#include "matcher.h"

typedef struct side_search side_search;

/* A reader on path with analyzers for the space-separated language codes,
 * in that order (the matcher's stems are by index), or NULL when it cannot
 * be had: the caller then searches one kind after the other. */
side_search *side_open(const char *path, const char *codes);
void side_close(side_search *s);

eng_db *side_db(side_search *s);
const match_langs *side_langs(const side_search *s);

/* Whether s reads the revision that db reads, moving s to the latest when
 * it does not (a writer committed since one of them was opened): 1 or 0;
 * -1 when db has no single revision (a stub file listing several
 * databases), where s can never be known to be in step. */
int side_in_step(side_search *s, eng_db *db);

/* Runs fn(arg) on s's thread (started at the first call, then waiting
 * for the next until side_close): 0, or -1 when there is no thread (it
 * could not be started, or this process was forked from the one that
 * started it), and then nothing ran.  At most one at a time; side_wait
 * waits for it. */
int side_start(side_search *s, void (*fn)(void *), void *arg);
void side_wait(side_search *s);

#endif
