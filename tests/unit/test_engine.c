/*
 * test_engine.c — the engine shim through its C ABI only (shim/engine.h).
 *
 * Builds a small database in a temporary directory, then checks writing,
 * every query operator, ranking options, the side tables (metadata,
 * spelling, term lists), transactions and locking, and the error paths.
 * Each document's data is one letter, so a result list reads as a word.
 */
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "shim/engine.h"
#include "tests/check.h"

static char dir[64];
static char db_path[128];

/* ------------------------------------------------------------- helpers */

static int rm_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb, (void)flag, (void)ftw;
    return remove(path);
}

static int no_engine_name(const char *msg)
{
    return strstr(msg, "Xapian") == NULL && strstr(msg, "xapian") == NULL;
}

static double absd(double x)
{
    return x < 0 ? -x : x;
}

/* A document: words at positions 1, 2, ...; boolean terms (wdf 0, so they
 * do not count in the length) separated by spaces; a date in slot 0. */
static eng_doc *make_doc(const char *data, const char *words, const char *bool_terms,
                         const char *date)
{
    eng_doc *doc = NULL;
    CHECK_INT(eng_doc_new(&doc), ENG_OK);
    if (!doc)
        return NULL;
    char buf[256];
    uint32_t pos = 0;
    snprintf(buf, sizeof buf, "%s", words);
    for (char *save, *w = strtok_r(buf, " ", &save); w; w = strtok_r(NULL, " ", &save))
        CHECK_INT(eng_doc_add_posting(doc, w, strlen(w), ++pos, 1), ENG_OK);
    snprintf(buf, sizeof buf, "%s", bool_terms);
    for (char *save, *t = strtok_r(buf, " ", &save); t; t = strtok_r(NULL, " ", &save))
        CHECK_INT(eng_doc_add_term(doc, t, strlen(t), 0), ENG_OK);
    if (date)
        CHECK_INT(eng_doc_set_value(doc, 0, date, strlen(date)), ENG_OK);
    CHECK_INT(eng_doc_set_data(doc, data, strlen(data)), ENG_OK);
    return doc;
}

static eng_docid put(eng_db *db, const char *uid, eng_doc *doc)
{
    eng_docid id = 0;
    CHECK_INT(eng_db_replace(db, uid, doc, &id), ENG_OK);
    eng_doc_free(doc);
    return id;
}

static eng_query *term(const char *t)
{
    return eng_query_term(t, strlen(t), 1);
}

static eng_query *combine2(eng_op op, eng_query *a, eng_query *b, uint32_t window)
{
    eng_query *subs[2] = { a, b };
    eng_query *q = eng_query_combine(op, subs, 2, window);
    eng_query_free(a);
    eng_query_free(b);
    return q;
}

static eng_mset *search(eng_db *db, eng_query *q, const eng_search_opts *opts)
{
    eng_mset *ms = NULL;
    eng_status st = eng_db_search(db, q, opts, &ms);
    CHECK_INT(st, ENG_OK);
    if (st != ENG_OK)
        fprintf(stderr, "  search: %s\n", eng_db_errmsg(db));
    return ms;
}

static int cmp_char(const void *a, const void *b)
{
    return *(const char *)a - *(const char *)b;
}

/* The data letters of the results, in rank order or sorted. */
static const char *labels(eng_db *db, const eng_mset *ms, int sorted)
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
static const char *run(eng_db *db, eng_query *q, const eng_search_opts *opts, int sorted)
{
    CHECK(q != NULL);
    eng_search_opts def = ENG_SEARCH_OPTS_INIT;
    eng_mset *ms = search(db, q, opts ? opts : &def);
    const char *l = labels(db, ms, sorted);
    eng_mset_free(ms);
    eng_query_free(q);
    return l;
}

/* Weight of the result whose data is letter, or -1. */
static double weight_of(eng_db *db, const eng_mset *ms, char letter)
{
    for (size_t i = 0; i < eng_mset_size(ms); i++) {
        char *data = NULL;
        eng_db_doc_data(db, eng_mset_docid(ms, i), &data, NULL);
        int hit = data && data[0] == letter;
        free(data);
        if (hit)
            return eng_mset_weight(ms, i);
    }
    return -1;
}

static uint32_t doccount(eng_db *db)
{
    uint32_t n = 0;
    CHECK_INT(eng_db_doccount(db, &n), ENG_OK);
    return n;
}

static eng_db *open_db(const char *path, int flags)
{
    eng_db *db = NULL;
    eng_status st = eng_db_open(path, flags, &db);
    CHECK_INT(st, ENG_OK);
    if (st != ENG_OK)
        fprintf(stderr, "  open %s: %s\n", path, eng_db_errmsg(db));
    return db;
}

