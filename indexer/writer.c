/*
 * writer.c — the indexing half of the public API: evs_writer_*.
 *
 * A file is read and understood completely before anything of it reaches
 * the index, so a bad file adds nothing.  The engine commits only when
 * evs_writer_commit asks: a crash, or a close without commit, leaves the
 * database exactly as the last commit left it.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../common/schema.h"
#include "../query/internal.h"
#include "../common/strset.h"
#include "doc_builder.h"
#include "page_reader.h"
#include "session_api.h"
#include "yaml_reader.h"
#include "source_file.h"
#include "sources.h"
#include "spelling.h"

struct evs_writer {
    eng_db *db;
    eng_db *quote_db;   /* where quote documents go: db, or a database apart */
    doc_builder *builder;
    buf err;
    int broken;         /* an engine write failed: refuse to commit */
    int rebuild;        /* read every file, whatever its recorded hash */
    strset seen;        /* files added (or found unchanged) since open */
};

/* The engine's message for the last failure: the quotes' database, when
 * apart, has one only if it failed, and a failure there is the writer's
 * last (it breaks the writer). */
static const char *engine_msg(const evs_writer *w)
{
    const char *q = w->quote_db && w->quote_db != w->db ? eng_db_errmsg(w->quote_db) : "";
    return *q ? q : eng_db_errmsg(w->db);
}

static evs_status engine_fail(evs_writer *w, eng_status st, const char *what)
{
    return fail(&w->err, status_from_engine(st), "%s: %s", what,
                st == ENG_E_NOMEM ? "out of memory" : engine_msg(w));
}

/* The schema of db (at path) must be ours, or db empty. */
static evs_status check_schema(evs_writer *w, eng_db *db, const char *path)
{
    char *schema = NULL;
    uint32_t docs = 0;
    eng_status st = eng_db_get_metadata(db, META_SCHEMA, &schema, NULL);
    if (st == ENG_OK)
        st = eng_db_doccount(db, &docs);
    evs_status rc = EVS_OK;
    if (st != ENG_OK)
        rc = fail(&w->err, status_from_engine(st), "%s: %s", path,
                  st == ENG_E_NOMEM ? "out of memory" : eng_db_errmsg(db));
    else if (docs && !*schema)
        rc = fail(&w->err, EVS_VERSION,
                  "%s: not an evsearch database (another program wrote its %u documents); "
                  "give another path", path, (unsigned)docs);
    else if (docs && strcmp(schema, SCHEMA_VERSION) != 0)
        rc = fail(&w->err, EVS_VERSION,
                  "%s: written by another version of evsearch (schema \"%s\", this is \"%s\"); "
                  "remove it and index again", path, schema, SCHEMA_VERSION);
    free(schema);
    return rc;
}

/* Opens the database at path for writing into *db (the caller's to close,
 * even on failure) and checks that it is evsearch's or empty. */
static evs_status open_checked(evs_writer *w, const char *path, eng_db **db)
{
    eng_status st = eng_db_open(path, ENG_OPEN_WRITE | ENG_OPEN_CREATE, db);
    if (st == ENG_E_LOCKED)
        return fail(&w->err, EVS_LOCKED, "%s: another evindex is writing to this database",
                    path);
    if (st != ENG_OK)
        return fail(&w->err, status_from_engine(st), "%s: %s", path,
                    *db ? eng_db_errmsg(*db) : "out of memory");
    return check_schema(w, *db, path);
}

evs_status evs_writer_open(const char *path, evs_writer **out)
{
    if (!out)
        return EVS_INVALID;
    evs_writer *w = *out = calloc(1, sizeof *w);
    if (!w)
        return EVS_NOMEM;
    if (!path)
        return fail(&w->err, EVS_INVALID, "no database path given");
    evs_status rc = open_checked(w, path, &w->db);
    w->quote_db = w->db;
    if (rc != EVS_OK)
        return rc;
    if (!(w->builder = doc_builder_new()))
        return fail(&w->err, EVS_NOMEM, "out of memory");
    return EVS_OK;
}

