// engine_internal.hh — what engine.cc and engine_query.cc share: the
// definitions behind the opaque handles of engine.h and the one path by
// which an exception becomes a status.  Private to shim/; never installed.

#ifndef EVS_SHIM_ENGINE_INTERNAL_HH
#define EVS_SHIM_ENGINE_INTERNAL_HH

#include "engine.h"
#include "engine_positional.hh"
#include "record_codec.h"
#include "term_tally.h"

#include <memory>
#include <string>
#include <vector>

#include <xapian.h>

struct eng_db {
    // A WritableDatabase when opened for writing (then wdb points at the
    // same object), else a Database; null when opening failed.
    std::unique_ptr<Xapian::Database> xdb;
    Xapian::WritableDatabase *wdb = nullptr;
    std::string errmsg;
    bool xact = false;    // the engine-level transaction is open (see engine.cc)
    // packs and unpacks records (record_codec.h); made when first needed
    rec_codec *codec = nullptr;

    eng_db() = default;
    eng_db(const eng_db &) = delete;
    eng_db &operator=(const eng_db &) = delete;
    ~eng_db() { rec_codec_free(codec); }
};

struct eng_doc {
    Xapian::Document doc;
    // the terms added since it was last written, each with its wdf summed,
    // for doc when it is written (term_tally.h)
    term_tally terms{};
    // eng_doc_add_posting's positions (positions.h: pos_posting), packed
    // into the document when it is written
    std::vector<uint64_t> postings;
    bool postings_packed = true;    // doc holds postings' packed form
    // eng_doc_set_data's record, packed into its value slot when written
    std::string data;
    bool data_packed = true;        // doc holds data's packed form
    std::string errmsg;

    eng_doc() = default;
    eng_doc(const eng_doc &) = delete;
    eng_doc &operator=(const eng_doc &) = delete;
    ~eng_doc() { term_tally_free(&terms); }
};

struct eng_query {
    Xapian::Query q;
    // what a match of q must also meet (phrases, NEAR), checked last; and
    // whether meeting it is all a match takes (engine_positional.hh)
    evs_shim::ConditionPtr cond;
    bool pure = false;
};

// Copied out at search time, so that reading a result never calls into the
// engine and so can never fail.
struct eng_mset {
    std::vector<eng_docid> ids;
    std::vector<double> weights;
    uint32_t estimated = 0;
    bool exact = false;     // the engine saw every match: estimated is the count
    // per facet slot: (value, count) in byte order of the values
    std::vector<std::vector<std::pair<std::string, uint32_t>>> facets;
};

namespace evs_shim {

// Must be called from inside a catch block: rethrows the exception in
// flight, stores "context: message" in *msg and returns its status.
eng_status map_error(std::string *msg, const char *context) noexcept;

// Stores a message for a failure found by the shim itself.
eng_status fail(std::string *msg, eng_status st, const char *text) noexcept;

// Runs f, turning any exception into a status and a message on the handle.
template <class F>
eng_status guarded(std::string *msg, const char *context, F &&f) noexcept
{
    try {
        return f();
    } catch (...) {
        return map_error(msg, context);
    }
}

// A malloc'd, NUL-terminated copy for C callers (the string may hold NULs);
// NULL when memory runs out.
char *dup_cstr(const std::string &s) noexcept;

// The handle is usable for reading: reports ENG_E_INVALID when not.
eng_status need_open(eng_db *db) noexcept;

}  // namespace evs_shim

#endif
