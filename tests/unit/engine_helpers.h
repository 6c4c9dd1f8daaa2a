/*
 * engine_helpers.h — what the engine shim tests share (test_engine_db,
 * test_engine_search): the temporary directory, documents made from a few
 * words, searches whose results read as a word, and the small database both
 * start from (build).
 *
 * Each document's data is one letter, so a result list reads as a word.
 * The functions are static inline, as in tests/check.h, so that a test
 * using only some of them builds without unused-function warnings.
 */
#ifndef EVS_TESTS_UNIT_ENGINE_HELPERS_H
#define EVS_TESTS_UNIT_ENGINE_HELPERS_H

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shim/engine.h"
#include "tests/check.h"

static char dir[64];
static char db_path[128];

/* ------------------------------------------------------------- helpers */

static inline int rm_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb, (void)flag, (void)ftw;
    return remove(path);
}

static inline int no_engine_name(const char *msg)
{
    return strstr(msg, "Xapian") == NULL && strstr(msg, "xapian") == NULL;
}

/* A document: words at positions 1, 2, ...; boolean terms (wdf 0, so they
 * do not count in the length) separated by spaces; a date in slot 0.
 * words and bool_terms may be NULL for none, date for no date. */
static inline eng_doc *make_doc(const char *data, const char *words, const char *bool_terms,
                         const char *date)
{
    eng_doc *doc = NULL;
    CHECK_INT(eng_doc_new(&doc), ENG_OK);
    if (!doc)
        return NULL;
    char buf[256];
    uint32_t pos = 0;
    snprintf(buf, sizeof buf, "%s", words ? words : "");
    for (char *save, *w = strtok_r(buf, " ", &save); w; w = strtok_r(NULL, " ", &save))
        CHECK_INT(eng_doc_add_posting(doc, w, strlen(w), ++pos, 1), ENG_OK);
    snprintf(buf, sizeof buf, "%s", bool_terms ? bool_terms : "");
    for (char *save, *t = strtok_r(buf, " ", &save); t; t = strtok_r(NULL, " ", &save))
        CHECK_INT(eng_doc_add_term(doc, t, strlen(t), 0), ENG_OK);
    if (date)
        CHECK_INT(eng_doc_set_value(doc, 0, date, strlen(date)), ENG_OK);
    CHECK_INT(eng_doc_set_data(doc, data, strlen(data)), ENG_OK);
    return doc;
}

static inline eng_docid put(eng_db *db, eng_doc *doc)
{
    eng_docid id = 0;
    CHECK_INT(eng_db_add(db, doc, &id), ENG_OK);
    eng_doc_free(doc);
    return id;
}

/* Document id's data is want (a string), its length want's. */
static inline void check_doc_data(eng_db *db, eng_docid id, const char *want)
{
    char *data = NULL;
    size_t len = 99;
    CHECK_INT(eng_db_doc_data(db, id, &data, &len), ENG_OK);
    CHECK_STR(data, want);
    CHECK_INT(len, strlen(want));
    free(data);
}

static inline eng_query *term(const char *t)
{
    return eng_query_term(t, strlen(t), 1);
}

static inline eng_mset *search(eng_db *db, eng_query *q, const eng_search_opts *opts)
{
    eng_mset *ms = NULL;
    eng_status st = eng_db_search(db, q, opts, &ms);
    CHECK_INT(st, ENG_OK);
    if (st != ENG_OK)
        fprintf(stderr, "  search: %s\n", eng_db_errmsg(db));
    return ms;
}

static inline int cmp_char(const void *a, const void *b)
{
    return *(const char *)a - *(const char *)b;
}

/* The data letters of the results, in rank order or sorted. */
static inline const char *labels(eng_db *db, const eng_mset *ms, int sorted)
{
    static char out[64];
    size_t n = 0;
    for (size_t i = 0; i < eng_mset_size(ms) && n + 1 < sizeof out; i++) {
        char *data = NULL;
        CHECK_INT(eng_db_doc_data(db, eng_mset_docid(ms, i), &data, NULL), ENG_OK);
        out[n++] = data && *data ? data[0] : '?';
        free(data);
    }
    out[n] = '\0';
    if (sorted)
        qsort(out, n, 1, cmp_char);
    return out;
}

/* Runs q (then frees it) and returns the labels of its results. */
static inline const char *run(eng_db *db, eng_query *q, const eng_search_opts *opts, int sorted)
{
    CHECK(q != NULL);
    eng_search_opts def = ENG_SEARCH_OPTS_INIT;
    eng_mset *ms = search(db, q, opts ? opts : &def);
    const char *l = labels(db, ms, sorted);
    eng_mset_free(ms);
    eng_query_free(q);
    return l;
}

static inline uint32_t doccount(eng_db *db)
{
    uint32_t n = 0;
    CHECK_INT(eng_db_doccount(db, &n), ENG_OK);
    return n;
}

