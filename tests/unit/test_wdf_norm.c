/*
 * test_wdf_norm.c — wdf divided by the document's length when written
 * (shim/wdf_norm.h): BM25 with b = 0 on it weighs as BM25 with b = 0.5 on
 * the wdf itself, within the rounding (5.5% for a wdf of 1 or 2, 1.4% from
 * 3 on), in documents of every length up to 10,000; no wdf is lost to
 * rounding, and longer documents never weigh a term more.
 */
#include <math.h>
#include <stdio.h>

#include "shim/wdf_norm.h"
#include "tests/check.h"

/* BM25's part for a term: (k1 + 1) wdf / (k1 L + wdf). */
static double bm25_part(double k1, double wdf, double l)
{
    return (k1 + 1) * wdf / (k1 * l + wdf);
}

static void test_length_factor(void)
{
    /* short documents are all as short as min_normlen says */
    CHECK(fabs(wdf_norm_length_factor(0) - 0.75) < 1e-12);
    CHECK(fabs(wdf_norm_length_factor(100) - 0.75) < 1e-12);
    CHECK(fabs(wdf_norm_length_factor((uint64_t)WDF_NORM_PIVOT) - 1.0) < 1e-12);
    CHECK(fabs(wdf_norm_length_factor(2 * (uint64_t)WDF_NORM_PIVOT) - 1.5) < 1e-12);
    CHECK(wdf_norm_length_factor(5000) < wdf_norm_length_factor(5001));
}

static void test_whole_numbers(void)
{
    double lengths[] = { 0.75, 1.0, 4.0, 100.0, 1e6 };
    for (size_t i = 0; i < sizeof lengths / sizeof *lengths; i++) {
        CHECK_INT(wdf_norm(0, lengths[i]), 0);
        /* a term that is there keeps a wdf, however long the document */
        CHECK(wdf_norm(1, lengths[i]) >= 1);
        uint32_t before = 0;
        for (uint32_t wdf = 1; wdf <= 1000; wdf++) {
            uint32_t q = wdf_norm(wdf, lengths[i]);
            CHECK(q >= before);
            before = q;
        }
    }
    /* the same wdf in a longer document: never more */
    for (uint32_t wdf = 1; wdf <= 50; wdf++)
        for (uint64_t len = 0; len <= 20000; len += 250)
            CHECK(wdf_norm(wdf, wdf_norm_length_factor(len + 250)) <=
                  wdf_norm(wdf, wdf_norm_length_factor(len)));
    /* wdfs far beyond any document's do not wrap: they stop at 2^24,
     * where a document's sum still fits the engine's 32 bits */
    CHECK(wdf_norm(UINT32_MAX, 0.75) >= wdf_norm(100000, 0.75));
    CHECK_INT(wdf_norm(UINT32_MAX, 0.75), UINT32_MAX >> 8);
}

/* The engine's weight over q, divided by the factor, against BM25's over
 * wdf: the largest relative difference for wdf in [lo, hi] and lengths up
 * to 10,000. */
static double worst_error(uint32_t lo, uint32_t hi)
{
    double k1 = wdf_norm_k1(), worst = 0;
    for (uint64_t len = 1; len <= 10000; len += 7) {
        double l = wdf_norm_length_factor(len);
        for (uint32_t wdf = lo; wdf <= hi; wdf++) {
            double want = bm25_part(WDF_NORM_K1, wdf, l);
            double got = bm25_part(k1, wdf_norm(wdf, l), 1.0) / wdf_norm_weight_factor();
            double e = fabs(got - want) / want;
            if (e > worst)
                worst = e;
        }
    }
    return worst;
}

static void test_same_weights(void)
{
    /* the engine is asked for k1 · S, and its weights are (S k1 + 1) /
     * (k1 + 1) times BM25's */
    CHECK(fabs(wdf_norm_k1() - WDF_NORM_K1 * WDF_NORM_SCALE) < 1e-12);
    CHECK(fabs(wdf_norm_weight_factor() - (WDF_NORM_K1 * WDF_NORM_SCALE + 1) / (WDF_NORM_K1 + 1)) <
          1e-12);
    double once = worst_error(1, 2), text = worst_error(3, 300);
    printf("largest difference from BM25: wdf 1-2 %.2f%%, wdf 3-300 %.2f%%\n", 100 * once,
           100 * text);
    CHECK(once < 0.055);
    CHECK(text < 0.014);
    /* and exactly BM25's where the rounding has nothing to round */
    double l = wdf_norm_length_factor((uint64_t)WDF_NORM_PIVOT);
    CHECK(fabs(bm25_part(wdf_norm_k1(), wdf_norm(3, l), 1.0) / wdf_norm_weight_factor() -
               bm25_part(WDF_NORM_K1, 3, l)) < 1e-12);
}

int main(void)
{
    test_length_factor();
    test_whole_numbers();
    test_same_weights();
    return check_exit();
}
