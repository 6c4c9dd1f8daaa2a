/*
 * results.h — the hits of a search as the public API hands them out, and
 * how they are filled from documents.
 */
#ifndef EVS_QUERY_RESULTS_H
#define EVS_QUERY_RESULTS_H

#include "evsearch.h"
#include "../shim/engine.h"
#include "snippet.h"

struct evs_snippet {
    snip_fragment f;
};

struct evs_hit {
    evs_hit_kind kind;
    double score;
    int year;
    char *fields[EVS_FIELD_TEXT + 1];   /* NUL-terminated copies, or NULL */
    char **speakers;
    size_t n_speakers;
    evs_snippet *snippets;
    size_t n_snippets;
    char *explain;                      /* opts->explain: why it matched */
};

typedef struct facet_value {
    char *value;
    unsigned count;
} facet_value;

struct evs_results {
    uint64_t estimated;
    int exact;                          /* estimated is the count */
    char *suggestion;                   /* "did you mean", or NULL */
    char *explain;                      /* opts->explain: the query understood */
    facet_value *facets[EVS_FACET_COUNT];
    size_t n_facets[EVS_FACET_COUNT];
    evs_hit *hits[2];                   /* by evs_hit_kind */
    size_t n[2];
};

/* What a hit is built from: the document's stored record and the query. */
typedef struct hit_source {
    const char *data;
    size_t len;
    double score;
    const matcher *m;
    const match_langs *langs;
    const evs_search_options *opts;
} hit_source;

/* Fills hit from src; 0 or -1 (memory).  On failure hit holds what it got,
 * for hit_clear. */
int hit_fill(evs_hit *hit, evs_hit_kind kind, const hit_source *src);
void hit_clear(evs_hit *hit);

/* Appends to out, for --explain, the fields of the hit's document where the
 * query matched (see evs_hit_explain).  0 or -1. */
int hit_explain_fields(const evs_hit *hit, const hit_source *src, buf *out);

/* The value slots behind the facets, in evs_facet order. */
extern const unsigned facet_slots[EVS_FACET_COUNT];

/* Takes the k-th facet's counts from the engine's result; 0 or -1. */
int facets_fill(evs_results *res, const struct eng_mset *ms);

#endif
