/*
 * engine.h — the C ABI over the search engine.
 *
 * This is the only door between the C code and the C++ engine underneath.
 * Nothing here names the engine: the rest of the project sees opaque handles
 * and status codes, so that the engine could be swapped without touching C.
 *
 * Conventions
 *  - Every function that can fail returns an eng_status.  No exception ever
 *    crosses this boundary: each entry point catches everything and maps it
 *    through one function into a status plus a message kept on the handle it
 *    was called on (eng_db_errmsg, eng_doc_errmsg).
 *  - Whoever receives a handle through an out-parameter frees it with the
 *    matching *_free / *_close.  Freeing NULL is a no-op.
 *  - Strings that are not NUL-terminated are passed as (pointer, length).
 *  - A handle belongs to one thread at a time.
 */
#ifndef EVS_SHIM_ENGINE_H
#define EVS_SHIM_ENGINE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum eng_status {
    ENG_OK = 0,
    ENG_E_NOMEM,       /* out of memory */
    ENG_E_INVALID,     /* invalid argument or call sequence */
    ENG_E_NOT_FOUND,   /* no database (or document) at that place */
    ENG_E_LOCKED,      /* another writer holds the database */
    ENG_E_CORRUPT,     /* the database is damaged */
    ENG_E_MODIFIED,    /* the database changed under a reader: reopen, retry */
    ENG_E_IO,          /* reading or writing failed (disk full, permissions) */
    ENG_E_VERSION,     /* database format not supported by this build */
    ENG_E_QUERY,       /* the query cannot be run (e.g. too many expansions) */
    ENG_E_INTERNAL     /* anything else */
} eng_status;

/* Short English name of a status ("locked", "corrupt", ...). Never NULL. */
const char *eng_status_name(eng_status st);

typedef uint32_t eng_docid;   /* 0 is never a valid document id */

/* ---------------------------------------------------------------- database */

typedef struct eng_db eng_db;

enum {
    ENG_OPEN_READ = 0,        /* read-only; path may be a stub file */
    ENG_OPEN_WRITE = 1,       /* writable; the database must exist */
    ENG_OPEN_CREATE = 2       /* with WRITE: create it when missing */
};

/*
 * Opens the database at path.  Like sqlite3_open, a handle is returned in
 * *out even on failure (unless memory ran out, then *out is NULL), so that
 * eng_db_errmsg can say why; close it with eng_db_close in every case.
 */
eng_status eng_db_open(const char *path, int flags, eng_db **out);

/* Closes the database.  A writable database must have been committed or its
 * open transaction is discarded: close never commits on the caller's behalf. */
void eng_db_close(eng_db *db);

/* The message of the last failure on this handle ("" when none). */
const char *eng_db_errmsg(const eng_db *db);

/* Reader: move to the latest committed revision.  *changed is set to 1 when
 * there was a newer one (changed may be NULL). */
eng_status eng_db_reopen(eng_db *db, int *changed);

/* The committed revision the handle reads.  Two handles on one database
 * that give the same revision see the same documents.  A handle on several
 * databases (a stub file) has no single revision: ENG_E_INVALID. */
eng_status eng_db_revision(eng_db *db, uint64_t *out);

eng_status eng_db_doccount(eng_db *db, uint32_t *out);
/* Number of documents containing the term (0 when absent). */
eng_status eng_db_termfreq(eng_db *db, const char *term, size_t len, uint32_t *out);

/* Metadata: *out is malloc'd and NUL-terminated (free it), "" when unset;
 * *out_len may be NULL. */
eng_status eng_db_get_metadata(eng_db *db, const char *key, char **out, size_t *out_len);
eng_status eng_db_set_metadata(eng_db *db, const char *key, const char *value, size_t len);
/* Every metadata key starting with prefix, in order (as committed); fn
 * returns non-zero to stop.  An empty value deletes a key. */
typedef int (*eng_key_fn)(void *ctx, const char *key, size_t len);
eng_status eng_db_each_metadata_key(eng_db *db, const char *prefix, eng_key_fn fn, void *ctx);

/*
 * Writing.  Changes become visible to readers only at eng_db_commit, all at
 * once.  Nothing is committed behind the caller's back: a crash, or
 * eng_db_close without commit, leaves exactly the previous commit.  When a
 * write fails, every change since the last commit is lost (the engine
 * discards them), so a caller must treat any write failure as the end of
 * the batch.
 */
