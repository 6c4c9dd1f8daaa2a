/*
 * page_reader.c — see page_reader.h.
 *
 * The page is read in three steps:
 *   1. check the bytes and cut them into clean lines (page_text.c);
 *   2. the head: title, then date and time lines;
 *   3. the body, cut by the section labels (page_labels.c) into the part
 *      before the first label (description and the info block of speakers,
 *      theme, organiser, interpretation languages) and the labelled
 *      sections (summary, take-away), where speaker quotes start at the
 *      first "Name (Affiliation)" header.
 */
#include "page_reader.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/buf.h"
#include "page_internal.h"

#define TITLE_MAX_CHARS 300

/* A non-blank line of the body, as the body parser sees it. */
typedef struct bline {
    const char *s;
    size_t len;
    int para; /* starts a paragraph */
    page_label label;
} bline;

/* ------------------------------------------------------------ speakers */

static int is_speaker_line(const bline *l)
{
    page_parts p;
    return page_speaker_parts(l->s, l->len, &p);
}

static int add_speaker(session *s, const bline *l)
{
    page_parts p;
    page_speaker_parts(l->s, l->len, &p);
    session_speaker *sp = session_add_speaker(s);
    if (!sp)
        return -1;
    if (session_set(&sp->name, p.s[0], p.len[0]) < 0 ||
        session_set(&sp->country, p.s[p.n - 1], p.len[p.n - 1]) < 0)
        return -1;
    if (p.n >= 3 && session_set(&sp->role, p.s[1], p.len[1]) < 0)
        return -1;
    if (p.n >= 4) {
        /* the parts between role and country, as written */
        const char *b = p.s[2];
        const char *e = p.s[p.n - 2] + p.len[p.n - 2];
        if (session_set(&sp->organisation, b, (size_t)(e - b)) < 0)
            return -1;
    }
    sp->is_chair = page_is_chair(p.s[0], p.len[0]) ||
                   (p.n >= 3 && page_is_chair(p.s[1], p.len[1]));
    return 0;
}

/* ------------------------------------------------------------ text */

/* Appends lines [b, e) as paragraphs: lines of a paragraph joined by "\n",
 * paragraphs by "\n\n". */
static int append_paragraphs(buf *out, const bline *l, size_t b, size_t e)
{
    for (size_t i = b; i < e; i++) {
        if (out->len && buf_puts(out, i == b || l[i].para ? "\n\n" : "\n") < 0)
            return -1;
        if (buf_append(out, l[i].s, l[i].len) < 0)
            return -1;
    }
    return 0;
}

/* Sets *field to the paragraphs [b, e), appended to what it has. */
static int set_paragraphs(char **field, const bline *l, size_t b, size_t e)
{
    if (b >= e)
        return 0;
    buf out = BUF_INIT;
    if ((*field && buf_puts(&out, *field) < 0) ||
        append_paragraphs(&out, l, b, e) < 0 ||
        session_set(field, out.data, out.len) < 0) {
        buf_free(&out);
        return -1;
    }
    buf_free(&out);
    return 0;
}

/* ------------------------------------------------------------ step 3 */

/* A theme or organiser line: short, not a sentence, not a speaker. */
static int is_meta_line(const bline *l)
{
    return l->len <= 200 && !page_ends_sentence(l->s, l->len) &&
           !is_speaker_line(l) && !page_interpretation(l->s, l->len, NULL);
}

/*
 * The part before the first label, l[0..n): description paragraphs, and
 * the info block: speaker lines, then up to two lines (theme, organiser),
 * then the interpretation languages.  The block is found from its end: the
 * last interpretation line, or the end of the part.
 */
