/*
 * page_reader.c — see page_reader.h.
 *
 * The page is read in four steps:
 *   1. check the bytes, cut them into clean lines with mojibake repaired
 *      (page_text.c, page_repair.c), and drop the site's own text
 *      (page_site.c);
 *   2. the head: session code and title ("09C14 - Title", or "9WS29" on a
 *      line of its own above the title);
 *   3. labelled lines anywhere before the first section label ("Venue:",
 *      "Speakers and chair(s):", "Theme C:", page_fields.c), then the
 *      session type, date and time lines under the title;
 *   4. the body, cut by the section labels (page_labels.c) into the part
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
 * last interpretation line, or the end of the part.  On a page that gave
 * its theme or organisers on labelled lines (labelled), short lines are
 * not taken for them.
 */
static int read_front(session *s, const bline *l, size_t n, int labelled)
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
    while (i > 0 && metas < 2 && !labelled && is_meta_line(&l[i - 1])) {
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
        if (page_add_speaker_line(s, l[k].s, l[k].len) < 0)
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

static int read_body(session *s, const bline *l, size_t n, int labelled)
{
    size_t i = 0;
    while (i < n && !l[i].label)
        i++;
    if (read_front(s, l, i, labelled) < 0)
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

/* The title after a session code: "09C14 - Title", "9WS29 Title",
 * "9WS29: Title". */
static size_t skip_code_separator(const char *s, size_t len, size_t i)
{
    static const char *const seps[] = {"-", ":", "|", "\xE2\x80\x93",
                                       "\xE2\x80\x94"};
    while (i < len && s[i] == ' ')
        i++;
    for (size_t k = 0; k < sizeof seps / sizeof seps[0]; k++) {
        size_t sl = strlen(seps[k]);
        if (len - i >= sl && memcmp(s + i, seps[k], sl) == 0) {
            i += sl;
            break;
        }
    }
    while (i < len && s[i] == ' ')
        i++;
    return i;
}

static size_t next_nonblank(const page_text *pg, size_t i)
{
    while (i < pg->n && pg->lines[i].blank)
        i++;
    return i;
}

static int read_page(page_text *pg, session *s, char *err, size_t errlen)
{
    for (size_t k = 0; k < pg->n; k++)
        s->repairs += pg->lines[k].repairs;
    size_t i = next_nonblank(pg, 0);
    if (i == pg->n) {
        set_err(err, errlen, "no session title");
        return -1;
    }
    const page_line *t = &pg->lines[i];
    const char *ts = page_line_text(pg, t);
    size_t tlen = t->len;
    /* The session code: on a line of its own above the title, or before
     * the title on its line. */
    size_t cl = page_session_code(ts, tlen);
    if (cl) {
        size_t rest = skip_code_separator(ts, tlen, cl);
        if (cl == tlen || rest < tlen) {
            if (session_set(&s->code, ts, cl) < 0)
                goto oom;
            if (rest < tlen) {
                ts += rest;
                tlen -= rest;
            } else {
                i = next_nonblank(pg, i + 1);
                if (i == pg->n) {
                    set_err(err, errlen,
                            "line %zu: a session code and no session title",
                            t->no);
                    return -1;
                }
                t = &pg->lines[i];
                ts = page_line_text(pg, t);
                tlen = t->len;
            }
        }
    }
    size_t chars = page_chars(ts, tlen);
    if (chars > TITLE_MAX_CHARS) {
        set_err(err, errlen,
                "line %zu: the title line has %zu characters, too long for "
                "a session title",
                t->no, chars);
        return -1;
    }
    if (page_label_of(ts, tlen)) {
        set_err(err, errlen,
                "line %zu: no session title (the page starts "
                "with a section label)",
                t->no);
        return -1;
    }
    if (session_set(&s->title, ts, tlen) < 0)
        goto oom;
    i++;

    int fields = page_read_fields(pg, i, s);
    if (fields < 0)
        goto oom;
    int labelled = s->theme != NULL || s->n_organisers > 0;

    /* Session type, date and time lines right under the title. */
    size_t j = i, seen = 0;
    int have_date = 0, have_time = 0, have_type = 0;
    while (j < pg->n && seen < 5) {
        const page_line *l = &pg->lines[j];
        if (l->blank) {
            j++;
            continue;
        }
        const char *ls = page_line_text(pg, l);
        page_when w;
        if (page_parse_when(ls, l->len, &w) && !(w.year && have_date) &&
            !(w.start_h >= 0 && have_time)) {
            if (page_set_when(s, &w) < 0)
                goto oom;
            have_date |= w.year != 0;
            have_time |= w.start_h >= 0;
        } else if (!have_type && page_is_session_type(ls, l->len)) {
            if (!s->type && session_set(&s->type, ls, l->len) < 0)
                goto oom;
            have_type = 1;
        } else {
            break;
        }
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
    if (n == 0 && !have_date && !have_time && !have_type && !fields) {
        free(bl);
        set_err(err, errlen,
                "line %zu: nothing but a title, not a session page", t->no);
        return -1;
    }
    int rc = read_body(s, bl, n, labelled);
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
