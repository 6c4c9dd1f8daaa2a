/*
 * fts5_index — the SQLite FTS5 reference indexer of the benchmark: one row
 * per *.txt file under CORPUSDIR, its whole text in the one column of an
 * FTS5 table (tokenize="unicode61 remove_diacritics 2"), in one transaction.
 *   fts5_index DBFILE CORPUSDIR
 */
#include <ftw.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static sqlite3 *db;
static sqlite3_stmt *ins;
static unsigned n;

static int add(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
    (void)ftw;
    size_t len = strlen(path);
    if (type != FTW_F || len < 4 || strcmp(path + len - 4, ".txt") != 0)
        return 0;
    FILE *f = fopen(path, "rb");
    char *text = f ? malloc((size_t)st->st_size + 1) : NULL;
    size_t got = text ? fread(text, 1, (size_t)st->st_size, f) : 0;
    if (f)
        fclose(f);
    if (!text) {
        fprintf(stderr, "fts5_index: cannot read %s\n", path);
        return 1;
    }
    sqlite3_bind_text(ins, 1, text, (int)got, free);
    if (sqlite3_step(ins) != SQLITE_DONE) {
        fprintf(stderr, "fts5_index: %s\n", sqlite3_errmsg(db));
        return 1;
    }
    sqlite3_reset(ins);
    n++;
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: fts5_index DBFILE CORPUSDIR\n");
        return 2;
    }
    remove(argv[1]);
    if (sqlite3_open(argv[1], &db) != SQLITE_OK ||
        sqlite3_exec(db, "CREATE VIRTUAL TABLE t USING fts5(body, "
                         "tokenize=\"unicode61 remove_diacritics 2\"); BEGIN",
                     NULL, NULL, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db, "INSERT INTO t(body) VALUES (?)", -1, &ins, NULL) != SQLITE_OK) {
        fprintf(stderr, "fts5_index: %s\n", sqlite3_errmsg(db));
        return 1;
    }
    if (nftw(argv[2], add, 32, FTW_PHYS) != 0)
        return 1;
    sqlite3_finalize(ins);
    if (sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        fprintf(stderr, "fts5_index: %s\n", sqlite3_errmsg(db));
        return 1;
    }
    sqlite3_close(db);
    fprintf(stderr, "fts5_index: %u documents\n", n);
    return 0;
}
