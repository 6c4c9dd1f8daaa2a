/*
 * test_search.c — end to end through the public API: corpus/ indexed into
 * a fresh database, then searched as a user would: words, folding,
 * languages, operators, filters, suggestions, how each hit matched, the
 * explanation and the glossary (the results themselves: test_results.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/e2e/search_fixture.h"

static void test_value_chains(evs_db *db)
{
    evs_results *res = search(db, "value chains");
    CHECK(evs_results_count(res, EVS_HIT_SESSION) >= 2);
    const evs_hit *top = evs_results_hit(res, EVS_HIT_SESSION, 0);
    CHECK(ends_with(evs_hit_field(top, EVS_FIELD_PATH), "/" SEED));
    CHECK(evs_hit_field(top, EVS_FIELD_PATH)[0] == '/');
    CHECK_STR(evs_hit_field(top, EVS_FIELD_TITLE),
              "Improving access to markets for SMEs: European Entrepreneurial Regions experience");
    CHECK_INT(evs_hit_year(top), 2018);
    CHECK_STR(evs_hit_field(top, EVS_FIELD_DATE), "2018-10-11");
    CHECK_STR(evs_hit_field(top, EVS_FIELD_LANG), "en");
    CHECK(highlights(top, "value chains"));
    CHECK(evs_hit_score(top) >= evs_hit_score(evs_results_hit(res, EVS_HIT_SESSION, 1)));

    /* the matching quote, with its speaker and the words marked */
    CHECK(evs_results_count(res, EVS_HIT_QUOTE) >= 1);
    const evs_hit *q = evs_results_hit(res, EVS_HIT_QUOTE, 0);
    CHECK_STR(evs_hit_field(q, EVS_FIELD_SPEAKER), "Ulla Engelmann");
    CHECK_STR(evs_hit_field(q, EVS_FIELD_AFFILIATION), "DG GROW");
    CHECK(ends_with(evs_hit_field(q, EVS_FIELD_PATH), "/" SEED));
    CHECK(highlights(q, "value chains"));
    CHECK(strstr(evs_hit_field(q, EVS_FIELD_TEXT), "stronger value chains") != NULL);
    evs_results_free(res);
}

static void test_folding(evs_db *db)
{
    /* typed without the accent, found with it, and marked as written */
    evs_results *res = search(db, "Mattino");
    CHECK(evs_results_count(res, EVS_HIT_SESSION) >= 1);
    const evs_hit *top = evs_results_hit(res, EVS_HIT_SESSION, 0);
    CHECK(ends_with(evs_hit_field(top, EVS_FIELD_PATH), "/" SEED));
    CHECK(highlights(top, "Mattinò"));
    evs_results_free(res);

    CHECK(finds(db, "ile de france", SEED));
    CHECK(finds(db, "ÎLE-DE-FRANCE", SEED));
    CHECK(finds(db, "\"ile de france\"", SEED));
    CHECK(finds(db, "mattinò", SEED));
}

static void test_language(evs_db *db)
{
    CHECK(finds(db, "regions coal", "004_coal-regions-just-transition.txt"));
    CHECK(finds(db, "lodz", "007_lodz-transformacja-przemyslowa.txt"));
    CHECK(finds(db, "chaines valeur", "002_internationalisation-pme-regions.txt"));
    /* a stem: the singular finds the plural */
    CHECK(finds(db, "chain", SEED));
}

static void test_operators(evs_db *db)
{
    CHECK(!finds(db, "value chains -smes", SEED));
    CHECK(!finds(db, "value chains NOT internationalisation", SEED));
    CHECK(finds(db, "title:smes", SEED));
    CHECK(!finds(db, "title:clusters", SEED));
    CHECK(finds(db, "speaker:engelmann", SEED));
    CHECK(finds(db, "zzzzunknown OR mattino", SEED));
    CHECK(!finds(db, "\"chains value\"", SEED));

    evs_results *res = search(db, "zzzzunknownword");
    CHECK_INT(evs_results_count(res, EVS_HIT_SESSION), 0);
    CHECK_INT(evs_results_count(res, EVS_HIT_QUOTE), 0);
    evs_results_free(res);
}

/* The dates of the session hits of q, in order; returns how many. */
static size_t session_dates(evs_db *db, const char *q, evs_sort sort, char dates[][16],
                            size_t max)
{
    evs_search_options o = EVS_SEARCH_OPTIONS_INIT;
    o.limit = (unsigned)max;
    o.sort = sort;
    evs_results *res = NULL;
    size_t n = 0;
    CHECK_INT(evs_search(db, q, &o, &res), EVS_OK);
    for (; n < evs_results_count(res, EVS_HIT_SESSION); n++) {
        const char *d = evs_hit_field(evs_results_hit(res, EVS_HIT_SESSION, n), EVS_FIELD_DATE);
        snprintf(dates[n], sizeof dates[n], "%s", d ? d : "");
    }
    evs_results_free(res);
    return n;
}