static int read_front(session *s, const bline *l, size_t n)
{
    if (!n)
        return 0;
    size_t interp = n;
    for (size_t i = n; i-- > 0;)
        if (page_interpretation(l[i].s, l[i].len, NULL)) {
            interp = i;
            break;
        }
    size_t end = interp < n ? interp : n; /* block: [start, end) + interp */
    size_t i = end, metas = 0, speakers = 0;
    /* Blank lines between the lines of the block vary from page to page:
     * the shapes of the lines decide, not the paragraphs. */
    while (i > 0 && metas < 2 && is_meta_line(&l[i - 1])) {
        i--;
        metas++;
    }
    size_t meta_start = i;
    /* Speaker lines are distinctive enough to be taken across blank lines. */
    while (i > 0 && is_speaker_line(&l[i - 1])) {
        i--;
        speakers++;
    }
    size_t start = i;
    int found =
        interp < n || speakers > 0 || (metas == 2 && l[start].para && end == n);
    if (!found) {
        start = end = meta_start = n;
        metas = 0;
    }

    if (set_paragraphs(&s->description, l, 0, start) < 0)
        return -1;
    for (size_t k = start; k < meta_start; k++)
        if (add_speaker(s, &l[k]) < 0)
            return -1;
    if (metas >= 1 &&
        session_set(&s->theme, l[meta_start].s, l[meta_start].len) < 0)
        return -1;
    if (metas == 2) {
        const char *o = l[meta_start + 1].s;
        size_t ol = l[meta_start + 1].len, b = 0;
        for (size_t k = 0; k + 3 <= ol; k++)
            if (memcmp(o + k, " ; ", 3) == 0) {
                if (session_strlist_add(&s->organisers, &s->n_organisers, o + b,
                                        k - b) < 0)
                    return -1;
                b = k + 3;
                k += 2;
            }
        if (session_strlist_add(&s->organisers, &s->n_organisers, o + b,
                                ol - b) < 0)
            return -1;
    }
    if (interp < n && page_interpretation(l[interp].s, l[interp].len, s) < 0)
        return -1;
    /* Whatever follows the block is kept as description. */
    return set_paragraphs(&s->description, l, interp < n ? interp + 1 : n, n);
}

/* Whether line i is a quote header: it starts a paragraph (or follows the
 * end of a sentence), and text follows that is not another header alone in
 * its paragraph. */
static int header_alone(const bline *l, size_t n, size_t i)
{
    const char *a, *b;
    size_t al, bl;
    return l[i].para && (i + 1 >= n || l[i + 1].para) &&
           page_quote_header(l[i].s, l[i].len, &a, &al, &b, &bl);
}

static int header_at(const bline *l, size_t n, size_t i)
{
    const char *a, *b;
    size_t al, bl;
    /* first in its paragraph, or after a finished sentence (pages without
     * blank lines) */
    int starts =
        l[i].para || (i > 0 && page_ends_sentence(l[i - 1].s, l[i - 1].len));
    if (!starts || i + 1 >= n ||
        !page_quote_header(l[i].s, l[i].len, &a, &al, &b, &bl))
        return 0;
    /* the quote follows, in the next paragraph or the same one */
    return !l[i + 1].para || !header_alone(l, n, i + 1);
}

/* A labelled section l[0..n): its text, then quotes from the first
 * quote header on. */
static int read_section(session *s, char **field, const bline *l, size_t n)
{
    size_t i = 0;
    while (i < n && !header_at(l, n, i))
        i++;
    if (set_paragraphs(field, l, 0, i) < 0)
        return -1;
    while (i < n) {
        const char *nm, *af;
        size_t nl, al;
        page_quote_header(l[i].s, l[i].len, &nm, &nl, &af, &al);
        size_t b = ++i;
        while (i < n && !header_at(l, n, i))
            i++;
        session_quote *q = session_add_quote(s);
        if (!q || session_set(&q->speaker, nm, nl) < 0 ||
            session_set(&q->affiliation, af, al) < 0 ||
            set_paragraphs(&q->text, l, b, i) < 0)
            return -1;
    }
    return 0;
}

static int read_body(session *s, const bline *l, size_t n)
{
    size_t i = 0;
    while (i < n && !l[i].label)
        i++;
    if (read_front(s, l, i) < 0)
        return -1;
    while (i < n) {
        page_label label = l[i].label;
        size_t b = ++i;
        while (i < n && !l[i].label)
            i++;
        char **field = label == PAGE_LABEL_SUMMARY ? &s->summary : &s->takeaway;
        if (read_section(s, field, l + b, i - b) < 0)
            return -1;
    }
    return 0;
}

/* ------------------------------------------------------------ step 2 */

