// engine_positional.cc — see engine_positional.hh.

#include "engine_positional.hh"

#include <stdexcept>

#include "positions.h"

namespace evs_shim {

bool Condition::met_by(const std::string &packed, Xapian::docid did) const
{
    if (kind == ALL || kind == ANY) {
        for (const ConditionPtr &p : parts)
            if (p->met_by(packed, did) == (kind == ANY))
                return kind == ANY;
        return kind == ALL;
    }
    int rc = pos_match(reinterpret_cast<const unsigned char *>(packed.data()), packed.size(),
                       hashes.data(), hashes.size(), window, ordered);
    if (rc == POS_NOMEM)
        throw std::bad_alloc();
    if (rc == POS_CORRUPT)
        throw Xapian::DatabaseCorruptError("the positions of document " + std::to_string(did) +
                                           " do not decode");
    return rc == 1;
}

std::string Condition::describe() const
{
    std::string d;
    if (kind == ALL || kind == ANY) {
        for (size_t i = 0; i < parts.size(); i++)
            d += (i ? (kind == ALL ? " AND " : " OR ") : "") + parts[i]->describe();
        return "(" + d + ")";
    }
    d = (ordered ? "PHRASE " : "NEAR ") + std::to_string(window) + " (";
    for (size_t i = 0; i < terms.size(); i++)
        d += (i ? " " : "") + terms[i];
    return d + ")";
}

bool PositionalDecider::operator()(const Xapian::Document &doc) const
{
    return cond_->met_by(doc.get_value(ENG_SLOT_POSITIONS), doc.get_docid());
}

void positional_query(const std::vector<Xapian::Query> &terms, uint32_t window, bool ordered,
                      Xapian::Query *q, ConditionPtr *cond)
{
    auto c = std::make_shared<Condition>();
    for (const Xapian::Query &t : terms) {
        if (t.get_type() != Xapian::Query::LEAF_TERM)
            throw std::invalid_argument(ordered ? "a phrase takes words only"
                                                : "NEAR takes words only");
        c->terms.push_back(*t.get_terms_begin());
        c->hashes.push_back(pos_hash(c->terms.back().data(), c->terms.back().size()));
    }
    cond->reset();
    if (terms.size() < 2) {
        *q = terms.empty() ? Xapian::Query() : terms[0];
        return;
    }
    c->window = window ? window : static_cast<uint32_t>(terms.size());
    c->ordered = ordered;
    *q = Xapian::Query(Xapian::Query::OP_AND, terms.begin(), terms.end());
    *cond = std::move(c);
}

ConditionPtr combine_conditions(Condition::Kind kind, std::vector<ConditionPtr> parts)
{
    if (parts.size() == 1)
        return parts[0];
    auto c = std::make_shared<Condition>();
    c->kind = kind;
    c->parts = std::move(parts);
    return c;
}

namespace {

// A condition checked as candidates come: a posting source that claims it
// may match every document, so that the engine's AND leads with the
// terms' own postings and asks it only about the documents holding them
// all (check()).  Asked to lead anyway, it reads every document's
// positions in turn (next(), skip_to()).
class ConditionFilter : public Xapian::PostingSource {
  public:
    explicit ConditionFilter(ConditionPtr cond) : cond_(std::move(cond)) {}

    Xapian::PostingSource *clone() const override { return new ConditionFilter(cond_); }

    void init(const Xapian::Database &db) override
    {
        db_ = db;
        values_open_ = false;
        values_asked_ = 0;
        did_ = 0;
        valid_ = false;
        at_end_ = false;
        claim_ = db.get_doccount();
    }

    Xapian::doccount get_termfreq_min() const override { return 0; }
    Xapian::doccount get_termfreq_est() const override { return claim_; }
    Xapian::doccount get_termfreq_max() const override { return claim_; }

    bool at_end() const override { return at_end_; }
    Xapian::docid get_docid() const override { return did_; }

    void next(double) override { advance_from(did_ + 1); }

    void skip_to(Xapian::docid did, double) override
    {
        if (at_end_ || (valid_ && did <= did_))
            return;
        advance_from(did);
    }

    // Is did a match?  When not, the position is left "indeterminate":
    // the next next() or skip_to() looks after did.
    bool check(Xapian::docid did, double) override
    {
        did_ = did;
        valid_ = seek(did) && values_.get_docid() == did && cond_->met_by(*values_, did);
        return valid_;
    }

    std::string get_description() const override { return cond_->describe(); }

  private:
    // Moves values_ to the first document from did on with positions;
    // false when there is none.  Documents come in increasing order, so
    // one stream serves, opened again only to go back.
    bool seek(Xapian::docid did)
    {
        if (!values_open_ || did < values_asked_) {
            values_ = db_.valuestream_begin(ENG_SLOT_POSITIONS);
            values_open_ = true;
        }
        values_asked_ = did;
        if (values_ == db_.valuestream_end(ENG_SLOT_POSITIONS))
            return false;   // it ended before an earlier document
        values_.skip_to(did);
        return values_ != db_.valuestream_end(ENG_SLOT_POSITIONS);
    }

    // The first match from did on.
    void advance_from(Xapian::docid did)
    {
        for (; seek(did); did = values_.get_docid() + 1) {
            if (cond_->met_by(*values_, values_.get_docid())) {
                did_ = values_.get_docid();
                valid_ = true;
                return;
            }
        }
        at_end_ = true;
    }

    ConditionPtr cond_;
    Xapian::Database db_;
    Xapian::doccount claim_ = 0;        // what the source may match, at most
    Xapian::ValueIterator values_;
    bool values_open_ = false;
    Xapian::docid values_asked_ = 0;    // the last document values_ was asked for
    Xapian::docid did_ = 0;
    bool valid_ = false;                // did_ is a match (not just checked)
    bool at_end_ = false;
};

}  // namespace

Xapian::PostingSource *condition_filter(ConditionPtr cond)
{
    return new ConditionFilter(std::move(cond));
}

Xapian::Query with_condition(const Xapian::Query &q, const ConditionPtr &cond)
{
    if (!cond)
        return q;
    using Q = Xapian::Query;
    return Q(Q::OP_FILTER, q, Q(condition_filter(cond)->release()));
}

}  // namespace evs_shim
