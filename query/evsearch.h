/*
 * evsearch.h — libevsearch, search over the archive of the European Week of
 * Regions and Cities (and OPEN DAYS) sessions.
 *
 * The shape follows SQLite's: open a database, run a search, step through
 * the hits and read their fields, free, close.  Indexing has the same shape:
 * open a writer, add files, commit, close.
 *
 * Conventions
 *  - Every name starts with evs_.  Handles are opaque.
 *  - Functions that can fail return an evs_status; the message that says
 *    why is kept on the handle (evs_db_errmsg, evs_writer_errmsg) until the
 *    next call on it.
 *  - Ownership: a handle returned through an out-parameter belongs to the
 *    caller, who frees it with the matching evs_*_free / evs_*_close.
 *    Strings returned as `const char *` belong to the handle they came from
 *    and live as long as it.  Freeing or closing NULL does nothing.
 *  - Option structs start with a version field; initialise them with the
 *    matching *_INIT macro so that later versions can add members.
 *
 * Thread safety: a handle belongs to one thread at a time.  Separate handles
 * (even on the same database) may be used from different threads at once.
 * A reader sees the database as of its last open or evs_db_reopen; when a
 * writer commits meanwhile, a call may fail with EVS_CHANGED: call
 * evs_db_reopen and run it again.
 *
 * Threads of its own: when the process may run on more than one processor
 * (its affinity mask), evs_search looks for quotes on a second thread
 * while the calling thread looks for sessions, and the two then share the
 * work of filling the session hits (their records read, their snippets
 * made).  The second thread reads through a second reader that the handle
 * opens at its first search (a few more open files) and keeps at the same
 * state; it is done with a search before evs_search returns, and waits for
 * the next one until the handle is closed or reopened (watching for it 50
 * µs, then asleep).  A process forked from one whose handle has that
 * thread searches on the caller's thread alone.  EVSEARCH_THREADS=1 in the
 * environment when a handle is opened keeps its searches on the caller's
 * thread.
 */
#ifndef EVSEARCH_H
#define EVSEARCH_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define EVS_VERSION_MAJOR 0
#define EVS_VERSION_MINOR 1
#define EVS_VERSION_PATCH 0
#define EVS_VERSION_STRING "0.1.0"

/* The library's version at run time, e.g. "0.1.0". */
const char *evs_version(void);

typedef enum evs_status {
    EVS_OK = 0,
    EVS_NOMEM,          /* out of memory */
    EVS_INVALID,        /* invalid argument (e.g. NULL where a handle is due) */
    EVS_NOT_FOUND,      /* no database at that path */
    EVS_LOCKED,         /* another writer holds the database */
    EVS_CORRUPT,        /* the database is damaged */
    EVS_CHANGED,        /* the database changed while reading: reopen, retry */
    EVS_IO,             /* reading or writing failed (disk full, permissions) */
    EVS_VERSION,        /* database from an incompatible version */
    EVS_BAD_QUERY,      /* the query text cannot be understood */
    EVS_BAD_INPUT,      /* a file cannot be read, or is not a session page
                           or valid YAML */
    EVS_INTERNAL        /* a bug: please report it */
} evs_status;

/* A short English description of a status ("database is locked"). */
const char *evs_status_str(evs_status st);

/* ------------------------------------------------------------- reading */

typedef struct evs_db evs_db;

/*
 * Opens the database at path for searching (a directory written by
 * evs_writer, or a stub file listing several).  As with sqlite3_open, *out
 * receives a handle even when opening fails (unless memory ran out, then
 * NULL), so that evs_db_errmsg can say why: close it in every case.
 */
evs_status evs_db_open(const char *path, evs_db **out);

/* The message of the last failed call on db ("" when none). */
const char *evs_db_errmsg(const evs_db *db);

/* Moves db to the latest committed state of the database (or to another
 * database put in place under its path), and forgets the records of hits
 * it kept for later searches (up to 4 MB of them: a search shows again
 * what it read before without reading it twice). */
evs_status evs_db_reopen(evs_db *db);

/*
 * Turns on a cross-language glossary for the searches on db (the format is
 * in glossary/README.md; evsearch ships glossary/regional-policy.yaml): a
 * query word or words that are one of its terms also find the concept's
 * terms in the other languages, ranked below the user's own words.  path
 * NULL turns it off.  EVS_BAD_INPUT when the file cannot be read or is not
 * a glossary (the message gives the line and column); the glossary in use
 * before stays then.
 */
