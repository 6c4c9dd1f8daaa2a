/*
 * test_analysis.c — words and offsets, folding, the analyzer, language
 * guessing, and a randomized robustness run.
 *
 * Every text is copied into a heap block of exactly its length before it
 * is analysed, so that AddressSanitizer catches any read past the end.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "analysis/analysis.h"
#include "analysis/internal.h"
#include "analysis/langid.h"
#include "shim/stem.h"
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
    txt_kind kind;
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
        t->kind = k->kind;
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

/* Damaged copies of the model (cut short, bytes changed) are refused or
 * read without harm (ASan watches); returns the number refused wrongly. */
static int test_damaged_models(void)
{
    extern const unsigned char langid_model_blob[];
    extern const size_t langid_model_blob_size;
    size_t size = langid_model_blob_size;
    unsigned char *copy = malloc(size);
    if (!copy)
        return 1;
    int bad = 0;
    langid_model m;
    memcpy(copy, langid_model_blob, size);
    bad += langid_model_open(&m, copy, size) != 0;         /* whole: read */
    langid_model_close(&m);
    for (size_t cut = 0; cut < size; cut += size / 7 + 1) {
        unsigned char *part = malloc(cut ? cut : 1);       /* exact size for ASan */
        if (!part)
            break;
        memcpy(part, copy, cut);
        bad += langid_model_open(&m, part, cut) == 0;      /* short: refused */
        langid_model_close(&m);
        free(part);
    }
    uint32_t seed = 7;
    for (int round = 0; round < 40; round++) {
        memcpy(copy, langid_model_blob, size);
        for (int k = 0; k < 3; k++) {
            seed = seed * 1103515245u + 12345u;
            /* Mostly in the header and index, where it matters most. */
            size_t at = (round & 1) ? (seed >> 8) % 4096 : (seed >> 8) % size;
            copy[at] ^= (unsigned char)(1u << (seed >> 4 & 7));
        }
        if (langid_model_open(&m, copy, size) == 0) {
            langid_result r;
            const char *t = "Každý má právo na život, slobodu a osobnú bezpečnosť.";
            langid_score(&m, t, strlen(t), &r);
            langid_model_close(&m);
        }
    }
    free(copy);
    return bad;
}

/* Reading stops once the language is clear: a long text is scored on its
 * start only, with the answer the whole text gives; without a margin (or a
 * mask) every character is read. */
