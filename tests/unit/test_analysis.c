/*
 * test_analysis.c — words and offsets, folding, the analyzer, language
 * guessing, and a randomized robustness run.
 *
 * Every text is copied into a heap block of exactly its length before it
 * is analysed, so that AddressSanitizer catches any read past the end.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "analysis/analysis.h"
#include "analysis/internal.h"
#include "tests/check.h"

/* ---------------------------------------------------------------- helpers */

static char *exact_copy(const char *s, size_t len)
{
    char *p = malloc(len ? len : 1);
    if (!p) {
        perror("malloc");
        exit(2);
    }
    memcpy(p, s, len);
    return p;
}

#define MAXW 64

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

/* The term of s (a static buffer: one at a time). */
static const char *fold(const char *s)
{
    static char out[512];
    buf b = BUF_INIT;
    size_t len = strlen(s);
    char *t = exact_copy(s, len);
    if (txt_fold(t, len, &b) < 0)
        strcpy(out, "(nomem)");
    else
        snprintf(out, sizeof out, "%s", b.data);
    free(t);
    buf_free(&b);
    return out;
}

static const char *casefold(const char *s)
{
    static char out[512];
    buf b = BUF_INIT;
    size_t len = strlen(s);
    char *t = exact_copy(s, len);
    if (txt_casefold(t, len, &b) < 0)
        strcpy(out, "(nomem)");
    else
        snprintf(out, sizeof out, "%s", b.data);
    free(t);
    buf_free(&b);
    return out;
}

static int valid_utf8(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        utf8proc_int32_t c;
        utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                              (utf8proc_ssize_t)(len - i), &c);
        if (n <= 0 || c < 0)
            return 0;
        i += (size_t)n;
    }
    return 1;
}

static int has_non_ascii(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s & 0x80)
            return 1;
    return 0;
}

/* Tokens collected by txt_analyze. */
typedef struct tok {
    txt_span span;
    uint32_t pos;
    char term[256];
    char stem[256];
    int has_stem;
} tok;

typedef struct toks {
    size_t n;
    tok t[MAXW];
    int stop_after;                     /* > 0: return 7 after so many */
} toks;

static int collect(void *ctx, const txt_token *k)
{
    toks *r = ctx;
    if (r->n < MAXW) {
        tok *t = &r->t[r->n];
        t->span = k->span;
        t->pos = k->pos;
        CHECK_INT(strlen(k->term), k->term_len);
        snprintf(t->term, sizeof t->term, "%s", k->term);
        t->has_stem = k->stem != NULL;
        if (k->stem) {
            CHECK_INT(strlen(k->stem), k->stem_len);
            snprintf(t->stem, sizeof t->stem, "%s", k->stem);
        } else {
            t->stem[0] = '\0';
        }
    }
    r->n++;
    if (r->stop_after > 0 && r->n >= (size_t)r->stop_after)
        return 7;
    return 0;
}

static toks analyze(txt_analyzer *a, const char *s, int *rc)
{
    toks r = { 0 };
    size_t len = strlen(s);
    char *t = exact_copy(s, len);
    int x = txt_analyze(a, t, len, collect, &r, NULL);
    if (rc)
        *rc = x;
    free(t);
    return r;
}

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

    /* Ideographs are one word each; kana keeps its voicing mark. */
    w = split("東京都");
    CHECK_INT(w.n, 3);
    CHECK_SPAN(w, 0, 0, 3);
    CHECK_SPAN(w, 1, 3, 6);
    CHECK_SPAN(w, 2, 6, 9);

    w = split("東京abc");
    CHECK_INT(w.n, 3);
    CHECK_SPAN(w, 2, 6, 9);

    w = split("\u304B\u3099");                  /* か + combining dakuten */
    CHECK_INT(w.n, 1);
    CHECK_SPAN(w, 0, 0, 6);

    w = split("ไทย");                            /* Thai: letter by letter */
    CHECK_INT(w.n, 3);

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

/* ---------------------------------------------------------------- folding */

