/*
 * test_matching.c — which forms of a word find which, end to end through
 * the public API: for each pair, a session whose description holds one
 * form is written as YAML (with the pair's language in `lang:`), indexed
 * into a fresh database, and searched for the other form; then the other
 * way round.  Pairs that must match, pairs that must not, and cases that
 * hold one way only (a part finds the whole, not the reverse).
 *
 * Also: an exact match ranks above a match of the stem only, and
 * evs_analyze (the API under `evindex --analyze`) gives what the index
 * gets.
 */
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "evsearch.h"
#include "tests/check.h"

static char dir[256];
static unsigned serial;

/* Writes a session file holding text in language lang; its path in out. */
static void write_session(const char *name, const char *lang, const char *text, char *out,
                          size_t outlen)
{
    snprintf(out, outlen, "%s/%s.yaml", dir, name);
    FILE *f = fopen(out, "w");
    CHECK(f != NULL);
    if (!f)
        return;
    fprintf(f, "title: Session\nlang: %s\ndate: 2019-10-09\ndescription: |\n  %s\n", lang,
            text);
    fclose(f);
}

/* Indexes the n texts (one session each) into a new database; its path. */
static void build(const char *lang, const char *const *texts, size_t n, char *db,
                  size_t dblen)
{
    unsigned id = serial++;
    snprintf(db, dblen, "%s/db%u", dir, id);
    evs_writer *w = NULL;
    CHECK_INT(evs_writer_open(db, &w), EVS_OK);
    for (size_t i = 0; i < n; i++) {
        char name[64], path[512];
        snprintf(name, sizeof name, "s%u_%zu", id, i);
        write_session(name, lang, texts[i], path, sizeof path);
        evs_status st = evs_writer_add_file(w, path, NULL);
        if (st != EVS_OK)
            fprintf(stderr, "  %s\n", evs_writer_errmsg(w));
        CHECK_INT(st, EVS_OK);
    }
    CHECK_INT(evs_writer_commit(w), EVS_OK);
    evs_writer_close(w);
}

/* The sessions query finds in db: their count, and the path of the first
 * in first (may be NULL). */
static size_t search(const char *db, const char *query, char *first, size_t firstlen)
{
    evs_db *d = NULL;
    CHECK_INT(evs_db_open(db, &d), EVS_OK);
    evs_results *res = NULL;
    evs_status st = evs_search(d, query, NULL, &res);
    if (st != EVS_OK)
        fprintf(stderr, "  search <%s>: %s\n", query, evs_db_errmsg(d));
    CHECK_INT(st, EVS_OK);
    size_t n = res ? evs_results_count(res, EVS_HIT_SESSION) : 0;
    if (first && firstlen) {
        first[0] = '\0';
        if (n)
            snprintf(first, firstlen, "%s",
                     evs_hit_field(evs_results_hit(res, EVS_HIT_SESSION, 0), EVS_FIELD_PATH));
    }
    evs_results_free(res);
    evs_db_close(d);
    return n;
}

/* Whether a session holding text (in lang) is found by query. */
static int finds(const char *lang, const char *text, const char *query)
{
    char db[512];
    build(lang, &text, 1, db, sizeof db);
    return search(db, query, NULL, 0) > 0;
}

typedef struct pair {
    const char *lang, *a, *b;
} pair;

/* Each form finds the other. */
static const pair same[] = {
    { "it", "Mattino", "Mattinò" },
    { "fr", "ile de france", "Île-de-France" },
    { "fr", "ile-de-france", "Île-de-France" },
    { "fr", "\"ile de france\"", "Île-de-France" },        /* a phrase of stop words too */
    { "fr", "chaines", "chaînes" },
    { "fr", "chaîne", "chaînes" },                        /* the French stem */
    { "de", "Wertschöpfungskette", "Wertschöpfungsketten" },
    { "de", "strasse", "Straße" },
    { "el", "εξυπνη", "Έξυπνη" },
    { "el", "ΕΞΥΠΝΗ", "έξυπνη" },
    { "pl", "lodz", "Łódź" },
    { "da", "kobenhavn", "København" },
    { "fr", "internationalisation", "l’internationalisation" },
    { "fr", "l'internationalisation", "l’internationalisation" },
    { "en", "coal region", "coal regions" },
    { "it", "\"dell’Unione\"", "dell'Unione" },           /* either apostrophe */
    { "it", "unione", "dell’Unione" },
    { "fr", "d'Azur", "d’Azur" },
    { "en", "EU-27", "EU 27" },
    { "en", "s3", "S3" },
    { "en", "09c14", "09C14" },
    { "en", "1,000", "1,000" },
    { "en", "3.5", "3.5" },
    { "en", "info@regions.eu", "INFO@Regions.eu" },
    { "zh", "区域发展", "区域发展" },
    { "nb", "Æble", "aeble" },
    { "fr", "œuvre", "oeuvre" },
    { "hr", "Đakovo", "dakovo" },
    { "is", "Þór", "thor" },
    { "tr", "İstanbul", "istanbul" },
};

