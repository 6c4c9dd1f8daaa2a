/* session_api.c — see session_api.h and evsearch.h ("A session built
 * field by field"). */
#include "session_api.h"

#include <stdlib.h>
#include <string.h>

#include "../query/internal.h"

struct evs_session {
    session s;
};

evs_session *evs_session_new(void)
{
    evs_session *e = calloc(1, sizeof *e);
    if (e)
        session_init(&e->s);
    return e;
}

void evs_session_free(evs_session *e)
{
    if (!e)
        return;
    session_clear(&e->s);
    free(e);
}

/* The model's text field for a public field, or NULL for a list field. */
static char **text_field(session *s, evs_session_field f)
{
    switch (f) {
    case EVS_SESSION_TITLE:       return &s->title;
    case EVS_SESSION_CODE:        return &s->code;
    case EVS_SESSION_TYPE:        return &s->type;
    case EVS_SESSION_DATE:        return &s->date;
    case EVS_SESSION_START_TIME:  return &s->start_time;
    case EVS_SESSION_END_TIME:    return &s->end_time;
    case EVS_SESSION_TIMEZONE:    return &s->timezone;
    case EVS_SESSION_VENUE:       return &s->venue;
    case EVS_SESSION_DESCRIPTION: return &s->description;
    case EVS_SESSION_THEME:       return &s->theme;
    case EVS_SESSION_SUMMARY:     return &s->summary;
    case EVS_SESSION_TAKEAWAY:    return &s->takeaway;
    case EVS_SESSION_LANG:        return &s->lang;
    default:                      return NULL;
    }
}

/* The year of a YYYY-MM-DD date, 0 when it is not one. */
static int year_of(const char *date)
{
    int y = 0;
    for (int i = 0; i < 4; i++) {
        if (!date || date[i] < '0' || date[i] > '9')
            return 0;
        y = y * 10 + (date[i] - '0');
    }
    return date[4] == '-' || date[4] == '\0' ? y : 0;
}

evs_status evs_session_set(evs_session *e, evs_session_field f, const char *value)
{
    if (!e)
        return EVS_INVALID;
    session *s = &e->s;
    char **text = text_field(s, f);
    const char *v = value ? value : "";
    if (text) {
        if (session_set(text, v, strlen(v)) < 0)
            return EVS_NOMEM;
        if (f == EVS_SESSION_DATE)
            s->year = year_of(s->date);
        return EVS_OK;
    }
    if (!*v)
        return EVS_OK;
    switch (f) {
    case EVS_SESSION_ORGANISER:
        return session_strlist_add(&s->organisers, &s->n_organisers, v, strlen(v)) < 0
                   ? EVS_NOMEM : EVS_OK;
    case EVS_SESSION_INTERPRETATION:
        return session_strlist_add(&s->interpretation, &s->n_interpretation, v, strlen(v)) < 0
                   ? EVS_NOMEM : EVS_OK;
    case EVS_SESSION_PRESENTATION:
        return session_strlist_add(&s->presentations, &s->n_presentations, v, strlen(v)) < 0
                   ? EVS_NOMEM : EVS_OK;
    default:
        return EVS_INVALID;
    }
}

static int set_opt(char **field, const char *v)
{
    return v ? session_set(field, v, strlen(v)) : 0;
}

evs_status evs_session_add_speaker(evs_session *e, const char *name, const char *role,
                                   const char *organisation, const char *country,
                                   int is_chair)
{
    if (!e || !name || !*name)
        return EVS_INVALID;
    session_speaker *sp = session_add_speaker(&e->s);
    if (!sp)
        return EVS_NOMEM;
    sp->is_chair = is_chair != 0;
    if (set_opt(&sp->name, name) < 0 || set_opt(&sp->role, role) < 0 ||
        set_opt(&sp->organisation, organisation) < 0 || set_opt(&sp->country, country) < 0)
        return EVS_NOMEM;
    return EVS_OK;
}

evs_status evs_session_add_quote(evs_session *e, const char *speaker, const char *affiliation,
                                 const char *text)
{
    if (!e || !text || !*text)
        return EVS_INVALID;
    session_quote *q = session_add_quote(&e->s);
    if (!q)
        return EVS_NOMEM;
    if (set_opt(&q->speaker, speaker) < 0 || set_opt(&q->affiliation, affiliation) < 0 ||
        set_opt(&q->text, text) < 0)
        return EVS_NOMEM;
    return EVS_OK;
}

/* A deep copy of one session into dst (session_init'ed); 0 or -1. */
static int copy_session(session *dst, const session *src)
{
    const struct { char *const *from; char **to; } texts[] = {
        { &src->title, &dst->title }, { &src->code, &dst->code }, { &src->type, &dst->type },
        { &src->date, &dst->date }, { &src->start_time, &dst->start_time },
        { &src->end_time, &dst->end_time }, { &src->timezone, &dst->timezone },
        { &src->venue, &dst->venue }, { &src->description, &dst->description },
        { &src->theme, &dst->theme }, { &src->summary, &dst->summary },
        { &src->takeaway, &dst->takeaway }, { &src->lang, &dst->lang },
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
        if (set_opt(texts[i].to, *texts[i].from) < 0)
            return -1;
    dst->year = src->year;
    for (size_t i = 0; i < src->n_organisers; i++)
        if (session_strlist_add(&dst->organisers, &dst->n_organisers, src->organisers[i],
                                strlen(src->organisers[i])) < 0)
            return -1;
    for (size_t i = 0; i < src->n_interpretation; i++)
        if (session_strlist_add(&dst->interpretation, &dst->n_interpretation,
                                src->interpretation[i], strlen(src->interpretation[i])) < 0)
            return -1;
    for (size_t i = 0; i < src->n_presentations; i++)
        if (session_strlist_add(&dst->presentations, &dst->n_presentations,
                                src->presentations[i], strlen(src->presentations[i])) < 0)
            return -1;
    for (size_t i = 0; i < src->n_speakers; i++) {
        const session_speaker *a = &src->speakers[i];
        session_speaker *b = session_add_speaker(dst);
        if (!b || set_opt(&b->name, a->name) < 0 || set_opt(&b->role, a->role) < 0 ||
            set_opt(&b->organisation, a->organisation) < 0 ||
            set_opt(&b->country, a->country) < 0)
            return -1;
        b->is_chair = a->is_chair;
    }
    for (size_t i = 0; i < src->n_quotes; i++) {
        const session_quote *a = &src->quotes[i];
        session_quote *b = session_add_quote(dst);
        if (!b || set_opt(&b->speaker, a->speaker) < 0 ||
            set_opt(&b->affiliation, a->affiliation) < 0 || set_opt(&b->text, a->text) < 0)
            return -1;
    }
    return 0;
}

evs_status session_list_from_api(const evs_session *const *s, size_t n, session_list *list,
                                 buf *err, const char *source)
{
    for (size_t i = 0; i < n; i++)
        if (!s[i] || !s[i]->s.title)
            return fail(err, EVS_BAD_INPUT, "%s: session %zu has no title", source, i + 1);
    size_t before = list->n;
    for (size_t i = 0; i < n; i++) {
        session *dst = session_list_push(list);
        if (!dst || copy_session(dst, &s[i]->s) < 0) {
            while (list->n > before)
                session_clear(&list->items[--list->n]);
            return fail(err, EVS_NOMEM, "out of memory");
        }
    }
    return EVS_OK;
}