/* ------------------------------------------------------------- building */

static eng_docid id_a;

static void build(void)
{
    eng_db *w = open_db(db_path, ENG_OPEN_WRITE | ENG_OPEN_CREATE);
    if (!w)
        return;
    CHECK_INT(doccount(w), 0);
    put(w, "QA", make_doc("A", "regional value chains europe", "QA Tworkshop", "2018-10-11"));
    put(w, "QB", make_doc("B", "value regional internationalisation chains", "QB Tlab",
                          "2009-10-07"));
    put(w, "QC", make_doc("C", "international europe cohesion", "QC Tworkshop", "2020-10-13"));
    put(w, "QD", make_doc("D", "europe international", "QD Tlab", "2018-10-09"));
    put(w, "QE", make_doc("E", "doomed", "QE", "2015-01-01"));
    /* Ties for relevance_first: G and H score alike, I higher; slot 1. */
    const char *twins[][3] = { { "G", "twin filler", "2001" }, { "H", "twin filler", "2002" },
                               { "I", "twin twin", "2003" } };
    for (int i = 0; i < 3; i++) {
        char uid[8];
        snprintf(uid, sizeof uid, "Q%s", twins[i][0]);
        eng_doc *d = make_doc(twins[i][0], twins[i][1], uid, NULL);
        CHECK_INT(eng_doc_set_value(d, 1, twins[i][2], 4), ENG_OK);
        put(w, uid, d);
    }
    CHECK_INT(doccount(w), 8);

    /* Replacing by uid term keeps the count and the id, changes the data. */
    eng_doc *a2 = make_doc("a", "regional value chains europe", "QA Tworkshop", "2018-10-11");
    eng_docid first = put(w, "QA", make_doc("A", "x", "QA", NULL));   /* same uid again */
    id_a = put(w, "QA", a2);
    CHECK(id_a != 0);
    CHECK_INT(id_a, first);
    CHECK_INT(doccount(w), 8);
    uint32_t tf = 0;
    CHECK_INT(eng_db_termfreq(w, "QA", 2, &tf), ENG_OK);
    CHECK_INT(tf, 1);
    char *data = NULL;
    size_t len = 0;
    CHECK_INT(eng_db_doc_data(w, id_a, &data, &len), ENG_OK);
    CHECK_STR(data, "a");
    CHECK_INT(len, 1);
    free(data);

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

/* ------------------------------------------------------------- searching */

static void test_operators(eng_db *db)
{
    CHECK_INT(doccount(db), 7);
    CHECK_STR(run(db, term("europe"), NULL, 1), "CDa");
    CHECK_STR(run(db, term("nowhere"), NULL, 1), "");
    CHECK_STR(run(db, combine2(ENG_OP_AND, term("europe"), term("value"), 0), NULL, 1), "a");
    CHECK_STR(run(db, combine2(ENG_OP_OR, term("value"), term("international"), 0), NULL, 1),
              "BCDa");
    CHECK_STR(run(db, combine2(ENG_OP_SYNONYM, term("value"), term("cohesion"), 0), NULL, 1),
              "BCa");

    /* AND_NOT with three members: the first minus the union of the rest. */
    eng_query *subs[3] = { term("europe"), term("value"), term("cohesion") };
    CHECK_STR(run(db, eng_query_combine(ENG_OP_AND_NOT, subs, 3, 0), NULL, 1), "D");
    /* AND_MAYBE: only the first decides what matches. */
    CHECK_STR(run(db, eng_query_combine(ENG_OP_AND_MAYBE, subs, 3, 0), NULL, 1), "CDa");
    for (int i = 0; i < 3; i++)
        eng_query_free(subs[i]);

    /* Phrase: a has "value chains" adjacent, B has them 3 apart. */
    CHECK_STR(run(db, combine2(ENG_OP_PHRASE, term("value"), term("chains"), 0), NULL, 1), "a");
    CHECK_STR(run(db, combine2(ENG_OP_PHRASE, term("chains"), term("value"), 0), NULL, 1), "");
    /* Near: any order; window is the span of positions covered. */
    CHECK_STR(run(db, combine2(ENG_OP_NEAR, term("chains"), term("value"), 2), NULL, 1), "a");
    CHECK_STR(run(db, combine2(ENG_OP_NEAR, term("chains"), term("value"), 3), NULL, 1), "a");
    CHECK_STR(run(db, combine2(ENG_OP_NEAR, term("chains"), term("value"), 4), NULL, 1), "Ba");

    /* Filter restricts without adding weight; AND adds the second term's. */
    CHECK_STR(run(db, combine2(ENG_OP_FILTER, term("europe"), term("Tworkshop"), 0), NULL, 1),
              "Ca");
    eng_search_opts opts = ENG_SEARCH_OPTS_INIT;
    eng_query *plain = term("europe");
    eng_query *filt = combine2(ENG_OP_FILTER, term("europe"), term("international"), 0);
    eng_query *and_ = combine2(ENG_OP_AND, term("europe"), term("international"), 0);
    eng_mset *mp = search(db, plain, &opts), *mf = search(db, filt, &opts),
             *ma = search(db, and_, &opts);
    CHECK_STR(labels(db, mf, 1), "CD");
    CHECK(weight_of(db, mp, 'C') > 0);
    CHECK(absd(weight_of(db, mf, 'C') - weight_of(db, mp, 'C')) < 1e-9);
    CHECK(absd(weight_of(db, mf, 'D') - weight_of(db, mp, 'D')) < 1e-9);
    CHECK(weight_of(db, ma, 'C') > weight_of(db, mf, 'C') + 1e-9);
    /* Scale multiplies the weight; 0 keeps the matches, weightless. */
    eng_query *twice = eng_query_scale(plain, 2.0), *zero = eng_query_scale(plain, 0.0);
    eng_mset *m2 = search(db, twice, &opts), *m0 = search(db, zero, &opts);
    CHECK(absd(weight_of(db, m2, 'D') - 2 * weight_of(db, mp, 'D')) < 1e-9);
    CHECK_STR(labels(db, m0, 1), "CDa");
    CHECK(weight_of(db, m0, 'D') == 0.0);
    /* Other BM25 parameters change the weights, not the matches. */
    opts.bm25_k1 = 1.2;
    opts.bm25_b = 0.75;
    eng_mset *mb = search(db, plain, &opts);
    CHECK_STR(labels(db, mb, 1), "CDa");
    CHECK(absd(weight_of(db, mb, 'D') - weight_of(db, mp, 'D')) > 1e-6);
    eng_mset_free(mb);
    eng_mset_free(m2);
    eng_mset_free(m0);
    eng_query_free(twice);
    eng_query_free(zero);
    eng_mset_free(mp);
    eng_mset_free(mf);
    eng_mset_free(ma);
    eng_query_free(plain);
    eng_query_free(filt);
    eng_query_free(and_);

    /* Value ranges over ISO dates in slot 0, bytewise and inclusive. */
    CHECK_STR(run(db, eng_query_value_range(0, "2018-01-01", "2018-12-31"), NULL, 1), "Da");
    CHECK_STR(run(db, eng_query_value_range(0, "2018-10-09", "2018-10-11"), NULL, 1), "Da");
    CHECK_STR(run(db, eng_query_value_range(0, "2019", NULL), NULL, 1), "C");
    CHECK_STR(run(db, eng_query_value_range(0, NULL, "2010"), NULL, 1), "B");
    CHECK_STR(run(db, eng_query_value_range(0, "2030", "2040"), NULL, 1), "");

    /* Wildcard: "intern" expands to international (C, D) and
     * internationalisation (B); limited to one, the more frequent wins. */
    CHECK_STR(run(db, eng_query_wildcard("intern", 6, 0), NULL, 1), "BCD");
    CHECK_STR(run(db, eng_query_wildcard("intern", 6, 1), NULL, 1), "CD");
    CHECK_STR(run(db, eng_query_wildcard("zzz", 3, 0), NULL, 1), "");

    CHECK_STR(run(db, eng_query_match_all(), NULL, 1), "BCDGHIa");
    CHECK_STR(run(db, eng_query_match_nothing(), NULL, 1), "");
    eng_query *t = term("europe");
    CHECK_STR(run(db, eng_query_copy(t), NULL, 1), "CDa");
    eng_query_free(t);
}

static void test_ranking(eng_db *db)
{
    /* Paging: consecutive pages add up to the whole list. */
    eng_query *subs[4] = { term("europe"), term("value"), term("twin"), term("chains") };
    eng_query *q = eng_query_combine(ENG_OP_OR, subs, 4, 0);
    for (int i = 0; i < 4; i++)
        eng_query_free(subs[i]);
    eng_search_opts opts = ENG_SEARCH_OPTS_INIT;
    char all[16], paged[16] = "";
    eng_mset *ms = search(db, q, &opts);
    snprintf(all, sizeof all, "%s", labels(db, ms, 0));
    CHECK_INT(strlen(all), 7);
    CHECK_INT(eng_mset_estimated(ms), 7);
    for (int i = 1; i < 7; i++)
        CHECK(eng_mset_weight(ms, i) <= eng_mset_weight(ms, i - 1));
    eng_mset_free(ms);
    opts.limit = 3;
    for (uint32_t off = 0; off < 9; off += 3) {
        opts.offset = off;
        ms = search(db, q, &opts);
        CHECK_INT(eng_mset_size(ms), off < 6 ? 3 : 1);
        CHECK_INT(eng_mset_estimated(ms), 7);
        strcat(paged, labels(db, ms, 0));
        eng_mset_free(ms);
    }
    CHECK_STR(paged, all);
    opts.offset = 50;
    ms = search(db, q, &opts);
    CHECK_INT(eng_mset_size(ms), 0);
    CHECK_INT(eng_mset_docid(ms, 0), 0);   /* out of range reads are harmless */
    CHECK(eng_mset_weight(ms, 0) == 0.0);
    eng_mset_free(ms);
    opts.offset = 0;
    opts.limit = 0;   /* count only */
    opts.check_at_least = 100;
    ms = search(db, q, &opts);
    CHECK_INT(eng_mset_size(ms), 0);
    CHECK_INT(eng_mset_estimated(ms), 7);
    eng_mset_free(ms);
    eng_query_free(q);

    /* Sorting by date: D 2018-10-09, a 2018-10-11, C 2020-10-13. */
    eng_search_opts s = ENG_SEARCH_OPTS_INIT;
    s.sort_slot = 0;
    CHECK_STR(run(db, term("europe"), &s, 0), "DaC");
    s.sort_descending = 1;
    CHECK_STR(run(db, term("europe"), &s, 0), "CaD");

    /* G, H tie on relevance, I scores higher; slot 1: G 2001 < H < I. */
    eng_search_opts r = ENG_SEARCH_OPTS_INIT;
    CHECK(run(db, term("twin"), &r, 0)[0] == 'I');
    r.sort_slot = 1;
    CHECK_STR(run(db, term("twin"), &r, 0), "GHI");
    r.sort_descending = 1;
    CHECK_STR(run(db, term("twin"), &r, 0), "IHG");
    r.relevance_first = 1;
    CHECK_STR(run(db, term("twin"), &r, 0), "IHG");
    r.sort_descending = 0;
    CHECK_STR(run(db, term("twin"), &r, 0), "IGH");
}

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
    CHECK_INT(eng_db_replace(db, "QX", doc, NULL), ENG_E_INVALID);
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
    put(w, uid, make_doc("X", "extra", uid, NULL));
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
    CHECK_INT(eng_doc_add_term(bad, "", 0, 1), ENG_E_INVALID);
    CHECK_INT(eng_doc_add_term(bad, "QX3", 3, 0), ENG_OK);
    CHECK_INT(eng_db_add(w, bad, NULL), ENG_OK);
    eng_doc_free(bad);
    CHECK_INT(doccount(w), 9);

    /* Commit makes it visible to a reader after reopen, once. */
    int changed = -1;
    CHECK_INT(eng_db_reopen(r, &changed), ENG_OK);
    CHECK_INT(changed, 0);
    CHECK_INT(doccount(r), 7);
    CHECK_INT(eng_db_commit(w), ENG_OK);
    CHECK_INT(doccount(r), 7);
    CHECK_INT(eng_db_reopen(r, &changed), ENG_OK);
    CHECK_INT(changed, 1);
    CHECK_INT(doccount(r), 9);
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
        put(w, "QS", make_doc("S", "europe shard", "QS", "2019-10-08"));
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
    }
    eng_db_close(db);
}

