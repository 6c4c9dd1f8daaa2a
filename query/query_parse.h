/*
 * query_parse.h — the query language, from text to a tree.
 *
 *   value chains            every word must match (ranked by relevance)
 *   "value chains"          the words as a phrase
 *   smes OR clusters        either
 *   -mobility, NOT mobility without
 *   +word                   must match (the default; kept for habit)
 *   (a OR b) c              grouping
 *   chains NEAR/3 clusters  within three words of each other (NEAR: 10)
 *   internation*            any word starting so
 *   =Mattinò                the accents as typed (case still ignored)
 *   title:smes, speaker:"Ulla Engelmann"   one field only
 *   lang:fr, interp:de, code:9ws29          filters (no effect on ranking)
 *   year:2018, year:2016..2019, date:2018-10-09, date:2018-10..2019
 *
 * A word that the analysis splits into several ("Île-de-France",
 * "EU-27") is searched as a phrase of its parts; an elided article ("l’" in
 * "l’internationalisation") is passed over (see analysis.h).
 */
#ifndef EVS_QUERY_PARSE_H
#define EVS_QUERY_PARSE_H

#include <stddef.h>

#include "../common/schema.h"

typedef enum qnode_type {
    QN_TERM,        /* one word, or the words of a phrase (n_words > 1) */
    QN_AND,
    QN_OR,
    QN_NOT,         /* one child, excluded from its parent AND */
    QN_NEAR,        /* term children within window words of each other */
    QN_FILTER       /* a filter field's value or range */
} qnode_type;

typedef struct qnode {
    qnode_type type;
    /* QN_TERM: the raw words as typed, each NUL-terminated (not yet folded) */
    char **words;
    size_t n_words;
    int quoted;                         /* written in quotes */
    int wildcard;                       /* the last word ended in '*' */
    int exact;                          /* written =word: accents matter */
    const schema_text_field *field;     /* NULL: every field */
    /* QN_AND, QN_OR, QN_NOT, QN_NEAR */
    struct qnode **kids;
    size_t n_kids;
    unsigned window;                    /* QN_NEAR: most words apart */
    /* QN_FILTER: values as the index holds them; lo == hi for one value,
     * either NULL for an open range end */
    const schema_filter_field *filter;
    char *lo, *hi;
} qnode;

/*
 * Parses text.  Returns the tree (free with qnode_free), or NULL with a
 * message in err: "column N: ...", or "empty query ..." — or "out of
 * memory".
 */
qnode *query_parse(const char *text, char *err, size_t errlen);
void qnode_free(qnode *n);

/* The tree as a compact string, for tests and --explain:
 * (AND "value" (OR "a" "b") (NOT title:"x y") (NEAR/3 "a" "b") year:2018..2020) */
char *qnode_describe(const qnode *n);

#endif
