/*
 * suggest.h — "did you mean": the query with its unknown words replaced by
 * the nearest words of the index's own vocabulary (its spelling data,
 * which evindex fills with the words of every session).
 */
#ifndef EVS_QUERY_SUGGEST_H
#define EVS_QUERY_SUGGEST_H

#include "../shim/engine.h"

/*
 * Returns the query with each word the index does not hold replaced by the
 * engine's spelling suggestion, malloc'd; NULL when no word needs or has a
 * replacement.  Operators, field names and filter values are left alone.
 * *st receives an engine failure (ENG_OK otherwise).
 */
char *suggest_query(eng_db *db, const char *query, eng_status *st);

#endif
