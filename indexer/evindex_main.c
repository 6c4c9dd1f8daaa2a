/*
 * evindex — reads session pages and YAML files into an evsearch database.
 *
 * Uses only the public API (evsearch.h).  Files are committed in batches;
 * a bad file is reported by name and skipped, the rest go on, and the exit
 * status says that something failed.  Ctrl-C commits what is done.  A new
 * database is built in parts on one thread or more (evindex_parallel.c);
 * updates run here, on one.
 */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../cli/db_locate.h"
#include "../cli/progress.h"
#include "../common/usable_cpus.h"
#include "evindex_analyze.h"
#include "evindex_dump.h"
#include "evindex_parallel.h"
#include "evsearch.h"

/* Sessions added between two commits: bounds the writer's memory, and what
 * an interruption can lose.  The engine's in-memory changes grow costly:
 * measured (one run each, 2 CPUs) on 2,000 generated sessions, every 2,000
 * took 17.5 s and 254 MB, every 500 8.3 s and 81 MB, every 100 6.7 s and
 * 31 MB; on 10,000 sessions, on one thread, every 500 33 s and 68 MB, every
 * 100 34 s and 30 MB, and 2,000 changed files on that database 13.1 s
 * (every 500) and 12.3 s (every 100).  $EVINDEX_COMMIT_EVERY (a positive
 * number) changes it, for tests of interruption on small corpora. */
#define COMMIT_EVERY 100

static unsigned commit_every(void)
{
    const char *s = getenv("EVINDEX_COMMIT_EVERY");
    char *end;
    unsigned long n = s ? strtoul(s, &end, 10) : 0;
    return s && *s && !*end && n > 0 && n <= 1000000 ? (unsigned)n : COMMIT_EVERY;
}

/* Whether a new database is written by one writer committing as it goes,
 * as updates are, rather than built in parts and merged:
 * $EVINDEX_ONE_WRITER=1, for the tests that compare the two and those of a
 * build killed between commits. */
static int one_writer(void)
{
    const char *s = getenv("EVINDEX_ONE_WRITER");
    return s && strcmp(s, "1") == 0;
}

enum { EXIT_FILES_FAILED = 1, EXIT_FATAL = 2 };

static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
    (void)sig;
    interrupted = 1;
}

typedef struct run {
    evs_writer *w;
    const char *db_path;
    int quiet;
    progress progress;
    unsigned files, sessions, quotes, skipped, failed, pending, commit_every;
    unsigned unchanged, removed;
    int fatal;
    /* a new database is built on several threads: the walk lists the
     * files here first (collect set) */
    int collect;
    char **paths;
    size_t n_paths, cap_paths;
    struct timespec started;
    /* directories being walked, to stop at symlink loops */
    struct { dev_t dev; ino_t ino; } stack[256];
    size_t depth;
} run;

static void clear_progress(run *r)
{
    progress_clear(&r->progress);
}

static void show_progress(run *r, const char *path)
{
    progress_show(&r->progress, r->files, r->sessions, r->quotes, path);
}

static int commit(run *r)
{
    if (evs_writer_commit(r->w) != EVS_OK) {
        clear_progress(r);
        fprintf(stderr, "evindex: %s\n", evs_writer_errmsg(r->w));
        r->fatal = 1;
        return -1;
    }
    r->pending = 0;
    return 0;
}

static void index_file(run *r, const char *path)
{
    evs_file_stats st;
    evs_status rc = evs_writer_add_file(r->w, path, &st);
    if (rc != EVS_OK) {
        clear_progress(r);
        fprintf(stderr, "evindex: %s\n", evs_writer_errmsg(r->w));
        /* a bad file is skipped; a failing database stops the run */
        if (rc == EVS_BAD_INPUT)
            r->failed++;
        else
            r->fatal = 1;
        return;
    }
    if (st.unchanged) {
        r->unchanged++;
        show_progress(r, path);
        return;
    }
    r->files++;
    r->sessions += st.sessions;
    r->quotes += st.quotes;
    r->pending += st.sessions;
    show_progress(r, path);
    if (r->pending >= r->commit_every)
        commit(r);
}

/* Lists path for the parallel build (a failure to is fatal: out of memory). */
static void collect_file(run *r, const char *path)
{
    if (r->n_paths == r->cap_paths) {
        size_t cap = r->cap_paths ? r->cap_paths * 2 : 1024;
        char **f = realloc(r->paths, cap * sizeof *f);
        if (!f) {
            fputs("evindex: out of memory\n", stderr);
            r->fatal = 1;
            return;
        }
        r->paths = f;
        r->cap_paths = cap;
    }
    if (!(r->paths[r->n_paths] = strdup(path))) {
        fputs("evindex: out of memory\n", stderr);
        r->fatal = 1;
        return;
    }
    r->n_paths++;
    progress_listing(&r->progress, r->n_paths, path);
}

