/* strset.c — see strset.h. */
#include "strset.h"

#include <stdlib.h>
#include <string.h>

/* The hash of s[0, len): eight bytes at a time, each multiplied in and
 * folded down, so that every byte moves the low bits the table uses (a
 * byte at a time cost the indexer's per-document term tally, its busiest
 * user, more than its probing).  Only this process's tables depend on it. */
static uint32_t hash(const char *s, size_t len)
{
    uint64_t h = 0x9E3779B97F4A7C15ULL ^ len;
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        h = (h ^ w) * 0xFF51AFD7ED558CCDULL;
        h ^= h >> 32;
    }
    if (i < len) {
        uint64_t w = 0;
        for (unsigned k = 0; i < len; i++, k += 8)
            w |= (uint64_t)(unsigned char)s[i] << k;
        h = (h ^ w) * 0xFF51AFD7ED558CCDULL;
        h ^= h >> 32;
    }
    h *= 0xC4CEB9FE1A85EC53ULL;
    return (uint32_t)(h >> 32);
}

#define HEAD (2 * sizeof(uint32_t))     /* length and index */

static const char *entry(const strset *set, uint32_t slot, size_t *len, size_t *index)
{
    uint32_t head[2];
    memcpy(head, set->arena.data + slot - 1, sizeof head);
    *len = head[0];
    if (index)
        *index = head[1];
    return set->arena.data + slot - 1 + HEAD;
}

static int grow(strset *set)
{
    size_t cap = set->cap ? set->cap * 2 : 256;
    strset_slot *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return -1;
    for (size_t i = 0; i < set->cap; i++) {
        if (!set->slots[i].at)
            continue;
        size_t j = set->slots[i].hash & (cap - 1);
        while (slots[j].at)
            j = (j + 1) & (cap - 1);
        slots[j] = set->slots[i];
    }
    free(set->slots);
    set->slots = slots;
    set->cap = cap;
    return 0;
}

int strset_add(strset *set, const char *s, size_t len, size_t *index)
{
    if (len > UINT32_MAX || set->arena.len + len + HEAD + 1 > UINT32_MAX - 1)
        return -1;
    /* keep the table at most half full */
    if ((set->n + 1) * 2 > set->cap && grow(set) < 0)
        return -1;
    uint32_t h = hash(s, len);
    size_t j = h & (set->cap - 1);
    for (; set->slots[j].at; j = (j + 1) & (set->cap - 1)) {
        if (set->slots[j].hash != h)
            continue;
        size_t elen;
        const char *e = entry(set, set->slots[j].at, &elen, index);
        if (elen == len && memcmp(e, s, len) == 0)
            return 0;
    }
    /* room for the whole entry first, so that the appends below cannot
     * fail half way and leave part of it */
    if (buf_reserve(&set->arena, HEAD + len + 1) < 0)
        return -1;
    uint32_t at = (uint32_t)set->arena.len + 1, head[2] = { (uint32_t)len, (uint32_t)set->n };
    buf_append(&set->arena, head, HEAD);
    buf_append(&set->arena, s, len);
    buf_putc(&set->arena, '\0');
    set->slots[j] = (strset_slot){ h, at };
    if (index)
        *index = set->n;
    set->n++;
    return 1;
}

int strset_each(const strset *set,
                int (*fn)(void *ctx, const char *s, size_t len, size_t index), void *ctx)
{
    for (size_t off = 0; off < set->arena.len;) {
        uint32_t head[2];
        memcpy(head, set->arena.data + off, sizeof head);
        int rc = fn(ctx, set->arena.data + off + HEAD, head[0], head[1]);
        if (rc)
            return rc;
        off += HEAD + head[0] + 1;
    }
    return 0;
}

void strset_clear(strset *set)
{
    if (set->slots && set->n)
        memset(set->slots, 0, set->cap * sizeof *set->slots);
    set->n = 0;
    buf_clear(&set->arena);
}

void strset_free(strset *set)
{
    free(set->slots);
    buf_free(&set->arena);
    memset(set, 0, sizeof *set);
}
