/*
 * test_positions.c — the packed positions behind phrases and NEAR
 * (shim/positions.h): hand-made cases for the rules, then random documents
 * and queries checked against a search of every combination of places,
 * and damaged blobs, which must be reported and never read past.
 */
#include <stdint.h>
#include <stdlib.h>

#include "shim/positions.h"
#include "tests/check.h"

#define MAXP 64

typedef struct doc {
    uint64_t p[MAXP];
    size_t n;
    unsigned char blob[10 + MAXP * 13];
    size_t len;
} doc;

static void put(doc *d, uint32_t hash, uint32_t pos)
{
    d->p[d->n++] = pos_posting(hash, pos);
}

static void pack(doc *d)
{
    uint64_t tmp[MAXP];
    memcpy(tmp, d->p, d->n * sizeof *tmp);
    d->len = pos_pack(tmp, d->n, d->blob);
    CHECK(d->len <= pos_pack_bound(d->n));
}

static int match(const doc *d, const uint32_t *h, size_t n, uint32_t window, int ordered)
{
    return pos_match(d->blob, d->len, h, n, window, ordered);
}

/* "value chains for Europe: value" at 1, 2, 3, 4, 5. */
static void test_rules(void)
{
    enum { VALUE = 11, CHAINS = 22, FOR = 33, EUROPE = 44, ABSENT = 55 };
    doc d = { .n = 0 };
    put(&d, VALUE, 1);
    put(&d, CHAINS, 2);
    put(&d, FOR, 3);
    put(&d, EUROPE, 4);
    put(&d, VALUE, 5);
    pack(&d);

    uint32_t vc[] = { VALUE, CHAINS }, cv[] = { CHAINS, VALUE };
    CHECK_INT(match(&d, vc, 2, 2, 1), 1);           /* the phrase */
    CHECK_INT(match(&d, cv, 2, 2, 1), 0);           /* not in that order */
    CHECK_INT(match(&d, cv, 2, 2, 0), 1);           /* NEAR: any order */
    uint32_t ev[] = { EUROPE, VALUE };
    CHECK_INT(match(&d, ev, 2, 2, 1), 1);           /* the second "value" */
    uint32_t ve[] = { VALUE, EUROPE };
    CHECK_INT(match(&d, ve, 2, 2, 1), 0);
    CHECK_INT(match(&d, ve, 2, 4, 1), 1);           /* 1 and 4: span 3 < 4 */
    CHECK_INT(match(&d, ve, 2, 3, 1), 0);
    uint32_t vfe[] = { VALUE, FOR, EUROPE };
    CHECK_INT(match(&d, vfe, 3, 3, 1), 0);          /* chains is between */
    CHECK_INT(match(&d, vfe, 3, 4, 1), 1);
    uint32_t vv[] = { VALUE, VALUE };
    CHECK_INT(match(&d, vv, 2, 5, 0), 1);           /* twice: 1 and 5 */
    CHECK_INT(match(&d, vv, 2, 4, 0), 0);
    CHECK_INT(match(&d, vv, 2, 2, 1), 0);           /* "value value" */
    uint32_t one[] = { CHAINS };
    CHECK_INT(match(&d, one, 1, 1, 1), 1);
    uint32_t cc[] = { CHAINS, CHAINS };
    CHECK_INT(match(&d, cc, 2, 100, 0), 0);         /* once only */
    uint32_t va[] = { VALUE, ABSENT };
    CHECK_INT(match(&d, va, 2, 100, 0), 0);
    CHECK_INT(match(&d, va, 0, 100, 0), 0);         /* no terms: nothing */

    /* a posting given twice is kept once; the order given does not matter */
    doc twice = d;
    put(&twice, CHAINS, 2);
    pack(&twice);
    CHECK_INT(twice.len, d.len);
    CHECK(memcmp(twice.blob, d.blob, d.len) == 0);
    doc reversed = { .n = 0 };
    for (size_t i = d.n; i-- > 0;)
        reversed.p[reversed.n++] = d.p[i];
    pack(&reversed);
    CHECK_INT(reversed.len, d.len);
    CHECK(memcmp(reversed.blob, d.blob, d.len) == 0);

    /* two terms with one hash share an entry: a match where either stood */
    doc shared = { .n = 0 };
    put(&shared, 7, 1);
    put(&shared, 7, 9);         /* "another" term, same hash */
    put(&shared, 8, 10);
    pack(&shared);
    uint32_t h78[] = { 7, 8 };
    CHECK_INT(match(&shared, h78, 2, 2, 1), 1);

    /* positions far apart, and one beyond what a lone head holds */
    doc far = { .n = 0 };
    put(&far, 1, 0x80000001u);
    put(&far, 2, 0x80000002u);
    put(&far, 3, 1);
    put(&far, 3, 0xfffffff0u);
    pack(&far);
    uint32_t h12[] = { 1, 2 }, h31[] = { 3, 1 };
    CHECK_INT(match(&far, h12, 2, 2, 1), 1);
    CHECK_INT(match(&far, h31, 2, 0x7ffffff0u, 0), 1);   /* span 0x7fffffef */
    CHECK_INT(match(&far, h31, 2, 0x7fffffefu, 0), 0);

    /* a term with one position takes fewer bytes than with two */
    doc lone = { .n = 0 }, two = { .n = 0 };
    put(&lone, 5, 300);
    put(&two, 5, 300);
    put(&two, 5, 301);
    pack(&lone);
    pack(&two);
    /* hashes are 24 bits: what lies above is not read */
    doc high = { .n = 0 };
    put(&high, 0x01000005u, 1);
    put(&high, 0x7, 2);
    pack(&high);
    uint32_t h57[] = { 0xff000005u, 0x02000007u };
    CHECK_INT(match(&high, h57, 2, 2, 1), 1);

    /* the counts, a 3-byte hash, then the head (and the deltas) */
    CHECK_INT(lone.len, 2 + 3 + 2);
    CHECK_INT(two.len, 2 + 3 + 1 + 2 + 1);
}

