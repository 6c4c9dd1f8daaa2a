/*
 * query_parse.h — the query language, from text to a tree.
 *
 *   value chains            every word must match (ranked by relevance)
 *   "value chains"          the words as a phrase
 *   smes OR clusters        either
 *   -mobility, NOT mobility without
 *   +word                   must match (the default; kept for habit)
 *   (a OR b) c              grouping
 *   title:smes, speaker:"Ulla Engelmann"   one field only
 *
 * A word that the analysis splits into several ("Île-de-France",
 * "l’internationalisation") is searched as a phrase of its parts.
 */
#ifndef EVS_QUERY_PARSE_H
#define EVS_QUERY_PARSE_H

#include <stddef.h>

#include "../common/schema.h"

typedef enum qnode_type {
    QN_TERM,        /* one word, or the words of a phrase (n_words > 1) */
    QN_AND,
    QN_OR,
    QN_NOT          /* one child, excluded from its parent AND */
} qnode_type;

typedef struct qnode {
    qnode_type type;
    /* QN_TERM: the raw words as typed, each NUL-terminated (not yet folded) */
    char **words;
    size_t n_words;
    int quoted;                         /* written in quotes */
    const schema_text_field *field;     /* NULL: every field */
    /* QN_AND, QN_OR, QN_NOT */
    struct qnode **kids;
    size_t n_kids;
} qnode;

/*
 * Parses text.  Returns the tree (free with qnode_free), or NULL with a
 * message in err: "column N: ...", or "empty query ..." — or "out of
 * memory".
 */
qnode *query_parse(const char *text, char *err, size_t errlen);
void qnode_free(qnode *n);

/* The tree as a compact string, for tests and --explain:
 * (AND "value" (OR "a" "b") (NOT title:"x y")) */
char *qnode_describe(const qnode *n);

#endif
