/*
 * analysis_speed.c — throughput of the text analysis pipeline, in MB/s of
 * input text, on one core.
 *
 *   analysis_speed [-m MB] [-r ROUNDS] [-l LANG] [-s STAGE] [PATH...]
 *
 * PATHs are files or directories (read recursively: *.txt, *.yaml, *.yml);
 * by default the sample corpus ($EVS_SOURCE_DIR/corpus, else ./corpus).
 * Their text is concatenated, over and over, into about MB megabytes
 * (default 16), and then timed in three stages, each the best of ROUNDS
 * runs (default 3), in CPU time of one thread (so: MB/s per core):
 *
 *   tokenise   txt_next_word over the whole text
 *   fold       the same, plus txt_fold of every word (the exact terms)
 *   analyze    txt_analyze with a stemmer for LANG (default en): terms,
 *              stems, positions, whole e-mail addresses and URLs
 *
 * -s runs one stage only (tokenise, fold or analyze), for profiling.
 *
 * This is a measuring program, not a timed test: ctest runs it on a small
 * input only to see that it works (exit 0 when every stage found words).
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "analysis/analysis.h"

/* CPU time of this thread: MB/s per core, whatever else the machine runs. */
static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int wanted(const char *name)
{
    const char *dot = strrchr(name, '.');
    return dot && (!strcmp(dot, ".txt") || !strcmp(dot, ".yaml") || !strcmp(dot, ".yml"));
}

static int read_file(const char *path, buf *out, unsigned *files)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        return -1;
    }
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        if (buf_append(out, chunk, n) < 0) {
            fclose(f);
            return -1;
        }
    fclose(f);
    (*files)++;
    return buf_putc(out, '\n');
}

static int read_path(const char *path, buf *out, unsigned *files, int named)
{
    struct stat sb;
    if (stat(path, &sb) != 0) {
        perror(path);
        return -1;
    }
    if (!S_ISDIR(sb.st_mode))
        return named || wanted(path) ? read_file(path, out, files) : 0;
    struct dirent **names;
    int n = scandir(path, &names, NULL, alphasort);
    if (n < 0) {
        perror(path);
        return -1;
    }
    int rc = 0;
    for (int i = 0; i < n; i++) {
        if (rc == 0 && names[i]->d_name[0] != '.') {
            buf child = BUF_INIT;
            rc = buf_printf(&child, "%s/%s", path, names[i]->d_name);
            if (rc == 0)
                rc = read_path(child.data, out, files, 0);
            buf_free(&child);
        }
        free(names[i]);
    }
    free(names);
    return rc;
}

typedef struct sink {
    size_t tokens, bytes, stems, whole;
} sink;

static int on_token(void *ctx, const txt_token *t)
{
    sink *s = ctx;
    s->tokens++;
    s->bytes += t->term_len;
    s->stems += t->stem != NULL;
    s->whole += t->kind != TXT_WORD;
    return 0;
}

static void report(const char *what, size_t len, double secs, size_t count,
                   const char *unit)
{
    printf("%-10s %8.1f MB/s  (%zu %s)\n", what, (double)len / 1e6 / secs, count, unit);
}