static void test_fold(void)
{
    static const char *const table[][2] = {
        { "Mattinò", "mattino" },
        { "MATTINO", "mattino" },
        { "Île", "ile" },
        { "Straße", "strasse" },
        { "STRASSE", "strasse" },
        { "Έξυπνη", "εξυπνη" },
        { "ΕΞΥΠΝΗ", "εξυπνη" },
        { "Łódź", "lodz" },
        { "København", "kobenhavn" },
        { "Æble", "aeble" },
        { "œuvre", "oeuvre" },
        { "ŒUVRE", "oeuvre" },
        { "Đakovo", "dakovo" },
        { "Þór", "thor" },
        { "Ðóra", "dora" },
        { "İstanbul", "istanbul" },
        { "ıslak", "islak" },
        { "Ħamrun", "hamrun" },
        { "paraŀlel", "parallel" },
        { "col·lecció", "colleccio" },
        { "a·b", "a·b" },
        { "PARAĿLEL", "parallel" },
        { "ǿ", "o" },
        { "\uFB01nance", "finance" },              /* ﬁ ligature */
        { "\uFF25\uFF35", "eu" },                   /* full-width ＥＵ */
        { "ΣΟΦΟΣ", "σοφοσ" },
        { "σοφός", "σοφοσ" },
        { "Ἀθῆναι", "αθηναι" },
        { "Москва", "москва" },
        { "Йошкар", "иошкар" },
        { "e\u0301te\u0301", "ete" },               /* decomposed accents */
        { "Wert\u00ADschöpfung", "wertschopfung" }, /* soft hyphen dropped */
        { "09C14", "09c14" },
        { "²", "2" },
        { "", "" },
    };
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        const char *got = fold(table[i][0]);
        if (strcmp(got, table[i][1]) != 0)
            fprintf(stderr, "  fold(\"%s\")\n", table[i][0]);
        CHECK_STR(got, table[i][1]);
    }

    /* й folds the same however it is written. */
    char a[64], b[64];
    snprintf(a, sizeof a, "%s", fold("й"));
    snprintf(b, sizeof b, "%s", fold("и\u0306"));
    CHECK_STR(a, b);

    /* Every character: folding is idempotent, and folding the case-folded
     * form gives the term (the stem path relies on it). */
    {
        int idem = 0, via = 0;
        buf x = BUF_INIT, y = BUF_INIT, z = BUF_INIT;
        for (int32_t c = 0x80; c < 0x30000; c++) {
            utf8proc_uint8_t s[8];
            if (!utf8proc_codepoint_valid(c))
                continue;
            size_t n = (size_t)utf8proc_encode_char(c, s);
            buf_clear(&x);
            buf_clear(&y);
            buf_clear(&z);
            if (txt_fold((char *)s, n, &x) < 0 ||
                txt_fold(x.data, x.len, &y) < 0 ||
                strcmp(x.data, y.data) != 0) {
                if (idem++ < 3)
                    fprintf(stderr, "  fold not idempotent: U+%04X\n",
                            (unsigned)c);
            }
            buf_clear(&y);
            if (txt_casefold((char *)s, n, &y) < 0 ||
                txt_fold(y.data, y.len, &z) < 0 ||
                strcmp(x.data, z.data) != 0) {
                if (via++ < 3)
                    fprintf(stderr, "  fold(casefold) != fold: U+%04X\n",
                            (unsigned)c);
            }
        }
        CHECK_INT(idem, 0);
        CHECK_INT(via, 0);
        buf_free(&x);
        buf_free(&y);
        buf_free(&z);
    }

    /* Marks that are part of a letter stay; Hangul stays composed. */
    CHECK_STR(fold("\u304C"), "\u304C");                /* が stays が */
    CHECK_STR(fold("\u304B\u3099"), "\u304C");          /* and composes */
    CHECK_STR(fold("한국어"), "한국어");
    CHECK_STR(fold("हिन्दी"), "हिन्दी");
    CHECK_STR(fold("ภาษาไทย"), "ภาษาไทย");

    /* Invalid bytes are dropped from a term. */
    CHECK_STR(fold("ab\xff" "cd"), "abcd");
    CHECK_STR(fold("\xc3"), "");

    /* Appends. */
    {
        buf o = BUF_INIT;
        CHECK_INT(buf_puts(&o, "x:"), 0);
        CHECK_INT(txt_fold("Île", strlen("Île"), &o), 0);
        CHECK_INT(txt_fold("AB", 2, &o), 0);
        CHECK_STR(o.data, "x:ileab");
        CHECK_INT(o.len, 7);
        buf_free(&o);
    }

    /* A long word that decomposes past the stack array. */
    {
        buf in = BUF_INIT, o = BUF_INIT;
        for (int i = 0; i < 300; i++)
            CHECK_INT(buf_puts(&in, "\u00C9"), 0);
        CHECK_INT(txt_fold(in.data, in.len, &o), 0);
        CHECK_INT(o.len, 300);
        CHECK(o.len == 300 && strspn(o.data, "e") == 300);
        buf_free(&in);
        buf_free(&o);
    }

    /* Case folding keeps accents and composes (NFKC). */
    CHECK_STR(casefold("Mattinò"), "mattinò");
    CHECK_STR(casefold("Straße"), "strasse");
    CHECK_STR(casefold("CHAÎNES"), "chaînes");
    CHECK_STR(casefold("e\u0301te\u0301"), "\u00e9t\u00e9");
    CHECK_STR(casefold("\uFB01nance"), "finance");
    CHECK_STR(casefold("ΣΟΦΟΣ"), "σοφοσ");
    CHECK_STR(casefold("Έξυπνη"), "έξυπνη");
    CHECK_STR(casefold("WERTSCHÖPFUNG"), "wertschöpfung");
    CHECK_STR(casefold("ABC"), "abc");
    /* Marks in either order: canonical order, then composed (ậ). */
    CHECK_STR(casefold("a\u0302\u0323"), "\u1EAD");
    CHECK_STR(casefold("a\u0323\u0302"), "\u1EAD");
}

