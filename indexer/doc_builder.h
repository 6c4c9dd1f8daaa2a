/*
 * doc_builder.h — turns a session into documents in the index: one for the
 * session, one per speaker quote, following common/schema.h.
 */
#ifndef EVS_INDEXER_DOC_BUILDER_H
#define EVS_INDEXER_DOC_BUILDER_H

#include <stddef.h>

#include "../shim/engine.h"
#include "session.h"

typedef struct doc_builder doc_builder;

/* NULL when memory ran out. */
doc_builder *doc_builder_new(void);
void doc_builder_free(doc_builder *b);

/*
 * Writes the documents of session s, read as the index-th session of the
 * file at path (absolute): the session's into db, its quotes' into
 * quote_db (db itself, or a database of quotes that a parallel build
 * merges after the sessions': see evindex_parallel.h).  The caller has
 * deleted what the file gave before.  *quotes receives the number of quote
 * documents.  On failure the engine's message is on the database that
 * failed (or, for ENG_E_NOMEM, there is none).
 */
eng_status doc_builder_add(doc_builder *b, eng_db *db, eng_db *quote_db, const session *s,
                           const char *path, size_t index, unsigned *quotes);

/* Hands the words gathered since the last call to the engine's spelling
 * data ("did you mean"); call it before each commit. */
eng_status doc_builder_flush(doc_builder *b, eng_db *db);

/* Whether to gather those words (by default, yes; see spelling.h). */
void doc_builder_set_spelling(doc_builder *b, int gather);
/* Whether words were gathered that the next flush would hand over. */
int doc_builder_has_spelling(const doc_builder *b);

/* Restricts language detection to codes (ISO 639-1, space or comma
 * separated; NULL: all 24).  -1 when a code is unknown or there are none. */
int doc_builder_set_languages(doc_builder *b, const char *codes);

/* The languages seen so far, space separated ("" when none). */
const char *doc_builder_languages(const doc_builder *b);

#endif
