/*
 * test_library.c — libevsearch as another program embeds it: errors on
 * every path, lifetimes, indexing from memory, removal, a reader that
 * reopens (and then shows rewritten records, not those it kept), two
 * threads searching while another process indexes, a search's second
 * reader kept at the first's state, stub databases, merging, quotes
 * written apart, and flushing.
 */
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "evsearch.h"
#include "tests/check.h"

static char db_path[256];

static const char page[] =
    "Harbour cities and the blue economy\n\nWed 10, October 2018\n14:30 - 16:00 CEST\n\n"
    "Ports are turning into energy hubs for their regions.\n\n"
    "Anna Holm, Director, Port of Aarhus, Denmark.\n"
    "Blue economy\nInterreg North Sea\nEnglish (EN)\n\nSession summary\n\n"
    "Offshore wind and green hydrogen were discussed at length by the panel.\n";

static const char yaml[] =
    "- title: Rural broadband and the last mile\n  date: 2016-10-12\n"
    "  description: Fibre to farms through community cooperatives.\n"
    "- title: Smart villages in the Alps\n  date: 2017-10-10\n"
    "  description: Villages share services through cooperatives.\n";

static uint64_t count(evs_db *db, const char *q)
{
    evs_results *res = NULL;
    evs_status st = evs_search(db, q, NULL, &res);
    CHECK_INT(st, EVS_OK);
    uint64_t n = evs_results_estimated_total(res);
    evs_results_free(res);
    return n;
}

static void test_errors_and_lifetimes(void)
{
    /* nothing to free, nothing to crash */
    evs_db_close(NULL);
    evs_writer_close(NULL);
    evs_results_free(NULL);
    evs_session_free(NULL);
    CHECK(evs_db_errmsg(NULL)[0] == '\0');
    CHECK(evs_writer_errmsg(NULL)[0] == '\0');
    CHECK(evs_results_hit(NULL, EVS_HIT_SESSION, 0) == NULL);
    CHECK(evs_hit_field(NULL, EVS_FIELD_TITLE) == NULL);
    CHECK(evs_snippet_text(NULL, NULL) == NULL);
    CHECK_STR(evs_version(), EVS_VERSION_STRING);
    CHECK(strlen(evs_status_str(EVS_LOCKED)) > 0);

    CHECK_INT(evs_db_open(NULL, NULL), EVS_INVALID);
    evs_db *db = NULL;
    CHECK_INT(evs_db_open("/nonexistent/evs", &db), EVS_NOT_FOUND);
    CHECK(db && strstr(evs_db_errmsg(db), "/nonexistent/evs"));
    evs_results *res = (evs_results *)&res;
    CHECK_INT(evs_search(db, "x", NULL, &res), EVS_INVALID);   /* not open */
    CHECK(res == NULL);
    evs_db_close(db);

    evs_writer *w = NULL;
    CHECK_INT(evs_writer_add_file(NULL, "x", NULL), EVS_INVALID);
    CHECK_INT(evs_writer_open("/proc/evs-cannot-be-here", &w), EVS_IO);
    CHECK(w && evs_writer_errmsg(w)[0] != '\0');
    evs_writer_close(w);
    CHECK_INT(evs_session_set(NULL, EVS_SESSION_TITLE, "x"), EVS_INVALID);
}