evs_status evs_db_set_glossary(evs_db *db, const char *path);

/* Number of sessions in the database. */
evs_status evs_db_session_count(evs_db *db, uint32_t *out);

void evs_db_close(evs_db *db);

/* ------------------------------------------------------------- searching */

/* The order of session hits.  Quotes always come by relevance. */
typedef enum evs_sort {
    EVS_SORT_RELEVANCE = 0,   /* best first; equal scores: newer first */
    EVS_SORT_DATE,            /* oldest first */
    EVS_SORT_DATE_DESC        /* newest first */
} evs_sort;

typedef struct evs_search_options {
    unsigned version;         /* EVS_SEARCH_OPTIONS_VERSION */
    unsigned offset;          /* sessions to skip */
    unsigned limit;           /* sessions to return (0: none, and then the
                                 estimated total is exact) */
    unsigned quote_limit;     /* quotes to return (0: none) */
    unsigned snippets;        /* fragments per session (0: none) */
    unsigned fragment_chars;  /* about this many characters each (0: 160) */
    evs_sort sort;
    int facets;               /* non-zero: count the matching sessions by
                                 year, theme, ... (see evs_results_facet_*) */
    int explain;              /* non-zero: say why each hit matched
                                 (evs_results_explain, evs_hit_explain) */
    /* How the query is read.  The default operator: words side by side
     * must all match (0), or any of them, ranked by how many do (1). */
    int match_any;
    /* The fields that words without a field: search, space separated
     * ("title speaker"; the names of the query language); NULL: all. */
    const char *fields;
    /* The languages whose stems a word also matches, ISO 639-1 codes space
     * separated ("en fr"); NULL: every language in the index. */
    const char *languages;
} evs_search_options;

#define EVS_SEARCH_OPTIONS_VERSION 1
#define EVS_SEARCH_OPTIONS_INIT                                              \
    { EVS_SEARCH_OPTIONS_VERSION, 0, 10, 10, 3, 160, EVS_SORT_RELEVANCE, 0, 0, 0, NULL, NULL }

typedef struct evs_results evs_results;
typedef struct evs_hit evs_hit;
typedef struct evs_snippet evs_snippet;

/*
 * Runs query (see README: words must all match, "quoted phrases", OR,
 * -word to exclude, parentheses, NEAR/n, word*, field:word, filters such
 * as lang:fr and year:2016..2019).  opts may be NULL for the defaults.  On
 * success *out holds the results (free them with evs_results_free); on
 * failure *out is NULL and evs_db_errmsg says why (EVS_BAD_QUERY: with the
 * column where the query went wrong).
 */
evs_status evs_search(evs_db *db, const char *query, const evs_search_options *opts,
                      evs_results **out);

void evs_results_free(evs_results *res);

/* An estimate of how many sessions match in all (not just this page). */
uint64_t evs_results_estimated_total(const evs_results *res);
/* Non-zero when that estimate is the count: the engine saw every match
 * (few matches, facets, or a limit of 0). */
int evs_results_total_exact(const evs_results *res);

/*
 * "Did you mean": when the query finds few sessions and some of its words
 * are not in the index, the query with those words replaced by the nearest
 * words the index holds; NULL otherwise.  Lives as long as res.
 */
const char *evs_results_suggestion(const evs_results *res);

/*
 * Facets: how many of all the matching sessions (not just this page) have
 * each value, when opts->facets was set.  Years come newest first, the
 * others most frequent first.  A session with several organisers counts
 * for each.
 */
typedef enum evs_facet {
    EVS_FACET_YEAR,
    EVS_FACET_THEME,
    EVS_FACET_LANG,
    EVS_FACET_ORGANISER,
    EVS_FACET_TYPE
} evs_facet;

#define EVS_FACET_COUNT 5

/* "year", "theme", "lang", "organiser", "type"; NULL for another value. */
const char *evs_facet_name(evs_facet f);
size_t evs_results_facet_size(const evs_results *res, evs_facet f);
/* The i-th value (NULL past the end), its count in *count (may be NULL). */
const char *evs_results_facet_value(const evs_results *res, evs_facet f, size_t i,
                                    unsigned *count);

