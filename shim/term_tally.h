/*
 * term_tally.h — a document's terms with their wdf summed, before they go
 * to the engine.
 *
 * The indexer adds a term at each occurrence: a word, its stem, its
 * field's terms, its exact form.  The engine's document keeps its terms in
 * a sorted map that every add searches, string compare after string
 * compare: on 300 generated sessions (896 documents with their quotes)
 * that was 676,608 adds and 10% of the build's instructions.  Summed here
 * first, in a hash table, each distinct term reaches the engine once,
 * with the same total, and the document the engine writes is the same.
 */
#ifndef EVS_SHIM_TERM_TALLY_H
#define EVS_SHIM_TERM_TALLY_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct tally_slot tally_slot;
typedef struct tally_entry tally_entry;

typedef struct term_tally {
    tally_slot *slots;      /* open addressing; a power of two of them */
    size_t n_slots;
    tally_entry *entries;   /* the distinct terms, in the order first added */
    size_t n, cap;
    char *bytes;            /* their text, one after another */
    size_t bytes_len, bytes_cap;
} term_tally;

/* Zeroed, a tally is empty and ready. */
#define TERM_TALLY_INIT { 0 }

void term_tally_free(term_tally *t);

/* Adds wdf to term[0, len) (len > 0), entering it when new: 0, or -1 when
 * memory ran out (the tally is then as it was). */
int term_tally_add(term_tally *t, const char *term, size_t len, uint32_t wdf);

/* The distinct terms, i from 0 to t->n: the i-th first added, its length
 * into *len and its summed wdf into *wdf. */
const char *term_tally_at(const term_tally *t, size_t i, size_t *len, uint32_t *wdf);

/* Forgets every term, keeping the memory for the next document. */
void term_tally_clear(term_tally *t);

#ifdef __cplusplus
}
#endif

#endif
