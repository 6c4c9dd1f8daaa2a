/*
 * yaml_reader.h — reads sessions written as YAML (docs/session-yaml.md):
 * one session (a mapping), a list of sessions, or several documents.
 *
 * The reader is strict, so that a typo never loses data silently: unknown
 * keys, duplicate keys, values of the wrong kind and malformed dates are
 * errors.  It is safe on hostile input: aliases are refused (no alias
 * bombs), nesting is at most YAML_MAX_DEPTH deep, a scalar at most
 * YAML_MAX_SCALAR bytes, a file at most YAML_MAX_SESSIONS sessions and a
 * session at most YAML_MAX_ITEMS speakers, quotes or list elements.
 */
#ifndef EVS_INDEXER_YAML_READER_H
#define EVS_INDEXER_YAML_READER_H

#include <stddef.h>

#include "session.h"

#define YAML_MAX_DEPTH 8
#define YAML_MAX_SCALAR ((size_t)1 << 20)
#define YAML_MAX_SESSIONS 10000
#define YAML_MAX_ITEMS 1000

/*
 * Reads the sessions of text[0..len) and appends them to out.  0, or -1 with
 * "LINE:COLUMN: reason" (1-based) in err (err may be NULL); on failure out
 * holds no session from this text (all or nothing) and keeps what it had.
 */
int yaml_read_sessions(const char *text, size_t len, session_list *out,
                       char *err, size_t errlen);

#endif
