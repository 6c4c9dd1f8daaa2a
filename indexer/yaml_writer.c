/*
 * yaml_writer.c — see yaml_writer.h and docs/session-yaml.md.
 *
 * The YAML is produced by libyaml's emitter from events, never by printf:
 * the emitter knows every quoting rule (a value starting with "- ", "# ",
 * "&", a ": " inside, a tab, a line with trailing spaces) and falls back
 * from the style asked for to one that can hold the text.  What it cannot
 * know is which plain texts another YAML tool would read as something else
 * than a string; those are quoted here (see common/yaml_quote.h).
 */
#include "yaml_writer.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <utf8proc.h>
#include <yaml.h>

#include "../common/yaml_quote.h"
#include "yaml_reader.h"

typedef struct yw {
    yaml_emitter_t em;
    char *err;
    size_t errlen;
    int rc;                     /* the first failure, YAML_WRITE_* */
} yw;

static int failf(char *err, size_t errlen, int rc, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static int failf(char *err, size_t errlen, int rc, const char *fmt, ...)
{
    if (err && errlen) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err, errlen, fmt, ap);
        va_end(ap);
    }
    return rc;
}

/* ------------------------------------------------------------ checks */

static int valid_utf8(const char *s)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    utf8proc_ssize_t left = (utf8proc_ssize_t)strlen(s);
    while (left > 0) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(p, left, &cp);
        if (k <= 0)
            return 0;
        p += k;
        left -= k;
    }
    return 1;
}

/* Where a problem is, for messages: "session 2, speaker 1". */
typedef struct where {
    char text[96];
} where;

static int check_str(const char *s, const char *key, const where *at,
                     char *err, size_t errlen)
{
    if (!s)
        return 0;
    if (strlen(s) > YAML_MAX_SCALAR)
        return failf(err, errlen, YAML_WRITE_INVALID,
                     "%s: \"%s\" is longer than the YAML reader's limit of 1 MiB",
                     at->text, key);
    if (!valid_utf8(s))
        return failf(err, errlen, YAML_WRITE_INVALID,
                     "%s: \"%s\" is not valid UTF-8", at->text, key);
    return 0;
}

static int check_list(char *const *items, size_t n, const char *key,
                      const where *at, char *err, size_t errlen)
{
    if (n > YAML_MAX_ITEMS)
        return failf(err, errlen, YAML_WRITE_INVALID,
                     "%s: more than %d elements in \"%s\"", at->text,
                     YAML_MAX_ITEMS, key);
    for (size_t i = 0; i < n; i++)
        if (check_str(items[i], key, at, err, errlen) < 0)
            return YAML_WRITE_INVALID;
    return 0;
}

/*
 * Refuses, before anything is written, what yaml_read_sessions would refuse
 * when reading the output back: the dump's promise is that it can be
 * corrected and indexed instead of the page.
 */
static int check_sessions(const session_list *l, char *err, size_t errlen)
{
    if (l->n == 0)
        return failf(err, errlen, YAML_WRITE_INVALID, "no session to write");
    if (l->n > YAML_MAX_SESSIONS)
        return failf(err, errlen, YAML_WRITE_INVALID,
                     "more than %d sessions", YAML_MAX_SESSIONS);
    for (size_t i = 0; i < l->n; i++) {
        const session *s = &l->items[i];
        where at;
        snprintf(at.text, sizeof at.text, "session %zu", i + 1);
        if (!s->title)
            return failf(err, errlen, YAML_WRITE_INVALID, "%s: no title",
                         at.text);
        const char *const strs[] = {s->title, s->code, s->type, s->date,
                                    s->start_time, s->end_time, s->timezone,
                                    s->venue, s->description, s->theme,
                                    s->summary, s->takeaway, s->lang};
        const char *const keys[] = {"title", "code", "type", "date",
                                    "start_time", "end_time", "timezone",
                                    "venue", "description", "theme",
                                    "summary", "takeaway", "lang"};
        for (size_t k = 0; k < sizeof strs / sizeof strs[0]; k++)
            if (check_str(strs[k], keys[k], &at, err, errlen) < 0)
                return YAML_WRITE_INVALID;
        if (check_list(s->organisers, s->n_organisers, "organisers", &at,
                       err, errlen) < 0 ||
            check_list(s->interpretation, s->n_interpretation,
                       "interpretation", &at, err, errlen) < 0 ||
            check_list(s->presentations, s->n_presentations, "presentations",
                       &at, err, errlen) < 0)
            return YAML_WRITE_INVALID;
        if (s->n_speakers > YAML_MAX_ITEMS || s->n_quotes > YAML_MAX_ITEMS)
            return failf(err, errlen, YAML_WRITE_INVALID,
                         "%s: more than %d speakers or quotes", at.text,
                         YAML_MAX_ITEMS);
        for (size_t j = 0; j < s->n_speakers; j++) {
            const session_speaker *p = &s->speakers[j];
            snprintf(at.text, sizeof at.text, "session %zu, speaker %zu",
                     i + 1, j + 1);
            if (!p->name)
                return failf(err, errlen, YAML_WRITE_INVALID, "%s: no name",
                             at.text);
            if (check_str(p->name, "name", &at, err, errlen) < 0 ||
                check_str(p->role, "role", &at, err, errlen) < 0 ||
                check_str(p->organisation, "organisation", &at, err,
                          errlen) < 0 ||
                check_str(p->country, "country", &at, err, errlen) < 0)
                return YAML_WRITE_INVALID;
        }
        for (size_t j = 0; j < s->n_quotes; j++) {
            const session_quote *q = &s->quotes[j];
            snprintf(at.text, sizeof at.text, "session %zu, quote %zu", i + 1,
                     j + 1);
            if (!q->text)
                return failf(err, errlen, YAML_WRITE_INVALID, "%s: no text",
                             at.text);
            if (check_str(q->speaker, "speaker", &at, err, errlen) < 0 ||
                check_str(q->affiliation, "affiliation", &at, err, errlen) < 0 ||
                check_str(q->text, "text", &at, err, errlen) < 0)
                return YAML_WRITE_INVALID;
        }
    }
    return 0;
}

