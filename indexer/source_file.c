/*
 * source_file.c — see source_file.h.
 */
#include "source_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../query/internal.h"
#include "page_reader.h"
#include "yaml_reader.h"

/* Names what the file is instead of a regular file. */
static evs_status not_regular(buf *err, const char *path, mode_t mode)
{
    const char *kind = S_ISDIR(mode)    ? " (a directory)"
                       : S_ISFIFO(mode) ? " (a FIFO)"
                       : S_ISSOCK(mode) ? " (a socket)"
                       : S_ISCHR(mode) || S_ISBLK(mode) ? " (a device)"
                                                        : "";
    return fail(err, EVS_BAD_INPUT, "%s: not a regular file%s", path, kind);
}

static evs_status errno_fail(buf *err, const char *path, int e)
{
    /* strerror's "Too many levels of symbolic links" hides the cause, and
     * "No such file" is puzzling for a link that ls shows */
    struct stat lsb;
    if (e == ENOENT && lstat(path, &lsb) == 0 && S_ISLNK(lsb.st_mode))
        return fail(err, EVS_BAD_INPUT,
                    "%s: broken symbolic link (its target does not exist)", path);
    return fail(err, EVS_BAD_INPUT, "%s: %s", path,
                e == ELOOP ? "symbolic link loop" : strerror(e));
}

static evs_status too_large(buf *err, const char *path, unsigned long long size)
{
    return fail(err, EVS_BAD_INPUT,
                "%s: file too large (%llu bytes; a session file is at most %u MiB)",
                path, size, SOURCE_MAX_BYTES >> 20);
}

evs_status source_file_load(const char *path, char **out, size_t *len, buf *err)
{
    if (!path)
        return fail(err, EVS_INVALID, "no file given");
    /* stat first: opening a FIFO for reading blocks until a writer comes,
     * and opening a device can have side effects */
    struct stat sb;
    if (stat(path, &sb) != 0)
        return errno_fail(err, path, errno);
    if (!S_ISREG(sb.st_mode))
        return not_regular(err, path, sb.st_mode);
    if ((unsigned long long)sb.st_size > SOURCE_MAX_BYTES)
        return too_large(err, path, (unsigned long long)sb.st_size);
    /* O_NONBLOCK: should the path be replaced by a FIFO between the stat
     * and the open, the open still returns at once (fstat then refuses
     * it); on a regular file the flag changes nothing. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return errno_fail(err, path, errno);
    if (fstat(fd, &sb) != 0) {
        int e = errno;
        close(fd);
        return errno_fail(err, path, e);
    }
    if (!S_ISREG(sb.st_mode)) {
        close(fd);
        return not_regular(err, path, sb.st_mode);
    }
    /* The file may grow while it is read: the limit holds on what is
     * read, not on what stat said. */
    size_t cap = (size_t)sb.st_size + 1, n = 0;
    char *data = malloc(cap + 1);
    if (!data) {
        close(fd);
        return fail(err, EVS_NOMEM, "%s: out of memory", path);
    }
    for (;;) {
        if (n == cap) {
            if (cap > SOURCE_MAX_BYTES) {
                free(data);
                close(fd);
                return too_large(err, path, (unsigned long long)n);
            }
            size_t more = cap * 2 > SOURCE_MAX_BYTES + 1 ? SOURCE_MAX_BYTES + 1 : cap * 2;
            char *p = realloc(data, more + 1);
            if (!p) {
                free(data);
                close(fd);
                return fail(err, EVS_NOMEM, "%s: out of memory", path);
            }
            data = p;
            cap = more;
        }
        ssize_t k = read(fd, data + n, cap - n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k < 0) {
            int e = errno;
            free(data);
            close(fd);
            return errno_fail(err, path, e);
        }
        if (k == 0)
            break;
        n += (size_t)k;
    }
    close(fd);
    if (n > SOURCE_MAX_BYTES) {
        free(data);
        return too_large(err, path, (unsigned long long)n);
    }
    data[n] = '\0';
    *out = data;
    *len = n;
    return EVS_OK;
}

static int has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

evs_status source_file_parse(const char *path, const char *text, size_t len,
                             session_list *list, buf *err)
{
    char why[512] = "";
    if (has_suffix(path, ".yaml") || has_suffix(path, ".yml")) {
        /* all or nothing already: the list is untouched on failure */
        if (yaml_read_sessions(text, len, list, why, sizeof why) != 0)
            return fail(err, EVS_BAD_INPUT, "%s:%s", path, why);
        return EVS_OK;
    }
    session *s = session_list_push(list);
    if (!s)
        return fail(err, EVS_NOMEM, "%s: out of memory", path);
    if (page_read(text, len, s, why, sizeof why) != 0) {
        /* page_read left it cleared: drop it, so the list is as it was */
        session_clear(s);
        list->n--;
        return fail(err, EVS_BAD_INPUT, "%s: %s", path, why);
    }
    return EVS_OK;
}

evs_status source_file_read(const char *path, session_list *list, buf *err)
{
    if (!path || !list)
        return fail(err, EVS_INVALID, "no file given");
    char *text = NULL;
    size_t len = 0;
    evs_status rc = source_file_load(path, &text, &len, err);
    if (rc == EVS_OK)
        rc = source_file_parse(path, text, len, list, err);
    free(text);
    return rc;
}
