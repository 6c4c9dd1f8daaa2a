// engine_error.cc — how an engine failure becomes an eng_status and a
// message, plus the small helpers every entry point shares.
//
// The C side never names the engine, so messages are built from get_msg()
// (what happened), never from get_description(), which starts with the
// engine's namespace.

#include "engine_internal.hh"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <new>
#include <string>

namespace evs_shim {

namespace {

const char oom_text[] = "out of memory";

// Stores "context: what (system error)".  Building the string can run out of
// memory; then the message degrades to a short one, which fits in the
// buffer a std::string always has, so assigning it does not allocate.
void set_msg(std::string *msg, const char *context, const std::string &what,
             const char *syserr) noexcept
{
    try {
        std::string m;
        if (context && *context) {
            m += context;
            m += ": ";
        }
        m += what;
        if (syserr && *syserr && what.find(syserr) == std::string::npos) {
            m += " (";
            m += syserr;
            m += ")";
        }
        msg->swap(m);
    } catch (...) {
        msg->clear();
        try {
            *msg = oom_text;
        } catch (...) {
        }
    }
}

eng_status report(std::string *msg, const char *context, const Xapian::Error &e,
                  eng_status st) noexcept
{
    // get_msg() is empty for a few internal errors; the bare type name
    // ("DocNotFoundError") is better than nothing and names no engine.
    try {
        set_msg(msg, context, e.get_msg().empty() ? std::string(e.get_type()) : e.get_msg(),
                e.get_error_string());
    } catch (...) {
        set_msg(msg, nullptr, oom_text, nullptr);
    }
    return st;
}

// The engine reports the errno behind a failure only as its strerror text.
bool errno_is(const Xapian::Error &e, int err) noexcept
{
    const char *s = e.get_error_string();
    return s && std::strcmp(s, std::strerror(err)) == 0;
}

}  // namespace

eng_status map_error(std::string *msg, const char *context) noexcept
{
    try {
        throw;
    // Subclasses of DatabaseOpeningError first: lock, version, not found.
    } catch (const Xapian::DatabaseLockError &e) {
        return report(msg, context, e, ENG_E_LOCKED);
    } catch (const Xapian::DatabaseVersionError &e) {
        return report(msg, context, e, ENG_E_VERSION);
    } catch (const Xapian::DatabaseNotFoundError &e) {
        return report(msg, context, e, ENG_E_NOT_FOUND);
    } catch (const Xapian::DatabaseOpeningError &e) {
        // Raised for a missing path ("Couldn't stat": ENOENT, ENOTDIR) and
        // for a file that is no database ("Bad line" in a stub, no errno);
        // any other errno (EACCES, EIO, EMFILE) is a failure to read.
        bool io = e.get_error_string() && !errno_is(e, ENOENT) && !errno_is(e, ENOTDIR);
        return report(msg, context, e, io ? ENG_E_IO : ENG_E_NOT_FOUND);
    } catch (const Xapian::DatabaseCorruptError &e) {
        return report(msg, context, e, ENG_E_CORRUPT);
    } catch (const Xapian::DatabaseModifiedError &e) {
        return report(msg, context, e, ENG_E_MODIFIED);
    } catch (const Xapian::DatabaseClosedError &e) {
        return report(msg, context, e, ENG_E_INVALID);
    } catch (const Xapian::DatabaseError &e) {
        // Disk full, permissions, short reads: the engine throws a plain
        // DatabaseError (or DatabaseCreateError) carrying the errno.
        return report(msg, context, e, e.get_error_string() ? ENG_E_IO : ENG_E_INTERNAL);
    } catch (const Xapian::NetworkError &e) {
        // A remote shard that cannot be reached is a failure to read.
        return report(msg, context, e, ENG_E_IO);
    } catch (const Xapian::DocNotFoundError &e) {
        return report(msg, context, e, ENG_E_NOT_FOUND);
    } catch (const Xapian::InvalidArgumentError &e) {
        return report(msg, context, e, ENG_E_INVALID);
    } catch (const Xapian::InvalidOperationError &e) {
        return report(msg, context, e, ENG_E_INVALID);
    } catch (const Xapian::WildcardError &e) {
        return report(msg, context, e, ENG_E_QUERY);
    } catch (const Xapian::QueryParserError &e) {
        return report(msg, context, e, ENG_E_QUERY);
    } catch (const Xapian::Error &e) {
        return report(msg, context, e, ENG_E_INTERNAL);
    } catch (const std::bad_alloc &) {
        set_msg(msg, context, oom_text, nullptr);
        return ENG_E_NOMEM;
    } catch (const std::exception &e) {
        set_msg(msg, context, e.what(), nullptr);
        return ENG_E_INTERNAL;
    } catch (...) {
        set_msg(msg, context, "unknown error", nullptr);
        return ENG_E_INTERNAL;
    }
}

eng_status fail(std::string *msg, eng_status st, const char *text) noexcept
{
    set_msg(msg, nullptr, text, nullptr);
    return st;
}

char *dup_cstr(const std::string &s) noexcept
{
    char *p = static_cast<char *>(std::malloc(s.size() + 1));
    if (p) {
        std::memcpy(p, s.data(), s.size());
        p[s.size()] = '\0';
    }
    return p;
}

eng_status need_open(eng_db *db) noexcept
{
    return db->xdb ? ENG_OK : fail(&db->errmsg, ENG_E_INVALID, "the database is not open");
}

}  // namespace evs_shim

extern "C" const char *eng_status_name(eng_status st)
{
    switch (st) {
    case ENG_OK: return "ok";
    case ENG_E_NOMEM: return "out of memory";
    case ENG_E_INVALID: return "invalid argument";
    case ENG_E_NOT_FOUND: return "not found";
    case ENG_E_LOCKED: return "locked";
    case ENG_E_CORRUPT: return "corrupt";
    case ENG_E_MODIFIED: return "modified";
    case ENG_E_IO: return "i/o error";
    case ENG_E_VERSION: return "unsupported version";
    case ENG_E_QUERY: return "bad query";
    case ENG_E_INTERNAL: return "internal error";
    }
    return "unknown status";
}

