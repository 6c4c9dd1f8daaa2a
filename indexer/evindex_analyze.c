/*
 * evindex_analyze.c — `evindex --analyze`: the language of a text and every
 * token evsearch makes of it, with byte offsets, exact term and stem, as
 * Elasticsearch's _analyze shows them.
 *
 *   evindex --analyze [--lang CODE] [--json] TEXT...   one text (the words
 *       joined by spaces): a table on a terminal, else one JSON object
 *   evindex --analyze [--lang CODE] < FILE             one text a line, one
 *       JSON object a line
 *
 * {"lang":"fr","invalid_bytes":0,
 *  "tokens":[{"text":"chaînes","start":0,"end":8,"position":0,"type":"word",
 *             "term":"chaines","stem":"chain"}, ...]}
 *
 * Offsets are bytes into the text (a line without its line break).  Uses
 * the public API only.
 */
#include "evindex_analyze.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../cli/sprinter.h"
#include "evsearch.h"

enum { EXIT_USAGE = 2 };

typedef struct tok {
    size_t start, end;
    uint32_t position;
    evs_token_kind kind;
    size_t term, stem;          /* offsets into strings; stem (size_t)-1: none */
} tok;

typedef struct toks {
    tok *v;
    size_t n, cap;
    char *strings;              /* terms and stems, NUL-separated */
    size_t len, size;
    int oom;
} toks;

static size_t keep(toks *t, const char *s, size_t n)
{
    if (t->len + n + 1 > t->size) {
        size_t size = t->size ? t->size * 2 : 256;
        while (size < t->len + n + 1)
            size *= 2;
        char *p = realloc(t->strings, size);
        if (!p) {
            t->oom = 1;
            return 0;
        }
        t->strings = p;
        t->size = size;
    }
    size_t at = t->len;
    memcpy(t->strings + at, s, n);
    t->strings[at + n] = '\0';
    t->len += n + 1;
    return at;
}

static int collect(void *ctx, const evs_token *k)
{
    toks *t = ctx;
    if (t->n == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 32;
        tok *v = realloc(t->v, cap * sizeof *v);
        if (!v) {
            t->oom = 1;
            return 1;
        }
        t->v = v;
        t->cap = cap;
    }
    tok *x = &t->v[t->n];
    x->start = k->start;
    x->end = k->end;
    x->position = k->position;
    x->kind = k->kind;
    x->term = keep(t, k->term, k->term_len);
    x->stem = k->stem ? keep(t, k->stem, k->stem_len) : (size_t)-1;
    if (t->oom)
        return 1;
    t->n++;
    return 0;
}

static const char *kind_name(evs_token_kind k)
{
    return k == EVS_TOKEN_EMAIL ? "email" : k == EVS_TOKEN_URL ? "url" : "word";
}

/* ------------------------------------------------------------ output */

static void print_json(sprinter *sp, const char *text, const toks *t,
                       const evs_analysis_info *info)
{
    sp->begin_map(sp);
    sp->key(sp, "lang");
    sp_str(sp, info->lang);
    sp->key(sp, "invalid_bytes");
    sp->integer(sp, (long long)info->invalid_bytes);
    sp->key(sp, "tokens");
    sp->begin_list(sp);
    for (size_t i = 0; i < t->n; i++) {
        const tok *x = &t->v[i];
        sp->begin_map(sp);
        sp->key(sp, "text");
        sp->string(sp, text + x->start, x->end - x->start);
        sp->key(sp, "start");
        sp->integer(sp, (long long)x->start);
        sp->key(sp, "end");
        sp->integer(sp, (long long)x->end);
        sp->key(sp, "position");
        sp->integer(sp, x->position);
        sp->key(sp, "type");
        sp_str(sp, kind_name(x->kind));
        sp->key(sp, "term");
        sp_str(sp, t->strings + x->term);
        sp->key(sp, "stem");
        sp_str(sp, x->stem == (size_t)-1 ? NULL : t->strings + x->stem);
        sp->end(sp);
    }
    sp->end(sp);
    sp->end(sp);
    sp->finish(sp);
}

/* Columns on a terminal: characters, ideographs counting two. */
static size_t width(const char *s, size_t n)
{
    size_t w = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char b = (unsigned char)s[i];
        if ((b & 0xC0) == 0x80)
            continue;
        w += (b >= 0xE3 && b <= 0xED) || b >= 0xF0 ? 2 : 1;
    }
    return w;
}

static void cell(const char *s, size_t n, size_t w)
{
    fwrite(s, 1, n, stdout);
    for (size_t k = width(s, n); k < w; k++)
        putchar(' ');
}

static void print_table(const char *text, const toks *t, const evs_analysis_info *info,
                        int given)
{
    if (info->lang)
        printf("language: %s (%s)%s\n", info->lang, given ? "given" : "detected",
               info->stemmed ? "" : ", no stemmer for it: terms only");
    else
        printf("language: not detected (give one with --lang): terms only\n");
    if (info->invalid_bytes)
        printf("invalid UTF-8: %zu byte%s passed over\n", info->invalid_bytes,
               info->invalid_bytes == 1 ? "" : "s");
    if (t->n == 0) {
        printf("no tokens\n");
        return;
    }
    size_t wt = strlen("text"), wterm = strlen("term");
    for (size_t i = 0; i < t->n; i++) {
        size_t a = width(text + t->v[i].start, t->v[i].end - t->v[i].start);
        size_t b = width(t->strings + t->v[i].term, strlen(t->strings + t->v[i].term));
        wt = a > wt ? a : wt;
        wterm = b > wterm ? b : wterm;
    }
    printf("%5s %6s %6s  ", "pos", "start", "end");
    cell("text", 4, wt + 2);
    cell("term", 4, wterm + 2);
    printf("stem\n");
    for (size_t i = 0; i < t->n; i++) {
        const tok *x = &t->v[i];
        const char *term = t->strings + x->term;
        printf("%5u %6zu %6zu  ", (unsigned)x->position, x->start, x->end);
        cell(text + x->start, x->end - x->start, wt + 2);
        cell(term, strlen(term), wterm + 2);
        if (x->kind != EVS_TOKEN_WORD)
            printf("(whole %s)\n", kind_name(x->kind));
        else
            printf("%s\n", x->stem == (size_t)-1 ? "-" : t->strings + x->stem);
    }
}