static void test_indexing_from_memory(void)
{
    evs_writer *w = NULL;
    CHECK_INT(evs_writer_open(db_path, &w), EVS_OK);
    evs_file_stats st;
    CHECK_INT(evs_writer_add_page(w, "memory/harbour", page, sizeof page - 1, &st), EVS_OK);
    CHECK_INT(st.sessions, 1);
    CHECK_INT(evs_writer_add_yaml(w, "memory/rural.yaml", yaml, sizeof yaml - 1, &st), EVS_OK);
    CHECK_INT(st.sessions, 2);
    /* a bad page adds nothing and says where */
    CHECK_INT(evs_writer_add_page(w, "memory/bad", "\0binary", 7, &st), EVS_BAD_INPUT);
    CHECK(strncmp(evs_writer_errmsg(w), "memory/bad: ", 12) == 0);
    CHECK_INT(evs_writer_add_yaml(w, "memory/bad.yaml", "- title: [", 10, &st), EVS_BAD_INPUT);
    CHECK(strncmp(evs_writer_errmsg(w), "memory/bad.yaml:2:1: ", 21) == 0);   /* line:col */

    /* a session built field by field */
    evs_session *s = evs_session_new();
    CHECK(s != NULL);
    CHECK_INT(evs_session_set(s, EVS_SESSION_TITLE, "Cohesion funds for island regions"), EVS_OK);
    CHECK_INT(evs_session_set(s, EVS_SESSION_DATE, "2019-10-09"), EVS_OK);
    CHECK_INT(evs_session_set(s, EVS_SESSION_DESCRIPTION, "Islands and ferries."), EVS_OK);
    CHECK_INT(evs_session_set(s, EVS_SESSION_ORGANISER, "CPMR Islands Commission"), EVS_OK);
    CHECK_INT(evs_session_add_speaker(s, "Maria Papadaki", "Director", "Region of Crete",
                                      "Greece", 0), EVS_OK);
    CHECK_INT(evs_session_add_quote(s, "Maria Papadaki", "Region of Crete",
                                    "Ferries are our motorways."), EVS_OK);
    CHECK_INT(evs_session_add_speaker(s, NULL, NULL, NULL, NULL, 0), EVS_INVALID);
    const evs_session *list[] = { s };
    CHECK_INT(evs_writer_add_sessions(w, "crm:42", list, 1, &st), EVS_OK);
    CHECK_INT(st.sessions, 1);
    CHECK_INT(st.quotes, 1);
    evs_session *untitled = evs_session_new();
    const evs_session *bad[] = { s, untitled };
    CHECK_INT(evs_writer_add_sessions(w, "crm:43", bad, 2, &st), EVS_BAD_INPUT);
    evs_session_free(untitled);
    evs_session_free(s);
    CHECK_INT(evs_writer_commit(w), EVS_OK);
    evs_writer_close(w);

    evs_db *db = NULL;
    CHECK_INT(evs_db_open(db_path, &db), EVS_OK);
    uint32_t n = 0;
    CHECK_INT(evs_db_session_count(db, &n), EVS_OK);
    CHECK_INT(n, 4);
    CHECK_INT(count(db, "hydrogen"), 1);
    CHECK_INT(count(db, "cooperatives"), 2);
    CHECK_INT(count(db, "ferries year:2019"), 1);
    CHECK_INT(count(db, "speaker:papadaki"), 1);

    /* a writer removes and replaces; the reader sees it after reopening */
    CHECK_INT(evs_writer_open(db_path, &w), EVS_OK);
    CHECK_INT(evs_writer_remove(w, "memory/rural.yaml"), EVS_OK);
    CHECK_INT(evs_writer_remove(w, "never/added"), EVS_OK);
    CHECK_INT(evs_writer_add_page(w, "memory/harbour", page, sizeof page - 1, &st), EVS_OK);
    CHECK_INT(evs_writer_commit(w), EVS_OK);
    evs_writer_close(w);
    CHECK_INT(count(db, "cooperatives"), 2);    /* the state it opened */
    CHECK_INT(evs_db_reopen(db), EVS_OK);
    CHECK_INT(count(db, "cooperatives"), 0);
    CHECK_INT(count(db, "hydrogen"), 1);        /* replaced, not doubled */
    CHECK_INT(evs_db_session_count(db, &n), EVS_OK);
    CHECK_INT(n, 2);

    /* a writer closed without commit leaves nothing behind */
    CHECK_INT(evs_writer_open(db_path, &w), EVS_OK);
    CHECK_INT(evs_writer_add_yaml(w, "memory/rural.yaml", yaml, sizeof yaml - 1, NULL), EVS_OK);
    evs_writer_close(w);
    CHECK_INT(evs_db_reopen(db), EVS_OK);
    CHECK_INT(count(db, "cooperatives"), 0);
    evs_db_close(db);
}

/* A French summary of an English session is stemmed in French: the
 * summary's "régionaux" is found by "régional" (one French stem), which
 * the English stemmer would not give, and marked as a stem match. */