/* ------------------------------------------------ against every combination */

static uint32_t rnd_state = 12345;
static uint32_t rnd(uint32_t n)
{
    rnd_state = rnd_state * 1103515245u + 12345u;
    return (rnd_state >> 8) % n;
}

typedef struct places {
    uint32_t v[MAXP];
    size_t n;
} places;

/* Whether a choice of distinct places, one per query term, from the k-th
 * on, fits within window after what is chosen[0, k). */
static int search(const places *pl, const uint32_t *h, size_t n, uint32_t window, int ordered,
                  uint32_t *chosen, size_t k)
{
    if (k == n) {
        uint32_t lo = chosen[0], hi = chosen[0];
        for (size_t i = 1; i < n; i++) {
            lo = chosen[i] < lo ? chosen[i] : lo;
            hi = chosen[i] > hi ? chosen[i] : hi;
        }
        return hi - lo < window;
    }
    const places *p = &pl[h[k]];
    for (size_t j = 0; j < p->n; j++) {
        uint32_t pos = p->v[j];
        int ok = !(ordered && k > 0 && pos <= chosen[k - 1]);
        for (size_t i = 0; ok && i < k; i++)
            ok = chosen[i] != pos;
        if (ok) {
            chosen[k] = pos;
            if (search(pl, h, n, window, ordered, chosen, k + 1))
                return 1;
        }
    }
    return 0;
}

static void test_against_search(void)
{
    int disagreements = 0, matches = 0;
    for (int round = 0; round < 4000; round++) {
        /* six terms, each at a few of forty places (never two at one) */
        doc d = { .n = 0 };
        places pl[6] = { { { 0 }, 0 } };
        for (uint32_t pos = 1; pos <= 40; pos++) {
            if (rnd(3) == 0)
                continue;
            uint32_t t = rnd(6);
            pl[t].v[pl[t].n++] = pos;
            put(&d, t, pos);
        }
        pack(&d);
        size_t n = 1 + rnd(4);
        uint32_t h[4], chosen[4];
        for (size_t i = 0; i < n; i++)
            h[i] = rnd(6);
        uint32_t window = 1 + rnd(12);
        int ordered = (int)rnd(2);
        int want = search(pl, h, n, window, ordered, chosen, 0);
        int got = match(&d, h, n, window, ordered);
        disagreements += got != want;
        matches += want;
    }
    CHECK_INT(disagreements, 0);
    CHECK(matches > 400 && matches < 3600);     /* both answers were asked for */
}

/* ------------------------------------------------------------ damaged blobs */

