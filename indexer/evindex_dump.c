/*
 * evindex_dump.c — see evindex_dump.h.  Uses only the public API; needs no
 * database, so that a page can be checked before anything is indexed.
 */
#include "evindex_dump.h"

#include <stdio.h>

#include "evsearch.h"

int evindex_dump(char *const *files, int n)
{
    int failed = 0;
    for (int i = 0; i < n; i++) {
        char *msg = NULL;
        evs_status rc = evs_dump_file(files[i], stdout, &msg);
        if (rc != EVS_OK)
            fprintf(stderr, "evindex: %s\n", msg ? msg : evs_status_str(rc));
        evs_free(msg);
        /* with stdout gone (a closed pipe, a full disk) the other files
         * cannot be printed either */
        if (rc == EVS_IO)
            return 2;
        failed |= rc != EVS_OK;
    }
    return failed;
}