static void test_field_language(void)
{
    static const char text[] =
        "title: Coastal cooperation\ndate: 2018-10-10\n"
        "description: Coastal regions work together on tourism, ports and the protection of "
        "their shores, and this workshop brings their managing authorities to one table to "
        "compare what each of them has learnt about planning. The speakers will show how "
        "the plans of the last period were drawn up, who took part in them, which of the "
        "projects were finished on time and which were not, and what the regions would "
        "change in the next programming period, from the first consultation of the public "
        "to the evaluation of the results after the end of the programme.\n"
        "summary: Les représentants des conseils régionaux ont présenté leurs plans, et les "
        "programmes opérationnels ont été comparés. Les acteurs locaux et les partenaires "
        "sociaux ont insisté sur la coopération entre les ports et les communes littorales.\n";
    evs_writer *w = NULL;
    CHECK_INT(evs_writer_open(db_path, &w), EVS_OK);
    CHECK_INT(evs_writer_add_yaml(w, "memory/coast.yaml", text, sizeof text - 1, NULL), EVS_OK);
    CHECK_INT(evs_writer_commit(w), EVS_OK);
    evs_writer_close(w);

    evs_db *db = NULL;
    CHECK_INT(evs_db_open(db_path, &db), EVS_OK);
    evs_search_options o = EVS_SEARCH_OPTIONS_INIT;
    o.explain = 1;
    evs_results *res = NULL;
    CHECK_INT(evs_search(db, "régional lang:en", &o, &res), EVS_OK);   /* an English session */
    CHECK_INT(evs_results_count(res, EVS_HIT_SESSION), 1);
    const evs_hit *hit = evs_results_hit(res, EVS_HIT_SESSION, 0);
    CHECK(hit && strstr(evs_hit_explain(hit), "summary: régionaux (stem)"));
    evs_results_free(res);
    evs_db_close(db);

    /* a German paragraph inside an English summary: stemmed in German */
    static const char mixed[] =
        "title: Industrial regions and their suppliers\ndate: 2017-10-11\n"
        "summary: |\n"
        "  The panel discussed how industrial regions keep their suppliers when the large "
        "plants change hands, and what regional agencies can do to help small firms adapt.\n\n"
        "  Die Zulieferer der Region sind in globale Wertschöpfungsketten eingebunden und "
        "brauchen Unterstützung, wenn sich die großen Werke neu ausrichten.\n\n"
        "  The speakers agreed that training, shared testing facilities and early warning "
        "of closures matter more than subsidies to single companies.\n";
    CHECK_INT(evs_writer_open(db_path, &w), EVS_OK);
    CHECK_INT(evs_writer_add_yaml(w, "memory/mixed.yaml", mixed, sizeof mixed - 1, NULL), EVS_OK);
    CHECK_INT(evs_writer_commit(w), EVS_OK);
    evs_writer_close(w);
    CHECK_INT(evs_db_open(db_path, &db), EVS_OK);
    CHECK_INT(evs_search(db, "wertschöpfungskette lang:en", &o, &res), EVS_OK);
    CHECK_INT(evs_results_count(res, EVS_HIT_SESSION), 1);
    hit = evs_results_hit(res, EVS_HIT_SESSION, 0);
    CHECK(hit && strstr(evs_hit_explain(hit), "summary: Wertschöpfungsketten (stem)"));
    evs_results_free(res);
    evs_db_close(db);

    CHECK_INT(evs_writer_open(db_path, &w), EVS_OK);
    CHECK_INT(evs_writer_remove(w, "memory/mixed.yaml"), EVS_OK);
    CHECK_INT(evs_writer_remove(w, "memory/coast.yaml"), EVS_OK);
    CHECK_INT(evs_writer_commit(w), EVS_OK);
    evs_writer_close(w);
}

/* Detection among the archive's languages only. */
static void test_archive_languages(void)
{
    static const char de[] =
        "title: Bürgerenergie\ndescription: Die Gemeinden im Alpenraum gründen "
        "Energiegemeinschaften, und die Bürgerinnen und Bürger beteiligen sich an den "
        "Anlagen.\n";
    evs_writer *w = NULL;
    CHECK_INT(evs_writer_open(db_path, &w), EVS_OK);
    CHECK_INT(evs_writer_set_languages(w, "en xx"), EVS_INVALID);
    CHECK(strstr(evs_writer_errmsg(w), "en xx") != NULL);
    CHECK_INT(evs_writer_set_languages(w, ""), EVS_INVALID);
    CHECK_INT(evs_writer_add_yaml(w, "memory/de1.yaml", de, sizeof de - 1, NULL), EVS_OK);
    CHECK_INT(evs_writer_set_languages(w, "en, fr"), EVS_OK);
    CHECK_INT(evs_writer_add_yaml(w, "memory/de2.yaml", de, sizeof de - 1, NULL), EVS_OK);
    CHECK_INT(evs_writer_commit(w), EVS_OK);
    evs_writer_close(w);
    evs_db *db = NULL;
    CHECK_INT(evs_db_open(db_path, &db), EVS_OK);
    CHECK_INT(count(db, "energiegemeinschaften lang:de"), 1);   /* all 24: German */
    CHECK_INT(count(db, "energiegemeinschaften -lang:de"), 1);  /* among en, fr: not */
    evs_db_close(db);
    CHECK_INT(evs_writer_open(db_path, &w), EVS_OK);
    CHECK_INT(evs_writer_remove(w, "memory/de1.yaml"), EVS_OK);
    CHECK_INT(evs_writer_remove(w, "memory/de2.yaml"), EVS_OK);
    CHECK_INT(evs_writer_commit(w), EVS_OK);
    evs_writer_close(w);
}

