/*
 * search_kinds.h — the two searches of one query, sessions and quotes
 * (a quote is a document of its own, see common/schema.c): the engine's
 * answers, and each hit filled from its stored record, with its snippets
 * and (for --explain) where its words are.
 */
#ifndef EVS_QUERY_SEARCH_KINDS_H
#define EVS_QUERY_SEARCH_KINDS_H

#include "../shim/engine.h"
#include "matcher.h"
#include "record_cache.h"
#include "results.h"
#include "side_search.h"

/* Where a search runs: an engine handle, analyzers that only the thread
 * running it uses, and the records already read at this state of the
 * database (both readers of a search share them; NULL: none). */
typedef struct reader {
    eng_db *db;
    const match_langs *langs;
    record_cache *records;
} reader;

/*
 * Sessions (q) and, unless qq is NULL, quotes (qq), into res.  any_kind:
 * the query may match documents of either kind and is restricted to its
 * own (see matcher.h).  With a side reader (else NULL) at here's state,
 * its thread searches the quotes while this one searches the sessions,
 * and then both fill the session hits (with opts->explain this thread
 * alone: explaining a hit runs the sessions' query again, which belongs to
 * this thread); else this thread does it all, one kind after the other.
 * On failure *failed is the handle whose message says why.
 */
eng_status run_kinds(reader here, side_search *side, evs_results *res, const eng_query *q,
                     int q_any, const eng_query *qq, int qq_any, const matcher *m,
                     const evs_search_options *opts, eng_db **failed);

#endif
