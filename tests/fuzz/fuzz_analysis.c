/*
 * fuzz_analysis.c — libFuzzer target for the analysis pipeline: the first
 * byte chooses the analyzer's language, the rest is the text.  Every token
 * is checked (spans inside the text, positions never decreasing), and the
 * language detector and folding run on the text too.  The analyzers live
 * for the whole run (still reachable at exit: not a leak).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/analysis.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct check {
    size_t len;
    uint32_t last_pos;
    size_t n;
} check;

static int on_token(void *ctx, const txt_token *t)
{
    check *c = ctx;
    if (t->span.start >= t->span.end || t->span.end > c->len)
        abort();
    if (c->n && t->pos < c->last_pos)
        abort();
    if (!t->term || strlen(t->term) != t->term_len)
        abort();
    if (t->stem && strlen(t->stem) != t->stem_len)
        abort();
    c->last_pos = t->pos;
    c->n++;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const langs[] = { "en", "fr", "de", "it", "es", "nl", "el",
                                         "pl", NULL };
    if (size == 0)
        return 0;
    const char *lang = langs[data[0] % (sizeof langs / sizeof langs[0])];
    const char *text = (const char *)data + 1;
    size_t len = size - 1;

    /* one analyzer per language for the whole run, as the indexer keeps
     * them (making one costs more than analysing a page): the cache is
     * exercised across inputs */
    static txt_analyzer *analyzers[sizeof langs / sizeof langs[0]];
    txt_analyzer **a_slot = &analyzers[data[0] % (sizeof langs / sizeof langs[0])];
    if (!*a_slot && !(*a_slot = txt_analyzer_new(lang)))
        return 0;
    txt_analyzer *a = *a_slot;
    check c = { len, 0, 0 };
    size_t invalid = 0;
    txt_analyze(a, text, len, on_token, &c, &invalid);
    if (invalid > len)
        abort();
    /* a second pass goes through the analyzer's cache */
    check c2 = { len, 0, 0 };
    txt_analyze(a, text, len, on_token, &c2, NULL);
    if (c2.n != c.n)
        abort();

    /* detection compares every word with its word lists: slow under the
     * sanitizers and coverage, so only the start of a long text */
    txt_detect_lang(text, len < 1024 ? len : 1024);

    /* the word scanner, query words and folding, word by word */
    size_t cur = 0;
    txt_span w;
    buf b = BUF_INIT;
    while (txt_next_word(text, len, &cur, &w, NULL)) {
        if (w.start >= w.end || w.end > len || cur > len)
            abort();
        b.len = 0;
        txt_fold(text + w.start, w.end - w.start, &b);
        b.len = 0;
        txt_casefold(text + w.start, w.end - w.start, &b);
        txt_is_elision(text, len, w);
    }
    cur = 0;
    while (txt_next_query_word(text, len, &cur, &w, NULL))
        if (w.start >= w.end || w.end > len)
            abort();
    buf_free(&b);
    return 0;
}