/* ------------------------------------------------ threads and a writer */

typedef struct searcher {
    int searches, failures;
    atomic_int *stop;
} searcher;

static void *search_loop(void *arg)
{
    searcher *s = arg;
    evs_db *db = NULL;
    if (evs_db_open(db_path, &db) != EVS_OK) {
        s->failures++;
        evs_db_close(db);
        return NULL;
    }
    while (!atomic_load(s->stop)) {
        evs_results *res = NULL;
        evs_status st = evs_search(db, "harbour OR cooperatives OR batch", NULL, &res);
        if (st != EVS_OK) {
            fprintf(stderr, "search failed: %s\n", evs_db_errmsg(db));
            s->failures++;
        }
        /* every hit read whole: no half-written document is ever seen */
        for (size_t i = 0; res && i < evs_results_count(res, EVS_HIT_SESSION); i++)
            if (!evs_hit_field(evs_results_hit(res, EVS_HIT_SESSION, i), EVS_FIELD_TITLE))
                s->failures++;
        evs_results_free(res);
        s->searches++;
        if (s->searches % 20 == 0)
            evs_db_reopen(db);
    }
    evs_db_close(db);
    return NULL;
}

/* The child: commits many small batches while the parent searches. */
static int index_batches(int batches)
{
    evs_writer *w = NULL;
    if (evs_writer_open(db_path, &w) != EVS_OK)
        return 1;
    char src[64], text[512];
    for (int b = 0; b < batches; b++) {
        for (int i = 0; i < 5; i++) {
            snprintf(src, sizeof src, "batch/%d/%d", b, i);
            int n = snprintf(text, sizeof text,
                             "- title: Batch %d session %d\n  date: 2018-10-10\n"
                             "  description: Written in batch %d while others search.\n",
                             b, i, b);
            if (evs_writer_add_yaml(w, src, text, (size_t)n, NULL) != EVS_OK)
                return 1;
        }
        if (evs_writer_commit(w) != EVS_OK)
            return 1;
        /* let the searchers run between commits */
        nanosleep(&(struct timespec){ 0, 20 * 1000 * 1000 }, NULL);
    }
    evs_writer_close(w);
    return 0;
}

static void test_threads_while_indexing(void)
{
    atomic_int stop = 0;
    searcher a = { 0, 0, &stop }, b = { 0, 0, &stop };
    pthread_t ta, tb;
    /* fork before any thread exists: a child forked from a threaded
     * process can inherit a lock (the allocator's) that nobody releases */
    fflush(NULL);
    pid_t child = fork();
    if (child == 0)
        _exit(index_batches(40));
    CHECK_INT(pthread_create(&ta, NULL, search_loop, &a), 0);
    CHECK_INT(pthread_create(&tb, NULL, search_loop, &b), 0);
    int status = 0;
    CHECK(child > 0 && waitpid(child, &status, 0) == child);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    atomic_store(&stop, 1);
    pthread_join(ta, NULL);
    pthread_join(tb, NULL);
    CHECK(a.searches > 0 && b.searches > 0);
    CHECK_INT(a.failures + b.failures, 0);

    /* every batch is there: the two sessions before, and 40 x 5 */
    evs_db *db = NULL;
    uint32_t n = 0;
    CHECK_INT(evs_db_open(db_path, &db), EVS_OK);
    CHECK_INT(evs_db_session_count(db, &n), EVS_OK);
    CHECK_INT(n, 202);
    evs_db_close(db);
}

