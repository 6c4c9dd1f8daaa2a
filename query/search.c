/*
 * search.c — the reading half of the public API: evs_db_* and evs_search.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "glossary.h"
#include "matcher.h"
#include "query_parse.h"
#include "record_cache.h"
#include "results.h"
#include "search_kinds.h"
#include "side_search.h"
#include "suggest.h"
#include "../common/usable_cpus.h"

/* A search that meets a commit half way reopens and starts again, this
 * many times before giving up with EVS_CHANGED (a writer committing in a
 * tight loop can overtake a slow reader a few times in a row). */
#define MAX_RETRIES 10

/* Fewer sessions than this, and "did you mean" looks for better words. */
#define SUGGEST_BELOW 3

/* The records of hits kept for the searches after (record_cache.h):
 * about 800 sessions' worth. */
#define RECORD_CACHE_BYTES ((size_t)4 << 20)

struct evs_db {
    eng_db *db;
    buf err;
    match_langs langs;      /* analyzers for the languages the index holds */
    char *lang_codes;       /* ... as the index lists them */
    glossary *glossary;     /* cross-language equivalents, or NULL */
    char *path;
    /* The second reader, whose thread searches quotes beside the sessions
     * and helps fill session hits (side_search.h, search_kinds.h): opened
     * at the first search that shows sessions or quotes; none on one
     * processor, with EVSEARCH_THREADS=1, on a stub file (several databases
     * have no one revision to keep both readers at), or when it could not
     * be had. */
    side_search *side;
    int no_side;
    /* the records of hits shown at this state (record_cache.h); NULL when
     * there was no memory for it */
    record_cache *records;
};

/* The failure st of a call on db (the database's own handle or the side's). */
static evs_status engine_fail_on(evs_db *d, eng_db *db, eng_status st)
{
    return fail(&d->err, status_from_engine(st), "%s: %s", d->path,
                st == ENG_E_NOMEM ? "out of memory" : eng_db_errmsg(db));
}

static evs_status engine_fail(evs_db *d, eng_status st)
{
    return engine_fail_on(d, d->db, st);
}

/* Whether searches may use a second thread: more than one processor to run
 * on, and EVSEARCH_THREADS (when set) above 1.  On one, the two threads
 * would only take turns: pinned to one processor, the benchmark's queries
 * took p50 1.26 ms with the second thread, 1.73 ms when it watched 200 µs
 * before sleeping (spin_wait.h), 1.20 ms without it. */
static int threads_allowed(void)
{
    const char *v = getenv("EVSEARCH_THREADS");
    if (v && *v)
        return atoi(v) > 1;
    return usable_cpus() > 1;
}

/* Reads what the index says of itself: schema and languages. */
static evs_status load_meta(evs_db *d)
{
    char *schema = NULL, *langs = NULL;
    eng_status st = eng_db_get_metadata(d->db, META_SCHEMA, &schema, NULL);
    if (st == ENG_OK)
        st = eng_db_get_metadata(d->db, META_LANGUAGES, &langs, NULL);
    evs_status rc = EVS_OK;
    if (st != ENG_OK) {
        rc = engine_fail(d, st);
    } else if (*schema && strcmp(schema, SCHEMA_VERSION) != 0) {
        rc = fail(&d->err, EVS_VERSION,
                  "%s: written by another version of evsearch (schema \"%s\", this "
                  "is \"%s\"); index it again", d->path, schema, SCHEMA_VERSION);
    } else {
        match_langs_free(&d->langs);
        free(d->lang_codes);
        d->lang_codes = langs;
        langs = NULL;
        if (match_langs_init(&d->langs, d->lang_codes) < 0)
            rc = fail(&d->err, EVS_NOMEM, "out of memory");
    }
    free(schema);
    free(langs);
    return rc;
}

evs_status evs_db_open(const char *path, evs_db **out)
{
    if (!out)
        return EVS_INVALID;
    evs_db *d = *out = calloc(1, sizeof *d);
    if (!d)
        return EVS_NOMEM;
    if (!path)
        return fail(&d->err, EVS_INVALID, "no database path given");
    if (!(d->path = strdup(path)))
        return fail(&d->err, EVS_NOMEM, "out of memory");
    d->no_side = !threads_allowed();
    d->records = record_cache_new(RECORD_CACHE_BYTES);
    eng_status st = eng_db_open(path, ENG_OPEN_READ, &d->db);
    if (st == ENG_E_NOT_FOUND)
        return fail(&d->err, EVS_NOT_FOUND, "%s: no database there", path);
    if (st != ENG_OK)
        return d->db ? engine_fail(d, st) : fail(&d->err, EVS_NOMEM, "out of memory");
    return load_meta(d);
}

