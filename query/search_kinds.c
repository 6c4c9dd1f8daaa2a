/*
 * search_kinds.c — the two searches of one query, sessions and quotes: the
 * engine's answers, and their hits filled from the stored records (see
 * search_kinds.h), on the caller's thread or on two.
 */
#include "search_kinds.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "../common/buf.h"
#include "../common/schema.h"
#include "spin_wait.h"

/* q restricted to documents of one kind. */
static eng_query *of_kind(const eng_query *q, const char *kind)
{
    buf t = BUF_INIT;
    if (buf_printf(&t, "%s%s", PREFIX_KIND, kind) < 0)
        return NULL;
    eng_query *k = eng_query_term(t.data, t.len, 1);
    buf_free(&t);
    eng_query *subs[2] = { (eng_query *)q, k };
    eng_query *r = k ? eng_query_combine(ENG_OP_FILTER, subs, 2, 0) : NULL;
    eng_query_free(k);
    return r;
}

/* ------------------------------------------------------------ explain */

/* An index term as a person reads it: "value", "stem valu", "title:smes". */
static void describe_term(buf *out, const char *t, size_t len)
{
    int stem = len > 1 && t[0] == 'Z';
    if (stem) {
        t++;
        len--;
    }
    const char *field = NULL;
    for (size_t i = 0; i < schema_text_field_count && !field; i++) {
        const schema_text_field *tf = &schema_text_fields[i];
        size_t pl = tf->prefix ? strlen(tf->prefix) : 0;
        /* a one-letter prefix is a capital; terms themselves are lower case */
        if (pl && len > pl && memcmp(t, tf->prefix, pl) == 0) {
            field = tf->name;
            t += pl;
            len -= pl;
        }
    }
    buf_printf(out, "%s%s%s%.*s", stem ? "stem " : "", field ? field : "", field ? ":" : "",
               (int)len, t);
}

static void on_weight(void *ctx, const char *term, size_t len, double weight)
{
    buf *out = ctx;
    if (weight == 0.0)
        return;     /* a filter term (kind, language, year): no weight */
    buf_printf(out, "  %+.3f  ", weight);
    describe_term(out, term, len);
    buf_putc(out, '\n');
}

/* The hit's explanation: where its words are, and what each term weighs. */
static eng_status explain_hit(eng_db *db, evs_hit *hit, const hit_source *src, eng_docid id,
                              const eng_query *q)
{
    buf out = BUF_INIT;
    if (hit_explain_fields(hit, src, &out) < 0) {
        buf_free(&out);
        return ENG_E_NOMEM;
    }
    eng_status st = eng_db_explain(db, id, q, on_weight, &out);
    if (st == ENG_OK && !(hit->explain = buf_detach(&out)))
        st = ENG_E_NOMEM;
    buf_free(&out);
    return st;
}

/*
 * Looks for one kind's documents on r: the engine's answer in *ms, the
 * query as it ran in *kq (for explanations), the hits allocated but not
 * yet filled (res->hits[kind], res->n[kind]: a hit not filled is cleared
 * as it is), and for sessions the count and facets.  On failure *ms and
 * *kq are NULL.
 */