static int indexable_name(const char *name)
{
    const char *dot = strrchr(name, '.');
    return dot && (!strcmp(dot, ".txt") || !strcmp(dot, ".yaml") || !strcmp(dot, ".yml"));
}

static void walk(run *r, const char *path, int named);

static void walk_dir(run *r, const char *path, const struct stat *sb)
{
    for (size_t i = 0; i < r->depth; i++)
        if (r->stack[i].dev == sb->st_dev && r->stack[i].ino == sb->st_ino) {
            clear_progress(r);
            fprintf(stderr, "evindex: %s: directory loop (a link back to a parent); "
                            "not followed\n", path);
            r->failed++;
            return;
        }
    if (r->depth == sizeof r->stack / sizeof r->stack[0]) {
        fprintf(stderr, "evindex: %s: directories nested too deeply\n", path);
        r->failed++;
        return;
    }
    struct dirent **names;
    int n = scandir(path, &names, NULL, alphasort);
    if (n < 0) {
        clear_progress(r);
        fprintf(stderr, "evindex: %s: %s\n", path, strerror(errno));
        r->failed++;
        return;
    }
    r->stack[r->depth].dev = sb->st_dev;
    r->stack[r->depth].ino = sb->st_ino;
    r->depth++;
    for (int i = 0; i < n; i++) {
        const char *name = names[i]->d_name;
        if (!interrupted && !r->fatal && name[0] != '.') {
            size_t len = strlen(path) + strlen(name) + 2;
            char *child = malloc(len);
            if (child) {
                snprintf(child, len, "%s%s%s", path,
                         path[strlen(path) - 1] == '/' ? "" : "/", name);
                walk(r, child, 0);
                free(child);
            }
        }
        free(names[i]);
    }
    free(names);
    r->depth--;
}

/* A path named on the command line is always read; inside directories only
 * .txt, .yaml and .yml files are, and hidden entries are passed over. */
static void walk(run *r, const char *path, int named)
{
    if (interrupted || r->fatal)
        return;
    struct stat sb;
    if (stat(path, &sb) != 0) {
        int e = errno;
        clear_progress(r);
        fprintf(stderr, "evindex: %s: %s\n", path,
                e == ELOOP ? "symbolic link loop"
                : e == ENOENT && lstat(path, &sb) == 0 && S_ISLNK(sb.st_mode)
                    ? "broken symbolic link (its target does not exist)"
                    : strerror(e));
        r->failed++;
        return;
    }
    if (S_ISDIR(sb.st_mode)) {
        walk_dir(r, path, &sb);
    } else if (!named && !indexable_name(path)) {
        r->skipped++;
    } else if (!S_ISREG(sb.st_mode)) {
        clear_progress(r);
        fprintf(stderr, "evindex: %s: not a regular file\n", path);
        r->failed++;
    } else if (r->collect) {
        collect_file(r, path);
    } else {
        index_file(r, path);
    }
}

/* Whether the database at path holds no session (a new one, say). */
static int database_empty(const char *path)
{
    evs_db *db = NULL;
    uint32_t n = 1;
    if (evs_db_open(path, &db) != EVS_OK || evs_db_session_count(db, &n) != EVS_OK)
        n = 1;
    evs_db_close(db);
    return n == 0;
}

/* Threads for a new database: one per CPU the process may run on, up to
 * eight. */
static unsigned default_jobs(void)
{
    long n = usable_cpus();
    return n > 8 ? 8 : (unsigned)n;
}

typedef struct named {
    char *real;         /* the file it is, or NULL when that cannot be said */
    size_t at;          /* its place in the walk */
} named;

static int by_file_then_place(const void *a, const void *b)
{
    const named *x = a, *y = b;
    int c = x->real && y->real ? strcmp(x->real, y->real) : (x->real != NULL) - (y->real != NULL);
    return c ? c : (x->at > y->at) - (x->at < y->at);
}

/* A file reached twice (named and inside a directory given, or through a
 * link) is indexed once, as on one thread, where the second time finds it
 * unchanged: two batches would each add its sessions. */
static void drop_repeated_files(run *r)
{
    named *v = calloc(r->n_paths, sizeof *v);
    unsigned char *repeated = calloc(r->n_paths, 1);
    if (!v || !repeated) {
        free(v);
        free(repeated);
        fputs("evindex: out of memory\n", stderr);
        r->fatal = 1;
        return;
    }
    for (size_t i = 0; i < r->n_paths; i++)
        v[i] = (named){ realpath(r->paths[i], NULL), i };
    qsort(v, r->n_paths, sizeof *v, by_file_then_place);
    for (size_t i = 1; i < r->n_paths; i++)
        if (v[i].real && v[i - 1].real && strcmp(v[i].real, v[i - 1].real) == 0)
            repeated[v[i].at] = 1;
    size_t kept = 0;
    for (size_t i = 0; i < r->n_paths; i++) {
        free(v[i].real);
        if (repeated[i]) {
            free(r->paths[i]);
            r->unchanged++;
        } else {
            r->paths[kept++] = r->paths[i];
        }
    }
    r->n_paths = kept;
    free(v);
    free(repeated);
}

