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

#include "../cli/db_locate.h"
#include "../cli/render_text.h"
#include "../cli/sprinter.h"
#include "../common/buf.h"
#include "evsearch.h"

enum { EXIT_FOUND = 0, EXIT_NONE = 1, EXIT_ERROR = 2 };

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
          "  title:smes              one field: title, speaker, org, country, theme,\n"
          "                          type, quote\n"
          "  lang:fr interp:de       filters: the session's language, an interpretation\n"
          "  code:9WS29              language, its code; they do not change the ranking\n"
          "  year:2018 year:2016..2019 date:2018-10-09 date:2018-10..2019\n"
          "  Case and accents never matter: mattino finds Mattinò.\n"
          "\n"
          "Options:\n"
          "  --db PATH        the database; default: $EVSEARCH_DB, else the nearest\n"
          "                   .evsearch directory in the current directory or a parent\n"
          "  -n, --limit N    sessions to show (default 10)\n"
          "  --offset N       skip the first N sessions (for paging)\n"
          "  --quotes N       quotes to show (default 5; 0 for none)\n"
          "  --sort ORDER     relevance (default; ties: newest first), date (oldest\n"
          "                   first) or -date (newest first)\n"
          "  --facets         also count the matching sessions by year, theme,\n"
          "                   language, organiser and session type\n"
          "  --json           one JSON object: query, estimated_total, sessions, quotes\n"
          "  -h, --help       show this help\n"
          "  --version        show the version\n"
          "\n"
          "Colour is used on a terminal unless NO_COLOR is set; elsewhere matches are\n"
          "marked **like this**.\n"
          "Exit status: 0 when something was found, 1 when nothing was, 2 on error.\n",
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

static void json_hit_common(sprinter *sp, const evs_hit *h, size_t rank)
{
    sp->key(sp, "rank");
    sp->integer(sp, (long long)rank);
    sp->key(sp, "score");
    sp->real(sp, evs_hit_score(h));
    sp->key(sp, "path");
    sp_str(sp, evs_hit_field(h, EVS_FIELD_PATH));
    sp->key(sp, "title");
    sp_str(sp, evs_hit_field(h, EVS_FIELD_TITLE));
    sp->key(sp, "year");
    if (evs_hit_year(h))
        sp->integer(sp, evs_hit_year(h));
    else
        sp->null(sp);
    sp->key(sp, "lang");
    sp_str(sp, evs_hit_field(h, EVS_FIELD_LANG));
    sp->key(sp, "date");
    sp_str(sp, evs_hit_field(h, EVS_FIELD_DATE));
}

static void json_highlights(sprinter *sp, const evs_snippet *sn)
{
    sp->key(sp, "highlights");
    sp->begin_list(sp);
    for (size_t i = 0; sn && i < evs_snippet_span_count(sn); i++) {
        size_t s, e;
        evs_snippet_span(sn, i, &s, &e);
        sp->begin_list(sp);
        sp->integer(sp, (long long)s);
        sp->integer(sp, (long long)e);
        sp->end(sp);
    }
    sp->end(sp);
}

static void json_session(sprinter *sp, const evs_hit *h, size_t rank)
{
    sp->begin_map(sp);
    json_hit_common(sp, h, rank);
    static const struct { const char *key; evs_field f; } extra[] = {
        { "start_time", EVS_FIELD_START_TIME }, { "end_time", EVS_FIELD_END_TIME },
        { "timezone", EVS_FIELD_TIMEZONE }, { "code", EVS_FIELD_CODE },
        { "type", EVS_FIELD_TYPE }, { "theme", EVS_FIELD_THEME },
    };
    for (size_t i = 0; i < sizeof extra / sizeof extra[0]; i++) {
        sp->key(sp, extra[i].key);
        sp_str(sp, evs_hit_field(h, extra[i].f));
    }
    sp->key(sp, "speakers");
    sp->begin_list(sp);
    for (size_t i = 0; i < evs_hit_speaker_count(h); i++)
        sp_str(sp, evs_hit_speaker_name(h, i));
    sp->end(sp);
    sp->key(sp, "snippets");
    sp->begin_list(sp);
    for (size_t i = 0; i < evs_hit_snippet_count(h); i++) {
        const evs_snippet *sn = evs_hit_snippet(h, i);
        size_t len;
        const char *text = evs_snippet_text(sn, &len);
        sp->begin_map(sp);
        sp->key(sp, "field");
        sp_str(sp, evs_snippet_field(sn));
        sp->key(sp, "text");
        sp->string(sp, text, len);
        json_highlights(sp, sn);
        sp->end(sp);
    }
    sp->end(sp);
    sp->end(sp);
}

static void json_quote(sprinter *sp, const evs_hit *h, size_t rank)
{
    sp->begin_map(sp);
    json_hit_common(sp, h, rank);
    sp->key(sp, "speaker");
    sp_str(sp, evs_hit_field(h, EVS_FIELD_SPEAKER));
    sp->key(sp, "affiliation");
    sp_str(sp, evs_hit_field(h, EVS_FIELD_AFFILIATION));
    /* the quote as shown: whole when short, else a fragment around the
     * matches; highlights are offsets into this text */
    const evs_snippet *sn = evs_hit_snippet(h, 0);
    size_t len = 0;
    const char *text = sn ? evs_snippet_text(sn, &len) : evs_hit_field(h, EVS_FIELD_TEXT);
    if (!sn && text)
        len = strlen(text);
    sp->key(sp, "text");
    sp->string(sp, text, len);
    json_highlights(sp, sn);
    sp->end(sp);
}