/* Sessions and quotes of q found by db: sessions * 100 + quotes. */
static size_t found(evs_db *db, const char *q)
{
    evs_results *res = NULL;
    CHECK_INT(evs_search(db, q, NULL, &res), EVS_OK);
    size_t n = evs_results_count(res, EVS_HIT_SESSION) * 100 +
               evs_results_count(res, EVS_HIT_QUOTE);
    evs_results_free(res);
    return n;
}

static void commit_yaml(const char *source, const char *text)
{
    evs_writer *w = NULL;
    CHECK_INT(evs_writer_open(db_path, &w), EVS_OK);
    if (text)
        CHECK_INT(evs_writer_add_yaml(w, source, text, strlen(text), NULL), EVS_OK);
    else
        CHECK_INT(evs_writer_remove(w, source), EVS_OK);
    CHECK_INT(evs_writer_commit(w), EVS_OK);
    evs_writer_close(w);
}

/* Quotes are searched by a second reader on a thread of their own, opened
 * at the first search; they still come from the state the sessions come
 * from, the one the handle was opened or last reopened at, even when the
 * second reader was opened after a commit. */
static void test_quotes_beside_sessions(void)
{
    static const char lighthouse[] =
        "title: Lighthouse keepers of the Atlantic\ndate: 2019-10-08\n"
        "quotes:\n  - speaker: Ana Sousa\n    text: Every lighthouse keeper is a coastguard.\n";
    setenv("EVSEARCH_THREADS", "2", 1);
    evs_db *db = NULL;
    CHECK_INT(evs_db_open(db_path, &db), EVS_OK);
    unsetenv("EVSEARCH_THREADS");
    commit_yaml("memory/lighthouse.yaml", lighthouse);
    CHECK_INT(found(db, "lighthouse"), 0);          /* opens the second reader */
    CHECK_INT(evs_db_reopen(db), EVS_OK);
    CHECK_INT(found(db, "lighthouse"), 101);
    commit_yaml("memory/lighthouse.yaml", NULL);
    CHECK_INT(found(db, "lighthouse"), 101);        /* the second reader is open now */
    CHECK_INT(evs_db_reopen(db), EVS_OK);
    CHECK_INT(found(db, "lighthouse"), 0);
    evs_db_close(db);
}

/* The title of the first session hit of q, or "" (a copy, in out). */
static void first_title(evs_db *db, const char *q, char *out, size_t size)
{
    evs_results *res = NULL;
    CHECK_INT(evs_search(db, q, NULL, &res), EVS_OK);
    const evs_hit *h = evs_results_hit(res, EVS_HIT_SESSION, 0);
    const char *t = h ? evs_hit_field(h, EVS_FIELD_TITLE) : NULL;
    snprintf(out, size, "%s", t ? t : "");
    evs_results_free(res);
}

/* One session, hydrogen in its description, titled title, into a new
 * database at path; then, when also is given, one more session in a
 * commit of its own. */
static void write_one(const char *path, const char *title, const char *also)
{
    char yaml[256];
    snprintf(yaml, sizeof yaml, "title: %s\ndate: 2018-10-10\ndescription: Green hydrogen.\n",
             title);
    evs_writer *w = NULL;
    CHECK_INT(evs_writer_open(path, &w), EVS_OK);
    CHECK_INT(evs_writer_add_yaml(w, "memory/one.yaml", yaml, strlen(yaml), NULL), EVS_OK);
    CHECK_INT(evs_writer_commit(w), EVS_OK);
    if (also) {
        snprintf(yaml, sizeof yaml, "title: %s\ndate: 2019-10-10\n", also);
        CHECK_INT(evs_writer_add_yaml(w, "memory/also.yaml", yaml, strlen(yaml), NULL), EVS_OK);
        CHECK_INT(evs_writer_commit(w), EVS_OK);
    }
    evs_writer_close(w);
}

/* A handle keeps the records of the hits it has shown, for the searches
 * after; they belong to the database as it was.  Another database put in
 * place under the same path (as evindex does with one it built anew) has
 * its own document 1, and once the handle reopens, that is what it must
 * show, not the record it kept. */
