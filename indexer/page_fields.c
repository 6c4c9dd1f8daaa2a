/*
 * page_fields.c — the labelled lines of a session page and the session
 * code.
 *
 * OPEN DAYS pages (2003-2015) give most fields as "Label: value" lines:
 * "Organisers:", "Venue:", "Speakers and chair(s):", "Theme C:",
 * "Presentations:"; the 2018-2020 pages give "Building:" and "Address:".
 * The labels in every language are in page_labels.c.  A label alone on its
 * line takes its value from the lines under it (one organiser, speaker or
 * presentation a line).  A labelled line that was read is blanked, so the
 * rest of the reader sees the page without it, paragraphs kept.
 *
 * Labelled lines are read before the first section label ("Session
 * summary") only, where pages put them, so that a summary paragraph that
 * happens to start "Speakers: ..." stays text; "Presentations:" alone is
 * also read after it, where OPEN DAYS reports list them at the end.
 */
#include "page_internal.h"

#include <stdio.h>
#include <string.h>

/* ------------------------------------------------------------ codes */

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static int is_upper(char c)
{
    return c >= 'A' && c <= 'Z';
}

size_t page_session_code(const char *s, size_t len)
{
    /* OPEN DAYS: year in two digits, theme letter(s), number ("09C14",
     * "12A05"); 2018-2020: last digit of the year, one to three letters
     * of the type, number ("9WS29", "8LAB03", "0PL12"). */
    size_t i = 0, d, l, n;
    while (i < len && i < 3 && is_digit(s[i]))
        i++;
    d = i;
    while (i < len && i - d < 4 && is_upper(s[i]))
        i++;
    l = i - d;
    while (i < len && i - d - l < 4 && is_digit(s[i]))
        i++;
    n = i - d - l;
    if (d < 1 || d > 2 || l < 1 || l > (d == 2 ? 2u : 3u) || n < 1 || n > 3)
        return 0;
    /* the code is a word of its own */
    if (i < len &&
        (is_digit(s[i]) || is_upper(s[i]) || (s[i] >= 'a' && s[i] <= 'z')))
        return 0;
    return i;
}

/* ------------------------------------------------------------ dates */

int page_set_when(session *s, const page_when *w)
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

/* ------------------------------------------------------------ lists */

/* Appends the items of s[0..len) separated by sep outside parentheses,
 * trimmed, to a string list; list bullets ("- ", "• ") are dropped. */
static int add_list(char ***list, size_t *n, const char *s, size_t len,
                    char sep)
{
    size_t b = 0;
    int depth = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len) {
            if (s[i] == '(')
                depth++;
            else if (s[i] == ')' && depth > 0)
                depth--;
            if (s[i] != sep || depth > 0)
                continue;
        }
        const char *p = s + b;
        size_t l = i - b;
        while (l && *p == ' ')
            p++, l--;
        static const char *const bullets[] = {"- ", "* ", "\xE2\x80\xA2 ",
                                              "\xE2\x80\x93 "};
        for (size_t k = 0; k < sizeof bullets / sizeof bullets[0]; k++) {
            size_t bl = strlen(bullets[k]);
            if (l > bl && memcmp(p, bullets[k], bl) == 0) {
                p += bl;
                l -= bl;
            }
        }
        while (l && p[l - 1] == ' ')
            l--;
        if (l && session_strlist_add(list, n, p, l) < 0)
            return -1;
        b = i + 1;
    }
    return 0;
}

/* Whether s[0..len) has c outside parentheses. */
static int has_top(const char *s, size_t len, char c)
{
    int depth = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '(')
            depth++;
        else if (s[i] == ')' && depth > 0)
            depth--;
        else if (s[i] == c && depth == 0)
            return 1;
    }
    return 0;
}

/* "EN, FR, DE", "EN/FR/DE", or "english (en), polski (pl)": 1 with the
 * codes added, 0 when it is neither (nothing added), -1 (memory). */
static int add_interpretation(session *s, const char *v, size_t len)
{
    if (page_interpretation(v, len, NULL))
        return page_interpretation(v, len, s);
    char codes[32][3];
    size_t n = 0, i = 0;
    while (i < len) {
        while (i < len && (v[i] == ' ' || v[i] == ',' || v[i] == '/' ||
                           v[i] == ';' || v[i] == '-'))
            i++;
        size_t b = i;
        while (i < len && v[i] != ' ' && v[i] != ',' && v[i] != '/' &&
               v[i] != ';' && v[i] != '-')
            i++;
        if (i == b)
            break;
        if (i - b != 2 || n == 32)
            return 0;
        char c0 = (char)(v[b] | 0x20), c1 = (char)(v[b + 1] | 0x20);
        codes[n][0] = c0;
        codes[n][1] = c1;
        codes[n][2] = '\0';
        if (!page_is_lang_code(codes[n]))
            return 0;
        n++;
    }
    for (size_t k = 0; k < n; k++) {
        int seen = 0;
        for (size_t j = 0; j < s->n_interpretation; j++)
            seen |= strcmp(s->interpretation[j], codes[k]) == 0;
        if (!seen && session_strlist_add(&s->interpretation,
                                         &s->n_interpretation, codes[k], 2) < 0)
            return -1;
    }
    return n > 0;
}

/* ------------------------------------------------------------ the pass */

typedef struct fields {
    session *s;
    buf venue, address;
} fields;

static int append_to(buf *b, const char *v, size_t len, const char *sep)
{
    if (!len)
        return 0;
    if (b->len && buf_puts(b, sep) < 0)
        return -1;
    return buf_append(b, v, len);
}

/*
 * One value of field f: the rest of the label's line, or one line under a
 * label alone.  1 when it was read, 0 when it is not a value of the field
 * or the field has one already (the line stays text: nothing is lost),
 * -1 (memory).
 */
