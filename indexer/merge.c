/*
 * merge.c — evs_merge: databases written apart become one (see evsearch.h).
 *
 * Each source is checked to be evsearch's before the engine merges them, so
 * that a wrong path gives a message about that path rather than a database
 * that mixes schemas.  The engine writes dest itself; when it fails part
 * way, what it wrote is removed, so that a failed merge leaves nothing
 * that could be mistaken for a database.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../common/remove_tree.h"
#include "../common/schema.h"
#include "../query/internal.h"

/* A source must be a committed evsearch database of this schema (or an
 * empty one, as a writer that added nothing leaves). */
static evs_status check_source(const char *path, buf *err)
{
    eng_db *db = NULL;
    eng_status st = eng_db_open(path, ENG_OPEN_READ, &db);
    char *schema = NULL;
    uint32_t docs = 0;
    if (st == ENG_OK)
        st = eng_db_get_metadata(db, META_SCHEMA, &schema, NULL);
    if (st == ENG_OK)
        st = eng_db_doccount(db, &docs);
    evs_status rc = EVS_OK;
    if (st != ENG_OK)
        rc = fail(err, status_from_engine(st), "%s: %s", path,
                  db ? eng_db_errmsg(db) : "out of memory");
    else if (docs && strcmp(schema, SCHEMA_VERSION) != 0)
        rc = fail(err, EVS_VERSION, "%s: not a database of this version of evsearch "
                                    "(schema \"%s\", this is \"%s\")",
                  path, schema, SCHEMA_VERSION);
    free(schema);
    eng_db_close(db);
    return rc;
}

evs_status evs_merge(const char *const *sources, size_t n, const char *dest, char **errmsg)
{
    if (errmsg)
        *errmsg = NULL;
    buf err = BUF_INIT;
    evs_status rc = EVS_OK;
    struct stat sb;
    if (!sources || n == 0 || !dest)
        rc = fail(&err, EVS_INVALID, "evs_merge: no %s given", dest ? "sources" : "destination");
    else if (lstat(dest, &sb) == 0)
        rc = fail(&err, EVS_INVALID, "%s: already exists; the merge writes a new database",
                  dest);
    else if (errno != ENOENT)
        rc = fail(&err, EVS_IO, "%s: %s", dest, strerror(errno));
    for (size_t i = 0; rc == EVS_OK && i < n; i++)
        rc = sources[i] ? check_source(sources[i], &err)
                        : fail(&err, EVS_INVALID, "evs_merge: source %zu is NULL", i);
    if (rc == EVS_OK) {
        char *why = NULL;
        eng_status st = eng_compact(sources, n, dest, META_LANGUAGES, &why);
        if (st != ENG_OK) {
            rc = fail(&err, status_from_engine(st), "merging into %s failed: %s", dest,
                      why ? why : "out of memory");
            remove_tree(dest);
        }
        free(why);
    }
    if (rc != EVS_OK && errmsg)
        *errmsg = buf_detach(&err);
    buf_free(&err);
    return rc;
}