evs_status evs_writer_quotes_apart(evs_writer *w, const char *path)
{
    if (!w || !w->builder || !path)
        return w ? fail(&w->err, EVS_INVALID, w->builder ? "no path for the quotes"
                                                         : "the writer is not open")
                 : EVS_INVALID;
    if (w->quote_db != w->db)
        return fail(&w->err, EVS_INVALID, "the quotes are apart already");
    eng_db *q = NULL;
    evs_status rc = open_checked(w, path, &q);
    if (rc != EVS_OK) {
        eng_db_close(q);
        return rc;
    }
    w->quote_db = q;
    return EVS_OK;
}

const char *evs_writer_errmsg(const evs_writer *w)
{
    return w && w->err.data ? w->err.data : "";
}

/* Deletes the documents indexed with the source term term. */
static eng_status delete_source(evs_writer *w, const char *term)
{
    eng_status st = eng_db_delete_term(w->db, term);
    return st == ENG_OK && w->quote_db != w->db ? eng_db_delete_term(w->quote_db, term) : st;
}

/* Replaces whatever the file gave before with its sessions now. */
static evs_status write_sessions(evs_writer *w, const char *abs, const session_list *list,
                                 evs_file_stats *stats)
{
    evs_file_stats ignored;
    if (!stats)
        stats = &ignored;
    buf term = BUF_INIT;
    if (buf_printf(&term, "%s%s", PREFIX_SOURCE, abs) < 0)
        return fail(&w->err, EVS_NOMEM, "out of memory");
    eng_status st = delete_source(w, term.data);
    buf_free(&term);
    for (size_t i = 0; st == ENG_OK && i < list->n; i++) {
        unsigned quotes = 0;
        st = doc_builder_add(w->builder, w->db, w->quote_db, &list->items[i], abs, i, &quotes);
        if (st == ENG_OK) {
            stats->sessions++;
            stats->quotes += quotes;
        }
    }
    if (st != ENG_OK) {
        w->broken = 1;
        return engine_fail(w, st, "writing to the database failed");
    }
    return EVS_OK;
}

/* What every add starts with: stats zeroed (stats may be NULL), its
 * arguments there (args_ok; else the message is what), the writer still
 * usable after earlier failures. */
static evs_status start_add(evs_writer *w, evs_file_stats *stats, int args_ok,
                            const char *what)
{
    if (stats)
        stats->sessions = stats->quotes = stats->unchanged = 0;
    if (!w || !args_ok)
        return w ? fail(&w->err, EVS_INVALID, "%s", what) : EVS_INVALID;
    if (w->broken)
        return fail(&w->err, EVS_IO, "an earlier database write failed; nothing more is added");
    return EVS_OK;
}

/* Whether the file at abs, whose content hashes to hash, is as it was
 * indexed. */
static evs_status unchanged(evs_writer *w, const char *abs, uint64_t hash, int *same)
{
    *same = 0;
    if (w->rebuild)
        return EVS_OK;
    uint64_t old;
    int known;
    eng_status st = sources_get(w->db, abs, &old, &known);
    if (st != ENG_OK)
        return engine_fail(w, st, "reading the database failed");
    *same = known && old == hash;
    return EVS_OK;
}

