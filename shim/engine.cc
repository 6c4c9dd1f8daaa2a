// engine.cc — the C ABI of engine.h over Xapian: databases and documents.
// Queries and searching are in engine_query.cc, error mapping in
// engine_error.cc.
//
// No exception leaves the shim: every entry point runs its body through
// guarded(), whose catch (...) hands the exception to map_error(), the one
// place that decides which status a failure is and what its message says.

#include "engine_internal.hh"
#include "positions.h"
#include "wdf_norm.h"

#include <memory>
#include <new>
#include <string>
#include <utility>

using evs_shim::dup_cstr;
using evs_shim::fail;
using evs_shim::guarded;
using evs_shim::need_open;

// ---------------------------------------------------------- transactions
// engine.h promises that nothing is committed except by eng_db_commit.  The
// engine does the opposite by default: outside a transaction it commits on
// its own every few thousand changes (autoflush), and close() and the
// destructor commit whatever is pending.  So a writable handle keeps an
// *unflushed* transaction open from open to close: begin_transaction(false)
// commits nothing, inside it the engine never commits on its own (it still
// writes postlist batches to free blocks, so memory stays bounded), and
// closing or destroying with a transaction open discards it.  eng_db_commit
// ends the transaction, commits, and opens the next one (an unflushed
// commit_transaction() alone commits nothing).
//
// Beware: when a write fails (e.g. a term too long) the engine discards
// every uncommitted change, not just the failed one.  eng_doc refuses
// over-long terms early so that one bad token cannot cost a batch.

namespace {

const size_t max_term_len = 245;   // the glass backend's limit, in bytes

void start_xact(eng_db *db)
{
    if (!db->xact) {
        db->wdb->begin_transaction(false);
        db->xact = true;
    }
}

// After a failed commit or cancel: the engine may have left its transaction,
// and a later close would then commit what is pending.
void restart_xact(eng_db *db) noexcept
{
    try {
        start_xact(db);
    } catch (...) {
    }
}

eng_status need_writable(eng_db *db) noexcept
{
    eng_status st = need_open(db);
    if (st == ENG_OK && !db->wdb)
        st = fail(&db->errmsg, ENG_E_INVALID, "the database was opened read-only");
    return st;
}

std::string str_or_empty(const char *s, size_t len)
{
    return s ? std::string(s, len) : std::string();
}

}  // namespace

// ---------------------------------------------------------------- database

extern "C" eng_status eng_db_open(const char *path, int flags, eng_db **out)
{
    if (!out)
        return ENG_E_INVALID;
    eng_db *db = *out = new (std::nothrow) eng_db;
    if (!db)
        return ENG_E_NOMEM;
    if (!path || !*path)
        return fail(&db->errmsg, ENG_E_INVALID, "open: no path given");
    if ((flags & ~(ENG_OPEN_WRITE | ENG_OPEN_CREATE)) != 0 ||
        ((flags & ENG_OPEN_CREATE) && !(flags & ENG_OPEN_WRITE)))
        return fail(&db->errmsg, ENG_E_INVALID, "open: invalid flags");
    return guarded(&db->errmsg, "open", [&] {
        if (flags & ENG_OPEN_WRITE) {
            int action = flags & ENG_OPEN_CREATE ? Xapian::DB_CREATE_OR_OPEN : Xapian::DB_OPEN;
            auto w = std::make_unique<Xapian::WritableDatabase>(path, action);
            w->begin_transaction(false);
            db->xact = true;
            db->wdb = w.get();
            db->xdb = std::move(w);
        } else {
            // Also opens stub files that list several databases (shards).
            db->xdb = std::make_unique<Xapian::Database>(path);
        }
        return ENG_OK;
    });
}

extern "C" void eng_db_close(eng_db *db)
{
    if (!db)
        return;
    // With the transaction still open, close() releases the lock and
    // discards the uncommitted changes instead of committing them (see
    // "transactions" above); the destructor would do the same if it threw.
    if (db->wdb)
        restart_xact(db);
    try {
        if (db->xdb)
            db->xdb->close();
    } catch (...) {
    }
    db->wdb = nullptr;
    db->xdb.reset();   // ~Database never throws: it swallows errors itself
    delete db;
}

extern "C" const char *eng_db_errmsg(const eng_db *db)
{
    // Like sqlite3_errmsg: no handle means opening ran out of memory.
    return db ? db->errmsg.c_str() : "out of memory";
}