static void test_damage(void)
{
    doc d = { .n = 0 };
    for (uint32_t i = 1; i <= 20; i++)
        put(&d, i % 5, i * 3);
    pack(&d);
    uint32_t h[] = { 4, 0 };
    CHECK_INT(match(&d, h, 2, 10, 0), 1);
    /* cut short anywhere: reported, or (cut between entries) a term gone */
    for (size_t cut = 0; cut < d.len; cut++) {
        int rc = pos_match(d.blob, cut, h, 2, 10, 0);
        CHECK(rc == 0 || rc == POS_CORRUPT);
    }
    /* one entry (hash 1) whose head is right: its positions are found */
    unsigned char good[] = { 1, 1, 1, 0, 0, 4, 3, 1 };
    uint32_t h1[] = { 1 }, h2[] = { 1, 1 };
    CHECK_INT(pos_match(good, sizeof good, h2, 2, 2, 1), 1);     /* at 3 and 4 */
    /* a size running past the end, a varint that never ends, a delta of
     * 0, more entries or heads than the bytes hold */
    unsigned char past[] = { 1, 1, 1, 0, 0, 40, 1, 1 };
    CHECK_INT(pos_match(past, sizeof past, h1, 1, 1, 1), POS_CORRUPT);
    unsigned char endless[] = { 1, 6, 1, 0, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
    CHECK_INT(pos_match(endless, sizeof endless, h1, 1, 1, 1), POS_CORRUPT);
    unsigned char zero_delta[] = { 1, 1, 1, 0, 0, 4, 3, 0 };
    CHECK_INT(pos_match(zero_delta, sizeof zero_delta, h1, 1, 1, 1), POS_CORRUPT);
    unsigned char many[] = { 9, 1, 1, 0, 0, 3 };
    CHECK_INT(pos_match(many, sizeof many, h1, 1, 1, 1), POS_CORRUPT);
    unsigned char long_heads[] = { 1, 7, 1, 0, 0, 3 };
    CHECK_INT(pos_match(long_heads, sizeof long_heads, h1, 1, 1, 1), POS_CORRUPT);
    /* a document without positions holds no phrase */
    CHECK_INT(pos_match(good, 0, h1, 1, 1, 1), 0);
    /* random bytes: never read past the end (AddressSanitizer in CI) */
    for (int round = 0; round < 2000; round++) {
        size_t len = rnd(40);
        unsigned char *b = malloc(len ? len : 1);
        for (size_t i = 0; i < len; i++)
            b[i] = (unsigned char)(rnd(4) ? rnd(8) : rnd(256));
        uint32_t q[3] = { rnd(8), rnd(8), rnd(8) };
        int rc = pos_match(b, len, q, 1 + rnd(3), 1 + rnd(5), (int)rnd(2));
        CHECK(rc == 0 || rc == 1 || rc == POS_CORRUPT);
        free(b);
    }
}

/* A document of many terms: each is found wherever it falls among them,
 * past the places of all the others. */
static void test_many_terms(void)
{
    enum { TERMS = 700 };
    uint64_t *p = malloc(2 * TERMS * sizeof *p);
    unsigned char *blob = malloc(pos_pack_bound(2 * TERMS));
    if (!p || !blob) {
        CHECK(0);
        free(p);
        free(blob);
        return;
    }
    /* term t (hash t * 2654435761) at 2t + 1, and again at 5000 + t when
     * t is even, so that lone places and lists of deltas alternate */
    size_t n = 0;
    for (uint32_t t = 0; t < TERMS; t++) {
        p[n++] = pos_posting(t * 2654435761u, 2 * t + 1);
        if (t % 2 == 0)
            p[n++] = pos_posting(t * 2654435761u, 5000 + t);
    }
    size_t len = pos_pack(p, n, blob);
    int wrong = 0;
    for (uint32_t t = 0; t + 1 < TERMS; t++) {
        uint32_t h[2] = { t * 2654435761u, (t + 1) * 2654435761u };
        wrong += pos_match(blob, len, h, 2, 3, 1) != 1;     /* 2t+1, 2t+3 */
        wrong += pos_match(blob, len, h, 2, 2, 1) != 0;
        uint32_t back[2] = { h[1], h[0] };
        wrong += pos_match(blob, len, back, 2, 3, 1) != 0;
    }
    uint32_t absent[2] = { 1, 2654435761u };
    CHECK_INT(pos_match(blob, len, absent, 2, 100, 0), 0);
    CHECK_INT(wrong, 0);
    free(p);
    free(blob);
}

int main(void)
{
    CHECK(pos_hash("value", 5) != pos_hash("chains", 6));
    CHECK_INT(pos_hash("value", 5), pos_hash("value", 5));
    test_rules();
    test_against_search();
    test_many_terms();
    test_damage();
    return check_exit();
}
