/* progress.c — see progress.h. */
#include "progress.h"

#include <stdio.h>

double seconds_since(const struct timespec *t)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - t->tv_sec) + (double)(now.tv_nsec - t->tv_nsec) / 1e9;
}

void progress_init(progress *p, int on)
{
    p->on = on;
    clock_gettime(CLOCK_MONOTONIC, &p->last);
}

void progress_show(progress *p, unsigned files, unsigned sessions, unsigned quotes,
                   const char *path)
{
    if (!p->on || seconds_since(&p->last) < 0.1)
        return;
    clock_gettime(CLOCK_MONOTONIC, &p->last);
    fprintf(stderr, "\r\033[K%u files, %u sessions, %u quotes  %.50s", files, sessions,
            quotes, path);
    fflush(stderr);
}

void progress_listing(progress *p, size_t files, const char *path)
{
    if (!p->on || seconds_since(&p->last) < 0.1)
        return;
    clock_gettime(CLOCK_MONOTONIC, &p->last);
    fprintf(stderr, "\r\033[Klisting: %zu files  %.50s", files, path);
    fflush(stderr);
}

void progress_clear(const progress *p)
{
    if (p->on)
        fputs("\r\033[K", stderr);
}
