/*
 * session.h — the session model: what evsearch knows of one conference
 * session, whichever form (page text or YAML) it was read from.
 *
 * Every string is malloc'd UTF-8 owned by the session, or NULL when the page
 * does not give it: an absent field stays absent, nothing is guessed into it.
 */
#ifndef EVS_INDEXER_SESSION_H
#define EVS_INDEXER_SESSION_H

#include <stddef.h>

typedef struct session_speaker {
    char *name;
    char *role;
    char *organisation;
    char *country;
    int is_chair;           /* chair or moderator */
} session_speaker;

typedef struct session_quote {
    char *speaker;
    char *affiliation;
    char *text;
} session_quote;

typedef struct session {
    char *title;
    char *code;             /* "09C14", "9WS29" */
    char *type;             /* "Workshop", "Participatory lab" */
    char *date;             /* ISO 8601 "2018-10-11" */
    char *start_time;       /* "16:30" */
    char *end_time;         /* "18:00" */
    char *timezone;         /* "CET", "CEST" */
    int year;               /* from the date; 0 when unknown */
    char *venue;
    char *description;
    char *theme;
    char *summary;
    char *takeaway;
    char *lang;             /* ISO 639-1 code of the text, NULL: not known */

    char **organisers;      size_t n_organisers;
    char **interpretation;  size_t n_interpretation;  /* ISO 639-1 codes */
    char **presentations;   size_t n_presentations;
    session_speaker *speakers; size_t n_speakers;
    session_quote *quotes;  size_t n_quotes;

    size_t repairs;         /* text repairs made while reading (mojibake...) */
} session;

/* A list of sessions read from one file. */
typedef struct session_list {
    session *items;
    size_t n, cap;
} session_list;

void session_init(session *s);
void session_clear(session *s);     /* frees everything, leaves it empty */

/* Append an empty element and return it (NULL when memory ran out).
 * The speaker, quote and string-list arrays of a session are grown by these
 * functions only (their capacity is implied by their count). */
session *session_list_push(session_list *l);
session_speaker *session_add_speaker(session *s);
session_quote *session_add_quote(session *s);
/* Appends a copy of str[0..len) to a string list; 0 or -1 (memory). */
int session_strlist_add(char ***list, size_t *n, const char *str, size_t len);
void session_list_free(session_list *l);

/* Replaces *field with a copy of str[0..len) (trimmed); 0 or -1.
 * Trimming removes ASCII white space and U+00A0; what is empty after it (or
 * str NULL) leaves *field NULL, so an empty value stays an absent field. */
int session_set(char **field, const char *str, size_t len);

/* Compares a and b field by field (NULL equals only NULL): 0 when they are
 * equal, else 1 with the first field that differs named in what, as
 * "title" or "speakers[1].role" (what may be NULL).  For checking that a
 * session survives a round trip (page -> YAML -> session). */
int session_diff(const session *a, const session *b, char *what,
                 size_t whatlen);

#endif
