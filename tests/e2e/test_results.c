/*
 * test_results.c — end to end through the public API, what a search gives
 * back: quotes found apart from sessions, facets, the reading options,
 * paging, errors, the same on one thread and on two, and a page indexed
 * again (the matching itself: test_search.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/buf.h"
#include "tests/e2e/search_fixture.h"

/* How many quote hits of q come from file. */
static size_t quotes_from(evs_db *db, const char *q, const char *file)
{
    evs_results *res = search(db, q);
    size_t n = 0;
    for (size_t i = 0; i < evs_results_count(res, EVS_HIT_QUOTE); i++)
        n += ends_with(evs_hit_field(evs_results_hit(res, EVS_HIT_QUOTE, i), EVS_FIELD_PATH),
                       file);
    evs_results_free(res);
    return n;
}

/* A quote is found as a quote, by its words, its phrases and its words near
 * each other, in the quote: field or not; its words find its session too,
 * but "quote:" searches quotes only, and their text only.  (A quote
 * document's plain terms are its text; its speaker and affiliation are
 * prefixed terms alone, see common/schema.c.) */
static void test_quote_fields(evs_db *db)
{
    CHECK_INT(quotes_from(db, "complementarities", SEED), 1);
    CHECK(finds(db, "complementarities", SEED));
    CHECK(finds(db, "\"fostering complementarities\"", SEED));
    CHECK_INT(quotes_from(db, "quote:complementarities", SEED), 1);
    CHECK(!finds(db, "quote:complementarities", SEED));
    CHECK_INT(quotes_from(db, "quote:\"cluster collaboration\"", SEED), 1);
    CHECK_INT(quotes_from(db, "quote:\"stronger value chains\"", SEED), 1);
    CHECK_INT(quotes_from(db, "\"stronger value chains\"", SEED), 1);
    CHECK_INT(quotes_from(db, "quote:\"collaboration cluster\"", SEED), 0);
    /* the phrase stands in the quote's speaker line, not in its text */
    CHECK_INT(quotes_from(db, "\"ulla engelmann\"", SEED), 1);
    CHECK_INT(quotes_from(db, "quote:\"ulla engelmann\"", SEED), 0);
    /* a name, or a word of the affiliation, finds the quote, as written
     * and as a field, in words or whole, but is not in its text */
    CHECK_INT(quotes_from(db, "engelmann", SEED), 1);
    CHECK_INT(quotes_from(db, "engelm*", SEED), 1);
    CHECK_INT(quotes_from(db, "speaker:engelmann clusters", SEED), 1);
    CHECK_INT(quotes_from(db, "engelmann clusters", SEED), 1);
    CHECK_INT(quotes_from(db, "\"dg grow\" clusters", SEED), 1);
    CHECK_INT(quotes_from(db, "quote:engelmann", SEED), 0);
    CHECK_INT(quotes_from(db, "quote:dg", SEED), 0);
    /* two quotes by "DG GROW", one of which says "grow" */
    CHECK_INT(quotes_from(db, "org:grow", SEED), 2);
    CHECK_INT(quotes_from(db, "grow", SEED), 2);
    CHECK_INT(quotes_from(db, "quote:grow", SEED), 1);
    CHECK_INT(quotes_from(db, "engelmann NEAR/5 clusters", SEED), 0);
    CHECK_INT(quotes_from(db, "quote:partnerships NEAR/3 quote:networks", SEED), 1);
    CHECK_INT(quotes_from(db, "quote:\"cluster partnerships\" NEAR/4 quote:boost", SEED), 1);
    CHECK_INT(quotes_from(db, "quote:partnerships NEAR/3 quote:markets", SEED), 0);
    CHECK_INT(quotes_from(db, "quote:clusters NEAR/3 enhance", SEED), 1);
    CHECK_INT(quotes_from(db, "quote:clusters NEAR/3 partnerships", SEED), 0);
    CHECK_INT(quotes_from(db, "\"cluster partnerships\" NEAR/4 boost", SEED), 1);
    CHECK_INT(quotes_from(db, "\"partnerships cluster\" NEAR/4 boost", SEED), 0);
}

