// engine_query.cc — queries and searching for engine.h.
//
// Queries are immutable values wrapping Xapian::Query, which is itself a
// cheap reference-counted handle, so combinators copy their members and
// never take ownership.  A query constructor has no handle to hold a
// message, so any failure becomes NULL, NULL propagates through
// combinators so a tree is checked once, at the top, and why the engine
// refused (when it was not memory) is kept per thread: eng_query_error.

#include "engine_internal.hh"
#include "wdf_norm.h"

#include <algorithm>
#include <map>
#include <memory>
#include <new>
#include <stdexcept>
#include <vector>

using evs_shim::dup_cstr;
using evs_shim::fail;
using evs_shim::guarded;
using evs_shim::need_open;

namespace {

thread_local std::string query_error;

// BM25 over the wdf that the document's length divided when it was written
// (wdf_norm.h): with b = 0, the engine reads no document lengths.
void rank_by_bm25(Xapian::Enquire &enquire)
{
    enquire.set_weighting_scheme(Xapian::BM25Weight(wdf_norm_k1(), 0, 1, 0,
                                                    WDF_NORM_MIN_NORMLEN));
}

// A weight the engine gave, as BM25 gives it.
double bm25_weight(double engine_weight)
{
    return engine_weight / wdf_norm_weight_factor();
}

eng_query as_query(Xapian::Query q)
{
    return eng_query{std::move(q), nullptr, false};
}

eng_query as_query(eng_query q)
{
    return q;
}

// A query matching every document, made anew each time.  The engine's own
// Query::MatchAll is one static object whose reference count is not atomic:
// queries sharing it, built for separate threads (evsearch searches sessions
// and quotes side by side), would count it from both at once.
Xapian::Query match_all()
{
    return Xapian::Query(std::string());
}

// f returns the new query, as an engine query or with its conditions.
template <class F>
eng_query *make_query(F &&f) noexcept
{
    try {
        return new eng_query(as_query(f()));
    } catch (...) {
        if (evs_shim::map_error(&query_error, "") == ENG_E_NOMEM)
            query_error.clear();
        return nullptr;
    }
}

// First op (rest combined by rest_op): the shape AND_NOT, AND_MAYBE and
// FILTER need when given more than two members.
Xapian::Query first_and_rest(Xapian::Query::op op, Xapian::Query::op rest_op,
                             const std::vector<Xapian::Query> &qs)
{
    if (qs.empty())
        return Xapian::Query();
    if (qs.size() == 1)
        return qs[0];
    return Xapian::Query(op, qs[0], Xapian::Query(rest_op, qs.begin() + 1, qs.end()));
}

}  // namespace

// ----------------------------------------------------------------- queries

extern "C" eng_query *eng_query_term(const char *term, size_t len, uint32_t wqf)
{
    if (!term && len)
        return nullptr;
    return make_query([&] { return Xapian::Query(std::string(term ? term : "", len), wqf); });
}

extern "C" eng_query *eng_query_combine(eng_op op, eng_query *const *subs, size_t n,
                                        uint32_t window)
{
    if (n && !subs)
        return nullptr;
    for (size_t i = 0; i < n; i++)
        if (!subs[i])
            return nullptr;
    return make_query([&] {
        // Positional conditions are passed up, to be checked last, where
        // the rules of engine_positional.hh allow; elsewhere they filter
        // their own subquery.
        using evs_shim::Condition;
        eng_query out;
        bool all_pure = true;
        for (size_t i = 0; i < n; i++)
            all_pure = all_pure && subs[i]->cond && subs[i]->pure;
        bool lift_all = op == ENG_OP_AND || op == ENG_OP_FILTER ||
                        (op == ENG_OP_OR && all_pure);
        bool lift_first = op == ENG_OP_AND_NOT || op == ENG_OP_AND_MAYBE;
        std::vector<evs_shim::ConditionPtr> lifted;
        std::vector<Xapian::Query> qs;
        qs.reserve(n);
        for (size_t i = 0; i < n; i++) {
            if (lift_all || (lift_first && i == 0) || op == ENG_OP_PHRASE || op == ENG_OP_NEAR) {
                if (subs[i]->cond)
                    lifted.push_back(subs[i]->cond);
                qs.push_back(subs[i]->q);
            } else {
                qs.push_back(evs_shim::with_condition(subs[i]->q, subs[i]->cond));
            }
        }
        if (!lifted.empty())
            out.cond = evs_shim::combine_conditions(op == ENG_OP_OR ? Condition::ANY
                                                                    : Condition::ALL,
                                                    std::move(lifted));
        out.pure = lift_all && all_pure && n > 0;
        using Q = Xapian::Query;
        switch (op) {
        case ENG_OP_AND: out.q = Q(Q::OP_AND, qs.begin(), qs.end()); break;
        case ENG_OP_OR: out.q = Q(Q::OP_OR, qs.begin(), qs.end()); break;
        case ENG_OP_SYNONYM: out.q = Q(Q::OP_SYNONYM, qs.begin(), qs.end()); break;
        case ENG_OP_AND_NOT: out.q = first_and_rest(Q::OP_AND_NOT, Q::OP_OR, qs); break;
        case ENG_OP_AND_MAYBE: out.q = first_and_rest(Q::OP_AND_MAYBE, Q::OP_OR, qs); break;
        case ENG_OP_FILTER: out.q = first_and_rest(Q::OP_FILTER, Q::OP_AND, qs); break;
        case ENG_OP_PHRASE:
        case ENG_OP_NEAR:
            // members are terms (a member with a condition is refused)
            evs_shim::positional_query(qs, window, op == ENG_OP_PHRASE, &out.q, &out.cond);
            out.pure = out.cond != nullptr;
            break;
        default:
            throw std::invalid_argument("unknown query operator");
        }
        return out;
    });
}

