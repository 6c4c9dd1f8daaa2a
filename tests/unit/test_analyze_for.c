/*
 * test_analyze_for.c — the analyses that look for a few words only, as
 * snippets do: txt_analyze_for, which passes over the words whose first
 * letter cannot be wanted, and txt_analyze_near_for, which does not even
 * read them unless they stand near a word kept; each against the
 * analysis of every word, on made-up texts and pages of corpus/.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/analysis.h"
#include "tests/check.h"
#include "tests/testdata.h"
#include "tests/unit/analysis_helpers.h"

/* ------------------------------------------------------ txt_analyze_for */

/* Tokens as the analysis passes them, each with its term. */
typedef struct ftoks {
    size_t n;
    txt_span span[4096];
    uint32_t pos[4096];
    char term[4096][64], stem[4096][64];
} ftoks;

static int fcollect(void *ctx, const txt_token *k)
{
    ftoks *r = ctx;
    if (r->n < 4096) {
        r->span[r->n] = k->span;
        r->pos[r->n] = k->pos;
        CHECK(k->term != NULL);
        snprintf(r->term[r->n], 64, "%s", k->term ? k->term : "");
        snprintf(r->stem[r->n], 64, "%s", k->stem ? k->stem : "");
    }
    r->n++;
    return 0;
}

/* What a test wants: the words as added to firsts, kept for the check. */
typedef struct wants {
    txt_firsts firsts;
    size_t n;
    char word[64][64];
} wants;

static void wants_clear(wants *w)
{
    memset(w, 0, sizeof *w);
}

static void wants_add(wants *w, const char *word)
{
    txt_firsts_add(&w->firsts, word);
    if (w->n < 64)
        snprintf(w->word[w->n++], 64, "%s", word);
}

/* The length of the first n characters of s (fewer when s is shorter). */
static size_t chars_len(const char *s, size_t n)
{
    size_t i = 0;
    while (s[i] && n--)
        for (i++; (s[i] & 0xC0) == 0x80; i++)
            ;
    return i;
}

/* Whether a word with term (or stem) s must be passed: s starts with the
 * first two characters of a word wanted (its only one, when it has one). */
static int is_wanted(const wants *w, const char *s)
{
    for (size_t i = 0; i < w->n; i++) {
        size_t k = chars_len(w->word[i], 2);
        if (k && strncmp(s, w->word[i], k) == 0)
            return 1;
    }
    return 0;
}

/* Against txt_analyze on the same text: every word whose term or stem
 * starts as a wanted word does is passed, at the same place and position,
 * with both, and every word passed is one of the text's; the positions
 * the text takes are those it takes when every word is wanted.  Returns
 * how many words cost no analysis (were not passed). */
static size_t check_for(txt_analyzer *a, const char *text, const wants *w)
{
    const txt_firsts *firsts = &w->firsts;
    static ftoks all, some;
    memset(&all, 0, sizeof all);
    memset(&some, 0, sizeof some);
    size_t len = strlen(text);
    txt_firsts every;
    memset(&every, 0xFF, sizeof every);
    uint32_t used = 0, used_all = 0;
    CHECK_INT(txt_analyze(a, text, len, fcollect, &all, NULL), 0);
    CHECK_INT(txt_analyze_for(a, text, len, firsts, fcollect, &some, &used), 0);
    static ftoks every_word;
    memset(&every_word, 0, sizeof every_word);
    CHECK_INT(txt_analyze_for(a, text, len, &every, fcollect, &every_word, &used_all), 0);
    CHECK_INT(every_word.n, all.n);
    CHECK_INT(used, used_all);
    CHECK(some.n <= all.n);
    /* the words passed are some of txt_analyze's, in its order */
    size_t bad = 0, k = 0;
    for (size_t i = 0; i < all.n && i < 4096; i++) {
        if (k < some.n && some.span[k].start == all.span[i].start &&
            some.span[k].end == all.span[i].end) {
            bad += all.pos[i] != some.pos[k] || strcmp(some.term[k], all.term[i]) != 0 ||
                   strcmp(some.stem[k], all.stem[i]) != 0;
            k++;
        } else {
            if (is_wanted(w, all.term[i]) || (all.stem[i][0] && is_wanted(w, all.stem[i]))) {
                if (bad++ < 3)
                    fprintf(stderr, "  not passed: %s (stem %s)\n", all.term[i], all.stem[i]);
            }
        }
    }
    bad += k != some.n;
    CHECK_INT(bad, 0);
    return all.n - some.n;
}