static int set_when(session *s, const page_when *w)
{
    char tmp[16];
    if (w->year) {
        snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", w->year, w->month, w->day);
        if (session_set(&s->date, tmp, strlen(tmp)) < 0)
            return -1;
        s->year = w->year;
    }
    if (w->start_h >= 0) {
        snprintf(tmp, sizeof tmp, "%02d:%02d", w->start_h, w->start_m);
        if (session_set(&s->start_time, tmp, strlen(tmp)) < 0)
            return -1;
    }
    if (w->end_h >= 0) {
        snprintf(tmp, sizeof tmp, "%02d:%02d", w->end_h, w->end_m);
        if (session_set(&s->end_time, tmp, strlen(tmp)) < 0)
            return -1;
    }
    if (w->zone[0] && session_set(&s->timezone, w->zone, strlen(w->zone)) < 0)
        return -1;
    return 0;
}

static int read_page(page_text *pg, session *s, char *err, size_t errlen)
{
    size_t i = 0;
    while (i < pg->n && pg->lines[i].blank)
        i++;
    if (i == pg->n) {
        set_err(err, errlen, "no session title");
        return -1;
    }
    const page_line *t = &pg->lines[i];
    const char *ts = page_line_text(pg, t);
    size_t chars = page_chars(ts, t->len);
    if (chars > TITLE_MAX_CHARS) {
        set_err(err, errlen,
                "line %zu: first line has %zu characters, too long for a "
                "session title",
                t->no, chars);
        return -1;
    }
    if (page_label_of(ts, t->len)) {
        set_err(err, errlen,
                "line %zu: no session title (the page starts "
                "with a section label)",
                t->no);
        return -1;
    }
    if (session_set(&s->title, ts, t->len) < 0)
        goto oom;
    i++;

    /* Date and time lines right after the title. */
    size_t j = i, seen = 0;
    int have_date = 0, have_time = 0;
    while (j < pg->n && seen < 4) {
        const page_line *l = &pg->lines[j];
        if (l->blank) {
            j++;
            continue;
        }
        page_when w;
        if (!page_parse_when(page_line_text(pg, l), l->len, &w) ||
            (w.year && have_date) || (w.start_h >= 0 && have_time))
            break;
        if (set_when(s, &w) < 0)
            goto oom;
        have_date |= w.year != 0;
        have_time |= w.start_h >= 0;
        seen++;
        j++;
        i = j;
    }

    /* The body, as non-blank lines with paragraph starts and labels. */
    bline *bl = malloc((pg->n - i + 1) * sizeof *bl);
    if (!bl)
        goto oom;
    size_t n = 0;
    int para = 1;
    for (; i < pg->n; i++) {
        const page_line *l = &pg->lines[i];
        if (l->blank) {
            para = 1;
            continue;
        }
        bline *b = &bl[n++];
        b->s = page_line_text(pg, l);
        b->len = l->len;
        b->label = page_label_of(b->s, b->len);
        b->para = para || b->label;
        /* the line after a label starts a paragraph too */
        para = b->label != PAGE_LABEL_NONE;
    }
    if (n == 0 && !have_date && !have_time) {
        free(bl);
        set_err(err, errlen,
                "line %zu: nothing but a title, not a session page", t->no);
        return -1;
    }
    int rc = read_body(s, bl, n);
    free(bl);
    if (rc < 0)
        goto oom;
    return 0;
oom:
    set_err(err, errlen, "out of memory");
    return -1;
}

int page_read(const char *text, size_t len, session *out, char *err,
              size_t errlen)
{
    if (err && errlen)
        err[0] = '\0';
    if (!text)
        len = 0;
    if (page_check_bytes(text, len, err, errlen) < 0) {
        session_clear(out);
        return -1;
    }
    page_text pg = {BUF_INIT, NULL, 0, 0};
    session s;
    session_init(&s);
    int rc = page_split_lines(text, len, &pg);
    if (rc < 0) {
        set_err(err, errlen, "out of memory");
    } else {
        int any = 0;
        for (size_t k = 0; k < pg.n && !any; k++)
            any = !pg.lines[k].blank;
        if (!any) {
            set_err(err, errlen, "empty file");
            rc = -1;
        } else {
            page_drop_site_text(&pg);
            rc = read_page(&pg, &s, err, errlen);
        }
    }
    page_text_free(&pg);
    session_clear(out);
    if (rc < 0) {
        session_clear(&s);
        return -1;
    }
    *out = s;
    return 0;
}
