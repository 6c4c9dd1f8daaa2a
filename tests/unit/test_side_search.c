/*
 * test_side_search.c — the second reader's thread: each task handed over
 * runs once, on a thread that is not the caller's and is the same from one
 * search to the next, and is over when side_wait returns; one task at a
 * time; closing joins the thread, idle or never started; a process forked
 * from one whose thread is started runs its searches without it.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "common/remove_tree.h"
#include "query/side_search.h"
#include "tests/check.h"

typedef struct task {
    atomic_int runs;
    pthread_t on;           /* the thread of the last run */
    int slow;               /* sleep a little, so that side_wait must wait */
    atomic_int done;        /* set at the end of each run */
} task;

static void run(void *arg)
{
    task *t = arg;
    atomic_store(&t->done, 0);
    if (t->slow)
        nanosleep(&(struct timespec){ 0, 2 * 1000 * 1000 }, NULL);
    t->on = pthread_self();
    atomic_fetch_add(&t->runs, 1);
    atomic_store(&t->done, 1);
}

/* An empty database to open a second reader on, in dir. */
static int make_db(char *dir, size_t size, char *path, size_t psize)
{
    snprintf(dir, size, "/tmp/evs-side-XXXXXX");
    if (!mkdtemp(dir))
        return -1;
    snprintf(path, psize, "%s/db", dir);
    eng_db *db = NULL;
    eng_status st = eng_db_open(path, ENG_OPEN_WRITE | ENG_OPEN_CREATE, &db);
    int ok = st == ENG_OK && eng_db_commit(db) == ENG_OK;
    eng_db_close(db);
    return ok ? 0 : -1;
}

int main(void)
{
    char dir[64], path[128];
    CHECK_INT(make_db(dir, sizeof dir, path, sizeof path), 0);

    /* never started: closing has no thread to join */
    side_search *s = side_open(path, "en fr");
    CHECK(s != NULL);
    side_close(s);

    s = side_open(path, "en");
    CHECK(s != NULL);
    if (!s)
        return check_exit();
    task t = { 0 };
    pthread_t first = pthread_self();
    int same = 1, done_at_wait = 1;
    for (int i = 0; i < 500; i++) {
        t.slow = i % 50 == 0;
        CHECK_INT(side_start(s, run, &t), 0);
        /* one task at a time */
        if (i == 0)
            CHECK_INT(side_start(s, run, &t), -1);
        side_wait(s);
        done_at_wait &= atomic_load(&t.done);
        if (i == 0)
            first = t.on;
        same &= pthread_equal(t.on, first) != 0;
    }
    CHECK_INT(atomic_load(&t.runs), 500);
    CHECK(done_at_wait);
    CHECK(!pthread_equal(first, pthread_self()));
    CHECK(same);            /* one thread serves every search */
    side_wait(s);           /* nothing to wait for: returns */

    /* A child forked now has no such thread: side_start refuses, and the
     * handle closes without waiting for it. */
    fflush(NULL);
    pid_t child = fork();
    if (child == 0) {
        task c = { 0 };
        int refused = side_start(s, run, &c) == -1 && atomic_load(&c.runs) == 0;
        side_close(s);
        _exit(refused ? 0 : 1);
    }
    int status = 0;
    CHECK(child > 0 && waitpid(child, &status, 0) == child);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);

    /* the parent's thread still serves */
    CHECK_INT(side_start(s, run, &t), 0);
    side_wait(s);
    CHECK_INT(atomic_load(&t.runs), 501);
    /* closing while a task runs waits for it, then joins the thread */
    t.slow = 1;
    CHECK_INT(side_start(s, run, &t), 0);
    side_close(s);
    CHECK_INT(atomic_load(&t.runs), 502);

    CHECK_INT(remove_tree(dir), 0);
    return check_exit();
}