/* Pages of corpus/ in several languages. */
static const char *const corpus_pages[] = {
    "corpus/000_acfea4267ebb15da.txt", "corpus/002_internationalisation-pme-regions.txt",
    "corpus/003_energiegemeinschaften-alpenraum.txt",
    "corpus/005_turismo-sostenibile-adriatico-ionica.txt",
    "corpus/006_empleo-juvenil-fse-plus.txt",
    "corpus/007_lodz-transformacja-przemyslowa.txt", NULL
};

/* The first 8,000 bytes or so of a page of corpus/ (about the 4,096
 * tokens fcollect keeps), cut where a character starts; malloc'd. */
static char *page_head(const char *path, size_t *len)
{
    char *page = slurp(path, len);
    CHECK(page != NULL);
    if (page && *len > 8000) {
        *len = 8000;
        while (*len > 0 && ((unsigned char)page[*len] & 0xC0) == 0x80)
            (*len)--;
        page[*len] = '\0';
    }
    return page;
}

/* Wants the terms starting with each character of letters (UTF-8). */
static void set_firsts(wants *w, const char *letters)
{
    wants_clear(w);
    for (const char *c = letters; *c;) {
        size_t n = chars_len(c, 1);
        char one[8] = "";
        memcpy(one, c, n < sizeof one ? n : sizeof one - 1);
        wants_add(w, one);
        c += n;
    }
}

/* Wants the words of list (space-separated), as a query's terms and
 * stems are added. */
static void set_words(wants *w, const char *list)
{
    wants_clear(w);
    for (const char *p = list; *p;) {
        size_t n = strcspn(p, " ");
        char word[64] = "";
        memcpy(word, p, n < sizeof word ? n : sizeof word - 1);
        if (n)
            wants_add(w, word);
        p += n + (p[n] == ' ');
    }
}

/* Runs txt_analyze_for over text for what w wants: what it passes into
 * *got, the positions the text takes into *used. */
static void analyze_wanted(txt_analyzer *a, const char *text, const wants *w, ftoks *got,
                           uint32_t *used)
{
    memset(got, 0, sizeof *got);
    CHECK_INT(txt_analyze_for(a, text, strlen(text), &w->firsts, fcollect, got, used), 0);
}

/* Whether txt_analyze_for passes the word of text[span] to a caller that
 * wants only s: a word must be found by its own term and its own stem. */
static int passed_for(txt_analyzer *a, const char *text, txt_span span, const char *s)
{
    static wants w;
    static ftoks got;
    set_words(&w, s);
    memset(&got, 0, sizeof got);
    uint32_t used;
    return txt_analyze_for(a, text + span.start, span.end - span.start, &w.firsts, fcollect,
                           &got, &used) == 0 && got.n == 1;
}

/* Every word of text, passed by itself, for a caller that wants its term,
 * and for one that wants its stem: how many are not. */
static size_t not_found_by_own(txt_analyzer *a, const char *text)
{
    static ftoks all;
    memset(&all, 0, sizeof all);
    CHECK_INT(txt_analyze(a, text, strlen(text), fcollect, &all, NULL), 0);
    size_t missed = 0;
    for (size_t i = 0; i < all.n && i < 4096; i++) {
        if (all.term[i][0] && !passed_for(a, text, all.span[i], all.term[i]))
            missed++;
        if (all.stem[i][0] && !passed_for(a, text, all.span[i], all.stem[i]) && missed++ < 3)
            fprintf(stderr, "  not found by its stem: %s (%s)\n", all.term[i], all.stem[i]);
    }
    return missed;
}