/* Sessions and quotes are searched apart, each with terms of its own kind
 * and, when the query has none (a filter alone, a lone NOT), a filter:
 * either way no hit is of the other kind. */
static void test_kinds(evs_db *db)
{
    static const char *const queries[] = {
        "year:2018", "lang:en", "-zzzz", "NOT mobility", "year:2018 OR value",
        "lang:fr OR clusters", "value chains", "engel*", "quote:clusters",
        "speaker:engelmann", "=Mattinò", "\"value chains\" NEAR/20 smes", NULL
    };
    for (size_t i = 0; queries[i]; i++) {
        evs_results *res = search(db, queries[i]);
        size_t sessions = evs_results_count(res, EVS_HIT_SESSION);
        size_t quotes = evs_results_count(res, EVS_HIT_QUOTE);
        size_t wrong = 0;
        for (size_t k = 0; k < sessions; k++)
            wrong += evs_hit_field(evs_results_hit(res, EVS_HIT_SESSION, k), EVS_FIELD_TEXT) != NULL;
        for (size_t k = 0; k < quotes; k++)
            wrong += evs_hit_field(evs_results_hit(res, EVS_HIT_QUOTE, k), EVS_FIELD_TEXT) == NULL;
        if (wrong)
            fprintf(stderr, "  %s: %zu hits of the other kind\n", queries[i], wrong);
        CHECK_INT(wrong, 0);
        CHECK(sessions + quotes > 0);
        evs_results_free(res);
    }
}

static void test_facets(evs_db *db)
{
    evs_search_options o = EVS_SEARCH_OPTIONS_INIT;
    o.facets = 1;
    o.limit = 0;            /* counts only */
    evs_results *res = NULL;
    CHECK_INT(evs_search(db, "year:2016", &o, &res), EVS_OK);
    CHECK_INT(evs_results_count(res, EVS_HIT_SESSION), 0);
    CHECK(evs_results_estimated_total(res) >= 4);      /* counted, not shown */
    CHECK(evs_results_total_exact(res));
    CHECK_INT(evs_results_facet_size(res, EVS_FACET_YEAR), 1);
    unsigned n = 0;
    CHECK_STR(evs_results_facet_value(res, EVS_FACET_YEAR, 0, &n), "2016");
    CHECK_INT(n, evs_results_estimated_total(res));
    CHECK(n >= 4);
    CHECK(evs_results_facet_value(res, EVS_FACET_YEAR, 1, &n) == NULL);
    evs_results_free(res);

    /* the same with a page: every session of a filter weighs nothing, a tie
     * that the ranking settles by date, and each is counted once */
    o.limit = 2;
    CHECK_INT(evs_search(db, "year:2016", &o, &res), EVS_OK);
    CHECK_INT(evs_results_count(res, EVS_HIT_SESSION), 2);
    CHECK_INT(evs_results_facet_size(res, EVS_FACET_YEAR), 1);
    evs_results_facet_value(res, EVS_FACET_YEAR, 0, &n);
    CHECK_INT(n, evs_results_estimated_total(res));
    CHECK(evs_results_total_exact(res));
    evs_results_free(res);

    /* every matching session counts, whatever the page size */
    o.limit = 1;
    CHECK_INT(evs_search(db, "regions", &o, &res), EVS_OK);
    unsigned total = 0, prev = 9999;
    for (size_t i = 0; i < evs_results_facet_size(res, EVS_FACET_YEAR); i++) {
        const char *y = evs_results_facet_value(res, EVS_FACET_YEAR, i, &n);
        CHECK((unsigned)atoi(y) < prev);            /* newest first */
        prev = (unsigned)atoi(y);
        total += n;
    }
    CHECK_INT(total, evs_results_estimated_total(res));
    CHECK(total > 5);
    unsigned top = 0;
    CHECK_STR(evs_results_facet_value(res, EVS_FACET_LANG, 0, &top), "en");
    for (size_t i = 1; i < evs_results_facet_size(res, EVS_FACET_LANG); i++) {
        evs_results_facet_value(res, EVS_FACET_LANG, i, &n);
        CHECK(n <= top);                            /* most frequent first */
    }
    evs_results_free(res);

    /* a phrase's facets count the sessions where its words stand together,
     * not every session that has them */
    CHECK_INT(evs_search(db, "\"value chains\"", &o, &res), EVS_OK);
    unsigned phrase_total = (unsigned)evs_results_estimated_total(res);
    total = 0;
    for (size_t i = 0; i < evs_results_facet_size(res, EVS_FACET_YEAR); i++) {
        evs_results_facet_value(res, EVS_FACET_YEAR, i, &n);
        total += n;
    }
    CHECK(evs_results_total_exact(res));
    CHECK_INT(total, phrase_total);
    CHECK(phrase_total >= 1);
    evs_results_free(res);
    CHECK_INT(evs_search(db, "value chains", &o, &res), EVS_OK);
    CHECK(evs_results_estimated_total(res) > phrase_total);
    evs_results_free(res);

    /* the seed's theme, organiser and no type */
    CHECK_INT(evs_search(db, "mattino", &o, &res), EVS_OK);
    CHECK_STR(evs_results_facet_value(res, EVS_FACET_THEME, 0, &n),
              "Economic development, employment");
    CHECK_STR(evs_results_facet_value(res, EVS_FACET_ORGANISER, 0, &n),
              "European Committee of the Regions - ECON Commission");
    CHECK_INT(evs_results_facet_size(res, EVS_FACET_TYPE), 0);
    evs_results_free(res);

    /* not asked for: not counted */
    o.facets = 0;
    CHECK_INT(evs_search(db, "regions", &o, &res), EVS_OK);
    CHECK_INT(evs_results_facet_size(res, EVS_FACET_YEAR), 0);
    evs_results_free(res);
    CHECK_STR(evs_facet_name(EVS_FACET_ORGANISER), "organiser");
    CHECK(evs_facet_name((evs_facet)99) == NULL);
}

