/*
 * test_words.c — text split into words with their byte offsets
 * (txt_next_word): separators, apostrophes, invalid bytes, marks, numbers,
 * bigrams of ideographs and Thai, whole e-mail addresses and URLs, and
 * elided articles.
 */
#include <stdlib.h>
#include <string.h>

#include "analysis/analysis.h"
#include "tests/check.h"
#include "tests/unit/analysis_helpers.h"

typedef struct words {
    size_t n, invalid;
    txt_span w[MAXW];
} words;

static words split_n(const char *s, size_t len)
{
    words r = { 0 };
    char *t = exact_copy(s, len);
    size_t cur = 0;
    txt_span w;
    while (r.n < MAXW && txt_next_word(t, len, &cur, &w, &r.invalid))
        r.w[r.n++] = w;
    free(t);
    return r;
}

static words split(const char *s)
{
    return split_n(s, strlen(s));
}

#define CHECK_SPAN(ws, i, s, e)                                              \
    do {                                                                     \
        CHECK((ws).n > (i));                                                 \
        if ((ws).n > (i)) {                                                  \
            CHECK_INT((ws).w[i].start, s);                                   \
            CHECK_INT((ws).w[i].end, e);                                     \
        }                                                                    \
    } while (0)

/* ------------------------------------------------------------------ words */

