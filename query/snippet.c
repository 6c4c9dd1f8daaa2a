/* snippet.c — see snippet.h. */
#include "snippet.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define ELLIPSIS "\xe2\x80\xa6"     /* … */
#define ELLIPSIS_LEN 3

/* ------------------------------------------------------------ matching */

typedef struct tok {
    size_t start, end;
    uint32_t pos;
    size_t term, stem;      /* offsets into the token text buffer; stem: -1 */
    int lang;               /* the language its stem is in (an index), or -1 */
} tok;

typedef struct tokens {
    const matcher *m;       /* what the query asks for */
    uint64_t firsts[4];     /* bit b: a word's term or stem starts with byte b */
    unsigned char *unmarked;/* per group of m: 1 when it marks nothing */
    tok *v;
    size_t n, cap;
    buf text;               /* terms and stems, NUL-separated, after a NUL:
                               the term of the tokens no word can match */
    int oom;
    /* while analysing one piece of a field: where it starts, the position
     * its first word takes, and its language */
    size_t base_off;
    uint32_t base_pos, next_pos;
    int lang;
} tokens;

static void set_first(uint64_t *firsts, const char *s)
{
    unsigned char c = s ? (unsigned char)s[0] : 0;
    firsts[c >> 6] |= (uint64_t)1 << (c & 63);
}

static int has_first(const uint64_t *firsts, const char *s)
{
    unsigned char c = s ? (unsigned char)s[0] : 0;
    return s && (firsts[c >> 6] >> (c & 63) & 1);
}

/* The first bytes of the query's terms and stems, so that most tokens are
 * told apart from them without a comparison. */
static void note_firsts(const matcher *m, uint64_t *firsts)
{
    for (size_t g = 0; g < m->n; g++)
        for (size_t i = 0; i < m->groups[g].n; i++) {
            const match_word *w = &m->groups[g].words[i];
            if (!w->term)
                continue;
            set_first(firsts, w->term);
            for (size_t l = 0; l < MATCH_MAX_LANGS; l++)
                if (w->stem[l])
                    set_first(firsts, w->stem[l]);
        }
}

/* Whether the query has a word that token t (stemmed in language lang)
 * could match: its term, a wildcard's start, or its stem. */
static int wanted(const tokens *ts, const txt_token *t, int lang)
{
    const matcher *m = ts->m;
    if (!has_first(ts->firsts, t->term) && !has_first(ts->firsts, t->stem))
        return 0;
    for (size_t g = 0; g < m->n; g++)
        for (size_t i = 0; i < m->groups[g].n; i++) {
            const match_word *w = &m->groups[g].words[i];
            if (!w->term)
                continue;
            if (w->prefix ? strncmp(t->term, w->term, strlen(w->term)) == 0
                          : strcmp(t->term, w->term) == 0)
                return 1;
            if (lang >= 0 && w->stem[lang] && t->stem && strcmp(t->stem, w->stem[lang]) == 0)
                return 1;
        }
    return 0;
}

/* Keeps every token, for the positions that phrases and NEAR count, but
 * the text only of those the query could match: the others get the empty
 * term, which no word has (copying every term and stem was a tenth of a
 * search's time). */
static int collect(void *ctx, const txt_token *t)
{
    tokens *ts = ctx;
    if (ts->n == ts->cap) {
        size_t cap = ts->cap ? ts->cap * 2 : 64;
        tok *v = realloc(ts->v, cap * sizeof *v);
        if (!v)
            return ts->oom = 1;
        ts->v = v;
        ts->cap = cap;
    }
    tok *k = &ts->v[ts->n];
    k->start = ts->base_off + t->span.start;
    k->end = ts->base_off + t->span.end;
    k->pos = ts->base_pos + t->pos;
    k->lang = ts->lang;
    if (k->pos + 1 > ts->next_pos)
        ts->next_pos = k->pos + 1;
    k->term = 0;
    k->stem = (size_t)-1;
    if (!wanted(ts, t, ts->lang)) {
        ts->n++;
        return 0;
    }
    k->term = ts->text.len;
    if (buf_append(&ts->text, t->term, t->term_len + 1) < 0)
        return ts->oom = 1;
    if (t->stem) {
        k->stem = ts->text.len;
        if (buf_append(&ts->text, t->stem, t->stem_len + 1) < 0)
            return ts->oom = 1;
    }
    ts->n++;
    return 0;
}

