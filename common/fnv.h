/*
 * fnv.h — the 64-bit FNV-1a hash, for what must hash the same way in every
 * run and every version: file contents and the paths that name them in
 * the database (sources.c), over-long ids (doc_builder.c) and the terms
 * of packed positions (shim/positions.c).  Changing
 * it would make every database built before look changed or mis-keyed.
 */
#ifndef EVS_COMMON_FNV_H
#define EVS_COMMON_FNV_H

#include <stddef.h>
#include <stdint.h>

#define FNV64_START 1469598103934665603ULL

/* h (FNV64_START to begin) carried on over data[0, len). */
static inline uint64_t fnv64(uint64_t h, const void *data, size_t len)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= 1099511628211ULL;
    }
    return h;
}

#endif
