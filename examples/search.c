/*
 * search.c — the smallest useful program on libevsearch: runs a query and
 * prints the sessions found, with their highlighted snippets.
 *
 *   cc search.c $(pkg-config --cflags --libs evsearch) -o search
 *   ./search DATABASE "value chains"
 */
#include <stdio.h>

#include <evsearch.h>

/* Prints text with [brackets] around the highlighted spans. */
static void print_marked(const evs_snippet *sn)
{
    size_t len, at = 0;
    const char *text = evs_snippet_text(sn, &len);
    for (size_t i = 0; i < evs_snippet_span_count(sn); i++) {
        size_t start, end;
        evs_snippet_span(sn, i, &start, &end);
        printf("%.*s[%.*s]", (int)(start - at), text + at, (int)(end - start), text + start);
        at = end;
    }
    printf("%.*s\n", (int)(len - at), text + at);
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s DATABASE QUERY\n", argv[0]);
        return 2;
    }
    evs_db *db = NULL;
    if (evs_db_open(argv[1], &db) != EVS_OK) {
        fprintf(stderr, "search: %s\n", evs_db_errmsg(db));
        evs_db_close(db);               /* the handle exists even on failure */
        return 2;
    }

    evs_search_options opts = EVS_SEARCH_OPTIONS_INIT;
    opts.limit = 5;
    evs_results *res = NULL;
    if (evs_search(db, argv[2], &opts, &res) != EVS_OK) {
        fprintf(stderr, "search: %s\n", evs_db_errmsg(db));
        evs_db_close(db);
        return 2;
    }

    size_t n = evs_results_count(res, EVS_HIT_SESSION);
    printf("%zu of about %llu sessions (libevsearch %s)\n", n,
           (unsigned long long)evs_results_estimated_total(res), evs_version());
    for (size_t i = 0; i < n; i++) {
        const evs_hit *hit = evs_results_hit(res, EVS_HIT_SESSION, i);
        const char *date = evs_hit_field(hit, EVS_FIELD_DATE);
        printf("%zu. %s (%s, score %.2f)\n", i + 1, evs_hit_field(hit, EVS_FIELD_TITLE),
               date ? date : "no date", evs_hit_score(hit));
        for (size_t k = 0; k < evs_hit_snippet_count(hit); k++) {
            printf("   ");
            print_marked(evs_hit_snippet(hit, k));
        }
    }

    evs_results_free(res);              /* frees every hit and snippet too */
    evs_db_close(db);
    return n ? 0 : 1;
}