/* Whether the dates are in order: ascending (dir 1) or descending (-1). */
static int in_order(char dates[][16], size_t n, int dir)
{
    for (size_t i = 1; i < n; i++)
        if (strcmp(dates[i - 1], dates[i]) * dir > 0)
            return 0;
    return 1;
}

static void test_filters(evs_db *db)
{
    CHECK(finds(db, "lang:fr", "002_internationalisation-pme-regions.txt"));
    CHECK(!finds(db, "lang:fr", SEED));
    CHECK(finds(db, "internationalisation lang:en", SEED));
    CHECK(!finds(db, "internationalisation lang:fr", SEED));
    CHECK(finds(db, "interp:de mattino", SEED));
    CHECK(!finds(db, "interp:pl mattino", SEED));
    CHECK(finds(db, "year:2018 mattino", SEED));
    CHECK(finds(db, "year:2017..2019 mattino", SEED));
    CHECK(!finds(db, "year:2019.. mattino", SEED));
    CHECK(finds(db, "date:2018-10-11", SEED));
    CHECK(finds(db, "date:2018-10", SEED));
    CHECK(!finds(db, "date:2018-10-10", SEED));
    CHECK(finds(db, "-lang:fr mattino", SEED));
    CHECK(finds(db, "chains NEAR/3 value", SEED));
    CHECK(!finds(db, "smes NEAR/1 cosme", SEED));
    CHECK(finds(db, "internation*", SEED));
    CHECK(finds(db, "mattin*", SEED));

    /* a filter does not change the ranking of what it lets through */
    evs_results *a = search(db, "value chains");
    evs_results *b = search(db, "value chains lang:en");
    CHECK(evs_results_count(b, EVS_HIT_SESSION) >= 1);
    CHECK(evs_hit_score(evs_results_hit(a, EVS_HIT_SESSION, 0)) ==
          evs_hit_score(evs_results_hit(b, EVS_HIT_SESSION, 0)));
    evs_results_free(a);
    evs_results_free(b);

    /* the sessions of a year, by date both ways; a filter alone ranks every
     * session equal, so relevance order is newest first */
    char dates[64][16];
    size_t n = session_dates(db, "year:2016", EVS_SORT_DATE, dates, 64);
    CHECK(n >= 4);
    CHECK(in_order(dates, n, 1));
    CHECK(strcmp(dates[0], dates[n - 1]) < 0);
    for (size_t i = 0; i < n; i++)
        CHECK(strncmp(dates[i], "2016-", 5) == 0);
    CHECK_INT(session_dates(db, "year:2016", EVS_SORT_DATE_DESC, dates, 64), n);
    CHECK(in_order(dates, n, -1));
    CHECK_INT(session_dates(db, "year:2016", EVS_SORT_RELEVANCE, dates, 64), n);
    CHECK(in_order(dates, n, -1));
    /* by date on a text query: every match, oldest first */
    n = session_dates(db, "regions", EVS_SORT_DATE, dates, 64);
    CHECK(n > 5 && in_order(dates, n, 1));
}

static void suggests(evs_db *db, const char *q, const char *want)
{
    evs_results *res = search(db, q);
    const char *got = evs_results_suggestion(res);
    if (want && got ? strcmp(got, want) != 0 : want != got)
        fprintf(stderr, "query <%s>\n", q);
    CHECK_STR(got, want);
    evs_results_free(res);
}

static void test_suggestions(evs_db *db)
{
    suggests(db, "valeu chians", "value chains");
    suggests(db, "speaker:engelman", "speaker:engelmann");
    suggests(db, "year:2018 \"valeu chains\"", "year:2018 \"value chains\"");
    suggests(db, "-tourism internationalsation", "-tourism internationalisation");
    suggests(db, "value chains", NULL);         /* found: nothing to suggest */
    suggests(db, "zqxwv", NULL);                /* nothing near enough */
}

/* The rank (1-based) of file among the session hits of q, 0 if absent. */
static size_t rank_of(evs_db *db, const char *q, const char *file)
{
    evs_search_options o = EVS_SEARCH_OPTIONS_INIT;
    o.limit = 50;
    evs_results *res = NULL;
    size_t rank = 0;
    CHECK_INT(evs_search(db, q, &o, &res), EVS_OK);
    for (size_t i = 0; !rank && i < evs_results_count(res, EVS_HIT_SESSION); i++)
        if (ends_with(evs_hit_field(evs_results_hit(res, EVS_HIT_SESSION, i), EVS_FIELD_PATH),
                      file))
            rank = i + 1;
    evs_results_free(res);
    return rank;
}