/* Neither form finds the other. */
static const pair differ[] = {
    { "en", "coal", "goal" },
    { "en", "region", "religion" },
    { "fr", "chaine", "chaise" },
    { "pl", "lodz", "lods" },
    /* no stemmer: the exact term only (in German, the stemmer gives
     * "strass" for both, as it should) */
    { "pl", "strasse", "strass" },
    { "el", "εξυπνη", "εξυπνος" },                        /* no Greek stemmer */
    { "en", "1,000", "1000" },
    { "en", "3.5", "35" },
    { "zh", "区域", "域发展" },
};

/* Query a finds a session holding b (the reverse need not hold, and for
 * some does not: see the end of test_pairs). */
static const pair one_way[] = {
    { "it", "Unione", "dell’Unione" },                    /* elision: the noun alone */
    /* an elided article inside a phrase, typed or not */
    { "it", "\"bilancio dell’Unione europea\"", "il bilancio dell'Unione europea" },
    { "it", "\"bilancio dell’Unione europea\"", "il bilancio Unione europea" },
    { "it", "\"bilancio Unione europea\"", "il bilancio dell'Unione europea" },
    { "fr", "\"chaînes de valeur de l’industrie\"", "les chaînes de valeur de l'industrie" },
    { "fr", "l internationalisation", "l’internationalisation" },
    { "fr", "Azur", "d’Azur" },
    { "en", "regions", "info@regions.eu" },               /* an address by its parts */
    { "en", "europa", "https://ec.europa.eu/regional_policy" },
    { "en", "\"regional policy\"", "see https://ec.europa.eu/regional_policy/ now" },
    { "en", "\"ec europa eu\"", "at https://ec.europa.eu/ today" },
    { "en", "https://ec.europa.eu/regional_policy", "see https://ec.europa.eu/regional_policy" },
    { "zh", "发展", "区域发展战略" },                         /* two characters inside */
    { "zh", "展战", "区域发展战略" },
    { "ja", "東京", "東京都" },
    { "th", "ไทย", "ภาษาไทย" },
    { "en", "\"contact info regions eu\"", "Contact: info@regions.eu for help" },
    { "en", "\"info regions eu for\"", "Contact: info@regions.eu for help" },
};

static void test_pairs(void)
{
    for (size_t i = 0; i < sizeof same / sizeof same[0]; i++) {
        const pair *p = &same[i];
        int ab = finds(p->lang, p->b, p->a), ba = finds(p->lang, p->a, p->b);
        if (!ab || !ba)
            fprintf(stderr, "  [%s] \"%s\" ~ \"%s\": %s\n", p->lang, p->a, p->b,
                    !ab && !ba ? "neither finds the other"
                    : !ab ? "the first does not find the second"
                          : "the second does not find the first");
        CHECK(ab);
        CHECK(ba);
    }
    for (size_t i = 0; i < sizeof differ / sizeof differ[0]; i++) {
        const pair *p = &differ[i];
        int ab = finds(p->lang, p->b, p->a), ba = finds(p->lang, p->a, p->b);
        if (ab || ba)
            fprintf(stderr, "  [%s] \"%s\" and \"%s\" match, and should not\n", p->lang,
                    p->a, p->b);
        CHECK(!ab);
        CHECK(!ba);
    }
    for (size_t i = 0; i < sizeof one_way / sizeof one_way[0]; i++) {
        const pair *p = &one_way[i];
        int found = finds(p->lang, p->b, p->a);
        if (!found)
            fprintf(stderr, "  [%s] \"%s\" does not find \"%s\"\n", p->lang, p->a, p->b);
        CHECK(found);
    }
    /* and the other way, where it must not */
    CHECK(!finds("zh", "发展", "区域发展战略"));
    CHECK(!finds("en", "regions", "info@regions.eu"));
    CHECK(!finds("en", "info regions", "\"info@regions.eu\""));
}

/* An exact match ranks above a match of the stem only: both sessions are
 * found, the one with the very word first, whichever was indexed first. */
