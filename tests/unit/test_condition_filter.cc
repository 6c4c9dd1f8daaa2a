// test_condition_filter.cc — the posting source that checks a phrase or
// NEAR where the engine cannot wait for the end of a search
// (engine_positional.hh: with_condition), driven directly.
//
// In a search the source claims every document, so the engine's AND lets
// the terms' own postings lead and only asks the source about documents
// that hold them all (check()); test_engine_search covers that.  Its other
// half, walking the documents itself (next(), skip_to()), is what the
// engine would use if it ever let the source lead: no query shape reaches
// it, so it is checked here, through the PostingSource interface.
#include <memory>
#include <string>
#include <vector>

#include <xapian.h>

#include "shim/engine_positional.hh"
#include "tests/unit/engine_helpers.h"

using evs_shim::ConditionPtr;

namespace {

// Documents 1..7; "alpha beta" stands together in 1, 4 and 6.  Document 5
// has no words, so no positions either; 3 and 7 lack one of the words.
const char *const texts[] = { "alpha beta", "beta alpha", "gamma", "alpha x beta alpha beta",
                              "", "alpha beta", "beta" };
const int n_texts = 7;

void write_db(const char *path)
{
    eng_db *w = open_db(path, ENG_OPEN_WRITE | ENG_OPEN_CREATE);
    if (!w)
        return;
    for (int i = 0; i < n_texts; i++) {
        char uid[16];
        snprintf(uid, sizeof uid, "Q%d", i + 1);
        CHECK_INT(put(w, make_doc("d", texts[i], uid, NULL)), i + 1);
    }
    CHECK_INT(eng_db_commit(w), ENG_OK);
    eng_db_close(w);
}

// The condition on a and b within window positions (0: side by side), in
// that order or in any, as the query builder makes it.
ConditionPtr condition(const char *a, const char *b, uint32_t window, bool ordered)
{
    std::vector<Xapian::Query> terms{ Xapian::Query(a), Xapian::Query(b) };
    Xapian::Query q;
    ConditionPtr cond;
    evs_shim::positional_query(terms, window, ordered, &q, &cond);
    return cond;
}

ConditionPtr phrase()
{
    return condition("alpha", "beta", 0, true);
}

// A source for cond, initialised on db, as the engine would have it.
std::unique_ptr<Xapian::PostingSource> source(const Xapian::Database &db, ConditionPtr cond)
{
    std::unique_ptr<Xapian::PostingSource> s(evs_shim::condition_filter(std::move(cond)));
    s->init(db);
    return s;
}

// Checks the documents next() walks through, as "1 4 6".
void check_walk(Xapian::PostingSource &s, const char *want)
{
    std::string out;
    for (s.next(0); !s.at_end(); s.next(0))
        out += (out.empty() ? "" : " ") + std::to_string(s.get_docid());
    CHECK_STR(out.c_str(), want);
}

void test_next(const Xapian::Database &db)
{
    auto s = source(db, phrase());
    CHECK_INT(s->get_termfreq_min(), 0);
    CHECK_INT(s->get_termfreq_max(), n_texts);     // it claims every document
    check_walk(*s, "1 4 6");
    CHECK(s->at_end());
    // in the other order, only the documents that have it so
    check_walk(*source(db, condition("beta", "alpha", 0, true)), "2 4");
    // NEAR, in any order within 3 positions: every document with both
    check_walk(*source(db, condition("beta", "alpha", 3, false)), "1 2 4 6");
}

void test_skip_to(const Xapian::Database &db)
{
    auto s = source(db, phrase());
    s->skip_to(2, 0);
    CHECK(!s->at_end());
    CHECK_INT(s->get_docid(), 4);
    s->skip_to(3, 0);                   // behind where it is: it stays
    CHECK_INT(s->get_docid(), 4);
    s->skip_to(4, 0);
    CHECK_INT(s->get_docid(), 4);
    s->skip_to(5, 0);                   // over the document without positions
    CHECK_INT(s->get_docid(), 6);
    s->next(0);
    CHECK(s->at_end());
    s->skip_to(1, 0);                   // at the end it stays there
    CHECK(s->at_end());

    auto late = source(db, phrase());
    late->skip_to(7, 0);
    CHECK(late->at_end());
    auto past = source(db, phrase());
    past->skip_to(100, 0);
    CHECK(past->at_end());
}

// check() answers for one document, in any order; after a no, the next
// next() or skip_to() looks on from that document.
void test_check(const Xapian::Database &db)
{
    auto s = source(db, phrase());
    CHECK(s->check(4, 0));
    CHECK_INT(s->get_docid(), 4);
    CHECK(!s->check(2, 0));             // going back opens the values again
    CHECK(s->check(1, 0));
    CHECK(!s->check(5, 0));             // no positions at all
    CHECK(!s->check(7, 0));
    CHECK(s->check(6, 0));

    auto t = source(db, phrase());
    CHECK(!t->check(2, 0));
    t->next(0);
    CHECK_INT(t->get_docid(), 4);
    CHECK(!t->check(5, 0));
    t->skip_to(5, 0);
    CHECK_INT(t->get_docid(), 6);
    t->next(0);
    CHECK(t->at_end());
}

// A condition on words no document has: nothing, and at once.
void test_nowhere(const Xapian::Database &db)
{
    ConditionPtr cond = condition("delta", "epsilon", 0, true);
    check_walk(*source(db, cond), "");
    auto k = source(db, cond);
    k->skip_to(3, 0);
    CHECK(k->at_end());
}

}  // namespace

int main()
{
    if (!make_dir("condfilter"))
        return 1;
    write_db(db_path);
    try {
        Xapian::Database db(db_path);
        CHECK_INT(db.get_doccount(), n_texts);
        test_next(db);
        test_skip_to(db);
        test_check(db);
        test_nowhere(db);
    } catch (const Xapian::Error &e) {
        fprintf(stderr, "%s\n", e.get_description().c_str());
        check_failures++;
    }
    return finish();
}
