/*
 * evsearch — searches an evsearch database from the command line.
 *
 * Uses only the public API (evsearch.h).  Exit status as grep's: 0 when
 * something was found, 1 when nothing was, 2 on error.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../cli/db_locate.h"
#include "../cli/render_text.h"
#include "../cli/print_results.h"
#include "../cli/render_html.h"
#include "../cli/sprinter.h"
#include "../common/buf.h"
#include "evsearch.h"

enum { EXIT_FOUND = 0, EXIT_NONE = 1, EXIT_ERROR = 2 };

/* The glossary shipped with evsearch, where it is installed and where it
 * is in the sources (set by the build). */
#if !defined(EVS_GLOSSARY_DEFAULT) || !defined(EVS_GLOSSARY_SOURCE)
#error "the build must define EVS_GLOSSARY_DEFAULT and EVS_GLOSSARY_SOURCE"
#endif

static const char *shipped_glossary(void)
{
    return access(EVS_GLOSSARY_DEFAULT, R_OK) == 0 ? EVS_GLOSSARY_DEFAULT
                                                   : EVS_GLOSSARY_SOURCE;
}

static void usage(FILE *to)
{
    fputs("Usage: evsearch [OPTIONS] QUERY...\n"
          "Search the sessions of the European Week of Regions and Cities archive.\n"
          "\n"
          "Prints the best matching sessions, with the matching words highlighted in\n"
          "snippets, then the speaker quotes that match.\n"
          "\n"
          "Query:\n"
          "  value chains            sessions with both words (any form: chains, chain)\n"
          "  \"value chains\"          the exact phrase\n"
          "  clusters OR networks    either word\n"
          "  smes -tourism           without a word (also: NOT tourism)\n"
          "  (a OR b) c              grouping\n"
          "  chains NEAR/3 clusters  within 3 words of each other (NEAR alone: 10)\n"
          "  internation*            words starting so\n"
          "  =Mattinò                the accents exactly as typed\n"
          "  title:smes              one field: title, speaker, org, country, theme,\n"
          "                          type, quote (quote: finds quotes only)\n"
          "  lang:fr interp:de       filters: the session's language, an interpretation\n"
          "  code:9WS29              language, its code; they do not change the ranking\n"
          "  year:2018 year:2016..2019 date:2018-10-09 date:2018-10..2019\n"
          "  Case and accents never matter (except after =): mattino finds Mattinò.\n"
          "\n"
          "Options:\n"
          "  --db PATH        the database; default: $EVSEARCH_DB, else the nearest\n"
          "                   .evsearch directory in the current directory or a parent\n"
          "  -n, --limit N    sessions to show (default 10; 0: count them, exactly)\n"
          "  --offset N       skip the first N sessions (for paging)\n"
          "  --quotes N       quotes to show (default 5; 0 for none)\n"
          "  --sort ORDER     relevance (default; ties: newest first), date (oldest\n"
          "                   first) or -date (newest first)\n"
          "  --facets         also count the matching sessions by year, theme,\n"
          "                   language, organiser and session type\n"
          "  --glossary[=FILE] also find the query's terms in the other languages,\n"
          "                   through a glossary of equivalents (default: the one\n"
          "                   shipped, " EVS_GLOSSARY_DEFAULT ");\n"
          "                   $EVSEARCH_GLOSSARY=FILE turns it on too\n"
          "  --no-glossary    do not use a glossary, even if EVSEARCH_GLOSSARY is set\n"
          "  --explain        show the query as understood and, for each hit, where\n"
          "                   its words were found and what each term weighed\n"
          "  --json           one JSON object: query, estimated_total, suggestion,\n"
          "                   sessions, quotes (and facets)\n"
          "  --yaml           the same as YAML\n"
          "  --html           an HTML page: the text escaped, the matches in <mark>\n"
          "  --batch          read queries from standard input, one per line, and\n"
          "                   print one JSON object per line (with \"error\" when a\n"
          "                   query fails)\n"
          "  -h, --help       show this help\n"
          "  --version        show the version\n"
          "\n"
          "Colour is used on a terminal unless NO_COLOR is set; elsewhere matches are\n"
          "marked **like this**.\n"
          "With more than one CPU a search runs on two threads; EVSEARCH_THREADS=1\n"
          "keeps it on one.\n"
          "Exit status: 0 when something was found, 1 when nothing was, 2 on error\n"
          "(with --batch: 2 if any query failed, else 0 if any found something).\n",
          to);
}

