/*
 * sources.h — what each source file gave the index, remembered in the
 * database's metadata: the hash of its content, so that a file that has not
 * changed is not parsed and analysed again, and its path, so that the
 * sessions of a file that has gone can be removed.
 */
#ifndef EVS_INDEXER_SOURCES_H
#define EVS_INDEXER_SOURCES_H

#include <stddef.h>
#include <stdint.h>

#include "../shim/engine.h"

/* The hash recorded for a file whose content is data[0, len): 64-bit
 * FNV-1a (stable: it is on disk). */
uint64_t sources_hash(const char *data, size_t len);

/* The hash recorded for the source abs; *known 0 when there is none. */
eng_status sources_get(eng_db *db, const char *abs, uint64_t *hash, int *known);
eng_status sources_set(eng_db *db, const char *abs, uint64_t hash);
eng_status sources_forget(eng_db *db, const char *abs);

/* Calls fn for every recorded source whose path is root or below it; fn
 * returns non-zero to stop (and that is returned through *stopped). */
typedef int (*sources_fn)(void *ctx, const char *abs);
eng_status sources_each_under(eng_db *db, const char *root, sources_fn fn, void *ctx);

#endif