/* ------------------------------------------------------------ scalars */

static int nomem(yw *w)
{
    return w->rc = failf(w->err, w->errlen, YAML_WRITE_NOMEM,
                         "writing YAML: out of memory");
}

/* Emits an event made by an initialiser that returned ok (0: it ran out of
 * memory).  After the first failure nothing more is emitted. */
static int emit(yw *w, int ok, yaml_event_t *ev)
{
    if (!ok)
        return nomem(w);
    /* the emitter owns the event from here, even when it fails */
    if (!yaml_emitter_emit(&w->em, ev))
        w->rc = failf(w->err, w->errlen, YAML_WRITE_NOMEM, "writing YAML: %s",
                      w->em.problem ? w->em.problem : "out of memory");
    return w->rc;
}

/* A scalar in the style asked for (libyaml may pick a safer one). */
static int scalar_as(yw *w, const char *s, yaml_scalar_style_t style)
{
    if (w->rc)
        return w->rc;
    yaml_event_t ev;
    /* implicit both ways: no tag is written, whatever the style */
    return emit(w,
                yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)s,
                                             (int)strlen(s), 1, 1, style),
                &ev);
}

/* A value: multi-line texts as literal blocks, keeping their lines as the
 * page had them; texts that would not stay strings quoted. */
static int scalar(yw *w, const char *s)
{
    yaml_scalar_style_t style = YAML_PLAIN_SCALAR_STYLE;
    if (strchr(s, '\n'))
        style = YAML_LITERAL_SCALAR_STYLE;
    else if (yaml_needs_quotes(s, strlen(s)))
        style = YAML_DOUBLE_QUOTED_SCALAR_STYLE;
    return scalar_as(w, s, style);
}

static int key(yw *w, const char *k)
{
    return scalar_as(w, k, YAML_PLAIN_SCALAR_STYLE);
}

/* key: value, when there is a value. */
static int pair(yw *w, const char *k, const char *v)
{
    if (!v)
        return w->rc;
    key(w, k);
    return scalar(w, v);
}

static int begin_map(yw *w)
{
    yaml_event_t ev;
    return w->rc ? w->rc
                 : emit(w,
                        yaml_mapping_start_event_initialize(
                            &ev, NULL, NULL, 1, YAML_BLOCK_MAPPING_STYLE),
                        &ev);
}

static int end_map(yw *w)
{
    yaml_event_t ev;
    return w->rc ? w->rc : emit(w, yaml_mapping_end_event_initialize(&ev), &ev);
}

static int begin_seq(yw *w, yaml_sequence_style_t style)
{
    yaml_event_t ev;
    return w->rc ? w->rc
                 : emit(w,
                        yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1,
                                                             style),
                        &ev);
}

static int end_seq(yw *w)
{
    yaml_event_t ev;
    return w->rc ? w->rc : emit(w, yaml_sequence_end_event_initialize(&ev), &ev);
}

/* key: [a, b] (flow: language codes) or a block list; nothing when empty. */
static int list(yw *w, const char *k, char *const *items, size_t n, int flow)
{
    if (!n)
        return w->rc;
    key(w, k);
    begin_seq(w, flow ? YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE);
    for (size_t i = 0; i < n; i++)
        scalar(w, items[i]);
    return end_seq(w);
}

/* ------------------------------------------------------------ sessions */

static int write_speakers(yw *w, const session *s)
{
    if (!s->n_speakers)
        return w->rc;
    key(w, "speakers");
    begin_seq(w, YAML_BLOCK_SEQUENCE_STYLE);
    for (size_t i = 0; i < s->n_speakers; i++) {
        const session_speaker *p = &s->speakers[i];
        begin_map(w);
        pair(w, "name", p->name);
        pair(w, "role", p->role);
        pair(w, "organisation", p->organisation);
        pair(w, "country", p->country);
        if (p->is_chair) {
            key(w, "chair");
            scalar_as(w, "true", YAML_PLAIN_SCALAR_STYLE);
        }
        end_map(w);
    }
    return end_seq(w);
}