static int parse_count(const char *opt, const char *s, unsigned *out)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (*s == '\0' || *end != '\0' || v < 0 || v > 100000) {
        fprintf(stderr, "evsearch: %s takes a number from 0 to 100000, not \"%s\"\n", opt, s);
        return -1;
    }
    *out = (unsigned)v;
    return 0;
}

static int parse_sort(const char *s, evs_sort *out)
{
    if (strcmp(s, "relevance") == 0)
        *out = EVS_SORT_RELEVANCE;
    else if (strcmp(s, "date") == 0)
        *out = EVS_SORT_DATE;
    else if (strcmp(s, "-date") == 0)
        *out = EVS_SORT_DATE_DESC;
    else {
        fprintf(stderr, "evsearch: --sort takes relevance, date or -date, not \"%s\"\n", s);
        return -1;
    }
    return 0;
}

/* The message when there is no database: where we looked, how to make one. */
static void no_database(const char *path, db_origin origin)
{
    const char *where = origin == DB_FROM_OPTION ? "given with --db"
                      : origin == DB_FROM_ENV ? "given by EVSEARCH_DB"
                      : "looked for .evsearch in the current directory and its parents";
    fprintf(stderr,
            "evsearch: no database at %s (%s).\n"
            "Create one by indexing session pages, for example:\n"
            "    evindex%s%s corpus/\n",
            path, where, origin <= DB_FROM_ENV ? " --db " : "",
            origin <= DB_FROM_ENV ? path : "");
}

typedef enum format { FMT_TEXT, FMT_JSON, FMT_YAML, FMT_HTML } format;

typedef struct run {
    evs_db *db;
    evs_search_options opts;
    format fmt;
    sprinter *sp;           /* FMT_JSON, FMT_YAML */
    text_style style;       /* FMT_TEXT */
} run;

/* Runs one query and prints its results.  Returns the exit status it
 * alone would give: found, none, or error. */
static int search_one(run *r, const char *query, int batch)
{
    evs_results *res = NULL;
    evs_status st = evs_search(r->db, query, &r->opts, &res);
    if (st != EVS_OK) {
        if (batch) {
            print_error(r->sp, query, evs_db_errmsg(r->db));
        } else {
            fprintf(stderr, "evsearch: %s\n", evs_db_errmsg(r->db));
            if (st == EVS_BAD_QUERY)
                fputs("Try 'evsearch --help' for the query language.\n", stderr);
        }
        return EXIT_ERROR;
    }
    if (r->fmt == FMT_TEXT)
        render_text(stdout, res, r->opts.offset, &r->style);
    else if (r->fmt == FMT_HTML)
        render_html(stdout, query, res, r->opts.offset);
    else
        print_results(r->sp, query, res, r->opts.offset, r->opts.facets);
    /* something matched, even if this page (or -n 0) shows none of it */
    int found = evs_results_estimated_total(res) > 0 ||
                evs_results_count(res, EVS_HIT_QUOTE) > 0;
    evs_results_free(res);
    return found ? EXIT_FOUND : EXIT_NONE;
}

/* --batch: a query per line of standard input, a JSON object per line out.
 * Exit status: 2 if any query failed, else 0 if any found something. */
static int search_batch(run *r)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    int any_found = 0, any_error = 0;
    while ((n = getline(&line, &cap, stdin)) > 0) {
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = '\0';
        size_t lead = strspn(line, " \t");
        if (line[lead] == '\0')
            continue;
        int rc = search_one(r, line, 1);
        any_found |= rc == EXIT_FOUND;
        any_error |= rc == EXIT_ERROR;
    }
    free(line);
    return any_error ? EXIT_ERROR : any_found ? EXIT_FOUND : EXIT_NONE;
}