/* The match bits of the highlight of hit's snippets that marks want. */
static unsigned how_marked(const evs_hit *hit, const char *want)
{
    for (size_t i = 0; i < evs_hit_snippet_count(hit); i++) {
        const evs_snippet *sn = evs_hit_snippet(hit, i);
        const char *text = evs_snippet_text(sn, NULL);
        for (size_t k = 0; k < evs_snippet_span_count(sn); k++) {
            size_t s, e;
            evs_snippet_span(sn, k, &s, &e);
            if (e - s == strlen(want) && strncmp(text + s, want, e - s) == 0)
                return evs_snippet_span_match(sn, k);
        }
    }
    return 0;
}

/* How the first session hit of q marks want. */
static unsigned how_top(evs_db *db, const char *q, const char *want)
{
    evs_results *res = search(db, q);
    const evs_hit *hit = evs_results_hit(res, EVS_HIT_SESSION, 0);
    unsigned how = hit ? how_marked(hit, want) : 0;
    if (hit)
        CHECK((evs_hit_matched(hit) & how) == how);
    evs_results_free(res);
    return how;
}

static void test_match_kinds(evs_db *db)
{
    CHECK_INT(how_top(db, "mattinò", "Mattinò"), EVS_MATCH_EXACT);
    CHECK_INT(how_top(db, "MATTINÒ", "Mattinò"), EVS_MATCH_EXACT);   /* case is no matter */
    CHECK_INT(how_top(db, "mattino", "Mattinò"), EVS_MATCH_FOLDED);
    CHECK_INT(how_top(db, "lodz", "Łódź"), EVS_MATCH_FOLDED);
    CHECK_INT(how_top(db, "internation* mattino", "internationalisation"), EVS_MATCH_PREFIX);
    CHECK_INT(how_top(db, "\"ile de france\" lang:fr", "Île-de-France"), EVS_MATCH_FOLDED);
    CHECK_INT(how_top(db, "\"value chains\"", "value chains"), EVS_MATCH_EXACT);
    CHECK_INT(how_top(db, "specialisations mattino", "specialisation"), EVS_MATCH_STEM);
    CHECK_STR(evs_match_name(EVS_MATCH_STEM | EVS_MATCH_GLOSSARY), "stem");
    CHECK_STR(evs_match_name(EVS_MATCH_GLOSSARY), "glossary");
    CHECK(evs_match_name(0) == NULL);
}

/* =word: the accents as typed (case still ignored). */
static void test_exact_form(evs_db *db)
{
    const char *page = "020_regions-against-the-crisis-2009.txt";
    CHECK(rank_of(db, "=Kovács", page) > 0);
    CHECK(rank_of(db, "=KOVÁCS", page) > 0);
    CHECK(!rank_of(db, "=Kovàcs", page));          /* another accent */
    CHECK(!rank_of(db, "=mattinò zoltan", page));
    CHECK(rank_of(db, "=mattinò", SEED) == 1);
    CHECK(!rank_of(db, "=Matt\u00ecn\u00f2", SEED));   /* Mattìnò: not as written */
    /* only the accented occurrences are marked */
    evs_search_options o = EVS_SEARCH_OPTIONS_INIT;
    o.explain = 1;
    evs_results *res = NULL;
    CHECK_INT(evs_search(db, "=Kovács", &o, &res), EVS_OK);
    const char *why = evs_results_count(res, EVS_HIT_SESSION)
                          ? evs_hit_explain(evs_results_hit(res, EVS_HIT_SESSION, 0)) : NULL;
    CHECK(why && strstr(why, "Kovács (exact)"));
    CHECK(why && !strstr(why, "Kovacs ("));
    evs_results_free(res);
}