static void test_reading_options(evs_db *db)
{
    evs_search_options o = EVS_SEARCH_OPTIONS_INIT;
    evs_results *res = NULL;
    /* any word instead of all: more sessions, the seed still first */
    CHECK_INT(evs_search(db, "mattino zzzunknown", &o, &res), EVS_OK);
    CHECK_INT(evs_results_count(res, EVS_HIT_SESSION), 0);
    evs_results_free(res);
    o.match_any = 1;
    CHECK_INT(evs_search(db, "mattino zzzunknown", &o, &res), EVS_OK);
    CHECK(evs_results_count(res, EVS_HIT_SESSION) == 1 &&
          ends_with(evs_hit_field(evs_results_hit(res, EVS_HIT_SESSION, 0), EVS_FIELD_PATH),
                    SEED));
    evs_results_free(res);
    o.match_any = 0;

    /* plain words in the chosen fields only */
    o.fields = "speaker";
    CHECK_INT(evs_search(db, "engelmann", &o, &res), EVS_OK);
    CHECK_INT(evs_results_count(res, EVS_HIT_SESSION), 1);
    evs_results_free(res);
    o.fields = "title quote";
    CHECK_INT(evs_search(db, "tuffs", &o, &res), EVS_OK);      /* a speaker only */
    CHECK_INT(evs_results_count(res, EVS_HIT_SESSION), 0);
    evs_results_free(res);
    o.fields = "colour";
    CHECK_INT(evs_search(db, "x", &o, &res), EVS_INVALID);
    CHECK(strstr(evs_db_errmsg(db), "\"colour\" is not a field") != NULL);
    o.fields = NULL;

    /* stems in the chosen languages only: "chaîne" finds the French page's
     * "chaînes" by a stem, and not when no language's stems are wanted */
    o.languages = "fr";
    CHECK_INT(evs_search(db, "chaîne lang:fr", &o, &res), EVS_OK);
    CHECK_INT(evs_results_count(res, EVS_HIT_SESSION), 1);
    evs_results_free(res);
    o.languages = "";
    CHECK_INT(evs_search(db, "chaîne lang:fr", &o, &res), EVS_OK);
    CHECK_INT(evs_results_count(res, EVS_HIT_SESSION), 0);
    evs_results_free(res);
}

