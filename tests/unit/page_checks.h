/*
 * page_checks.h — what the page reader's tests (test_page_*.c) share:
 * reading a page from a string, checking one speaker or quote, counting
 * paragraphs, and making sure that none of the site's footer or comment
 * text ended up in a session.  All static inline, so that a program that
 * uses only some of them builds without unused-function warnings.
 */
#ifndef EVS_TESTS_UNIT_PAGE_CHECKS_H
#define EVS_TESTS_UNIT_PAGE_CHECKS_H

#include <stddef.h>
#include <string.h>

#include "indexer/page_reader.h"
#include "tests/check.h"

/* Reads a page; returns the rc, err filled. */
static inline int read_str(const char *text, session *s, char *err,
                           size_t errlen)
{
    session_clear(s);
    return page_read(text, strlen(text), s, err, errlen);
}

/* A speaker as a test expects it: the table rows of the inline speaker
 * cases and of the layouts. */
typedef struct exp_speaker {
    const char *name, *role, *org, *country;
    int chair;
} exp_speaker;

/* ---------------------------------------------------------- footers */

/* Whether s contains text of the site footers and comment threads in the
 * test pages: none of it may end up in any field. */
static inline int has_footer(const char *s)
{
    static const char *const footer_bits[] = {
        "comment and interact",    "Be the first",
        "Any comment not related", "commentez",
        "Soyez le premier",        "Publié par",
        "Très bon atelier",        "Visiteur",
    };
    if (!s)
        return 0;
    for (size_t i = 0; i < sizeof footer_bits / sizeof footer_bits[0]; i++)
        if (strstr(s, footer_bits[i]))
            return 1;
    return 0;
}

/* Whether some string of the session contains footer text. */
static inline int session_has_footer(const session *s)
{
    const char *f[] = {s->title,       s->code,     s->type,     s->date,
                       s->start_time,  s->end_time, s->timezone, s->venue,
                       s->description, s->theme,    s->summary,  s->takeaway,
                       s->lang};
    int bad = 0;
    for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
        bad |= has_footer(f[i]);
    for (size_t i = 0; i < s->n_organisers; i++)
        bad |= has_footer(s->organisers[i]);
    for (size_t i = 0; i < s->n_interpretation; i++)
        bad |= has_footer(s->interpretation[i]);
    for (size_t i = 0; i < s->n_presentations; i++)
        bad |= has_footer(s->presentations[i]);
    for (size_t i = 0; i < s->n_speakers; i++) {
        const session_speaker *p = &s->speakers[i];
        bad |= has_footer(p->name) | has_footer(p->role) |
               has_footer(p->organisation) | has_footer(p->country);
    }
    for (size_t i = 0; i < s->n_quotes; i++) {
        const session_quote *q = &s->quotes[i];
        bad |= has_footer(q->speaker) | has_footer(q->affiliation) |
               has_footer(q->text);
    }
    return bad;
}

static inline int starts_with(const char *s, const char *prefix)
{
    return s && strncmp(s, prefix, strlen(prefix)) == 0;
}

static inline size_t count_paragraphs(const char *s)
{
    if (!s)
        return 0;
    size_t n = 1;
    for (const char *p = s; (p = strstr(p, "\n\n")) != NULL; p += 2)
        n++;
    return n;
}

static inline void check_speaker(const session *s, size_t i,
                                 const char *name, const char *role,
                                 const char *org, const char *country,
                                 int chair)
{
    CHECK(i < s->n_speakers);
    if (i >= s->n_speakers)
        return;
    const session_speaker *p = &s->speakers[i];
    CHECK_STR(p->name, name);
    CHECK_STR(p->role, role);
    CHECK_STR(p->organisation, org);
    CHECK_STR(p->country, country);
    CHECK_INT(p->is_chair, chair);
}

static inline void check_quote(const session *s, size_t i,
                               const char *speaker, const char *aff,
                               const char *text_start)
{
    CHECK(i < s->n_quotes);
    if (i >= s->n_quotes)
        return;
    const session_quote *q = &s->quotes[i];
    CHECK_STR(q->speaker, speaker);
    CHECK_STR(q->affiliation, aff);
    CHECK(starts_with(q->text, text_start));
}

#endif
