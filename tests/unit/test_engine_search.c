/*
 * test_engine_search.c — the engine shim's queries and searches, through its
 * C ABI only (shim/engine.h).
 *
 * Builds a small database in a temporary directory (engine_helpers.h), then
 * checks every query operator, ranking, paging and sorting, query values,
 * and facets.  Each document's data is one letter, so a result list reads
 * as a word.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shim/engine.h"
#include "shim/wdf_norm.h"
#include "tests/check.h"
#include "tests/unit/engine_helpers.h"

/* ------------------------------------------------------------- helpers */

static double absd(double x)
{
    return x < 0 ? -x : x;
}

static eng_query *combine2(eng_op op, eng_query *a, eng_query *b, uint32_t window)
{
    eng_query *subs[2] = { a, b };
    eng_query *q = eng_query_combine(op, subs, 2, window);
    eng_query_free(a);
    eng_query_free(b);
    return q;
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

    /* A shape the engine refuses (NEAR takes terms, not a phrase) gives
     * NULL, and says why: memory is not the reason. */
    eng_query_error_clear();
    CHECK_STR(eng_query_error(), "");
    eng_query *refused = combine2(ENG_OP_NEAR, combine2(ENG_OP_PHRASE, term("value"),
                                                        term("chains"), 0),
                                  term("europe"), 5);
    CHECK(refused == NULL);
    CHECK(eng_query_error()[0] != '\0');
    CHECK(no_engine_name(eng_query_error()));
    eng_query_free(refused);
    eng_query_error_clear();
    CHECK_STR(eng_query_error(), "");
}

/* Phrases and NEAR read the positions packed into each document: alone,
 * checked last for the documents that could make the page; under OR, NOT
 * or AND_MAYBE, each filtering its own subquery. */
static eng_query *phrase2(const char *a, const char *b)
{
    return combine2(ENG_OP_PHRASE, term(a), term(b), 0);
}