/* --------------------------------------------------------------- analyzer */

static int same_stems_q(txt_analyzer *a, const char *x, const char *y,
                        int quiet)
{
    toks p = analyze(a, x, NULL), q = analyze(a, y, NULL);
    if (p.n != q.n || p.n == 0)
        return 0;
    for (size_t i = 0; i < p.n; i++)
        if (!p.t[i].has_stem || strcmp(p.t[i].stem, q.t[i].stem) != 0) {
            if (!quiet)
                fprintf(stderr, "  stem \"%s\" vs \"%s\"\n", p.t[i].stem,
                    q.t[i].stem);
            return 0;
        }
    return 1;
}

#define same_stems(a, x, y) same_stems_q(a, x, y, 0)

static void test_analyzer(void)
{
    txt_analyzer *en = txt_analyzer_new("en");
    CHECK(en != NULL);
    CHECK(txt_analyzer_stems(en));
    CHECK(same_stems(en, "coal regions", "coal region"));
    CHECK(same_stems(en, "Value Chains", "value chain"));
    CHECK(!same_stems_q(en, "coal regions", "coal religion", 1));

    toks r = analyze(en, "Île-de-France", NULL);
    CHECK_INT(r.n, 3);
    if (r.n == 3) {
        CHECK_INT(r.t[0].pos, 0);
        CHECK_INT(r.t[1].pos, 1);
        CHECK_INT(r.t[2].pos, 2);
        CHECK_STR(r.t[0].term, "ile");
        CHECK_STR(r.t[1].term, "de");
        CHECK_STR(r.t[2].term, "france");
        CHECK_INT(r.t[2].span.start, 8);
        CHECK_INT(r.t[2].span.end, 14);
    }

    /* An overlong word takes a position but gives no token. */
    {
        char s[256];
        memset(s, 0, sizeof s);
        strcpy(s, "a ");
        memset(s + 2, 'x', 200);
        strcpy(s + 202, " c");
        r = analyze(en, s, NULL);
        CHECK_INT(r.n, 2);
        if (r.n == 2) {
            CHECK_STR(r.t[0].term, "a");
            CHECK_INT(r.t[0].pos, 0);
            CHECK_STR(r.t[1].term, "c");
            CHECK_INT(r.t[1].pos, 2);
            CHECK_INT(r.t[1].span.start, 203);
        }
        /* TXT_MAX_TERM bytes exactly is still a term. */
        memset(s, 'y', TXT_MAX_TERM);
        s[TXT_MAX_TERM] = '\0';
        r = analyze(en, s, NULL);
        CHECK_INT(r.n, 1);
        s[TXT_MAX_TERM] = 'y';
        s[TXT_MAX_TERM + 1] = '\0';
        r = analyze(en, s, NULL);
        CHECK_INT(r.n, 0);
    }

    /* The callback's value stops the analysis and is returned. */
    {
        toks s = { .stop_after = 2 };
        const char *text = "one two three four";
        int rc = txt_analyze(en, text, strlen(text), collect, &s, NULL);
        CHECK_INT(rc, 7);
        CHECK_INT(s.n, 2);
    }

    /* Invalid bytes are reported. */
    {
        toks s = { 0 };
        size_t bad = 99;
        const char *text = "ab\xff\xfe" "cd \xc3";
        CHECK_INT(txt_analyze(en, text, strlen(text), collect, &s, &bad), 0);
        CHECK_INT(bad, 3);
        CHECK_INT(s.n, 2);
    }

    /* A word of only ignorable characters has a position but no term. */
    r = analyze(en, "a \u3164 b", NULL);       /* Hangul filler */
    CHECK_INT(r.n, 2);
    if (r.n == 2)
        CHECK_INT(r.t[1].pos, 2);

    txt_analyzer *fr = txt_analyzer_new("fr");
    CHECK(txt_analyzer_stems(fr));
    CHECK(same_stems(fr, "chaînes", "chaîne"));
    CHECK(same_stems(fr, "Régions", "région"));
    r = analyze(fr, "chaînes", NULL);
    CHECK_INT(r.n, 1);
    if (r.n == 1) {
        CHECK_STR(r.t[0].term, "chaines");
        CHECK(r.t[0].has_stem);
        CHECK(!has_non_ascii(r.t[0].stem));
        CHECK(strncmp(r.t[0].stem, "chain", 5) == 0);

        /* txt_stem_word gives the same stem from the case-folded word. */
        buf o = BUF_INIT;
        CHECK_INT(txt_stem_word(fr, "chaînes", strlen("chaînes"), &o), 0);
        CHECK_STR(o.data, r.t[0].stem);
        buf_free(&o);
    }

    txt_analyzer *de = txt_analyzer_new("de");
    CHECK(same_stems(de, "Wertschöpfungsketten", "Wertschöpfungskette"));
    r = analyze(de, "Wertschöpfungsketten", NULL);
    CHECK(r.n == 1 && !has_non_ascii(r.t[0].stem));

    /* The stem cache gives what a fresh stemmer gives, whatever the order
     * and however often a word comes back: enough words that slots of the
     * cache are shared. */
    {
        static const char *const roots[] = {
            "région", "chaîn", "valeur", "économi", "développ", "vill",
            "transit", "énergi", "europé", "politiqu", "cohés", "fond",
            "entrepris", "innov", "numériqu", "agricol", "rural", "urbain",
            "territor", "coopér", "financ", "invest", "emploi", "format",
        };
        static const char *const ends[] = {
            "", "e", "es", "s", "ement", "ements", "ation", "ations",
            "ique", "iques", "eur", "eurs", "able", "ables", "ité",
        };
        size_t nr = sizeof roots / sizeof roots[0];
        size_t ne = sizeof ends / sizeof ends[0];
        txt_analyzer *shared = txt_analyzer_new("fr");
        int disagree = 0;
        for (int round = 0; round < 3; round++)
            for (size_t i = 0; i < nr * ne; i++) {
                size_t j = (i * 7 + (size_t)round * 11) % (nr * ne);
                char word[64];
                snprintf(word, sizeof word, "%s%s", roots[j / ne],
                         ends[j % ne]);
                txt_analyzer *fresh = txt_analyzer_new("fr");
                toks p = analyze(shared, word, NULL);
                toks q = analyze(fresh, word, NULL);
                if (p.n != 1 || q.n != 1 ||
                    strcmp(p.t[0].stem, q.t[0].stem) != 0) {
                    if (disagree++ < 3)
                        fprintf(stderr, "  cached stem of %s\n", word);
                }
                txt_analyzer_free(fresh);
            }
        CHECK_INT(disagree, 0);
        txt_analyzer_free(shared);
    }

    /* No stemmer: Greek (none in the engine), none asked, unknown. */
    static const char *const nostem[] = { "el", NULL, "", "xx" };
    for (size_t i = 0; i < 4; i++) {
        txt_analyzer *a = txt_analyzer_new(nostem[i]);
        CHECK(a != NULL);
        CHECK_INT(txt_analyzer_stems(a), 0);
        r = analyze(a, "Έξυπνη εξειδίκευση", NULL);
        CHECK_INT(r.n, 2);
        if (r.n == 2) {
            CHECK(!r.t[0].has_stem);
            CHECK(!r.t[1].has_stem);
            CHECK_STR(r.t[0].term, "εξυπνη");
        }
        buf o = BUF_INIT;
        CHECK_INT(txt_stem_word(a, "έξυπνη", strlen("έξυπνη"), &o), 0);
        CHECK_STR(o.data, "εξυπνη");
        buf_free(&o);
        txt_analyzer_free(a);
    }

    txt_analyzer_free(NULL);
    txt_analyzer_free(en);
    txt_analyzer_free(fr);
    txt_analyzer_free(de);
}