static inline eng_db *open_db(const char *path, int flags)
{
    eng_db *db = NULL;
    eng_status st = eng_db_open(path, flags, &db);
    CHECK_INT(st, ENG_OK);
    if (st != ENG_OK)
        fprintf(stderr, "  open %s: %s\n", path, eng_db_errmsg(db));
    return db;
}

/* ------------------------------------------------------------- building */

/* A new directory /tmp/evs-NAME-XXXXXX in dir, db_path the database
 * inside it; 0 (and why, on stderr) when it cannot be made. */
static inline int make_dir(const char *name)
{
    snprintf(dir, sizeof dir, "/tmp/evs-%s-XXXXXX", name);
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 0;
    }
    snprintf(db_path, sizeof db_path, "%s/db", dir);
    return 1;
}

/* The database both tests start from, at db_path: seven documents once the
 * rewriting and deleting it checks on the way are done, metadata and
 * spelling data; id_a is document "a", written again. */
static eng_docid id_a;

static inline void build(void)
{
    eng_db *w = open_db(db_path, ENG_OPEN_WRITE | ENG_OPEN_CREATE);
    if (!w)
        return;
    CHECK_INT(doccount(w), 0);
    put(w, make_doc("A", "regional value chains europe", "QA Tworkshop", "2018-10-11"));
    put(w, make_doc("B", "value regional internationalisation chains", "QB Tlab",
                          "2009-10-07"));
    put(w, make_doc("C", "international europe cohesion", "QC Tworkshop", "2020-10-13"));
    put(w, make_doc("D", "europe international", "QD Tlab", "2018-10-09"));
    put(w, make_doc("E", "doomed", "QE", "2015-01-01"));
    /* Ties for relevance_first: G and H score alike, I higher; slot 1. */
    const char *twins[][3] = { { "G", "twin filler", "2001" }, { "H", "twin filler", "2002" },
                               { "I", "twin twin", "2003" } };
    for (int i = 0; i < 3; i++) {
        char uid[8];
        snprintf(uid, sizeof uid, "Q%s", twins[i][0]);
        eng_doc *d = make_doc(twins[i][0], twins[i][1], uid, NULL);
        CHECK_INT(eng_doc_set_value(d, 1, twins[i][2], 4), ENG_OK);
        put(w, d);
    }
    CHECK_INT(doccount(w), 8);

    /* Writing a document again, as the indexer does: deleted by its uid
     * term, then added; the count stays, the data changes. */
    CHECK_INT(eng_db_delete_term(w, "QA"), ENG_OK);
    CHECK_INT(doccount(w), 7);
    id_a = put(w, make_doc("a", "regional value chains europe", "QA Tworkshop", "2018-10-11"));
    CHECK(id_a != 0);
    CHECK_INT(doccount(w), 8);
    uint32_t tf = 0;
    CHECK_INT(eng_db_termfreq(w, "QA", 2, &tf), ENG_OK);
    CHECK_INT(tf, 1);
    check_doc_data(w, id_a, "a");

    /* Plain add, then delete by term: every document carrying it goes. */
    eng_doc *extra = make_doc("E", "doomed too", "QE", NULL);
    eng_docid id_e = 0;
    CHECK_INT(eng_db_add(w, extra, &id_e), ENG_OK);
    CHECK(id_e != 0);
    eng_doc_free(extra);
    CHECK_INT(eng_db_termfreq(w, "QE", 2, &tf), ENG_OK);
    CHECK_INT(tf, 2);
    CHECK_INT(eng_db_delete_term(w, "QE"), ENG_OK);
    CHECK_INT(eng_db_delete_term(w, "Qnobody"), ENG_OK);
    CHECK_INT(doccount(w), 7);
    CHECK_INT(eng_db_termfreq(w, "QE", 2, &tf), ENG_OK);
    CHECK_INT(tf, 0);

    /* Side tables. */
    static const char meta[] = { 'a', '\0', 'b' };
    CHECK_INT(eng_db_set_metadata(w, "schema", "3", 1), ENG_OK);
    CHECK_INT(eng_db_set_metadata(w, "binary", meta, sizeof meta), ENG_OK);
    CHECK_INT(eng_db_add_spelling(w, "region", 6, 5), ENG_OK);
    CHECK_INT(eng_db_add_spelling(w, "regional", 8, 2), ENG_OK);

    CHECK_INT(eng_db_commit(w), ENG_OK);
    eng_db_close(w);
}

/* The start of each test's main: the temporary directory, the database
 * built in it, then opened read-only in *db (NULL when that failed).
 * Returns 0 when the directory cannot be made. */
static inline int start(eng_db **db)
{
    if (!make_dir("engine"))
        return 0;
    build();
    *db = open_db(db_path, ENG_OPEN_READ);
    return 1;
}

/* The end: the directory removed, then what main returns. */
static inline int finish(void)
{
    nftw(dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
    return check_exit();
}

#endif