/*
 * With opts->explain: the query as it was understood, two lines of text
 * (the parsed tree, then the engine query with every term and weight);
 * NULL without.  Lives as long as res.
 */
const char *evs_results_explain(const evs_results *res);

typedef enum evs_hit_kind {
    EVS_HIT_SESSION = 0,
    EVS_HIT_QUOTE = 1
} evs_hit_kind;

/* Hits of one kind, best first; a hit lives as long as its results. */
size_t evs_results_count(const evs_results *res, evs_hit_kind kind);
const evs_hit *evs_results_hit(const evs_results *res, evs_hit_kind kind, size_t i);

typedef enum evs_field {
    EVS_FIELD_PATH,         /* the source file, absolute */
    EVS_FIELD_TITLE,        /* the session's title (for a quote: its session's) */
    EVS_FIELD_DATE,         /* YYYY-MM-DD */
    EVS_FIELD_START_TIME,   /* HH:MM */
    EVS_FIELD_END_TIME,
    EVS_FIELD_TIMEZONE,
    EVS_FIELD_LANG,         /* ISO 639-1 code of the text */
    EVS_FIELD_CODE,         /* session code ("09C14") */
    EVS_FIELD_TYPE,         /* session type ("Workshop") */
    EVS_FIELD_THEME,
    EVS_FIELD_DESCRIPTION,
    EVS_FIELD_SPEAKER,      /* quotes: who said it */
    EVS_FIELD_AFFILIATION,  /* quotes: the speaker's affiliation */
    EVS_FIELD_TEXT          /* quotes: what was said */
} evs_field;

evs_hit_kind evs_hit_get_kind(const evs_hit *hit);
/* A field's text, NUL-terminated, or NULL when the session does not give it. */
const char *evs_hit_field(const evs_hit *hit, evs_field field);
int evs_hit_year(const evs_hit *hit);           /* 0 when unknown */
double evs_hit_score(const evs_hit *hit);       /* relevance, higher is better */
/*
 * With opts->explain: why hit matched, as lines of text: each field where
 * the query's words were found, with how ("  summary: value chains (exact)
 * x3"), then each index term the hit holds with the weight it alone gives
 * ("  +2.410  value", "  +0.803  stem valu", "  +1.100  title:smes").
 * NULL without.  Lives as long as the hit.
 */
const char *evs_hit_explain(const evs_hit *hit);

/* Speakers of a session hit, in page order (a quote has none). */
size_t evs_hit_speaker_count(const evs_hit *hit);
const char *evs_hit_speaker_name(const evs_hit *hit, size_t i);

/*
 * Snippets: fragments of the hit's text with the query's matches marked.
 * A session has up to opts->snippets of them, from any field; a quote has
 * exactly one, its text (whole when short).
 */
size_t evs_hit_snippet_count(const evs_hit *hit);
const evs_snippet *evs_hit_snippet(const evs_hit *hit, size_t i);
/* The field the fragment comes from: "title", "summary", "quote", ... */
const char *evs_snippet_field(const evs_snippet *sn);
/* The fragment, NUL-terminated; "…" marks where text was cut. */
const char *evs_snippet_text(const evs_snippet *sn, size_t *len);
/* Highlights: byte ranges [start, end) into the fragment's text, in order,
 * each covering whole words. */
size_t evs_snippet_span_count(const evs_snippet *sn);
void evs_snippet_span(const evs_snippet *sn, size_t i, size_t *start, size_t *end);

/* How a highlighted word matched the query: a set of these bits (a span
 * that joins neighbouring words can have several). */
enum {
    EVS_MATCH_EXACT = 1,      /* as typed, but for case */
    EVS_MATCH_FOLDED = 2,     /* the same word once accents are folded */
    EVS_MATCH_STEM = 4,       /* another form of the word ("chain", "chains") */
    EVS_MATCH_PREFIX = 8,     /* a word that a trailing '*' stands for */
    EVS_MATCH_GLOSSARY = 16   /* an equivalent from the glossary */
};

