/*
 * page_speakers.c — speakers of a session page, in the two ways pages
 * write them:
 *
 *   one per line (2016 on):   Name, Role, Organisation…, Country.
 *   inline (OPEN DAYS):       Speakers and chair(s): A, Org; B, Org;
 *                             Chair: C, Org
 *                             Speakers and chair(s): A (Org, Role),
 *                             B (Org, Role); Chair: C (Org)
 *
 * In a line of its own the parts have fixed places.  Inline, they do not:
 * a part is a country only when it is the last one and names a country
 * (page_words.c), and a role only when it holds a word that names a
 * position; whatever else there is is the organisation, as written.  So
 * "(European Commission, DG Regional Policy)" gives an organisation and no
 * role: nothing is guessed into a field.
 */
#include "page_internal.h"

#include <string.h>

/* ------------------------------------------------------------ one a line */

int page_add_speaker_line(session *s, const char *line, size_t len)
{
    page_parts p;
    if (!page_speaker_parts(line, len, &p))
        return 0;
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
    return 1;
}

/* ------------------------------------------------------------ inline */

/* Trims spaces, and the commas and full stops that separated s from
 * what followed it. */
static void trim_end_punct(const char **s, size_t *len)
{
    page_trim(s, len);
    while (*len && ((*s)[*len - 1] == ',' || (*s)[*len - 1] == '.' ||
                    (*s)[*len - 1] == ' '))
        (*len)--;
    page_trim(s, len);
}

/* The comma-separated parts of s outside parentheses (at most max). */
static size_t split_parts(const char *s, size_t len, const char **ps,
                          size_t *pl, size_t max)
{
    size_t n = 0, b = 0;
    int depth = 0;
    for (size_t i = 0; i <= len && n < max; i++) {
        if (i < len) {
            if (s[i] == '(')
                depth++;
            else if (s[i] == ')' && depth > 0)
                depth--;
            if (s[i] != ',' || depth > 0)
                continue;
        }
        const char *p = s + b;
        size_t l = i - b;
        page_trim(&p, &l);
        if (l) {
            ps[n] = p;
            pl[n] = l;
            n++;
        }
        b = i + 1;
    }
    return n;
}

/* Sets *field to the parts [b, e) as written (from the start of the first
 * to the end of the last). */
static int set_span(char **field, const char **ps, const size_t *pl, size_t b,
                    size_t e)
{
    if (b >= e)
        return 0;
    return session_set(field, ps[b], (size_t)(ps[e - 1] + pl[e - 1] - ps[b]));
}

/* One inline speaker: "Name, Org", "Name, Role, Org, Country",
 * "Name (Org, Role)", "Name (chair)". */
static int add_inline_speaker(session *s, const char *it, size_t len, int chair)
{
    trim_end_punct(&it, &len);
    /* "(chair)", "(moderator)" at the end */
    if (len && it[len - 1] == ')') {
        const char *open = NULL;
        for (size_t i = len - 1; i-- > 0 && !open;)
            if (it[i] == '(')
                open = it + i;
        size_t cl = open ? (size_t)(it + len - 1 - (open + 1)) : 0;
        if (open && cl <= 30 && !memchr(open, ',', cl) &&
            page_is_chair(open + 1, cl)) {
            chair = 1;
            len = (size_t)(open - it);
            trim_end_punct(&it, &len);
        }
    }
    if (!len)
        return 0;
    const char *name = it, *inner = NULL;
    size_t nl = len, il = 0;
    const char *open = memchr(it, '(', len);
    if (open && open > it && it[len - 1] == ')') {
        /* "Name (Org, Role)" */
        nl = (size_t)(open - it);
        inner = open + 1;
        il = len - 1 - (size_t)(inner - it);
    } else {
        /* "Name, Org, ..." */
        const char *comma = memchr(it, ',', len);
        if (comma) {
            nl = (size_t)(comma - it);
            inner = comma + 1;
            il = len - (size_t)(inner - it);
        }
    }
    page_trim(&name, &nl);
    if (!nl)
        return 0;
    const char *ps[PAGE_MAX_PARTS];
    size_t pl[PAGE_MAX_PARTS];
    size_t n = inner ? split_parts(inner, il, ps, pl, PAGE_MAX_PARTS) : 0;

    session_speaker *sp = session_add_speaker(s);
    if (!sp || session_set(&sp->name, name, nl) < 0)
        return -1;
    if (n >= 1 && page_is_country(ps[n - 1], pl[n - 1])) {
        if (session_set(&sp->country, ps[n - 1], pl[n - 1]) < 0)
            return -1;
        n--;
    }
    /* The role is the part that names a position, and the parts after it
     * ("Head of Service, Directorate General for ..."): first in "Name,
     * Role, Org" (the one-a-line order), last in "Name (Org, Role)". */
    size_t k = 0;
    while (k < n && !page_has_role_word(ps[k], pl[k]))
        k++;
    int rc = 0;
    if (k == 0 && n > 0)
        rc = session_set(&sp->role, ps[0], pl[0]) |
             set_span(&sp->organisation, ps, pl, 1, n);
    else
        rc = set_span(&sp->role, ps, pl, k, n) |
             set_span(&sp->organisation, ps, pl, 0, k);
    if (rc < 0)
        return -1;
    sp->is_chair =
        chair || (sp->role && page_is_chair(sp->role, strlen(sp->role)));
    return 0;
}