evs_status evs_writer_add_file(evs_writer *w, const char *path, evs_file_stats *stats)
{
    evs_status st = start_add(w, stats, path != NULL, "NULL path");
    if (st != EVS_OK)
        return st;
    char *abs = realpath(path, NULL);
    int abs_errno = errno;
    /* Read once: the bytes hashed are the bytes parsed.  Read first: its
     * messages say more than realpath's about a file that is missing, a
     * link loop or a FIFO. */
    char *text = NULL;
    size_t len = 0;
    evs_status rc = source_file_load(path, &text, &len, &w->err);
    if (rc == EVS_OK && !abs)
        rc = fail(&w->err, EVS_BAD_INPUT, "%s: %s", path, strerror(abs_errno));
    uint64_t hash = rc == EVS_OK ? sources_hash(text, len) : 0;
    int same = 0;
    if (rc == EVS_OK)
        rc = unchanged(w, abs, hash, &same);
    session_list list = { 0 };
    if (rc == EVS_OK && !same)
        rc = source_file_parse(path, text, len, &list, &w->err);
    free(text);
    if (rc == EVS_OK && same) {
        if (stats)
            stats->unchanged = 1;
    } else if (rc == EVS_OK) {
        rc = write_sessions(w, abs, &list, stats);
        eng_status es = rc == EVS_OK ? sources_set(w->db, abs, hash) : ENG_OK;
        if (es != ENG_OK) {
            w->broken = 1;
            rc = engine_fail(w, es, "writing to the database failed");
        }
    }
    if (rc == EVS_OK && strset_add(&w->seen, abs, strlen(abs), NULL) < 0)
        rc = fail(&w->err, EVS_NOMEM, "out of memory");
    session_list_free(&list);
    free(abs);
    return rc;
}

evs_status evs_writer_set_rebuild(evs_writer *w, int rebuild)
{
    if (!w)
        return EVS_INVALID;
    w->rebuild = rebuild != 0;
    return EVS_OK;
}

typedef struct missing {
    evs_writer *w;
    unsigned removed;
    evs_status rc;
} missing;

static int remove_if_missing(void *ctx, const char *abs)
{
    missing *m = ctx;
    int fresh = strset_add(&m->w->seen, abs, strlen(abs), NULL);
    if (fresh < 0) {
        m->rc = fail(&m->w->err, EVS_NOMEM, "out of memory");
        return 1;
    }
    if (!fresh)
        return 0;       /* added, or found unchanged, in this run */
    /* not seen in this run (the look-up has just added it): it is gone */
    m->rc = evs_writer_remove(m->w, abs);
    if (m->rc == EVS_OK)
        m->removed++;
    return m->rc != EVS_OK;
}

evs_status evs_writer_remove_missing(evs_writer *w, const char *root, unsigned *removed)
{
    if (removed)
        *removed = 0;
    if (!w || !root)
        return w ? fail(&w->err, EVS_INVALID, "NULL root") : EVS_INVALID;
    char *abs = realpath(root, NULL);
    if (!abs)
        return fail(&w->err, EVS_BAD_INPUT, "%s: %s", root, strerror(errno));
    missing m = { w, 0, EVS_OK };
    eng_status st = sources_each_under(w->db, abs, remove_if_missing, &m);
    free(abs);
    if (st != ENG_OK)
        return engine_fail(w, st, "reading the database failed");
    if (removed)
        *removed = m.removed;
    return m.rc;
}

/* An absolute form of a path named by the caller, for a file that may no
 * longer exist (remove): relative paths are taken from the current
 * directory, without resolving links.  A source that is not a path (no
 * slash) is kept as it is. */
static char *source_key(const char *source)
{
    if (source[0] == '/' || !strchr(source, '/')) {
        char *real = source[0] == '/' ? realpath(source, NULL) : NULL;
        return real ? real : strdup(source);
    }
    char *real = realpath(source, NULL);
    if (real)
        return real;
    char *cwd = getcwd(NULL, 0);
    buf b = BUF_INIT;
    if (cwd && buf_printf(&b, "%s/%s", cwd, source) == 0) {
        free(cwd);
        return buf_detach(&b);
    }
    free(cwd);
    buf_free(&b);
    return NULL;
}

/* Writes list as what source gave, replacing what it gave before. */
static evs_status write_under(evs_writer *w, const char *source, const session_list *list,
                              evs_file_stats *stats)
{
    char *key = source_key(source);
    evs_status rc = key ? write_sessions(w, key, list, stats)
                        : fail(&w->err, EVS_NOMEM, "out of memory");
    free(key);
    return rc;
}