typedef struct span {
    size_t start, end;
    size_t group;           /* which query group marked it */
    unsigned how;           /* EVS_MATCH_* */
    uint32_t pos;           /* word position of its first word */
} span;

typedef struct spans {
    span *v;
    size_t n, cap;
} spans;

static int spans_add(spans *s, size_t start, size_t end, size_t group, unsigned how,
                     uint32_t pos)
{
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 16;
        span *v = realloc(s->v, cap * sizeof *v);
        if (!v)
            return -1;
        s->v = v;
        s->cap = cap;
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

/* ------------------------------------------------------------ windows */

static int is_cont(unsigned char c)
{
    return (c & 0xc0) == 0x80;
}

/* Moves back n characters from i (not below lo). */
static size_t back_chars(const char *t, size_t i, size_t lo, size_t n)
{
    while (i > lo && n > 0) {
        i--;
        while (i > lo && is_cont((unsigned char)t[i]))
            i--;
        n--;
    }
    return i;
}

static size_t fwd_chars(const char *t, size_t len, size_t i, size_t n)
{
    while (i < len && n > 0) {
        i++;
        while (i < len && is_cont((unsigned char)t[i]))
            i++;
        n--;
    }
    return i;
}

static int is_blank(char c)
{
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

/* After a full stop, question or exclamation mark and a blank, or a newline. */
static int sentence_starts_at(const char *t, size_t i)
{
    if (i == 0)
        return 1;
    if (t[i - 1] == '\n')
        return 1;
    return i >= 2 && is_blank(t[i - 1]) && strchr(".!?:;", t[i - 2]) != NULL;
}

typedef struct window {
    size_t start, end;
    size_t first, last;     /* spans inside: [first, last) */
    double score;
} window;

/* A window of about chars characters that starts a little before span i,
 * cut at a sentence start where one is near, else at a word boundary. */
static window window_at(const snip_field *f, const spans *s, size_t i, size_t chars)
{
    const char *t = f->text;
    size_t len = f->len, lead = chars / 4;
    size_t lo = back_chars(t, s->v[i].start, 0, lead);
    size_t start = s->v[i].start;
    while (start > lo && !sentence_starts_at(t, start))
        start--;
    if (!sentence_starts_at(t, start)) {
        /* no sentence start near: begin at a word after lo */
        start = lo;
        while (start < s->v[i].start && start > 0 && !is_blank(t[start - 1]))
            start++;
    }
    while (start < s->v[i].start && is_blank(t[start]))
        start++;
    size_t end = fwd_chars(t, len, start, chars);
    if (end < s->v[i].end)
        end = s->v[i].end;
    if (end < len) {
        /* prefer ending a sentence in the last quarter; else a word end */
        size_t floor = back_chars(t, end, s->v[i].end, chars / 4), e = end;
        while (e > floor && !(strchr(".!?", t[e - 1]) && (e == len || is_blank(t[e]))))
            e--;
        if (e > floor) {
            end = e;
        } else {
            while (end > s->v[i].end && !is_blank(t[end]))
                end--;
        }
    }
    while (end > start && is_blank(t[end - 1]))
        end--;
    window w = { start, end, i, i, 0 };
    while (w.first > 0 && s->v[w.first - 1].start >= start)
        w.first--;
    while (w.last < s->n && s->v[w.last].end <= end)
        w.last++;
    return w;
}

/* Distinct query groups count most, then how many marks. */
static double window_score(const spans *s, const window *w, const unsigned char *used)
{
    double score = 0;
    for (size_t k = w->first; k < w->last; k++) {
        int seen = 0;
        for (size_t j = w->first; j < k; j++)
            seen |= s->v[j].group == s->v[k].group;
        if (!used[k])
            score += seen ? 1.0 : 10.0;
    }
    return score;
}

/* ------------------------------------------------------------ fragments */

static int emit(snip_fragment *out, const snip_field *f, size_t start, size_t end,
                const spans *s, size_t first, size_t last)
{
    /* "…" where a sentence was cut, not where one ends or begins */
    int lead = start > 0 && !sentence_starts_at(f->text, start);
    int tail = end < f->len && !strchr(".!?", f->text[end - 1]);
    buf b = BUF_INIT;
    if ((lead && buf_append(&b, ELLIPSIS, ELLIPSIS_LEN) < 0) ||
        buf_append(&b, f->text + start, end - start) < 0 ||
        (tail && buf_append(&b, ELLIPSIS, ELLIPSIS_LEN) < 0)) {
        buf_free(&b);
        return -1;
    }
    /* One line per fragment: line breaks become spaces (same length, so
     * offsets hold). */
    size_t off = lead ? ELLIPSIS_LEN : 0;
    for (size_t i = off; i < off + (end - start); i++)
        if (b.data[i] == '\n' || b.data[i] == '\r' || b.data[i] == '\t')
            b.data[i] = ' ';
    out->field = f->name;
    out->n_spans = last - first;
    out->spans = NULL;
    out->how = NULL;
    if (out->n_spans && (!(out->spans = malloc(2 * out->n_spans * sizeof *out->spans)) ||
                         !(out->how = malloc(out->n_spans)))) {
        buf_free(&b);
        return -1;
    }
    for (size_t k = first; k < last; k++) {
        out->spans[2 * (k - first)] = s->v[k].start - start + off;
        out->spans[2 * (k - first) + 1] = s->v[k].end - start + off;
        out->how[k - first] = (unsigned char)s->v[k].how;
    }
    out->len = b.len;
    out->text = buf_detach(&b);
    return out->text ? 0 : -1;
}

typedef struct field_marks {
    spans s;
    unsigned char *used;    /* per span: already shown */
    window *chosen;         /* windows taken in this field */
    size_t n_chosen;
} field_marks;

static void field_marks_free(field_marks *fm, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(fm[i].s.v);
        free(fm[i].used);
        free(fm[i].chosen);
    }
    free(fm);
}

static int overlaps(const field_marks *fm, const window *w)
{
    for (size_t i = 0; i < fm->n_chosen; i++)
        if (w->start < fm->chosen[i].end && fm->chosen[i].start < w->end)
            return 1;
    return 0;
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
    return txt_analyze(an, f->text + from, to - from, collect, ts, NULL);
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

/* Finds the marks of every field. */
static int mark_fields(const snip_request *rq, const snip_field *fields, size_t n,
                       field_marks *fm)
{
    tokens ts = { .m = rq->m, .unmarked = calloc(rq->m->n + 1, 1) };
    if (!ts.unmarked)
        return -1;
    note_firsts(rq->m, ts.firsts);
    /* Function words alone are marked only when the query has nothing else
     * ("de" in "ile de france" would light up every French sentence). */
    int content = 0;
    for (size_t g = 0; g < rq->m->n; g++)
        content |= !(ts.unmarked[g] = (unsigned char)is_function_group(&rq->m->groups[g]));
    for (size_t g = 0; g < rq->m->n; g++)
        ts.unmarked[g] &= content;
    int rc = 0;
    for (size_t f = 0; f < n && rc == 0; f++) {
        ts.n = 0;
        buf_clear(&ts.text);
        if (!fields[f].text || !fields[f].len)
            continue;
        if (buf_append(&ts.text, "", 1) < 0) {     /* the empty term, at 0 */
            rc = -1;
            break;
        }
        if (tokenise(rq, &fields[f], &ts) != 0 || ts.oom ||
            find_spans(rq, &fields[f], &ts, &fm[f].s) < 0)
            rc = -1;
        normalise(&fm[f].s, fields[f].text);
        if (fm[f].s.n && !(fm[f].used = calloc(fm[f].s.n, 1)))
            rc = -1;
        if (!(fm[f].chosen = calloc(rq->max_fragments + 1, sizeof(window))))
            rc = -1;
    }
    free(ts.v);
    free(ts.unmarked);
    buf_free(&ts.text);
    return rc;
}

int snippet_make(const snip_request *rq, const snip_field *fields, size_t n_fields,
                 snip_fragment **out, size_t *n_out)
{
    *out = NULL;
    *n_out = 0;
    size_t chars = rq->fragment_chars ? rq->fragment_chars : 160;
    if (rq->max_fragments == 0)
        return 0;
    snip_fragment *frags = calloc(rq->max_fragments, sizeof *frags);
    field_marks *fm = calloc(n_fields ? n_fields : 1, sizeof *fm);
    if (!frags || !fm || mark_fields(rq, fields, n_fields, fm) < 0)
        goto oom;
    size_t n = 0;
    while (n < rq->max_fragments) {
        window best = { 0 };
        size_t best_f = 0;
        int found = 0;
        for (size_t f = 0; f < n_fields; f++) {
            int whole = fm[f].s.n && rq->whole_if_short &&
                        fwd_chars(fields[f].text, fields[f].len, 0, 2 * chars) >= fields[f].len;
            for (size_t i = 0; i < fm[f].s.n; i++) {
                if (fm[f].used[i])
                    continue;
                window w = whole ? (window){ 0, fields[f].len, 0, fm[f].s.n, 0 }
                                 : window_at(&fields[f], &fm[f].s, i, chars);
                if (overlaps(&fm[f], &w))
                    continue;
                w.score = window_score(&fm[f].s, &w, fm[f].used);
                if (!found || w.score > best.score) {
                    best = w;
                    best_f = f;
                    found = 1;
                }
            }
        }
        if (!found)
            break;
        field_marks *m = &fm[best_f];
        for (size_t k = best.first; k < best.last; k++)
            m->used[k] = 1;
        m->chosen[m->n_chosen++] = best;
        if (emit(&frags[n], &fields[best_f], best.start, best.end, &m->s, best.first,
                 best.last) < 0)
            goto oom;
        n++;
    }
    if (n == 0) {
        /* Nothing matched in the text (a filter-only query, or a match in
         * a field not shown): the start of the preferred field, else of the
         * first there is. */
        for (size_t k = 0; k <= n_fields; k++) {
            size_t f = k == 0 ? rq->fallback : k - 1;
            if (f >= n_fields)
                continue;
            if (!fields[f].text || !fields[f].len)
                continue;
            spans none = { 0 };
            size_t end = fwd_chars(fields[f].text, fields[f].len, 0, chars);
            if (end < fields[f].len)
                while (end > 0 && !is_blank(fields[f].text[end - 1]))
                    end--;
            while (end > 0 && is_blank(fields[f].text[end - 1]))
                end--;
            if (end == 0)
                end = fwd_chars(fields[f].text, fields[f].len, 0, chars);
            if (emit(&frags[0], &fields[f], 0, end, &none, 0, 0) < 0)
                goto oom;
            n = 1;
            break;
        }
    }
    field_marks_free(fm, n_fields);
    *out = frags;
    *n_out = n;
    return 0;
oom:
    if (fm)
        field_marks_free(fm, n_fields);
    snippet_free(frags, frags ? rq->max_fragments : 0);
    return -1;
}

void snippet_free(snip_fragment *frags, size_t n)
{
    if (!frags)
        return;
    for (size_t i = 0; i < n; i++) {
        free(frags[i].text);
        free(frags[i].spans);
        free(frags[i].how);
    }
    free(frags);
}

/* ------------------------------------------------------------ explain */

int snippet_explain(const snip_request *rq, const snip_field *fields, size_t n_fields,
                    buf *out)
{
    snip_request one = *rq;
    one.max_fragments = 1;      /* mark_fields sizes its bookkeeping on it */
    field_marks *fm = calloc(n_fields ? n_fields : 1, sizeof *fm);
    int rc = fm ? mark_fields(&one, fields, n_fields, fm) : -1;
    for (size_t f = 0; rc == 0 && f < n_fields; f++) {
        const spans *sp = &fm[f].s;
        if (!sp->n)
            continue;
        rc |= buf_printf(out, "  %s:", fields[f].name);
        for (size_t i = 0; i < sp->n; i++) {
            size_t len = sp->v[i].end - sp->v[i].start;
            const char *text = fields[f].text + sp->v[i].start;
            int seen = 0;
            for (size_t j = 0; j < i && !seen; j++)
                seen = sp->v[j].end - sp->v[j].start == len &&
                       memcmp(fields[f].text + sp->v[j].start, text, len) == 0;
            if (seen)
                continue;
            size_t times = 1;
            for (size_t j = i + 1; j < sp->n; j++)
                times += sp->v[j].end - sp->v[j].start == len &&
                         memcmp(fields[f].text + sp->v[j].start, text, len) == 0;
            rc |= buf_printf(out, "%s %.*s (", i ? "," : "", (int)len, text);
            const char *sep = "";
            for (unsigned bit = 1; bit <= EVS_MATCH_GLOSSARY; bit <<= 1)
                if (sp->v[i].how & bit) {
                    rc |= buf_printf(out, "%s%s", sep, evs_match_name(bit));
                    sep = ", ";
                }
            rc |= buf_putc(out, ')');
            if (times > 1)
                rc |= buf_printf(out, " x%zu", times);
        }
        rc |= buf_putc(out, '\n');
    }
    if (fm)
        field_marks_free(fm, n_fields);
    return rc ? -1 : 0;
}