/* ------------------------------------------------------------ running */

static int analyze_one(const char *text, size_t len, const char *lang, sprinter *sp)
{
    toks t = { 0 };
    evs_analysis_info info;
    evs_status st = evs_analyze(text, len, lang, collect, &t, &info);
    int rc = 0;
    if (st != EVS_OK || t.oom) {
        fprintf(stderr, "evindex: %s\n", evs_status_str(st != EVS_OK ? st : EVS_NOMEM));
        rc = -1;
    } else if (sp) {
        print_json(sp, text, &t, &info);
    } else {
        print_table(text, &t, &info, lang != NULL);
    }
    free(t.v);
    free(t.strings);
    return rc;
}

static void usage(FILE *to)
{
    fputs("Usage: evindex --analyze [--lang CODE] [--json] [TEXT...]\n"
          "Show how evsearch reads a text: its language and every token, with\n"
          "its byte offsets, exact term (case and accents folded) and stem.\n"
          "\n"
          "With TEXT (the words joined by spaces), a table on a terminal, else one\n"
          "JSON object.  Without TEXT, standard input is read one text a line, and\n"
          "one JSON object is printed a line:\n"
          "  {\"lang\":\"fr\",\"invalid_bytes\":0,\"tokens\":[{\"text\":\"Chaînes\",\n"
          "   \"start\":0,\"end\":8,\"position\":0,\"type\":\"word\",\"term\":\"chaines\",\n"
          "   \"stem\":\"chain\"}]}\n"
          "Offsets are bytes into the text (a line, without its line break); type is\n"
          "word, email or url (an address is also given whole, at the position of\n"
          "its first word); stem is null when there is no stemmer for the language.\n"
          "\n"
          "Options:\n"
          "  --lang CODE  the language (ISO 639-1: en, fr, de, ...), instead of\n"
          "               detecting it from the text\n"
          "  --json       JSON even on a terminal\n"
          "  -h, --help   show this help\n", to);
}

static int valid_lang(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > 32)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
              (s[i] >= '0' && s[i] <= '9') || s[i] == '_' || s[i] == '-'))
            return 0;
    return 1;
}

int evindex_wants_analyze(int argc, char **argv)
{
    for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++)
        if (strcmp(argv[i], "--analyze") == 0)
            return 1;
    return 0;
}

int evindex_analyze_main(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "analyze", no_argument, NULL, 'a' },
        { "lang", required_argument, NULL, 'l' },
        { "json", no_argument, NULL, 'j' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    const char *lang = NULL;
    int json = 0, c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        switch (c) {
        case 'a': break;
        case 'l':
            if (!valid_lang(optarg)) {
                fprintf(stderr, "evindex: --lang %s: expected a language code such as "
                                "en, fr or de\n", optarg);
                return EXIT_USAGE;
            }
            lang = optarg;
            break;
        case 'j': json = 1; break;
        case 'h': usage(stdout); return 0;
        default:
            fputs("evindex: --analyze takes only --lang CODE and --json\n", stderr);
            usage(stderr);
            return EXIT_USAGE;
        }
    }

    int rc = 0;
    sprinter *sp = NULL;
    if (optind < argc) {
        /* one text: the arguments joined by spaces */
        size_t len = 0;
        for (int i = optind; i < argc; i++)
            len += strlen(argv[i]) + 1;
        char *text = malloc(len);
        if (!text) {
            fputs("evindex: out of memory\n", stderr);
            return EXIT_USAGE;
        }
        size_t at = 0;
        for (int i = optind; i < argc; i++) {
            size_t n = strlen(argv[i]);
            if (at)
                text[at++] = ' ';
            memcpy(text + at, argv[i], n);
            at += n;
        }
        if (json || !isatty(STDOUT_FILENO))
            sp = sprinter_json_new(stdout);
        if ((json || !isatty(STDOUT_FILENO)) && !sp) {
            fputs("evindex: out of memory\n", stderr);
            rc = -1;
        } else {
            rc = analyze_one(text, at, lang, sp);
        }
        free(text);
    } else {
        /* one text a line from standard input */
        if (!(sp = sprinter_json_new(stdout))) {
            fputs("evindex: out of memory\n", stderr);
            return EXIT_USAGE;
        }
        char *line = NULL;
        size_t cap = 0;
        ssize_t n;
        while (rc == 0 && (n = getline(&line, &cap, stdin)) >= 0) {
            size_t len = (size_t)n;
            if (len && line[len - 1] == '\n')
                len--;
            if (len && line[len - 1] == '\r')
                len--;
            rc = analyze_one(line, len, lang, sp);
        }
        if (ferror(stdin)) {
            perror("evindex: standard input");
            rc = -1;
        }
        free(line);
    }
    if (sp)
        sp->destroy(sp);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        perror("evindex: standard output");
        rc = -1;
    }
    return rc == 0 ? 0 : EXIT_USAGE;
}
