/* positions.c — see positions.h. */
#include "positions.h"

#include <stdlib.h>
#include <string.h>

#include "../common/fnv.h"

uint32_t pos_hash(const char *term, size_t len)
{
    uint64_t h = fnv64(FNV64_START, term, len);
    return (uint32_t)(h ^ h >> 32) & POS_HASH_MASK;
}

/* ---------------------------------------------------------------- packing */

#define HASH_BYTES 3

/* The two counts of the header, 5 bytes at most each; then a posting
 * starts at most one entry: its hash, a head of at most 5 bytes, and its
 * own delta of at most 5. */
size_t pos_pack_bound(size_t n)
{
    return 10 + n * (HASH_BYTES + 5 + 5);
}

/* The head of an entry: a lone position, or the size of the deltas; a
 * position of 2^31 or more is always written as a delta. */
#define LONE_MAX 0x7fffffffu

static unsigned char *put_varint(unsigned char *o, uint32_t v)
{
    while (v >= 0x80) {
        *o++ = (unsigned char)(v | 0x80);
        v >>= 7;
    }
    *o++ = (unsigned char)v;
    return o;
}

static size_t varint_len(uint32_t v)
{
    size_t n = 1;
    while (v >= 0x80) {
        v >>= 7;
        n++;
    }
    return n;
}

#define HASH_OF(p) ((uint32_t)((p) >> 32))
#define POS_OF(p) ((uint32_t)(p))

/* Sorts p[0, n) by hash, equal hashes keeping their order: a radix sort
 * on the hash a byte at a time, through tmp (n more); then a term's
 * positions, which come in order (a document is read front to back), are
 * put in order where they were not.  (qsort took twice as long: 2% of
 * a build.) */
static void sort_postings(uint64_t *p, uint64_t *tmp, size_t n)
{
    uint64_t *from = p, *to = tmp;
    for (unsigned shift = 32; shift < 64; shift += 8) {
        size_t count[256] = { 0 };
        for (size_t i = 0; i < n; i++)
            count[from[i] >> shift & 0xff]++;
        if (count[from[0] >> shift & 0xff] == n)
            continue;       /* one value of this byte: nothing moves */
        for (size_t b = 0, sum = 0; b < 256; b++) {
            size_t c = count[b];
            count[b] = sum;
            sum += c;
        }
        for (size_t i = 0; i < n; i++)
            to[count[from[i] >> shift & 0xff]++] = from[i];
        uint64_t *t = from;
        from = to;
        to = t;
    }
    if (from != p)
        memcpy(p, from, n * sizeof *p);
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && p[j] < p[j - 1]; j--) {
            uint64_t t = p[j];
            p[j] = p[j - 1];
            p[j - 1] = t;
        }
}

/* One entry: postings p[i, *j) share a hash.  Its head, and the size of
 * the deltas that follow it (0 for a lone position). */
static uint32_t entry_at(const uint64_t *p, size_t n, size_t i, size_t *j, size_t *bytes)
{
    uint32_t hash = HASH_OF(p[i]), last = 0;
    size_t count = 0;
    *bytes = 0;
    for (*j = i; *j < n && HASH_OF(p[*j]) == hash; ++*j)
        if (*j == i || p[*j] != p[*j - 1]) {    /* a repeated posting once */
            *bytes += varint_len(POS_OF(p[*j]) - last);
            last = POS_OF(p[*j]);
            count++;
        }
    if (count == 1 && POS_OF(p[i]) <= LONE_MAX) {
        *bytes = 0;
        return POS_OF(p[i]) << 1 | 1;
    }
    return (uint32_t)*bytes << 1;
}