extern "C" eng_status eng_db_reopen(eng_db *db, int *changed)
{
    if (!db)
        return ENG_E_INVALID;
    if (changed)
        *changed = 0;
    if (eng_status st = need_open(db))
        return st;
    return guarded(&db->errmsg, "reopen", [&] {
        bool c = db->xdb->reopen();
        if (changed)
            *changed = c ? 1 : 0;
        return ENG_OK;
    });
}

extern "C" eng_status eng_db_revision(eng_db *db, uint64_t *out)
{
    if (!db)
        return ENG_E_INVALID;
    if (!out)
        return fail(&db->errmsg, ENG_E_INVALID, "revision: no result pointer");
    if (eng_status st = need_open(db))
        return st;
    return guarded(&db->errmsg, "revision", [&] {
        *out = db->xdb->get_revision();
        return ENG_OK;
    });
}

extern "C" eng_status eng_db_doccount(eng_db *db, uint32_t *out)
{
    if (!db)
        return ENG_E_INVALID;
    if (!out)
        return fail(&db->errmsg, ENG_E_INVALID, "doccount: no result pointer");
    if (eng_status st = need_open(db))
        return st;
    return guarded(&db->errmsg, "doccount", [&] {
        *out = db->xdb->get_doccount();
        return ENG_OK;
    });
}

extern "C" eng_status eng_db_termfreq(eng_db *db, const char *term, size_t len, uint32_t *out)
{
    if (!db)
        return ENG_E_INVALID;
    if (!out || (!term && len))
        return fail(&db->errmsg, ENG_E_INVALID, "termfreq: invalid arguments");
    if (eng_status st = need_open(db))
        return st;
    return guarded(&db->errmsg, "termfreq", [&] {
        *out = db->xdb->get_termfreq(str_or_empty(term, len));
        return ENG_OK;
    });
}

extern "C" eng_status eng_db_get_metadata(eng_db *db, const char *key, char **out,
                                          size_t *out_len)
{
    if (!db)
        return ENG_E_INVALID;
    if (!out || !key)
        return fail(&db->errmsg, ENG_E_INVALID, "get metadata: invalid arguments");
    *out = nullptr;
    if (eng_status st = need_open(db))
        return st;
    return guarded(&db->errmsg, "get metadata", [&] {
        std::string v = db->xdb->get_metadata(key);
        if (!(*out = dup_cstr(v)))
            throw std::bad_alloc();
        if (out_len)
            *out_len = v.size();
        return ENG_OK;
    });
}

extern "C" eng_status eng_db_set_metadata(eng_db *db, const char *key, const char *value,
                                          size_t len)
{
    if (!db)
        return ENG_E_INVALID;
    if (!key || (!value && len))
        return fail(&db->errmsg, ENG_E_INVALID, "set metadata: invalid arguments");
    if (eng_status st = need_writable(db))
        return st;
    return guarded(&db->errmsg, "set metadata", [&] {
        db->wdb->set_metadata(key, str_or_empty(value, len));
        return ENG_OK;
    });
}

extern "C" eng_status eng_db_commit(eng_db *db)
{
    if (!db)
        return ENG_E_INVALID;
    if (eng_status st = need_writable(db))
        return st;
    return guarded(&db->errmsg, "commit", [&] {
        try {
            if (db->xact) {
                db->xact = false;
                db->wdb->commit_transaction();
            }
            db->wdb->commit();
        } catch (...) {
            restart_xact(db);
            throw;
        }
        start_xact(db);
        return ENG_OK;
    });
}

extern "C" eng_status eng_db_cancel(eng_db *db)
{
    if (!db)
        return ENG_E_INVALID;
    if (eng_status st = need_writable(db))
        return st;
    return guarded(&db->errmsg, "cancel", [&] {
        // Discards every change since the last commit.
        try {
            if (db->xact) {
                db->xact = false;
                db->wdb->cancel_transaction();
            }
        } catch (...) {
            restart_xact(db);
            throw;
        }
        start_xact(db);
        return ENG_OK;
    });
}