static void test_positional(eng_db *db)
{
    /* ORs of phrases pass their conditions up; a word beside them cannot */
    CHECK_STR(run(db, combine2(ENG_OP_OR, phrase2("value", "chains"),
                               phrase2("international", "europe"), 0), NULL, 1), "Ca");
    CHECK_STR(run(db, combine2(ENG_OP_OR, phrase2("chains", "value"), term("cohesion"), 0),
                  NULL, 1), "C");
    CHECK_STR(run(db, combine2(ENG_OP_OR, phrase2("value", "chains"), term("cohesion"), 0),
                  NULL, 1), "Ca");
    /* both phrases of an AND; a phrase on the NOT side */
    CHECK_STR(run(db, combine2(ENG_OP_AND, phrase2("value", "chains"),
                               phrase2("regional", "value"), 0), NULL, 1), "a");
    CHECK_STR(run(db, combine2(ENG_OP_AND, phrase2("value", "chains"),
                               phrase2("value", "regional"), 0), NULL, 1), "");
    CHECK_STR(run(db, combine2(ENG_OP_AND_NOT, term("value"), phrase2("value", "chains"), 0),
                  NULL, 1), "B");
    /* NEAR inside AND with a filter term */
    CHECK_STR(run(db, combine2(ENG_OP_FILTER,
                               combine2(ENG_OP_NEAR, term("europe"), term("value"), 3),
                               term("Tworkshop"), 0), NULL, 1), "a");

    /* a phrase weighs what the AND of its words does */
    eng_search_opts o = ENG_SEARCH_OPTS_INIT;
    eng_query *ph = phrase2("value", "chains");
    eng_query *and = combine2(ENG_OP_AND, term("value"), term("chains"), 0);
    eng_mset *a = search(db, ph, &o), *b = search(db, and, &o);
    CHECK(a && b && weight_of(db, a, 'a') > 0);
    CHECK(a && b && absd(weight_of(db, a, 'a') - weight_of(db, b, 'a')) < 1e-9);
    eng_mset_free(a);
    eng_mset_free(b);
    eng_query_free(and);
    /* AND_MAYBE: the phrase only adds weight, where it stands */
    eng_query *maybe = combine2(ENG_OP_AND_MAYBE, term("europe"), eng_query_copy(ph), 0);
    eng_query *never = combine2(ENG_OP_AND_MAYBE, term("europe"), phrase2("chains", "value"), 0);
    a = search(db, maybe, &o);
    b = search(db, never, &o);
    CHECK_STR(labels(db, a, 1), "CDa");
    CHECK(a && b && weight_of(db, a, 'a') > weight_of(db, b, 'a') + 1e-9);
    CHECK(a && b && absd(weight_of(db, a, 'C') - weight_of(db, b, 'C')) < 1e-9);
    eng_mset_free(a);
    eng_mset_free(b);
    eng_query_free(maybe);
    eng_query_free(never);

    /* counted exactly when asked to see every match */
    o.check_at_least = 100;
    eng_query *either = combine2(ENG_OP_OR, eng_query_copy(ph), phrase2("international", "europe"),
                                 0);
    a = search(db, either, &o);
    CHECK_INT(eng_mset_estimated(a), 2);
    CHECK_INT(eng_mset_exact(a), 1);
    eng_mset_free(a);
    eng_query_free(either);
    eng_query_free(ph);
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

    /* The same pages when weights are said to tie seldom: ranked by
     * relevance alone (G before H, by document id), the tie inside the page
     * is sorted by the slot; where the tie crosses an edge of the page (the
     * end at limit 2 or offset 1, the start at offset 2), the engine's own
     * order decides. */
    /* "filler": G and H alone, tied from the first match on, so that a
     * page from offset 1 sorts the tie with the document before it. */
    static const struct {
        const char *word;
        uint32_t offset, limit;
        int descending;
        const char *want;
    } pages[] = {
        { "twin", 0, 10, 1, "IHG" }, { "twin", 0, 10, 0, "IGH" }, { "twin", 0, 2, 1, "IH" },
        { "twin", 0, 2, 0, "IG" }, { "twin", 1, 1, 1, "H" }, { "twin", 1, 1, 0, "G" },
        { "twin", 2, 1, 1, "G" }, { "twin", 2, 1, 0, "H" }, { "twin", 0, 1, 1, "I" },
        { "twin", 3, 5, 1, "" }, { "filler", 0, 1, 1, "H" }, { "filler", 0, 1, 0, "G" },
        { "filler", 1, 1, 1, "G" }, { "filler", 1, 1, 0, "H" }, { "filler", 1, 5, 1, "G" },
        { "filler", 0, 10, 1, "HG" }, { "filler", 2, 1, 0, "" },
    };
    for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
        eng_search_opts p = ENG_SEARCH_OPTS_INIT;
        p.sort_slot = 1;
        p.relevance_first = 1;
        p.sort_descending = pages[i].descending;
        p.offset = pages[i].offset;
        p.limit = pages[i].limit;
        const char *engine_way = run(db, term(pages[i].word), &p, 0);
        CHECK_STR(engine_way, pages[i].want);
        p.ties_rare = 1;
        CHECK_STR(run(db, term(pages[i].word), &p, 0), pages[i].want);
    }
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

/* A new database under dir holding n documents, the i-th made by
 * make(i, its uid term "Qi"), opened for reading; NULL on failure. */
typedef eng_doc *doc_fn(int i, const char *uid);

static eng_db *small_db(const char *name, int n, doc_fn *make)
{
    char path[300];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    eng_db *w = open_db(path, ENG_OPEN_WRITE | ENG_OPEN_CREATE);
    if (!w)
        return NULL;
    for (int i = 0; i < n; i++) {
        char uid[16];
        snprintf(uid, sizeof uid, "Q%d", i);
        put(w, make(i, uid));
    }
    CHECK_INT(eng_db_commit(w), ENG_OK);
    eng_db_close(w);
    return open_db(path, ENG_OPEN_READ);
}

static eng_doc *dense_doc(int i, const char *uid)
{
    static const char *const texts[][2] = { { "a", "alpha beta" }, { "b", "beta alpha x" },
                                             { "c", "alpha x beta" }, { "d", "gamma alpha beta" } };
    return make_doc(texts[i][0], texts[i][1], uid, NULL);
}

/* The weights are BM25's (k1 1, b 0.5; shim/wdf_norm.h) over the wdf and
 * length each document was written with: the engine is given the wdf
 * divided by the length, and no lengths.  Documents of "topic" with
 * filler to make them long, and some without it. */
