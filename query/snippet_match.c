/*
 * snippet_match.c — the marks of a hit's stored fields: each field is
 * tokenised again with the index's analysis, and the query's words,
 * phrases and NEAR groups are found among its tokens (see
 * snippet_match.h).
 */
#include "snippet_match.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../common/grow.h"

typedef struct tok {
    size_t start, end;
    uint32_t pos;
    size_t term, stem;      /* offsets into the token text buffer; stem: -1 */
    int lang;               /* the language its stem is in (an index), or -1 */
} tok;

typedef struct tokens {
    const matcher *m;       /* what the query asks for */
    txt_firsts firsts;      /* how the query's terms and stems start */
    long reach;             /* positions its phrases and NEAR look across,
                               or -1: every word is read (see near_reach) */
    unsigned char *unmarked;/* per group of m: 1 when it marks nothing */
    tok *v;
    size_t n, cap;
    buf text;               /* terms and stems, NUL-separated */
    int oom;
    /* while analysing one piece of a field: where it starts, the position
     * its first word takes, and its language */
    size_t base_off;
    uint32_t base_pos, next_pos;
    int lang;
} tokens;

static int has_first(const txt_firsts *firsts, const char *s)
{
    unsigned char c = s ? (unsigned char)s[0] : 0;
    return s && (firsts->bytes[c >> 6] >> (c & 63) & 1);
}

/* How the query's terms and stems start, so that most words are told
 * apart from them without analysis, and most tokens without a comparison. */
static void note_firsts(const matcher *m, txt_firsts *firsts)
{
    for (size_t g = 0; g < m->n; g++)
        for (size_t i = 0; i < m->groups[g].n; i++) {
            const match_word *w = &m->groups[g].words[i];
            if (!w->term)
                continue;
            txt_firsts_add(firsts, w->term);
            for (size_t l = 0; l < MATCH_MAX_LANGS; l++)
                if (w->stem[l])
                    txt_firsts_add(firsts, w->stem[l]);
        }
}

/* Whether the query has a word that token t (stemmed in language lang)
 * could match: its term, a wildcard's start, or its stem. */
static int wanted(const tokens *ts, const txt_token *t, int lang)
{
    const matcher *m = ts->m;
    if (!has_first(&ts->firsts, t->term) && !has_first(&ts->firsts, t->stem))
        return 0;
    for (size_t g = 0; g < m->n; g++)
        for (size_t i = 0; i < m->groups[g].n; i++) {
            const match_word *w = &m->groups[g].words[i];
            if (!w->term)
                continue;
            /* most tokens let through differ from each word at once:
             * the first byte spares the call (but for an empty prefix) */
            if ((t->term[0] == w->term[0] || !w->term[0]) &&
                (w->prefix ? strncmp(t->term, w->term, strlen(w->term)) == 0
                           : strcmp(t->term, w->term) == 0))
                return 1;
            const char *ws = lang >= 0 ? w->stem[lang] : NULL;
            if (ws && t->stem && t->stem[0] == ws[0] && strcmp(t->stem, ws) == 0)
                return 1;
        }
    return 0;
}

/* Keeps the tokens the query could match, with their positions, which is
 * all that phrases and NEAR need (the analysis passes over most of the
 * others: see txt_analyze_for). */
static int collect(void *ctx, const txt_token *t)
{
    tokens *ts = ctx;
    uint32_t pos = ts->base_pos + t->pos;
    if (!wanted(ts, t, ts->lang))
        return 0;
    if (ts->n == ts->cap) {
        tok *v = grow_array(ts->v, &ts->cap, sizeof *v, 64);
        if (!v)
            return ts->oom = 1;
        ts->v = v;
    }
    tok *k = &ts->v[ts->n];
    k->start = ts->base_off + t->span.start;
    k->end = ts->base_off + t->span.end;
    k->pos = pos;
    k->lang = ts->lang;
    k->stem = (size_t)-1;
    k->term = ts->text.len;
    if (buf_append(&ts->text, t->term, t->term_len + 1) < 0)
        return ts->oom = 1;
    if (t->stem) {
        k->stem = ts->text.len;
        if (buf_append(&ts->text, t->stem, t->stem_len + 1) < 0)
            return ts->oom = 1;
    }
    ts->n++;
    /* the analysis that reads only near kept words wants to know */
    return ts->reach >= 0 ? TXT_KEPT : 0;
}

