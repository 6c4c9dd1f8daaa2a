/* db_locate.c — see db_locate.h. */
#include "db_locate.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../common/buf.h"

static int is_dir(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
}

char *db_locate(const char *option, db_origin *origin)
{
    if (option && *option) {
        *origin = DB_FROM_OPTION;
        return strdup(option);
    }
    const char *env = getenv("EVSEARCH_DB");
    if (env && *env) {
        *origin = DB_FROM_ENV;
        return strdup(env);
    }
    *origin = DB_FROM_DEFAULT;
    char *cwd = getcwd(NULL, 0);
    if (!cwd)
        return strdup(DB_DEFAULT_NAME);
    buf candidate = BUF_INIT;
    /* Walk up from the current directory; cwd is cut back one component
     * at a time. */
    for (;;) {
        buf_clear(&candidate);
        if (buf_printf(&candidate, "%s%s%s", cwd, strcmp(cwd, "/") ? "/" : "",
                       DB_DEFAULT_NAME) < 0)
            break;
        if (is_dir(candidate.data)) {
            *origin = DB_FROM_SEARCH;
            free(cwd);
            return buf_detach(&candidate);
        }
        char *slash = strrchr(cwd, '/');
        if (!slash || slash == cwd) {
            if (strcmp(cwd, "/") == 0)
                break;
            cwd[1] = '\0';      /* try the root itself last */
            continue;
        }
        *slash = '\0';
    }
    buf_free(&candidate);
    free(cwd);
    return strdup(DB_DEFAULT_NAME);
}