/* The EVS_MATCH_* bits of highlight i of sn (0 past the end). */
unsigned evs_snippet_span_match(const evs_snippet *sn, size_t i);
/* The EVS_MATCH_* bits of every highlight of hit's snippets. */
unsigned evs_hit_matched(const evs_hit *hit);
/* "exact", "folded", "stem", "prefix" or "glossary": the name of the lowest
 * bit set in how; NULL when none is. */
const char *evs_match_name(unsigned how);

/* ------------------------------------------------------------- indexing */

typedef struct evs_writer evs_writer;

/*
 * Opens the database at path for writing, creating it when missing.  Only
 * one writer at a time: a second gets EVS_LOCKED.  Like evs_db_open, *out
 * is set even on failure; close it in every case.
 */
evs_status evs_writer_open(const char *path, evs_writer **out);
const char *evs_writer_errmsg(const evs_writer *w);

typedef struct evs_file_stats {
    unsigned sessions;      /* sessions indexed from the file */
    unsigned quotes;        /* speaker quotes indexed from the file */
    unsigned unchanged;     /* 1: the file is as it was indexed: skipped */
} evs_file_stats;

/*
 * Reads the file at path (a session page, or YAML when it ends in .yaml or
 * .yml) and indexes its sessions, replacing what an earlier run indexed
 * from the same file.  All or nothing: when the file cannot be read or
 * understood (EVS_BAD_INPUT), nothing from it is added and the
 * message names the file and, where there is one, the line.  stats may be
 * NULL.  Nothing is visible to readers before evs_writer_commit.
 * EVS_BAD_INPUT is the file's problem: the writer can go on with others.
 * Any other failure is the database's (EVS_IO: disk full, ...): the writer
 * then refuses further work and commits nothing more.
 */
evs_status evs_writer_add_file(evs_writer *w, const char *path, evs_file_stats *stats);

/*
 * Incremental indexing: evs_writer_add_file remembers each file's content
 * hash, and a file added again unchanged is skipped (stats->unchanged).
 * With rebuild set, every file is read again whatever its hash.
 */
evs_status evs_writer_set_rebuild(evs_writer *w, int rebuild);

/*
 * Removes the sessions of every file at or below root (a directory) that
 * was indexed before but was not added through this writer since it was
 * opened: the files that are gone (or were left out).  *removed (may be
 * NULL) receives how many files.  Visible at the next commit.
 */
evs_status evs_writer_remove_missing(evs_writer *w, const char *root, unsigned *removed);

/*
 * The same from text in memory: a session page (evs_writer_add_page) or
 * YAML (evs_writer_add_yaml, the format of docs/session-yaml.md).  source
 * names where the text came from, as a path does for a file: it identifies
 * the sessions, so adding text under the same source again replaces them,
 * and evs_writer_remove forgets them.  Errors as evs_writer_add_file's,
 * the message starting with source.
 */
evs_status evs_writer_add_page(evs_writer *w, const char *source, const char *text,
                               size_t len, evs_file_stats *stats);
evs_status evs_writer_add_yaml(evs_writer *w, const char *source, const char *text,
                               size_t len, evs_file_stats *stats);

/*
 * A session built field by field, for programs whose sessions come from
 * elsewhere (a database, a web form).  Strings are copied; a field set to
 * NULL or "" is absent.  evs_session_new returns NULL when memory ran out;
 * the setters return EVS_OK, EVS_NOMEM or EVS_INVALID (NULL session, or a
 * field that is not a single text).
 */
typedef struct evs_session evs_session;

typedef enum evs_session_field {
    EVS_SESSION_TITLE,
    EVS_SESSION_CODE,
    EVS_SESSION_TYPE,
    EVS_SESSION_DATE,         /* YYYY-MM-DD; the year is taken from it */
    EVS_SESSION_START_TIME,   /* HH:MM */
    EVS_SESSION_END_TIME,
    EVS_SESSION_TIMEZONE,
    EVS_SESSION_VENUE,
    EVS_SESSION_DESCRIPTION,
    EVS_SESSION_THEME,
    EVS_SESSION_SUMMARY,
    EVS_SESSION_TAKEAWAY,
    EVS_SESSION_LANG,         /* ISO 639-1; absent: detected from the text */
    EVS_SESSION_ORGANISER,    /* lists: each call adds one */
    EVS_SESSION_INTERPRETATION,
    EVS_SESSION_PRESENTATION
} evs_session_field;