/* --------------------------------------------------------------- queries */

static void test_query_values(void)
{
    eng_query *t = term("europe"), *n = eng_query_match_nothing(), *all = eng_query_match_all();
    eng_query *subs[2] = { t, NULL };
    CHECK(eng_query_combine(ENG_OP_AND, subs, 2, 0) == NULL);
    CHECK(eng_query_combine(ENG_OP_OR, NULL, 1, 0) == NULL);
    CHECK(eng_query_scale(NULL, 2.0) == NULL);
    CHECK(eng_query_scale(t, -1.0) == NULL);
    CHECK(eng_query_copy(NULL) == NULL);
    CHECK(eng_query_describe(NULL) == NULL);
    CHECK_INT(eng_query_is_empty(n), 1);
    CHECK_INT(eng_query_is_empty(t), 0);
    CHECK_INT(eng_query_is_empty(all), 0);
    eng_query *none = eng_query_combine(ENG_OP_AND, NULL, 0, 0);
    CHECK_INT(eng_query_is_empty(none), 1);
    eng_query_free(none);
    char *d = eng_query_describe(t);
    CHECK(d && strstr(d, "europe") != NULL);
    CHECK(d && no_engine_name(d));
    free(d);
    subs[1] = term("chains");
    eng_query *ph = eng_query_combine(ENG_OP_PHRASE, subs, 2, 0);
    d = eng_query_describe(ph);
    CHECK(d && strstr(d, "PHRASE") != NULL);
    free(d);
    eng_query_free(ph);
    eng_query_free(subs[1]);
    eng_query_free(t);
    eng_query_free(n);
    eng_query_free(all);

    eng_db *db = open_db(db_path, ENG_OPEN_READ);
    eng_mset *ms = (eng_mset *)1;
    CHECK_INT(eng_db_search(db, NULL, NULL, &ms), ENG_E_INVALID);
    CHECK(ms == NULL);
    CHECK(eng_db_errmsg(db)[0] != '\0');
    eng_db_close(db);
}

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

