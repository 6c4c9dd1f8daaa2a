/*
 * page_reader.h — reads the text of one session page of the European Week
 * of Regions and Cities (OPEN DAYS before 2016), in any of the archive's
 * layouts and languages, into the session model.
 *
 * The layouts, all read into the same fields:
 *   - 2016 on (the reference page, corpus/000_acfea4267ebb15da.txt): title;
 *     date and time lines ("Thu 11, October 2018", "16:30 - 18:00 CET");
 *     description; one line per speaker ("Name, Role, Organisation,
 *     Country."), theme, organiser and interpretation languages ("Deutsch
 *     (DE), English (EN)"); "Session summary"; "Take away message";
 *     speaker quotes ("Name (Affiliation)" then the quote).
 *   - OPEN DAYS (2003-2015): a session code before the title ("09C14 -
 *     Title"), "07/10/2009 14:30-17:00", and labelled lines: "Venue:",
 *     "Organisers:", "Theme C:" (the label and the theme's letter are not
 *     part of the theme), "Speakers and chair(s):" with the speakers inline
 *     ("A, Org; B (Org, Role); Chair: C, Org"), "Presentations: a; b".
 *   - 2018-2020: the code on a line of its own or before the title
 *     ("9WS29", "8LAB03", "0PL12"), a session type line ("Workshop",
 *     "Participatory lab"), times with CEST or without a zone, "Building:
 *     ..., Room ..." and "Address: ..." (the venue, joined by ", "),
 *     interpretation languages in lower case.
 *   - any of these in the session's language: section labels, field
 *     labels, month names and session types of the EU languages.
 * A session code is only taken in those shapes; the year only from the
 * date line, never from a site banner.  The site's own text is dropped
 * wherever it stands: the footer and all after it, banners, voting and
 * streaming notices, comment-form notices, and visitors' comment threads
 * ("Posted by NAME on DATE, 18:07pm" and the text after it up to the next
 * section label).  Mojibake (UTF-8 read as Windows-1252 or Latin-1, once
 * or twice) is repaired and counted in session.repairs; no-break spaces
 * and runs of spaces become one space.  Damage that cannot be undone
 * without guessing (a lost byte: "IŽle"), wrong countries, Title Case and
 * capitals are kept as written.  Any part but the title may be missing,
 * and what is missing stays absent.  Tables of words: page_labels.c,
 * page_site.c, page_words.c; what is repaired: page_repair.c.
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