size_t pos_pack(uint64_t *p, size_t n, unsigned char *out)
{
    if (n == 0 || n > UINT32_MAX)
        return 0;
    uint64_t *tmp = malloc(n * sizeof *tmp);
    if (!tmp)
        return 0;
    sort_postings(p, tmp, n);
    /* the header holds the sizes of what follows: measure first, keeping
     * each entry's head and end (in tmp, free again) for the writing */
    size_t entries = 0, head_bytes = 0, bytes;
    for (size_t i = 0, j; i < n; i = j) {
        uint32_t head = entry_at(p, n, i, &j, &bytes);
        head_bytes += varint_len(head);
        tmp[entries++] = (uint64_t)j << 32 | head;
    }
    unsigned char *o = put_varint(out, (uint32_t)entries);
    o = put_varint(o, (uint32_t)head_bytes);
    unsigned char *hashes = o, *heads = hashes + HASH_BYTES * entries,
                  *deltas = heads + head_bytes;
    for (size_t e = 0, i = 0, j; e < entries; e++, i = j) {
        uint32_t hash = HASH_OF(p[i]), head = (uint32_t)tmp[e], last = 0;
        j = (size_t)(tmp[e] >> 32);
        for (int k = 0; k < HASH_BYTES; k++)
            *hashes++ = (unsigned char)(hash >> (8 * k));
        heads = put_varint(heads, head);
        if (head & 1)
            continue;
        for (size_t k = i; k < j; k++)
            if (k == i || p[k] != p[k - 1]) {
                deltas = put_varint(deltas, POS_OF(p[k]) - last);
                last = POS_OF(p[k]);
            }
    }
    free(tmp);
    return (size_t)(deltas - out);
}

/* --------------------------------------------------------------- matching */

static int get_varint(const unsigned char **pp, const unsigned char *end, uint32_t *v)
{
    const unsigned char *p = *pp;
    uint32_t r = 0;
    for (unsigned shift = 0; shift < 35; shift += 7) {
        if (p == end)
            return -1;
        unsigned c = *p++;
        if (shift == 28 && c > 0x0f)
            return -1;      /* more than 32 bits */
        r |= (uint32_t)(c & 0x7f) << shift;
        if (!(c & 0x80)) {
            *pp = p;
            *v = r;
            return 0;
        }
    }
    return -1;
}

/* One query term's positions in the document. */
typedef struct plist {
    const unsigned char *deltas;    /* NULL: the document lacks the term */
    size_t bytes;                   /* of deltas; 0: the one position is lone */
    uint32_t lone;
    uint32_t *v;
    size_t n;
    size_t need;                    /* unordered: times the query names it */
    size_t entry;                   /* its entry in the document */
} plist;

static uint32_t hash_at(const unsigned char *hashes, size_t i)
{
    const unsigned char *e = hashes + HASH_BYTES * i;
    return (uint32_t)e[0] | (uint32_t)e[1] << 8 | (uint32_t)e[2] << 16;
}

/* The entry of hash among count increasing hashes, or count when none. */
static size_t bisect(const unsigned char *hashes, size_t count, uint32_t hash)
{
    size_t lo = 0, hi = count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        uint32_t v = hash_at(hashes, mid);
        if (v == hash)
            return mid;
        if (v < hash)
            lo = mid + 1;
        else
            hi = mid;
    }
    return count;
}

/* Points each of l[0, n) at its term's entry, found by bisecting the
 * hashes for h[0, n) (masked already: pos_match); then the heads are read up to the last entry wanted, for where
 * each one's deltas start (order: room for n indices).  0 (the terms the
 * document lacks left NULL), or POS_CORRUPT. */
