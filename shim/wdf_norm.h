/*
 * wdf_norm.h — each term's wdf divided by its document's length when the
 * document is written, so that ranking never reads a document's length.
 *
 * BM25 weighs term t in document d by
 *     idf(t) · (k1 + 1) · wdf / (k1 · L(d) + wdf)
 *     L(d) = (1 - b) + b · max(len(d) / avlen, min_normlen)
 * and the engine finds len(d), for every candidate it weighs, by scanning a
 * list of all the lengths in document order from the candidate before:
 * that scan was 17% of the instructions of 80 benchmark queries, more than
 * any other function, and its blocks a part of what the searches read.
 *
 * With q = S · wdf / L(d) stored as the wdf, BM25 with b = 0 and k1 · S
 * gives
 *     idf(t) · (S k1 + 1) · q / (S k1 + q)
 *   = idf(t) · (S k1 + 1) · (wdf / L) / (k1 + wdf / L)
 * which is the weight above times (S k1 + 1) / (k1 + 1), the same factor
 * for every term and document: the same ranking, and the same weights once
 * divided by it (wdf_norm_weight_factor).  With b = 0 the engine asks for
 * no lengths.  Two things differ from the engine's own BM25:
 * - q is a whole number (the engine keeps wdf so), rounded: in documents
 *   up to 10,000 long (the longest session of corpus/ is 4,873; of the
 *   benchmark's, 9,962) a weight moves by 1.4% at most once wdf is 3 or
 *   more, as a word of a session's text is, and by 5.5% for a wdf of 1 or
 *   2 (a speaker's name in a long session: test_wdf_norm).  S = 64
 *   halved that and made the database 4.7% larger, where 32 adds 2.4%: a
 *   wdf over 127 takes two bytes.
 * - avlen is a constant (WDF_NORM_PIVOT) rather than the database's
 *   average length, which is unknown while the documents are written and
 *   changes with every one added.
 */
#ifndef EVS_SHIM_WDF_NORM_H
#define EVS_SHIM_WDF_NORM_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The engine's BM25 defaults, which ranked sessions before. */
#define WDF_NORM_K1 1.0
#define WDF_NORM_B 0.5
#define WDF_NORM_MIN_NORMLEN 0.5

/* avlen: the average length of the documents of corpus/, sessions and
 * quotes together (1,222), which the engine used as avlen when it indexed
 * them. */
#define WDF_NORM_PIVOT 1200.0

/* S: wdf in 32nds of an occurrence. */
#define WDF_NORM_SCALE 32

/* L(d) for a document whose terms' wdf sum to len. */
double wdf_norm_length_factor(uint64_t len);

/* q for a term of wdf in a document of factor l (wdf_norm_length_factor):
 * 0 for 0, else at least 1. */
uint32_t wdf_norm(uint32_t wdf, double l);

/* The k1 to rank with, and the factor by which the weights it gives exceed
 * BM25's: (S k1 + 1) / (k1 + 1). */
double wdf_norm_k1(void);
double wdf_norm_weight_factor(void);

#ifdef __cplusplus
}
#endif

#endif
