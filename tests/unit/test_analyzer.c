/*
 * test_analyzer.c — the analyzer (txt_analyze): terms, stems and positions,
 * overlong words, the callback's stop, the stem cache, ASCII words of
 * every length, and a randomized robustness run over its tokens (the
 * analyses that look for a few words only: test_analyze_for.c).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "analysis/analysis.h"
#include "shim/stem.h"
#include "tests/check.h"
#include "tests/testdata.h"
#include "tests/unit/analysis_helpers.h"

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

/* ------------------------------------------------------------- robustness */

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
        size_t len = test_rnd() % 65, n = 0;
        while (n < len) {
            if (test_rnd() % 2) {
                tmp[n++] = (char)(test_rnd() & 0xFF);
            } else {
                const char *p = pieces[test_rnd() % npieces];
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

/* -------------------------------------------------- cache and ASCII words */

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
    test_analyzer();
    test_random();
    test_cache();
    test_ascii_lengths();
    return check_exit();
}
