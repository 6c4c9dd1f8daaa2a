/*
 * test_engine_db.c — the engine shim's database side, through its C ABI only
 * (shim/engine.h).
 *
 * Builds a small database in a temporary directory (engine_helpers.h), then
 * checks writing, the side tables (metadata, spelling, term lists, document
 * data and values), transactions and locking, document data through the
 * shim's own compressed storage, opening, and the error paths.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "shim/engine.h"
#include "tests/check.h"
#include "tests/unit/engine_helpers.h"

/* ----------------------------------------------------------- side tables */

static int collect(void *ctx, const char *t, size_t len, uint32_t freq)
{
    char *buf = ctx;
    char item[64];
    snprintf(item, sizeof item, "%.*s:%u;", (int)len, t, (unsigned)freq);
    strcat(buf, item);
    return 0;
}

static int stop_at_first(void *ctx, const char *t, size_t len, uint32_t freq)
{
    (void)t, (void)len, (void)freq;
    ++*(int *)ctx;
    return 1;
}

static void test_tables(eng_db *db)
{
    char *v = NULL;
    size_t len = 99;
    CHECK_INT(eng_db_get_metadata(db, "schema", &v, &len), ENG_OK);
    CHECK_STR(v, "3");
    CHECK_INT(len, 1);
    free(v);
    CHECK_INT(eng_db_get_metadata(db, "binary", &v, &len), ENG_OK);
    CHECK_INT(len, 3);
    CHECK(v && memcmp(v, "a\0b", 4) == 0);
    free(v);
    CHECK_INT(eng_db_get_metadata(db, "unset", &v, NULL), ENG_OK);
    CHECK_STR(v, "");
    free(v);
    CHECK_INT(eng_db_get_metadata(db, "", &v, NULL), ENG_E_INVALID);
    CHECK(v == NULL);

    CHECK_INT(eng_db_suggest_spelling(db, "regoin", &v), ENG_OK);
    CHECK_STR(v, "region");
    free(v);
    CHECK_INT(eng_db_suggest_spelling(db, "regionall", &v), ENG_OK);
    CHECK_STR(v, "regional");
    free(v);
    CHECK_INT(eng_db_suggest_spelling(db, "cohesion", &v), ENG_OK);
    CHECK_STR(v, "");
    free(v);

    char buf[256] = "";
    CHECK_INT(eng_db_each_term(db, "intern", collect, buf), ENG_OK);
    CHECK_STR(buf, "international:2;internationalisation:1;");
    buf[0] = '\0';
    CHECK_INT(eng_db_each_term(db, "T", collect, buf), ENG_OK);
    CHECK_STR(buf, "Tlab:2;Tworkshop:2;");
    buf[0] = '\0';
    CHECK_INT(eng_db_each_term(db, "zzz", collect, buf), ENG_OK);
    CHECK_STR(buf, "");
    int calls = 0;
    CHECK_INT(eng_db_each_term(db, NULL, stop_at_first, &calls), ENG_OK);
    CHECK_INT(calls, 1);

    CHECK_INT(eng_db_doc_data(db, id_a, &v, &len), ENG_OK);
    CHECK_STR(v, "a");
    free(v);
    CHECK_INT(eng_db_doc_value(db, id_a, 0, &v, &len), ENG_OK);
    CHECK_STR(v, "2018-10-11");
    CHECK_INT(len, 10);
    free(v);
    CHECK_INT(eng_db_doc_value(db, id_a, 7, &v, &len), ENG_OK);
    CHECK_STR(v, "");
    CHECK_INT(len, 0);
    free(v);
    CHECK_INT(eng_db_doc_data(db, 999, &v, &len), ENG_E_NOT_FOUND);
    CHECK(v == NULL);
    CHECK(eng_db_errmsg(db)[0] != '\0');
    CHECK_INT(eng_db_doc_value(db, 0, 0, &v, NULL), ENG_E_NOT_FOUND);
    uint32_t tf = 9;
    CHECK_INT(eng_db_termfreq(db, "europe", 6, &tf), ENG_OK);
    CHECK_INT(tf, 3);
    CHECK_INT(eng_db_termfreq(db, "nowhere", 7, &tf), ENG_OK);
    CHECK_INT(tf, 0);
}