static void test_exact_first(void)
{
    static const struct {
        const char *lang, *query, *exact, *stem_only;
    } cases[] = {
        { "fr", "chaînes", "Un texte sur les chaînes.", "Un texte sur la chaîne." },
        { "fr", "chaîne", "Un texte sur la chaîne.", "Un texte sur les chaînes." },
        { "en", "regions", "A text about regions.", "A text about a region." },
        { "de", "Wertschöpfungskette", "Die Wertschöpfungskette.", "Die Wertschöpfungsketten." },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        for (int order = 0; order < 2; order++) {
            const char *texts[2] = { cases[i].exact, cases[i].stem_only };
            if (order) {
                texts[0] = cases[i].stem_only;
                texts[1] = cases[i].exact;
            }
            char db[512], first[1024];
            build(cases[i].lang, texts, 2, db, sizeof db);
            CHECK_INT(search(db, cases[i].query, first, sizeof first), 2);
            /* the exact text is file s<id>_<0 or 1>.yaml */
            char want[32];
            snprintf(want, sizeof want, "_%d.yaml", order ? 1 : 0);
            size_t fl = strlen(first), wl = strlen(want);
            int ok = fl >= wl && strcmp(first + fl - wl, want) == 0;
            if (!ok)
                fprintf(stderr, "  <%s>: the stem-only match ranks first (%s)\n",
                        cases[i].query, first);
            CHECK(ok);
        }
}

/* What the snippets of the first session found by query mark: the marked
 * texts joined by "|". */
static void marks(const char *lang, const char *text, const char *query, char *out,
                  size_t outlen)
{
    char db[512];
    build(lang, &text, 1, db, sizeof db);
    out[0] = '\0';
    evs_db *d = NULL;
    CHECK_INT(evs_db_open(db, &d), EVS_OK);
    evs_results *res = NULL;
    CHECK_INT(evs_search(d, query, NULL, &res), EVS_OK);
    size_t used = 0;
    if (res && evs_results_count(res, EVS_HIT_SESSION) > 0) {
        const evs_hit *h = evs_results_hit(res, EVS_HIT_SESSION, 0);
        for (size_t i = 0; i < evs_hit_snippet_count(h); i++) {
            const evs_snippet *sn = evs_hit_snippet(h, i);
            if (strcmp(evs_snippet_field(sn), "description") != 0)
                continue;
            size_t len;
            const char *t = evs_snippet_text(sn, &len);
            for (size_t k = 0; k < evs_snippet_span_count(sn); k++) {
                size_t a, b;
                evs_snippet_span(sn, k, &a, &b);
                used += (size_t)snprintf(out + used, used < outlen ? outlen - used : 0,
                                         "%s%.*s", used ? "|" : "", (int)(b - a), t + a);
            }
        }
    }
    evs_results_free(res);
    evs_db_close(d);
}

/* Highlights cover what matched: whole words, phrases across an address or
 * an elided article, two characters of Chinese. */
static void test_highlights(void)
{
    static const struct {
        const char *lang, *text, *query, *want;
    } cases[] = {
        { "en", "Contact: info@regions.eu for help", "\"info regions eu for\"",
          "info@regions.eu for" },
        { "en", "Contact: info@regions.eu for help", "\"contact info regions\"",
          "Contact: info@regions" },
        { "en", "Contact: info@regions.eu for help", "info@regions.eu", "info@regions.eu" },
        { "fr", "les chaînes de valeur de l'industrie", "\"de l’industrie\"",
          "de l'industrie" },
        { "it", "il bilancio dell’Unione europea", "unione", "Unione" },
        { "zh", "区域发展战略", "发展", "发展" },
        { "zh", "区域发展战略", "发展战", "发展战" },
        { "en", "It costs 1,000 euros.", "1,000", "1,000" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char got[512];
        marks(cases[i].lang, cases[i].text, cases[i].query, got, sizeof got);
        if (strcmp(got, cases[i].want) != 0)
            fprintf(stderr, "  <%s> in \"%s\"\n", cases[i].query, cases[i].text);
        CHECK_STR(got, cases[i].want);
    }
}

/* ----------------------------------------------------------- evs_analyze */

typedef struct seen {
    size_t n;
    struct {
        size_t start, end;
        uint32_t pos;
        evs_token_kind kind;
        char term[128], stem[128];
        int has_stem;
    } t[32];
    int stop_at;
} seen;

static int on_token(void *ctx, const evs_token *k)
{
    seen *s = ctx;
    if (s->n < 32) {
        s->t[s->n].start = k->start;
        s->t[s->n].end = k->end;
        s->t[s->n].pos = k->position;
        s->t[s->n].kind = k->kind;
        CHECK_INT(strlen(k->term), k->term_len);
        snprintf(s->t[s->n].term, sizeof s->t[0].term, "%s", k->term);
        s->t[s->n].has_stem = k->stem != NULL;
        snprintf(s->t[s->n].stem, sizeof s->t[0].stem, "%s", k->stem ? k->stem : "");
    }
    s->n++;
    return s->stop_at && s->n >= (size_t)s->stop_at;
}

static void test_analyze_api(void)
{
    seen s = { 0 };
    evs_analysis_info info;
    const char *text = "L’internationalisation des chaînes: info@regions.eu";
    CHECK_INT(evs_analyze(text, strlen(text), "fr", on_token, &s, &info), EVS_OK);
    CHECK_STR(info.lang, "fr");
    CHECK_INT(info.stemmed, 1);
    CHECK_INT(info.invalid_bytes, 0);
    CHECK_INT(info.tokens, 8);
    CHECK_INT(s.n, 8);
    if (s.n == 8) {
        /* the elided article shares the position of its word */
        CHECK_STR(s.t[0].term, "l");
        CHECK_INT(s.t[0].start, 0);
        CHECK_INT(s.t[0].end, 1);
        CHECK_INT(s.t[0].pos, 0);
        CHECK_STR(s.t[1].term, "internationalisation");
        CHECK_INT(s.t[1].start, 4);
        CHECK_INT(s.t[1].end, 24);
        CHECK_INT(s.t[1].pos, 0);
        CHECK_INT(s.t[2].pos, 1);
        CHECK_STR(s.t[3].term, "chaines");
        CHECK_STR(s.t[3].stem, "chain");
        /* the address whole, then its words, the first at the same place */
        CHECK_INT(s.t[4].kind, EVS_TOKEN_EMAIL);
        CHECK_STR(s.t[4].term, "info@regions.eu");
        CHECK(!s.t[4].has_stem);
        CHECK_INT(s.t[4].pos, 3);
        CHECK_INT(s.t[4].start, 39);
        CHECK_INT(s.t[4].end, 54);
        CHECK_INT(s.t[5].kind, EVS_TOKEN_WORD);
        CHECK_STR(s.t[5].term, "info");
        CHECK_INT(s.t[5].pos, 3);
        CHECK_INT(s.t[5].start, 39);
        CHECK_INT(s.t[6].pos, 4);
        CHECK_INT(s.t[7].pos, 5);
        CHECK_INT(s.t[7].end, 54);
    }

    /* No language given: detected, and stemmed when it was; a text too
     * short to tell ("ab") has no language and no stems. */
    seen u = { 0 };
    CHECK_INT(evs_analyze("Straße", strlen("Straße"), NULL, on_token, &u, &info), EVS_OK);
    CHECK(u.n == 1 && strcmp(u.t[0].term, "strasse") == 0);
    CHECK_INT(u.t[0].has_stem, info.lang != NULL);
    CHECK_INT(info.stemmed, info.lang != NULL);
    seen v = { 0 };
    CHECK_INT(evs_analyze("ab", 2, NULL, on_token, &v, &info), EVS_OK);
    CHECK(info.lang == NULL && v.n == 1 && !v.t[0].has_stem);

    /* A language without a stemmer: terms only. */
    seen g = { 0 };
    CHECK_INT(evs_analyze("Έξυπνη", strlen("Έξυπνη"), "el", on_token, &g, &info), EVS_OK);
    CHECK_STR(info.lang, "el");
    CHECK_INT(info.stemmed, 0);
    CHECK(g.n == 1 && !g.t[0].has_stem && strcmp(g.t[0].term, "εξυπνη") == 0);

    /* Invalid bytes are counted; the callback stops it. */
    seen b = { .stop_at = 1 };
    CHECK_INT(evs_analyze("ab\xff" "cd ef", 8, "en", on_token, &b, &info), EVS_OK);
    CHECK_INT(b.n, 1);
    CHECK_INT(info.tokens, 1);
    seen c = { 0 };
    CHECK_INT(evs_analyze("ab\xff" "cd ef", 8, "en", on_token, &c, NULL), EVS_OK);
    CHECK_INT(c.n, 3);

    CHECK_INT(evs_analyze(NULL, 0, NULL, on_token, &c, &info), EVS_OK);
    CHECK_INT(info.tokens, 0);
    CHECK_INT(evs_analyze(NULL, 3, NULL, on_token, &c, &info), EVS_INVALID);
    CHECK_INT(evs_analyze("x", 1, NULL, NULL, NULL, &info), EVS_INVALID);
}

static int rm_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb;
    (void)flag;
    (void)ftw;
    return remove(path);
}

int main(void)
{
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/evs-matching-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 2;
    }
    test_analyze_api();
    test_pairs();
    test_exact_first();
    test_highlights();
    nftw(dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
    return check_exit();
}
