/*
 * yaml_writer.h — writes sessions as YAML in the schema of
 * docs/session-yaml.md, the reverse of yaml_reader.h: what it writes reads
 * back into the same sessions, field by field.  It is what
 * `evindex --dump` prints, so that a user can check what was understood of
 * a page, correct it and index the YAML instead.
 */
#ifndef EVS_INDEXER_YAML_WRITER_H
#define EVS_INDEXER_YAML_WRITER_H

#include <stddef.h>

#include "../common/buf.h"
#include "session.h"

enum {
    YAML_WRITE_OK = 0,
    YAML_WRITE_INVALID = -1,    /* the sessions cannot be written so that
                                   they read back (see below) */
    YAML_WRITE_NOMEM = -2,      /* out of memory, or libyaml failed */
};

/*
 * Appends to out one YAML document holding the sessions of l (one session:
 * a mapping; several: a list of mappings), written through libyaml's
 * emitter.  The document starts with "---" and, when source is not NULL, a
 * comment line naming it before that, so that the output of several calls
 * concatenated is one valid stream of documents, one per source.
 *
 * Keys come in the order of the example in docs/session-yaml.md; absent
 * fields are left out, as are `chair` when false and `repairs` when 0.
 * Texts with line breaks are literal block scalars (|); a value that a YAML
 * tool would take for a number, a boolean or null ("123", "no", "null",
 * "14:30") is quoted, so that it stays a string everywhere.
 *
 * YAML_WRITE_INVALID when the sessions would not read back: a session
 * without title, a speaker without name or a quote without text, invalid
 * UTF-8, or more than the reader's limits (YAML_MAX_SCALAR bytes in one
 * value, YAML_MAX_ITEMS elements in one list, YAML_MAX_SESSIONS sessions).
 * On any failure err says why ("session 2, speaker 1: no name") and out is
 * left as it was.  err may be NULL.
 *
 * Values are otherwise written as the sessions hold them, even one the
 * reader would refuse (a language code "pdf" that a page reader took from
 * the wrong line): the YAML is where a user sees and corrects such a
 * mistake, and the reader then points at its line and column.
 */
int yaml_write_sessions(const session_list *l, const char *source, buf *out,
                        char *err, size_t errlen);

#endif