static int find_terms(const unsigned char *blob, size_t len, const uint32_t *h, plist *l,
                      size_t n, size_t *order)
{
    const unsigned char *p = blob, *end = blob + len;
    uint32_t count, head_bytes;
    if (len == 0)
        return 0;       /* a document without positions */
    if (get_varint(&p, end, &count) < 0 || get_varint(&p, end, &head_bytes) < 0)
        return POS_CORRUPT;
    /* each entry takes its hash and a head of a byte at least */
    size_t room = (size_t)(end - p);
    if (count > room / (HASH_BYTES + 1) || head_bytes < count ||
        head_bytes > room - HASH_BYTES * (size_t)count)
        return POS_CORRUPT;
    const unsigned char *hashes = p, *heads = p + HASH_BYTES * (size_t)count,
                        *heads_end = heads + head_bytes, *deltas = heads_end;
    size_t deltas_len = (size_t)(end - deltas), wanted = 0;
    /* the entries wanted, in the order of the document's (n is a handful) */
    for (size_t i = 0; i < n; i++) {
        l[i].entry = bisect(hashes, count, h[i]);
        if (l[i].entry == count)
            continue;
        size_t k = wanted++;
        for (; k > 0 && l[order[k - 1]].entry > l[i].entry; k--)
            order[k] = order[k - 1];
        order[k] = i;
    }
    size_t off = 0, next = 0, want = wanted ? l[order[0]].entry : 0;
    for (size_t e = 0; next < wanted; e++) {
        /* heads of one byte or two (positions below 8,192) mostly */
        uint32_t head;
        if (heads < heads_end && heads[0] < 0x80) {
            head = *heads++;
        } else if (heads_end - heads >= 2 && heads[1] < 0x80) {
            head = (heads[0] & 0x7fu) | (uint32_t)heads[1] << 7;
            heads += 2;
        } else if (get_varint(&heads, heads_end, &head) < 0) {
            return POS_CORRUPT;
        }
        /* a lone position is at least 1, deltas take a byte at least */
        size_t size = head & 1 ? 0 : head >> 1;
        if (head <= 1 || size > deltas_len - off)
            return POS_CORRUPT;
        if (e == want) {
            for (; next < wanted && l[order[next]].entry == e; next++) {
                plist *t = &l[order[next]];
                t->deltas = deltas + off;
                t->bytes = size;
                t->lone = head & 1 ? head >> 1 : 0;
            }
            if (next < wanted)
                want = l[order[next]].entry;
        }
        off += size;
    }
    return 0;
}

/* Decodes l's positions into v (which holds l->bytes); 0, or POS_CORRUPT
 * when they do not decode or do not increase. */
static int decode(plist *l, uint32_t *v)
{
    const unsigned char *p = l->deltas, *end = p + l->bytes;
    uint32_t pos = 0;
    l->v = v;
    l->n = 0;
    if (l->lone) {
        v[l->n++] = l->lone;
        return 0;
    }
    while (p < end) {
        uint32_t d;
        if (get_varint(&p, end, &d) < 0 || d == 0 || pos + d < pos)
            return POS_CORRUPT;
        pos += d;
        v[l->n++] = pos;
    }
    return 0;
}

/* In order: for each place of the first term, the earliest place of each
 * next term after the one before; the earliest choice ends earliest, and
 * a later start never needs an earlier place (so idx only moves on). */
static int match_ordered(const plist *l, size_t n, uint32_t window, size_t *idx)
{
    for (size_t a = 0; a < l[0].n; a++) {
        uint32_t first = l[0].v[a], cur = first;
        size_t i;
        for (i = 1; i < n; i++) {
            while (idx[i] < l[i].n && l[i].v[idx[i]] <= cur)
                idx[i]++;
            if (idx[i] == l[i].n)
                return 0;
            cur = l[i].v[idx[i]];
            if (cur - first >= window)
                break;
        }
        if (i == n)
            return 1;
    }
    return 0;
}

typedef struct event {
    uint32_t pos;
    uint32_t term;      /* index into the distinct terms */
} event;

/* In any order: the narrowest run of places holding each distinct term
 * as often as the query names it, found by sliding a window over all of
 * their places in order. */
