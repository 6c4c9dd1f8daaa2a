/* side_search.c — see side_search.h. */
#include "side_search.h"

#include <pthread.h>
#include <stdlib.h>

struct side_search {
    eng_db *db;
    match_langs langs;
    pthread_t thread;
    int running;
    void (*fn)(void *);
    void *arg;
};

side_search *side_open(const char *path, const char *codes)
{
    side_search *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    /* match_langs_init frees what it made when it fails */
    if (eng_db_open(path, ENG_OPEN_READ, &s->db) == ENG_OK &&
        match_langs_init(&s->langs, codes) == 0)
        return s;
    eng_db_close(s->db);
    free(s);
    return NULL;
}

void side_close(side_search *s)
{
    if (!s)
        return;
    side_wait(s);
    eng_db_close(s->db);
    match_langs_free(&s->langs);
    free(s);
}

eng_db *side_db(side_search *s)
{
    return s->db;
}

const match_langs *side_langs(const side_search *s)
{
    return &s->langs;
}

int side_in_step(side_search *s, eng_db *db)
{
    uint64_t want, have;
    if (eng_db_revision(db, &want) != ENG_OK)
        return -1;
    if (eng_db_revision(s->db, &have) != ENG_OK)
        return 0;
    if (have == want)
        return 1;
    /* Only forward: a reader cannot go back to an older revision.  When
     * db is the older one, s waits (without trying again each search) for
     * db's own reopen (evs_db_reopen) to catch up. */
    if (have > want)
        return 0;
    return eng_db_reopen(s->db, NULL) == ENG_OK && eng_db_revision(s->db, &have) == ENG_OK &&
           have == want;
}

static void *trampoline(void *arg)
{
    side_search *s = arg;
    s->fn(s->arg);
    return NULL;
}

int side_start(side_search *s, void (*fn)(void *), void *arg)
{
    if (s->running)
        return -1;
    s->fn = fn;
    s->arg = arg;
    if (pthread_create(&s->thread, NULL, trampoline, s) != 0)
        return -1;
    s->running = 1;
    return 0;
}

void side_wait(side_search *s)
{
    if (s->running) {
        pthread_join(s->thread, NULL);
        s->running = 0;
    }
}