namespace {

// A document's terms going to the engine, with the length factor of
// their wdf (wdf_norm.h).
struct Tallied {
    Xapian::Document *doc;
    double length_factor;
};

// term_tally_each's callback: the engine's exceptions do not cross C.
int add_tallied(void *ctx, const char *term, size_t len, uint32_t wdf) noexcept
{
    try {
        auto *t = static_cast<Tallied *>(ctx);
        t->doc->add_term(std::string(term, len), wdf_norm(wdf, t->length_factor));
        return 0;
    } catch (...) {     // only bad_alloc: eng_doc_add_* checked the term
        return 1;
    }
}

// The handle's record codec, made when first needed.
rec_codec *codec_of(eng_db *db)
{
    if (!db->codec && !(db->codec = rec_codec_new()))
        throw std::bad_alloc();
    return db->codec;
}

// The record packed into its value slot (none when it is empty).
void pack_data(eng_db *db, eng_doc *doc)
{
    if (doc->data.empty()) {
        doc->doc.add_value(ENG_SLOT_RECORD, std::string());   // none, and no throw if none
    } else {
        std::string packed(rec_codec_bound(doc->data.size()), '\0');
        size_t len = 0;
        if (rec_codec_pack(codec_of(db), doc->data.data(), doc->data.size(), &packed[0],
                           &len) != ENG_OK)
            throw std::bad_alloc();
        packed.resize(len);
        doc->doc.add_value(ENG_SLOT_RECORD, packed);
    }
    doc->data_packed = true;
}

// Puts into doc what was gathered beside it since it was last written:
// its terms, each once with its summed wdf (the same document as adding
// them one occurrence at a time, for a fraction of the engine's work)
// divided by the document's length (wdf_norm.h), its positions, packed
// into their value slot, and its record, into its own.
// When the engine throws here (out of memory), doc is half filled and the
// write fails.
void pack(eng_db *db, eng_doc *doc)
{
    if (!doc->data_packed)
        pack_data(db, doc);
    Tallied t = { &doc->doc, wdf_norm_length_factor(doc->terms.total) };
    if (term_tally_each(&doc->terms, add_tallied, &t) != 0)
        throw std::bad_alloc();
    term_tally_clear(&doc->terms);
    if (doc->postings_packed)
        return;
    std::string packed(pos_pack_bound(doc->postings.size()), '\0');
    size_t len = pos_pack(doc->postings.data(), doc->postings.size(),
                          reinterpret_cast<unsigned char *>(&packed[0]));
    if (len == 0 && !doc->postings.empty())
        throw std::bad_alloc();
    packed.resize(len);
    doc->doc.add_value(ENG_SLOT_POSITIONS, packed);
    doc->postings_packed = true;
}

}  // namespace

extern "C" eng_status eng_db_add(eng_db *db, eng_doc *doc, eng_docid *out_id)
{
    if (!db)
        return ENG_E_INVALID;
    if (!doc)
        return fail(&db->errmsg, ENG_E_INVALID, "add: no document");
    if (eng_status st = need_writable(db))
        return st;
    return guarded(&db->errmsg, "add", [&] {
        pack(db, doc);
        Xapian::docid id = db->wdb->add_document(doc->doc);
        if (out_id)
            *out_id = id;
        return ENG_OK;
    });
}

extern "C" eng_status eng_db_delete_term(eng_db *db, const char *term)
{
    if (!db)
        return ENG_E_INVALID;
    if (!term || !*term)
        return fail(&db->errmsg, ENG_E_INVALID, "delete: no term");
    if (eng_status st = need_writable(db))
        return st;
    return guarded(&db->errmsg, "delete", [&] {
        db->wdb->delete_document(term);
        return ENG_OK;
    });
}

extern "C" eng_status eng_db_add_spelling(eng_db *db, const char *word, size_t len, uint32_t freq)
{
    if (!db)
        return ENG_E_INVALID;
    if (!word || !len)
        return fail(&db->errmsg, ENG_E_INVALID, "add spelling: no word");
    if (eng_status st = need_writable(db))
        return st;
    return guarded(&db->errmsg, "add spelling", [&] {
        db->wdb->add_spelling(std::string(word, len), freq ? freq : 1);
        return ENG_OK;
    });
}

extern "C" eng_status eng_db_suggest_spelling(eng_db *db, const char *word, char **out)
{
    if (!db)
        return ENG_E_INVALID;
    if (!word || !out)
        return fail(&db->errmsg, ENG_E_INVALID, "suggest spelling: invalid arguments");
    *out = nullptr;
    if (eng_status st = need_open(db))
        return st;
    return guarded(&db->errmsg, "suggest spelling", [&] {
        if (!(*out = dup_cstr(db->xdb->get_spelling_suggestion(word))))
            throw std::bad_alloc();
        return ENG_OK;
    });
}

