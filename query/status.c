/* status.c — versions, status names and the mapping from engine statuses. */
#include <stdarg.h>

#include "internal.h"

const char *evs_version(void)
{
    return EVS_VERSION_STRING;
}

const char *evs_status_str(evs_status st)
{
    switch (st) {
    case EVS_OK:        return "success";
    case EVS_NOMEM:     return "out of memory";
    case EVS_INVALID:   return "invalid argument";
    case EVS_NOT_FOUND: return "no database there";
    case EVS_LOCKED:    return "database is locked by another writer";
    case EVS_CORRUPT:   return "database is damaged";
    case EVS_CHANGED:   return "database changed while reading";
    case EVS_IO:        return "input/output error";
    case EVS_VERSION:   return "database from an incompatible version";
    case EVS_BAD_QUERY: return "query cannot be understood";
    case EVS_BAD_INPUT: return "input cannot be read or is not a session page or valid YAML";
    case EVS_INTERNAL:  return "internal error";
    }
    return "unknown status";
}

evs_status status_from_engine(eng_status st)
{
    switch (st) {
    case ENG_OK:          return EVS_OK;
    case ENG_E_NOMEM:     return EVS_NOMEM;
    case ENG_E_INVALID:   return EVS_INVALID;
    case ENG_E_NOT_FOUND: return EVS_NOT_FOUND;
    case ENG_E_LOCKED:    return EVS_LOCKED;
    case ENG_E_CORRUPT:   return EVS_CORRUPT;
    case ENG_E_MODIFIED:  return EVS_CHANGED;
    case ENG_E_IO:        return EVS_IO;
    case ENG_E_VERSION:   return EVS_VERSION;
    case ENG_E_QUERY:     return EVS_BAD_QUERY;
    case ENG_E_INTERNAL:  return EVS_INTERNAL;
    }
    return EVS_INTERNAL;
}

evs_status fail(buf *err, evs_status st, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    buf_clear(err);
    if (buf_vprintf(err, fmt, ap) < 0)
        buf_clear(err);
    va_end(ap);
    return st;
}
