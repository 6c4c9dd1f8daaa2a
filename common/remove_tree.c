/* remove_tree.c — see remove_tree.h. */
#include "remove_tree.h"

#include <dirent.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"

int remove_tree(const char *path)
{
    struct stat sb;
    if (lstat(path, &sb) != 0)
        return -1;
    if (!S_ISDIR(sb.st_mode))
        return unlink(path) == 0 ? 0 : -1;
    int rc = 0;
    DIR *d = opendir(path);
    if (d) {
        buf child = BUF_INIT;
        for (struct dirent *e; (e = readdir(d));) {
            if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
                continue;
            buf_clear(&child);
            if (buf_printf(&child, "%s/%s", path, e->d_name) < 0 || remove_tree(child.data) < 0)
                rc = -1;
        }
        buf_free(&child);
        closedir(d);
    } else {
        rc = -1;
    }
    return rmdir(path) == 0 ? rc : -1;
}