static void test_read_only_refuses_writes(eng_db *db)
{
    eng_doc *doc = make_doc("X", "x", "QX", NULL);
    CHECK_INT(eng_db_add(db, doc, NULL), ENG_E_INVALID);
    CHECK(strstr(eng_db_errmsg(db), "read-only") != NULL);
    CHECK_INT(eng_db_delete_term(db, "QA"), ENG_E_INVALID);
    CHECK_INT(eng_db_set_metadata(db, "k", "v", 1), ENG_E_INVALID);
    CHECK_INT(eng_db_add_spelling(db, "word", 4, 1), ENG_E_INVALID);
    CHECK_INT(eng_db_commit(db), ENG_E_INVALID);
    CHECK_INT(eng_db_cancel(db), ENG_E_INVALID);
    CHECK_INT(doccount(db), 7);
    eng_doc_free(doc);
}

/* ---------------------------------------------------------- transactions */

static void add_one(eng_db *w, const char *uid)
{
    put(w, make_doc("X", "extra", uid, NULL));
}

static void test_transactions(void)
{
    eng_db *r = open_db(db_path, ENG_OPEN_READ);
    eng_db *w = open_db(db_path, ENG_OPEN_WRITE);
    if (!r || !w) {
        eng_db_close(r);
        eng_db_close(w);
        return;
    }

    /* Cancel discards; the writer sees its own pending changes. */
    add_one(w, "QX1");
    CHECK_INT(doccount(w), 8);
    CHECK_INT(eng_db_cancel(w), ENG_OK);
    CHECK_INT(doccount(w), 7);

    /* A refused term does not cost the batch around it. */
    add_one(w, "QX2");
    eng_doc *bad = NULL;
    char longterm[300];
    memset(longterm, 'x', sizeof longterm);
    CHECK_INT(eng_doc_new(&bad), ENG_OK);
    CHECK_INT(eng_doc_add_term(bad, longterm, sizeof longterm, 1), ENG_E_INVALID);
    CHECK(strstr(eng_doc_errmsg(bad), "245") != NULL);
    CHECK_INT(eng_doc_add_posting(bad, "ok", 2, 0, 1), ENG_E_INVALID);   /* 1-based */
    /* the slots where the shim packs positions and data are not for callers */
    CHECK_INT(eng_doc_set_value(bad, ENG_SLOT_POSITIONS, "x", 1), ENG_E_INVALID);
    CHECK_INT(eng_doc_set_value(bad, ENG_SLOT_RECORD, "x", 1), ENG_E_INVALID);
    CHECK_INT(eng_doc_add_term(bad, "", 0, 1), ENG_E_INVALID);
    CHECK_INT(eng_doc_add_term(bad, "QX3", 3, 0), ENG_OK);
    eng_docid no_data = 0;
    CHECK_INT(eng_db_add(w, bad, &no_data), ENG_OK);
    eng_doc_free(bad);
    CHECK_INT(doccount(w), 9);

    /* Commit makes it visible to a reader after reopen, once; the
     * revision the reader gives moves with it. */
    int changed = -1;
    uint64_t rev_before = 0, rev_after = 0;
    CHECK_INT(eng_db_reopen(r, &changed), ENG_OK);
    CHECK_INT(changed, 0);
    CHECK_INT(doccount(r), 7);
    CHECK_INT(eng_db_revision(r, &rev_before), ENG_OK);
    CHECK_INT(eng_db_commit(w), ENG_OK);
    CHECK_INT(doccount(r), 7);
    CHECK_INT(eng_db_revision(r, &rev_after), ENG_OK);
    CHECK(rev_after == rev_before);
    CHECK_INT(eng_db_reopen(r, &changed), ENG_OK);
    CHECK_INT(changed, 1);
    CHECK_INT(doccount(r), 9);
    /* a document without data reads as empty, not as missing (the shim
     * asks whether it exists only then) */
    check_doc_data(r, no_data, "");
    char *data = NULL;
    CHECK_INT(eng_db_doc_data(r, no_data + 100, &data, NULL), ENG_E_NOT_FOUND);
    CHECK(data == NULL);
    CHECK_INT(eng_db_revision(r, &rev_after), ENG_OK);
    CHECK(rev_after == rev_before + 1);
    CHECK_INT(eng_db_revision(r, NULL), ENG_E_INVALID);
    CHECK_INT(eng_db_reopen(r, &changed), ENG_OK);
    CHECK_INT(changed, 0);
    CHECK_INT(eng_db_reopen(r, NULL), ENG_OK);

    /* The writer stays usable after a commit. */
    add_one(w, "QX4");
    CHECK_INT(eng_db_commit(w), ENG_OK);
    CHECK_INT(eng_db_commit(w), ENG_OK);   /* nothing pending: fine */
    CHECK_INT(eng_db_reopen(r, &changed), ENG_OK);
    CHECK_INT(changed, 1);
    CHECK_INT(doccount(r), 10);

    /* One writer at a time; the message says why, without the engine. */
    eng_db *w2 = NULL;
    CHECK_INT(eng_db_open(db_path, ENG_OPEN_WRITE, &w2), ENG_E_LOCKED);
    CHECK(w2 != NULL);
    if (w2) {
        CHECK(eng_db_errmsg(w2)[0] != '\0');
        CHECK(no_engine_name(eng_db_errmsg(w2)));
        CHECK_INT(eng_db_doccount(w2, &(uint32_t){ 0 }), ENG_E_INVALID);
        CHECK_INT(eng_db_add(w2, NULL, NULL), ENG_E_INVALID);
    }
    eng_db_close(w2);

    /* Close without commit keeps the previous commit ... */
    add_one(w, "QX5");
    CHECK_INT(eng_db_set_metadata(w, "schema", "4", 1), ENG_OK);
    eng_db_close(w);
    w = open_db(db_path, ENG_OPEN_WRITE);
    if (w) {
        CHECK_INT(doccount(w), 10);
        /* ... every time (the engine alone would commit on close). */
        add_one(w, "QX6");
        CHECK_INT(doccount(w), 11);
        eng_db_close(w);
    }
    w = open_db(db_path, ENG_OPEN_WRITE);
    CHECK_INT(doccount(w), 10);
    char *v = NULL;
    CHECK_INT(eng_db_get_metadata(w, "schema", &v, NULL), ENG_OK);
    CHECK_STR(v, "3");
    free(v);
    /* Cancel without begin discards what is pending as well. */
    add_one(w, "QX7");
    CHECK_INT(eng_db_cancel(w), ENG_OK);
    CHECK_INT(doccount(w), 10);
    eng_db_close(w);
    CHECK_INT(eng_db_reopen(r, &changed), ENG_OK);
    CHECK_INT(changed, 0);
    CHECK_INT(doccount(r), 10);
    eng_db_close(r);
}