static int write_quotes(yw *w, const session *s)
{
    if (!s->n_quotes)
        return w->rc;
    key(w, "quotes");
    begin_seq(w, YAML_BLOCK_SEQUENCE_STYLE);
    for (size_t i = 0; i < s->n_quotes; i++) {
        const session_quote *q = &s->quotes[i];
        begin_map(w);
        pair(w, "speaker", q->speaker);
        pair(w, "affiliation", q->affiliation);
        pair(w, "text", q->text);
        end_map(w);
    }
    return end_seq(w);
}

/* The keys in the order of the documented example, which is the order of
 * the page (announcement, speakers, then the report), so that a dump reads
 * side by side with the page it came from. */
static int write_session(yw *w, const session *s)
{
    begin_map(w);
    pair(w, "title", s->title);
    pair(w, "code", s->code);
    pair(w, "type", s->type);
    if (s->date) {
        /* plain, as in the documented example: a date is meant as a date
         * (YYYY-MM-DD, checked by the reader) */
        key(w, "date");
        scalar_as(w, s->date, YAML_PLAIN_SCALAR_STYLE);
    }
    /* times are quoted by yaml_needs_quotes: "14:30" is base 60 in YAML 1.1 */
    pair(w, "start_time", s->start_time);
    pair(w, "end_time", s->end_time);
    pair(w, "timezone", s->timezone);
    pair(w, "venue", s->venue);
    pair(w, "lang", s->lang);
    pair(w, "theme", s->theme);
    list(w, "organisers", s->organisers, s->n_organisers, 0);
    list(w, "interpretation", s->interpretation, s->n_interpretation, 1);
    pair(w, "description", s->description);
    write_speakers(w, s);
    pair(w, "summary", s->summary);
    pair(w, "takeaway", s->takeaway);
    list(w, "presentations", s->presentations, s->n_presentations, 0);
    write_quotes(w, s);
    if (s->repairs) {
        char n[32];
        snprintf(n, sizeof n, "%zu", s->repairs);
        key(w, "repairs");
        scalar_as(w, n, YAML_PLAIN_SCALAR_STYLE);
    }
    return end_map(w);
}

static int to_buf(void *data, unsigned char *bytes, size_t size)
{
    return buf_append(data, bytes, size) == 0;
}

/*
 * "# SOURCE" before the document.  The event API has no comments, so the
 * line is written to the buffer before the emitter starts; control
 * characters, YAML line breaks (U+0085, U+2028, U+2029) and invalid UTF-8
 * in the name become "?", so that the comment stays one line of a valid
 * stream whatever the file is called.
 */
static int write_comment(buf *out, const char *source)
{
    int rc = buf_puts(out, "# ");
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)source;
    utf8proc_ssize_t left = (utf8proc_ssize_t)strlen(source);
    while (left > 0 && rc == 0) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(p, left, &cp);
        int ok = k > 0 && cp >= 0x20 && cp != 0x7F && !(cp >= 0x80 && cp <= 0x9F) &&
                 cp != 0x2028 && cp != 0x2029 && cp != 0xFEFF;
        if (k <= 0)
            k = 1;
        rc = ok ? buf_append(out, p, (size_t)k) : buf_putc(out, '?');
        p += k;
        left -= k;
    }
    return rc < 0 ? rc : buf_putc(out, '\n');
}

int yaml_write_sessions(const session_list *l, const char *source, buf *out,
                        char *err, size_t errlen)
{
    if (err && errlen)
        err[0] = '\0';
    int rc = check_sessions(l, err, errlen);
    if (rc)
        return rc;
    size_t start = out->len;
    yw w = {.err = err, .errlen = errlen, .rc = 0};
    if (source && write_comment(out, source) < 0)
        nomem(&w);
    else if (!yaml_emitter_initialize(&w.em))
        nomem(&w);
    else {
        yaml_emitter_set_output(&w.em, to_buf, out);
        yaml_emitter_set_unicode(&w.em, 1); /* "Île", not "\xCEle" */
        yaml_emitter_set_indent(&w.em, 2);
        yaml_emitter_set_width(&w.em, 80);
        yaml_emitter_set_break(&w.em, YAML_LN_BREAK);

        yaml_event_t ev;
        emit(&w, yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING), &ev);
        /* explicit "---": each call's stream is a first document, which
         * libyaml would leave implicit, and concatenated outputs need it */
        if (!w.rc)
            emit(&w, yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 0), &ev);
        if (l->n > 1)
            begin_seq(&w, YAML_BLOCK_SEQUENCE_STYLE);
        for (size_t i = 0; i < l->n && !w.rc; i++)
            write_session(&w, &l->items[i]);
        if (l->n > 1)
            end_seq(&w);
        if (!w.rc)
            emit(&w, yaml_document_end_event_initialize(&ev, 1), &ev);
        if (!w.rc)
            emit(&w, yaml_stream_end_event_initialize(&ev), &ev);
        if (!w.rc && !yaml_emitter_flush(&w.em))
            nomem(&w);
        yaml_emitter_delete(&w.em);
    }
    if (w.rc) {
        out->len = start;
        if (out->data)
            out->data[start] = '\0';
    }
    return w.rc;
}
