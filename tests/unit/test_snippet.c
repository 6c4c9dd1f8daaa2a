/*
 * test_snippet.c — highlights and fragments: hard cases by hand, then a
 * property check over generated texts and queries.
 */
#include <stdlib.h>

#include <utf8proc.h>

#include "query/snippet.h"
#include "tests/check.h"

static match_langs langs;

typedef struct run {
    qnode *tree;
    matcher m;
    eng_query *q;
    snip_fragment *frags;
    size_t n;
} run;

/* Snippets of one field of English text for query. */
static run snip_in(const char *lang, const char *query, const char *text, unsigned max,
                   unsigned chars, int whole)
{
    run r = { 0 };
    char err[200];
    r.tree = query_parse(query, err, sizeof err);
    CHECK(r.tree != NULL);
    if (!r.tree)
        return r;
    r.q = matcher_build(r.tree, &langs, NULL, NULL, &r.m);
    CHECK(r.q != NULL);
    snip_field f = { F_SUMMARY, "summary", text, strlen(text), NULL, -1, NULL, 0 };
    snip_request rq = { &r.m, match_langs_analyzer(&langs, lang), match_langs_find(&langs, lang),
                        max, chars, whole, 0 };
    CHECK_INT(snippet_make(&rq, &f, 1, &r.frags, &r.n), 0);
    return r;
}

static run snip(const char *query, const char *text, unsigned max, unsigned chars, int whole)
{
    return snip_in("en", query, text, max, chars, whole);
}

static void done(run *r)
{
    snippet_free(r->frags, r->n);
    eng_query_free(r->q);
    matcher_free(&r->m);
    qnode_free(r->tree);
}

/* All marked texts of the first fragment, joined by '|'. */
static char *marks(const run *r)
{
    buf b = BUF_INIT;
    buf_puts(&b, "");
    for (size_t f = 0; f < r->n; f++)
        for (size_t i = 0; i < r->frags[f].n_spans; i++) {
            size_t s = r->frags[f].spans[2 * i], e = r->frags[f].spans[2 * i + 1];
            if (b.len)
                buf_putc(&b, '|');
            buf_append(&b, r->frags[f].text + s, e - s);
        }
    return buf_detach(&b);
}

static void marks_in(const char *lang, const char *query, const char *text, const char *want)
{
    run r = snip_in(lang, query, text, 3, 160, 0);
    char *got = marks(&r);
    if (strcmp(got, want) != 0)
        fprintf(stderr, "query <%s> on <%s>\n", query, text);
    CHECK_STR(got, want);
    free(got);
    done(&r);
}

static void marks_are(const char *query, const char *text, const char *want)
{
    marks_in("en", query, text, want);
}

