/*
 * snippet_match.h — the marks snippets are cut around (private to
 * snippet.c).  A field's stored text is tokenised again with the analysis
 * the index used, and a span marks each place where one of the query's
 * words, phrases or NEAR groups stands (see snippet.h for what matches).
 */
#ifndef EVS_QUERY_SNIPPET_MATCH_H
#define EVS_QUERY_SNIPPET_MATCH_H

#include <stddef.h>
#include <stdint.h>

#include "snippet.h"

typedef struct span {
    size_t start, end;
    size_t group;           /* which query group marked it */
    unsigned how;           /* EVS_MATCH_* */
    uint32_t pos;           /* word position of its first word */
} span;

typedef struct spans {
    span *v;
    size_t n, cap;
} spans;

/* What marking needs of a request, made once and used for each field. */
typedef struct snip_marker snip_marker;

/* NULL when memory ran out. */
snip_marker *snip_marker_new(const snip_request *rq);
/*
 * The marks of field f into *out (zeroed by the caller): sorted, and merged
 * where they overlap or only spaces and hyphens stand between them.  The
 * caller frees out->v, also after a failure.  Returns 0, or -1 when memory
 * ran out.
 */
int snip_mark_field(snip_marker *mk, const snip_field *f, spans *out);
void snip_marker_free(snip_marker *mk);

#endif
