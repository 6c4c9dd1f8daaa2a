/* term_tally.c — see term_tally.h. */
#include "term_tally.h"

#include <stdlib.h>
#include <string.h>

#include "../common/grow.h"

/* A slot holds a term's hash and its entry's index plus one; 0 is an
 * empty slot.  Most lookups of another term stop at the hash. */
struct tally_slot {
    uint32_t hash;
    uint32_t entry;
};

struct tally_entry {
    uint32_t off, len;      /* in bytes */
    uint32_t wdf;
};

/* Doubled at half full: a session's six hundred or so distinct terms
 * take 2,048 slots.  A quote's hundred or so take fewer, and the engine's
 * shim passes a tally from one document to the next made on a thread
 * (engine.cc), so it grows a few times per thread, not per document. */
#define FIRST_SLOTS 128

void term_tally_free(term_tally *t)
{
    free(t->slots);
    free(t->entries);
    free(t->bytes);
    memset(t, 0, sizeof *t);
}

void term_tally_clear(term_tally *t)
{
    if (t->n)
        memset(t->slots, 0, t->n_slots * sizeof *t->slots);
    t->n = 0;
    t->bytes_len = 0;
}

/* The hash of term[0, len): eight bytes at a time, each multiplied in and
 * folded down, so that every byte moves the low bits the table uses.  Only
 * this process's table depends on it. */
static uint32_t hash_term(const char *term, size_t len)
{
    uint64_t h = 0x9E3779B97F4A7C15ULL ^ len;
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t w;
        memcpy(&w, term + i, 8);
        h = (h ^ w) * 0xFF51AFD7ED558CCDULL;
        h ^= h >> 32;
    }
    if (i < len) {
        uint64_t w = 0;
        for (unsigned k = 0; i < len; i++, k += 8)
            w |= (uint64_t)(unsigned char)term[i] << k;
        h = (h ^ w) * 0xFF51AFD7ED558CCDULL;
        h ^= h >> 32;
    }
    h *= 0xC4CEB9FE1A85EC53ULL;
    return (uint32_t)(h >> 32);
}

/* The slot where hash h's term is, or the empty one where it would go. */
static tally_slot *find(const term_tally *t, uint32_t h, const char *term, size_t len)
{
    size_t mask = t->n_slots - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        tally_slot *s = &t->slots[i];
        if (!s->entry)
            return s;
        const tally_entry *e = &t->entries[s->entry - 1];
        if (s->hash == h && e->len == len && memcmp(t->bytes + e->off, term, len) == 0)
            return s;
    }
}

/* Twice the slots (FIRST_SLOTS at first), every entry placed again. */
static int grow_slots(term_tally *t)
{
    size_t n = t->n_slots ? t->n_slots * 2 : FIRST_SLOTS;
    tally_slot *old = t->slots;
    size_t old_n = t->n_slots;
    if (!(t->slots = calloc(n, sizeof *t->slots))) {
        t->slots = old;
        return -1;
    }
    t->n_slots = n;
    for (size_t i = 0; i < old_n; i++)
        if (old[i].entry) {
            size_t j = old[i].hash & (n - 1);
            while (t->slots[j].entry)
                j = (j + 1) & (n - 1);
            t->slots[j] = old[i];
        }
    free(old);
    return 0;
}

int term_tally_add(term_tally *t, const char *term, size_t len, uint32_t wdf)
{
    if ((t->n + 1) * 2 > t->n_slots && grow_slots(t) < 0)
        return -1;
    uint32_t h = hash_term(term, len);
    tally_slot *s = find(t, h, term, len);
    if (s->entry) {
        t->entries[s->entry - 1].wdf += wdf;
        return 0;
    }
    if (len > UINT32_MAX - t->bytes_len || t->n >= UINT32_MAX - 1)
        return -1;
    if (t->n == t->cap) {
        tally_entry *e = grow_array(t->entries, &t->cap, sizeof *e, 256);
        if (!e)
            return -1;
        t->entries = e;
    }
    while (t->bytes_len + len > t->bytes_cap) {
        char *b = grow_array(t->bytes, &t->bytes_cap, 1, 4096);
        if (!b)
            return -1;
        t->bytes = b;
    }
    memcpy(t->bytes + t->bytes_len, term, len);
    t->entries[t->n] = (tally_entry){ (uint32_t)t->bytes_len, (uint32_t)len, wdf };
    t->bytes_len += len;
    s->hash = h;
    s->entry = (uint32_t)++t->n;
    return 0;
}

const char *term_tally_at(const term_tally *t, size_t i, size_t *len, uint32_t *wdf)
{
    const tally_entry *e = &t->entries[i];
    *len = e->len;
    *wdf = e->wdf;
    return t->bytes + e->off;
}
