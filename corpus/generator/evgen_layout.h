/*
 * evgen_layout.h — a session laid out as the text of a page
 * (evgen_layout.c).
 */
#ifndef EVGEN_LAYOUT_H
#define EVGEN_LAYOUT_H

#include <stdint.h>

#include "sbuf.h"

/* Replaces what out holds with page index of the corpus of seed.  The page
 * depends only on the seed and index (and on the word models, which
 * models_load must have loaded). */
void layout_page(sbuf *out, uint64_t seed, uint64_t index);

#endif