static void test_reopen_shows_new_records(const char *dir)
{
    char path[300], next[300], old[300], title[256];
    snprintf(path, sizeof path, "%s/records", dir);
    snprintf(next, sizeof next, "%s/records-next", dir);
    snprintf(old, sizeof old, "%s/records-old", dir);
    write_one(path, "Harbour cities and the blue economy", NULL);
    evs_db *db = NULL;
    CHECK_INT(evs_db_open(path, &db), EVS_OK);
    first_title(db, "hydrogen", title, sizeof title);
    CHECK_STR(title, "Harbour cities and the blue economy");
    first_title(db, "green hydrogen", title, sizeof title);     /* kept: the same */
    CHECK_STR(title, "Harbour cities and the blue economy");

    /* a later revision than the first's, so that reopening moves on */
    write_one(next, "Harbour cities and offshore wind", "Tidal energy in island regions");
    CHECK_INT(rename(path, old), 0);
    CHECK_INT(rename(next, path), 0);
    first_title(db, "hydrogen", title, sizeof title);           /* the state it opened */
    CHECK_STR(title, "Harbour cities and the blue economy");
    CHECK_INT(evs_db_reopen(db), EVS_OK);
    first_title(db, "hydrogen", title, sizeof title);
    CHECK_STR(title, "Harbour cities and offshore wind");
    evs_db_close(db);
}

/* A stub file lists several databases; they are searched as one. */
static void test_stub_database(const char *dir)
{
    char other[300], stub[300];
    snprintf(other, sizeof other, "%s/other", dir);
    snprintf(stub, sizeof stub, "%s/both.stub", dir);
    evs_writer *w = NULL;
    CHECK_INT(evs_writer_open(other, &w), EVS_OK);
    static const char one[] = "title: Tidal energy in island regions\ndate: 2015-10-13\n";
    CHECK_INT(evs_writer_add_yaml(w, "other/tidal.yaml", one, sizeof one - 1, NULL), EVS_OK);
    CHECK_INT(evs_writer_commit(w), EVS_OK);
    evs_writer_close(w);
    FILE *f = fopen(stub, "w");
    CHECK(f != NULL);
    if (!f)
        return;
    fprintf(f, "auto %s\nauto %s\n", db_path, other);
    fclose(f);
    evs_db *db = NULL;
    CHECK_INT(evs_db_open(stub, &db), EVS_OK);
    CHECK_INT(count(db, "tidal"), 1);               /* from the second */
    CHECK_INT(count(db, "hydrogen"), 1);            /* from the first */
    uint32_t n = 0;
    CHECK_INT(evs_db_session_count(db, &n), EVS_OK);
    CHECK_INT(n, 203);
    evs_db_close(db);
}

/* Two databases merged into a third: every session of both, searchable,
 * with what each knew of its files; errors name what is wrong and leave
 * nothing at the destination. */
static void test_merge(const char *dir)
{
    char first[300], second[300], merged[300], missing[300];
    snprintf(first, sizeof first, "%s/first", dir);
    snprintf(second, sizeof second, "%s/other", dir);   /* test_stub_database's */
    snprintf(merged, sizeof merged, "%s/merged", dir);
    snprintf(missing, sizeof missing, "%s/missing", dir);
    evs_writer *w = NULL;
    CHECK_INT(evs_writer_open(first, &w), EVS_OK);
    CHECK_INT(evs_writer_add_yaml(w, "memory/rural.yaml", yaml, sizeof yaml - 1, NULL), EVS_OK);
    CHECK_INT(evs_writer_commit(w), EVS_OK);
    evs_writer_close(w);

    char *err = (char *)"unset";
    const char *none[] = { first };
    CHECK_INT(evs_merge(none, 0, merged, &err), EVS_INVALID);
    CHECK(err && strstr(err, "no sources"));
    evs_free(err);
    const char *bad[] = { first, missing };
    CHECK_INT(evs_merge(bad, 2, merged, &err), EVS_NOT_FOUND);
    CHECK(err && strstr(err, missing));
    evs_free(err);
    CHECK(access(merged, F_OK) != 0);
    const char *into_self[] = { first };
    CHECK_INT(evs_merge(into_self, 1, second, &err), EVS_INVALID);
    CHECK(err && strstr(err, "already exists"));
    evs_free(err);

    const char *both[] = { first, second };
    CHECK_INT(evs_merge(both, 2, merged, &err), EVS_OK);
    CHECK(err == NULL);
    evs_db *db = NULL;
    CHECK_INT(evs_db_open(merged, &db), EVS_OK);
    uint32_t n = 0;
    CHECK_INT(evs_db_session_count(db, &n), EVS_OK);
    CHECK_INT(n, 3);
    CHECK_INT(count(db, "cooperatives"), 2);        /* from the first */
    CHECK_INT(count(db, "tidal"), 1);               /* from the second */
    evs_db_close(db);
    /* a writer on the merged database replaces a source's sessions */
    CHECK_INT(evs_writer_open(merged, &w), EVS_OK);
    CHECK_INT(evs_writer_remove(w, "memory/rural.yaml"), EVS_OK);
    CHECK_INT(evs_writer_commit(w), EVS_OK);
    evs_writer_close(w);
    CHECK_INT(evs_db_open(merged, &db), EVS_OK);
    CHECK_INT(count(db, "cooperatives"), 0);
    CHECK_INT(count(db, "tidal"), 1);
    evs_db_close(db);
}

