/*
 * test_record_cache.c — the records a database handle keeps between
 * searches: what is put comes back as it was (a copy, NUL-terminated);
 * what is too big or empty is not kept; the bytes kept stay within the
 * bound, the records asked for outlast those that were not; clearing
 * forgets all; and two threads may use one cache at once.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "query/record_cache.h"
#include "tests/check.h"

/* Record i: its number written out, then filler up to len bytes. */
static char *record(uint32_t i, size_t len)
{
    char *r = malloc(len + 1);
    if (!r)
        return NULL;
    memset(r, 'a' + (int)(i % 26), len);
    char head[16];
    int n = snprintf(head, sizeof head, "%u:", i);
    memcpy(r, head, (size_t)n < len ? (size_t)n : len);
    r[len] = '\0';
    return r;
}

/* Whether the cache gives record i of len bytes, as it was put. */
static int has(record_cache *c, uint32_t i, size_t len)
{
    size_t got_len = 0;
    char *got = record_cache_get(c, i, &got_len);
    char *want = record(i, len);
    int ok = got && want && got_len == len && memcmp(got, want, len) == 0 && got[len] == '\0';
    free(got);
    free(want);
    return ok;
}

static void put(record_cache *c, uint32_t i, size_t len)
{
    char *r = record(i, len);
    CHECK(r != NULL);
    if (r)
        record_cache_put(c, i, r, len);
    free(r);
}

static void test_kept_and_not(void)
{
    record_cache *c = record_cache_new(64 * 1024);
    CHECK(c != NULL);
    size_t len = 99;
    CHECK(record_cache_get(c, 7, &len) == NULL);
    CHECK_INT(len, 99);                         /* untouched on a miss */

    put(c, 7, 5000);
    CHECK(has(c, 7, 5000));
    CHECK(!has(c, 8, 5000));

    /* the copy is the caller's: changing it changes nothing kept */
    size_t n = 0;
    char *mine = record_cache_get(c, 7, &n);
    CHECK(mine != NULL);
    if (mine)
        memset(mine, 'x', n);
    free(mine);
    CHECK(has(c, 7, 5000));

    /* put again (another thread read it meanwhile): the first stays */
    char other[10] = "different";
    record_cache_put(c, 7, other, 9);
    CHECK(has(c, 7, 5000));

    /* more than a quarter of the bound, or nothing: not kept */
    put(c, 9, 16 * 1024 + 1);
    CHECK(!has(c, 9, 16 * 1024 + 1));
    put(c, 10, 16 * 1024);
    CHECK(has(c, 10, 16 * 1024));
    record_cache_put(c, 11, "", 0);
    CHECK(record_cache_get(c, 11, &n) == NULL);

    record_cache_clear(c);
    CHECK(!has(c, 7, 5000));
    CHECK(!has(c, 10, 16 * 1024));
    put(c, 7, 100);                             /* usable after */
    CHECK(has(c, 7, 100));
    record_cache_free(c);

    /* no cache: nothing kept, nothing found */
    record_cache_put(NULL, 1, "x", 1);
    CHECK(record_cache_get(NULL, 1, &n) == NULL);
    record_cache_clear(NULL);
    record_cache_free(NULL);
}

/* Many records through a small cache: never more bytes than the bound
 * (counted from what is found), the last ones put are there, and a
 * record asked for between puts outlasts all those that were not. */
static void test_bound_and_clock(void)
{
    const size_t bound = 40 * 1000, len = 1000;
    record_cache *c = record_cache_new(bound);
    CHECK(c != NULL);
    put(c, 1, len);
    int kept_asked = 1;
    for (uint32_t i = 2; i < 3000; i++) {
        put(c, i, len);
        kept_asked &= has(c, 1, len);           /* asked for: spared */
    }
    CHECK(kept_asked);
    size_t found = 0, old = 0;
    for (uint32_t i = 2; i < 3000; i++)
        if (has(c, i, len)) {
            found++;
            old += i < 2900;
        }
    CHECK(found + 1 <= bound / len);            /* with record 1 */
    CHECK(found >= bound / len / 2);            /* but not much less */
    CHECK_INT(old, 0);                          /* the recent ones */
    CHECK(has(c, 2999, len));
    record_cache_free(c);

    /* more records than slots, each small: still bounded and right */
    c = record_cache_new(1 << 20);
    for (uint32_t i = 0; i < 10000; i++)
        put(c, i, 10);
    size_t right = 0, wrong = 0;
    for (uint32_t i = 0; i < 10000; i++) {
        size_t n = 0;
        char *got = record_cache_get(c, i, &n);
        if (got)
            has(c, i, 10) ? right++ : wrong++;
        free(got);
    }
    CHECK(right > 0 && right < 10000);         /* some kept, not all */
    CHECK_INT(wrong, 0);
    record_cache_free(c);
}

typedef struct worker {
    record_cache *c;
    uint32_t from;
    int bad;
} worker;

static void *work(void *arg)
{
    worker *w = arg;
    for (uint32_t k = 0; k < 20000; k++) {
        uint32_t i = w->from + k % 500;
        size_t len = 50 + i % 300;
        char *r = record(i, len);
        record_cache_put(w->c, i, r, len);
        size_t n = 0;
        char *got = record_cache_get(w->c, i, &n);
        if (got && (n != len || memcmp(got, r, len) != 0))
            w->bad++;
        free(got);
        free(r);
        if (k % 5000 == 4999 && w->from == 0)
            record_cache_clear(w->c);
    }
    return NULL;
}

/* Two threads putting, getting (overlapping records) and clearing: each
 * record found is the one put.  Under the sanitizers, also no race on
 * memory. */
static void test_two_threads(void)
{
    record_cache *c = record_cache_new(64 * 1024);
    worker a = { c, 0, 0 }, b = { c, 250, 0 };
    pthread_t t;
    CHECK(pthread_create(&t, NULL, work, &a) == 0);
    work(&b);
    pthread_join(t, NULL);
    CHECK_INT(a.bad, 0);
    CHECK_INT(b.bad, 0);
    record_cache_free(c);
}

int main(void)
{
    test_kept_and_not();
    test_bound_and_clock();
    test_two_threads();
    return check_exit();
}
