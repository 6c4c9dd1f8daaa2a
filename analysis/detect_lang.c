/*
 * detect_lang.c — language detection (see analysis.h).
 *
 * Detection scores the text with the character n-gram model of langid.c
 * (the model compiled into the library) and takes the best language among
 * those allowed, unless the text has too few letters or the best is not
 * clearly ahead of the runner-up.
 */
#include "analysis.h"
#include "langid.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ detection */

/* Only the start of a long text is read. */
#define DETECT_MAX_BYTES ((size_t)1 << 20)
/* Reading stops once the leader is this far ahead (nats), after
 * LANGID_DECIDE_MIN characters (langid.h tells how both were chosen).
 * Detection had been 44% of evindex's instructions. */
#define DETECT_DECIDED 60.0

extern const unsigned char langid_model_blob[];
extern const size_t langid_model_blob_size;

static langid_model model;
static int model_ok;
static pthread_once_t model_once = PTHREAD_ONCE_INIT;

static void model_init(void)
{
    model_ok = langid_model_open(&model, langid_model_blob, langid_model_blob_size) == 0;
}

const langid_model *langid_default_model(void)
{
    pthread_once(&model_once, model_init);
    return model_ok ? &model : NULL;
}

/* The model's languages among codes (NULL: all), as a bit mask. */
static uint32_t lang_mask(const langid_model *m, const char *const *codes)
{
    if (!codes)
        return m->nlangs == 32 ? 0xFFFFFFFFu : (1u << m->nlangs) - 1;
    uint32_t mask = 0;
    for (; *codes; codes++) {
        int l = langid_lang_index(m, *codes);
        if (l >= 0)
            mask |= 1u << l;
    }
    return mask;
}

int txt_lang_known(const char *code)
{
    const langid_model *m = langid_default_model();
    return m && code && langid_lang_index(m, code) >= 0;
}

const char *txt_detect_lang_among(const char *text, size_t len, const char *const *codes)
{
    const langid_model *m = langid_default_model();
    if (!m || !text)
        return NULL;
    uint32_t mask = lang_mask(m, codes);
    if (!mask)
        return NULL;
    /* The first megabyte tells; a longer text is cut at a character. */
    if (len > DETECT_MAX_BYTES) {
        len = DETECT_MAX_BYTES;
        while (len > 0 && ((unsigned char)text[len] & 0xC0) == 0x80)
            len--;
    }
    langid_result r;
    langid_score_until(m, text, len, mask, DETECT_DECIDED, &r);
    int best = langid_best(m, &r, mask, NULL);
    return best < 0 ? NULL : m->codes[best];
}

const char *txt_detect_lang(const char *text, size_t len)
{
    return txt_detect_lang_among(text, len, NULL);
}

typedef struct para {
    txt_span span;
    const char *lang;
} para;

static int is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

int txt_detect_paragraphs(const char *text, size_t len, const char *const *codes,
                          txt_para_fn fn, void *ctx)
{
    para *ps = NULL;
    size_t n = 0, cap = 0;
    for (size_t i = 0; i < len;) {
        size_t end = i;
        while (end < len && text[end] != '\n')
            end++;
        size_t a = i, b = end;
        while (a < b && is_blank(text[a]))
            a++;
        while (b > a && is_blank(text[b - 1]))
            b--;
        if (a < b) {
            if (n == cap) {
                size_t c = cap ? cap * 2 : 16;
                para *q = realloc(ps, c * sizeof *q);
                if (!q) {
                    free(ps);
                    return -1;
                }
                ps = q;
                cap = c;
            }
            ps[n].span = (txt_span){ a, b };
            ps[n].lang = txt_detect_lang_among(text + a, b - a, codes);
            n++;
        }
        i = end + 1;
    }
    /* Too short to tell: the language of the next paragraph that tells (a
     * heading belongs with what follows it), else of the one before. */
    const char *next = NULL;
    for (size_t k = n; k-- > 0;) {
        if (ps[k].lang)
            next = ps[k].lang;
        else
            ps[k].lang = next;
    }
    const char *prev = NULL;
    for (size_t k = 0; k < n; k++) {
        if (ps[k].lang)
            prev = ps[k].lang;
        else
            ps[k].lang = prev;
    }
    int rc = 0;
    for (size_t k = 0; k < n && rc == 0; k++)
        rc = fn(ctx, ps[k].span, ps[k].lang);
    free(ps);
    return rc;
}
