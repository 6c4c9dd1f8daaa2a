/*
 * evgen_output.h — writing the corpus to disk (evgen_output.c).
 */
#ifndef EVGEN_OUTPUT_H
#define EVGEN_OUTPUT_H

#include <stdint.h>

/* Creates outdir (and its parents) unless it exists, and checks that it is
 * empty.  Returns -1, having said why on stderr, when it cannot be made or
 * is not empty. */
int output_prepare(const char *outdir);

/* Writes pages 0 to count - 1 of the corpus of seed into
 * OUTDIR/000/000000.txt, OUTDIR/000/000001.txt, ..., showing progress on a
 * terminal, then says on stdout what it wrote (n_langs: the number of
 * languages, for that report).  Returns -1, having said why on stderr, when
 * a directory or file cannot be written. */
int output_corpus(const char *outdir, uint64_t seed, uint64_t count, int n_langs);

#endif