extern "C" eng_query *eng_query_value_range(unsigned slot, const char *lo, const char *hi)
{
    // With both ends open the engine matches every document, with a value
    // in the slot or not.
    return make_query([&] {
        using Q = Xapian::Query;
        if (lo && hi)
            return Q(Q::OP_VALUE_RANGE, slot, lo, hi);
        if (lo)
            return Q(Q::OP_VALUE_GE, slot, lo);
        if (hi)
            return Q(Q::OP_VALUE_LE, slot, hi);
        return match_all();
    });
}

extern "C" eng_query *eng_query_wildcard(const char *prefix, size_t len, uint32_t max_terms)
{
    if (!prefix && len)
        return nullptr;
    // Limiting to the most frequent terms never fails at search time, where
    // the engine's default limit would throw.  But with that mode a limit of
    // 0 expands to no term at all (xapian-core 1.4.22), so "no limit" uses
    // the default mode, which with 0 never throws either.  The expansions
    // are combined as synonyms (one term for weighting), so a prefix that
    // matches many rare words does not outrank the rest of the query.
    return make_query([&] {
        using Q = Xapian::Query;
        int mode = max_terms ? Q::WILDCARD_LIMIT_MOST_FREQUENT : Q::WILDCARD_LIMIT_ERROR;
        return Q(Q::OP_WILDCARD, std::string(prefix ? prefix : "", len), max_terms, mode);
    });
}

extern "C" eng_query *eng_query_scale(const eng_query *q, double factor)
{
    if (!q)
        return nullptr;
    // A negative factor is refused by the engine (NULL here).
    return make_query([&] {
        return eng_query{ Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q->q, factor), q->cond,
                          q->pure };
    });
}

extern "C" eng_query *eng_query_match_all(void)
{
    return make_query([] { return match_all(); });
}

extern "C" eng_query *eng_query_match_nothing(void)
{
    return make_query([] { return Xapian::Query(); });
}

extern "C" eng_query *eng_query_copy(const eng_query *q)
{
    if (!q)
        return nullptr;
    return make_query([&] { return *q; });
}

extern "C" void eng_query_free(eng_query *q)
{
    delete q;
}

extern "C" int eng_query_is_empty(const eng_query *q)
{
    return !q || q->q.empty();
}

extern "C" char *eng_query_describe(const eng_query *q)
{
    if (!q)
        return nullptr;
    try {
        return dup_cstr(evs_shim::with_condition(q->q, q->cond).get_description());
    } catch (...) {
        return nullptr;
    }
}

// --------------------------------------------------------------- facets

namespace {

// Counts the values of one slot over every match.  The engine's own
// ValueCountMatchSpy counts a whole value; ours splits it on newlines, so
// that a session with three organisers counts once for each.
class FacetSpy : public Xapian::MatchSpy {
  public:
    explicit FacetSpy(Xapian::valueno slot) : slot_(slot) {}

    void operator()(const Xapian::Document &doc, double) override
    {
        const std::string v = doc.get_value(slot_);
        size_t from = 0;
        while (from < v.size()) {
            size_t nl = v.find('\n', from);
            size_t to = nl == std::string::npos ? v.size() : nl;
            if (to > from)
                counts_[v.substr(from, to - from)]++;
            from = to + 1;
        }
    }