static void test_words(void)
{
    words w = split("Île-de-France");
    CHECK_INT(w.n, 3);
    CHECK_SPAN(w, 0, 0, 4);
    CHECK_SPAN(w, 1, 5, 7);
    CHECK_SPAN(w, 2, 8, 14);
    CHECK_INT(w.invalid, 0);

    w = split("l’internationalisation");        /* ’ is 3 bytes */
    CHECK_INT(w.n, 2);
    CHECK_SPAN(w, 0, 0, 1);
    CHECK_SPAN(w, 1, 4, 24);

    w = split("l'internationalisation");
    CHECK_INT(w.n, 2);
    CHECK_SPAN(w, 0, 0, 1);
    CHECK_SPAN(w, 1, 2, 22);

    w = split("l\u02BCinternationalisation");   /* ʼ modifier apostrophe */
    CHECK_INT(w.n, 2);
    CHECK_SPAN(w, 0, 0, 1);
    CHECK_SPAN(w, 1, 3, 23);

    w = split("dell’Unione");
    CHECK_INT(w.n, 2);
    CHECK_SPAN(w, 0, 0, 4);
    CHECK_SPAN(w, 1, 7, 13);

    w = split("09C14 - Regions");
    CHECK_INT(w.n, 2);
    CHECK_SPAN(w, 0, 0, 5);
    CHECK_SPAN(w, 1, 8, 15);

    w = split("S3");
    CHECK_INT(w.n, 1);
    CHECK_SPAN(w, 0, 0, 2);

    w = split("EU-27");
    CHECK_INT(w.n, 2);
    CHECK_SPAN(w, 0, 0, 2);
    CHECK_SPAN(w, 1, 3, 5);

    /* Invalid bytes separate words and are counted. */
    w = split("ab\xff" "cd");
    CHECK_INT(w.n, 2);
    CHECK_SPAN(w, 0, 0, 2);
    CHECK_SPAN(w, 1, 3, 5);
    CHECK_INT(w.invalid, 1);

    w = split("R\xc3\xa9gion \xc3");            /* truncated at the end */
    CHECK_INT(w.n, 1);
    CHECK_SPAN(w, 0, 0, 7);
    CHECK_INT(w.invalid, 1);

    w = split("abc\xe6\x9d");                    /* 東 cut after 2 bytes */
    CHECK_INT(w.n, 1);
    CHECK_SPAN(w, 0, 0, 3);
    CHECK_INT(w.invalid, 2);

    /* The buffer ends inside a character: nothing read beyond len. */
    w = split_n("東京", 4);
    CHECK_INT(w.n, 1);
    CHECK_SPAN(w, 0, 0, 3);
    CHECK_INT(w.invalid, 1);

    w = split("\xc0\xaf" "x\xed\xa0\x80y");      /* overlong, surrogate */
    CHECK_INT(w.n, 2);
    CHECK_SPAN(w, 0, 2, 3);
    CHECK_SPAN(w, 1, 6, 7);
    CHECK_INT(w.invalid, 5);

    /* A combining mark stays with its letter. */
    w = split("e\u0301te \u00e9t\u00e9");
    CHECK_INT(w.n, 2);
    CHECK_SPAN(w, 0, 0, 5);
    CHECK_SPAN(w, 1, 6, 11);

    /* Emoji separate words; a variation selector after one starts none. */
    w = split("a\U0001F600b \u2764\uFE0F c");
    CHECK_INT(w.n, 3);
    CHECK_SPAN(w, 0, 0, 1);
    CHECK_SPAN(w, 1, 5, 6);
    CHECK_SPAN(w, 2, 14, 15);
    CHECK_INT(w.invalid, 0);

    /* Ideographs give overlapping bigrams; kana keeps its voicing mark. */
    w = split("東京都");
    CHECK_INT(w.n, 2);
    CHECK_SPAN(w, 0, 0, 6);
    CHECK_SPAN(w, 1, 3, 9);

    w = split("東京abc");
    CHECK_INT(w.n, 2);
    CHECK_SPAN(w, 0, 0, 6);
    CHECK_SPAN(w, 1, 6, 9);

    w = split("\u304B\u3099");                  /* か + combining dakuten */
    CHECK_INT(w.n, 1);
    CHECK_SPAN(w, 0, 0, 6);

    w = split("ไทย");                            /* Thai: bigrams too */
    CHECK_INT(w.n, 2);

    /* Hangul is written with spaces: whole words. */
    w = split("한국어 사전");
    CHECK_INT(w.n, 2);
    CHECK_SPAN(w, 0, 0, 9);
    CHECK_SPAN(w, 1, 10, 16);

    /* A soft hyphen does not break a word; a zero-width space does. */
    w = split("Wert\u00ADsch\u00F6pfung");
    CHECK_INT(w.n, 1);
    CHECK_SPAN(w, 0, 0, 16);
    w = split("ab\u200Bcd");
    CHECK_INT(w.n, 2);
    w = split("ab\u00AD cd");                   /* trailing: not taken */
    CHECK_INT(w.n, 2);
    CHECK_SPAN(w, 0, 0, 2);

    /* The Catalan middle dot joins l·l, and nothing else. */
    w = split("col·lecció L·L a·b l· ·l");
    CHECK_INT(w.n, 6);                          /* a b l l: 4 more */
    CHECK_SPAN(w, 0, 0, 12);
    CHECK_SPAN(w, 1, 13, 17);
    CHECK_SPAN(w, 2, 18, 19);

    /* NBSP, doubled spaces, punctuation. */
    w = split("Head\u00A0of  Unit, (DG REGIO).");
    CHECK_INT(w.n, 5);
    CHECK_SPAN(w, 1, 6, 8);

    w = split("");
    CHECK_INT(w.n, 0);
    w = split(" -–— ’ ");
    CHECK_INT(w.n, 0);

    /* The cursor goes on from where it was left. */
    {
        const char *s = "one two";
        size_t cur = 0;
        txt_span sp;
        CHECK(txt_next_word(s, 7, &cur, &sp, NULL));
        CHECK_INT(cur, 3);
        CHECK(txt_next_word(s, 7, &cur, &sp, NULL));
        CHECK_INT(sp.start, 4);
        CHECK(!txt_next_word(s, 7, &cur, &sp, NULL));
        CHECK(!txt_next_word(s, 7, &cur, &sp, NULL));
    }
}

/* --------------------------------------------- numbers, scripts, addresses */

static void test_numbers(void)
{
    words w = split("1,000 and 3.5% in 2018. Then 1.000,50 or 1,2,3");
    CHECK_INT(w.n, 9);
    CHECK_SPAN(w, 0, 0, 5);                     /* 1,000 */
    CHECK_SPAN(w, 2, 10, 13);                   /* 3.5 */
    CHECK_SPAN(w, 4, 18, 22);                   /* 2018, not the full stop */
    CHECK_SPAN(w, 6, 29, 37);                   /* 1.000,50 */
    CHECK_SPAN(w, 8, 41, 46);                   /* 1,2,3 */

    w = split("a.b 1,a a,1 1,,2 1. 5 x.5");    /* a letter on one side: no */
    CHECK_INT(w.n, 12);
    w = split("S3.2 09C14 EU-27");
    CHECK_INT(w.n, 4);
    CHECK_SPAN(w, 0, 0, 4);
    CHECK_SPAN(w, 1, 5, 10);
    CHECK_SPAN(w, 2, 11, 13);
    w = split("3.5");                           /* at the very end */
    CHECK_INT(w.n, 1);
    CHECK_SPAN(w, 0, 0, 3);
    w = split("3.");
    CHECK_INT(w.n, 1);
    CHECK_SPAN(w, 0, 0, 1);

    txt_analyzer *en = txt_analyzer_new("en");
    toks r = analyze(en, "EUR 1,000.50", NULL);
    CHECK_INT(r.n, 2);
    if (r.n == 2) {
        CHECK_STR(r.t[1].term, "1,000.50");
        CHECK_STR(r.t[1].stem, "1,000.50");
        CHECK_INT(r.t[1].pos, 1);
    }
    txt_analyzer_free(en);
}

