/*
 * session_api.h — the public evs_session (a session built field by field
 * by a program) over the internal session model.
 */
#ifndef EVS_INDEXER_SESSION_API_H
#define EVS_INDEXER_SESSION_API_H

#include "../common/buf.h"
#include "../query/evsearch.h"
#include "session.h"

/* Appends copies of s[0..n) to list: EVS_OK, or EVS_BAD_INPUT / EVS_NOMEM
 * with "SOURCE: reason" in err, and then list keeps what it had. */
evs_status session_list_from_api(const evs_session *const *s, size_t n, session_list *list,
                                 buf *err, const char *source);

#endif