static void test_detect_stops_early(void)
{
    const langid_model *m = langid_default_model();
    CHECK(m != NULL);
    if (!m)
        return;
    buf text = BUF_INIT;
    for (int i = 0; i < 40; i++)
        CHECK_INT(buf_puts(&text, "Die Regionen spielen eine wichtige Rolle bei der Umsetzung "
                                  "der Strategie und der Kohäsionspolitik. "), 0);
    uint32_t all = (1u << m->nlangs) - 1;
    langid_result whole, part;
    langid_score(m, text.data, text.len, &whole);
    langid_score_until(m, text.data, text.len, all, 60.0, &part);
    CHECK(part.grams >= LANGID_DECIDE_MIN);
    CHECK(part.grams * 10 < whole.grams);
    CHECK_INT(langid_best(m, &part, all, NULL), langid_best(m, &whole, all, NULL));
    CHECK_STR(m->codes[langid_best(m, &part, all, NULL)], "de");
    langid_score_until(m, text.data, text.len, 0, 60.0, &part);
    CHECK_INT(part.grams, whole.grams);
    langid_score_until(m, text.data, text.len, all, 1e300, &part);
    CHECK_INT(part.grams, whole.grams);
    buf_free(&text);
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
        /* The languages the first detector did not know. */
        { "bg", "Регионите играят важна роля в политиката на сближаване и "
                "се нуждаят от подкрепата на Комисията." },
        { "et", "Piirkonnad mängivad ühtekuuluvuspoliitikas olulist rolli ja "
                "vajavad komisjoni toetust." },
        { "ga", "Tá ról tábhachtach ag na réigiúin sa bheartas "
                "comhtháthaithe agus tá tacaíocht an Choimisiúin ag teastáil "
                "uathu." },
        { "hr", "Regije imaju važnu ulogu u kohezijskoj politici i trebaju "
                "potporu Komisije." },
        { "lt", "Regionai atlieka svarbų vaidmenį sanglaudos politikoje ir "
                "jiems reikia Komisijos paramos." },
        { "lv", "Reģioniem ir svarīga loma kohēzijas politikā, un tiem ir "
                "vajadzīgs Komisijas atbalsts." },
        { "mt", "Ir-reġjuni għandhom rwol importanti fil-politika ta’ "
                "koeżjoni u għandhom bżonn l-appoġġ tal-Kummissjoni." },
        { "sk", "Regióny zohrávajú dôležitú úlohu v politike súdržnosti a "
                "potrebujú podporu Komisie." },
        { "sl", "Regije imajo pomembno vlogo v kohezijski politiki in "
                "potrebujejo podporo Komisije." },
        /* A few words are enough. */
        { "en", "Everyone has the right" },
        { "de", "Zusammenfassung der Sitzung" },
        { "cs", "Regiony hrají důležitou roli" },
        { "sk", "Regióny zohrávajú dôležitú úlohu" },
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
    CHECK_STR(detect("Brüssel"), NULL);         /* German or Estonian */
    /* The first detector, counting function words, wanted two of them; the
     * n-gram model knows "the" and "und" well enough. */
    CHECK_STR(detect("the Commission"), "en");
    CHECK_STR(detect("und Brüssel"), "de");
    /* Greek by its script, with no function word. */
    CHECK_STR(detect("Περιφερειακή ανάπτυξη, Ελλάδα 2018"), "el");
    CHECK_STR(detect("\xff\xfe\xfd"), NULL);
    CHECK_STR(txt_detect_lang(NULL, 0), NULL);

    /* Among some languages only. */
    static const char *const sk_en[] = { "sk", "en", NULL };
    static const char *const cs_only[] = { "cs", NULL };
    static const char *const unknown[] = { "xx", "no", NULL };
    const char *cs = "Regiony hrají důležitou roli v politice soudržnosti.";
    CHECK_STR(txt_detect_lang_among(cs, strlen(cs), NULL), "cs");
    CHECK_STR(txt_detect_lang_among(cs, strlen(cs), sk_en), "sk");
    CHECK_STR(txt_detect_lang_among(cs, strlen(cs), cs_only), "cs");
    CHECK_STR(txt_detect_lang_among(cs, strlen(cs), unknown), NULL);
    CHECK_STR(txt_detect_lang_among("2018 ab", 7, cs_only), NULL); /* still too short */

    /* The model compiled in reads back whole; a damaged one does not. */
    const langid_model *m = langid_default_model();
    CHECK(m != NULL);
    if (m)
        CHECK_INT(m->nlangs, 24);
    CHECK_INT(test_damaged_models(), 0);
}

/* A mixed page, paragraph by paragraph. */
typedef struct para_seen {
    char got[8][48];
    size_t n;
} para_seen;

static int on_para(void *ctx, txt_span p, const char *lang)
{
    para_seen *s = ctx;
    if (s->n < 8)
        snprintf(s->got[s->n], sizeof s->got[0], "%zu-%zu %s", p.start, p.end,
                 lang ? lang : "-");
    s->n++;
    return s->n == 99;      /* a non-zero return stops the walk */
}

static void test_detect_paragraphs(void)
{
    const char *page =
        "Résumé de la session\n"
        "Les régions sont au cœur de la politique de cohésion.\n"
        "\n  \n"
        "  The regions are at the heart of cohesion policy.  \r\n"
        "Brüssel\n"
        "Die Regionen stehen im Mittelpunkt der Kohäsionspolitik.";
    para_seen s = { .n = 0 };
    size_t len = strlen(page);
    CHECK_INT(txt_detect_paragraphs(page, len, NULL, on_para, &s), 0);
    CHECK_INT(s.n, 5);
    CHECK_STR(s.got[0], "0-22 fr");      /* a heading: from what follows */
    CHECK_STR(s.got[1], "23-79 fr");
    CHECK_STR(s.got[2], "86-134 en");
    CHECK_STR(s.got[3], "138-146 de");   /* too short: from what follows */
    CHECK_STR(s.got[4], "147-204 de");
    CHECK_INT(len, 204);

    /* Nothing to tell at all; empty text; fn stops the walk. */
    s.n = 0;
    CHECK_INT(txt_detect_paragraphs("2018\n\nBrussels\n", 15, NULL, on_para, &s), 0);
    CHECK_INT(s.n, 2);
    CHECK_STR(s.got[0], "0-4 -");
    s.n = 0;
    CHECK_INT(txt_detect_paragraphs("", 0, NULL, on_para, &s), 0);
    CHECK_INT(s.n, 0);
    s.n = 98;
    CHECK_INT(txt_detect_paragraphs(page, len, NULL, on_para, &s), 1);
    CHECK_INT(s.n, 99);
}

