/*
 * snippet.c — fragments: the best windows around the marks that
 * snippet_match.c finds, cut at sentence or word boundaries with "…", and
 * --explain's account of the marks (see snippet.h).
 */
#include "snippet.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "snippet_match.h"

#define ELLIPSIS "\xe2\x80\xa6"     /* … */
#define ELLIPSIS_LEN 3

/* ------------------------------------------------------------ windows */

static int is_cont(unsigned char c)
{
    return (c & 0xc0) == 0x80;
}

/* How many of the 8 bytes at t start a character (are not continuation
 * bytes: 10xxxxxx). */
static unsigned starts8(const char *t)
{
    uint64_t x;
    memcpy(&x, t, sizeof x);
    uint64_t cont = x & ~(x << 1) & 0x8080808080808080u;   /* bit 7 set, bit 6 clear */
    return 8 - (unsigned)(((cont >> 7) * 0x0101010101010101u) >> 56);
}

/* Moves back n characters from i (not below lo).  The windows of every
 * mark of every hit are measured so: 8 bytes are stepped over at once
 * when the first of them starts a character (the place the loop below
 * reaches after as many characters as they start). */
static size_t back_chars(const char *t, size_t i, size_t lo, size_t n)
{
    for (unsigned k; i >= lo + 8 && !is_cont((unsigned char)t[i - 8]) &&
                     (k = starts8(t + i - 8)) <= n;) {
        i -= 8;
        n -= k;
    }
    while (i > lo && n > 0) {
        i--;
        while (i > lo && is_cont((unsigned char)t[i]))
            i--;
        n--;
    }
    return i;
}

/* Moves on n characters from i; 8 bytes at once when the last of them
 * starts a character, as back_chars. */
static size_t fwd_chars(const char *t, size_t len, size_t i, size_t n)
{
    for (unsigned k; i + 9 <= len && !is_cont((unsigned char)t[i + 8]) &&
                     (k = starts8(t + i + 1)) <= n;) {
        i += 8;
        n -= k;
    }
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

/* Whether c ends a sentence (with a blank after it). */
static int ends_sentence(char c)
{
    return c == '.' || c == '!' || c == '?';
}

/* After a full stop, question or exclamation mark, colon or semicolon and
 * a blank, or a newline. */
static int sentence_starts_at(const char *t, size_t i)
{
    if (i == 0)
        return 1;
    if (t[i - 1] == '\n')
        return 1;
    return i >= 2 && is_blank(t[i - 1]) &&
           (ends_sentence(t[i - 2]) || t[i - 2] == ':' || t[i - 2] == ';');
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
        while (e > floor && !(ends_sentence(t[e - 1]) && (e == len || is_blank(t[e]))))
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
    int tail = end < f->len && !ends_sentence(f->text[end - 1]);
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
    window *around;         /* per span: the window around it (the same
                               whichever fragment is being chosen) */
    window *chosen;         /* windows taken in this field */
    size_t n_chosen;
} field_marks;

static void field_marks_free(field_marks *fm, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(fm[i].s.v);
        free(fm[i].used);
        free(fm[i].around);
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

/* The window around each of f's marks: the whole text when it is short
 * enough to keep whole. */
static int place_windows(const snip_request *rq, const snip_field *f, field_marks *fm,
                         size_t chars)
{
    if (!fm->s.n)
        return 0;
    if (!(fm->around = malloc(fm->s.n * sizeof *fm->around)))
        return -1;
    int whole = rq->whole_if_short && fwd_chars(f->text, f->len, 0, 2 * chars) >= f->len;
    for (size_t i = 0; i < fm->s.n; i++)
        fm->around[i] = whole ? (window){ 0, f->len, 0, fm->s.n, 0 }
                              : window_at(f, &fm->s, i, chars);
    return 0;
}

/* The marks of every field (snippet_match.c), and room for the windows
 * that will be taken around them. */
static int mark_fields(const snip_request *rq, const snip_field *fields, size_t n,
                       field_marks *fm)
{
    snip_marker *mk = snip_marker_new(rq);
    int rc = mk ? 0 : -1;
    for (size_t f = 0; f < n && rc == 0; f++) {
        if (!fields[f].text || !fields[f].len)
            continue;
        if (snip_mark_field(mk, &fields[f], &fm[f].s) < 0)
            rc = -1;
        if (fm[f].s.n && !(fm[f].used = calloc(fm[f].s.n, 1)))
            rc = -1;
        if (!(fm[f].chosen = calloc(rq->max_fragments + 1, sizeof(window))))
            rc = -1;
    }
    snip_marker_free(mk);
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
    for (size_t f = 0; f < n_fields; f++)
        if (place_windows(rq, &fields[f], &fm[f], chars) < 0)
            goto oom;
    size_t n = 0;
    while (n < rq->max_fragments) {
        window best = { 0 };
        size_t best_f = 0;
        int found = 0;
        for (size_t f = 0; f < n_fields; f++) {
            for (size_t i = 0; i < fm[f].s.n; i++) {
                if (fm[f].used[i])
                    continue;
                window w = fm[f].around[i];
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
