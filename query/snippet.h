/*
 * snippet.h — highlights and fragments, computed on the stored text.
 *
 * The text is tokenised again with the analysis the index used; a token is
 * marked when its term, or its stem in the text's language, is one the
 * query asked for, and a phrase only where its words stand together.  Then
 * the best fragments are cut around the marks, at sentence or word
 * boundaries.  Spans are byte offsets into the fragment's text and always
 * cover whole words.  Rendering (colour, markers, HTML) is the caller's.
 */
#ifndef EVS_QUERY_SNIPPET_H
#define EVS_QUERY_SNIPPET_H

#include <stddef.h>

#include "evsearch.h"
#include "matcher.h"

typedef struct snip_field {
    schema_field field;
    const char *name;       /* shown as the fragment's field */
    const char *text;
    size_t len;
    txt_analyzer *an;       /* its own language's analyzer, or NULL: the
                               request's */
    int lang;               /* with an: that language's index, or -1 */
    /* paragraphs in yet another language: [start, end) of text each */
    const struct snip_piece *pieces;
    size_t n_pieces;
} snip_field;

typedef struct snip_piece {
    size_t start, end;
    txt_analyzer *an;
    int lang;
} snip_piece;

typedef struct snip_fragment {
    const char *field;      /* the snip_field's name */
    char *text;             /* malloc'd, NUL-terminated; "…" where cut */
    size_t len;
    size_t *spans;          /* 2 * n_spans offsets into text: start, end */
    unsigned char *how;     /* n_spans EVS_MATCH_* bit sets (evsearch.h) */
    size_t n_spans;
} snip_fragment;

typedef struct snip_request {
    const matcher *m;
    txt_analyzer *an;       /* the analyzer of the text's language */
    int lang;               /* its index in the query's languages, or -1 */
    unsigned max_fragments;
    unsigned fragment_chars;/* about this many characters each */
    int whole_if_short;     /* a text up to twice that length is kept whole */
    size_t fallback;        /* the field shown when nothing matches */
} snip_request;

/*
 * Chooses up to max_fragments fragments from fields (in order of
 * preference).  When nothing matches, the start of the first non-empty
 * field, unmarked.  *out is a malloc'd array (free with snippet_free).
 * Returns 0, or -1 when memory ran out.
 */
int snippet_make(const snip_request *rq, const snip_field *fields, size_t n_fields,
                 snip_fragment **out, size_t *n_out);
void snippet_free(snip_fragment *frags, size_t n);

/*
 * For --explain: appends to out one line per field where the query
 * matched, "  summary: value chains (exact) x3, chain (stem)", each
 * distinct text with how it matched and how often.  0, or -1 (memory).
 */
int snippet_explain(const snip_request *rq, const snip_field *fields, size_t n_fields,
                    buf *out);

#endif