    std::vector<std::pair<std::string, uint32_t>> take()
    {
        return {counts_.begin(), counts_.end()};
    }

  private:
    Xapian::valueno slot_;
    std::map<std::string, uint32_t> counts_;
};

// One document of a page: the engine's ranking, then the value that
// breaks ties of relevance.
struct PageItem {
    Xapian::docid id;
    double weight;
    Xapian::Document doc;   // read only for the value, when weights tie
    std::string value;
};

// How many documents match, as far as a ranking can tell.
struct MatchCount {
    Xapian::doccount estimated = 0, lower = 0, upper = 0;
};

MatchCount count_of(const Xapian::MSet &mset)
{
    MatchCount c;
    c.estimated = mset.get_matches_estimated();
    c.lower = mset.get_matches_lower_bound();
    c.upper = mset.get_matches_upper_bound();
    return c;
}

// When the query's matches are at most this many times those needed, and
// at most FEW_MATCHES_MAX, all of them are checked, and the count is
// exact, as the engine's way (which then sees every one) makes it; a page
// far down does not read thousands of documents' positions for it.
const Xapian::doccount FEW_MATCHES = 3, FEW_MATCHES_MAX = 100;

// The documents ranked [from, from + n) by relevance, into window, when a
// positional condition (meets) can be checked on the engine's first
// documents for the query without it: the first from + n of those are
// checked, and those that meet it are the condition's own first ones when
// there are at least from + n of them, or when those were all the query's
// matches (a document the engine ranks below them cannot rank above them
// once the others are taken out).  Otherwise returns false, and the engine
// checks the condition itself, as candidates come (engine_positional.hh).
//
// The engine's way checks every candidate that could enter the page at the
// moment it comes, in the order of the documents, and early ones enter a
// page that later ones take back: 30.7 checks a phrase on average for 40
// phrases of the benchmark (bench/queries.txt, callgrind) against 11.8
// here, each a read of the document's positions.  The first ranked
// mostly hold the phrase (for 106 of the benchmark's 110 phrases the first
// eleven were enough); when too few do, the engine's way runs after this
// one.
bool rank_checked(Xapian::Enquire &enquire, Xapian::doccount from, Xapian::doccount n,
                  const Xapian::MatchDecider &meets, std::vector<PageItem> &window,
                  MatchCount &count)
{
    const Xapian::doccount need = from + n;
    Xapian::MSet all = enquire.get_mset(0, need);
    // every match of the query is checked: those were all there is, or
    // few are left past them
    bool complete = all.size() < need;
    if (!complete && all.get_matches_upper_bound() <= std::min(FEW_MATCHES * need,
                                                               FEW_MATCHES_MAX)) {
        all = enquire.get_mset(0, all.get_matches_upper_bound());
        complete = true;
    }
    const Xapian::doccount got = all.size();
    // checked in the order of the documents, which is the order the
    // engine's tables keep them in; kept in the ranking's
    std::vector<Xapian::doccount> order(got);
    for (Xapian::doccount i = 0; i < got; i++)
        order[i] = i;
    std::sort(order.begin(), order.end(),
              [&all](Xapian::doccount a, Xapian::doccount b) { return *all[a] < *all[b]; });
    std::vector<char> met(got);
    for (Xapian::doccount i : order)
        met[i] = meets(all[i].get_document());
    std::vector<PageItem> ranked;
    for (Xapian::doccount i = 0; i < got; i++)
        if (met[i])
            ranked.push_back(PageItem{ *all[i], all[i].get_weight(), all[i].get_document(),
                                       std::string() });
    const Xapian::doccount kept = static_cast<Xapian::doccount>(ranked.size());
    if (kept < need && !complete)
        return false;
    if (complete) {
        count.estimated = count.lower = count.upper = kept;
    } else {
        // the engine's estimate for the query, less the share that failed
        count.lower = kept;
        count.upper = all.get_matches_upper_bound() - (got - kept);
        double est = double(all.get_matches_estimated()) * kept / got + 0.5;
        count.estimated = std::max(count.lower,
                                   std::min(count.upper, static_cast<Xapian::doccount>(est)));
    }
    window.assign(ranked.begin() + std::min(from, kept), ranked.begin() + std::min(need, kept));
    return true;
}

// The page [offset, offset + limit) ranked by relevance, equal weights by
// the value in slot (descending when reverse), equal values by document id:
// what set_sort_by_relevance_then_value gives.  The engine's way fetches the
// value of every candidate it ranks and prunes less for it.  Ranked by
// relevance alone, with one document more on each side, the page holds the
// same documents unless a weight ties across one of its edges; sorting it
// then puts each run of equal weights in the value's order, and the value
// is fetched only for the documents of such runs (for most pages, none).
// Returns false, the page left empty, when a tie crosses an edge: then the
// engine's way decides.  (A wider window does not pay: where ties are
// common, as among quotes, runs of equal weights are long, and ranking 40
// more documents was slower than the engine's way.)  A positional
// condition (decider) is checked as rank_checked says when it can be.
bool page_by_relevance(Xapian::Enquire &enquire, Xapian::doccount offset, Xapian::doccount limit,
                       Xapian::doccount at_least, Xapian::MatchDecider *decider,
                       Xapian::valueno slot, bool reverse, MatchCount &count,
                       std::vector<PageItem> &page)
{
    Xapian::doccount before = offset > 0 ? 1 : 0, from = offset - before,
                     asked = before + limit + 1;
    std::vector<PageItem> window;
    // (a count of every match, at_least, needs the engine's way)
    if (!decider || at_least > from + asked ||
        !rank_checked(enquire, from, asked, *decider, window, count)) {
        window.clear();
        Xapian::MSet mset = enquire.get_mset(from, asked, at_least, nullptr, decider);
        for (auto it = mset.begin(); it != mset.end(); ++it)
            window.push_back(PageItem{ *it, it.get_weight(), it.get_document(), std::string() });
        count = count_of(mset);
    }
    Xapian::doccount n = static_cast<Xapian::doccount>(window.size()), first = before,
                     end = std::min(before + limit, n);
    if (first >= end)
        return true;    // nothing on the page
    // the run of the page's first weight starts inside the window (or the
    // window starts at the first match), and that of its last ends there
    // (or every match is in the window)
    if (offset > before && window[0].weight == window[first].weight)
        return false;
    if (n == asked && window[n - 1].weight == window[end - 1].weight)
        return false;
    for (Xapian::doccount i = 0; i < n; i++)
        if ((i > 0 && window[i - 1].weight == window[i].weight) ||
            (i + 1 < n && window[i + 1].weight == window[i].weight))
            window[i].value = window[i].doc.get_value(slot);
    std::stable_sort(window.begin(), window.end(), [reverse](const PageItem &a, const PageItem &b) {
        if (a.weight != b.weight)
            return a.weight > b.weight;
        if (a.value != b.value)
            return reverse ? a.value > b.value : a.value < b.value;
        return a.id < b.id;
    });
    page.assign(window.begin() + first, window.begin() + end);
    return true;
}

}  // namespace