eng_status eng_db_commit(eng_db *db);
/* Discards every change since the last commit. */
eng_status eng_db_cancel(eng_db *db);

typedef struct eng_doc eng_doc;

/* Adds doc as a new document (replacing one is deleting it first:
 * eng_db_delete_term).  *out_id may be NULL.  Writing packs the document's
 * positions into it (eng_doc_add_posting), and its terms with their wdf
 * divided by its length (wdf_norm.h), hence doc is not const: add every
 * term before writing it. */
eng_status eng_db_add(eng_db *db, eng_doc *doc, eng_docid *out_id);
/* Deletes every document indexed by the term (none is not an error). */
eng_status eng_db_delete_term(eng_db *db, const char *term);

/* Spelling data: words the suggestion may propose. */
eng_status eng_db_add_spelling(eng_db *db, const char *word, size_t len, uint32_t freq);
/* Suggests a spelling correction for word; *out is malloc'd, "" when none. */
eng_status eng_db_suggest_spelling(eng_db *db, const char *word, char **out);

/* Every term starting with prefix, in sorted order; fn returns non-zero to
 * stop early. */
typedef int (*eng_term_fn)(void *ctx, const char *term, size_t len, uint32_t termfreq);
eng_status eng_db_each_term(eng_db *db, const char *prefix, eng_term_fn fn, void *ctx);
/* Every word of the spelling data with its frequency, in sorted order
 * (with what a writer added since its last commit); fn returns non-zero
 * to stop early. */
eng_status eng_db_each_spelling(eng_db *db, eng_term_fn fn, void *ctx);

/* Fetches a document's data and one value.  *out is malloc'd (free it). */
eng_status eng_db_doc_data(eng_db *db, eng_docid id, char **out, size_t *out_len);
eng_status eng_db_doc_value(eng_db *db, eng_docid id, unsigned slot, char **out, size_t *out_len);

/* ---------------------------------------------------------------- document */

eng_status eng_doc_new(eng_doc **out);
void eng_doc_free(eng_doc *doc);
const char *eng_doc_errmsg(const eng_doc *doc);

/*
 * A term at a word position (1-based), its wdf raised by wdf_inc.  The
 * positions are not the engine's own position lists but packed into the
 * document's value slot ENG_SLOT_POSITIONS when it is written (see
 * positions.h for why), where ENG_OP_PHRASE and ENG_OP_NEAR look.
 */
eng_status eng_doc_add_posting(eng_doc *doc, const char *term, size_t len,
                               uint32_t pos, uint32_t wdf_inc);
/* A term without position. */
eng_status eng_doc_add_term(eng_doc *doc, const char *term, size_t len, uint32_t wdf_inc);
/* Any slot but ENG_SLOT_POSITIONS and ENG_SLOT_RECORD, the shim's own. */
#define ENG_SLOT_POSITIONS 255u
eng_status eng_doc_set_value(eng_doc *doc, unsigned slot, const char *val, size_t len);
/* The document's data (what eng_db_doc_data gives back), compressed into
 * the value slot ENG_SLOT_RECORD when it is written (record_codec.h says
 * why not the engine's own). */
#define ENG_SLOT_RECORD 254u
eng_status eng_doc_set_data(eng_doc *doc, const char *data, size_t len);

/* ---------------------------------------------------------------- queries */

/*
 * Queries are immutable values.  Constructors return NULL only when memory
 * runs out; combinators accept NULL members and then return NULL too, so a
 * whole tree can be built and checked once.  Combinators do not take
 * ownership: free every query you were given.
 */
typedef struct eng_query eng_query;

typedef enum eng_op {
    ENG_OP_AND,
    ENG_OP_OR,
    ENG_OP_AND_NOT,     /* first minus the union of the rest */
    ENG_OP_AND_MAYBE,   /* first, weighted up by the rest */
    ENG_OP_FILTER,      /* first, restricted to the rest, which add no weight */
    ENG_OP_PHRASE,      /* terms in order within window (0: adjacent) */
    ENG_OP_NEAR,        /* terms in any order within window (0: their number) */
    ENG_OP_SYNONYM      /* one term for weighting */
} eng_op;

eng_query *eng_query_term(const char *term, size_t len, uint32_t wqf);
eng_query *eng_query_combine(eng_op op, eng_query *const *subs, size_t n, uint32_t window);
/* Documents whose value in slot lies in [lo, hi] (bytewise); lo or hi NULL:
 * open at that end. */
