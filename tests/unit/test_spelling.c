/*
 * test_spelling.c — the spelling data taken from an index's terms
 * (indexer/spelling.h) is the data its writer would have gathered: the
 * same words with the same frequencies, for the pages of corpus/ and a
 * page with e-mail addresses, URLs and numbers, whose terms are not words.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/buf.h"
#include "query/evsearch.h"
#include "shim/engine.h"
#include "tests/check.h"

static const char page[] =
    "Cross-border data spaces\n"
    "\n"
    "Description: Write to jane.doe@example.org or see www.example.org and\n"
    "https://ec.europa.eu/regional_policy for the 1,000 regions and 2024 figures; "
    "3.5 million ab cd euros.\n";

/* Indexes corpus/ and the page above into path, gathering spelling data
 * or, with derive set, taking it from the index before the commit. */
static void build(const char *path, int derive)
{
    const char *src = getenv("EVS_SOURCE_DIR");
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/corpus", src ? src : ".");
    evs_writer *w = NULL;
    CHECK_INT(evs_writer_open(path, &w), EVS_OK);
    CHECK_INT(evs_writer_set_spelling(w, !derive), EVS_OK);
    DIR *d = opendir(dir);
    CHECK(d != NULL);
    size_t files = 0;
    for (struct dirent *e; d && (e = readdir(d));) {
        if (e->d_name[0] == '.')
            continue;
        char file[8192];
        snprintf(file, sizeof file, "%s/%s", dir, e->d_name);
        evs_status rc = evs_writer_add_file(w, file, NULL);
        files += rc == EVS_OK;
    }
    if (d)
        closedir(d);
    CHECK(files > 30);
    CHECK_INT(evs_writer_add_page(w, "memory/data-spaces", page, sizeof page - 1, NULL), EVS_OK);
    if (derive)
        CHECK_INT(evs_writer_spelling_from_index(w), EVS_OK);
    CHECK_INT(evs_writer_commit(w), EVS_OK);
    evs_writer_close(w);
}

static int collect(void *ctx, const char *word, size_t len, uint32_t freq)
{
    buf *b = ctx;
    return buf_printf(b, "%.*s %u\n", (int)len, word, freq) < 0;
}

/* The spelling data of the database at path, a line per word. */
static char *spelling_of(const char *path)
{
    eng_db *db = NULL;
    CHECK_INT(eng_db_open(path, ENG_OPEN_READ, &db), ENG_OK);
    buf b = BUF_INIT;
    CHECK_INT(eng_db_each_spelling(db, collect, &b), ENG_OK);
    eng_db_close(db);
    return buf_detach(&b);
}

int main(void)
{
    char tmpl[] = "/tmp/evs-spelling-XXXXXX";
    char *dir = mkdtemp(tmpl);
    if (!dir)
        return 1;
    char gathered[300], derived[300];
    snprintf(gathered, sizeof gathered, "%s/gathered", dir);
    snprintf(derived, sizeof derived, "%s/derived", dir);
    build(gathered, 0);
    build(derived, 1);
    char *a = spelling_of(gathered), *b = spelling_of(derived);
    CHECK(a && strlen(a) > 10000);
    CHECK_STR(b, a);
    /* words, and what is not one */
    CHECK(strstr(a, "\nregions ") != NULL);
    CHECK(strstr(a, "\n1,000 1\n") != NULL);
    CHECK(strstr(a, "\n3.5 1\n") != NULL);
    CHECK(strstr(a, "@") == NULL);
    CHECK(strstr(a, "www.") == NULL);
    CHECK(strstr(a, "://") == NULL);
    CHECK(strstr(a, "\n2024 ") == NULL);
    CHECK(strstr(a, "\nab ") == NULL);
    free(a);
    free(b);
    char cmd[512];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    CHECK_INT(system(cmd), 0);
    return check_exit();
}
