/* session.c — see session.h. */
#include "session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/grow.h"

void session_init(session *s)
{
    memset(s, 0, sizeof *s);
}

static void strlist_free(char **list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(list[i]);
    free(list);
}

void session_clear(session *s)
{
    char **fields[] = {
        &s->title, &s->code, &s->type, &s->date, &s->start_time,
        &s->end_time, &s->timezone, &s->venue, &s->description, &s->theme,
        &s->summary, &s->takeaway, &s->lang,
    };
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        free(*fields[i]);
    strlist_free(s->organisers, s->n_organisers);
    strlist_free(s->interpretation, s->n_interpretation);
    strlist_free(s->presentations, s->n_presentations);
    for (size_t i = 0; i < s->n_speakers; i++) {
        session_speaker *p = &s->speakers[i];
        free(p->name);
        free(p->role);
        free(p->organisation);
        free(p->country);
    }
    free(s->speakers);
    for (size_t i = 0; i < s->n_quotes; i++) {
        session_quote *q = &s->quotes[i];
        free(q->speaker);
        free(q->affiliation);
        free(q->text);
    }
    free(s->quotes);
    session_init(s);
}

/* Grows an array of n elements of size sz so that one more fits; the new
 * element is zeroed.  Capacity doubles at powers of two, so it is derived
 * from n and needs no field of its own. */
static void *grow(void *items, size_t n, size_t sz)
{
    int full = n == 0 || (n & (n - 1)) == 0;   /* capacity is reached */
    if (!full) {
        memset((char *)items + n * sz, 0, sz);
        return items;
    }
    size_t cap = n ? n * 2 : 1;
    if (cap < n || cap > (size_t)-1 / sz)
        return NULL;
    char *p = realloc(items, cap * sz);
    if (!p)
        return NULL;
    memset(p + n * sz, 0, sz);
    return p;
}

session *session_list_push(session_list *l)
{
    if (l->n == l->cap) {
        session *p = grow_array(l->items, &l->cap, sizeof *p, 8);
        if (!p)
            return NULL;
        l->items = p;
    }
    session *s = &l->items[l->n++];
    session_init(s);
    return s;
}

session_speaker *session_add_speaker(session *s)
{
    session_speaker *p = grow(s->speakers, s->n_speakers, sizeof *p);
    if (!p)
        return NULL;
    s->speakers = p;
    return &s->speakers[s->n_speakers++];
}

session_quote *session_add_quote(session *s)
{
    session_quote *q = grow(s->quotes, s->n_quotes, sizeof *q);
    if (!q)
        return NULL;
    s->quotes = q;
    return &s->quotes[s->n_quotes++];
}

int session_strlist_add(char ***list, size_t *n, const char *str, size_t len)
{
    char *copy = malloc(len + 1);
    if (!copy)
        return -1;
    if (len)
        memcpy(copy, str, len);
    copy[len] = '\0';
    char **p = grow(*list, *n, sizeof *p);
    if (!p) {
        free(copy);
        return -1;
    }
    *list = p;
    (*list)[(*n)++] = copy;
    return 0;
}

void session_list_free(session_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        session_clear(&l->items[i]);
    free(l->items);
    l->items = NULL;
    l->n = l->cap = 0;
}

/* ASCII white space and U+00A0 (no-break space, C2 A0 in UTF-8). */
static size_t space_at(const char *s, size_t len)
{
    unsigned char c = (unsigned char)s[0];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
        c == '\f')
        return 1;
    if (c == 0xC2 && len >= 2 && (unsigned char)s[1] == 0xA0)
        return 2;
    return 0;
}

static size_t space_before(const char *s, size_t len)
{
    unsigned char c = (unsigned char)s[len - 1];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
        c == '\f')
        return 1;
    if (c == 0xA0 && len >= 2 && (unsigned char)s[len - 2] == 0xC2)
        return 2;
    return 0;
}

