/*
 * test_term_tally.c — a document's terms before they go to the engine:
 * each distinct term once, in the order first added, with its wdf summed
 * (wdf 0 kept as a term); terms told apart by every byte and by length,
 * whatever their length against the hash's eight-byte steps; 300,000
 * terms through the table's growth; clearing forgets all and the tally
 * serves again.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shim/term_tally.h"
#include "tests/check.h"

/* The wdf the tally holds for term, or -1 when it has no such term. */
static long wdf_of(const term_tally *t, const char *term, size_t len)
{
    for (size_t i = 0; i < t->n; i++) {
        size_t l;
        uint32_t w;
        const char *s = term_tally_at(t, i, &l, &w);
        if (l == len && memcmp(s, term, len) == 0)
            return w;
    }
    return -1;
}

static void test_sums(void)
{
    term_tally t = TERM_TALLY_INIT;
    CHECK_INT(term_tally_add(&t, "regions", 7, 1), 0);
    CHECK_INT(term_tally_add(&t, "Zregion", 7, 1), 0);
    CHECK_INT(term_tally_add(&t, "regions", 7, 2), 0);
    CHECK_INT(term_tally_add(&t, "Qsession", 8, 0), 0);     /* a boolean term */
    CHECK_INT(term_tally_add(&t, "regions", 7, 1), 0);
    CHECK_INT(t.n, 3);
    size_t len;
    uint32_t wdf;
    const char *s = term_tally_at(&t, 0, &len, &wdf);
    CHECK(len == 7 && memcmp(s, "regions", 7) == 0);
    CHECK_INT(wdf, 4);
    s = term_tally_at(&t, 1, &len, &wdf);
    CHECK(len == 7 && memcmp(s, "Zregion", 7) == 0);
    CHECK_INT(wdf, 1);
    s = term_tally_at(&t, 2, &len, &wdf);
    CHECK(len == 8 && memcmp(s, "Qsession", 8) == 0);
    CHECK_INT(wdf, 0);
    term_tally_free(&t);
    CHECK(t.slots == NULL && t.n == 0);
}

/* Terms that differ in one byte only, at every place, or only in length,
 * for lengths around the hash's steps of eight. */
static void test_told_apart(void)
{
    term_tally t = TERM_TALLY_INIT;
    char base[40];
    memset(base, 'a', sizeof base);
    for (size_t len = 1; len <= sizeof base; len++) {
        CHECK_INT(term_tally_add(&t, base, len, 1), 0);        /* aaa..., len long */
        for (size_t at = 0; at < len; at++) {
            char v[40];
            memcpy(v, base, len);
            v[at] = 'b';
            CHECK_INT(term_tally_add(&t, v, len, (uint32_t)len), 0);
        }
    }
    /* 40 lengths, each with its all-a term and one term per place of b */
    CHECK_INT(t.n, 40 + 40 * 41 / 2);
    CHECK_INT(wdf_of(&t, base, 8), 1);
    CHECK_INT(wdf_of(&t, base, 9), 1);
    char v[40];
    memcpy(v, base, 17);
    v[16] = 'b';
    CHECK_INT(wdf_of(&t, v, 17), 17);
    /* the same bytes with a zero byte after them are another term */
    CHECK_INT(term_tally_add(&t, "xy\0", 3, 5), 0);
    CHECK_INT(term_tally_add(&t, "xy", 2, 7), 0);
    CHECK_INT(wdf_of(&t, "xy\0", 3), 5);
    CHECK_INT(wdf_of(&t, "xy", 2), 7);
    term_tally_free(&t);
}

/* 300,000 distinct terms, each added three times with wdf 1, 2 and its
 * number: all kept, in the order first added, with their sums.  So many
 * that some of the same length share a 32-bit hash: comparing hashes and
 * lengths alone fails here. */
static void test_many(void)
{
    term_tally t = TERM_TALLY_INIT;
    enum { N = 300000 };
    char term[32];
    int failed = 0;
    for (int round = 0; round < 3; round++)
        for (uint32_t i = 0; i < N; i++) {
            int len = snprintf(term, sizeof term, "XTHEME:term%u", i);
            uint32_t w = round == 0 ? 1 : round == 1 ? 2 : i;
            failed |= term_tally_add(&t, term, (size_t)len, w) != 0;
        }
    CHECK(!failed);
    CHECK_INT(t.n, N);
    size_t bad = 0;
    for (uint32_t i = 0; i < N; i++) {
        size_t len;
        uint32_t wdf;
        const char *s = term_tally_at(&t, i, &len, &wdf);
        int l = snprintf(term, sizeof term, "XTHEME:term%u", i);
        bad += (size_t)l != len || memcmp(s, term, len) != 0 || wdf != 3 + i;
    }
    CHECK_INT(bad, 0);
    CHECK(t.n_slots >= 2 * (size_t)N);

    /* cleared, it is empty and takes terms again */
    term_tally_clear(&t);
    CHECK_INT(t.n, 0);
    CHECK_INT(wdf_of(&t, "XTHEME:term5", 12), -1);
    CHECK_INT(term_tally_add(&t, "XTHEME:term5", 12, 2), 0);
    CHECK_INT(term_tally_add(&t, "XTHEME:term5", 12, 2), 0);
    CHECK_INT(t.n, 1);
    CHECK_INT(wdf_of(&t, "XTHEME:term5", 12), 4);
    term_tally_free(&t);
}

int main(void)
{
    test_sums();
    test_told_apart();
    test_many();
    return check_exit();
}