static int spans_add(spans *s, size_t start, size_t end, size_t group, unsigned how,
                     uint32_t pos)
{
    if (s->n == s->cap) {
        span *v = grow_array(s->v, &s->cap, sizeof *v, 16);
        if (!v)
            return -1;
        s->v = v;
    }
    s->v[s->n++] = (span){ start, end, group, how, pos };
    return 0;
}

/* Same term: as typed (but for case), or only once accents are folded. */
static unsigned same_term_how(const char *text, const tok *k, const match_word *w, buf *cf)
{
    buf_clear(cf);
    if (w->cf && txt_casefold(text + k->start, k->end - k->start, cf) == 0 && cf->data &&
        strcmp(cf->data, w->cf) == 0)
        return EVS_MATCH_EXACT;
    return EVS_MATCH_FOLDED;
}

/* How token k matches query word w (EVS_MATCH_*), or 0. */
static unsigned word_matches(const tokens *ts, const tok *k, const match_word *w,
                             const char *text, buf *cf)
{
    int lang = k->lang;
    if (!w->term)
        return 0;
    const char *term = ts->text.data + k->term;
    if (w->prefix)
        return strncmp(term, w->term, strlen(w->term)) == 0 ? EVS_MATCH_PREFIX : 0;
    if (strcmp(term, w->term) == 0) {
        unsigned how = same_term_how(text, k, w, cf);
        return w->exact && how != EVS_MATCH_EXACT ? 0 : how;
    }
    if (w->exact)
        return 0;
    return lang >= 0 && w->stem[lang] && k->stem != (size_t)-1 &&
                   strcmp(ts->text.data + k->stem, w->stem[lang]) == 0
               ? EVS_MATCH_STEM : 0;
}

/* A field-restricted group marks only its own field. */
static int group_applies(const match_group *g, const snip_field *f)
{
    return !g->field || strcmp(g->field->name, f->name) == 0;
}

static int is_function_group(const match_group *g)
{
    return g->n == 1 && g->words[0].term &&
           txt_is_function_word(g->words[0].term, strlen(g->words[0].term));
}

/* Whether span s, of a group in a NEAR, has a match of every other group
 * of that NEAR within its window (spans: all the field's spans). */
static int near_enough(const matcher *m, const spans *all, size_t from, const span *s)
{
    const match_group *g = &m->groups[s->group];
    for (size_t h = 0; h < m->n; h++) {
        const match_group *other = &m->groups[h];
        if (h == s->group || other->near != g->near)
            continue;
        uint32_t reach = g->near_window + (uint32_t)(g->n > other->n ? g->n : other->n);
        int found = 0;
        for (size_t k = from; k < all->n && !found; k++)
            found = all->v[k].group == h &&
                    (all->v[k].pos > s->pos ? all->v[k].pos - s->pos : s->pos - all->v[k].pos)
                        <= reach;
        if (!found)
            return 0;
    }
    return 1;
}

/* Drops the spans of NEAR groups that stand too far from their partners,
 * so that "chains NEAR/3 clusters" marks only the pairs that are near. */
static int keep_near(const matcher *m, spans *out, size_t from)
{
    size_t n = out->n - from, w = from;
    int any = 0;
    for (size_t r = from; r < out->n; r++)
        any |= m->groups[out->v[r].group].near != 0;
    if (!any)
        return 0;
    /* decide on the spans as found, then compact */
    unsigned char *keep = malloc(n ? n : 1);
    if (!keep)
        return -1;
    for (size_t r = from; r < out->n; r++)
        keep[r - from] = !m->groups[out->v[r].group].near ||
                         near_enough(m, out, from, &out->v[r]);
    for (size_t r = from; r < out->n; r++)
        if (keep[r - from])
            out->v[w++] = out->v[r];
    out->n = w;
    free(keep);
    return 0;
}