/* found() on the database at path, opened for it. */
static size_t found_in(const char *path, const char *q)
{
    evs_db *db = NULL;
    CHECK_INT(evs_db_open(path, &db), EVS_OK);
    size_t n = found(db, q);
    evs_db_close(db);
    return n;
}

/* A writer with its quotes apart: sessions in its database, quotes in the
 * other, both committed together, a source's removal reaching both; the
 * two merged, sessions first, make the database one writer makes. */
static void test_quotes_apart(const char *dir)
{
    static const char keepers[] =
        "- title: Lighthouse keepers of the Atlantic\n  date: 2019-10-08\n"
        "  quotes:\n    - speaker: Ana Sousa\n      text: Every lighthouse keeper is a coastguard.\n"
        "- title: Lighthouses as museums\n  date: 2020-10-13\n";
    char part[300], quotes[300], merged[300], plain[300], bad[300];
    snprintf(part, sizeof part, "%s/part", dir);
    snprintf(quotes, sizeof quotes, "%s/part-quotes", dir);
    snprintf(merged, sizeof merged, "%s/part-merged", dir);
    snprintf(plain, sizeof plain, "%s/part-plain", dir);
    snprintf(bad, sizeof bad, "%s/part/iamglass/quotes", dir);
    CHECK_INT(evs_writer_quotes_apart(NULL, quotes), EVS_INVALID);
    evs_writer *w = NULL;
    CHECK_INT(evs_writer_open(part, &w), EVS_OK);
    CHECK_INT(evs_writer_quotes_apart(w, NULL), EVS_INVALID);
    /* under a file: as evs_writer_open says, naming the path */
    evs_writer *refused = NULL;
    evs_status want = evs_writer_open(bad, &refused);
    evs_writer_close(refused);
    CHECK(want != EVS_OK);
    CHECK_INT(evs_writer_quotes_apart(w, bad), want);
    CHECK(strstr(evs_writer_errmsg(w), bad) != NULL);
    CHECK_INT(evs_writer_quotes_apart(w, quotes), EVS_OK);
    CHECK_INT(evs_writer_quotes_apart(w, quotes), EVS_INVALID);
    CHECK(strstr(evs_writer_errmsg(w), "apart already") != NULL);
    evs_file_stats st;
    CHECK_INT(evs_writer_add_yaml(w, "memory/keepers.yaml", keepers, sizeof keepers - 1, &st),
              EVS_OK);
    CHECK_INT(st.sessions, 2);
    CHECK_INT(st.quotes, 1);
    CHECK_INT(evs_writer_commit(w), EVS_OK);
    CHECK_INT(found_in(part, "coastguard"), 100);      /* the session, not its quote */
    CHECK_INT(found_in(quotes, "coastguard"), 1);      /* the quote alone */
    CHECK_INT(found_in(part, "lighthouses"), 200);
    /* a removal reaches both */
    CHECK_INT(evs_writer_remove(w, "memory/keepers.yaml"), EVS_OK);
    CHECK_INT(evs_writer_commit(w), EVS_OK);
    CHECK_INT(found_in(part, "coastguard"), 0);
    CHECK_INT(found_in(quotes, "coastguard"), 0);
    CHECK_INT(evs_writer_add_yaml(w, "memory/keepers.yaml", keepers, sizeof keepers - 1, NULL),
              EVS_OK);
    CHECK_INT(evs_writer_commit(w), EVS_OK);
    evs_writer_close(w);

    CHECK_INT(evs_writer_open(plain, &w), EVS_OK);
    CHECK_INT(evs_writer_add_yaml(w, "memory/keepers.yaml", keepers, sizeof keepers - 1, NULL),
              EVS_OK);
    CHECK_INT(evs_writer_commit(w), EVS_OK);
    evs_writer_close(w);
    const char *parts[] = { part, quotes };
    char *err = NULL;
    CHECK_INT(evs_merge(parts, 2, merged, &err), EVS_OK);
    CHECK(err == NULL);
    CHECK_INT(found_in(merged, "coastguard"), 101);
    CHECK_INT(found_in(merged, "lighthouses"), 201);
    CHECK_INT(found_in(merged, "lighthouses"), found_in(plain, "lighthouses"));
}