typedef int (*text_reader)(const char *text, size_t len, session_list *out, char *err,
                           size_t errlen);

static int read_page(const char *text, size_t len, session_list *out, char *err,
                     size_t errlen)
{
    session *s = session_list_push(out);
    if (!s) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    if (page_read(text, len, s, err, errlen) == 0)
        return 0;
    out->n--;   /* page_read left it cleared */
    return -1;
}

static evs_status add_text(evs_writer *w, const char *source, const char *text, size_t len,
                           evs_file_stats *stats, text_reader reader, const char *sep)
{
    evs_status st = start_add(w, stats, source && (text || !len), "NULL source or text");
    if (st != EVS_OK)
        return st;
    if (len > SOURCE_MAX_BYTES)
        return fail(&w->err, EVS_BAD_INPUT, "%s: too large (%zu bytes; at most %u MiB)",
                    source, len, SOURCE_MAX_BYTES >> 20);
    session_list list = { 0 };
    char why[512] = "";
    evs_status rc = reader(text ? text : "", len, &list, why, sizeof why) == 0
                        ? EVS_OK
                        : fail(&w->err, strcmp(why, "out of memory") ? EVS_BAD_INPUT : EVS_NOMEM,
                               "%s%s%s", source, sep, why);
    if (rc == EVS_OK)
        rc = write_under(w, source, &list, stats);
    session_list_free(&list);
    return rc;
}

evs_status evs_writer_add_page(evs_writer *w, const char *source, const char *text,
                               size_t len, evs_file_stats *stats)
{
    return add_text(w, source, text, len, stats, read_page, ": ");
}

evs_status evs_writer_add_yaml(evs_writer *w, const char *source, const char *text,
                               size_t len, evs_file_stats *stats)
{
    return add_text(w, source, text, len, stats, yaml_read_sessions, ":");
}

evs_status evs_writer_add_sessions(evs_writer *w, const char *source,
                                   const evs_session *const *s, size_t n,
                                   evs_file_stats *stats)
{
    evs_status rc = start_add(w, stats, source && (s || !n), "NULL source or sessions");
    if (rc != EVS_OK)
        return rc;
    session_list list = { 0 };
    rc = session_list_from_api(s, n, &list, &w->err, source);
    if (rc == EVS_OK)
        rc = write_under(w, source, &list, stats);
    session_list_free(&list);
    return rc;
}

evs_status evs_writer_set_languages(evs_writer *w, const char *codes)
{
    if (!w || !w->builder)
        return w ? fail(&w->err, EVS_INVALID, "the writer is not open") : EVS_INVALID;
    if (doc_builder_set_languages(w->builder, codes) < 0)
        return fail(&w->err, EVS_INVALID,
                    "languages \"%s\": give ISO 639-1 codes of EU languages, such as "
                    "\"en fr de\"", codes);
    return EVS_OK;
}

evs_status evs_writer_remove(evs_writer *w, const char *source)
{
    if (!w || !source)
        return w ? fail(&w->err, EVS_INVALID, "NULL source") : EVS_INVALID;
    if (w->broken)
        return fail(&w->err, EVS_IO, "an earlier database write failed; nothing more is done");
    char *key = source_key(source);
    buf term = BUF_INIT;
    if (!key || buf_printf(&term, "%s%s", PREFIX_SOURCE, key) < 0) {
        free(key);
        buf_free(&term);
        return fail(&w->err, EVS_NOMEM, "out of memory");
    }
    eng_status st = delete_source(w, term.data);
    if (st == ENG_OK)
        st = sources_forget(w->db, key);
    free(key);
    buf_free(&term);
    if (st != ENG_OK) {
        w->broken = 1;
        return engine_fail(w, st, "removing from the database failed");
    }
    return EVS_OK;
}

/* Records the languages present, merged with those already recorded, so
 * that queries know which stemmers to apply. */
