/*
 * evs_query — evsearch's side of the benchmark, through the public API only,
 * in-process: evs_db_open once, then for each line of QUERIES evs_search with
 * the default options (10 sessions with 3 snippets each, and up to 10
 * quotes), reading every hit's snippets.  Prints each query's wall time in
 * microseconds, one a line, on stdout, and a summary on stderr.
 *   evs_query [--snippets N] [--quotes N] DBDIR QUERIES
 * The two options change those defaults, so that the benchmark can tell
 * what the snippets and the quotes cost of a search's time.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "evsearch.h"

static double now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

int main(int argc, char **argv)
{
    evs_search_options opts = EVS_SEARCH_OPTIONS_INIT;
    int a = 1;
    for (; a + 1 < argc && strncmp(argv[a], "--", 2) == 0; a += 2) {
        char *end;
        unsigned long v = strtoul(argv[a + 1], &end, 10);
        if (*end || end == argv[a + 1] || v > 1000)
            break;
        if (strcmp(argv[a], "--snippets") == 0)
            opts.snippets = (unsigned)v;
        else if (strcmp(argv[a], "--quotes") == 0)
            opts.quote_limit = (unsigned)v;
        else
            break;
    }
    if (argc - a != 2) {
        fprintf(stderr, "usage: evs_query [--snippets N] [--quotes N] DBDIR QUERIES\n");
        return 2;
    }
    const char *dbdir = argv[a], *queries_path = argv[a + 1];
    evs_db *db;
    FILE *in = fopen(queries_path, "r");
    if (!in) {
        fprintf(stderr, "evs_query: cannot open %s\n", queries_path);
        return 1;
    }
    if (evs_db_open(dbdir, &db) != EVS_OK) {
        fprintf(stderr, "evs_query: %s\n", evs_db_errmsg(db));
        evs_db_close(db);
        fclose(in);
        return 1;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    unsigned queries = 0, empty = 0, failed = 0;
    size_t hits = 0, quotes = 0, snippet_bytes = 0;
    while ((len = getline(&line, &cap, in)) > 0) {
        if (line[len - 1] == '\n')
            line[--len] = '\0';
        if (!len)
            continue;
        double t0 = now_us();
        evs_results *res;
        if (evs_search(db, line, &opts, &res) == EVS_OK) {
            size_t n = evs_results_count(res, EVS_HIT_SESSION);
            for (size_t i = 0; i < n; i++) {
                const evs_hit *h = evs_results_hit(res, EVS_HIT_SESSION, i);
                for (size_t j = 0; j < evs_hit_snippet_count(h); j++) {
                    size_t sl = 0;
                    evs_snippet_text(evs_hit_snippet(h, j), &sl);
                    snippet_bytes += sl;
                }
            }
            hits += n;
            empty += n == 0;
            quotes += evs_results_count(res, EVS_HIT_QUOTE);
            evs_results_free(res);
        } else {
            failed++;
        }
        printf("%ld\n", (long)(now_us() - t0));
        queries++;
    }
    free(line);
    fclose(in);
    evs_db_close(db);
    fprintf(stderr, "evs_query: %u queries, %u without hits, %u failed, %zu hits, %zu snippet bytes (and %zu quotes)\n",
            queries, empty, failed, hits, snippet_bytes, quotes);
    return 0;
}