static void test_analyze_for(void)
{
    static wants w;
    txt_analyzer *en = txt_analyzer_new("en");
    txt_analyzer *ga = txt_analyzer_new("ga");
    txt_analyzer *plain = txt_analyzer_new(NULL);
    CHECK(en && ga && plain);

    /* Wanted first letters, v and c; Île by its folded first letter, i */
    static ftoks got;
    const char *text = "Regional value chains in Île-de-France";
    uint32_t used = 0;
    set_firsts(&w, "vc");
    analyze_wanted(en, text, &w, &got, &used);
    /* "Regional", "in", "Île", "de" and "France" are only counted */
    CHECK_INT(got.n, 2);
    CHECK_STR(got.term[0], "value");
    CHECK_INT(got.pos[0], 1);
    CHECK_STR(got.stem[1], "chain");
    CHECK_INT(got.pos[1], 2);
    CHECK_INT(used, 7);
    CHECK_INT(check_for(en, text, &w), 5);
    set_firsts(&w, "i");
    analyze_wanted(en, text, &w, &got, &used);
    CHECK_INT(got.n, 2);
    CHECK_STR(got.term[0], "in");
    CHECK_STR(got.term[1], "ile");
    CHECK_INT(got.pos[1], 4);
    CHECK_INT(check_for(en, text, &w), 5);

    /* "value chains" as a query adds them: the first two letters tell
     * most words of the same first letter apart, "valley" and "chairs"
     * not */
    text = "Value chains of cities, villages, coasts: a valley of chairs";
    set_words(&w, "value valu chains chain");
    analyze_wanted(en, text, &w, &got, &used);
    CHECK_INT(got.n, 4);
    CHECK_STR(got.term[0], "value");
    CHECK_STR(got.term[1], "chains");
    CHECK_STR(got.term[2], "valley");
    CHECK_STR(got.term[3], "chairs");
    CHECK_INT(got.pos[3], 9);
    CHECK_INT(used, 10);
    CHECK_INT(check_for(en, text, &w), 6);
    /* a word of one letter wants every word starting with it */
    set_words(&w, "chain v");
    analyze_wanted(en, text, &w, &got, &used);
    CHECK_INT(got.n, 5);
    CHECK_STR(got.term[2], "villages");

    /* The stems that do not start with their word's first two letters:
     * English "dying" gives "die", a Finnish doubled first letter loses
     * one ("cci" gives "ci").  Nor does every term: the Catalan l·l drops
     * its dot ("l·lum" is "llum"), æ folds to two letters.  Numbers are
     * told by their first two digits. */
    set_words(&w, "die");
    CHECK_INT(check_for(en, "dying lying tying died dozen drying", &w), 4);
    analyze_wanted(en, "dying lying tying died dozen drying", &w, &got, &used);
    CHECK_INT(got.n, 2);    /* dying and died */
    CHECK_STR(got.stem[0], "die");
    txt_analyzer *fi = txt_analyzer_new("fi"), *ca = txt_analyzer_new("ca");
    CHECK(fi && ca);
    set_words(&w, "ci");
    analyze_wanted(fi, "cci ccu cui", &w, &got, &used);
    CHECK_INT(got.n, 2);
    CHECK_STR(got.stem[0], "ci");
    CHECK_INT(check_for(fi, "cci ccu cui", &w), 1);
    /* æ folds to two letters: "Ægteskab" is "aegteskab" */
    txt_analyzer *da = txt_analyzer_new("da");
    CHECK(da != NULL);
    set_words(&w, "aegteskab aere");
    analyze_wanted(da, "Ægteskabet og æren, et agtet æble", &w, &got, &used);
    CHECK_INT(got.n, 3);    /* and æble, which only its first letter tells */
    CHECK_STR(got.stem[0], "aegteskab");
    CHECK_INT(check_for(da, "Ægteskabet og æren, et agtet æble", &w), 3);
    txt_analyzer_free(da);
    set_words(&w, "llum");
    analyze_wanted(ca, "la l\xc2\xb7lum i la lluna, les lletres", &w, &got, &used);
    CHECK_INT(got.n, 3);
    CHECK_STR(got.term[0], "llum");
    set_words(&w, "2018");
    analyze_wanted(en, "In 2018, 2019 and 2020: 201 projects in 20 regions", &w, &got, &used);
    CHECK_INT(got.n, 5);
    txt_analyzer_free(fi);
    txt_analyzer_free(ca);

    /* Greek and Cyrillic words by their first letter, capitals and
     * accents folded: "Ένωση" and "ενωση" by ε, "Регион" by р; a letter of
     * three bytes (the ligature ﬁ) is always passed */
    text = "Η Ευρωπαϊκή Ένωση και η ενωση των Περιφερειών, Регион, ﬁnance";
    set_firsts(&w, "ε");
    analyze_wanted(plain, text, &w, &got, &used);
    CHECK_INT(got.n, 4);
    CHECK_STR(got.term[0], "ευρωπαικη");
    CHECK_STR(got.term[1], "ενωση");
    CHECK_INT(got.pos[1], 2);
    CHECK_STR(got.term[2], "ενωση");
    CHECK_STR(got.term[3], "finance");
    CHECK_INT(check_for(plain, text, &w), 6);
    set_firsts(&w, "рπ");     /* Cyrillic р, Greek π */
    CHECK_INT(check_for(plain, text, &w), 7);
    /* and by their first two: "ενωση" leaves out "Ευρωπαϊκή" */
    set_words(&w, "ενωση περιφερεια");
    analyze_wanted(plain, text, &w, &got, &used);
    CHECK_INT(got.n, 4);
    CHECK_STR(got.term[0], "ενωση");
    CHECK_STR(got.term[2], "περιφερειων");
    CHECK_INT(check_for(plain, text, &w), 6);

    /* What the words passed over still count: "1,000" and "3.5" are a
     * word each, an elided article none */
    text = "In 1,000 cases (3.5%) l'avis d'experts: xylem, na\xc3\xafve x.org";
    set_firsts(&w, "x");
    analyze_wanted(en, text, &w, &got, &used);
    CHECK_INT(got.n, 2);
    CHECK_STR(got.term[0], "xylem");
    CHECK_INT(got.pos[0], 6);
    CHECK_STR(got.term[1], "x");
    CHECK_INT(got.pos[1], 8);
    CHECK_INT(used, 10);
    CHECK_INT(check_for(en, text, &w), 10);

    /* An Irish word's stem may start otherwise than the word ("bhfuil"):
     * the Irish analyzer passes every word with its term. */
    set_firsts(&w, "f");
    CHECK_INT(check_for(ga, "Tá an bhfuinneog sna tithe i gceantar na bhfeirmeoirí", &w), 0);
    txt_analyzer *tr = txt_analyzer_new("tr");
    set_firsts(&w, "p");
    CHECK_INT(check_for(tr, "buntu", &w), 0);
    txt_analyzer_free(tr);

    /* The archive's pages, in each stemmer's hands and without one: by
     * first letters, by words, and every word by its own term and stem */
    static const char *const langs[] = { "en", "fr", "de", "it", "es", "nl", "pt", "sv",
                                         "da", "fi", "hu", "ro", "ga", "lt", "tr", NULL };
    for (size_t p = 0; corpus_pages[p]; p++) {
        size_t len = 0;
        char *page = page_head(corpus_pages[p], &len);
        if (!page)
            continue;
        for (size_t l = 0; langs[l]; l++) {
            txt_analyzer *a = txt_analyzer_new(langs[l]);
            set_firsts(&w, "cdeimprstéł");
            size_t skipped = check_for(a, page, &w);
            set_firsts(&w, "abfgvüś");
            skipped += check_for(a, page, &w);
            CHECK(strstr("ga lt tr", langs[l]) ? skipped == 0 : skipped > 0);
            set_words(&w, "regional region regio cohesion cohes policy polic development "
                          "développement energie energi turismo transformacja");
            skipped = check_for(a, page, &w);
            CHECK(strstr("ga lt tr", langs[l]) ? skipped == 0 : skipped > 0);
            CHECK_INT(not_found_by_own(a, page), 0);
            txt_analyzer_free(a);
        }
        set_firsts(&w, "cdeimprst");
        CHECK(check_for(plain, page, &w) > 0);
        free(page);
    }
    txt_analyzer_free(en);
    txt_analyzer_free(ga);
    txt_analyzer_free(plain);
}

