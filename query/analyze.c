/*
 * analyze.c — evs_analyze: the text analysis of indexing and searching,
 * token by token, through the public API (see evsearch.h).
 *
 * Each call makes its own analyzer (a stemmer and a small cache), so calls
 * from different threads do not meet.
 */
#include <stddef.h>

#include "../analysis/analysis.h"
#include "evsearch.h"

typedef struct relay {
    evs_token_fn fn;
    void *ctx;
    size_t tokens;
} relay;

static int relay_token(void *vctx, const txt_token *t)
{
    relay *r = vctx;
    evs_token tok = {
        .start = t->span.start,
        .end = t->span.end,
        .position = t->pos,
        .kind = t->kind == TXT_EMAIL ? EVS_TOKEN_EMAIL
              : t->kind == TXT_URL ? EVS_TOKEN_URL : EVS_TOKEN_WORD,
        .term = t->term,
        .term_len = t->term_len,
        .stem = t->stem,
        .stem_len = t->stem ? t->stem_len : 0,
    };
    r->tokens++;
    /* any non-zero value stops txt_analyze; 1 tells it from its own -1 */
    return r->fn(r->ctx, &tok) ? 1 : 0;
}

evs_status evs_analyze(const char *text, size_t len, const char *lang, evs_token_fn fn,
                       void *ctx, evs_analysis_info *info)
{
    if (info)
        *info = (evs_analysis_info){ 0 };
    if (!fn || (!text && len > 0))
        return EVS_INVALID;
    if (!text)
        text = "";
    if (!lang || !*lang)
        lang = len ? txt_detect_lang(text, len) : NULL;
    txt_analyzer *a = txt_analyzer_new(lang);
    if (!a)
        return EVS_NOMEM;
    relay r = { fn, ctx, 0 };
    size_t invalid = 0;
    int rc = txt_analyze(a, text, len, relay_token, &r, &invalid);
    if (info) {
        info->lang = lang;
        info->stemmed = txt_analyzer_stems(a);
        info->invalid_bytes = invalid;
        info->tokens = r.tokens;
    }
    txt_analyzer_free(a);
    return rc < 0 ? EVS_NOMEM : EVS_OK;
}