evs_session *evs_session_new(void);
void evs_session_free(evs_session *s);
/* Sets a text field, or adds to a list field. */
evs_status evs_session_set(evs_session *s, evs_session_field field, const char *value);
evs_status evs_session_add_speaker(evs_session *s, const char *name, const char *role,
                                   const char *organisation, const char *country,
                                   int is_chair);
evs_status evs_session_add_quote(evs_session *s, const char *speaker,
                                 const char *affiliation, const char *text);

/*
 * Adds the sessions s[0..n) under source (replacing what source gave
 * before).  Every session needs a title (EVS_BAD_INPUT otherwise, and
 * nothing is added).
 */
evs_status evs_writer_add_sessions(evs_writer *w, const char *source,
                                   const evs_session *const *s, size_t n,
                                   evs_file_stats *stats);

/*
 * Forgets every session that source gave (a path as given to
 * evs_writer_add_file, or a source name); none is not an error.  Visible
 * at the next commit.
 */
evs_status evs_writer_remove(evs_writer *w, const char *source);

/*
 * The languages an archive is written in: detection chooses among these
 * ISO 639-1 codes only ("en fr de"; NULL: the 24 official EU languages),
 * which helps where languages are close (Slovak and Czech).  EVS_INVALID,
 * with the message, for a code the detector does not know.
 */
evs_status evs_writer_set_languages(evs_writer *w, const char *codes);

/* Makes everything added so far visible, atomically. */
evs_status evs_writer_commit(evs_writer *w);

/*
 * Whether the writer gathers the words that spelling suggestions ("did
 * you mean") draw on, each with the number of sessions it is in, for its
 * commits to write (by default it does).  The parts of a parallel build
 * (see evs_merge) do not: the engine writes and compresses the data of
 * the whole vocabulary in each part, and again when merging them, while
 * evs_writer_spelling_from_index gets it once from the merged database.
 */
evs_status evs_writer_set_spelling(evs_writer *w, int gather);

/*
 * Adds the spelling data of a database written without it (see above),
 * taken from its index: each word of its sessions with the number of
 * sessions it is in, as the writers would have gathered them.  Call it
 * after the last session is added; the next evs_writer_commit writes it.
 * EVS_INVALID when the database (or this writer) has spelling data
 * already, whose words would count twice.
 */
evs_status evs_writer_spelling_from_index(evs_writer *w);

/*
 * Writes the quote documents added from now on into a database of their
 * own at path (created when missing), committed with the writer's, their
 * earlier versions deleted from both.  For the parts of a parallel build:
 * evs_merge given every part's database and then every part's quotes
 * gives each kind of document neighbouring ids, which makes searching
 * faster (a search ranks one kind, and the engine reads the length of
 * each document it ranks from a list in id order, a chunk at a time: with
 * each kind together, a search reads only its kind's chunks).
 * EVS_INVALID when the quotes are apart already, else the errors of
 * evs_writer_open for path.
 */
evs_status evs_writer_quotes_apart(evs_writer *w, const char *path);

/* Closes the writer; what was added since the last commit is discarded. */
void evs_writer_close(evs_writer *w);

/*
 * Merges the databases at sources (written with evs_writer and committed,
 * none open for writing) into a new database at dest, which must not
 * exist: the sessions of each source in turn, the files each has indexed,
 * their spelling data and languages.  The result is compact (on 20,000
 * generated sessions, 263 MB where one writer's commits gave 376).  This
 * is how evindex builds a new database, on one thread or more: it cuts the
 * files into batches, writes each into a database of its own (its quotes
 * apart: evs_writer_quotes_apart) and merges them at the end.  The
 * sources must not share a file, or its sessions would be in dest twice.
 *
 * EVS_OK, or: EVS_INVALID (no sources, dest NULL or already there),
 * EVS_NOT_FOUND, EVS_CORRUPT, EVS_VERSION (a source is missing, damaged,
 * or not evsearch's), EVS_IO, EVS_NOMEM.  On failure nothing is left at
 * dest, and when errmsg is not NULL *errmsg receives a message (freed with
 * evs_free; NULL if memory ran out).  On success *errmsg is set to NULL.
 */
evs_status evs_merge(const char *const *sources, size_t n, const char *dest,
                     char **errmsg);