static void test_paging(evs_db *db)
{
    evs_search_options o = EVS_SEARCH_OPTIONS_INIT;
    o.limit = 1;
    o.offset = 1;
    o.quote_limit = 0;
    evs_results *res = NULL;
    CHECK_INT(evs_search(db, "value chains", &o, &res), EVS_OK);
    CHECK_INT(evs_results_count(res, EVS_HIT_SESSION), 1);
    CHECK_INT(evs_results_count(res, EVS_HIT_QUOTE), 0);
    CHECK(!ends_with(evs_hit_field(evs_results_hit(res, EVS_HIT_SESSION, 0),
                                   EVS_FIELD_PATH), SEED));
    evs_results_free(res);
}

static void test_errors(evs_db *db)
{
    evs_results *res = (evs_results *)&res;
    CHECK_INT(evs_search(db, "\"unclosed", NULL, &res), EVS_BAD_QUERY);
    CHECK(res == NULL);
    CHECK(strstr(evs_db_errmsg(db), "column 1") != NULL);
    CHECK_INT(evs_search(db, "value (chains", NULL, &res), EVS_BAD_QUERY);
    CHECK(strstr(evs_db_errmsg(db), "column 7") != NULL);
    CHECK_INT(evs_search(db, "   ", NULL, &res), EVS_BAD_QUERY);
    CHECK(strstr(evs_db_errmsg(db), "empty query") != NULL);
    CHECK_INT(evs_search(db, "colour:red", NULL, &res), EVS_BAD_QUERY);
    CHECK(strstr(evs_db_errmsg(db), "known fields: title, ") != NULL);
    CHECK(strstr(evs_db_errmsg(db), "speaker") != NULL);
    CHECK(strstr(evs_db_errmsg(db), "year") != NULL);
    CHECK_INT(evs_search(db, NULL, NULL, &res), EVS_INVALID);
    CHECK_INT(evs_search(NULL, "x", NULL, &res), EVS_INVALID);
    evs_search_options bad = EVS_SEARCH_OPTIONS_INIT;
    bad.version = 99;
    CHECK_INT(evs_search(db, "x", &bad, &res), EVS_INVALID);

    evs_db *missing = NULL;
    CHECK_INT(evs_db_open("/nonexistent/evsearch-db", &missing), EVS_NOT_FOUND);
    CHECK(missing != NULL);
    CHECK(strstr(evs_db_errmsg(missing), "/nonexistent/evsearch-db") != NULL);
    evs_db_close(missing);

    /* a second writer is refused while one is open */
    evs_writer *w1 = NULL, *w2 = NULL;
    CHECK_INT(evs_writer_open(db_path, &w1), EVS_OK);
    CHECK_INT(evs_writer_open(db_path, &w2), EVS_LOCKED);
    CHECK(strstr(evs_writer_errmsg(w2), "another evindex") != NULL);
    evs_writer_close(w2);
    evs_writer_close(w1);

    /* freeing nothing is fine */
    evs_results_free(NULL);
    evs_db_close(NULL);
    evs_writer_close(NULL);
}

static void test_reindex_replaces(evs_db *db)
{
    uint32_t before = 0, after = 0;
    CHECK_INT(evs_db_session_count(db, &before), EVS_OK);
    build_index();      /* the same files again */
    CHECK_INT(evs_db_reopen(db), EVS_OK);
    CHECK_INT(evs_db_session_count(db, &after), EVS_OK);
    CHECK_INT(after, before);
    CHECK(before >= 11);
}

/* Everything a search gave, as text: counts, facets, and each hit's
 * fields, score, snippets with their marks, and explanation. */