/* Detection from several threads at once gives what it gives alone. */
#define DETECT_THREADS 4

static const char *const thread_texts[] = {
    "Regióny zohrávajú dôležitú úlohu v politike súdržnosti.",
    "Regiony hrají důležitou roli v politice soudržnosti.",
    "Ir-reġjuni għandhom rwol importanti fil-politika ta’ koeżjoni.",
    "Tá ról tábhachtach ag na réigiúin.",
    "Die Regionen stehen im Mittelpunkt.",
    "de la",
};
#define NTHREAD_TEXTS (sizeof thread_texts / sizeof thread_texts[0])

static void *detect_thread(void *arg)
{
    const char **out = arg;
    for (int round = 0; round < 50; round++)
        for (size_t i = 0; i < NTHREAD_TEXTS; i++) {
            const char *l = txt_detect_lang(thread_texts[i], strlen(thread_texts[i]));
            if (round == 0)
                out[i] = l;
            else if (l != out[i])
                out[i] = "mismatch";
        }
    return NULL;
}

static void test_detect_threads(void)
{
    pthread_t t[DETECT_THREADS];
    const char *got[DETECT_THREADS][NTHREAD_TEXTS];
    for (int i = 0; i < DETECT_THREADS; i++)
        CHECK_INT(pthread_create(&t[i], NULL, detect_thread, got[i]), 0);
    for (int i = 0; i < DETECT_THREADS; i++)
        pthread_join(t[i], NULL);
    for (size_t k = 0; k < NTHREAD_TEXTS; k++) {
        const char *alone = txt_detect_lang(thread_texts[k], strlen(thread_texts[k]));
        for (int i = 0; i < DETECT_THREADS; i++)
            CHECK_STR(got[i][k], alone);
    }
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
    size_t last_start;
    int last_whole, last_elided;
    size_t ntok;
    int bad;
} fuzz_ctx;

/* Spans may overlap (bigrams), but each word starts after the one before;
 * a whole e-mail address or URL comes just before its first word, at the
 * same start and position. */