static void test_hard_cases(void)
{
    marks_are("value chains", "The value chains of SMEs.", "value chains");
    marks_are("\"value chains\"", "The value chains of SMEs.", "value chains");
    marks_are("\"chains value\"", "The value chains of SMEs.", "");
    /* a phrase is marked only where it stands, not word by word */
    marks_are("\"value chains\"", "value added; chains of value chains", "value chains");
    marks_are("chain", "Global value chains.", "chains");                 /* stem */
    marks_are("regio*", "Regional policy, regions, a region.", "Regional|regions|region");
    marks_are("chai* value", "value chains", "value chains");            /* a wildcard */
    marks_are("Mattino", "Giacomo Mattinò (DG GROW) said", "Mattinò");   /* accent at the end */
    marks_are("mattinò", "MATTINO spoke", "MATTINO");
    marks_are("ile de france", "Team \"Île de France Export\"", "Île de France");
    marks_are("ile de france", "la Région Île-de-France, qui", "Île-de-France");
    marks_are("internationalisation", "l’internationalisation des PME", "internationalisation");
    marks_are("internationalisation", "l'internationalisation des PME", "internationalisation");
    marks_are("kobenhavn", "From København, Denmark", "København");
    marks_are("strasse", "Feldkircher Straße 4", "Straße");
    marks_are("value", "value at the start", "value");
    marks_are("end", "at the very end", "end");
    marks_are("chains", "<b>value</b> & chains", "chains");
    marks_are("smes -tourism", "SMEs and tourism", "SMEs");              /* excluded: unmarked */
    marks_are("title:smes", "SMEs in the summary", "");                   /* another field */
    marks_are("the value", "the value of the region", "the value");
    marks_are("ile de france", "de la région", "");                       /* function word alone */
    /* NEAR marks only the pairs that are near */
    marks_are("chains NEAR/2 value", "chains far away from here. value chains",
              "value chains");
    marks_are("chains NEAR/2 value", "chains, not value: five words between them chains",
              "chains|value");    /* the last "chains" is too far */
    /* accents at the ends of words, umlauts with stemming, Greek with and
     * without tonos, Cyrillic, CJK, combining marks, emoji, long words */
    marks_are("mattino", "Mattinò.", "Mattinò");
    marks_in("de", "kuche", "Die Küche und die Küchen", "Küche|Küchen");
    marks_in("de", "Küchen", "eine Küche", "Küche");
    marks_are("εξυπνη", "Η Έξυπνη εξειδίκευση", "Έξυπνη");
    marks_are("ΈΞΥΠΝΗ", "η έξυπνη πόλη", "έξυπνη");
    marks_are("москва", "Город Москва и область", "Москва");
    marks_are("区域", "欧洲区域发展基金", "区域");
    marks_are("ete", "un e\xcc\x81te\xcc\x81 chaud", "e\xcc\x81te\xcc\x81");
    marks_are("regions", "😀 regions 😀", "regions");
    marks_are("internationalisation", "Internationalisationsstrategien internationalisation",
              "internationalisation");
    marks_are("a", "<a href=\"x\">a & b</a>", "a|a|a");
    /* a word too long to be a term is passed over, and the match after
     * it is still marked whole */
    char longword[400];
    memset(longword, 'x', 300);
    strcpy(longword + 300, "é regions");
    marks_are("regions", longword, "regions");
}

static void test_fragments(void)
{
    const char *para =
        "Richard Tuffs introduced the workshop and the speakers, highlighting the "
        "opportunities, but also the challenges, that internationalisation can represent "
        "for SMEs. The aim of the workshop was therefore to discuss the framework and "
        "measures that can address those challenges. Much later in the text the value "
        "chains were raised, which is especially crucial for smaller regions; and then the "
        "session closed with thanks to everyone who came along on the day.";
    run r = snip("workshop chains", para, 3, 80, 0);
    CHECK(r.n >= 2);                                   /* matches far apart */
    for (size_t f = 0; f < r.n; f++) {
        const snip_fragment *fr = &r.frags[f];
        CHECK_STR(fr->field, "summary");
        CHECK(fr->n_spans >= 1);
        CHECK(strlen(fr->text) == fr->len);
        /* about the length asked for, never the whole paragraph */
        CHECK(fr->len < 80 + 80 / 2 + 10);
        for (size_t i = 0; i < fr->n_spans; i++) {
            size_t s = fr->spans[2 * i], e = fr->spans[2 * i + 1];
            CHECK(s < e && e <= fr->len);
        }
    }
    done(&r);

    /* cut mid-sentence: the ellipsis says so */
    r = snip("chains", para, 1, 40, 0);
    CHECK_INT(r.n, 1);
    if (r.n)
        CHECK(strstr(r.frags[0].text, "\xe2\x80\xa6") != NULL);
    done(&r);

    /* short quote: whole */
    r = snip("chains", "Stronger value chains help.", 1, 160, 1);
    CHECK_INT(r.n, 1);
    if (r.n)
        CHECK_STR(r.frags[0].text, "Stronger value chains help.");
    done(&r);

    /* nothing matches: the start of the text, unmarked */
    r = snip("zzz", para, 3, 60, 0);
    CHECK_INT(r.n, 1);
    if (r.n) {
        CHECK_INT(r.frags[0].n_spans, 0);
        CHECK(strncmp(r.frags[0].text, "Richard Tuffs", 13) == 0);
    }
    done(&r);
}

/* ------------------------------------------------------------ property */