static int find_spans(const snip_request *rq, const snip_field *f, const tokens *ts,
                      spans *out)
{
    size_t from = out->n;
    buf cf = BUF_INIT;
    for (size_t g = 0; g < rq->m->n; g++) {
        const match_group *grp = &rq->m->groups[g];
        if (!group_applies(grp, f) || ts->unmarked[g])
            continue;
        for (size_t i = 0; i + grp->n <= ts->n; i++) {
            size_t j = 0, last = i;
            unsigned how = 0;
            if (grp->n == 1) {
                how = word_matches(ts, &ts->v[i], &grp->words[0], f->text, &cf);
                j = how != 0;
            } else {
                /* a phrase: exact terms at consecutive positions.  Several
                 * tokens may share a position (a whole e-mail address and
                 * its first word, an elided article and its word): step
                 * by position, not by token. */
                size_t k = i;
                while (j < grp->n && grp->words[j].term) {
                    uint32_t want = ts->v[i].pos + (uint32_t)j;
                    size_t m = k;
                    while (m < ts->n && ts->v[m].pos < want)
                        m++;
                    while (m < ts->n && ts->v[m].pos == want &&
                           strcmp(ts->text.data + ts->v[m].term, grp->words[j].term) != 0 &&
                           j > 0)
                        m++;
                    if (m == ts->n || ts->v[m].pos != want ||
                        strcmp(ts->text.data + ts->v[m].term, grp->words[j].term) != 0)
                        break;
                    how |= same_term_how(f->text, &ts->v[m], &grp->words[j], &cf);
                    last = m;
                    k = m + 1;
                    j++;
                }
                j = j == grp->n;
                /* a phrase is as typed only if every word is */
                if (how & EVS_MATCH_FOLDED)
                    how = EVS_MATCH_FOLDED;
            }
            if (grp->glossary)
                how = EVS_MATCH_GLOSSARY;
            if (j && spans_add(out, ts->v[i].start, ts->v[last].end, g, how, ts->v[i].pos) < 0) {
                buf_free(&cf);
                return -1;
            }
        }
    }
    buf_free(&cf);
    return keep_near(rq->m, out, from);
}

static int by_start(const void *a, const void *b)
{
    const span *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start ? 1
         : x->end > y->end ? -1 : x->end < y->end;
}

/* Sorts spans, merges those that overlap (a word in two groups), then
 * joins neighbours with only spaces or hyphens between them, so that
 * "value chains" and "Île-de-France" read as one highlight each. */
static void normalise(spans *s, const char *text)
{
    if (s->n < 2)
        return;
    qsort(s->v, s->n, sizeof *s->v, by_start);
    size_t w = 0;
    for (size_t r = 1; r < s->n; r++) {
        if (s->v[r].start < s->v[w].end) {
            if (s->v[r].end > s->v[w].end)
                s->v[w].end = s->v[r].end;
            s->v[w].how |= s->v[r].how;
        } else {
            s->v[++w] = s->v[r];
        }
    }
    s->n = w + 1;
    w = 0;
    for (size_t r = 1; r < s->n; r++) {
        size_t gap = s->v[w].end;
        while (gap < s->v[r].start && strchr(" -", text[gap]))
            gap++;
        if (gap == s->v[r].start && gap > s->v[w].end) {
            s->v[w].end = s->v[r].end;
            s->v[w].how |= s->v[r].how;
        } else
            s->v[++w] = s->v[r];
    }
    s->n = w + 1;
}

/* Analyses text[from, to) of field f with an (language index lang), its
 * tokens continuing the field's offsets and positions. */
static int tokenise_piece(tokens *ts, const snip_field *f, size_t from, size_t to,
                          txt_analyzer *an, int lang)
{
    if (from >= to)
        return 0;
    ts->base_off = from;
    ts->base_pos = ts->next_pos;
    ts->lang = lang;
    uint32_t used = 0;
    int rc = ts->reach >= 0
                 ? txt_analyze_near_for(an, f->text + from, to - from, &ts->firsts,
                                        (uint32_t)ts->reach, collect, ts, &used)
                 : txt_analyze_for(an, f->text + from, to - from, &ts->firsts, collect, ts, &used);
    ts->next_pos = ts->base_pos + used;
    return rc;
}

