/*
 * source_file.h — reading one session file, page text or YAML, into the
 * session model: the one place that decides how a file on disk is read, so
 * that indexing it (writer.c) and printing it as YAML (dump.c) can never
 * understand it differently.
 */
#ifndef EVS_INDEXER_SOURCE_FILE_H
#define EVS_INDEXER_SOURCE_FILE_H

#include "../common/buf.h"
#include "../query/evsearch.h"
#include "session.h"

/* Session pages are a few kilobytes and YAML files hold at most a few
 * thousand sessions; anything much larger is not what the user meant. */
#define SOURCE_MAX_BYTES (16u << 20)

/*
 * Reads the file at path whole and appends its sessions to list: YAML when
 * the name ends in .yaml or .yml, else one session page.  The file's type is
 * checked before it is opened, and it is opened without blocking, so that a
 * FIFO or a device named by mistake fails at once instead of hanging.
 *
 * EVS_OK; or EVS_BAD_INPUT (the file cannot be read or understood) or
 * EVS_NOMEM, with "PATH: reason" in err ("PATH:LINE:COLUMN: reason" for
 * YAML).  All or nothing: on failure list keeps exactly what it had.
 */
evs_status source_file_read(const char *path, session_list *list, buf *err);

/* source_file_read in two steps, for a caller that looks at the bytes
 * before it parses them (the writer, which skips a file whose content it
 * has indexed before): the file read whole into *text (NUL-terminated;
 * free it) and *len, then its sessions appended to list.  The checks and
 * messages are source_file_read's. */
evs_status source_file_load(const char *path, char **text, size_t *len, buf *err);
evs_status source_file_parse(const char *path, const char *text, size_t len,
                             session_list *list, buf *err);

#endif
