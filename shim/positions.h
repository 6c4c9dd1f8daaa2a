/*
 * positions.h — the word positions of one document, packed into one value.
 *
 * The engine keeps a position list per term and document as a B-tree entry
 * of its own, keyed by the term and the document.  With a few hundred
 * distinct words per session the keys cost more than the positions: that
 * table was half of the database (183 of 366 MB on 20,000 generated
 * sessions) and building it a third of the indexing time.  So the shim
 * packs a document's positions into one value slot (engine.h:
 * ENG_SLOT_POSITIONS) when the document is written, and checks phrases and
 * NEAR against that (engine_positional.cc).
 *
 * The packed form is
 *     count   varint: how many entries (distinct term hashes) there are
 *     heads   varint: the size in bytes of the heads below
 *     hashes  count times 3 bytes, little-endian, increasing: the terms'
 *             pos_hash, one entry each
 *     heads   count varints, in the hashes' order: the position * 2 + 1
 *             when the term has one (most have), else the size in bytes
 *             of its deltas * 2
 *     deltas  for each entry whose head is a size, in the same order: the
 *             term's positions in increasing order, each less the one
 *             before (the first less 0)
 * where a varint is 7 bits a byte, low bits first, the top bit set on
 * every byte but the last.  A phrase's check finds its terms' entries by
 * bisecting the hashes, then reads the heads (mostly a byte each) up to
 * the last entry it wants: a list of whole entries, each read to step over
 * it, was 19,000 instructions a check for a session's few hundred terms.
 *
 * Terms are known by a 24-bit hash rather than their text, which would
 * more than double the size (and 4 bytes instead of 3 made the positions
 * 9 of 73 MB larger on 20,000 generated sessions).  Two terms of one
 * document with the same hash share an entry, so a phrase may (for a
 * given word and a session of 400 distinct terms, with odds of about one
 * in 40,000, and then only where the other term stands beside the
 * phrase's other words) match where the other term stood; it never misses
 * one.
 */
#ifndef EVS_SHIM_POSITIONS_H
#define EVS_SHIM_POSITIONS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Hashes are 24 bits: pos_posting and pos_match read only these of the
 * ones they are given. */
#define POS_HASH_MASK 0xffffffu

/* The hash a term is known by (stable: it is on disk). */
uint32_t pos_hash(const char *term, size_t len);

/* One occurrence: the term's hash in the high 32 bits, the position
 * (from 1) in the low 32, so that sorting groups a term's positions. */
static inline uint64_t pos_posting(uint32_t hash, uint32_t pos)
{
    return (uint64_t)(hash & POS_HASH_MASK) << 32 | pos;
}

/* The most bytes pos_pack writes for n postings. */
size_t pos_pack_bound(size_t n);

/* Sorts p[0, n) and writes their packed form (a repeated posting once)
 * into out, which holds pos_pack_bound(n) bytes; returns its length, 0
 * when there is nothing to pack, memory ran out, or n passes 2^32. */
size_t pos_pack(uint64_t *p, size_t n, unsigned char *out);

#define POS_NOMEM   (-1)
#define POS_CORRUPT (-2)

/*
 * Whether a document whose packed positions are blob[0, len) has the
 * terms whose hashes are h[0, n) within window positions (the last less
 * the first is below window): in that order, each after the one before,
 * when ordered (a phrase: window n means adjacent), else in any order (a
 * term named twice must be there twice).  1 or 0; POS_NOMEM, or
 * POS_CORRUPT when the blob does not decode.
 */
int pos_match(const unsigned char *blob, size_t len, const uint32_t *h, size_t n,
              uint32_t window, int ordered);

#ifdef __cplusplus
}
#endif

#endif
