/*
 * internal.h — what the library's own files share and callers never see.
 */
#ifndef EVS_QUERY_INTERNAL_H
#define EVS_QUERY_INTERNAL_H

#include "../common/buf.h"
#include "../shim/engine.h"
#include "evsearch.h"

/* The public status for an engine status. */
evs_status status_from_engine(eng_status st);

/* Replaces the message in err with a formatted one and returns st, so that
 * a failure is reported in one statement: return fail(&h->err, st, "..."). */
evs_status fail(buf *err, evs_status st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
