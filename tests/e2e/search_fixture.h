/*
 * search_fixture.h — what the end-to-end search tests share: corpus/
 * indexed into a fresh database through the public API, and the questions
 * they ask of it (does a query find a page, what does it highlight).
 */
#ifndef EVS_TESTS_SEARCH_FIXTURE_H
#define EVS_TESTS_SEARCH_FIXTURE_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "evsearch.h"
#include "tests/check.h"

#define SEED "000_acfea4267ebb15da.txt"

static char db_path[256];

static inline int ends_with(const char *s, const char *suffix)
{
    size_t n = s ? strlen(s) : 0, m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

static inline void index_dir(evs_writer *w, const char *dir, unsigned *files)
{
    struct dirent **names;
    int n = scandir(dir, &names, NULL, alphasort);
    CHECK(n > 0);
    for (int i = 0; i < n; i++) {
        const char *name = names[i]->d_name;
        char path[1024];
        int len = snprintf(path, sizeof path, "%s/%s", dir, name);
        CHECK(len > 0 && (size_t)len < sizeof path);    /* not cut short */
        struct stat sb;
        if (name[0] != '.' && stat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
            index_dir(w, path, files);
        else if (ends_with(name, ".txt") || ends_with(name, ".yaml")) {
            evs_status st = evs_writer_add_file(w, path, NULL);
            if (st != EVS_OK)
                fprintf(stderr, "%s\n", evs_writer_errmsg(w));
            CHECK_INT(st, EVS_OK);
            (*files)++;
        }
        free(names[i]);
    }
    free(names);
}

static inline void build_index(void)
{
    char corpus[1024];
    snprintf(corpus, sizeof corpus, "%s/corpus", getenv("EVS_SOURCE_DIR"));
    evs_writer *w = NULL;
    CHECK_INT(evs_writer_open(db_path, &w), EVS_OK);
    unsigned files = 0;
    index_dir(w, corpus, &files);
    CHECK(files >= 11);
    CHECK_INT(evs_writer_commit(w), EVS_OK);
    evs_writer_close(w);
}

/* corpus/ indexed into a fresh database in a new directory under /tmp
 * (its path in dir, of size bytes), and opened; NULL when the directory
 * could not be made. */
static inline evs_db *fixture_open(char *dir, size_t size, const char *name)
{
    snprintf(dir, size, "/tmp/evs-%s-XXXXXX", name);
    char *made = mkdtemp(dir);
    CHECK(made != NULL);
    if (!made)
        return NULL;
    snprintf(db_path, sizeof db_path, "%s/db", dir);
    build_index();
    evs_db *db = NULL;
    CHECK_INT(evs_db_open(db_path, &db), EVS_OK);
    return db;
}

/* Closes db, removes the directory, and gives the test's exit status. */
static inline int fixture_close(evs_db *db, const char *dir)
{
    evs_db_close(db);
    char cmd[512];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    CHECK_INT(system(cmd), 0);
    return check_exit();
}

static inline evs_results *search(evs_db *db, const char *q)
{
    evs_results *res = NULL;
    evs_status st = evs_search(db, q, NULL, &res);
    if (st != EVS_OK)
        fprintf(stderr, "search %s: %s\n", q, evs_db_errmsg(db));
    CHECK_INT(st, EVS_OK);
    return res;
}

/* Whether some snippet of hit marks exactly want (compared without case). */
static inline int highlights(const evs_hit *hit, const char *want)
{
    for (size_t i = 0; i < evs_hit_snippet_count(hit); i++) {
        const evs_snippet *sn = evs_hit_snippet(hit, i);
        size_t len;
        const char *text = evs_snippet_text(sn, &len);
        for (size_t k = 0; k < evs_snippet_span_count(sn); k++) {
            size_t s, e;
            evs_snippet_span(sn, k, &s, &e);
            if (s >= e || e > len)
                return 0;
            if (e - s == strlen(want) && strncasecmp(text + s, want, e - s) == 0)
                return 1;
        }
    }
    return 0;
}

static inline int finds(evs_db *db, const char *q, const char *file)
{
    evs_results *res = search(db, q);
    int found = 0;
    for (size_t i = 0; i < evs_results_count(res, EVS_HIT_SESSION); i++)
        found |= ends_with(evs_hit_field(evs_results_hit(res, EVS_HIT_SESSION, i),
                                         EVS_FIELD_PATH), file);
    evs_results_free(res);
    return found;
}
#endif
