/* term_tally.c — see term_tally.h. */
#include "term_tally.h"

#include <stdlib.h>
#include <string.h>

#include "../common/grow.h"

void term_tally_free(term_tally *t)
{
    strset_free(&t->terms);
    free(t->wdf);
    memset(t, 0, sizeof *t);
}

void term_tally_clear(term_tally *t)
{
    strset_clear(&t->terms);
    t->total = 0;
}

int term_tally_add(term_tally *t, const char *term, size_t len, uint32_t wdf)
{
    /* room for a new term's sum first, so that a failure leaves the
     * tally as it was */
    if (t->terms.n == t->cap) {
        uint32_t *w = grow_array(t->wdf, &t->cap, sizeof *w, 256);
        if (!w)
            return -1;
        t->wdf = w;
    }
    size_t i;
    int fresh = strset_add(&t->terms, term, len, &i);
    if (fresh < 0)
        return -1;
    if (fresh)
        t->wdf[i] = 0;
    t->wdf[i] += wdf;
    t->total += wdf;
    return 0;
}

typedef struct relay {
    const term_tally *t;
    int (*fn)(void *ctx, const char *term, size_t len, uint32_t wdf);
    void *ctx;
} relay;

static int relay_term(void *ctx, const char *s, size_t len, size_t index)
{
    relay *r = ctx;
    return r->fn(r->ctx, s, len, r->t->wdf[index]);
}

int term_tally_each(const term_tally *t,
                    int (*fn)(void *ctx, const char *term, size_t len, uint32_t wdf),
                    void *ctx)
{
    relay r = { t, fn, ctx };
    return strset_each(&t->terms, relay_term, &r);
}