// --------------------------------------------------------------- searching
// The result is copied out of the engine's MSet at once, so that the
// accessors below are plain array reads that cannot fail or throw.

extern "C" eng_status eng_db_search(eng_db *db, const eng_query *q, const eng_search_opts *opts,
                                    eng_mset **out)
{
    if (!db)
        return ENG_E_INVALID;
    if (!out)
        return fail(&db->errmsg, ENG_E_INVALID, "search: no result pointer");
    *out = nullptr;
    if (!q)
        return fail(&db->errmsg, ENG_E_INVALID, "search: no query (did building it run out of memory?)");
    if (eng_status st = need_open(db))
        return st;
    const eng_search_opts o = opts ? *opts : eng_search_opts ENG_SEARCH_OPTS_INIT;
    return guarded(&db->errmsg, "search", [&] {
        Xapian::Enquire enquire(*db->xdb);
        enquire.set_query(q->q);
        rank_by_bm25(enquire);
        // The engine's `reverse` flag means descending order (checked by
        // tests/unit/test_engine_search.c).
        auto slot = static_cast<Xapian::valueno>(o.sort_slot);
        bool reverse = o.sort_descending != 0;
        if (o.sort_slot >= 0 && !o.relevance_first)
            enquire.set_sort_by_value_then_relevance(slot, reverse);
        // Facets count every match, so the match must not stop early.  A
        // ranking that gives way to another (page_by_relevance) leaves its
        // counts behind: each ranking counts with spies of its own.
        std::vector<std::unique_ptr<FacetSpy>> spies;
        Xapian::doccount at_least = o.check_at_least;
        auto count_facets = [&] {
            enquire.clear_matchspies();
            spies.clear();
            for (size_t k = 0; k < o.n_facet_slots; k++) {
                spies.push_back(std::make_unique<FacetSpy>(o.facet_slots[k]));
                enquire.add_matchspy(spies.back().get());
                at_least = db->xdb->get_doccount();
            }
        };
        count_facets();
        // The positional conditions are checked last, for the documents
        // that could make the page (engine_positional.hh).
        evs_shim::PositionalDecider decider(q->cond);
        Xapian::MatchDecider *decide = q->cond ? &decider : nullptr;
        MatchCount count;
        std::vector<PageItem> page;
        auto ms = std::make_unique<eng_mset>();
        bool by_page = o.sort_slot >= 0 && o.relevance_first && o.ties_rare && o.limit > 0;
        if (by_page &&
            page_by_relevance(enquire, o.offset, o.limit, at_least, decide, slot, reverse, count,
                              page)) {
            for (const PageItem &p : page) {
                ms->ids.push_back(p.id);
                ms->weights.push_back(bm25_weight(p.weight));
            }
        } else {
            if (by_page)
                count_facets();     // the ranking that gave way counted too
            if (o.sort_slot >= 0 && o.relevance_first)
                enquire.set_sort_by_relevance_then_value(slot, reverse);
            Xapian::MSet mset = enquire.get_mset(o.offset, o.limit, at_least, nullptr, decide);
            for (auto it = mset.begin(); it != mset.end(); ++it) {
                ms->ids.push_back(*it);
                ms->weights.push_back(bm25_weight(it.get_weight()));
            }
            count = count_of(mset);
        }
        ms->estimated = count.estimated;
        ms->exact = count.lower == count.upper;
        for (auto &spy : spies)
            ms->facets.push_back(spy->take());
        *out = ms.release();
        return ENG_OK;
    });
}