int main(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "db", required_argument, NULL, 'd' },
        { "limit", required_argument, NULL, 'n' },
        { "offset", required_argument, NULL, 'o' },
        { "quotes", required_argument, NULL, 'Q' },
        { "json", no_argument, NULL, 'j' },
        { "yaml", no_argument, NULL, 'y' },
        { "html", no_argument, NULL, 'H' },
        { "batch", no_argument, NULL, 'b' },
        { "sort", required_argument, NULL, 's' },
        { "facets", no_argument, NULL, 'F' },
        { "glossary", optional_argument, NULL, 'G' },
        { "no-glossary", no_argument, NULL, 'N' },
        { "explain", no_argument, NULL, 'E' },
        { "help", no_argument, NULL, 'h' },
        { "version", no_argument, NULL, 'V' },
        { NULL, 0, NULL, 0 },
    };
    const char *db_opt = NULL;
    const char *glossary = getenv("EVSEARCH_GLOSSARY");
    int c, batch = 0, no_glossary = 0;
    run r = { .opts = EVS_SEARCH_OPTIONS_INIT, .fmt = FMT_TEXT };
    r.opts.quote_limit = 5;
    while ((c = getopt_long(argc, argv, "n:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'd': db_opt = optarg; break;
        case 'n': if (parse_count("--limit", optarg, &r.opts.limit)) return EXIT_ERROR; break;
        case 'o': if (parse_count("--offset", optarg, &r.opts.offset)) return EXIT_ERROR; break;
        case 'Q':
            if (parse_count("--quotes", optarg, &r.opts.quote_limit))
                return EXIT_ERROR;
            break;
        case 'j':
        case 'y':
        case 'H': {
            format f = c == 'j' ? FMT_JSON : c == 'y' ? FMT_YAML : FMT_HTML;
            if (r.fmt != FMT_TEXT && r.fmt != f) {
                fputs("evsearch: choose one of --json, --yaml and --html\n", stderr);
                return EXIT_ERROR;
            }
            r.fmt = f;
            break;
        }
        case 'b': batch = 1; break;
        case 'F': r.opts.facets = 1; break;
        case 'E': r.opts.explain = 1; break;
        case 'G': glossary = optarg ? optarg : shipped_glossary(); break;
        case 'N': glossary = NULL; no_glossary = 1; break;
        case 's':
            if (parse_sort(optarg, &r.opts.sort))
                return EXIT_ERROR;
            break;
        case 'h': usage(stdout); return EXIT_FOUND;
        case 'V': printf("evsearch %s\n", evs_version()); return EXIT_FOUND;
        default: usage(stderr); return EXIT_ERROR;
        }
    }
    if (batch && (r.fmt == FMT_YAML || r.fmt == FMT_HTML)) {
        fputs("evsearch: --batch writes JSON lines; it cannot be used with --yaml or --html\n",
              stderr);
        return EXIT_ERROR;
    }
    if (batch && optind < argc) {
        fputs("evsearch: with --batch the queries come on standard input, one per line\n",
              stderr);
        return EXIT_ERROR;
    }
    /* The words of the query may come as several arguments. */
    buf query = BUF_INIT;
    for (int i = optind; i < argc; i++)
        if ((i > optind && buf_putc(&query, ' ') < 0) || buf_puts(&query, argv[i]) < 0) {
            fputs("evsearch: out of memory\n", stderr);
            return EXIT_ERROR;
        }
    if (!batch && query.len == 0) {
        fputs("evsearch: no query given; type the words to look for, for example:\n"
              "    evsearch \"value chains\"\n"
              "Try 'evsearch --help' for the query language.\n", stderr);
        buf_free(&query);
        return EXIT_ERROR;
    }

    db_origin origin;
    char *db_path = db_locate(db_opt, &origin);
    int rc = EXIT_ERROR;
    evs_status st = db_path ? evs_db_open(db_path, &r.db) : EVS_NOMEM;
    if (batch)
        r.fmt = FMT_JSON;
    if (r.fmt == FMT_JSON)
        r.sp = sprinter_json_new(stdout);
    else if (r.fmt == FMT_YAML)
        r.sp = sprinter_yaml_new(stdout);
    else
        r.style = text_style_for(stdout);
    if (st == EVS_NOT_FOUND)
        no_database(db_path, origin);
    else if (st != EVS_OK)
        fprintf(stderr, "evsearch: %s\n", r.db ? evs_db_errmsg(r.db) : "out of memory");
    else if ((r.fmt == FMT_JSON || r.fmt == FMT_YAML) && !r.sp)
        fputs("evsearch: out of memory\n", stderr);
    else if (glossary && *glossary && !no_glossary &&
             evs_db_set_glossary(r.db, glossary) != EVS_OK)
        fprintf(stderr, "evsearch: %s\n", evs_db_errmsg(r.db));
    else
        rc = batch ? search_batch(&r) : search_one(&r, query.data, 0);
    if (r.sp)
        r.sp->destroy(r.sp);
    evs_db_close(r.db);
    free(db_path);
    buf_free(&query);
    return rc;
}