eng_query *eng_query_value_range(unsigned slot, const char *lo, const char *hi);
/* Every term starting with prefix, OR'ed; at most max_terms of the most
 * frequent are used (0: no limit). */
eng_query *eng_query_wildcard(const char *prefix, size_t len, uint32_t max_terms);
/* Multiplies the weight of q by factor (0 makes it a pure filter). */
eng_query *eng_query_scale(const eng_query *q, double factor);
eng_query *eng_query_match_all(void);
eng_query *eng_query_match_nothing(void);
eng_query *eng_query_copy(const eng_query *q);
void eng_query_free(eng_query *q);
int eng_query_is_empty(const eng_query *q);
/* A readable description, malloc'd (for --explain and tests). */
char *eng_query_describe(const eng_query *q);
/*
 * Why the last query constructor that returned NULL on this thread failed,
 * when the engine refused the query's shape (a NEAR over a phrase, say):
 * "" when memory ran out, or when nothing has failed since
 * eng_query_error_clear.  Constructors have no handle to keep a message
 * on, hence this.
 */
const char *eng_query_error(void);
void eng_query_error_clear(void);

/* ---------------------------------------------------------------- searching */

typedef struct eng_search_opts {
    uint32_t offset;
    uint32_t limit;
    int sort_slot;          /* -1: by relevance only */
    int sort_descending;    /* with sort_slot */
    int relevance_first;    /* with sort_slot: relevance, then slot breaks ties */
    /* With relevance_first: the documents' weights seldom tie (long texts).
     * The same page is then got by ranking on relevance alone and sorting
     * the page, which spares reading the slot of every candidate (20,000
     * sessions were searched in about a quarter less time), and by the
     * engine's own way when a tie crosses an edge of the page.  Where ties
     * are common (short texts) it costs more: every candidate of equal
     * weight is checked for positions, and the search runs twice. */
    int ties_rare;
    uint32_t check_at_least;/* accuracy of the estimate (0: default) */
    /* Facets: count the values of these slots over every match (not just
     * the page); a value holding several lines counts once per line. */
    const unsigned *facet_slots;
    size_t n_facet_slots;
} eng_search_opts;

#define ENG_SEARCH_OPTS_INIT { 0, 10, -1, 0, 0, 0, 0, NULL, 0 }

typedef struct eng_mset eng_mset;

eng_status eng_db_search(eng_db *db, const eng_query *q, const eng_search_opts *opts,
                         eng_mset **out);
void eng_mset_free(eng_mset *ms);
size_t eng_mset_size(const eng_mset *ms);
uint32_t eng_mset_estimated(const eng_mset *ms);
/* Whether the estimate is the count (the engine saw every match). */
int eng_mset_exact(const eng_mset *ms);
eng_docid eng_mset_docid(const eng_mset *ms, size_t i);
/* The i-th document's BM25 weight (k1 1, b 0.5: wdf_norm.h). */
double eng_mset_weight(const eng_mset *ms, size_t i);
/*
 * Explains a match: for each distinct term of q that document id holds,
 * calls fn with the weight the term alone gives the document (the same
 * BM25 statistics as a search), in the query's term order.
 */
typedef void (*eng_weight_fn)(void *ctx, const char *term, size_t len, double weight);
eng_status eng_db_explain(eng_db *db, eng_docid id, const eng_query *q, eng_weight_fn fn,
                          void *ctx);

/* The k-th facet slot's distinct values, in byte order, with their counts. */
size_t eng_mset_facet_size(const eng_mset *ms, size_t k);
const char *eng_mset_facet_value(const eng_mset *ms, size_t k, size_t i, uint32_t *count);

/* ---------------------------------------------------------------- merging */

/*
 * Writes one compact database at dest (which must not exist) holding the
 * documents of the n databases at sources, in that order: the first
 * source's documents keep their ids, each next one's follow.  Spelling
 * data is summed.  Metadata keys held by several sources keep the first
 * source's value, except union_key (may be NULL), whose values are lists
 * of words separated by spaces: dest gets each word once, in order of
 * first appearance.  On failure, *errmsg (malloc'd; may be NULL when memory
 * ran out) says why, and dest may hold a partial copy to remove.
 */
eng_status eng_compact(const char *const *sources, size_t n, const char *dest,
                       const char *union_key, char **errmsg);

#ifdef __cplusplus
}
#endif

#endif
