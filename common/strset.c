/* strset.c — see strset.h. */
#include "strset.h"

#include <stdlib.h>
#include <string.h>

static uint32_t hash(const char *s, size_t len)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
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
    uint32_t *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return -1;
    for (size_t i = 0; i < set->cap; i++) {
        if (!set->slots[i])
            continue;
        size_t len;
        const char *s = entry(set, set->slots[i], &len, NULL);
        size_t j = hash(s, len) & (cap - 1);
        while (slots[j])
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
    size_t j = hash(s, len) & (set->cap - 1);
    for (; set->slots[j]; j = (j + 1) & (set->cap - 1)) {
        size_t elen;
        const char *e = entry(set, set->slots[j], &elen, index);
        if (elen == len && memcmp(e, s, len) == 0)
            return 0;
    }
    uint32_t at = (uint32_t)set->arena.len + 1, head[2] = { (uint32_t)len, (uint32_t)set->n };
    if (buf_append(&set->arena, head, sizeof head) < 0 || buf_append(&set->arena, s, len) < 0 ||
        buf_putc(&set->arena, '\0') < 0)
        return -1;
    set->slots[j] = at;
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
    if (set->slots)
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
