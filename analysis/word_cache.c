/* word_cache.c — see word_cache.h. */
#include "word_cache.h"

#include <stdlib.h>
#include <string.h>

#define CACHE_MIN_SLOTS 256             /* powers of two, at least WAYS */
#define CACHE_MAX_SLOTS 16384
#define WAYS 8                          /* entries a word may go to */
#define TAG_USED 0x8000u

uint32_t word_hash(const char *s, size_t len)
{
    uint64_t h = WORD_HASH_SEED ^ len;
    while (len >= 8) {
        uint64_t x;
        memcpy(&x, s, 8);
        h = word_hash_chunk(h, x);
        s += 8;
        len -= 8;
    }
    uint64_t x = 0;
    memcpy(&x, s, len);
    return word_hash_last(h, x);
}

/* The tag of hash h (the set comes from its low bits, the tag from its
 * high ones). */
static inline uint16_t tag_of(uint32_t h)
{
    return (uint16_t)((h >> 16) | TAG_USED);
}

/* The first entry of the set for hash h in a cache of n slots. */
static size_t set_of(uint32_t h, size_t n)
{
    return (h * (size_t)WAYS) & (n - 1);
}

/* Makes the cache twice as big, keeping what fits. */
static void grow(word_cache *c)
{
    size_t n = c->slots ? c->slots * 2 : CACHE_MIN_SLOTS;
    uint16_t *tags = calloc(n, sizeof *tags);
    word_entry *entries = malloc(n * sizeof *entries);
    if (!tags || !entries) {
        free(tags);
        free(entries);
        c->failed = c->slots == 0;
        c->evictions = 0;
        return;
    }
    for (size_t i = 0; i < c->slots; i++) {
        if (!c->tags[i])
            continue;
        size_t set = set_of(word_hash(c->entries[i].data, c->entries[i].klen), n);
        for (size_t w = 0; w < WAYS; w++)
            if (!tags[set + w]) {
                tags[set + w] = c->tags[i];
                entries[set + w] = c->entries[i];
                break;
            }
    }
    free(c->tags);
    free(c->entries);
    c->tags = tags;
    c->entries = entries;
    c->slots = n;
    c->evictions = 0;
}

/* Whether entry key x and key y, both n bytes, are the same.  Keys are
 * short: a call to memcmp would cost more than the compare.  When padded,
 * y may be read in whole eight-byte chunks (ASCII keys, which live in the
 * analyzer's term buffer); x may within WORD_ENTRY_DATA. */
static inline int same(const char *x, const char *y, size_t n, int padded)
{
    size_t i = 0;
    uint64_t p, q;
    for (; i + 8 <= n; i += 8) {
        memcpy(&p, x + i, 8);
        memcpy(&q, y + i, 8);
        if (p != q)
            return 0;
    }
    if (i == n)
        return 1;
    if (LITTLE_ENDIAN_LOADS && padded && i + 8 <= WORD_ENTRY_DATA) {
        memcpy(&p, x + i, 8);
        memcpy(&q, y + i, 8);
        return ((p ^ q) & (~0ull >> (64 - 8 * (n - i)))) == 0;
    }
    return memcmp(x + i, y + i, n - i) == 0;
}

/* Looks key (of hash h) up: its entry, or NULL. */
const word_entry *word_cache_get(word_cache *c, const char *key, size_t klen, uint32_t h,
                                 int padded)
{
    if (!c->entries) {
        if (c->failed)
            return NULL;
        grow(c);
        if (!c->entries)
            return NULL;
    }
    c->lookups++;
    size_t set = set_of(h, c->slots);
    uint16_t tag = tag_of(h);
    for (size_t w = 0; w < WAYS; w++) {
        const word_entry *e = &c->entries[set + w];
        if (c->tags[set + w] == tag && e->klen == klen && same(e->data, key, klen, padded)) {
            c->hits++;
            return e;
        }
    }
    return NULL;
}

void word_cache_put(word_cache *c, uint32_t h, const char *key, size_t klen,
                    const char *term, size_t tlen, const char *stem, size_t slen)
{
    if (!c->entries || klen + tlen + slen + 2 > WORD_ENTRY_DATA)
        return;
    size_t set = set_of(h, c->slots), w = 0;
    while (w < WAYS && c->tags[set + w])
        w++;
    if (w == WAYS) {
        if (++c->evictions >= c->slots / 8 && c->slots < CACHE_MAX_SLOTS) {
            grow(c);
            word_cache_put(c, h, key, klen, term, tlen, stem, slen);
            return;
        }
        w = c->victim++ % WAYS;
    }
    word_entry *e = &c->entries[set + w];
    c->tags[set + w] = tag_of(h);
    e->klen = (unsigned char)klen;
    e->tlen = (unsigned char)tlen;
    e->slen = (unsigned char)slen;
    memcpy(e->data, key, klen);
    memcpy(e->data + klen, term, tlen);
    e->data[klen + tlen] = '\0';
    if (slen)
        memcpy(e->data + klen + tlen + 1, stem, slen);
    e->data[klen + tlen + 1 + slen] = '\0';
}

void word_cache_free(word_cache *c)
{
    free(c->tags);
    free(c->entries);
    memset(c, 0, sizeof *c);
}