/* ------------------------------------------------- txt_analyze_near_for */

/* Words the near analysis is told it keeps: those whose term has an odd
 * byte sum, a mix that changes from word to word. */
static int kept(const char *term)
{
    unsigned sum = 0;
    for (const unsigned char *c = (const unsigned char *)term; *c; c++)
        sum += *c;
    return sum & 1;
}

static int ncollect(void *ctx, const txt_token *k)
{
    fcollect(ctx, k);
    return kept(k->term) ? TXT_KEPT : 0;
}

/* Whole addresses and URLs aside, the words txt_analyze_for passes. */
static int wcollect(void *ctx, const txt_token *k)
{
    return k->kind == TXT_WORD ? fcollect(ctx, k) : 0;
}

/* Against txt_analyze_for on the same text: the same words, terms and
 * stems, and between the words kept, and from each to the end, the same
 * distances where these are reach or less, more than reach elsewhere.
 * Returns 1 when all agree. */
static int check_near(txt_analyzer *a, const char *text, size_t len, const txt_firsts *firsts,
                      uint32_t reach)
{
    static ftoks full, near;
    memset(&full, 0, sizeof full);
    memset(&near, 0, sizeof near);
    uint32_t used_full = 0, used_near = 0;
    if (txt_analyze_for(a, text, len, firsts, wcollect, &full, &used_full) != 0 ||
        txt_analyze_near_for(a, text, len, firsts, reach, ncollect, &near, &used_near) != 0 ||
        full.n != near.n || full.n > 4096)
        return 0;
    for (size_t i = 0; i < full.n; i++)
        if (full.span[i].start != near.span[i].start || full.span[i].end != near.span[i].end ||
            strcmp(full.term[i], near.term[i]) != 0 || strcmp(full.stem[i], near.stem[i]) != 0)
            return 0;
    for (size_t i = 0; i < full.n; i++) {
        if (!kept(full.term[i]))
            continue;
        for (size_t j = i + 1; j <= full.n; j++) {
            if (j < full.n && !kept(full.term[j]))
                continue;
            uint32_t want = (j < full.n ? full.pos[j] : used_full) - full.pos[i];
            uint32_t got = (j < near.n ? near.pos[j] : used_near) - near.pos[i];
            if (want <= reach ? got != want : got <= reach)
                return 0;
        }
    }
    return 1;
}

