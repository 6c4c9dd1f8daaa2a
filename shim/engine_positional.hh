// engine_positional.hh — phrases and NEAR for engine_query.cc, over the
// positions the shim packs into each document (positions.h).  Private to
// shim/; never installed.
//
// A positional query is the AND of its terms, which finds and ranks the
// candidates as any AND would, and a condition on where the terms stand,
// read from a candidate's packed positions.  Conditions travel up the
// query with it (eng_query::cond) as far as they can, and the search
// checks what reaches the top last, with a match decider: so only for the
// documents whose weight could put them among the results, as the engine
// does with its own phrases.  Checking every candidate made frequent
// phrases ten times slower ("european commission": 3.5 → 41 ms).  A page
// of sessions first tries fewer still: the first ranked without the
// condition (engine_query.cc: rank_checked).
//
// A condition passes through AND and FILTER, and through OR when every
// branch is "pure": matches exactly when its condition is met, as a
// phrase does (its condition names all its terms).  Elsewhere (OR with a
// plain word, NOT, AND_MAYBE's extra weight) it cannot wait, and filters
// its own subquery as candidates come (with_condition).  Through OR the
// matches are the same, but a document with one branch's words, not as
// its phrase, and another branch's phrase weighs both branches' words,
// where the engine's OR of its own phrases weighed the second only (a
// quote saying "commission" and "european" apart, from someone of the
// European Commission).  The 237 benchmark queries rank alike either way.

#ifndef EVS_SHIM_ENGINE_POSITIONAL_HH
#define EVS_SHIM_ENGINE_POSITIONAL_HH

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <xapian.h>

#include "engine.h"

namespace evs_shim {

// Terms within window positions (in their order when ordered, else in
// any); or every one of parts; or any of them.
struct Condition {
    enum Kind { POSITIONS, ALL, ANY };
    Kind kind = POSITIONS;
    std::vector<std::string> terms;
    std::vector<uint32_t> hashes;
    uint32_t window = 0;
    bool ordered = false;
    std::vector<std::shared_ptr<const Condition>> parts;

    // Whether document did, with packed positions (its ENG_SLOT_POSITIONS),
    // meets it; throws when they do not decode.
    bool met_by(const std::string &packed, Xapian::docid did) const;
    std::string describe() const;
};

using ConditionPtr = std::shared_ptr<const Condition>;

// The AND of terms (single-term queries, else std::invalid_argument) into
// *q, and the condition on their positions into *cond (window 0: as many as
// there are terms); none with fewer than two terms.
void positional_query(const std::vector<Xapian::Query> &terms, uint32_t window, bool ordered,
                      Xapian::Query *q, ConditionPtr *cond);

// ALL or ANY of parts (one part: itself).
ConditionPtr combine_conditions(Condition::Kind kind, std::vector<ConditionPtr> parts);

// q, restricted to the documents that meet cond (none: q).
Xapian::Query with_condition(const Xapian::Query &q, const ConditionPtr &cond);

// The posting source with_condition filters with: the documents that meet
// cond.  The caller owns it (or hands it to a query with release()).
Xapian::PostingSource *condition_filter(ConditionPtr cond);

// Accepts the documents that meet cond.
class PositionalDecider : public Xapian::MatchDecider {
  public:
    explicit PositionalDecider(ConditionPtr cond) : cond_(std::move(cond)) {}
    bool operator()(const Xapian::Document &doc) const override;

  private:
    ConditionPtr cond_;
};

}  // namespace evs_shim

#endif
