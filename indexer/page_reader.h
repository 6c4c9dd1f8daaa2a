/*
 * page_reader.h — reads the text of one session page (the layout of the
 * European Week of Regions and Cities site, in any of the archive's
 * languages) into the session model.
 *
 * The page, top to bottom: title; date and time lines; description; a block
 * of speaker lines ("Name, Role, Organisation, Country."), theme, organiser
 * and interpretation languages; "Session summary"; "Take away message";
 * speaker quotes ("Name (Affiliation)" then the quote).  The site footer and
 * everything after it are dropped.  Any part but the title may be missing.
 * The reference page is corpus/000_acfea4267ebb15da.txt; section labels,
 * month names and footers in other languages are listed in page_labels.c.
 */
#ifndef EVS_INDEXER_PAGE_READER_H
#define EVS_INDEXER_PAGE_READER_H

#include <stddef.h>

#include "session.h"

/*
 * Reads one session page from text[0..len) (UTF-8; CRLF or LF).  0 on
 * success; -1 with a one-line reason in err (e.g. "line 3: ...", "binary
 * file (NUL byte at offset 120)", "invalid UTF-8 at line 4, column 7",
 * "empty file", "line 1: no session title") when the text is not a session
 * page, or "out of memory".  out must be session_init'ed; on success its old
 * contents are replaced, on failure it is left cleared.  err may be NULL.
 * session.lang is left NULL (language detection is the indexer's job).
 */
int page_read(const char *text, size_t len, session *out, char *err,
              size_t errlen);

#endif