/* The suggestion for a query, or "" when there is none (copied). */
static void suggestion(evs_db *db, const char *q, char *out, size_t size)
{
    evs_results *res = NULL;
    CHECK_INT(evs_search(db, q, NULL, &res), EVS_OK);
    const char *s = res ? evs_results_suggestion(res) : NULL;
    snprintf(out, size, "%s", s ? s : "");
    evs_results_free(res);
}

/* A writer told to gather no spelling data commits none; the data taken
 * from the index afterwards proposes the words, and is taken only once. */
static void test_spelling_from_index(const char *dir)
{
    char path[300], got[64];
    snprintf(path, sizeof path, "%s/nospelling", dir);
    CHECK_INT(evs_writer_set_spelling(NULL, 0), EVS_INVALID);
    CHECK_INT(evs_writer_spelling_from_index(NULL), EVS_INVALID);
    evs_writer *w = NULL;
    CHECK_INT(evs_writer_open(path, &w), EVS_OK);
    CHECK_INT(evs_writer_set_spelling(w, 0), EVS_OK);
    CHECK_INT(evs_writer_add_yaml(w, "memory/rural.yaml", yaml, sizeof yaml - 1, NULL), EVS_OK);
    CHECK_INT(evs_writer_add_page(w, "memory/harbour", page, sizeof page - 1, NULL), EVS_OK);
    CHECK_INT(evs_writer_commit(w), EVS_OK);
    evs_db *db = NULL;
    CHECK_INT(evs_db_open(path, &db), EVS_OK);
    CHECK_INT(count(db, "cooperatives"), 2);
    suggestion(db, "cooperativs", got, sizeof got);
    CHECK_STR(got, "");
    CHECK_INT(evs_writer_spelling_from_index(w), EVS_OK);
    CHECK_INT(evs_writer_spelling_from_index(w), EVS_INVALID);    /* before the commit */
    CHECK_INT(evs_writer_commit(w), EVS_OK);
    CHECK_INT(evs_writer_spelling_from_index(w), EVS_INVALID);
    CHECK(strstr(evs_writer_errmsg(w), "spelling data already") != NULL);
    evs_writer_close(w);
    CHECK_INT(evs_db_reopen(db), EVS_OK);
    suggestion(db, "cooperativs", got, sizeof got);
    CHECK_STR(got, "cooperatives");
    suggestion(db, "hydrogem", got, sizeof got);
    CHECK_STR(got, "hydrogen");
    evs_db_close(db);

    /* a writer holding words it gathered, not yet committed, refuses too */
    snprintf(path, sizeof path, "%s/gathering", dir);
    CHECK_INT(evs_writer_open(path, &w), EVS_OK);
    CHECK_INT(evs_writer_add_yaml(w, "memory/rural.yaml", yaml, sizeof yaml - 1, NULL), EVS_OK);
    CHECK_INT(evs_writer_spelling_from_index(w), EVS_INVALID);
    evs_writer_close(w);
}

int main(void)
{
    char tmpl[] = "/tmp/evs-lib-XXXXXX";
    char *dir = mkdtemp(tmpl);
    if (!dir)
        return 1;
    snprintf(db_path, sizeof db_path, "%s/db", dir);
    test_errors_and_lifetimes();
    test_indexing_from_memory();
    test_field_language();
    test_archive_languages();
    test_threads_while_indexing();
    test_quotes_beside_sessions();
    test_reopen_shows_new_records(dir);
    test_stub_database(dir);
    test_merge(dir);
    test_quotes_apart(dir);
    test_spelling_from_index(dir);
    char cmd[512];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    CHECK_INT(system(cmd), 0);
    return check_exit();
}
