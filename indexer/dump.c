/*
 * dump.c — evs_dump_file: a file's sessions as YAML, the part of the public
 * API behind `evindex --dump`.  Reading goes through source_file_read, the
 * writer's own path, so that the dump shows exactly what indexing would.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../query/internal.h"
#include "source_file.h"
#include "yaml_writer.h"

void evs_free(void *p)
{
    free(p);
}

evs_status evs_dump_file(const char *path, FILE *out, char **errmsg)
{
    if (errmsg)
        *errmsg = NULL;
    buf err = BUF_INIT, yaml = BUF_INIT;
    session_list list = {0};
    evs_status rc;
    if (!path || !out) {
        rc = fail(&err, EVS_INVALID, "evs_dump_file: no %s given",
                  path ? "output stream" : "file");
    } else {
        rc = source_file_read(path, &list, &err);
        char why[512];
        int wr = rc == EVS_OK ? yaml_write_sessions(&list, path, &yaml, why, sizeof why)
                              : YAML_WRITE_OK;
        if (wr != YAML_WRITE_OK)
            rc = fail(&err, wr == YAML_WRITE_NOMEM ? EVS_NOMEM : EVS_BAD_INPUT,
                      "%s: %s", path, why);
        /* the YAML is built whole first, so that a file that fails leaves
         * nothing half-written in out; flushed here, so that a full disk
         * or a closed pipe is reported for this file */
        if (rc == EVS_OK && (fwrite(yaml.data, 1, yaml.len, out) != yaml.len ||
                             fflush(out) != 0))
            rc = fail(&err, EVS_IO, "%s: writing the YAML failed: %s", path,
                      strerror(errno));
    }
    if (rc != EVS_OK && errmsg)
        *errmsg = buf_detach(&err);
    buf_free(&err);
    buf_free(&yaml);
    session_list_free(&list);
    return rc;
}
