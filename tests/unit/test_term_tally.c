/*
 * test_term_tally.c — a document's terms before they go to the engine:
 * each distinct term once, in the order first added, with its wdf summed
 * (wdf 0 kept as a term) and their total, the document's length; terms
 * told apart by every byte and by length, whatever their length against
 * the hash's eight-byte steps; 300,000 terms through the table's growth;
 * clearing forgets all and the tally serves again.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shim/term_tally.h"
#include "tests/check.h"

/* The tally's terms as term_tally_each gives them, in its order. */
typedef struct seen {
    char **terms;
    size_t *lens;
    uint32_t *wdf;
    size_t n, cap;
} seen;

static int on_term(void *ctx, const char *term, size_t len, uint32_t wdf)
{
    seen *s = ctx;
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 64;
        s->terms = realloc(s->terms, s->cap * sizeof *s->terms);
        s->lens = realloc(s->lens, s->cap * sizeof *s->lens);
        s->wdf = realloc(s->wdf, s->cap * sizeof *s->wdf);
        if (!s->terms || !s->lens || !s->wdf)
            abort();
    }
    s->terms[s->n] = malloc(len ? len : 1);
    if (!s->terms[s->n])
        abort();
    memcpy(s->terms[s->n], term, len);
    s->lens[s->n] = len;
    s->wdf[s->n++] = wdf;
    return 0;
}

static seen collect(const term_tally *t)
{
    seen s = { 0 };
    CHECK_INT(term_tally_each(t, on_term, &s), 0);
    return s;
}

static void seen_free(seen *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->terms[i]);
    free(s->terms);
    free(s->lens);
    free(s->wdf);
}

/* The wdf the tally holds for term, or -1 when it has no such term. */
static long wdf_of(const term_tally *t, const char *term, size_t len)
{
    seen s = collect(t);
    long w = -1;
    for (size_t i = 0; i < s.n && w < 0; i++)
        if (s.lens[i] == len && memcmp(s.terms[i], term, len) == 0)
            w = s.wdf[i];
    seen_free(&s);
    return w;
}

static void test_sums(void)
{
    term_tally t = TERM_TALLY_INIT;
    CHECK_INT(term_tally_add(&t, "regions", 7, 1), 0);
    CHECK_INT(term_tally_add(&t, "Zregion", 7, 1), 0);
    CHECK_INT(term_tally_add(&t, "regions", 7, 2), 0);
    CHECK_INT(term_tally_add(&t, "Qsession", 8, 0), 0);     /* a boolean term */
    CHECK_INT(term_tally_add(&t, "regions", 7, 1), 0);
    seen s = collect(&t);
    CHECK_INT(s.n, 3);
    CHECK(s.n == 3 && s.lens[0] == 7 && memcmp(s.terms[0], "regions", 7) == 0);
    CHECK(s.n == 3 && s.wdf[0] == 4);
    CHECK(s.n == 3 && s.lens[1] == 7 && memcmp(s.terms[1], "Zregion", 7) == 0);
    CHECK(s.n == 3 && s.wdf[1] == 1);
    CHECK(s.n == 3 && s.lens[2] == 8 && memcmp(s.terms[2], "Qsession", 8) == 0);
    CHECK(s.n == 3 && s.wdf[2] == 0);
    seen_free(&s);
    /* the document's length: every wdf added, the boolean term's none */
    CHECK_INT(t.total, 5);
    term_tally_clear(&t);
    CHECK_INT(t.total, 0);
    CHECK_INT(term_tally_add(&t, "regions", 7, 3), 0);
    CHECK_INT(t.total, 3);
    term_tally_free(&t);
    CHECK(t.terms.slots == NULL && t.terms.n == 0 && t.wdf == NULL);
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
    CHECK_INT(t.terms.n, 40 + 40 * 41 / 2);
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
    seen s = collect(&t);
    CHECK_INT(s.n, N);
    size_t bad = 0;
    for (uint32_t i = 0; i < N && i < s.n; i++) {
        int l = snprintf(term, sizeof term, "XTHEME:term%u", i);
        bad += (size_t)l != s.lens[i] || memcmp(s.terms[i], term, s.lens[i]) != 0 ||
               s.wdf[i] != 3 + i;
    }
    CHECK_INT(bad, 0);
    seen_free(&s);
    CHECK(t.terms.cap >= 2 * (size_t)N);    /* at most half full */

    /* cleared, it is empty and takes terms again */
    term_tally_clear(&t);
    CHECK_INT(t.terms.n, 0);
    CHECK_INT(wdf_of(&t, "XTHEME:term5", 12), -1);
    CHECK_INT(term_tally_add(&t, "XTHEME:term5", 12, 2), 0);
    CHECK_INT(term_tally_add(&t, "XTHEME:term5", 12, 2), 0);
    CHECK_INT(t.terms.n, 1);
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
