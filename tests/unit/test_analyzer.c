/*
 * test_analyzer.c — the analyzer (txt_analyze): terms, stems and positions,
 * overlong words, the callback's stop, the stem cache, ASCII words of
 * every length, a randomized robustness run over its tokens, and the
 * analysis that looks for a few words only (txt_analyze_for).
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

static int in_firsts(const uint64_t *firsts, const char *s)
{
    unsigned char c = (unsigned char)s[0];
    return firsts[c >> 6] >> (c & 63) & 1;
}

/* Against txt_analyze on the same text: every word whose term or stem
 * starts with a wanted byte is passed, at the same place and position,
 * with both, and every word passed is one of the text's; the positions
 * the text takes are those it takes when every word is wanted.  Returns
 * how many words cost no analysis (were not passed). */
static size_t check_for(txt_analyzer *a, const char *text, const uint64_t firsts[4])
{
    static ftoks all, some;
    memset(&all, 0, sizeof all);
    memset(&some, 0, sizeof some);
    size_t len = strlen(text);
    uint64_t every[4] = { ~0ull, ~0ull, ~0ull, ~0ull };
    uint32_t used = 0, used_all = 0;
    CHECK_INT(txt_analyze(a, text, len, fcollect, &all, NULL), 0);
    CHECK_INT(txt_analyze_for(a, text, len, firsts, fcollect, &some, &used), 0);
    static ftoks every_word;
    memset(&every_word, 0, sizeof every_word);
    CHECK_INT(txt_analyze_for(a, text, len, every, fcollect, &every_word, &used_all), 0);
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

static void set_firsts(uint64_t firsts[4], const char *bytes)
{
    memset(firsts, 0, 4 * sizeof *firsts);
    for (const unsigned char *b = (const unsigned char *)bytes; *b; b++)
        firsts[*b >> 6] |= (uint64_t)1 << (*b & 63);
}

static void test_analyze_for(void)
{
    uint64_t firsts[4];
    txt_analyzer *en = txt_analyzer_new("en");
    txt_analyzer *ga = txt_analyzer_new("ga");
    txt_analyzer *plain = txt_analyzer_new(NULL);
    CHECK(en && ga && plain);

    /* "value chains": terms and stems start with v and c; Île, not ASCII,
     * is analysed whatever its first letter */
    set_firsts(firsts, "vc");
    static ftoks got;
    memset(&got, 0, sizeof got);
    const char *text = "Regional value chains in Île-de-France";
    uint32_t used = 0;
    CHECK_INT(txt_analyze_for(en, text, strlen(text), firsts, fcollect, &got, &used), 0);
    /* "Regional", "in", "de" and "France" are only counted */
    CHECK_INT(got.n, 3);
    CHECK_STR(got.term[0], "value");
    CHECK_INT(got.pos[0], 1);
    CHECK_STR(got.stem[1], "chain");
    CHECK_INT(got.pos[1], 2);
    CHECK_STR(got.term[2], "ile");
    CHECK_INT(got.pos[2], 4);
    CHECK_INT(used, 7);
    CHECK_INT(check_for(en, text, firsts), 4);

    /* What the words passed over still count: "1,000" and "3.5" are a
     * word each, an elided article none */
    set_firsts(firsts, "x");
    memset(&got, 0, sizeof got);
    text = "In 1,000 cases (3.5%) l'avis d'experts: xylem, na\xc3\xafve x.org";
    CHECK_INT(txt_analyze_for(en, text, strlen(text), firsts, fcollect, &got, &used), 0);
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
            set_firsts(firsts, "cdeimprst");
            size_t skipped = check_for(a, page, firsts);
            set_firsts(firsts, "abfgv");
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
static int check_near(txt_analyzer *a, const char *text, size_t len, const uint64_t firsts[4],
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
    uint64_t firsts[4];

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
    };
    size_t np = sizeof pieces / sizeof pieces[0];
    static const char *const first_sets[] = { "vc", "c", "l", "e", "x7", "r", "1", "vcle" };
    int bad = 0, runs = 0;
    char text[2048];
    for (int iter = 0; iter < 3000; iter++) {
        size_t n = 0, words = 1 + rnd() % 60;
        for (size_t w = 0; w < words; w++) {
            const char *p = pieces[rnd() % np];
            size_t pl = strlen(p);
            if (n + pl + 1 >= sizeof text)
                break;
            memcpy(text + n, p, pl);
            n += pl;
            if (rnd() % 3)
                text[n++] = ' ';
        }
        set_firsts(firsts, first_sets[rnd() % (sizeof first_sets / sizeof first_sets[0])]);
        uint32_t reach = rnd() % 6;
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
    test_analyzer();
    test_random();
    test_cache();
    test_ascii_lengths();
    test_analyze_for();
    test_analyze_near_for();
    return check_exit();
}