static void describe(const evs_results *res, buf *out)
{
    buf_printf(out, "total %llu exact %d\n", (unsigned long long)evs_results_estimated_total(res),
               evs_results_total_exact(res));
    for (int f = 0; f < EVS_FACET_COUNT; f++)
        for (size_t i = 0; i < evs_results_facet_size(res, (evs_facet)f); i++) {
            unsigned n = 0;
            const char *v = evs_results_facet_value(res, (evs_facet)f, i, &n);
            buf_printf(out, "facet %d %s %u\n", f, v, n);
        }
    for (int k = EVS_HIT_SESSION; k <= EVS_HIT_QUOTE; k++)
        for (size_t i = 0; i < evs_results_count(res, (evs_hit_kind)k); i++) {
            const evs_hit *h = evs_results_hit(res, (evs_hit_kind)k, i);
            const char *text = evs_hit_field(h, EVS_FIELD_TEXT);
            buf_printf(out, "%d %s %.6f %s\n", k, evs_hit_field(h, EVS_FIELD_PATH),
                       evs_hit_score(h), text ? text : "");
            for (size_t j = 0; j < evs_hit_snippet_count(h); j++) {
                const evs_snippet *sn = evs_hit_snippet(h, j);
                size_t len = 0, a, b;
                const char *t = evs_snippet_text(sn, &len);
                buf_printf(out, "  %s: %.*s\n", evs_snippet_field(sn), (int)len, t);
                for (size_t m = 0; m < evs_snippet_span_count(sn); m++) {
                    evs_snippet_span(sn, m, &a, &b);
                    buf_printf(out, "    %zu-%zu %u\n", a, b, evs_snippet_span_match(sn, m));
                }
            }
            const char *why = evs_hit_explain(h);
            buf_printf(out, "%s", why ? why : "");
        }
}

static evs_db *open_with_threads(const char *threads)
{
    evs_db *db = NULL;
    setenv("EVSEARCH_THREADS", threads, 1);
    CHECK_INT(evs_db_open(db_path, &db), EVS_OK);
    unsetenv("EVSEARCH_THREADS");
    return db;
}

/* Quotes searched on a second thread beside the sessions, and session hits
 * filled by both threads, give what one thread gives, hit for hit, for
 * every shape of query (a filter alone and a lone NOT match every document
 * of both kinds; a wildcard expands on each reader), with the options that
 * change what a hit carries, and without quotes. */
static void test_side_by_side(void)
{
    static const char *const queries[] = {
        "value chains", "regions", "cohesion", "\"smart specialisation\"", "year:2019",
        "NOT regions", "innov*", "quote:regions", "region OR energie", "regions NEAR/4 cities",
        "zzzz", "regions -cohesion",
    };
    evs_db *one = open_with_threads("1"), *two = open_with_threads("2");
    evs_search_options o = EVS_SEARCH_OPTIONS_INIT;
    size_t quotes = 0;
    for (int pass = 0; pass < 4; pass++) {
        o.facets = pass == 1;
        o.explain = pass == 2;
        o.quote_limit = pass == 3 ? 0 : 10;     /* the second thread fills sessions only */
        for (size_t q = 0; q < sizeof queries / sizeof queries[0]; q++) {
            evs_results *r1 = NULL, *r2 = NULL;
            CHECK_INT(evs_search(one, queries[q], &o, &r1), EVS_OK);
            CHECK_INT(evs_search(two, queries[q], &o, &r2), EVS_OK);
            buf d1 = BUF_INIT, d2 = BUF_INIT;
            if (r1 && r2) {
                describe(r1, &d1);
                describe(r2, &d2);
                quotes += evs_results_count(r2, EVS_HIT_QUOTE);
                if (d1.len != d2.len || memcmp(d1.data, d2.data, d1.len) != 0)
                    fprintf(stderr, "side by side, %s:\n%s\n---\n%s\n", queries[q], d1.data,
                            d2.data);
                CHECK(d1.len == d2.len && memcmp(d1.data, d2.data, d1.len) == 0);
            }
            buf_free(&d1);
            buf_free(&d2);
            evs_results_free(r1);
            evs_results_free(r2);
        }
    }
    CHECK(quotes > 30);     /* the comparison had quotes to compare */
    evs_db_close(one);
    evs_db_close(two);
}

int main(void)
{
    char dir[64];
    evs_db *db = fixture_open(dir, sizeof dir, "results");
    if (!db)
        return check_exit();
    test_quote_fields(db);
    test_kinds(db);
    test_facets(db);
    test_reading_options(db);
    test_paging(db);
    test_errors(db);
    test_side_by_side();
    test_reindex_replaces(db);
    return fixture_close(db, dir);
}