/* ----------------------------------------------------------------- data */

/* Document data comes back byte for byte (NULs, a long record) whatever
 * the shim does to store it; the last set wins, an emptied one reads
 * empty; one document written to two databases reads the same in both. */
static void test_data(void)
{
    char path1[300], path2[300];
    snprintf(path1, sizeof path1, "%s/data1", dir);
    snprintf(path2, sizeof path2, "%s/data2", dir);
    eng_db *w1 = open_db(path1, ENG_OPEN_WRITE | ENG_OPEN_CREATE);
    eng_db *w2 = open_db(path2, ENG_OPEN_WRITE | ENG_OPEN_CREATE);
    size_t big = 300000;
    char *long_data = malloc(big);
    if (!w1 || !w2 || !long_data) {
        CHECK(!"databases to write");
        eng_db_close(w1);
        eng_db_close(w2);
        free(long_data);
        return;
    }
    for (size_t i = 0; i < big; i++)
        long_data[i] = (char)(i % 7 == 0 ? '\0' : 'a' + i % 23);

    eng_doc *d = NULL;
    eng_docid id_long = 0, id_twice = 0, id_emptied = 0, id_both1 = 0, id_both2 = 0;
    CHECK_INT(eng_doc_new(&d), ENG_OK);
    CHECK_INT(eng_doc_set_data(d, long_data, big), ENG_OK);
    CHECK_INT(eng_db_add(w1, d, &id_long), ENG_OK);
    eng_doc_free(d);
    CHECK_INT(eng_doc_new(&d), ENG_OK);
    CHECK_INT(eng_doc_set_data(d, "first", 5), ENG_OK);
    CHECK_INT(eng_doc_set_data(d, "second", 6), ENG_OK);
    CHECK_INT(eng_db_add(w1, d, &id_twice), ENG_OK);
    eng_doc_free(d);
    CHECK_INT(eng_doc_new(&d), ENG_OK);
    CHECK_INT(eng_doc_set_data(d, "gone", 4), ENG_OK);
    CHECK_INT(eng_doc_set_data(d, "", 0), ENG_OK);
    CHECK_INT(eng_db_add(w1, d, &id_emptied), ENG_OK);
    eng_doc_free(d);
    CHECK_INT(eng_doc_new(&d), ENG_OK);
    CHECK_INT(eng_doc_set_data(d, "in both", 7), ENG_OK);
    CHECK_INT(eng_db_add(w1, d, &id_both1), ENG_OK);
    CHECK_INT(eng_db_add(w2, d, &id_both2), ENG_OK);
    eng_doc_free(d);
    CHECK_INT(eng_db_commit(w1), ENG_OK);
    CHECK_INT(eng_db_commit(w2), ENG_OK);
    eng_db_close(w1);
    eng_db_close(w2);

    eng_db *r1 = open_db(path1, ENG_OPEN_READ), *r2 = open_db(path2, ENG_OPEN_READ);
    if (r1 && r2) {
        char *v = NULL;
        size_t len = 0;
        CHECK_INT(eng_db_doc_data(r1, id_long, &v, &len), ENG_OK);
        CHECK(v && len == big && memcmp(v, long_data, big) == 0 && v[big] == '\0');
        free(v);
        check_doc_data(r1, id_twice, "second");
        check_doc_data(r1, id_emptied, "");
        check_doc_data(r1, id_both1, "in both");
        check_doc_data(r2, id_both2, "in both");
    }
    eng_db_close(r1);
    eng_db_close(r2);
    free(long_data);
}