/* --------------------------------------------------------------- language */

static const char *detect(const char *s)
{
    size_t len = strlen(s);
    char *t = exact_copy(s, len);
    const char *l = txt_detect_lang(t, len);
    free(t);
    return l;
}

static void test_detect(void)
{
    const char *bad = NULL;
    int n = txt_detect_check_tables(&bad);
    if (n)
        fprintf(stderr, "  detector table word not folded: %s\n", bad);
    CHECK_INT(n, 0);

    static const char *const cases[][2] = {
        { "en", "The session presents how regions can build value chains "
                "and what the European Commission is doing to support them." },
        { "en", "Smart specialisation is at the heart of the new cohesion "
                "policy." },
        { "fr", "La session présente les chaînes de valeur et le rôle des "
                "régions dans la transition énergétique." },
        { "fr", "Résumé de la session : les villes sont au cœur de la "
                "politique de cohésion." },
        { "de", "Die Regionen spielen eine wichtige Rolle bei der "
                "Umsetzung der Strategie und sind auf die Unterstützung "
                "der Kommission angewiesen." },
        { "de", "Zusammenfassung: Wie kann die Wertschöpfungskette in "
                "den Regionen gestärkt werden?" },
        { "it", "La sessione presenta il ruolo delle regioni nella "
                "politica di coesione e gli strumenti per le città." },
        { "it", "Sintesi della sessione: le regioni sono al centro della "
                "strategia europea per la crescita." },
        { "es", "Los participantes debatieron sobre el papel de las "
                "regiones en la economía circular y los fondos europeos." },
        { "es", "La sesión presenta las cadenas de valor y el apoyo a las "
                "pequeñas empresas de la región." },
        { "pl", "Sesja przedstawia rolę regionów w polityce spójności oraz "
                "wsparcie dla małych i średnich przedsiębiorstw." },
        { "pl", "Region jest przykładem, jak można łączyć innowacje z "
                "tradycją przez współpracę z uczelniami." },
        { "nl", "De sessie laat zien hoe de regio's met steun van de "
                "Europese Unie een sterke economie kunnen opbouwen." },
        { "nl", "Het is belangrijk dat de steden ook worden betrokken bij "
                "het beleid voor de toekomst." },
        { "el", "Η συνεδρία παρουσιάζει τον ρόλο των περιφερειών στην "
                "πολιτική συνοχής και στην έξυπνη εξειδίκευση." },
        { "el", "Περίληψη της συνεδρίας για τις πόλεις και τους πολίτες." },
        { "pt", "A sessão apresenta o papel das regiões na política de "
                "coesão e os desafios para as cidades do futuro." },
        { "pt", "É importante que as cidades também participem na transição "
                "verde, mas não é fácil." },
        { "da", "Regionerne spiller en vigtig rolle i samhørighedspolitikken, "
                "og de har brug for støtte fra Kommissionen." },
        { "sv", "Det är viktigt att städerna också deltar i arbetet för den "
                "gröna omställningen." },
        { "fi", "On tärkeää, että myös kaupungit ovat mukana vihreässä "
                "siirtymässä, mutta se ei ole helppoa." },
        { "cs", "Regiony hrají důležitou roli v politice soudržnosti a "
                "potřebují podporu Komise, která je pro ně klíčová." },
        { "hu", "A régiók fontos szerepet játszanak a kohéziós politikában, "
                "és a Bizottság támogatására van szükségük." },
        { "ro", "Regiunile joacă un rol important în politica de coeziune și "
                "au nevoie de sprijinul Comisiei." },
        { "ro", "Este important ca orașele să participe la tranziția verde, "
                "dar nu este ușor." },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *got = detect(cases[i][1]);
        if (!got || strcmp(got, cases[i][0]) != 0)
            fprintf(stderr, "  detect(\"%.40s...\")\n", cases[i][1]);
        CHECK_STR(got, cases[i][0]);
    }

    CHECK_STR(detect(""), NULL);
    CHECK_STR(detect("2018"), NULL);
    CHECK_STR(detect("09C14 - 07/10/2009 14:30-17:00"), NULL);
    CHECK_STR(detect("Brussels"), NULL);
    CHECK_STR(detect("de la"), NULL);           /* too little to tell */
    CHECK_STR(detect("the Commission"), NULL);  /* one hit is not enough */
    CHECK_STR(detect("und Brüssel"), NULL);
    /* Greek by its script, with no function word. */
    CHECK_STR(detect("Περιφερειακή ανάπτυξη, Ελλάδα 2018"), "el");
    CHECK_STR(detect("\xff\xfe\xfd"), NULL);
}

