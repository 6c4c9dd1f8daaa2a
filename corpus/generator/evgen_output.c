/*
 * evgen_output.c — the corpus written to disk: the output directory made
 * and checked, one file per page (OUTDIR/000/000000.txt, at most 1,000
 * files per directory) written as soon as it is laid out, so that memory
 * does not grow with the count, and a report of what was written.
 */
#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "evgen_layout.h"
#include "evgen_output.h"
#include "sbuf.h"

#define FILES_PER_DIR 1000

/* ------------------------------------------------------------ files */

static int mkdir_p(const char *path)
{
    char buf[4096];
    size_t n = strlen(path);
    if (n >= sizeof buf) {
        errno = ENAMETOOLONG;
        return -1;
    }
    memcpy(buf, path, n + 1);
    for (size_t i = 1; i <= n; i++) {
        if (buf[i] != '/' && buf[i] != '\0')
            continue;
        char c = buf[i];
        buf[i] = '\0';
        if (mkdir(buf, 0777) < 0 && errno != EEXIST)
            return -1;
        buf[i] = c;
    }
    struct stat st;
    if (stat(path, &st) < 0)
        return -1;
    if (!S_ISDIR(st.st_mode)) {
        errno = ENOTDIR;
        return -1;
    }
    return 0;
}

static int dir_is_empty(const char *path)
{
    DIR *d = opendir(path);
    if (!d)
        return -1;
    struct dirent *e;
    int empty = 1;
    while (empty && (e = readdir(d)) != NULL)
        empty = strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0;
    closedir(d);
    return empty;
}

static int write_file(const char *path, const sbuf *b)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    size_t w = fwrite(b->data, 1, b->len, f);
    int bad = w != b->len || ferror(f);
    if (fclose(f) != 0)
        bad = 1;
    return bad ? -1 : 0;
}

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* ------------------------------------------------------------ corpus */

int output_prepare(const char *outdir)
{
    if (mkdir_p(outdir) < 0) {
        fprintf(stderr, "evgen: %s: %s\n", outdir, strerror(errno));
        return -1;
    }
    int empty = dir_is_empty(outdir);
    if (empty <= 0) {
        if (empty < 0)
            fprintf(stderr, "evgen: %s: %s\n", outdir, strerror(errno));
        else
            fprintf(stderr, "evgen: %s is not empty; give a new or empty directory\n",
                    outdir);
        return -1;
    }
    return 0;
}

int output_corpus(const char *outdir, uint64_t seed, uint64_t count, int n_langs)
{
    int progress = isatty(2) && count >= 20000;
    double t0 = now(), shown = t0;
    sbuf text = SBUF_INIT;
    uint64_t bytes = 0;
    char path[4400];
    for (uint64_t i = 0; i < count; i++) {
        if (i % FILES_PER_DIR == 0) {
            snprintf(path, sizeof path, "%s/%03" PRIu64, outdir, i / FILES_PER_DIR);
            if (mkdir(path, 0777) < 0 && errno != EEXIST) {
                fprintf(stderr, "evgen: %s: %s\n", path, strerror(errno));
                return -1;
            }
        }
        layout_page(&text, seed, i);
        snprintf(path, sizeof path, "%s/%03" PRIu64 "/%06" PRIu64 ".txt", outdir,
                 i / FILES_PER_DIR, i);
        if (write_file(path, &text) < 0) {
            fprintf(stderr, "evgen: %s: %s\n", path, strerror(errno));
            return -1;
        }
        bytes += text.len;
        if (progress && now() - shown >= 0.2) {
            shown = now();
            fprintf(stderr, "\r%" PRIu64 " of %" PRIu64 " sessions", i + 1, count);
        }
    }
    if (progress)
        fputs("\r\033[K", stderr);
    sbuf_free(&text);
    printf("Wrote %" PRIu64 " sessions (%.1f MB, %d languages) to %s in %.1f s "
           "(seed %" PRIu64 ").\n",
           count, (double)bytes / 1e6, n_langs, outdir, now() - t0, seed);
    return 0;
}