static int read_value(fields *fs, page_field f, const char *v, size_t len,
                      int own_line)
{
    session *s = fs->s;
    switch (f) {
    case PAGE_FIELD_CODE:
        if (page_session_code(v, len) != len)
            return 0;
        return s->code ? 0 : session_set(&s->code, v, len) < 0 ? -1 : 1;
    case PAGE_FIELD_TYPE:
        if (len > 60)
            return 0;
        return s->type ? 0 : session_set(&s->type, v, len) < 0 ? -1 : 1;
    case PAGE_FIELD_DATE: {
        page_when w;
        if (!page_parse_when(v, len, &w))
            return 0;
        return page_set_when(s, &w) < 0 ? -1 : 1;
    }
    case PAGE_FIELD_VENUE:
    case PAGE_FIELD_ADDRESS:
        if (len > 200) /* a paragraph, not a place */
            return 0;
        if (f == PAGE_FIELD_VENUE)
            return append_to(&fs->venue, v, len, ", ") < 0 ? -1 : 1;
        return append_to(&fs->address, v, len, ", ") < 0 ? -1 : 1;
    case PAGE_FIELD_ORGANISERS:
        /* "A, B, C", or "A; B" when a name holds a comma */
        return add_list(&s->organisers, &s->n_organisers, v, len,
                        has_top(v, len, ';') ? ';' : ',') < 0
                   ? -1
                   : 1;
    case PAGE_FIELD_PRESENTATIONS:
        return add_list(&s->presentations, &s->n_presentations, v, len, ';') < 0
                   ? -1
                   : 1;
    case PAGE_FIELD_THEME:
        /* a theme is a name, not a paragraph that starts "Theme: ..." */
        if (s->theme || len > 150)
            return 0;
        return session_set(&s->theme, v, len) < 0 ? -1 : 1;
    case PAGE_FIELD_INTERPRETATION:
        return add_interpretation(s, v, len);
    case PAGE_FIELD_SPEAKERS:
    case PAGE_FIELD_CHAIR:
    case PAGE_FIELD_CHAIRS:
        /* under a label alone, a line may be a one-a-line speaker */
        if (own_line && f == PAGE_FIELD_SPEAKERS) {
            int rc = page_add_speaker_line(s, v, len);
            if (rc != 0)
                return rc;
        }
        return page_add_inline_speakers(s, v, len, f) < 0 ? -1 : 1;
    case PAGE_FIELD_NONE:
        break;
    }
    return 0;
}

static const char *line_at(const page_text *pg, size_t i, size_t *len)
{
    *len = pg->lines[i].len;
    return page_line_text(pg, &pg->lines[i]);
}

/* Whether line i may be a value line under a label alone. */
static int value_line(const page_text *pg, size_t i)
{
    size_t len, v;
    const char *s = line_at(pg, i, &len);
    return !pg->lines[i].blank && !page_label_of(s, len) &&
           !page_field_of(s, len, &v);
}

/* Reads the labelled line i and the value lines under it; returns the
 * number of fields read (0: the line stays text), -1 (memory). */
static int read_labelled(fields *fs, page_text *pg, size_t i, page_field f,
                         size_t voff)
{
    size_t len;
    const char *s = line_at(pg, i, &len);
    if (voff < len) {
        int rc = read_value(fs, f, s + voff, len - voff, 0);
        if (rc > 0)
            pg->lines[i].blank = 1;
        return rc;
    }
    /* A label alone: its value is the lines under it, up to a blank line;
     * one-a-line speakers also across blank lines. */
    pg->lines[i].blank = 1;
    int speakers = f == PAGE_FIELD_SPEAKERS || f == PAGE_FIELD_CHAIR ||
                   f == PAGE_FIELD_CHAIRS;
    size_t j = i + 1;
    for (;;) {
        if (j < pg->n && pg->lines[j].blank && speakers) {
            size_t k = j;
            while (k < pg->n && pg->lines[k].blank)
                k++;
            page_parts p;
            const char *t = k < pg->n ? line_at(pg, k, &len) : NULL;
            if (!t || !page_speaker_parts(t, len, &p))
                break;
            j = k;
        }
        if (j >= pg->n || !value_line(pg, j))
            break;
        s = line_at(pg, j, &len);
        int rc = read_value(fs, f, s, len, 1);
        if (rc < 0)
            return -1;
        if (rc == 0)
            break;
        pg->lines[j].blank = 1;
        if (f == PAGE_FIELD_CHAIR)
            f = PAGE_FIELD_SPEAKERS; /* "Chair:" is for the first line */
        j++;
    }
    return 1;
}

int page_read_fields(page_text *pg, size_t from, session *s)
{
    fields fs = {s, BUF_INIT, BUF_INIT};
    int read = 0, in_sections = 0, rc = 0;
    for (size_t i = from; i < pg->n && rc >= 0; i++) {
        if (pg->lines[i].blank)
            continue;
        size_t len, voff;
        const char *t = line_at(pg, i, &len);
        if (page_label_of(t, len)) {
            in_sections = 1;
            continue;
        }
        page_field f = page_field_of(t, len, &voff);
        if (!f || (in_sections && f != PAGE_FIELD_PRESENTATIONS))
            continue;
        rc = read_labelled(&fs, pg, i, f, voff);
        read += rc > 0;
    }
    /* The address follows the building and room. */
    if (rc >= 0 && fs.address.len)
        rc = append_to(&fs.venue, fs.address.data, fs.address.len, ", ");
    if (rc >= 0 && fs.venue.len && !s->venue)
        rc = session_set(&s->venue, fs.venue.data, fs.venue.len);
    buf_free(&fs.venue);
    buf_free(&fs.address);
    return rc < 0 ? -1 : read;
}