/* ------------------------------------------------------------- robustness */

static uint32_t rng_state = 20181011u;

static uint32_t rnd(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 17;
    rng_state ^= rng_state << 5;
    return rng_state;
}

typedef struct fuzz_ctx {
    const char *text;
    size_t len;
    uint32_t last_pos;
    size_t last_end;
    size_t ntok;
    int bad;
} fuzz_ctx;

static int fuzz_tok(void *ctx, const txt_token *k)
{
    fuzz_ctx *f = ctx;
    const txt_span *s = &k->span;
    int ok = s->start < s->end && s->end <= f->len &&
             ((unsigned char)f->text[s->start] & 0xC0) != 0x80 &&
             valid_utf8(f->text + s->start, s->end - s->start) &&
             s->start >= f->last_end &&
             (f->ntok == 0 || k->pos > f->last_pos) &&
             k->term_len > 0 && strlen(k->term) == k->term_len &&
             valid_utf8(k->term, k->term_len) && k->stem &&
             strlen(k->stem) == k->stem_len &&
             valid_utf8(k->stem, k->stem_len);
    if (ok) {
        /* Folding a term again changes nothing. */
        buf b = BUF_INIT;
        ok = txt_fold(k->term, k->term_len, &b) == 0 &&
             b.len == k->term_len && memcmp(b.data, k->term, b.len) == 0;
        buf_free(&b);
    }
    if (!ok && f->bad < 5) {
        fprintf(stderr, "  fuzz: bad token [%zu,%zu) pos %u term \"%s\"\n",
                s->start, s->end, (unsigned)k->pos, k->term);
    }
    f->bad += !ok;
    f->last_pos = k->pos;
    f->last_end = s->end;
    f->ntok++;
    return 0;
}

