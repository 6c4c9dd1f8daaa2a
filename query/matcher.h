/*
 * matcher.h — what a parsed query looks for, in the form both the engine
 * query and the highlighter need: groups of folded words (a single word,
 * or the words of a phrase), each word with its stem in every language the
 * index holds.
 *
 * The engine finds the documents; the same groups then mark the words in
 * each document's stored text, so that what is highlighted is exactly what
 * matched, by the same analysis.
 */
#ifndef EVS_QUERY_MATCHER_H
#define EVS_QUERY_MATCHER_H

#include <stddef.h>

#include "../analysis/analysis.h"
#include "../common/schema.h"
#include "../shim/engine.h"
#include "glossary.h"
#include "query_parse.h"

/* The languages of an index and an analyzer (stemmer) for each. */
#define MATCH_MAX_LANGS 32

typedef struct match_langs {
    size_t n;
    char code[MATCH_MAX_LANGS][8];
    txt_analyzer *an[MATCH_MAX_LANGS];
    txt_analyzer *plain;            /* for text of unknown language */
} match_langs;

/* Makes analyzers for the space-separated codes; 0 or -1 (memory). */
int match_langs_init(match_langs *l, const char *codes);
void match_langs_free(match_langs *l);
/* The index of code in l, or -1. */
int match_langs_find(const match_langs *l, const char *code);
/* The analyzer for text in code (the plain one when unknown). */
txt_analyzer *match_langs_analyzer(const match_langs *l, const char *code);

typedef struct match_word {
    char *term;                     /* folded */
    char *cf;                       /* case folded, accents kept: as typed */
    int prefix;                     /* a wildcard: matches terms starting so */
    int exact;                      /* =word: only this form, accents and all */
    char *stem[MATCH_MAX_LANGS];    /* per language of match_langs; NULL: none */
} match_word;

typedef struct match_group {
    match_word *words;
    size_t n;                       /* 1: a word; more: a phrase */
    const schema_text_field *field; /* NULL: any field */
    int glossary;                   /* a glossary equivalent of a query term */
    unsigned near;                  /* groups of one NEAR share a number (0:
                                       none) and are marked only within */
    unsigned near_window;           /* this many words of each other */
} match_group;

typedef struct matcher {
    match_group *groups;            /* the positive parts of the query */
    size_t n;
    int any_kind;                   /* the query may match documents of
                                       either kind (filters alone, a lone
                                       NOT): restrict it to the kind wanted;
                                       else its terms are of that kind only */
} matcher;

/*
 * Builds the engine query for tree and fills m with its positive groups.
 * With a glossary (else NULL), a word or words side by side that are one of
 * its terms also match the concept's other terms, weighted down so that
 * the user's own words rank first.  Returns the query, or NULL when memory
 * ran out.
 */
/* How to read the query beyond its own words (see evs_search_options). */
typedef struct match_opts {
    int any;                        /* words side by side: OR, not AND */
    const schema_text_field *fields[16];   /* plain words search these; */
    size_t n_fields;                       /* none: every field */
    int lang_off[MATCH_MAX_LANGS];  /* 1: no stems in that language */
    int quotes;                     /* for quote documents, whose terms are
                                       laid out apart (see common/schema.c) */
} match_opts;

eng_query *matcher_build(const qnode *tree, const match_langs *langs, const glossary *gl,
                         const match_opts *mo, matcher *m);
void matcher_free(matcher *m);

#endif
