/*
 * analyzer.c — words to tokens: term, stem and position (see analysis.h).
 *
 * Stemming is the costly step, so an analyzer keeps a small direct-mapped
 * cache of folded stems keyed by the case-folded word.  Everything an
 * analyzer uses lives in it: separate analyzers run in parallel.
 */
#include "analysis.h"

#include <stdlib.h>
#include <string.h>

#include "shim/stem.h"

/* A token whose term or stem would be longer than this (NFKC can expand a
 * short word a lot: U+FDFA gives 18 characters) is not passed either: the
 * engine refuses terms longer than about 245 bytes with their prefix. */
#define TXT_MAX_FOLDED (2 * TXT_MAX_TERM)

#define CACHE_SLOTS 512                 /* a power of two */
#define CACHE_MAX 48                    /* longest key or stem cached */

typedef struct stem_slot {
    unsigned char klen, vlen;           /* klen 0: empty slot */
    char key[CACHE_MAX];
    char val[CACHE_MAX];
} stem_slot;

struct txt_analyzer {
    eng_stemmer *st;                    /* NULL: no stems */
    stem_slot *cache;                   /* allocated at the first stem */
    int cache_failed;                   /* no memory for it: do without */
    buf term, cf, stem;
};

txt_analyzer *txt_analyzer_new(const char *lang)
{
    txt_analyzer *a = calloc(1, sizeof *a);
    if (!a)
        return NULL;
    if (lang && *lang) {
        eng_status s = eng_stemmer_new(lang, &a->st);
        if (s == ENG_E_NOMEM) {
            free(a);
            return NULL;
        }
        if (s != ENG_OK)
            a->st = NULL;
    }
    return a;
}

void txt_analyzer_free(txt_analyzer *a)
{
    if (!a)
        return;
    eng_stemmer_free(a->st);
    free(a->cache);
    buf_free(&a->term);
    buf_free(&a->cf);
    buf_free(&a->stem);
    free(a);
}

int txt_analyzer_stems(const txt_analyzer *a)
{
    return a && a->st != NULL;
}

static uint32_t hash(const char *s, size_t len)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

/* Appends the folded stem of the case-folded word cf to out.  Without a
 * stemmer, the folded word itself. */
static int stem_append(txt_analyzer *a, const char *cf, size_t len, buf *out)
{
    if (!a->st)
        return txt_fold(cf, len, out);

    stem_slot *slot = NULL;
    if (len > 0 && len <= CACHE_MAX) {
        if (!a->cache && !a->cache_failed) {
            a->cache = calloc(CACHE_SLOTS, sizeof *a->cache);
            a->cache_failed = a->cache == NULL;
        }
        if (a->cache) {
            slot = &a->cache[hash(cf, len) & (CACHE_SLOTS - 1)];
            if (slot->klen == len && memcmp(slot->key, cf, len) == 0)
                return buf_append(out, slot->val, slot->vlen);
        }
    }

    const char *s;
    size_t slen;
    eng_status st = eng_stem(a->st, cf, len, &s, &slen);
    if (st == ENG_E_NOMEM)
        return -1;
    if (st != ENG_OK) {                 /* cannot happen; keep the word */
        s = cf;
        slen = len;
    }
    size_t before = out->len;
    if (txt_fold(s, slen, out) < 0)
        return -1;
    size_t vlen = out->len - before;
    if (slot && vlen <= CACHE_MAX) {
        slot->klen = (unsigned char)len;
        memcpy(slot->key, cf, len);
        slot->vlen = (unsigned char)vlen;
        if (vlen)
            memcpy(slot->val, out->data + before, vlen);
    }
    return 0;
}

int txt_stem_word(txt_analyzer *a, const char *casefolded, size_t len, buf *out)
{
    return stem_append(a, casefolded, len, out);
}

int txt_analyze(txt_analyzer *a, const char *text, size_t len, txt_token_fn fn,
                void *ctx, size_t *invalid)
{
    size_t cursor = 0, bad = 0;
    uint32_t pos = 0;
    txt_span w;
    int rc = 0;

    while (rc == 0 && txt_next_word(text, len, &cursor, &w, &bad)) {
        uint32_t p = pos++;
        const char *word = text + w.start;
        size_t wlen = w.end - w.start;
        if (wlen > TXT_MAX_TERM)
            continue;

        buf_clear(&a->term);
        if (txt_fold(word, wlen, &a->term) < 0) {
            rc = -1;
            break;
        }
        /* A word of nothing but ignorable letters folds to nothing. */
        if (a->term.len == 0 || a->term.len > TXT_MAX_FOLDED)
            continue;

        txt_token tok = {
            .span = w, .pos = p,
            .term = a->term.data, .term_len = a->term.len,
        };
        if (a->st) {
            buf_clear(&a->cf);
            buf_clear(&a->stem);
            if (txt_casefold(word, wlen, &a->cf) < 0 ||
                stem_append(a, a->cf.data, a->cf.len, &a->stem) < 0) {
                rc = -1;
                break;
            }
            if (a->stem.len > TXT_MAX_FOLDED)
                continue;
            if (a->stem.len == 0) {     /* never seen; the term will do */
                tok.stem = a->term.data;
                tok.stem_len = a->term.len;
            } else {
                tok.stem = a->stem.data;
                tok.stem_len = a->stem.len;
            }
        }
        rc = fn(ctx, &tok);
    }
    if (invalid)
        *invalid = bad;
    return rc;
}
