/*
 * strset.h — a set of byte strings, for "have I seen this word already in
 * this document".  Open addressing over a power-of-two table; the strings
 * live in one arena, so clearing the set for the next document frees
 * nothing and allocates nothing.
 */
#ifndef EVS_COMMON_STRSET_H
#define EVS_COMMON_STRSET_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/* A slot: the string's hash, and 0 (empty) or 1 + the offset of its entry
 * in the arena.  Most probes past another string stop at the hash,
 * without reading the arena. */
typedef struct strset_slot {
    uint32_t hash, at;
} strset_slot;

typedef struct strset {
    strset_slot *slots;
    size_t cap, n;
    buf arena;              /* entries: 4-byte length, 4-byte index, bytes, NUL */
} strset;

#define STRSET_INIT { NULL, 0, 0, BUF_INIT }

/* Adds s[0..len); 1 if it was new, 0 if present, -1 when memory ran out.
 * *index (may be NULL) receives its number: 0 for the first string added,
 * 1 for the next, and so on, so that callers can keep data beside it. */
int strset_add(strset *set, const char *s, size_t len, size_t *index);
/* Calls fn for every string, in the order they were added (index 0, 1,
 * ...); stops at and returns fn's first non-zero value. */
int strset_each(const strset *set,
                int (*fn)(void *ctx, const char *s, size_t len, size_t index), void *ctx);
void strset_clear(strset *set);
void strset_free(strset *set);

#endif
