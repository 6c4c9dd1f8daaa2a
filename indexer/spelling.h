/*
 * spelling.h — the words "did you mean" proposes, and how a database that
 * was written without them gets them from its own terms.
 *
 * The spelling data holds each word of the sessions (not the e-mail
 * addresses and URLs the analysis also gives whole), with the number of
 * sessions it is in.  A writer gathers it as it indexes (doc_builder.c).
 * The parts of a parallel build do not: each would write the data of
 * nearly the whole vocabulary, and the engine compresses every fragment of
 * it on writing, again in each part and once more on the merge.  The
 * merged database takes it from its terms instead, which say the same: a
 * session's plain terms are its words and whole addresses, a plain term's
 * frequency is the number of sessions that have it, and quote documents
 * have no plain terms (common/schema.c).
 */
#ifndef EVS_INDEXER_SPELLING_H
#define EVS_INDEXER_SPELLING_H

#include <stddef.h>

#include "../shim/engine.h"

/* Whether a word's term (folded) goes into the spelling data: numbers and
 * one- or two-letter words would only make poor proposals. */
int spelling_worth(const char *term, size_t len);

/* Adds to db's spelling data every word its plain terms give, with their
 * frequencies (see above); for a database whose data is empty. */
eng_status spelling_from_terms(eng_db *db);

#endif