static void test_bigrams(void)
{
    /* Overlapping bigrams, each starting one character after the last. */
    words w = split("区域发展");
    CHECK_INT(w.n, 3);
    CHECK_SPAN(w, 0, 0, 6);
    CHECK_SPAN(w, 1, 3, 9);
    CHECK_SPAN(w, 2, 6, 12);

    /* A character alone is a word of one. */
    w = split("东 京, 都");
    CHECK_INT(w.n, 3);
    CHECK_SPAN(w, 0, 0, 3);
    CHECK_SPAN(w, 1, 4, 7);
    CHECK_SPAN(w, 2, 9, 12);

    /* Marks stay with their letter: か+dakuten, き. */
    w = split("\u304B\u3099\u304D");
    CHECK_INT(w.n, 1);
    CHECK_SPAN(w, 0, 0, 9);

    /* Thai vowel signs that are marks belong to the letter before: ภิ + ษ
     * is one bigram; า is a letter of its own. */
    w = split("\u0E20\u0E34\u0E29");
    CHECK_INT(w.n, 1);
    CHECK_SPAN(w, 0, 0, 9);
    w = split("\u0E20\u0E32\u0E29");
    CHECK_INT(w.n, 2);
    CHECK_SPAN(w, 0, 0, 6);
    CHECK_SPAN(w, 1, 3, 9);

    /* Scripts do not pair with each other, nor with Latin or digits. */
    w = split("東ไ");
    CHECK_INT(w.n, 2);
    CHECK_SPAN(w, 0, 0, 3);
    CHECK_SPAN(w, 1, 3, 6);
    w = split("2018年度");
    CHECK_INT(w.n, 2);
    CHECK_SPAN(w, 0, 0, 4);
    CHECK_SPAN(w, 1, 4, 10);

    /* An invalid byte ends a run. */
    w = split("東\xff京都");
    CHECK_INT(w.n, 2);
    CHECK_SPAN(w, 0, 0, 3);
    CHECK_SPAN(w, 1, 4, 10);
    CHECK_INT(w.invalid, 1);

    /* Starting the cursor inside a run: the run's last letter is not a
     * word again (the bigram before covers it). */
    {
        const char *s = "東京都";
        size_t cur = 6;
        txt_span sp;
        CHECK(!txt_next_word(s, strlen(s), &cur, &sp, NULL));
        CHECK_INT(cur, 9);
    }

    /* Positions follow the bigrams; a two-character query is one of them. */
    txt_analyzer *a = txt_analyzer_new(NULL);
    toks r = analyze(a, "区域发展战略 abc", NULL);
    CHECK_INT(r.n, 6);
    if (r.n == 6) {
        CHECK_STR(r.t[2].term, "发展");
        CHECK_INT(r.t[2].pos, 2);
        CHECK_INT(r.t[2].span.start, 6);
        CHECK_INT(r.t[2].span.end, 12);
        CHECK_STR(r.t[5].term, "abc");
        CHECK_INT(r.t[5].pos, 5);
    }
    txt_analyzer_free(a);
}

/* The kind, span, position and term of token i of r. */
#define CHECK_TOK(r, i, k, s, e, p, term_)                                   \
    do {                                                                     \
        CHECK((r).n > (i));                                                  \
        if ((r).n > (i)) {                                                   \
            CHECK_INT((r).t[i].kind, k);                                     \
            CHECK_INT((r).t[i].span.start, s);                               \
            CHECK_INT((r).t[i].span.end, e);                                 \
            CHECK_INT((r).t[i].pos, p);                                      \
            CHECK_STR((r).t[i].term, term_);                                 \
        }                                                                    \
    } while (0)