extern "C" eng_status eng_db_each_term(eng_db *db, const char *prefix, eng_term_fn fn, void *ctx)
{
    if (!db)
        return ENG_E_INVALID;
    if (!fn)
        return fail(&db->errmsg, ENG_E_INVALID, "each term: no callback");
    if (eng_status st = need_open(db))
        return st;
    return guarded(&db->errmsg, "each term", [&] {
        std::string pfx = prefix ? prefix : "";
        for (auto it = db->xdb->allterms_begin(pfx), end = db->xdb->allterms_end(pfx);
             it != end; ++it) {
            const std::string term = *it;
            if (fn(ctx, term.c_str(), term.size(), it.get_termfreq()))
                break;
        }
        return ENG_OK;
    });
}

extern "C" eng_status eng_db_each_spelling(eng_db *db, eng_term_fn fn, void *ctx)
{
    if (!db)
        return ENG_E_INVALID;
    if (!fn)
        return fail(&db->errmsg, ENG_E_INVALID, "each spelling: no callback");
    if (eng_status st = need_open(db))
        return st;
    return guarded(&db->errmsg, "each spelling", [&] {
        for (auto it = db->xdb->spellings_begin(), end = db->xdb->spellings_end(); it != end;
             ++it) {
            const std::string word = *it;
            if (fn(ctx, word.c_str(), word.size(), it.get_termfreq()))
                break;
        }
        return ENG_OK;
    });
}

extern "C" eng_status eng_db_each_metadata_key(eng_db *db, const char *prefix, eng_key_fn fn,
                                               void *ctx)
{
    if (!db)
        return ENG_E_INVALID;
    if (!fn)
        return fail(&db->errmsg, ENG_E_INVALID, "each metadata key: no callback");
    if (eng_status st = need_open(db))
        return st;
    return guarded(&db->errmsg, "each metadata key", [&] {
        std::string pfx = prefix ? prefix : "";
        for (auto it = db->xdb->metadata_keys_begin(pfx), end = db->xdb->metadata_keys_end(pfx);
             it != end; ++it) {
            const std::string key = *it;
            if (fn(ctx, key.c_str(), key.size()))
                break;
        }
        return ENG_OK;
    });
}

extern "C" eng_status eng_db_doc_data(eng_db *db, eng_docid id, char **out, size_t *out_len)
{
    if (!db)
        return ENG_E_INVALID;
    if (!out)
        return fail(&db->errmsg, ENG_E_INVALID, "document data: no result pointer");
    *out = nullptr;
    if (eng_status st = need_open(db))
        return st;
    if (id == 0)
        return fail(&db->errmsg, ENG_E_NOT_FOUND, "document data: document 0 does not exist");
    return guarded(&db->errmsg, "document data", [&] {
        // The engine checks that a document exists by finding its length,
        // scanning a chunk of a list (3.8% of a one-word query's
        // instructions).  A search's hits exist; a missing document's data
        // reads as empty, and only then is the question asked.
        std::string packed =
            db->xdb->get_document(id, Xapian::DOC_ASSUME_VALID).get_value(ENG_SLOT_RECORD);
        if (packed.empty())
            packed = db->xdb->get_document(id).get_value(ENG_SLOT_RECORD);
        size_t len = 0;
        if (packed.empty()) {
            if (!(*out = dup_cstr(packed)))
                throw std::bad_alloc();
        } else if (eng_status st = rec_codec_unpack(codec_of(db), packed.data(), packed.size(),
                                                    out, &len)) {
            if (st == ENG_E_NOMEM)
                throw std::bad_alloc();
            std::string what = "document data: document " + std::to_string(id) +
                               (st == ENG_E_VERSION
                                    ? " was written by another version of evsearch"
                                    : " is damaged");
            return fail(&db->errmsg, st, what.c_str());
        }
        if (out_len)
            *out_len = len;
        return ENG_OK;
    });
}

extern "C" eng_status eng_db_doc_value(eng_db *db, eng_docid id, unsigned slot, char **out,
                                       size_t *out_len)
{
    if (!db)
        return ENG_E_INVALID;
    if (!out)
        return fail(&db->errmsg, ENG_E_INVALID, "document value: no result pointer");
    *out = nullptr;
    if (eng_status st = need_open(db))
        return st;
    if (id == 0)
        return fail(&db->errmsg, ENG_E_NOT_FOUND, "document value: document 0 does not exist");
    return guarded(&db->errmsg, "document value", [&] {
        std::string v = db->xdb->get_document(id).get_value(slot);
        if (!(*out = dup_cstr(v)))
            throw std::bad_alloc();
        if (out_len)
            *out_len = v.size();
        return ENG_OK;
    });
}