/* ------------------------------------------------------------- dumping */

/*
 * Prints what evsearch understands of the file at path as YAML, in the
 * schema of docs/session-yaml.md: the file is read exactly as
 * evs_writer_add_file reads it (same size limit, a page or YAML by the
 * name's ending, same parsing), so that indexing the YAML gives the same
 * documents as indexing the file.  A user can check an extraction this way,
 * correct the YAML and index it instead of the page.
 *
 * The output is one YAML document: a comment line naming path, then "---"
 * and the session (a mapping) or the sessions (a list); the output of
 * several calls on one stream is a valid multi-document YAML stream.
 * Nothing is written unless the whole file was understood.  No database is
 * involved.
 *
 * EVS_OK, or: EVS_BAD_INPUT (the file cannot be read or understood),
 * EVS_IO (writing to out failed), EVS_NOMEM, EVS_INVALID (path or out
 * NULL).  On failure, when errmsg is not NULL, *errmsg receives a message
 * naming the file and, where there is one, the line ("x.yaml:4:5: unknown
 * key ..."), which the caller frees with evs_free; it is NULL if memory ran
 * out.  On success *errmsg is set to NULL.
 */
evs_status evs_dump_file(const char *path, FILE *out, char **errmsg);

/* Frees memory the library handed over through an out-parameter (the
 * message of evs_dump_file or evs_merge).  NULL does nothing. */
void evs_free(void *p);

/* ------------------------------------------------------------- analysis */

/*
 * How evsearch reads text, as Elasticsearch's _analyze shows it: the same
 * analysis that indexing and searching use, for tools (evindex --analyze)
 * and for checking why a word is or is not found.  No database is
 * involved.
 *
 * Every word gives a token with its exact term (NFKC, case and accents
 * folded: "Île" gives "ile", "Straße" "strasse") and, when there is a
 * stemmer for the language, its stem.  Apostrophes and hyphens split words
 * ("l’internationalisation": "l", "internationalisation"); digits joined by
 * "," or "." stay one ("1,000"); Chinese, Japanese and Thai give
 * overlapping pairs of characters.  An e-mail address or URL gives one
 * token for the whole, then its words, the whole sharing the position of
 * its first word.
 */
typedef enum evs_token_kind {
    EVS_TOKEN_WORD = 0,     /* a word, a number, or two characters of a
                               script written without spaces */
    EVS_TOKEN_EMAIL,        /* a whole e-mail address (its words follow) */
    EVS_TOKEN_URL           /* a whole URL (its words follow) */
} evs_token_kind;

typedef struct evs_token {
    size_t start, end;      /* byte offsets into the text: [start, end),
                               on character and word boundaries */
    uint32_t position;      /* 0, 1, 2, ... as phrases count words */
    evs_token_kind kind;
    const char *term;       /* the exact term, NUL-terminated */
    size_t term_len;
    const char *stem;       /* the folded stem, or NULL: no stemmer for the
                               language, or a whole e-mail address or URL */
    size_t stem_len;
} evs_token;

/* Called for each token in text order; the strings live during the call
 * only.  A non-zero return stops the analysis. */
typedef int (*evs_token_fn)(void *ctx, const evs_token *tok);

typedef struct evs_analysis_info {
    const char *lang;       /* the language analysed in: lang as given, else
                               the detected one (a static string), else NULL */
    int stemmed;            /* 1 when there is a stemmer for it */
    size_t invalid_bytes;   /* bytes of invalid UTF-8 passed over */
    size_t tokens;          /* tokens passed to fn */
} evs_analysis_info;

/*
 * Analyses text[0..len) (UTF-8; invalid bytes are passed over and counted)
 * in language lang, an ISO 639-1 code ("fr") or a stemmer name ("french"),
 * or NULL to detect it from the text, and calls fn for every token.  info
 * may be NULL.  Any language is accepted: one without a stemmer gives
 * terms only.  EVS_OK (also when fn stopped it), EVS_INVALID (fn NULL, or
 * text NULL with len > 0), EVS_NOMEM.
 */
evs_status evs_analyze(const char *text, size_t len, const char *lang, evs_token_fn fn,
                       void *ctx, evs_analysis_info *info);

#ifdef __cplusplus
}
#endif

#endif
