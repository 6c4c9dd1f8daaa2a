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

/* Whether a term starting with s's first character is wanted: by its
 * byte when ASCII, by the character when it has two bytes; one of three
 * or four bytes always is. */
static int in_firsts(const txt_firsts *firsts, const char *s)
{
    const unsigned char *c = (const unsigned char *)s;
    if (c[0] < 0x80)
        return firsts->bytes[c[0] >> 6] >> (c[0] & 63) & 1;
    if (c[0] >= 0xC2 && c[0] <= 0xDF)
        return firsts->pairs[c[0] - 0xC2] >> (c[1] & 63) & 1;
    return 1;
}

/* Against txt_analyze on the same text: every word whose term or stem
 * starts with a wanted character is passed, at the same place and position,
 * with both, and every word passed is one of the text's; the positions
 * the text takes are those it takes when every word is wanted.  Returns
 * how many words cost no analysis (were not passed). */
static size_t check_for(txt_analyzer *a, const char *text, const txt_firsts *firsts)
{
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
            bad += in_firsts(firsts, all.term[i]) || (all.stem[i][0] && in_firsts(firsts, all.stem[i]));
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
static void set_firsts(txt_firsts *firsts, const char *letters)
{
    memset(firsts, 0, sizeof *firsts);
    for (const char *c = letters; *c;) {
        size_t n = 1;
        while ((c[n] & 0xC0) == 0x80)
            n++;
        char one[8] = "";
        memcpy(one, c, n < sizeof one ? n : sizeof one - 1);
        txt_firsts_add(firsts, one);
        c += n;
    }
}

/* Runs txt_analyze_for over text for words that may start with one of
 * letters (set into firsts): what it passes into *got, the positions the
 * text takes into *used. */
static void analyze_for_letters(txt_analyzer *a, const char *text, const char *letters,
                                txt_firsts *firsts, ftoks *got, uint32_t *used)
{
    set_firsts(firsts, letters);
    memset(got, 0, sizeof *got);
    CHECK_INT(txt_analyze_for(a, text, strlen(text), firsts, fcollect, got, used), 0);
}

static void test_analyze_for(void)
{
    txt_firsts firsts_, *firsts = &firsts_;
    txt_analyzer *en = txt_analyzer_new("en");
    txt_analyzer *ga = txt_analyzer_new("ga");
    txt_analyzer *plain = txt_analyzer_new(NULL);
    CHECK(en && ga && plain);

    /* "value chains": terms and stems start with v and c; Île by its
     * folded first letter, i */
    static ftoks got;
    const char *text = "Regional value chains in Île-de-France";
    uint32_t used = 0;
    analyze_for_letters(en, text, "vc", firsts, &got, &used);
    /* "Regional", "in", "Île", "de" and "France" are only counted */
    CHECK_INT(got.n, 2);
    CHECK_STR(got.term[0], "value");
    CHECK_INT(got.pos[0], 1);
    CHECK_STR(got.stem[1], "chain");
    CHECK_INT(got.pos[1], 2);
    CHECK_INT(used, 7);
    CHECK_INT(check_for(en, text, firsts), 5);
    analyze_for_letters(en, text, "i", firsts, &got, &used);
    CHECK_INT(got.n, 2);
    CHECK_STR(got.term[0], "in");
    CHECK_STR(got.term[1], "ile");
    CHECK_INT(got.pos[1], 4);
    CHECK_INT(check_for(en, text, firsts), 5);

    /* Greek and Cyrillic words by their first letter, capitals and
     * accents folded: "Ένωση" and "ενωση" by ε, "Регион" by р; a letter of
     * three bytes (the ligature ﬁ) is always passed */
    text = "Η Ευρωπαϊκή Ένωση και η ενωση των Περιφερειών, Регион, ﬁnance";
    analyze_for_letters(plain, text, "ε", firsts, &got, &used);
    CHECK_INT(got.n, 4);
    CHECK_STR(got.term[0], "ευρωπαικη");
    CHECK_STR(got.term[1], "ενωση");
    CHECK_INT(got.pos[1], 2);
    CHECK_STR(got.term[2], "ενωση");
    CHECK_STR(got.term[3], "finance");
    CHECK_INT(check_for(plain, text, firsts), 6);
    set_firsts(firsts, "рπ");     /* Cyrillic р, Greek π */
    CHECK_INT(check_for(plain, text, firsts), 7);

    /* What the words passed over still count: "1,000" and "3.5" are a
     * word each, an elided article none */
    text = "In 1,000 cases (3.5%) l'avis d'experts: xylem, na\xc3\xafve x.org";
    analyze_for_letters(en, text, "x", firsts, &got, &used);
    CHECK_INT(got.n, 2);
    CHECK_STR(got.term[0], "xylem");
    CHECK_INT(got.pos[0], 6);
    CHECK_STR(got.term[1], "x");
    CHECK_INT(got.pos[1], 8);
    CHECK_INT(used, 10);
    CHECK_INT(check_for(en, text, firsts), 10);

    /* An Irish word's stem may start otherwise than the word ("bhfuil"):
     * the Irish analyzer passes every word with its term. */
    set_firsts(firsts, "f");
    CHECK_INT(check_for(ga, "Tá an bhfuinneog sna tithe i gceantar na bhfeirmeoirí", firsts), 0);
    txt_analyzer *tr = txt_analyzer_new("tr");
    set_firsts(firsts, "p");
    CHECK_INT(check_for(tr, "buntu", firsts), 0);
    txt_analyzer_free(tr);

    /* The archive's pages, in each stemmer's hands and without one */
    static const char *const langs[] = { "en", "fr", "de", "it", "es", "nl", "pt", "sv",
                                         "da", "fi", "hu", "ro", "ga", "lt", "tr", NULL };
    for (size_t p = 0; corpus_pages[p]; p++) {
        size_t len = 0;
        char *page = page_head(corpus_pages[p], &len);
        if (!page)
            continue;
        for (size_t l = 0; langs[l]; l++) {
            txt_analyzer *a = txt_analyzer_new(langs[l]);
            set_firsts(firsts, "cdeimprstéł");
            size_t skipped = check_for(a, page, firsts);
            set_firsts(firsts, "abfgvüś");
            skipped += check_for(a, page, firsts);
            CHECK(strstr("ga lt tr", langs[l]) ? skipped == 0 : skipped > 0);
            txt_analyzer_free(a);
        }
        set_firsts(firsts, "cdeimprst");
        CHECK(check_for(plain, page, firsts) > 0);
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
    txt_firsts firsts_, *firsts = &firsts_;

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
        set_firsts(firsts, first_sets[test_rnd() % (sizeof first_sets / sizeof first_sets[0])]);
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
            set_firsts(firsts, "cdeimprst");
            CHECK(check_near(en, page, len, firsts, reach));
            set_firsts(firsts, "abfgv");
            CHECK(check_near(plain, page, len, firsts, reach));
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