extern "C" eng_status eng_db_explain(eng_db *db, eng_docid id, const eng_query *q,
                                     eng_weight_fn fn, void *ctx)
{
    if (!db)
        return ENG_E_INVALID;
    if (!q || !fn || !id)
        return fail(&db->errmsg, ENG_E_INVALID, "explain: invalid arguments");
    if (eng_status st = need_open(db))
        return st;
    return guarded(&db->errmsg, "explain", [&] {
        Xapian::Document doc = db->xdb->get_document(id);
        // The document's unique id term ("Q...") restricts each search to it.
        Xapian::TermIterator uid = doc.termlist_begin();
        uid.skip_to("Q");
        if (uid == doc.termlist_end() || (*uid).compare(0, 1, "Q") != 0)
            return ENG_OK;  // not one of ours: nothing to say
        Xapian::Query only(*uid);
        for (auto t = q->q.get_unique_terms_begin(); t != q->q.get_unique_terms_end(); ++t) {
            Xapian::TermIterator has = doc.termlist_begin();
            has.skip_to(*t);
            if (has == doc.termlist_end() || *has != *t)
                continue;
            Xapian::Enquire enquire(*db->xdb);
            enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(*t), only));
            rank_by_bm25(enquire);
            Xapian::MSet ms = enquire.get_mset(0, 1);
            if (!ms.empty())
                fn(ctx, (*t).data(), (*t).size(), bm25_weight(ms.begin().get_weight()));
        }
        return ENG_OK;
    });
}

extern "C" void eng_mset_free(eng_mset *ms)
{
    delete ms;
}

extern "C" size_t eng_mset_size(const eng_mset *ms)
{
    return ms ? ms->ids.size() : 0;
}

extern "C" uint32_t eng_mset_estimated(const eng_mset *ms)
{
    return ms ? ms->estimated : 0;
}

extern "C" int eng_mset_exact(const eng_mset *ms)
{
    return ms && ms->exact;
}

extern "C" eng_docid eng_mset_docid(const eng_mset *ms, size_t i)
{
    return ms && i < ms->ids.size() ? ms->ids[i] : 0;
}

extern "C" double eng_mset_weight(const eng_mset *ms, size_t i)
{
    return ms && i < ms->weights.size() ? ms->weights[i] : 0.0;
}

extern "C" size_t eng_mset_facet_size(const eng_mset *ms, size_t k)
{
    return ms && k < ms->facets.size() ? ms->facets[k].size() : 0;
}

extern "C" const char *eng_mset_facet_value(const eng_mset *ms, size_t k, size_t i,
                                            uint32_t *count)
{
    if (!ms || k >= ms->facets.size() || i >= ms->facets[k].size()) {
        if (count)
            *count = 0;
        return nullptr;
    }
    if (count)
        *count = ms->facets[k][i].second;
    return ms->facets[k][i].first.c_str();
}

extern "C" const char *eng_query_error(void)
{
    return query_error.c_str();
}

extern "C" void eng_query_error_clear(void)
{
    query_error.clear();
}
