/*
 * record_cache.h — the stored records of the hits a database handle has
 * shown, kept for the searches after it.
 *
 * Every document's record is stored compressed, and unpacking a
 * session's (5 kB of text on average) is much of a search's work once
 * snippets are left aside: with the engine's zlib it was 131 k of 138 k
 * instructions a record (shim/record_codec.h says what replaced it).
 * Searches one after the other often show some of the same sessions (a
 * query refined, the same subject in other words: 475 of the 2,020
 * session hits of the benchmark's 237 queries were shown before), and
 * those need not be read again.
 *
 * A record belongs to one state of the database: whoever reopens the
 * handle (a new revision, or a new database swapped in under the same
 * path, whose document numbers mean other documents) clears the cache.
 * Both threads of a search use it; each call takes a lock.
 */
#ifndef EVS_QUERY_RECORD_CACHE_H
#define EVS_QUERY_RECORD_CACHE_H

#include <stddef.h>
#include <stdint.h>

typedef struct record_cache record_cache;

/* A cache holding up to max_bytes of records; NULL when out of memory. */
record_cache *record_cache_new(size_t max_bytes);
void record_cache_free(record_cache *c);

/* A copy of document id's record (malloc'd, NUL-terminated, its length in
 * *len), or NULL when it is not kept (or memory ran out). */
char *record_cache_get(record_cache *c, uint32_t id, size_t *len);

/* Keeps a copy of document id's record data[0, len), making room by
 * forgetting records that were not asked for lately; one larger than a
 * quarter of the cache, or empty, is not kept. */
void record_cache_put(record_cache *c, uint32_t id, const char *data, size_t len);

/* Forgets every record: the handle now reads another state. */
void record_cache_clear(record_cache *c);

#endif
