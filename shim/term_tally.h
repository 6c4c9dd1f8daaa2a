/*
 * term_tally.h — a document's terms with their wdf summed, before they go
 * to the engine.
 *
 * The indexer adds a term at each occurrence: a word, its stem, its
 * field's terms, its exact form.  The engine's document keeps its terms in
 * a sorted map that every add searches, string compare after string
 * compare: on 300 generated sessions (896 documents with their quotes)
 * that was 676,608 adds and 10% of the build's instructions.  Summed here
 * first (a strset of the terms, their sums beside it), each distinct term
 * reaches the engine once, with the same total, and the document the
 * engine writes is the same.
 */
#ifndef EVS_SHIM_TERM_TALLY_H
#define EVS_SHIM_TERM_TALLY_H

#include <stddef.h>
#include <stdint.h>

#include "../common/strset.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct term_tally {
    strset terms;           /* the distinct terms, in the order first added */
    uint32_t *wdf;          /* wdf[i]: the sum for term i */
    size_t cap;             /* of wdf */
    uint64_t total;         /* the sum of every term's: the document's length */
} term_tally;

/* Zeroed, a tally is empty and ready. */
#define TERM_TALLY_INIT { STRSET_INIT, NULL, 0, 0 }

void term_tally_free(term_tally *t);

/* Adds wdf to term[0, len) (len > 0), entering it when new: 0, or -1 when
 * memory ran out (the tally is then as it was). */
int term_tally_add(term_tally *t, const char *term, size_t len, uint32_t wdf);

/* Calls fn for each distinct term, in the order first added, with its
 * summed wdf; stops at and returns fn's first non-zero value. */
int term_tally_each(const term_tally *t,
                    int (*fn)(void *ctx, const char *term, size_t len, uint32_t wdf),
                    void *ctx);

/* Forgets every term, keeping the memory for the next document. */
void term_tally_clear(term_tally *t);

#ifdef __cplusplus
}
#endif

#endif