/* Facets count every match, not just the page, one count per line. */
static void test_facets(void)
{
    char path[300];
    snprintf(path, sizeof path, "%s/facets", dir);
    eng_db *w = open_db(path, ENG_OPEN_WRITE | ENG_OPEN_CREATE);
    if (!w)
        return;
    static const char *const orgs[] = { "x\ny", "x", "", "y\nz\nx" };
    for (int i = 0; i < 4; i++) {
        char uid[8];
        snprintf(uid, sizeof uid, "Q%d", i);
        eng_doc *doc = make_doc("d", i % 2 ? "odd" : "even", uid, NULL);
        if (*orgs[i])
            CHECK_INT(eng_doc_set_value(doc, 3, orgs[i], strlen(orgs[i])), ENG_OK);
        put(w, uid, doc);
    }
    CHECK_INT(eng_db_commit(w), ENG_OK);
    eng_db_close(w);

    eng_db *r = open_db(path, ENG_OPEN_READ);
    if (!r)
        return;
    unsigned slots[2] = { 3, 7 };   /* 7: a slot no document has */
    eng_search_opts o = ENG_SEARCH_OPTS_INIT;
    o.limit = 1;
    o.facet_slots = slots;
    o.n_facet_slots = 2;
    eng_query *all = eng_query_match_all();
    eng_mset *ms = search(r, all, &o);
    if (ms) {
        CHECK_INT(eng_mset_size(ms), 1);
        CHECK_INT(eng_mset_facet_size(ms, 0), 3);
        uint32_t c = 0;
        CHECK_STR(eng_mset_facet_value(ms, 0, 0, &c), "x");
        CHECK_INT(c, 3);
        CHECK_STR(eng_mset_facet_value(ms, 0, 1, &c), "y");
        CHECK_INT(c, 2);
        CHECK_STR(eng_mset_facet_value(ms, 0, 2, &c), "z");
        CHECK_INT(c, 1);
        CHECK(eng_mset_facet_value(ms, 0, 3, &c) == NULL);
        CHECK_INT(c, 0);
        CHECK_INT(eng_mset_facet_size(ms, 1), 0);
        CHECK_INT(eng_mset_facet_size(ms, 2), 0);   /* no such facet */
    }
    eng_mset_free(ms);
    eng_query *even = term("even");
    ms = search(r, even, &o);
    if (ms) {
        uint32_t c = 0;
        CHECK_INT(eng_mset_facet_size(ms, 0), 2);   /* docs 0 and 2: x, y */
        CHECK_STR(eng_mset_facet_value(ms, 0, 0, &c), "x");
        CHECK_INT(c, 1);
    }
    eng_mset_free(ms);
    /* without facet slots, none are counted */
    o.n_facet_slots = 0;
    ms = search(r, all, &o);
    CHECK_INT(eng_mset_facet_size(ms, 0), 0);
    eng_mset_free(ms);
    eng_query_free(all);
    eng_query_free(even);
    eng_db_close(r);
}

int main(void)
{
    snprintf(dir, sizeof dir, "/tmp/evs-engine-XXXXXX");
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    snprintf(db_path, sizeof db_path, "%s/db", dir);

    build();
    eng_db *db = open_db(db_path, ENG_OPEN_READ);
    if (db) {
        test_operators(db);
        test_ranking(db);
        test_tables(db);
        test_read_only_refuses_writes(db);
    }
    eng_db_close(db);
    test_transactions();
    test_opening();
    test_query_values();
    test_null_and_names();
    test_facets();

    nftw(dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
    return check_exit();
}