static eng_status kind_search(const reader *r, evs_results *res, evs_hit_kind kind,
                              const eng_query *q, int any_kind,
                              const evs_search_options *opts, eng_query **kq, eng_mset **ms)
{
    unsigned limit = kind == EVS_HIT_SESSION ? opts->limit : opts->quote_limit;
    *ms = NULL;
    /* A query of one kind's terms needs no filter, which would cost a
     * lookup per candidate. */
    *kq = any_kind ? of_kind(q, kind == EVS_HIT_SESSION ? KIND_SESSION : KIND_QUOTE)
                   : eng_query_copy(q);
    if (!*kq)
        return ENG_E_NOMEM;
    /* By relevance, equal scores going to the newer session; or by date,
     * equal dates going to the better match. */
    eng_search_opts so = ENG_SEARCH_OPTS_INIT;
    evs_sort sort = kind == EVS_HIT_SESSION ? opts->sort : EVS_SORT_RELEVANCE;
    so.offset = kind == EVS_HIT_SESSION ? opts->offset : 0;
    so.limit = limit;
    so.sort_slot = SLOT_DATE;
    so.sort_descending = sort != EVS_SORT_DATE;
    so.relevance_first = sort == EVS_SORT_RELEVANCE;
    /* a session's text is long, and its weight seldom equals another's;
     * quotes are short, and many weigh the same */
    so.ties_rare = kind == EVS_HIT_SESSION;
    if (kind == EVS_HIT_SESSION && limit == 0) {
        /* only the count is wanted: make it exact, not an estimate */
        uint32_t docs = 0;
        if (eng_db_doccount(r->db, &docs) == ENG_OK)
            so.check_at_least = docs;
    }
    if (kind == EVS_HIT_SESSION && opts->facets) {
        so.facet_slots = facet_slots;
        so.n_facet_slots = EVS_FACET_COUNT;
    }
    eng_status st = eng_db_search(r->db, *kq, &so, ms);
    if (st == ENG_OK && kind == EVS_HIT_SESSION) {
        res->estimated = eng_mset_estimated(*ms);
        res->exact = eng_mset_exact(*ms);
        if (facets_fill(res, *ms) < 0)
            st = ENG_E_NOMEM;
    }
    size_t n = st == ENG_OK ? eng_mset_size(*ms) : 0;
    if (n && !(res->hits[kind] = calloc(n, sizeof(evs_hit))))
        st = ENG_E_NOMEM;
    if (st != ENG_OK) {
        eng_mset_free(*ms);
        eng_query_free(*kq);
        *ms = NULL;
        *kq = NULL;
        return st;
    }
    res->n[kind] = n;
    return ENG_OK;
}

/* Fills hit i of kind from its document, read on r. */
static eng_status fill_hit(const reader *r, evs_results *res, evs_hit_kind kind, size_t i,
                           const eng_mset *ms, const eng_query *kq, const matcher *m,
                           const evs_search_options *opts)
{
    size_t len = 0;
    eng_docid id = eng_mset_docid(ms, i);
    eng_status st = ENG_OK;
    char *data = record_cache_get(r->records, id, &len);
    if (!data) {
        if ((st = eng_db_doc_data(r->db, id, &data, &len)) != ENG_OK)
            return st;
        record_cache_put(r->records, id, data, len);
    }
    evs_hit *hit = &res->hits[kind][i];
    hit_source src = { data, len, eng_mset_weight(ms, i), m, r->langs, opts };
    if (hit_fill(hit, kind, &src) < 0)
        st = ENG_E_NOMEM;
    else if (opts->explain)
        st = explain_hit(r->db, hit, &src, id, kq);
    free(data);
    return st;
}

/* Runs one kind of search on r and fills its hits. */
static eng_status run_kind(const reader *r, evs_results *res, evs_hit_kind kind,
                           const eng_query *q, int any_kind, const matcher *m,
                           const evs_search_options *opts)
{
    eng_query *kq;
    eng_mset *ms;
    eng_status st = kind_search(r, res, kind, q, any_kind, opts, &kq, &ms);
    for (size_t i = 0; st == ENG_OK && i < res->n[kind]; i++)
        st = fill_hit(r, res, kind, i, ms, kq, m, opts);
    eng_mset_free(ms);
    eng_query_free(kq);
    return st;
}

/*
 * The session hits, for whichever thread is free to fill the next: this
 * one once the sessions' search is done, the side's once its quotes are
 * (quotes take less time than sessions and their snippets).  Each fills a
 * hit on its own reader; the engine's answer is only read, and each hit is
 * written by the one thread that took it.
 */
typedef struct hit_pool {
    pthread_mutex_t lock;
    pthread_cond_t opened;
    enum { POOL_WAIT, POOL_OPEN, POOL_SHUT } state;
    atomic_int decided;         /* state is no longer POOL_WAIT */
    size_t next;
    const eng_mset *ms;
    evs_results *res;
    const matcher *m;
    const evs_search_options *opts;
    eng_status st;              /* the first failure */
    eng_db *failed;             /* ... on this reader */
} hit_pool;