/* Indexes r->paths on jobs threads into the empty database r->w holds;
 * r->w is closed. */
static void index_parallel(run *r, const char *languages, unsigned jobs)
{
    drop_repeated_files(r);
    if (r->fatal)
        return;
    par_build b = { .db_path = r->db_path, .target = r->w, .languages = languages,
                    .jobs = jobs, .commit_every = r->commit_every,
                    .progress = r->progress.on, .interrupted = &interrupted };
    r->w = NULL;
    if (evindex_parallel(&b, r->paths, r->n_paths) < 0)
        r->fatal = 1;
    r->files = b.files;
    r->sessions = b.sessions;
    r->quotes = b.quotes;
    r->failed += b.failed;
}

static void usage(FILE *to)
{
    fputs("Usage: evindex [--db PATH] [--quiet] [--rebuild] [--jobs N] PATH...\n"
          "       evindex --dump FILE...\n"
          "       evindex --analyze [--lang CODE] [--json] [TEXT...]\n"
          "Index conference session pages into an evsearch database.\n"
          "\n"
          "Each PATH is a file or a directory.  Directories are read recursively:\n"
          "session pages (*.txt) and YAML sessions (*.yaml, *.yml) are indexed,\n"
          "other files and hidden entries are skipped.  A file named on the\n"
          "command line is always read, as YAML when it ends in .yaml or .yml.\n"
          "Indexing a file again replaces what it gave before; a file unchanged since\n"
          "it was indexed is skipped, and the sessions of files that are gone from a\n"
          "directory given are removed.\n"
          "\n"
          "Options:\n"
          "  --db PATH    the database (created when missing); default: $EVSEARCH_DB,\n"
          "               else the nearest .evsearch directory in the current directory\n"
          "               or a parent, else .evsearch in the current directory\n"
          "  -q, --quiet  no progress line, only errors and the summary\n"
          "  --rebuild    read every file again, even those unchanged\n"
          "  -j, --jobs N threads that build a new (or empty) database; default: one\n"
          "               per CPU evindex may run on, up to 8.  Updates run on one\n"
          "               thread.\n"
          "  --languages CODES\n"
          "               the languages the pages are in (\"en fr de\"): detection\n"
          "               chooses among these only; default: the 24 EU languages\n"
          "  --dump       index nothing: print what is understood of each FILE as\n"
          "               YAML (docs/session-yaml.md), to check a page, correct it\n"
          "               and index the YAML instead; no database is used\n"
          "  --analyze    index nothing: show how a TEXT (else each line of standard\n"
          "               input) is read: language, and each word's byte offsets, term\n"
          "               and stem (evindex --analyze --help for more)\n"
          "  -h, --help   show this help\n"
          "  --version    show the version\n"
          "\n"
          "A file that cannot be read is reported with its name and the reason, and\n"
          "the others are indexed.  Exit status: 0 when every file was indexed,\n"
          "1 when some failed, 2 when the database could not be written.\n", to);
}

static void summary(const run *r)
{
    double secs = seconds_since(&r->started);
    printf("Indexed %u session%s and %u quote%s from %u file%s into %s (%.1f s).\n",
           r->sessions, r->sessions == 1 ? "" : "s", r->quotes, r->quotes == 1 ? "" : "s",
           r->files, r->files == 1 ? "" : "s", r->db_path, secs);
    if (r->skipped)
        printf("Skipped %u file%s that %s not .txt, .yaml or .yml.\n", r->skipped,
               r->skipped == 1 ? "" : "s", r->skipped == 1 ? "is" : "are");
    if (r->unchanged)
        printf("Unchanged since they were indexed: %u file%s (use --rebuild to read them "
               "again).\n", r->unchanged, r->unchanged == 1 ? "" : "s");
    if (r->removed)
        printf("Removed the sessions of %u file%s that %s gone.\n", r->removed,
               r->removed == 1 ? "" : "s", r->removed == 1 ? "is" : "are");
    if (r->failed)
        printf("Failed: %u file%s could not be indexed (see the messages above).\n",
               r->failed, r->failed == 1 ? "" : "s");
}