static eng_doc *long_doc(int i, const char *uid)
{
    static const uint32_t topic[] = { 1, 1, 1, 5, 2, 0, 0, 0, 0, 0 };
    static const uint32_t filler[] = { 1199, 2000, 8000, 2000, 40, 5, 5, 5, 5, 5 };
    char data[2] = { (char)('A' + i), '\0' };
    eng_doc *doc = make_doc(data, "", uid, NULL);
    if (doc && topic[i])
        CHECK_INT(eng_doc_add_term(doc, "topic", 5, topic[i]), ENG_OK);
    if (doc)
        CHECK_INT(eng_doc_add_term(doc, "filler", 6, filler[i]), ENG_OK);
    return doc;
}

static double bm25(double n_docs, double tf, double wdf, double len)
{
    double tw = (n_docs - tf + 0.5) / (tf + 0.5);
    if (tw < 2)
        tw = tw * 0.5 + 1;      /* the engine's way with common terms */
    double normlen = len / WDF_NORM_PIVOT > WDF_NORM_MIN_NORMLEN ? len / WDF_NORM_PIVOT
                                                                 : WDF_NORM_MIN_NORMLEN;
    double l = (1 - WDF_NORM_B) + WDF_NORM_B * normlen;
    return log(tw) * (WDF_NORM_K1 + 1) * wdf / (WDF_NORM_K1 * l + wdf);
}

static void on_weight(void *ctx, const char *term, size_t len, double weight)
{
    if (len == 5 && memcmp(term, "topic", 5) == 0)
        *(double *)ctx = weight;
}

static void test_bm25(void)
{
    eng_db *db = small_db("bm25", 10, long_doc);
    if (!db)
        return;
    eng_query *q = term("topic");
    eng_mset *ms = search(db, q, NULL);
    /* the same wdf weighs less in a longer document */
    CHECK_STR(labels(db, ms, 0), "DEABC");
    static const double wdf[] = { 1, 1, 1, 5, 2 }, len[] = { 1200, 2001, 8001, 2005, 42 };
    for (int i = 0; i < 5; i++) {
        double want = bm25(10, 5, wdf[i], len[i]), got = weight_of(db, ms, (char)('A' + i));
        CHECK(absd(got - want) / want < 0.055);
        if (i == 0)     /* as long as the pivot: nothing to round */
            CHECK(absd(got - want) < 1e-9);
    }
    /* an explanation gives the same weight for the term */
    double said = -1;
    CHECK_INT(eng_db_explain(db, eng_mset_docid(ms, 0), q, on_weight, &said), ENG_OK);
    CHECK(absd(said - eng_mset_weight(ms, 0)) < 1e-9);
    eng_mset_free(ms);
    eng_query_free(q);
    eng_db_close(db);
}

/* Where every document holds a phrase's words, the filter on positions
 * claims no more documents than each word does, so the engine's choice of
 * which to read first is a tie. */
static void test_positional_everywhere(void)
{
    eng_db *r = small_db("everywhere", 4, dense_doc);
    if (!r)
        return;
    CHECK_STR(run(r, phrase2("alpha", "beta"), NULL, 1), "ad");
    CHECK_STR(run(r, combine2(ENG_OP_OR, phrase2("alpha", "beta"), term("gamma"), 0), NULL, 1),
              "ad");
    CHECK_STR(run(r, combine2(ENG_OP_OR, phrase2("beta", "alpha"), term("gamma"), 0), NULL, 1),
              "bd");
    CHECK_STR(run(r, combine2(ENG_OP_AND_NOT, term("alpha"), phrase2("alpha", "beta"), 0),
                  NULL, 1), "bc");
    CHECK_STR(run(r, combine2(ENG_OP_OR, combine2(ENG_OP_NEAR, term("beta"), term("alpha"), 2),
                              term("nothing"), 0), NULL, 1), "abd");
    eng_db_close(r);
}

/* Pages of a phrase, for rank_checked (shim/engine_query.cc): the first
 * n_apart documents hold its words apart, three times each (so they rank
 * first); the rest hold it once, each longer than the one before (so they
 * rank after, in order), labelled a, b, c...  Lengths start at 600, where
 * a document starts to count as long (shim/wdf_norm.h). */
static int n_apart;

static eng_doc *phrase_page_doc(int i, const char *uid)
{
    char data[2] = { 'X', '\0' };
    uint32_t filler = 600 + (uint32_t)i;
    const char *words = "alpha x beta alpha x beta alpha x beta";
    if (i >= n_apart) {
        data[0] = (char)('a' + (i - n_apart));
        words = "alpha beta";
        filler = 600 + 100 * (uint32_t)(i - n_apart);
    }
    eng_doc *doc = make_doc(data, words, uid, NULL);
    if (doc)
        CHECK_INT(eng_doc_add_term(doc, "f", 1, filler), ENG_OK);
    return doc;
}

