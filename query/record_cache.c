/*
 * record_cache.c — see record_cache.h.
 *
 * A fixed array of slots found through a chained hash of document
 * numbers.  Room is made with a clock: a hand goes round the slots, and a
 * record asked for since the hand last passed is spared once, so records
 * in use stay and those shown once go first.
 */
#include "record_cache.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define SLOTS 2048                      /* records kept at most */
#define BUCKETS 4096                    /* a power of two */

typedef struct slot {
    char *data;                         /* NULL: free */
    size_t len;
    uint32_t id;
    int asked;                          /* asked for since the hand passed */
    int next;                           /* the next slot of its bucket, or -1 */
} slot;

struct record_cache {
    pthread_mutex_t lock;
    size_t max_bytes, bytes;
    size_t hand;
    slot slots[SLOTS];
    int buckets[BUCKETS];               /* first slot of each, or -1 */
};

static size_t bucket_of(uint32_t id)
{
    return (id * 2654435761u) >> 20 & (BUCKETS - 1);
}

static void reset(record_cache *c)
{
    for (size_t i = 0; i < SLOTS; i++) {
        free(c->slots[i].data);
        c->slots[i] = (slot){ NULL, 0, 0, 0, -1 };
    }
    for (size_t b = 0; b < BUCKETS; b++)
        c->buckets[b] = -1;
    c->bytes = 0;
    c->hand = 0;
}

record_cache *record_cache_new(size_t max_bytes)
{
    record_cache *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    if (pthread_mutex_init(&c->lock, NULL) != 0) {
        free(c);
        return NULL;
    }
    c->max_bytes = max_bytes;
    reset(c);
    return c;
}

void record_cache_free(record_cache *c)
{
    if (!c)
        return;
    reset(c);
    pthread_mutex_destroy(&c->lock);
    free(c);
}

static int find(const record_cache *c, uint32_t id)
{
    int s = c->buckets[bucket_of(id)];
    while (s >= 0 && !(c->slots[s].data && c->slots[s].id == id))
        s = c->slots[s].next;
    return s;
}

char *record_cache_get(record_cache *c, uint32_t id, size_t *len)
{
    if (!c)
        return NULL;
    char *copy = NULL;
    pthread_mutex_lock(&c->lock);
    int s = find(c, id);
    if (s >= 0 && (copy = malloc(c->slots[s].len + 1))) {
        memcpy(copy, c->slots[s].data, c->slots[s].len);
        copy[c->slots[s].len] = '\0';
        *len = c->slots[s].len;
        c->slots[s].asked = 1;
    }
    pthread_mutex_unlock(&c->lock);
    return copy;
}

/* Empties slot s, taking it out of its bucket's chain. */
static void drop(record_cache *c, int s)
{
    slot *o = &c->slots[s];
    int *link = &c->buckets[bucket_of(o->id)];
    while (*link != s)
        link = &c->slots[*link].next;
    *link = o->next;
    c->bytes -= o->len;
    free(o->data);
    *o = (slot){ NULL, 0, 0, 0, -1 };
}

/* A free slot, made by the clock when none is: a record asked for since
 * the hand last passed is spared this time round. */
static int free_slot(record_cache *c)
{
    for (;;) {
        int s = (int)c->hand;
        c->hand = (c->hand + 1) % SLOTS;
        slot *o = &c->slots[s];
        if (!o->data)
            return s;
        if (o->asked)
            o->asked = 0;
        else {
            drop(c, s);
            return s;
        }
    }
}

void record_cache_put(record_cache *c, uint32_t id, const char *data, size_t len)
{
    if (!c || !data || len == 0 || len > c->max_bytes / 4)
        return;
    char *copy = malloc(len);
    if (!copy)
        return;
    memcpy(copy, data, len);
    pthread_mutex_lock(&c->lock);
    if (find(c, id) >= 0) {             /* the other thread was first */
        pthread_mutex_unlock(&c->lock);
        free(copy);
        return;
    }
    int s = free_slot(c);
    /* then room for its bytes: the hand goes on (and may pass s, free, by
     * again); two rounds at most, as it spares a record only once */
    while (c->bytes + len > c->max_bytes)
        (void)free_slot(c);
    slot *o = &c->slots[s];
    size_t b = bucket_of(id);
    *o = (slot){ copy, len, id, 0, c->buckets[b] };
    c->buckets[b] = s;
    c->bytes += len;
    pthread_mutex_unlock(&c->lock);
}

void record_cache_clear(record_cache *c)
{
    if (!c)
        return;
    pthread_mutex_lock(&c->lock);
    reset(c);
    pthread_mutex_unlock(&c->lock);
}
