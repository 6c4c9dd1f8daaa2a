/*
 * word_cache.h — an analyzer's cache from a word, as written or (ASCII)
 * lower-cased, to its term and stem (analyzer.c says which key when).
 *
 * 8-way set associative, allocated at the first lookup: each set's tags
 * (two bytes each, the top of an entry's hash) stay in the processor's
 * nearest cache, and a word found costs a hash and a compare.  It starts
 * small (a query analyses a few words) and doubles, up to 16,384 slots,
 * each time an eighth as many entries were overwritten by others as it
 * has slots: an entry overwritten is a word folded and stemmed again when
 * it comes back, so it grows at the first signs of that.  A cache belongs
 * to one analyzer, and so to one thread.
 */
#ifndef EVS_ANALYSIS_WORD_CACHE_H
#define EVS_ANALYSIS_WORD_CACHE_H

#include <stddef.h>
#include <stdint.h>

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define LITTLE_ENDIAN_LOADS 1
#else
#define LITTLE_ENDIAN_LOADS 0
#endif

#define WORD_ENTRY_DATA 92              /* key, term NUL, stem NUL */

typedef struct word_entry {
    unsigned char klen, tlen, slen, unused_;
    char data[WORD_ENTRY_DATA];
} word_entry;

/* Zeroed, an empty cache. */
typedef struct word_cache {
    uint16_t *tags;                     /* per slot: its hash's top, high bit set; 0: empty */
    word_entry *entries;
    size_t slots;                       /* 0: none (yet, or no memory) */
    int failed;                         /* no memory for it: do without */
    size_t evictions;                   /* since the last growth */
    unsigned victim;                    /* turns round the ways */
    uint64_t lookups, hits;
} word_cache;

/* The hash of a key: 8-byte chunks, then the rest padded with zeros
 * (word_hash).  The ASCII path of analyze_word computes the same with
 * these while lower-casing. */
#define WORD_HASH_SEED 0x9E3779B97F4A7C15ull

static inline uint64_t word_hash_chunk(uint64_t h, uint64_t x)
{
    h = (h ^ x) * 0xFF51AFD7ED558CCDull;
    return h ^ (h >> 32);
}

static inline uint32_t word_hash_last(uint64_t h, uint64_t x)
{
    h = (h ^ x) * 0xC4CEB9FE1A85EC53ull;
    h ^= h >> 29;
    return (uint32_t)h;
}

uint32_t word_hash(const char *s, size_t len);

/* Looks key (klen bytes, of hash h) up: its entry, or NULL.  padded: key
 * may be read in whole eight-byte chunks. */
const word_entry *word_cache_get(word_cache *c, const char *key, size_t klen, uint32_t h,
                                 int padded);

/* Keeps key's term and stem (slen 0: none), unless they do not fit an
 * entry or there is no cache. */
void word_cache_put(word_cache *c, uint32_t h, const char *key, size_t klen, const char *term,
                    size_t tlen, const char *stem, size_t slen);

void word_cache_free(word_cache *c);

#endif