int session_set(char **field, const char *str, size_t len)
{
    if (!str)
        len = 0;
    size_t k;
    while (len && (k = space_at(str, len)) != 0) {
        str += k;
        len -= k;
    }
    while (len && (k = space_before(str, len)) != 0)
        len -= k;
    char *copy = NULL;
    if (len) {
        copy = malloc(len + 1);
        if (!copy)
            return -1;
        memcpy(copy, str, len);
        copy[len] = '\0';
    }
    free(*field);
    *field = copy;
    return 0;
}

static int str_differs(const char *a, const char *b)
{
    return !a || !b ? a != b : strcmp(a, b) != 0;
}

#define NO_INDEX ((size_t)-1)

/* Names the differing field in what: "key", "key[i]" or "key[i].sub";
 * returns 1. */
static int differs(char *what, size_t whatlen, const char *key, size_t i,
                   const char *sub)
{
    if (!what || !whatlen)
        return 1;
    if (i == NO_INDEX)
        snprintf(what, whatlen, "%s", key);
    else
        snprintf(what, whatlen, "%s[%zu]%s%s", key, i, sub ? "." : "",
                 sub ? sub : "");
    return 1;
}

static int strlist_diff(char *const *a, size_t na, char *const *b, size_t nb,
                        const char *key, char *what, size_t whatlen)
{
    if (na != nb)
        return differs(what, whatlen, key, NO_INDEX, NULL);
    for (size_t i = 0; i < na; i++)
        if (str_differs(a[i], b[i]))
            return differs(what, whatlen, key, i, NULL);
    return 0;
}

int session_diff(const session *a, const session *b, char *what,
                 size_t whatlen)
{
#define STR(f)                                                          \
    if (str_differs(a->f, b->f))                                        \
        return differs(what, whatlen, #f, NO_INDEX, NULL);
    STR(title) STR(code) STR(type) STR(date) STR(start_time) STR(end_time)
    STR(timezone) STR(venue) STR(description) STR(theme) STR(summary)
    STR(takeaway) STR(lang)
#undef STR
    if (a->year != b->year)
        return differs(what, whatlen, "year", NO_INDEX, NULL);
    if (a->repairs != b->repairs)
        return differs(what, whatlen, "repairs", NO_INDEX, NULL);
    if (strlist_diff(a->organisers, a->n_organisers, b->organisers,
                     b->n_organisers, "organisers", what, whatlen) ||
        strlist_diff(a->interpretation, a->n_interpretation, b->interpretation,
                     b->n_interpretation, "interpretation", what, whatlen) ||
        strlist_diff(a->presentations, a->n_presentations, b->presentations,
                     b->n_presentations, "presentations", what, whatlen))
        return 1;
    if (a->n_speakers != b->n_speakers)
        return differs(what, whatlen, "speakers", NO_INDEX, NULL);
    for (size_t i = 0; i < a->n_speakers; i++) {
        const session_speaker *p = &a->speakers[i], *q = &b->speakers[i];
        if (str_differs(p->name, q->name))
            return differs(what, whatlen, "speakers", i, "name");
        if (str_differs(p->role, q->role))
            return differs(what, whatlen, "speakers", i, "role");
        if (str_differs(p->organisation, q->organisation))
            return differs(what, whatlen, "speakers", i, "organisation");
        if (str_differs(p->country, q->country))
            return differs(what, whatlen, "speakers", i, "country");
        if (!p->is_chair != !q->is_chair)
            return differs(what, whatlen, "speakers", i, "chair");
    }
    if (a->n_quotes != b->n_quotes)
        return differs(what, whatlen, "quotes", NO_INDEX, NULL);
    for (size_t i = 0; i < a->n_quotes; i++) {
        const session_quote *p = &a->quotes[i], *q = &b->quotes[i];
        if (str_differs(p->speaker, q->speaker))
            return differs(what, whatlen, "quotes", i, "speaker");
        if (str_differs(p->affiliation, q->affiliation))
            return differs(what, whatlen, "quotes", i, "affiliation");
        if (str_differs(p->text, q->text))
            return differs(what, whatlen, "quotes", i, "text");
    }
    return 0;
}