static void test_analyze_near_for(void)
{
    txt_analyzer *en = txt_analyzer_new("en"), *plain = txt_analyzer_new(NULL);
    txt_analyzer *ga = txt_analyzer_new("ga");
    CHECK(en && plain && ga);
    static wants w;
    const txt_firsts *firsts = &w.firsts;

    /* the word boundaries a jump must find as reading does: digits joined
     * by a comma or a point, elided articles (no position of their own),
     * addresses and URLs (their words still count), marks and format
     * characters inside words and after spaces, the Catalan middle dot,
     * bigrams of scripts without spaces, invalid bytes */
    static const char *const pieces[] = {
        "value", "Value", "chains", "clusters", "in", "the", "of", "1,000", "3.5", "2018.",
        "l'Europe", "dell'arte", "qu\xe2\x80\x99il", "d'", "www.europa.eu", "a.b@ec.eu",
        "http://x.org/v", "\xc3\x8ele", "na\xc3\xafve", "\xc5\x81\xc3\xb3" "d\xc5\xba",
        "\xce\x94\xce\xae\xce\xbc\xce\xbf\xcf\x82", "e\xcc\x81t\xc3\xa9", "\xcc\x81v",
        "re\xc2\xad" "gions", "\xc2\xad" "cities", "col\xc2\xb7lecci\xc3\xb3", "l\xc2\xb7v",
        "\xe6\x9d\xb1\xe4\xba\xac\xe9\x83\xbd", "\xe0\xb9\x84\xe0\xb8\x97\xe0\xb8\xa2",
        "\xff", "v\xff" "c", "\xc2\xa0", "-", ", ", ". ", "\n\n", "(", ")", "  ",
        "\xca\xbc" "v", "c\xca\xbc", "x", "7", "\xef\xac\x81" "ve",
        "Ένωση", "ενωση", "Ευρωπαϊκό", "ταμείο", "ΤΑΜΕΊΟ", "περιφερειακής", "Σ", "ς",
        "Регион", "развитие", "Über", "über", "École", "élan", "İstanbul", "Ĳssel", "ß",
    };
    size_t np = sizeof pieces / sizeof pieces[0];
    static const char *const first_sets[] = { "vc", "c", "l", "e", "x7", "r", "1", "vcle",
                                              "ε", "τπ", "σ", "р", "uéi", "ελ", "s" };
    static const char *const word_sets[] = { "value valu chain", "clusters cluster", "europe",
                                             "ενωση ταμειο", "регион развитие", "uber ecole",
                                             "1,000 3.5 7", "cities regions", "l'europe le" };
    int bad = 0, runs = 0;
    char text[2048];
    for (int iter = 0; iter < 3000; iter++) {
        size_t n = 0, words = 1 + test_rnd() % 60;
        for (size_t w = 0; w < words; w++) {
            const char *p = pieces[test_rnd() % np];
            size_t pl = strlen(p);
            if (n + pl + 1 >= sizeof text)
                break;
            memcpy(text + n, p, pl);
            n += pl;
            if (test_rnd() % 3)
                text[n++] = ' ';
        }
        if (test_rnd() % 2)
            set_firsts(&w, first_sets[test_rnd() % (sizeof first_sets / sizeof first_sets[0])]);
        else
            set_words(&w, word_sets[test_rnd() % (sizeof word_sets / sizeof word_sets[0])]);
        uint32_t reach = test_rnd() % 6;
        txt_analyzer *a = iter % 3 == 0 ? plain : iter % 3 == 1 ? en : ga;
        runs++;
        if (!check_near(a, text, n, firsts, reach)) {
            if (bad++ < 3)
                fprintf(stderr, "  near analysis differs (reach %u): %.*s\n", reach, (int)n, text);
        }
    }
    CHECK_INT(bad, 0);
    CHECK_INT(runs, 3000);

    /* the archive's pages, with a stemmer and without */
    for (size_t p = 0; corpus_pages[p]; p++) {
        size_t len = 0;
        char *page = page_head(corpus_pages[p], &len);
        if (!page)
            continue;
        for (uint32_t reach = 0; reach < 4; reach++) {
            set_firsts(&w, "cdeimprst");
            CHECK(check_near(en, page, len, firsts, reach));
            set_firsts(&w, "abfgv");
            CHECK(check_near(plain, page, len, firsts, reach));
            set_words(&w, "regional regions cohesion policy energy");
            CHECK(check_near(en, page, len, firsts, reach));
        }
        free(page);
    }
    txt_analyzer_free(en);
    txt_analyzer_free(plain);
    txt_analyzer_free(ga);
}

int main(void)
{
    test_analyze_for();
    test_analyze_near_for();
    return check_exit();
}