const char *evs_db_errmsg(const evs_db *d)
{
    return d && d->err.data ? d->err.data : "";
}

evs_status evs_db_reopen(evs_db *d)
{
    if (!d || !d->db)
        return EVS_INVALID;
    /* the side reader is opened again at the next search, with the
     * languages as they are now */
    side_close(d->side);
    d->side = NULL;
    /* document numbers may now stand for other records: a new revision,
     * or another database put in place under the same path */
    record_cache_clear(d->records);
    eng_status st = eng_db_reopen(d->db, NULL);
    return st == ENG_OK ? load_meta(d) : engine_fail(d, st);
}

evs_status evs_db_session_count(evs_db *d, uint32_t *out)
{
    if (!d || !d->db || !out)
        return EVS_INVALID;
    eng_status st = eng_db_termfreq(d->db, PREFIX_KIND KIND_SESSION,
                                    strlen(PREFIX_KIND KIND_SESSION), out);
    return st == ENG_OK ? EVS_OK : engine_fail(d, st);
}

void evs_db_close(evs_db *d)
{
    if (!d)
        return;
    side_close(d->side);
    eng_db_close(d->db);
    record_cache_free(d->records);
    match_langs_free(&d->langs);
    free(d->lang_codes);
    glossary_free(d->glossary);
    buf_free(&d->err);
    free(d->path);
    free(d);
}

evs_status evs_db_set_glossary(evs_db *d, const char *path)
{
    if (!d)
        return EVS_INVALID;
    glossary *g = NULL;
    if (path) {
        char why[512];
        if (!(g = glossary_load(path, why, sizeof why)))
            return fail(&d->err, strstr(why, "out of memory") ? EVS_NOMEM : EVS_BAD_INPUT,
                        "glossary %s", why);
    }
    glossary_free(d->glossary);
    d->glossary = g;
    return EVS_OK;
}

/* ------------------------------------------------------------ searching */

/* --explain's account of the query: as parsed, and as the engine runs it
 * for sessions and (qq, unless NULL) for quotes. */
static int explain_query(const qnode *tree, const eng_query *q, const eng_query *qq,
                         char **out)
{
    char *tree_text = qnode_describe(tree), *sessions = eng_query_describe(q);
    char *quotes = qq ? eng_query_describe(qq) : NULL;
    buf e = BUF_INIT;
    int rc = tree_text && sessions && (!qq || quotes) &&
                     buf_printf(&e, "parsed: %s\nengine: %s\n", tree_text, sessions) == 0 &&
                     (!qq || buf_printf(&e, "engine for quotes: %s\n", quotes) == 0) &&
                     (*out = buf_detach(&e))
                 ? 0 : -1;
    buf_free(&e);
    free(tree_text);
    free(sessions);
    free(quotes);
    return rc;
}

/* The side reader, when one may search beside this thread now. */
static side_search *side_for(evs_db *d)
{
    if (!d->side && !d->no_side)
        d->no_side = !(d->side = side_open(d->path, d->lang_codes));
    int step = d->side ? side_in_step(d->side, d->db) : 0;
    if (step < 0) {
        side_close(d->side);
        d->side = NULL;
        d->no_side = 1;
    }
    return step > 0 ? d->side : NULL;
}

/* The options that say how to read the query, checked. */
static evs_status read_options(evs_db *d, const evs_search_options *opts, match_opts *mo)
{
    memset(mo, 0, sizeof *mo);
    mo->any = opts->match_any != 0;
    for (const char *p = opts->fields ? opts->fields : ""; *p;) {
        size_t n = strcspn(p, " ,");
        const schema_text_field *f = n ? schema_text_field_named(p, n) : NULL;
        if (n && !f) {
            char names[256];
            schema_field_names(names, sizeof names);
            return fail(&d->err, EVS_INVALID, "fields: \"%.*s\" is not a field that "
                        "words can search; these are: %s", (int)n, p, names);
        }
        if (f && mo->n_fields < sizeof mo->fields / sizeof mo->fields[0])
            mo->fields[mo->n_fields++] = f;
        p += n + (p[n] != '\0');
    }
    if (opts->languages)
        for (size_t i = 0; i < d->langs.n; i++) {
            const char *code = d->langs.code[i], *p = opts->languages;
            size_t len = strlen(code);
            int listed = 0;
            while (*p && !listed) {
                size_t n = strcspn(p, " ,");
                listed = n == len && memcmp(p, code, n) == 0;
                p += n + (p[n] != '\0');
            }
            mo->lang_off[i] = !listed;
        }
    return EVS_OK;
}

