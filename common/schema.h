/*
 * schema.h — the index schema in one place: which fields a document has,
 * under which term prefix each is searchable, how much each weighs, and
 * which value slots hold what.  The writer, the query parser and the
 * printers all read this table, so a field is described once.
 *
 * Term conventions (Omega's): a field's terms carry its prefix, one capital
 * letter or "X...:" for longer ones; stems carry "Z" before the prefix.
 * Text fields of sessions are also indexed without prefix, so that a plain
 * query searches everything, with the field's weight as the wdf increment;
 * quote documents have their own prefixes (see schema.c).
 */
#ifndef EVS_COMMON_SCHEMA_H
#define EVS_COMMON_SCHEMA_H

#include <stddef.h>

/* Bumped whenever documents written by older builds would be misread. */
#define SCHEMA_VERSION "8"

/* Record tags: the keys of a document's stored data (see record.h). */
typedef enum schema_field {
    F_PATH = 1,         /* source file, absolute */
    F_TITLE,
    F_DATE,             /* YYYY-MM-DD */
    F_START_TIME,
    F_END_TIME,
    F_TIMEZONE,
    F_YEAR,
    F_LANG,
    F_CODE,
    F_TYPE,
    F_VENUE,
    F_DESCRIPTION,
    F_SUMMARY,
    F_TAKEAWAY,
    F_THEME,
    F_ORGANISERS,       /* one per line */
    F_INTERPRETATION,   /* ISO 639-1 codes, space separated */
    F_SPEAKERS,         /* one per line: name \t role \t organisation \t country \t chair(0|1) */
    F_QUOTE_SPEAKER,    /* quote documents only */
    F_QUOTE_AFFILIATION,
    F_QUOTE_TEXT,
    F_COUNTRY,          /* indexed only: speakers' countries */
    F_ROLE,             /* indexed only: speakers' roles */
    F_FIELD_LANGS,      /* fields written in another language than the
                           session: "summary=fr description=de" */
    F_FIELD_COUNT
} schema_field;

typedef struct schema_text_field {
    schema_field field;
    const char *name;       /* as shown to users: "title", "summary" */
    const char *prefix;     /* field search prefix; NULL: none */
    unsigned weight;        /* wdf increment per occurrence */
    int quote_doc;          /* a field of quote documents, which hold
                               prefixed terms only (see schema.c) */
} schema_text_field;

/* The text fields of session documents, best first, then those of quote
 * documents. */
extern const schema_text_field schema_text_fields[];
extern const size_t schema_text_field_count;

/* The entry for a field, NULL when it is not a text field. */
const schema_text_field *schema_text_field_of(schema_field f);
/* The same field in quote documents: "quote" for NULL (a quote's words);
 * NULL when quote documents do not have it (titles, themes). */
const schema_text_field *schema_quote_field(const schema_text_field *tf);
/* How a session document holds its quotes' text. */
extern const schema_text_field schema_quote_in_session;
/* A user-visible field name → entry ("title", "speaker"); NULL if unknown. */
const schema_text_field *schema_text_field_named(const char *name, size_t len);

/* Filter fields: match or range over a boolean term or a value slot, and
 * add nothing to relevance ("lang:fr", "year:2018..2020"). */
typedef enum schema_filter_kind {
    FILTER_CODE,        /* a code: lower-cased, matched whole ("lang:fr") */
    FILTER_YEAR,        /* four digits, or a range of them */
    FILTER_DATE         /* YYYY, YYYY-MM or YYYY-MM-DD, or a range */
} schema_filter_kind;

typedef struct schema_filter_field {
    const char *name;
    const char *prefix;     /* boolean term prefix (FILTER_CODE, FILTER_YEAR) */
    int slot;               /* value slot for ranges, or -1 */
    schema_filter_kind kind;
} schema_filter_field;

extern const schema_filter_field schema_filter_fields[];
extern const size_t schema_filter_field_count;
const schema_filter_field *schema_filter_field_named(const char *name, size_t len);

/* Every field name a query may use, comma separated, into out. */
void schema_field_names(char *out, size_t size);

/* Boolean (filter) terms. */
#define PREFIX_UID      "Q"         /* unique id: source + position */
#define PREFIX_SOURCE   "XSRC:"     /* every document from one file */
#define PREFIX_KIND     "XKIND:"    /* "session" or "quote" */
#define PREFIX_LANG     "L"         /* language of the text, ISO 639-1 */
#define PREFIX_YEAR     "Y"         /* four digits */
#define PREFIX_STEM     "Z"
#define PREFIX_INTERP   "XINTERP:"  /* an interpretation language, ISO 639-1 */
#define PREFIX_CODE     "XCODE:"    /* session code, lower case */
#define PREFIX_EXACT    "E"         /* a word with accents, case folded but
                                       accents kept: for =word queries */

#define KIND_SESSION    "session"
#define KIND_QUOTE      "quote"

/* Value slots: what is sorted on, ranged over or counted. */
enum {
    SLOT_DATE = 0,      /* YYYY-MM-DD, sorts as text */
    SLOT_YEAR = 1,
    SLOT_LANG = 2,
    SLOT_THEME = 3,     /* sessions only, for facets */
    SLOT_ORGANISERS = 4,/* one per line */
    SLOT_TYPE = 5
};

/* Metadata keys. */
#define META_SCHEMA     "evsearch.schema"
#define META_LANGUAGES  "evsearch.languages"   /* space-separated codes */

/* Word positions between two fields, so that a phrase never spans them. */
#define SCHEMA_FIELD_GAP 100

#endif