/* Opens the pool with the sessions found (ms), or shuts it (ms NULL). */
static void pool_open(hit_pool *p, const eng_mset *ms)
{
    pthread_mutex_lock(&p->lock);
    p->ms = ms;
    p->state = ms ? POOL_OPEN : POOL_SHUT;
    atomic_store_explicit(&p->decided, 1, memory_order_release);
    pthread_cond_broadcast(&p->opened);
    pthread_mutex_unlock(&p->lock);
}

/* The next hit to fill, or (size_t)-1 when none is left or one failed. */
static size_t pool_take(hit_pool *p, int wait)
{
    if (wait)
        spin_wait(&p->decided);
    pthread_mutex_lock(&p->lock);
    while (wait && p->state == POOL_WAIT)
        pthread_cond_wait(&p->opened, &p->lock);
    size_t i = (size_t)-1;
    if (p->state == POOL_OPEN && p->st == ENG_OK && p->next < p->res->n[EVS_HIT_SESSION])
        i = p->next++;
    pthread_mutex_unlock(&p->lock);
    return i;
}

/* Fills session hits on r until none is left; wait: until the pool opens. */
static void pool_fill(hit_pool *p, const reader *r, int wait)
{
    for (size_t i; (i = pool_take(p, wait)) != (size_t)-1;) {
        eng_status st = fill_hit(r, p->res, EVS_HIT_SESSION, i, p->ms, NULL, p->m, p->opts);
        if (st != ENG_OK) {
            pthread_mutex_lock(&p->lock);
            if (p->st == ENG_OK) {
                p->st = st;
                p->failed = r->db;
            }
            pthread_mutex_unlock(&p->lock);
        }
    }
}

/* What the side reader's thread does: the quotes (unless q is NULL), then
 * session hits. */
typedef struct side_task {
    reader on;
    evs_results *res;
    const eng_query *q;
    int any_kind;
    const matcher *m;
    const evs_search_options *opts;
    eng_status st;
    hit_pool *pool;
} side_task;

static void run_side(void *arg)
{
    side_task *t = arg;
    if (t->q)
        t->st = run_kind(&t->on, t->res, EVS_HIT_QUOTE, t->q, t->any_kind, t->m, t->opts);
    pool_fill(t->pool, &t->on, 1);
}

eng_status run_kinds(reader here, side_search *side, evs_results *res, const eng_query *q,
                     int q_any, const eng_query *qq, int qq_any, const matcher *m,
                     const evs_search_options *opts, eng_db **failed)
{
    *failed = here.db;
    hit_pool pool = { .state = POOL_WAIT, .res = res, .m = m, .opts = opts, .st = ENG_OK };
    side_task t = { here, res, qq, qq_any, m, opts, ENG_OK, &pool };
    if (side) {
        t.on = (reader){ side_db(side), side_langs(side), here.records };
        if (pthread_mutex_init(&pool.lock, NULL) != 0)
            side = NULL;
        else if (pthread_cond_init(&pool.opened, NULL) != 0) {
            pthread_mutex_destroy(&pool.lock);
            side = NULL;
        }
    }
    int beside = side && side_start(side, run_side, &t) == 0;

    eng_query *kq;
    eng_mset *ms;
    eng_status st = kind_search(&here, res, EVS_HIT_SESSION, q, q_any, opts, &kq, &ms);
    int shared = beside && st == ENG_OK && !opts->explain;
    if (beside)
        pool_open(&pool, shared ? ms : NULL);
    if (shared)
        pool_fill(&pool, &here, 0);
    else
        for (size_t i = 0; st == ENG_OK && i < res->n[EVS_HIT_SESSION]; i++)
            st = fill_hit(&here, res, EVS_HIT_SESSION, i, ms, kq, m, opts);
    if (beside)
        side_wait(side);
    else if (qq && st == ENG_OK)
        t.st = run_kind(&t.on, res, EVS_HIT_QUOTE, qq, qq_any, m, opts);
    eng_mset_free(ms);
    eng_query_free(kq);
    if (side) {
        pthread_cond_destroy(&pool.opened);
        pthread_mutex_destroy(&pool.lock);
    }
    if (st == ENG_OK && pool.st != ENG_OK) {
        st = pool.st;
        *failed = pool.failed;
    }
    if (st == ENG_OK && t.st != ENG_OK) {
        st = t.st;
        *failed = t.on.db;
    }
    return st;
}