/* A page of the phrase ranked by relevance alone (as sessions are:
 * ties_rare), or the engine's way; *estimated and *exact as it says. */
static const char *phrase_page(eng_db *db, uint32_t offset, uint32_t limit, int ties_rare,
                               uint32_t *estimated, int *exact)
{
    eng_search_opts o = ENG_SEARCH_OPTS_INIT;
    o.sort_slot = 1;
    o.relevance_first = 1;
    o.sort_descending = 1;
    o.ties_rare = ties_rare;
    o.offset = offset;
    o.limit = limit;
    eng_query *q = phrase2("alpha", "beta");
    eng_mset *ms = search(db, q, &o);
    const char *l = labels(db, ms, 0);
    *estimated = eng_mset_estimated(ms);
    *exact = eng_mset_exact(ms);
    eng_mset_free(ms);
    eng_query_free(q);
    return l;
}

/* The first documents ranked for the phrase's words lack the phrase, lack
 * it only in part, or few documents hold the words at all: each page is
 * the one the engine gives when it checks every candidate itself. */
static void test_positional_pages(void)
{
    static const struct {
        int apart, with;        /* documents without the phrase, with it */
        uint32_t offset, limit;
        const char *want;
        int exact;              /* 1: the count must be exact; -1: as the
                                   engine's way has it, when that is */
    } cases[] = {
        /* the first ranked all lack it: the engine's way decides */
        { 30, 10, 0, 3, "abc", -1 }, { 30, 10, 3, 3, "def", -1 }, { 30, 10, 9, 3, "j", -1 },
        /* few documents in all: every one is checked, and counted exactly */
        { 3, 5, 0, 3, "abc", 1 }, { 3, 5, 2, 2, "cd", 1 }, { 3, 5, 4, 3, "e", 1 },
        { 0, 8, 0, 3, "abc", 1 },
        /* every document holds it: the first ranked are the page */
        { 0, 26, 0, 3, "abc", -1 }, { 0, 26, 10, 5, "klmno", -1 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char name[32];
        snprintf(name, sizeof name, "pages%zu", i);
        n_apart = cases[i].apart;
        eng_db *r = small_db(name, cases[i].apart + cases[i].with, phrase_page_doc);
        if (!r)
            continue;
        uint32_t est = 0, est_engine = 0;
        int exact = 0, exact_engine = 0;
        char page[64];
        snprintf(page, sizeof page, "%s",
                 phrase_page(r, cases[i].offset, cases[i].limit, 0, &est_engine, &exact_engine));
        CHECK_STR(page, cases[i].want);
        CHECK_STR(phrase_page(r, cases[i].offset, cases[i].limit, 1, &est, &exact),
                  cases[i].want);
        if (cases[i].exact == 1) {
            CHECK_INT(exact, 1);
            CHECK_INT(est, (uint32_t)cases[i].with);
        }
        /* an estimate is never below what was seen to match, nor above
         * what holds the words */
        CHECK(est >= cases[i].offset + strlen(cases[i].want));
        CHECK(est <= (uint32_t)(cases[i].apart + cases[i].with));
        if (exact_engine)
            CHECK(exact && est == est_engine);
        eng_db_close(r);
    }
}

/* ---------------------------------------------------------------- facets */

/* Four documents, even and odd, with organisers (slot 3) one per line. */
static eng_doc *org_doc(int i, const char *uid)
{
    static const char *const orgs[] = { "x\ny", "x", "", "y\nz\nx" };
    eng_doc *doc = make_doc("d", i % 2 ? "odd" : "even", uid, NULL);
    if (*orgs[i])
        CHECK_INT(eng_doc_set_value(doc, 3, orgs[i], strlen(orgs[i])), ENG_OK);
    return doc;
}

/* Facets count every match, not just the page, one count per line. */
static void test_facets(void)
{
    eng_db *r = small_db("facets", 4, org_doc);
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
    eng_db *db = NULL;
    if (!start(&db))
        return 1;
    if (db) {
        test_operators(db);
        test_positional(db);
        test_ranking(db);
    }
    eng_db_close(db);
    test_query_values();
    test_positional_everywhere();
    test_positional_pages();
    test_facets();
    test_bm25();
    return finish();
}
