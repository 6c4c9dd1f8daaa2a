/*
 * testdata.h — reading the test inputs that live in the source tree.
 */
#ifndef EVS_TESTS_TESTDATA_H
#define EVS_TESTS_TESTDATA_H

#include <stdio.h>
#include <stdlib.h>

#include "common/buf.h"

/* The file at rel below $EVS_SOURCE_DIR (set by ctest), whole and
 * NUL-terminated (free it); NULL when it cannot be read. */
static inline char *slurp(const char *rel, size_t *len)
{
    const char *dir = getenv("EVS_SOURCE_DIR");
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir ? dir : ".", rel);
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "cannot open %s\n", path);
        return NULL;
    }
    buf b = BUF_INIT;
    char chunk[8192];
    size_t k;
    while ((k = fread(chunk, 1, sizeof chunk, f)) > 0)
        if (buf_append(&b, chunk, k) < 0)
            break;
    fclose(f);
    *len = b.len;
    return buf_detach(&b);
}

#endif