static int fuzz_tok(void *ctx, const txt_token *k)
{
    fuzz_ctx *f = ctx;
    const txt_span *s = &k->span;
    int whole = k->kind != TXT_WORD;
    int order = f->ntok == 0 ||
                (f->last_whole ? k->pos == f->last_pos && s->start == f->last_start
                                 && !whole
                 : f->last_elided ? k->pos >= f->last_pos && s->start > f->last_start
                                  : k->pos > f->last_pos && s->start > f->last_start);
    int ok = s->start < s->end && s->end <= f->len &&
             ((unsigned char)f->text[s->start] & 0xC0) != 0x80 &&
             valid_utf8(f->text + s->start, s->end - s->start) && order &&
             k->term_len > 0 && strlen(k->term) == k->term_len &&
             valid_utf8(k->term, k->term_len) && (whole ? !k->stem : k->stem != NULL) &&
             (!k->stem || (strlen(k->stem) == k->stem_len &&
                           valid_utf8(k->stem, k->stem_len)));
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
    f->last_start = s->start;
    f->last_whole = whole;
    f->last_elided = !whole && txt_is_elision(f->text, f->len, *s);
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
        size_t cur = 0, prev = 0, nw = 0;
        txt_span w;
        while (txt_next_word(t, len, &cur, &w, NULL)) {
            if (!(w.start < w.end && w.end <= len && (nw == 0 || w.start > prev) &&
                  cur > w.start && cur <= w.end &&
                  valid_utf8(t + w.start, w.end - w.start)))
                bad++;
            prev = w.start;
            nw++;
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

/* The cache gives what the stemmer and the folding give, also once it has
 * grown to its largest and entries are overwritten: many more words than
 * it holds, in several rounds, ASCII and not. */
static void test_cache(void)
{
    txt_analyzer *a = txt_analyzer_new("en");
    eng_stemmer *st = NULL;
    CHECK_INT(eng_stemmer_new("en", &st), ENG_OK);
    buf term = BUF_INIT, cf = BUF_INIT, stem = BUF_INIT, text = BUF_INIT;
    static const char *const parts[] = {
        "Region", "al", "ise", "ation", "s", "ing", "é", "ß", "ed", "ly", "ÆR", "ness",
        "x", "ΣΟΦ", "ful", "connect", "ION",
    };
    size_t np = sizeof parts / sizeof parts[0];
    int bad = 0;
    for (int round = 0; round < 3; round++) {
        buf_clear(&text);
        for (unsigned i = 0; i < 30000; i++) {
            unsigned k = (i * 2654435761u) % 30000;
            buf_printf(&text, "%s%s%s%u ", parts[k % np], parts[(k / np) % np],
                       parts[(k / np / np) % np], k / 1000);
        }
        size_t cursor = 0;
        txt_span w;
        toks r;
        while (txt_next_word(text.data, text.len, &cursor, &w, NULL)) {
            const char *word = text.data + w.start;
            size_t len = w.end - w.start;
            r.n = 0;
            r.stop_after = 0;
            if (txt_analyze(a, word, len, collect, &r, NULL) != 0 || r.n != 1) {
                bad++;
                continue;
            }
            buf_clear(&term);
            buf_clear(&cf);
            buf_clear(&stem);
            const char *s;
            size_t sl;
            if (txt_fold(word, len, &term) < 0 || txt_casefold(word, len, &cf) < 0 ||
                eng_stem(st, cf.data, cf.len, &s, &sl) != ENG_OK ||
                txt_fold(s, sl, &stem) < 0) {
                bad++;
                continue;
            }
            if (strcmp(r.t[0].term, term.data) != 0 || strcmp(r.t[0].stem, stem.data) != 0) {
                if (bad++ < 3)
                    fprintf(stderr, "  cache: %.*s gives %s/%s, want %s/%s\n", (int)len,
                            word, r.t[0].term, r.t[0].stem, term.data, stem.data);
            }
            /* and txt_stem_word of the case-folded word agrees */
            buf o = BUF_INIT;
            if (txt_stem_word(a, cf.data, cf.len, &o) < 0 || strcmp(o.data ? o.data : "",
                                                                   stem.data) != 0)
                bad++;
            buf_free(&o);
        }
    }
    CHECK_INT(bad, 0);
    txt_analyzer_stats stats;
    txt_analyzer_get_stats(a, &stats);
    CHECK(stats.slots >= 8192);                 /* it grew */
    CHECK(stats.hits > 0 && stats.hits < stats.lookups);
    eng_stemmer_free(st);
    buf_free(&term);
    buf_free(&cf);
    buf_free(&stem);
    buf_free(&text);
    txt_analyzer_free(a);
}

/* ASCII words of every length, ending at the very end of the buffer (the
 * analyzer reads eight bytes at a time where it may), in mixed case. */
static void test_ascii_lengths(void)
{
    txt_analyzer *a = txt_analyzer_new("en"), *plain = txt_analyzer_new(NULL);
    char word[80], want[80];
    for (size_t n = 1; n <= TXT_MAX_TERM; n++) {
        for (size_t i = 0; i < n; i++) {
            word[i] = (char)((i % 3 == 0 ? 'A' : 'a') + (char)((n + i) % 26));
            want[i] = (char)('a' + (char)((n + i) % 26));
        }
        word[n] = want[n] = '\0';
        toks r = analyze(a, word, NULL), p = analyze(plain, word, NULL);
        CHECK(r.n == 1 && strcmp(r.t[0].term, want) == 0);
        CHECK(p.n == 1 && strcmp(p.t[0].term, want) == 0);
        /* and again, now from the cache */
        r = analyze(a, word, NULL);
        CHECK(r.n == 1 && strcmp(r.t[0].term, want) == 0);
    }
    /* Only A to Z change: the neighbours of the letters stay. */
    CHECK_STR(fold("@AZ[`az{09/:"), "@az[`az{09/:");
    CHECK_STR(fold("HTTPS://EC.EUROPA.EU/X_Y"), "https://ec.europa.eu/x_y");
    txt_analyzer_free(a);
    txt_analyzer_free(plain);
}

int main(void)
{
    test_words();
    test_fold();
    test_analyzer();
    test_detect();
    test_detect_stops_early();
    test_detect_paragraphs();
    test_detect_threads();
    test_random();
    test_numbers();
    test_bigrams();
    test_whole();
    test_elisions();
    test_cache();
    test_ascii_lengths();
    return check_exit();
}
