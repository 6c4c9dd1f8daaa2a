/*
 * analysis_helpers.h — what the text analysis tests share (test_words,
 * test_fold, test_analyzer, test_analyze_for, test_langid): exact copies
 * of the texts, the folded term of a word, the tokens txt_analyze gives,
 * and pseudo-random numbers.
 *
 * Every text is copied into a heap block of exactly its length before it
 * is analysed, so that AddressSanitizer catches any read past the end.
 * The functions are static inline, as in tests/check.h, so that a test
 * using only some of them builds without unused-function warnings.
 */
#ifndef EVS_TESTS_UNIT_ANALYSIS_HELPERS_H
#define EVS_TESTS_UNIT_ANALYSIS_HELPERS_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/analysis.h"
#include "tests/check.h"

static inline char *exact_copy(const char *s, size_t len)
{
    char *p = malloc(len ? len : 1);
    if (!p) {
        perror("malloc");
        exit(2);
    }
    memcpy(p, s, len);
    return p;
}

/* A fixed sequence of pseudo-random numbers (xorshift), the same in every
 * run, for the randomized tests. */
static inline uint32_t test_rnd(void)
{
    static uint32_t state = 20181011u;
    state ^= state << 13;
    state ^= state >> 17;
    state ^= state << 5;
    return state;
}

/* At most so many words or tokens are kept from one text. */
#define MAXW 64

/* What form (txt_fold, txt_casefold) makes of s, in out. */
static inline const char *form_of(int (*form)(const char *, size_t, buf *), const char *s,
                                  char out[512])
{
    buf b = BUF_INIT;
    size_t len = strlen(s);
    char *t = exact_copy(s, len);
    if (form(t, len, &b) < 0)
        strcpy(out, "(nomem)");
    else
        snprintf(out, 512, "%s", b.data);
    free(t);
    buf_free(&b);
    return out;
}

/* The term of s (a static buffer: one at a time). */
static inline const char *fold(const char *s)
{
    static char out[512];
    return form_of(txt_fold, s, out);
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

static inline int collect(void *ctx, const txt_token *k)
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

static inline toks analyze(txt_analyzer *a, const char *s, int *rc)
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

#endif
