/*
 * fts5_query — the SQLite FTS5 reference searcher of the benchmark: for each
 * line of QUERIES, the 10 best rows by bm25() with a snippet() each.  Every
 * bare word and every "quoted phrase" of the line becomes an FTS5 string
 * ("word"), so that no word is read as an operator or breaks the syntax;
 * FTS5 ANDs them as evsearch and Xapian do.  Prints each query's wall time
 * in microseconds, one a line, on stdout, and a summary on stderr.
 *   fts5_query DBFILE QUERIES
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

/* `a "b c" d` -> `"a" "b c" "d"` (a '"' inside a word is dropped). */
static void to_fts5(const char *q, char *out)
{
    char *o = out;
    while (*q) {
        while (*q == ' ' || *q == '\t')
            q++;
        if (!*q)
            break;
        const char *end;
        if (*q == '"') {
            q++;
            end = strchr(q, '"');
            if (!end)
                end = q + strlen(q);
        } else {
            end = q + strcspn(q, " \t");
        }
        *o++ = '"';
        for (; q < end; q++)
            if (*q != '"')
                *o++ = *q;
        *o++ = '"';
        *o++ = ' ';
        if (*q == '"')
            q++;
    }
    *o = '\0';
}

int main(int argc, char **argv)
{
    sqlite3 *db;
    sqlite3_stmt *st;
    if (argc != 3) {
        fprintf(stderr, "usage: fts5_query DBFILE QUERIES\n");
        return 2;
    }
    FILE *in = fopen(argv[2], "r");
    if (!in || sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db, "SELECT rowid, snippet(t, 0, '[', ']', '…', 16) FROM t "
                               "WHERE t MATCH ? ORDER BY bm25(t) LIMIT 10",
                           -1, &st, NULL) != SQLITE_OK) {
        fprintf(stderr, "fts5_query: cannot open %s or %s\n", argv[1], argv[2]);
        return 1;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    unsigned queries = 0, empty = 0, failed = 0;
    size_t hits = 0, snippet_bytes = 0;
    while ((len = getline(&line, &cap, in)) > 0) {
        if (line[len - 1] == '\n')
            line[--len] = '\0';
        if (!len)
            continue;
        char *m = malloc(3 * (size_t)len + 4);
        if (!m)
            return 1;
        to_fts5(line, m);
        double t0 = now_us();
        unsigned got = 0;
        int rc;
        sqlite3_bind_text(st, 1, m, -1, SQLITE_TRANSIENT);
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            snippet_bytes += (size_t)sqlite3_column_bytes(st, 1);
            got++;
        }
        sqlite3_reset(st);
        printf("%ld\n", (long)(now_us() - t0));
        failed += rc != SQLITE_DONE;
        hits += got;
        empty += got == 0;
        queries++;
        free(m);
    }
    free(line);
    fclose(in);
    sqlite3_finalize(st);
    sqlite3_close(db);
    fprintf(stderr, "fts5_query: %u queries, %u without hits, %u failed, %zu hits, %zu snippet bytes\n",
            queries, empty, failed, hits, snippet_bytes);
    return 0;
}