int main(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "db", required_argument, NULL, 'd' },
        { "quiet", no_argument, NULL, 'q' },
        { "help", no_argument, NULL, 'h' },
        { "version", no_argument, NULL, 'V' },
        { "dump", no_argument, NULL, 'D' },
        { "languages", required_argument, NULL, 'L' },
        { "rebuild", no_argument, NULL, 'R' },
        { "jobs", required_argument, NULL, 'j' },
        { NULL, 0, NULL, 0 },
    };
    const char *db_opt = NULL;
    int dump = 0;
    const char *languages = NULL;
    int rebuild = 0;
    unsigned jobs = default_jobs();
    run r = { 0 };
    int c;
    if (evindex_wants_analyze(argc, argv))      /* its own options; no database */
        return evindex_analyze_main(argc, argv);
    while ((c = getopt_long(argc, argv, "qhj:", longopts, NULL)) != -1) {
        switch (c) {
        case 'd': db_opt = optarg; break;
        case 'q': r.quiet = 1; break;
        case 'h': usage(stdout); return 0;
        case 'V': printf("evindex %s\n", evs_version()); return 0;
        case 'D': dump = 1; break;
        case 'L': languages = optarg; break;
        case 'R': rebuild = 1; break;
        case 'j': {
            char *end;
            unsigned long n = strtoul(optarg, &end, 10);
            if (!*optarg || *end || n < 1 || n > 64) {
                fprintf(stderr, "evindex: --jobs %s: give a number from 1 to 64\n", optarg);
                return EXIT_FATAL;
            }
            jobs = (unsigned)n;
            break;
        }
        default: usage(stderr); return EXIT_FATAL;
        }
    }
    if (optind == argc) {
        fputs("evindex: no files or directories given\n", stderr);
        usage(stderr);
        return EXIT_FATAL;
    }
    if (dump)       /* before the database is located: it needs none */
        return evindex_dump(argv + optind, argc - optind);
    db_origin origin;
    char *db_path = db_locate(db_opt, &origin);
    if (!db_path) {
        fputs("evindex: out of memory\n", stderr);
        return EXIT_FATAL;
    }
    r.db_path = db_path;
    r.commit_every = commit_every();
    progress_init(&r.progress, !r.quiet && isatty(STDERR_FILENO));
    clock_gettime(CLOCK_MONOTONIC, &r.started);
    if (evs_writer_open(db_path, &r.w) != EVS_OK ||
        (languages && evs_writer_set_languages(r.w, languages) != EVS_OK) ||
        evs_writer_set_rebuild(r.w, rebuild) != EVS_OK) {
        fprintf(stderr, "evindex: %s\n", evs_writer_errmsg(r.w));
        evs_writer_close(r.w);
        free(db_path);
        return EXIT_FATAL;
    }
    struct sigaction sa = { 0 };
    sa.sa_handler = on_signal;
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);

    /* A new database is built in parts, merged and swapped in, even on one
     * thread (20,000 sessions, two builds each way: 74 and 60 s in parts,
     * 86 and 73 s through one writer; 263 MB instead of 376, and sessions
     * before quotes: evindex_parallel.c).  Updates, and builds where the
     * database's directory cannot be swapped atomically, go through one
     * writer. */
    evindex_parallel_clean(db_path);
    r.collect = !one_writer() && database_empty(db_path) && evindex_parallel_possible(db_path);
    for (int i = optind; i < argc && !interrupted && !r.fatal; i++)
        walk(&r, argv[i], 1);
    if (r.collect && r.n_paths && !interrupted && !r.fatal)
        index_parallel(&r, languages, jobs);
    /* the files under a directory that are no longer there: their sessions
     * go (only after a walk that was not cut short, so nothing is removed
     * that was merely not reached) */
    for (int i = optind; r.w && i < argc && !interrupted && !r.fatal; i++) {
        struct stat sb;
        unsigned removed = 0;
        if (stat(argv[i], &sb) != 0 || !S_ISDIR(sb.st_mode))
            continue;
        if (evs_writer_remove_missing(r.w, argv[i], &removed) != EVS_OK) {
            clear_progress(&r);
            fprintf(stderr, "evindex: %s\n", evs_writer_errmsg(r.w));
            r.fatal = 1;
        }
        r.removed += removed;
    }
    if (r.w && !r.fatal)
        commit(&r);
    clear_progress(&r);
    evs_writer_close(r.w);
    summary(&r);
    if (interrupted && !r.fatal)
        fputs("evindex: interrupted; what is listed above was committed. "
              "Run the same command again to finish.\n", stderr);
    free(db_path);
    for (size_t i = 0; i < r.n_paths; i++)
        free(r.paths[i]);
    free(r.paths);
    if (r.fatal)
        return EXIT_FATAL;
    return interrupted ? 130 : r.failed ? EXIT_FILES_FAILED : 0;
}