// ---------------------------------------------------------------- document
// A document is built in memory only; the checks here catch, at the token
// that causes them, the errors the engine would otherwise raise at add time
// (when it would also throw away the whole uncommitted batch).

namespace {

eng_status check_term(eng_doc *doc, const char *term, size_t len) noexcept
{
    if (!term || !len)
        return fail(&doc->errmsg, ENG_E_INVALID, "add term: empty term");
    if (len > max_term_len)
        return fail(&doc->errmsg, ENG_E_INVALID, "add term: term longer than 245 bytes");
    return ENG_OK;
}

}  // namespace

namespace {

// The term tally of the last document freed on this thread, emptied, for
// the next one made here: an indexing thread makes its documents one after
// another, and a session's table of 2,048 slots, made anew and grown for
// each, cost more than the tally saved.
struct SpareTally {
    term_tally t{};
    ~SpareTally() { term_tally_free(&t); }
};
thread_local SpareTally spare_tally;

}  // namespace

extern "C" eng_status eng_doc_new(eng_doc **out)
{
    if (!out)
        return ENG_E_INVALID;
    *out = nullptr;
    try {
        *out = new eng_doc;
        std::swap((*out)->terms, spare_tally.t);
        return ENG_OK;
    } catch (...) {   // only bad_alloc can get here
        return ENG_E_NOMEM;
    }
}

extern "C" void eng_doc_free(eng_doc *doc)
{
    if (doc && !spare_tally.t.terms.slots) {
        term_tally_clear(&doc->terms);
        std::swap(doc->terms, spare_tally.t);
    }
    delete doc;
}

extern "C" const char *eng_doc_errmsg(const eng_doc *doc)
{
    return doc ? doc->errmsg.c_str() : "out of memory";
}

extern "C" eng_status eng_doc_add_posting(eng_doc *doc, const char *term, size_t len,
                                          uint32_t pos, uint32_t wdf_inc)
{
    if (!doc)
        return ENG_E_INVALID;
    if (eng_status st = check_term(doc, term, len))
        return st;
    if (pos == 0)
        return fail(&doc->errmsg, ENG_E_INVALID, "add posting: positions start at 1");
    return guarded(&doc->errmsg, "add posting", [&] {
        doc->postings.push_back(pos_posting(pos_hash(term, len), pos));
        doc->postings_packed = false;
        if (term_tally_add(&doc->terms, term, len, wdf_inc) < 0)
            throw std::bad_alloc();
        return ENG_OK;
    });
}

extern "C" eng_status eng_doc_add_term(eng_doc *doc, const char *term, size_t len,
                                       uint32_t wdf_inc)
{
    if (!doc)
        return ENG_E_INVALID;
    if (eng_status st = check_term(doc, term, len))
        return st;
    return guarded(&doc->errmsg, "add term", [&] {
        if (term_tally_add(&doc->terms, term, len, wdf_inc) < 0)
            throw std::bad_alloc();
        return ENG_OK;
    });
}

extern "C" eng_status eng_doc_set_value(eng_doc *doc, unsigned slot, const char *val, size_t len)
{
    if (!doc)
        return ENG_E_INVALID;
    if (!val && len)
        return fail(&doc->errmsg, ENG_E_INVALID, "set value: no value");
    if (slot == ENG_SLOT_POSITIONS || slot == ENG_SLOT_RECORD)
        return fail(&doc->errmsg, ENG_E_INVALID, slot == ENG_SLOT_RECORD
                        ? "set value: the slot for the document's data is reserved"
                        : "set value: the slot for positions is reserved");
    return guarded(&doc->errmsg, "set value", [&] {
        doc->doc.add_value(slot, str_or_empty(val, len));
        return ENG_OK;
    });
}

extern "C" eng_status eng_doc_set_data(eng_doc *doc, const char *data, size_t len)
{
    if (!doc)
        return ENG_E_INVALID;
    if (!data && len)
        return fail(&doc->errmsg, ENG_E_INVALID, "set data: no data");
    return guarded(&doc->errmsg, "set data", [&] {
        doc->data.assign(str_or_empty(data, len));
        doc->data_packed = false;
        return ENG_OK;
    });
}