static evs_status search_once(evs_db *d, const char *query, const qnode *tree,
                              const evs_search_options *opts, evs_results **out)
{
    matcher m;
    match_opts mo;
    evs_status rc = read_options(d, opts, &mo);
    if (rc != EVS_OK)
        return rc;
    /* Quote documents have terms of their own (see common/schema.c): the
     * query is built for each kind; the groups that mark the snippets are
     * the same, and kept from the first. */
    eng_query_error_clear();
    eng_query *q = matcher_build(tree, &d->langs, d->glossary, &mo, &m), *qq = NULL;
    int quotes_any_kind = 0;
    if (q && opts->quote_limit) {
        matcher again;
        mo.quotes = 1;
        qq = matcher_build(tree, &d->langs, d->glossary, &mo, &again);
        quotes_any_kind = again.any_kind;
        matcher_free(&again);
        if (!qq) {
            eng_query_free(q);
            matcher_free(&m);
            q = NULL;
        }
    }
    if (!q)
        return *eng_query_error()
                   ? fail(&d->err, EVS_BAD_QUERY, "the search engine cannot run this query: %s",
                          eng_query_error())
                   : fail(&d->err, EVS_NOMEM, "out of memory");
    evs_results *res = calloc(1, sizeof *res);
    eng_status st = res ? ENG_OK : ENG_E_NOMEM;
    if (st == ENG_OK && opts->explain && explain_query(tree, q, qq, &res->explain) < 0)
        st = ENG_E_NOMEM;
    /* sessions are searched even when none is shown, to count them;
     * quotes only when some are wanted */
    eng_db *failed = d->db;
    if (st == ENG_OK)
        st = run_kinds((reader){ d->db, &d->langs, d->records },
                       qq || opts->limit ? side_for(d) : NULL,
                       res, q, m.any_kind, qq, quotes_any_kind, &m, opts, &failed);
    if (st == ENG_OK && res->estimated < SUGGEST_BELOW) {
        failed = d->db;
        res->suggestion = suggest_query(d->db, query, &st);
    }
    eng_query_free(q);
    eng_query_free(qq);
    matcher_free(&m);
    if (st != ENG_OK) {
        evs_results_free(res);
        return engine_fail_on(d, failed, st);
    }
    *out = res;
    return EVS_OK;
}

evs_status evs_search(evs_db *d, const char *query, const evs_search_options *opts,
                      evs_results **out)
{
    static const evs_search_options defaults = EVS_SEARCH_OPTIONS_INIT;
    if (out)
        *out = NULL;
    if (!d || !out || !query)
        return d ? fail(&d->err, EVS_INVALID, "evs_search: NULL argument") : EVS_INVALID;
    if (!d->db)
        return fail(&d->err, EVS_INVALID, "evs_search: the database is not open");
    if (!opts)
        opts = &defaults;
    if (opts->version != EVS_SEARCH_OPTIONS_VERSION)
        return fail(&d->err, EVS_INVALID, "evs_search: options version %u, expected %u",
                    opts->version, EVS_SEARCH_OPTIONS_VERSION);
    if (opts->sort != EVS_SORT_RELEVANCE && opts->sort != EVS_SORT_DATE &&
        opts->sort != EVS_SORT_DATE_DESC)
        return fail(&d->err, EVS_INVALID, "evs_search: unknown sort order %d", (int)opts->sort);
    char why[256];
    qnode *tree = query_parse(query, why, sizeof why);
    if (!tree)
        return fail(&d->err, strcmp(why, "out of memory") ? EVS_BAD_QUERY : EVS_NOMEM,
                    "%s", why);
    evs_status rc;
    for (int attempt = 0;; attempt++) {
        rc = search_once(d, query, tree, opts, out);
        if (rc != EVS_CHANGED || attempt == MAX_RETRIES)
            break;
        /* A writer committed twice while we read: the revision is gone.
         * Move to the newest; reopening can itself meet the next commit,
         * which is one more attempt, not a failure. */
        rc = evs_db_reopen(d);
        if (rc != EVS_OK && rc != EVS_CHANGED)
            break;
    }
    qnode_free(tree);
    return rc;
}