static void print_json(const char *query, const evs_results *res, unsigned offset,
                       int facets)
{
    sprinter *sp = sprinter_json_new(stdout);
    if (!sp) {
        fputs("evsearch: out of memory\n", stderr);
        return;
    }
    sp->begin_map(sp);
    sp->key(sp, "query");
    sp_str(sp, query);
    sp->key(sp, "estimated_total");
    sp->integer(sp, (long long)evs_results_estimated_total(res));
    sp->key(sp, "suggestion");
    sp_str(sp, evs_results_suggestion(res));
    sp->key(sp, "sessions");
    sp->begin_list(sp);
    for (size_t i = 0; i < evs_results_count(res, EVS_HIT_SESSION); i++)
        json_session(sp, evs_results_hit(res, EVS_HIT_SESSION, i), offset + i + 1);
    sp->end(sp);
    sp->key(sp, "quotes");
    sp->begin_list(sp);
    for (size_t i = 0; i < evs_results_count(res, EVS_HIT_QUOTE); i++)
        json_quote(sp, evs_results_hit(res, EVS_HIT_QUOTE, i), i + 1);
    sp->end(sp);
    if (facets) {
        /* "facets": {"year": [{"value": "2018", "count": 4}, ...], ...} */
        sp->key(sp, "facets");
        sp->begin_map(sp);
        for (int f = 0; f < EVS_FACET_COUNT; f++) {
            sp->key(sp, evs_facet_name((evs_facet)f));
            sp->begin_list(sp);
            unsigned count;
            const char *v;
            for (size_t i = 0; (v = evs_results_facet_value(res, (evs_facet)f, i, &count)); i++) {
                sp->begin_map(sp);
                sp->key(sp, "value");
                sp_str(sp, v);
                sp->key(sp, "count");
                sp->integer(sp, count);
                sp->end(sp);
            }
            sp->end(sp);
        }
        sp->end(sp);
    }
    sp->end(sp);
    sp->finish(sp);
    sp->destroy(sp);
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

int main(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "db", required_argument, NULL, 'd' },
        { "limit", required_argument, NULL, 'n' },
        { "offset", required_argument, NULL, 'o' },
        { "quotes", required_argument, NULL, 'Q' },
        { "json", no_argument, NULL, 'j' },
        { "sort", required_argument, NULL, 's' },
        { "facets", no_argument, NULL, 'F' },
        { "help", no_argument, NULL, 'h' },
        { "version", no_argument, NULL, 'V' },
        { NULL, 0, NULL, 0 },
    };
    const char *db_opt = NULL;
    int json = 0, c;
    evs_search_options opts = EVS_SEARCH_OPTIONS_INIT;
    opts.quote_limit = 5;
    while ((c = getopt_long(argc, argv, "n:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'd': db_opt = optarg; break;
        case 'n': if (parse_count("--limit", optarg, &opts.limit)) return EXIT_ERROR; break;
        case 'o': if (parse_count("--offset", optarg, &opts.offset)) return EXIT_ERROR; break;
        case 'Q': if (parse_count("--quotes", optarg, &opts.quote_limit)) return EXIT_ERROR; break;
        case 'j': json = 1; break;
        case 'F': opts.facets = 1; break;
        case 's':
            if (parse_sort(optarg, &opts.sort))
                return EXIT_ERROR;
            break;
        case 'h': usage(stdout); return EXIT_FOUND;
        case 'V': printf("evsearch %s\n", evs_version()); return EXIT_FOUND;
        default: usage(stderr); return EXIT_ERROR;
        }
    }
    /* The words of the query may come as several arguments. */
    buf query = BUF_INIT;
    for (int i = optind; i < argc; i++)
        if ((i > optind && buf_putc(&query, ' ') < 0) || buf_puts(&query, argv[i]) < 0) {
            fputs("evsearch: out of memory\n", stderr);
            return EXIT_ERROR;
        }
    if (query.len == 0) {
        fputs("evsearch: no query given; type the words to look for, for example:\n"
              "    evsearch \"value chains\"\n"
              "Try 'evsearch --help' for the query language.\n", stderr);
        buf_free(&query);
        return EXIT_ERROR;
    }

    db_origin origin;
    char *db_path = db_locate(db_opt, &origin);
    evs_db *db = NULL;
    int rc = EXIT_ERROR;
    evs_results *res = NULL;
    evs_status st = db_path ? evs_db_open(db_path, &db) : EVS_NOMEM;
    if (st == EVS_NOT_FOUND) {
        no_database(db_path, origin);
    } else if (st != EVS_OK) {
        fprintf(stderr, "evsearch: %s\n", db ? evs_db_errmsg(db) : "out of memory");
    } else if ((st = evs_search(db, query.data, &opts, &res)) != EVS_OK) {
        fprintf(stderr, "evsearch: %s\n", evs_db_errmsg(db));
        if (st == EVS_BAD_QUERY)
            fputs("Try 'evsearch --help' for the query language.\n", stderr);
    } else {
        if (json) {
            print_json(query.data, res, opts.offset, opts.facets);
        } else {
            text_style style = text_style_for(stdout);
            render_text(stdout, res, opts.offset, &style);
        }
        /* something matched, even if this page (or -n 0) shows none of it */
        int found = evs_results_estimated_total(res) > 0 ||
                    evs_results_count(res, EVS_HIT_QUOTE) > 0;
        rc = found ? EXIT_FOUND : EXIT_NONE;
    }
    evs_results_free(res);
    evs_db_close(db);
    free(db_path);
    buf_free(&query);
    return rc;
}