static const char *const words[] = {
    "value", "chains", "chain", "région", "Île", "de", "France", "Mattinò", "Straße",
    "København", "Łódź", "έξυπνη", "ΕΞΥΠΝΗ", "東京", "naïve", "smes", "SMEs", "cluster",
    "clusters", "l’économie", "e\xcc\x81t\xc3\xa9", "x", "the", "coal", "regions",
    "😀", "<&>",    /* no word in these: in texts only, never alone in a query */
};
#define NWORDS (sizeof words / sizeof words[0])
#define NQUERYWORDS (NWORDS - 2)

static int is_word_char(const char *t, size_t len, size_t i)
{
    utf8proc_int32_t c;
    if (utf8proc_iterate((const utf8proc_uint8_t *)t + i, (utf8proc_ssize_t)(len - i), &c) <= 0)
        return 0;
    utf8proc_category_t cat = utf8proc_category(c);
    return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_NO);
}

static void test_property(void)
{
    srand(42);
    buf text = BUF_INIT, query = BUF_INIT, fold = BUF_INIT, cf = BUF_INIT, stem = BUF_INIT;
    txt_analyzer *en = match_langs_analyzer(&langs, "en");
    for (int round = 0; round < 400; round++) {
        buf_clear(&text);
        buf_clear(&query);
        int n = 1 + rand() % 60;
        for (int i = 0; i < n; i++)
            buf_printf(&text, "%s%s", i ? (rand() % 7 ? " " : ". ") : "", words[rand() % NWORDS]);
        int nq = 1 + rand() % 3;
        for (int i = 0; i < nq; i++)
            buf_printf(&query, "%s%s", i ? (rand() % 2 ? " OR " : " ") : "",
                       words[rand() % NQUERYWORDS]);
        run r = snip(query.data, text.data, 3, 20 + (unsigned)(rand() % 100), rand() % 2);
        for (size_t f = 0; f < r.n; f++) {
            const snip_fragment *fr = &r.frags[f];
            /* the fragment is valid UTF-8 */
            CHECK(utf8proc_decompose((const utf8proc_uint8_t *)fr->text, (utf8proc_ssize_t)fr->len,
                                     NULL, 0, 0) >= 0);
            size_t prev_end = 0;
            for (size_t i = 0; i < fr->n_spans; i++) {
                size_t s = fr->spans[2 * i], e = fr->spans[2 * i + 1];
                CHECK(s < e && e <= fr->len && s >= prev_end);
                prev_end = e;
                /* on character boundaries, starting and ending a word */
                CHECK(((unsigned char)fr->text[s] & 0xc0) != 0x80);
                CHECK(e == fr->len || ((unsigned char)fr->text[e] & 0xc0) != 0x80);
                CHECK(is_word_char(fr->text, fr->len, s));
                CHECK(e == fr->len || !is_word_char(fr->text, fr->len, e));
                /* the span's first word is a query word, or one of its forms */
                size_t cursor = s;
                txt_span w;
                CHECK(txt_next_word(fr->text, e, &cursor, &w, NULL) && w.start == s);
                buf_clear(&fold);
                txt_fold(fr->text + w.start, w.end - w.start, &fold);
                buf_clear(&cf);
                buf_clear(&stem);
                txt_casefold(fr->text + w.start, w.end - w.start, &cf);
                txt_stem_word(en, cf.data, cf.len, &stem);
                int ok = 0;
                for (size_t g = 0; g < r.m.n; g++)
                    for (size_t k = 0; k < r.m.groups[g].n; k++) {
                        const match_word *mw = &r.m.groups[g].words[k];
                        ok |= mw->term && strcmp(mw->term, fold.data) == 0;
                        ok |= mw->stem[0] && strcmp(mw->stem[0], stem.data) == 0;
                    }
                CHECK(ok);
            }
        }
        done(&r);
    }
    buf_free(&text);
    buf_free(&query);
    buf_free(&fold);
    buf_free(&cf);
    buf_free(&stem);
}

int main(void)
{
    CHECK_INT(match_langs_init(&langs, "en de"), 0);
    test_hard_cases();
    test_fragments();
    test_property();
    match_langs_free(&langs);
    return check_exit();
}
