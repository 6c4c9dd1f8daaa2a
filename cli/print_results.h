/*
 * print_results.h — search results as structured data: the object that
 * evsearch --json documents (README, "JSON"), in any sprinter format.
 */
#ifndef EVS_CLI_PRINT_RESULTS_H
#define EVS_CLI_PRINT_RESULTS_H

#include "evsearch.h"
#include "sprinter.h"

/* One top-level object: query, estimated_total, suggestion, sessions,
 * quotes, and facets when asked for.  offset numbers the session ranks. */
void print_results(sprinter *sp, const char *query, const evs_results *res,
                   unsigned offset, int facets);

/* One top-level object for a query that failed: {"query", "error"}. */
void print_error(sprinter *sp, const char *query, const char *message);

#endif
