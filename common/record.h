/*
 * record.h — a document's stored data: a flat list of tagged strings.
 *
 * Each entry is one tag byte, the length as a LEB128 varint, then the bytes.
 * It is what results print and what snippets are cut from, so reading one
 * field must be cheap: no parsing beyond skipping lengths, no allocation.
 */
#ifndef EVS_COMMON_RECORD_H
#define EVS_COMMON_RECORD_H

#include <stddef.h>

#include "buf.h"

/* Appends one entry; an empty or NULL string is not stored.  0 or -1. */
int record_put(buf *b, int tag, const char *s, size_t len);
int record_put_str(buf *b, int tag, const char *s);

/*
 * Finds the first entry with tag in data[0..len).  Returns 1 and sets *s,
 * *slen (not NUL-terminated), 0 when absent; a truncated record reads as
 * ending where it breaks.
 */
int record_get(const char *data, size_t len, int tag, const char **s, size_t *slen);

#endif