/* -------------------------------------------------------------- opening */

static void test_opening(void)
{
    char path[160];
    eng_db *db = NULL;

    snprintf(path, sizeof path, "%s/missing", dir);
    CHECK_INT(eng_db_open(path, ENG_OPEN_READ, &db), ENG_E_NOT_FOUND);
    CHECK(db != NULL);
    CHECK(eng_db_errmsg(db)[0] != '\0');
    CHECK(no_engine_name(eng_db_errmsg(db)));
    CHECK(strstr(eng_db_errmsg(db), "open") == eng_db_errmsg(db));
    eng_db_close(db);
    db = NULL;
    CHECK_INT(eng_db_open(path, ENG_OPEN_WRITE, &db), ENG_E_NOT_FOUND);
    CHECK(db != NULL);
    eng_db_close(db);
    db = NULL;
    CHECK(access(path, F_OK) != 0);   /* WRITE alone never creates */

    /* A file that is no database. */
    snprintf(path, sizeof path, "%s/notes.txt", dir);
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (f) {
        fputs("just some notes\n", f);
        fclose(f);
    }
    CHECK_INT(eng_db_open(path, ENG_OPEN_READ, &db), ENG_E_NOT_FOUND);
    eng_db_close(db);
    db = NULL;

    CHECK_INT(eng_db_open(db_path, ENG_OPEN_CREATE, &db), ENG_E_INVALID);
    eng_db_close(db);
    db = NULL;
    CHECK_INT(eng_db_open(NULL, ENG_OPEN_READ, &db), ENG_E_INVALID);
    eng_db_close(db);
    CHECK_INT(eng_db_open(db_path, ENG_OPEN_READ, NULL), ENG_E_INVALID);

    /* A stub file lists several databases, searched as one. */
    char other[160];
    snprintf(other, sizeof other, "%s/shard2", dir);
    eng_db *w = open_db(other, ENG_OPEN_WRITE | ENG_OPEN_CREATE);
    if (w) {
        put(w, make_doc("S", "europe shard", "QS", "2019-10-08"));
        CHECK_INT(eng_db_commit(w), ENG_OK);
        eng_db_close(w);
    }
    snprintf(path, sizeof path, "%s/all.stub", dir);
    f = fopen(path, "w");
    CHECK(f != NULL);
    if (f) {
        fputs("auto db\nauto shard2\n", f);
        fclose(f);
    }
    db = open_db(path, ENG_OPEN_READ);
    if (db) {
        CHECK_INT(doccount(db), 11);
        CHECK_STR(run(db, term("europe"), NULL, 1), "CDSa");
        uint64_t rev = 0;
        CHECK_INT(eng_db_revision(db, &rev), ENG_E_INVALID);   /* one per database */
    }
    eng_db_close(db);
}

/* ---------------------------------------------------------------- errors */

static void test_null_and_names(void)
{
    eng_db_close(NULL);
    eng_doc_free(NULL);
    eng_query_free(NULL);
    eng_mset_free(NULL);
    CHECK_INT(eng_mset_size(NULL), 0);
    CHECK_INT(eng_mset_estimated(NULL), 0);
    CHECK(eng_db_errmsg(NULL) != NULL);
    CHECK(eng_doc_errmsg(NULL) != NULL);
    CHECK_INT(eng_db_doccount(NULL, NULL), ENG_E_INVALID);
    CHECK_STR(eng_status_name(ENG_OK), "ok");
    CHECK_STR(eng_status_name(ENG_E_LOCKED), "locked");
    CHECK_STR(eng_status_name(ENG_E_CORRUPT), "corrupt");
    CHECK_STR(eng_status_name(ENG_E_NOT_FOUND), "not found");
    CHECK(eng_status_name((eng_status)99) != NULL);
}

int main(void)
{
    eng_db *db = NULL;
    if (!start(&db))
        return 1;
    if (db) {
        test_tables(db);
        test_read_only_refuses_writes(db);
    }
    eng_db_close(db);
    test_transactions();
    test_data();
    test_opening();
    test_null_and_names();
    return finish();
}