int main(int argc, char **argv)
{
    double mb = 16;
    int rounds = 3;
    const char *lang = "en", *stage = NULL;
    int c;
    while ((c = getopt(argc, argv, "m:r:l:s:h")) != -1) {
        switch (c) {
        case 'm': mb = atof(optarg); break;
        case 'r': rounds = atoi(optarg); break;
        case 'l': lang = optarg; break;
        case 's': stage = optarg; break;
        default:
            fprintf(stderr, "usage: %s [-m MB] [-r ROUNDS] [-l LANG] [-s STAGE] [PATH...]\n",
                    argv[0]);
            return c == 'h' ? 0 : 2;
        }
    }
    if (mb <= 0 || rounds < 1) {
        fputs("analysis_speed: -m and -r must be positive\n", stderr);
        return 2;
    }

    buf one = BUF_INIT;
    unsigned files = 0;
    if (optind < argc) {
        for (int i = optind; i < argc; i++)
            if (read_path(argv[i], &one, &files, 1) < 0)
                return 2;
    } else {
        const char *src = getenv("EVS_SOURCE_DIR");
        buf dir = BUF_INIT;
        if (buf_printf(&dir, "%s/corpus", src ? src : ".") < 0 ||
            read_path(dir.data, &one, &files, 0) < 0)
            return 2;
        buf_free(&dir);
    }
    if (one.len == 0) {
        fputs("analysis_speed: no text to read\n", stderr);
        return 2;
    }
    size_t want = (size_t)(mb * 1e6);
    buf text = BUF_INIT;
    while (text.len < want)
        if (buf_append(&text, one.data, one.len) < 0) {
            fputs("analysis_speed: out of memory\n", stderr);
            return 2;
        }
    buf_free(&one);
    printf("input      %.1f MB (%u files, repeated), language %s, best of %d\n",
           (double)text.len / 1e6, files, lang, rounds);

    const char *t = text.data;
    size_t len = text.len;
    double best;
    int ok = 1;

    /* tokenise only */
    size_t words = 0, invalid = 0;
    best = 1e30;
    for (int r = 0; r < rounds && (!stage || !strcmp(stage, "tokenise")); r++) {
        double t0 = now();
        size_t cur = 0, n = 0;
        txt_span w;
        invalid = 0;
        while (txt_next_word(t, len, &cur, &w, &invalid))
            n++;
        double dt = now() - t0;
        if (dt < best)
            best = dt;
        words = n;
    }
    if (!stage || !strcmp(stage, "tokenise")) {
        report("tokenise", len, best, words, "words");
        ok &= words > 0;
    }

    /* tokenise and fold every word */
    buf term = BUF_INIT;
    size_t folded = 0;
    best = 1e30;
    for (int r = 0; r < rounds && (!stage || !strcmp(stage, "fold")); r++) {
        double t0 = now();
        size_t cur = 0, bytes = 0;
        txt_span w;
        while (txt_next_word(t, len, &cur, &w, NULL)) {
            buf_clear(&term);
            if (txt_fold(t + w.start, w.end - w.start, &term) < 0) {
                fputs("analysis_speed: out of memory\n", stderr);
                return 2;
            }
            bytes += term.len;
        }
        double dt = now() - t0;
        if (dt < best)
            best = dt;
        folded = bytes;
    }
    if (!stage || !strcmp(stage, "fold")) {
        report("fold", len, best, folded, "term bytes");
        ok &= folded > 0;
    }
    buf_free(&term);

    /* the whole pipeline, with stems */
    txt_analyzer *a = txt_analyzer_new(lang);
    if (!a) {
        fputs("analysis_speed: out of memory\n", stderr);
        return 2;
    }
    sink s = { 0 };
    best = 1e30;
    if (stage && strcmp(stage, "analyze") != 0) {
        txt_analyzer_free(a);
        buf_free(&text);
        return ok ? 0 : 1;
    }
    for (int r = 0; r < rounds; r++) {
        sink x = { 0 };
        double t0 = now();
        if (txt_analyze(a, t, len, on_token, &x, NULL) != 0) {
            fputs("analysis_speed: out of memory\n", stderr);
            return 2;
        }
        double dt = now() - t0;
        if (dt < best)
            best = dt;
        s = x;
    }
    char label[32];
    snprintf(label, sizeof label, "analyze/%s", lang);
    report(label, len, best, s.tokens, "tokens");
    txt_analyzer_stats st;
    txt_analyzer_get_stats(a, &st);
    printf("           %zu with a stem, %zu whole e-mails/URLs; stem cache %.1f%% hits "
           "(%llu lookups, %zu slots)\n", s.stems, s.whole,
           st.lookups ? 100.0 * (double)st.hits / (double)st.lookups : 0.0,
           (unsigned long long)st.lookups, st.slots);
    printf("invalid    %zu bytes\n", invalid);
    ok &= s.tokens > 0 && (!txt_analyzer_stems(a) || s.stems > 0);
    txt_analyzer_free(a);
    buf_free(&text);
    return ok ? 0 : 1;
}