/* The speakers of s[0..len), which holds no ';' and no marker: one
 * speaker, or several "Name (...)" joined by commas.  *mode is the marker
 * in force: a "Chair:" makes the first of them chair, "Chairs:" all. */
static int add_items(session *s, const char *it, size_t len, page_field *mode)
{
    size_t b = 0;
    int depth = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len) {
            if (it[i] == '(')
                depth++;
            else if (it[i] == ')' && depth > 0)
                depth--;
            /* a comma right after ")" ends an item */
            if (it[i] != ',' || depth > 0)
                continue;
            size_t k = i;
            while (k > b && it[k - 1] == ' ')
                k--;
            if (k == b || it[k - 1] != ')')
                continue;
        }
        const char *p = it + b;
        size_t l = i - b;
        trim_end_punct(&p, &l);
        if (l) {
            int chair = *mode == PAGE_FIELD_CHAIR || *mode == PAGE_FIELD_CHAIRS;
            if (add_inline_speaker(s, p, l, chair) < 0)
                return -1;
            if (*mode == PAGE_FIELD_CHAIR)
                *mode = PAGE_FIELD_SPEAKERS;
        }
        b = i + 1;
    }
    return 0;
}

/* Whether a marker "Chair:", "Speakers:" ends at the colon s[colon]: it
 * starts after the last separator before it.  The marker's field, with
 * *start where it begins, or PAGE_FIELD_NONE. */
static page_field marker_at(const char *s, size_t from, size_t colon,
                            size_t *start)
{
    size_t b = colon;
    while (b > from && s[b - 1] != ',' && s[b - 1] != '.' && s[b - 1] != ';')
        b--;
    while (b < colon && s[b] == ' ')
        b++;
    size_t v;
    page_field f = page_field_of(s + b, colon + 1 - b, &v);
    if (f != PAGE_FIELD_SPEAKERS && f != PAGE_FIELD_CHAIR &&
        f != PAGE_FIELD_CHAIRS)
        return PAGE_FIELD_NONE;
    *start = b;
    return f;
}

int page_add_inline_speakers(session *s, const char *v, size_t len,
                             page_field mode)
{
    size_t b = 0; /* start of the text not yet read */
    int depth = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len) {
            if (v[i] == '(')
                depth++;
            else if (v[i] == ')' && depth > 0)
                depth--;
            if (depth > 0 || (v[i] != ';' && v[i] != ':'))
                continue;
        }
        size_t mstart = 0;
        page_field marker = PAGE_FIELD_NONE;
        if (i < len && v[i] == ':') {
            marker = marker_at(v, b, i, &mstart);
            if (!marker)
                continue; /* a colon inside a speaker's text */
        }
        size_t end = marker ? mstart : i;
        if (add_items(s, v + b, end - b, &mode) < 0)
            return -1;
        if (marker)
            mode = marker;
        else if (mode == PAGE_FIELD_CHAIR)
            mode = PAGE_FIELD_SPEAKERS; /* "Chair:" ends at the ';' */
        b = i + 1;
    }
    return 0;
}