static void test_random(void)
{
    /* Pieces mixed with random bytes, so that the words are not all
     * broken by invalid bytes. */
    static const char *const pieces[] = {
        "a", "Z", "7", " ", "-", "'", "\u2019", "\u00e9", "\u00df",
        "\u0301", "\u00AD", "\u200B", "\u6771", "\u304B", "\u3099",
        "\U0001F600", "\uFE0F", "\u03A3", "\u0130", "\uFB01", "\uFDFA",
        "\u0E44", "\u0E34", "\uD55C", "\u00C6", "\u0140", "\u02BC",
        "\u0915", "\u093F", "",
    };
    size_t npieces = sizeof pieces / sizeof pieces[0];
    txt_analyzer *a = txt_analyzer_new("en");
    int bad = 0, failed_calls = 0;
    size_t tokens = 0, invalid_total = 0;

    for (int iter = 0; iter < 2000; iter++) {
        char tmp[64];
        size_t len = rnd() % 65, n = 0;
        while (n < len) {
            if (rnd() % 2) {
                tmp[n++] = (char)(rnd() & 0xFF);
            } else {
                const char *p = pieces[rnd() % npieces];
                size_t pl = *p ? strlen(p) : 1;
                if (n + pl > len)
                    break;
                memcpy(tmp + n, p, pl);
                n += pl;
            }
        }
        len = n;
        char *t = exact_copy(tmp, len);
        fuzz_ctx f = { .text = t, .len = len };
        size_t inv = 0;
        if (txt_analyze(a, t, len, fuzz_tok, &f, &inv) != 0)
            failed_calls++;
        bad += f.bad;
        tokens += f.ntok;
        invalid_total += inv;
        CHECK(inv <= len);

        /* The words alone: the same checks on every span. */
        size_t cur = 0, prev = 0;
        txt_span w;
        while (txt_next_word(t, len, &cur, &w, NULL)) {
            if (!(w.start < w.end && w.end <= len && w.start >= prev &&
                  valid_utf8(t + w.start, w.end - w.start)))
                bad++;
            prev = w.end;
        }
        (void)txt_detect_lang(t, len);
        free(t);
    }
    CHECK_INT(bad, 0);
    CHECK_INT(failed_calls, 0);
    CHECK(tokens > 1000);             /* the run did exercise the analyzer */
    CHECK(invalid_total > 1000);
    txt_analyzer_free(a);
}

int main(void)
{
    test_words();
    test_fold();
    test_analyzer();
    test_detect();
    test_random();
    return check_exit();
}