static eng_status record_languages(evs_writer *w)
{
    char *old = NULL;
    eng_status st = eng_db_get_metadata(w->db, META_LANGUAGES, &old, NULL);
    if (st != ENG_OK)
        return st;
    buf merged = BUF_INIT;
    int oom = buf_puts(&merged, old);
    const char *seen = doc_builder_languages(w->builder);
    for (const char *p = seen; *p && !oom;) {
        size_t n = strcspn(p, " ");
        int present = 0;
        for (const char *q = old; *q;) {
            size_t m = strcspn(q, " ");
            if (m == n && memcmp(p, q, n) == 0)
                present = 1;
            q += m + (q[m] == ' ');
        }
        if (!present)
            oom |= (merged.len && buf_putc(&merged, ' ') < 0) | buf_append(&merged, p, n);
        p += n + (p[n] == ' ');
    }
    free(old);
    if (!oom)
        st = eng_db_set_metadata(w->db, META_LANGUAGES, merged.data ? merged.data : "",
                                 merged.len);
    buf_free(&merged);
    return oom ? ENG_E_NOMEM : st;
}

/* Commits the database of quotes apart, with the schema evs_merge checks. */
static eng_status commit_quotes(evs_writer *w)
{
    eng_status st = eng_db_set_metadata(w->quote_db, META_SCHEMA, SCHEMA_VERSION,
                                        strlen(SCHEMA_VERSION));
    return st == ENG_OK ? eng_db_commit(w->quote_db) : st;
}

/* Commits, with the spelling data gathered so far. */
evs_status evs_writer_commit(evs_writer *w)
{
    if (!w || !w->db || !w->builder)
        return EVS_INVALID;
    if (w->broken)
        return fail(&w->err, EVS_IO,
                    "not committed: an earlier write failed; the database keeps its last commit");
    eng_status st = doc_builder_flush(w->builder, w->db);
    if (st == ENG_OK)
        st = record_languages(w);
    if (st == ENG_OK)
        st = eng_db_set_metadata(w->db, META_SCHEMA, SCHEMA_VERSION, strlen(SCHEMA_VERSION));
    if (st == ENG_OK && w->quote_db != w->db)
        st = commit_quotes(w);
    if (st == ENG_OK)
        st = eng_db_commit(w->db);
    if (st != ENG_OK) {
        w->broken = 1;
        return engine_fail(w, st, "commit failed");
    }
    return EVS_OK;
}

static int stop_at_first(void *ctx, const char *word, size_t len, uint32_t freq)
{
    (void)word, (void)len, (void)freq;
    return *(int *)ctx = 1;
}

evs_status evs_writer_set_spelling(evs_writer *w, int gather)
{
    if (!w || !w->builder)
        return EVS_INVALID;
    doc_builder_set_spelling(w->builder, gather);
    return EVS_OK;
}

/* Once rather than in each part of a parallel build: see spelling.h. */
evs_status evs_writer_spelling_from_index(evs_writer *w)
{
    if (!w || !w->db || !w->builder)
        return EVS_INVALID;
    int any = 0;
    eng_status st = eng_db_each_spelling(w->db, stop_at_first, &any);
    if (st != ENG_OK)
        return engine_fail(w, st, "spelling data");
    if (any || doc_builder_has_spelling(w->builder))
        return fail(&w->err, EVS_INVALID, "the database has spelling data already: "
                                          "its words would count twice");
    if ((st = spelling_from_terms(w->db)) != ENG_OK) {
        w->broken = 1;
        return engine_fail(w, st, "spelling data");
    }
    return EVS_OK;
}

void evs_writer_close(evs_writer *w)
{
    if (!w)
        return;
    if (w->quote_db != w->db)
        eng_db_close(w->quote_db);
    eng_db_close(w->db);
    doc_builder_free(w->builder);
    strset_free(&w->seen);
    buf_free(&w->err);
    free(w);
}