static void test_whole(void)
{
    txt_analyzer *en = txt_analyzer_new("en");

    toks r = analyze(en, "Write to Info@Regions.eu, today.", NULL);
    CHECK_INT(r.n, 7);
    CHECK_TOK(r, 2, TXT_EMAIL, 9, 24, 2, "info@regions.eu");
    CHECK_TOK(r, 3, TXT_WORD, 9, 13, 2, "info");
    CHECK_TOK(r, 4, TXT_WORD, 14, 21, 3, "regions");
    CHECK_TOK(r, 5, TXT_WORD, 22, 24, 4, "eu");
    CHECK_TOK(r, 6, TXT_WORD, 26, 31, 5, "today");
    if (r.n == 7) {
        CHECK(!r.t[2].has_stem);                /* the whole has no stem */
        CHECK(r.t[4].has_stem);
        CHECK_STR(r.t[4].stem, "region");
    }

    r = analyze(en, "first.last+tag@dg-regio.ec.europa.eu", NULL);
    CHECK_TOK(r, 0, TXT_EMAIL, 0, 36, 0, "first.last+tag@dg-regio.ec.europa.eu");
    CHECK_INT(r.n, 9);

    /* URLs end with their last word: not on a full stop, slash or
     * bracket. */
    r = analyze(en, "(see https://ec.europa.eu/regional_policy/).", NULL);
    CHECK_TOK(r, 1, TXT_URL, 5, 41, 1, "https://ec.europa.eu/regional_policy");
    CHECK_TOK(r, 2, TXT_WORD, 5, 10, 1, "https");
    CHECK_INT(r.n, 8);

    r = analyze(en, "www.Eurocities.eu.", NULL);
    CHECK_TOK(r, 0, TXT_URL, 0, 17, 0, "www.eurocities.eu");
    CHECK_INT(r.n, 4);

    /* Letters beyond ASCII in a path. */
    r = analyze(en, "http://fr.wikipedia.org/wiki/Île-de-France »", NULL);
    CHECK_TOK(r, 0, TXT_URL, 0, 43, 0, "http://fr.wikipedia.org/wiki/ile-de-france");

    /* Not addresses: the words only. */
    static const char *const not_whole[] = {
        "a@b", "x@y.", "@foo.eu", "user@localhost", "http://", "http:/x.eu",
        "www.", "www x.eu", "info@-x.eu", "info@x-.eu", "info.@x.eu", "ftp:x",
        "e.g. this", "Île-de-France", "l’Europe", "3.5 @ x",
    };
    for (size_t i = 0; i < sizeof not_whole / sizeof not_whole[0]; i++) {
        r = analyze(en, not_whole[i], NULL);
        int any = 0;
        for (size_t k = 0; k < r.n && k < MAXW; k++)
            any |= r.t[k].kind != TXT_WORD;
        if (any)
            fprintf(stderr, "  whole token in \"%s\"\n", not_whole[i]);
        CHECK(!any);
    }

    /* Too long to be given whole: split only. */
    {
        char s[300] = "https://x.eu/";
        size_t n = strlen(s);
        for (; n < 200; n++)
            s[n] = n % 7 == 0 ? 'a' : 'b';
        s[n] = '\0';
        r = analyze(en, s, NULL);
        CHECK(r.n > 0 && r.t[0].kind == TXT_WORD);
    }

    /* A long run of dotted words and hyphens: linear, and no address. */
    {
        size_t n = 200000;
        char *s = malloc(n);
        CHECK(s != NULL);
        for (size_t i = 0; s && i < n; i++)
            s[i] = i % 2 ? (i % 6 == 1 ? '-' : '.') : 'a';
        if (s) {
            toks big = { 0 };
            CHECK_INT(txt_analyze(en, s, n, collect, &big, NULL), 0);
            CHECK_INT(big.n, n / 2);
            free(s);
        }
    }

    /* txt_whole_at alone. */
    {
        const char *s = "mail info@x.eu";
        txt_span w = { 5, 9 };
        txt_kind k = TXT_WORD;
        size_t scanned = 0;
        CHECK_INT(txt_whole_at(s, strlen(s), w, &k, &scanned), 14);
        CHECK_INT(k, TXT_EMAIL);
        w = (txt_span){ 0, 4 };
        scanned = 0;
        CHECK_INT(txt_whole_at(s, strlen(s), w, &k, &scanned), 0);
    }
    txt_analyzer_free(en);
}