static int match_unordered(const plist *l, size_t k, uint32_t window, event *ev, size_t *have)
{
    size_t e = 0, *at = have + k;
    for (size_t i = 0; i < k; i++)
        at[i] = 0;
    for (;;) {      /* merge the k lists, k being a handful */
        size_t best = k;
        for (size_t i = 0; i < k; i++)
            if (at[i] < l[i].n && (best == k || l[i].v[at[i]] < l[best].v[at[best]]))
                best = i;
        if (best == k)
            break;
        ev[e++] = (event){ l[best].v[at[best]++], (uint32_t)best };
    }
    size_t satisfied = 0, lo = 0;
    for (size_t i = 0; i < k; i++)
        have[i] = 0;
    for (size_t hi = 0; hi < e; hi++) {
        if (++have[ev[hi].term] == l[ev[hi].term].need)
            satisfied++;
        while (satisfied == k) {
            if (ev[hi].pos - ev[lo].pos < window)
                return 1;
            if (have[ev[lo].term]-- == l[ev[lo].term].need)
                satisfied--;
            lo++;
        }
    }
    return 0;
}

/* Most checks are of a few terms with a few places each: they use the
 * stack (a decider may run for thousands of candidates a search). */
#define SMALL_TERMS 8
#define SMALL_BYTES 256

int pos_match(const unsigned char *blob, size_t len, const uint32_t *h, size_t n,
              uint32_t window, int ordered)
{
    if (n == 0)
        return 0;
    uint32_t uh_small[SMALL_TERMS];
    plist l_small[SMALL_TERMS];
    size_t order_small[SMALL_TERMS];
    uint32_t *uh = uh_small;
    plist *l = l_small;
    size_t *order = order_small;
    if (n > SMALL_TERMS) {
        uh = malloc(n * sizeof *uh);
        l = malloc(n * sizeof *l);
        order = malloc(n * sizeof *order);
        if (!uh || !l || !order) {
            free(uh);
            free(l);
            free(order);
            return POS_NOMEM;
        }
    }
    memset(l, 0, n * sizeof *l);
    /* unordered: one list per distinct term, with how often it is wanted */
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t hash = h[i] & POS_HASH_MASK;
        size_t j = ordered ? k : 0;
        while (j < k && uh[j] != hash)
            j++;
        if (j == k)
            uh[k++] = hash;
        l[j].need++;
    }
    int rc = find_terms(blob, len, uh, l, k, order);
    size_t bytes = 0;
    for (size_t i = 0; rc == 0 && i < k; i++) {
        if (!l[i].deltas)
            rc = 1;     /* a term is missing: no match */
        else
            bytes += l[i].bytes ? l[i].bytes : 1;
    }
    /* each position takes a byte at least; the work area holds the ordered
     * match's idx, or the unordered's events and then counts */
    uint32_t v_small[SMALL_BYTES];
    _Alignas(size_t) event work_small[SMALL_BYTES + 2 * SMALL_TERMS];
    uint32_t *v = v_small;
    event *work = work_small;
    size_t work_bytes = bytes * sizeof(event) + 2 * k * sizeof(size_t);
    if (rc == 0 && (bytes > SMALL_BYTES || work_bytes > sizeof work_small)) {
        v = malloc(bytes * sizeof *v);
        work = malloc(work_bytes);
        if (!v || !work)
            rc = POS_NOMEM;
    }
    for (size_t i = 0, off = 0; rc == 0 && i < k; off += l[i].bytes ? l[i].bytes : 1, i++)
        rc = decode(&l[i], v + off);
    int result = rc == 1 ? 0 : rc;
    if (rc == 0 && ordered) {
        size_t *idx = (size_t *)work;
        memset(idx, 0, k * sizeof *idx);
        result = match_ordered(l, k, window, idx);
    } else if (rc == 0) {
        result = match_unordered(l, k, window, work, (size_t *)(work + bytes));
    }
    if (v != v_small)
        free(v);
    if (work != work_small)
        free(work);
    if (uh != uh_small) {
        free(uh);
        free(l);
        free(order);
    }
    return result;
}