static void test_explain(evs_db *db)
{
    evs_search_options o = EVS_SEARCH_OPTIONS_INIT;
    evs_results *res = NULL;
    CHECK_INT(evs_search(db, "value chains", &o, &res), EVS_OK);
    CHECK(evs_results_explain(res) == NULL);
    CHECK(evs_hit_explain(evs_results_hit(res, EVS_HIT_SESSION, 0)) == NULL);
    evs_results_free(res);

    o.explain = 1;
    CHECK_INT(evs_search(db, "value chains", &o, &res), EVS_OK);
    const char *q = evs_results_explain(res);
    CHECK(q && strstr(q, "parsed: (AND \"value\" \"chains\")\n"));
    CHECK(q && strstr(q, "engine: ") && strstr(q, "Zchain"));
    /* quotes hold names apart from their text: their query says so */
    CHECK(q && strstr(q, "engine for quotes: ") && strstr(strstr(q, "engine for quotes: "),
                                                          "XQORG:chains"));
    const char *why = evs_hit_explain(evs_results_hit(res, EVS_HIT_SESSION, 0));
    CHECK(why && strstr(why, "  summary: value chains (exact) x2\n"));
    CHECK(why && strstr(why, "  takeaway: value chains (exact)\n"));
    CHECK(why && strstr(why, "  stem chain\n") && strstr(why, "  value\n"));
    CHECK(why && !strstr(why, "XKIND"));            /* filters weigh nothing */
    const evs_hit *quote = evs_results_hit(res, EVS_HIT_QUOTE, 0);
    CHECK(quote && evs_hit_explain(quote) && strstr(evs_hit_explain(quote), "  quote: "));
    /* a stem match and a field term say so */
    evs_results_free(res);
    CHECK_INT(evs_search(db, "title:smes chain", &o, &res), EVS_OK);
    why = evs_hit_explain(evs_results_hit(res, EVS_HIT_SESSION, 0));
    CHECK(why && strstr(why, "title:smes\n"));
    CHECK(why && strstr(why, "chains (stem)"));
    evs_results_free(res);
}

static void test_glossary(evs_db *db)
{
    const char *fr = "002_internationalisation-pme-regions.txt";
    const char *de = "003_energiegemeinschaften-alpenraum.txt";
    char path[1024];
    snprintf(path, sizeof path, "%s/glossary/regional-policy.yaml", getenv("EVS_SOURCE_DIR"));

    /* off: an English query does not find the French and German pages */
    CHECK(!rank_of(db, "value chains", fr));
    CHECK(!rank_of(db, "value chains", de));
    CHECK_INT(evs_db_set_glossary(db, path), EVS_OK);
    /* on: it does, below the pages in the user's own words */
    size_t seed = rank_of(db, "value chains", SEED);
    CHECK_INT(seed, 1);
    CHECK(rank_of(db, "value chains", fr) > seed);
    CHECK(rank_of(db, "value chains", de) > seed);
    CHECK(rank_of(db, "\"value chains\"", fr) > 0);            /* a phrase too */
    CHECK(rank_of(db, "Wertschöpfungsketten", SEED) > 0);      /* and the other way */
    CHECK(rank_of(db, "chaînes de valeur", SEED) > 0);
    CHECK(rank_of(db, "value chains lang:fr", fr) == 1);      /* with a filter */
    CHECK(!rank_of(db, "value chains -pme", fr));             /* excluded all the same */
    /* the French page is highlighted where it says it */
    evs_results *res = search(db, "value chains lang:fr");
    CHECK(evs_results_count(res, EVS_HIT_SESSION) == 1);
    if (evs_results_count(res, EVS_HIT_SESSION)) {
        const evs_hit *hit = evs_results_hit(res, EVS_HIT_SESSION, 0);
        CHECK(highlights(hit, "chaînes de valeur"));
        CHECK(how_marked(hit, "chaînes de valeur") & EVS_MATCH_GLOSSARY);
        CHECK(evs_hit_matched(hit) & EVS_MATCH_GLOSSARY);
    }
    evs_results_free(res);

    /* a broken glossary is refused with its line, and the old one stays */
    char bad[] = "/tmp/evs-glossary-XXXXXX";
    int fd = mkstemp(bad);
    CHECK(fd >= 0);
    if (fd >= 0) {
        const char text[] = "- concept: x\n  terms:\n    en: [a b]\n    fr: [c d]\n"
                            "- concept: y\n  termz: {}\n";
        CHECK(write(fd, text, sizeof text - 1) == (ssize_t)(sizeof text - 1));
        close(fd);
        CHECK_INT(evs_db_set_glossary(db, bad), EVS_BAD_INPUT);
        CHECK(strstr(evs_db_errmsg(db), ":6:3: unknown key \"termz\"") != NULL);
        unlink(bad);
    }
    CHECK(rank_of(db, "value chains", fr) > 0);
    CHECK_INT(evs_db_set_glossary(db, "/nonexistent/glossary.yaml"), EVS_BAD_INPUT);
    CHECK(strstr(evs_db_errmsg(db), "/nonexistent/glossary.yaml") != NULL);
    CHECK_INT(evs_db_set_glossary(db, NULL), EVS_OK);
    CHECK(!rank_of(db, "value chains", fr));
}

int main(void)
{
    char dir[64];
    evs_db *db = fixture_open(dir, sizeof dir, "search");
    if (!db)
        return check_exit();
    test_value_chains(db);
    test_folding(db);
    test_language(db);
    test_operators(db);
    test_filters(db);
    test_suggestions(db);
    test_match_kinds(db);
    test_explain(db);
    test_exact_form(db);
    test_glossary(db);
    return fixture_close(db, dir);
}