/* A field's tokens, each paragraph analysed in the language it was
 * indexed in (the field's, or its own piece's). */
static int tokenise(const snip_request *rq, const snip_field *f, tokens *ts)
{
    txt_analyzer *an = f->an ? f->an : rq->an;
    int lang = f->an ? f->lang : rq->lang;
    ts->next_pos = 0;
    size_t at = 0;
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < f->n_pieces; i++) {
        const snip_piece *p = &f->pieces[i];
        if (p->start < at || p->end > f->len || p->start > p->end)
            continue;   /* a record that does not fit the text: ignore it */
        rc = tokenise_piece(ts, f, at, p->start, an, lang);
        if (rc == 0)
            rc = tokenise_piece(ts, f, p->start, p->end, p->an, p->lang);
        at = p->end;
    }
    return rc ? rc : tokenise_piece(ts, f, at, f->len, an, lang);
}

/* How many positions apart the query's words need to be told exactly: a
 * phrase's length less one, a NEAR group's window and the longest group
 * (see near_enough).  The analysis then reads only the words that might
 * be wanted and what lies near them (txt_analyze_near_for).  -1 when it
 * must read all: a wildcard may match a whole e-mail address or URL, and
 * so may a term holding punctuation, which that analysis does not give;
 * and a window so wide that reading near it is reading everything. */
static long near_reach(const matcher *m)
{
    size_t longest = 1;
    for (size_t g = 0; g < m->n; g++)
        if (m->groups[g].n > longest)
            longest = m->groups[g].n;
    long reach = 0;
    for (size_t g = 0; g < m->n; g++) {
        const match_group *grp = &m->groups[g];
        if ((long)grp->n - 1 > reach)
            reach = (long)grp->n - 1;
        if (grp->near && (long)(grp->near_window + longest) > reach)
            reach = (long)(grp->near_window + longest);
        for (size_t i = 0; i < grp->n; i++) {
            const match_word *w = &grp->words[i];
            if (!w->term)
                continue;
            if (w->prefix)
                return -1;
            for (const unsigned char *c = (const unsigned char *)w->term; *c; c++)
                if (*c < 0x80 && !((*c >= '0' && *c <= '9') || (*c >= 'a' && *c <= 'z')))
                    return -1;
        }
    }
    return reach <= 64 ? reach : -1;
}

/* Finds the marks of every field. */
struct snip_marker {
    const snip_request *rq;
    tokens ts;              /* scratch, reused field after field */
};

snip_marker *snip_marker_new(const snip_request *rq)
{
    snip_marker *mk = calloc(1, sizeof *mk);
    if (!mk)
        return NULL;
    mk->rq = rq;
    mk->ts.m = rq->m;
    if (!(mk->ts.unmarked = calloc(rq->m->n + 1, 1))) {
        free(mk);
        return NULL;
    }
    note_firsts(rq->m, &mk->ts.firsts);
    mk->ts.reach = near_reach(rq->m);
    /* Function words alone are marked only when the query has nothing else
     * ("de" in "ile de france" would light up every French sentence). */
    int content = 0;
    for (size_t g = 0; g < rq->m->n; g++)
        content |= !(mk->ts.unmarked[g] = (unsigned char)is_function_group(&rq->m->groups[g]));
    for (size_t g = 0; g < rq->m->n; g++)
        mk->ts.unmarked[g] &= content;
    return mk;
}

int snip_mark_field(snip_marker *mk, const snip_field *f, spans *out)
{
    tokens *ts = &mk->ts;
    ts->n = 0;
    ts->oom = 0;
    buf_clear(&ts->text);
    if (!f->text || !f->len)
        return 0;
    int rc = 0;
    if (tokenise(mk->rq, f, ts) != 0 || ts->oom || find_spans(mk->rq, f, ts, out) < 0)
        rc = -1;
    normalise(out, f->text);
    return rc;
}

void snip_marker_free(snip_marker *mk)
{
    if (!mk)
        return;
    free(mk->ts.v);
    free(mk->ts.unmarked);
    buf_free(&mk->ts.text);
    free(mk);
}