static void test_elisions(void)
{
    static const struct {
        const char *text;
        size_t word_end;            /* the first word */
        int elided;
    } cases[] = {
        { "l’Europe", 1, 1 }, { "l'Europe", 1, 1 }, { "L\u02BCEurope", 1, 1 },
        { "d’Azur", 1, 1 }, { "dell’Unione", 4, 1 }, { "qu'il", 2, 1 },
        { "un’altra", 2, 1 }, { "jusqu’à", 5, 1 }, { "DELL'UNIONE", 4, 1 },
        { "O'Brien", 1, 0 }, { "don't", 3, 0 }, { "l'", 1, 0 }, { "l' Europe", 1, 0 },
        { "l'2018", 1, 0 }, { "l", 1, 0 }, { "rock'n'roll", 4, 0 }, { "ll'x", 2, 0 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t len = strlen(cases[i].text);
        char *t = exact_copy(cases[i].text, len);
        int got = txt_is_elision(t, len, (txt_span){ 0, cases[i].word_end });
        if (got != cases[i].elided)
            fprintf(stderr, "  elision \"%s\"\n", cases[i].text);
        CHECK_INT(got, cases[i].elided);
        free(t);
    }

    /* A query passes over elided articles; the text keeps them, at the
     * position of their word. */
    const char *q = "l’internationalisation dell'Unione d’Azur O'Brien";
    size_t cur = 0, n = 0;
    txt_span w, got[8];
    while (n < 8 && txt_next_query_word(q, strlen(q), &cur, &w, NULL))
        got[n++] = w;
    CHECK_INT(n, 5);
    if (n == 5) {
        CHECK_INT(got[0].start, 4);             /* internationalisation */
        CHECK_INT(got[1].start, 30);            /* Unione */
        CHECK_INT(got[2].start, 41);            /* Azur */
        CHECK_INT(got[3].start, 46);            /* O */
        CHECK_INT(got[4].start, 48);            /* Brien */
    }

    txt_analyzer *fr = txt_analyzer_new("fr");
    toks r = analyze(fr, "de l’internationalisation des PME", NULL);
    CHECK_INT(r.n, 5);
    CHECK_TOK(r, 0, TXT_WORD, 0, 2, 0, "de");
    CHECK_TOK(r, 1, TXT_WORD, 3, 4, 1, "l");
    CHECK_TOK(r, 2, TXT_WORD, 7, 27, 1, "internationalisation");
    CHECK_TOK(r, 3, TXT_WORD, 28, 31, 2, "des");
    CHECK_TOK(r, 4, TXT_WORD, 32, 35, 3, "pme");
    txt_analyzer_free(fr);
}

/* The characters a word goes on over, as txt_next_word reads them. */
static void test_goes_on(void)
{
    static const struct { int32_t c; int on; } cases[] = {
        { 'a', 1 }, { 'Z', 1 }, { '7', 1 }, { '-', 0 }, { '\'', 0 }, { ' ', 0 },
        { 0x00E9, 1 },      /* é */
        { 0x03B5, 1 },      /* ε */
        { 0x0436, 1 },      /* ж */
        { 0x00B2, 1 },      /* ², a number */
        { 0x00A0, 0 },      /* no-break space */
        { 0x00AB, 0 },      /* « */
        { 0x00B7, 0 },      /* middle dot: only between two l */
        { 0x02BC, 0 },      /* ʼ separates words like ' */
        { 0x0301, 0 },      /* a combining accent belongs to the letter before */
        { 0x00AD, 0 },      /* soft hyphen */
        { 0x6771, 0 },      /* 東: a bigram, not a word going on */
        { -1, 0 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        CHECK_INT(txt_char_goes_on(cases[i].c), cases[i].on);
    /* and where one is, txt_word_starts_at sees no start after it */
    static const char *const texts[] = { "\xce\xb5\xce\xbd", "\xc3\xa9t", "\xc3\xa9\xc3\xa9" };
    for (size_t i = 0; i < 3; i++)
        CHECK_INT(txt_word_starts_at(texts[i], strlen(texts[i]), 2), 0);
    CHECK_INT(txt_word_starts_at("\xc2\xa0t", 3, 2), 1);
}

int main(void)
{
    test_goes_on();
    test_words();
    test_numbers();
    test_bigrams();
    test_whole();
    test_elisions();
    return check_exit();
}
