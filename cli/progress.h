/*
 * progress.h — evindex's progress line on a terminal: counts so far and the
 * file being read, redrawn at most ten times a second, cleared before any
 * other message.  Used by the one-thread walk and the parallel build.
 */
#ifndef EVS_CLI_PROGRESS_H
#define EVS_CLI_PROGRESS_H

#include <time.h>

typedef struct progress {
    int on;                     /* stderr is a terminal and --quiet not given */
    struct timespec last;       /* when the line was last drawn */
} progress;

/* Seconds since *t (CLOCK_MONOTONIC). */
double seconds_since(const struct timespec *t);

void progress_init(progress *p, int on);
void progress_show(progress *p, unsigned files, unsigned sessions, unsigned quotes,
                   const char *path);
/* While the files are listed, before any is read. */
void progress_listing(progress *p, size_t files, const char *path);
/* Clears the line, so that a message can be printed. */
void progress_clear(const progress *p);

#endif
