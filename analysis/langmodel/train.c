/*
 * train.c — builds the language identification model (langid.bin) from
 * text per language; build-model runs it (see README.md, and langid.h for
 * what the model is).
 *
 *   evs-langmodel-train [--out FILE] --text DIR [--words DIR] [--dev DIR]
 *                       [options] LANG...
 *
 * DIR/LANG.txt is running text, one piece per line (a line is read as a
 * text of its own: it starts and ends at a word boundary).  --words DIR
 * adds DIR/LANG.txt, a word list (one word per line, each word once), whose
 * features count --words-weight each (default 0.3): a word list knows many
 * words but not how often they occur, so it supplements the running text.
 *
 * For each language the model lists every character seen at least twice,
 * and of the n-grams of each longer order at most --keepN (N = 2, 3, 4;
 * defaults: 15000, 6000, 15000) seen at least twice: those that tell most,
 * ranked by count times how far their log relative frequency is from what
 * backing off to the next order would give.  Words: the --keep-words most
 * frequent (default 8000).  --backoff (default 0.4) is the penalty factor
 * per order backed off, --word-weight (default 0.5) the weight of word
 * evidence.  --bucket-bits (default 14) sizes the hash index.  These were
 * chosen on held-out text (--dev), for accuracy within about 2 MB.
 *
 * --dev DIR evaluates the model it built on DIR/LANG.txt (held-out text, never
 * the test set): paragraphs (consecutive lines joined up to --para bytes,
 * default 200) and the first four words of each line of four words or more,
 * printing the accuracy and the confusions.  The first --dev-lines lines
 * (default 4000) of each file are used.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/langid.h"

/* ------------------------------------------------------------ options */

static const char *opt_out, *opt_text, *opt_words, *opt_dev;
static double opt_words_weight = 0.3;
static size_t opt_keep = 15000;
static size_t opt_keep_words = 8000;
/* Per order (index n - 1), 0: opt_keep. */
static size_t opt_keep_order[LANGID_ORDERS] = { 0, 0, 6000, 0 };
static double opt_min_count = 2;
static double opt_backoff = 0.4;
static double opt_word_weight = 0.5;
static unsigned opt_bucket_bits = 14;
static size_t opt_max_text = 0;         /* bytes of text per language; 0: all */
static size_t opt_para = 200;
static size_t opt_dev_lines = 4000;
static int opt_verbose;

/* Characters no order lists: as if a unigram of an alphabet of 200, backed
 * off from the top order. */
#define UNSEEN_ALPHABET 200.0

static void die(const char *what)
{
    fprintf(stderr, "evs-langmodel-train: %s%s%s\n", what, errno ? ": " : "",
            errno ? strerror(errno) : "");
    exit(1);
}

static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        die("out of memory");
    return p;
}

static void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size);
    if (!p)
        die("out of memory");
    return p;
}

/* -------------------------------------------------------- count table */

typedef struct gram {
    uint64_t h;         /* 0: empty slot */
    uint64_t suffix;    /* n-grams: the hash of the n-gram one shorter */
    uint64_t context;   /* n-grams: the hash of the one before it */
    double count;       /* as a feature */
    double as_context;  /* n-grams: occurrences followed by a character */
    double rank;
    int kind;           /* 0..LANGID_KINDS-1; -1 for an entry made as a context */
} gram;

typedef struct table {
    gram *slots;
    size_t cap, used;
} table;

static gram *table_get(table *t, uint64_t h);

static void table_grow(table *t)
{
    table old = *t;
    t->cap = old.cap ? old.cap * 2 : (1u << 16);
    t->slots = xcalloc(t->cap, sizeof *t->slots);
    t->used = 0;
    for (size_t i = 0; i < old.cap; i++)
        if (old.slots[i].h)
            *table_get(t, old.slots[i].h) = old.slots[i];
    free(old.slots);
}

/* The entry of h, made (kind -1, zero counts) if there is none. */
static gram *table_get(table *t, uint64_t h)
{
    if (h == 0)
        h = 1;
    if ((t->used + 1) * 4 > t->cap * 3)
        table_grow(t);
    size_t i = (size_t)(h ^ h >> 29) & (t->cap - 1);
    while (t->slots[i].h && t->slots[i].h != h)
        i = (i + 1) & (t->cap - 1);
    if (!t->slots[i].h) {
        t->slots[i].h = h;
        t->slots[i].kind = -1;
        t->used++;
    }
    return &t->slots[i];
}

static gram *table_find(const table *t, uint64_t h)
{
    if (h == 0)
        h = 1;
    if (!t->cap)
        return NULL;
    size_t i = (size_t)(h ^ h >> 29) & (t->cap - 1);
    while (t->slots[i].h && t->slots[i].h != h)
        i = (i + 1) & (t->cap - 1);
    return t->slots[i].h ? &t->slots[i] : NULL;
}

static void count_text(table *t, const char *s, size_t len, double w)
{
    langid_stream st;
    langid_grams g, prev = { .count = 0 };
    size_t cursor = 0;
    langid_stream_init(&st);
    while (langid_stream_next(&st, s, len, &cursor, &g, NULL)) {
        for (unsigned n = g.first; n < g.count; n++) {
            gram *e = table_get(t, g.h[n]);
            e->kind = (int)n;
            e->count += w;
            if (n > 0) {
                e->suffix = g.h[n - 1];
                /* n < g.count means the stream had n characters before. */
                e->context = prev.h[n - 1];
                table_get(t, prev.h[n - 1])->as_context += w;
            }
        }
        if (g.word) {
            gram *e = table_get(t, g.h[LANGID_WORD]);
            e->kind = LANGID_WORD;
            e->count += w;
        }
        prev = g;
    }
}

/* Calls fn for each line of path (without its newline); 0 if the file does
 * not exist and may be missing, else dies. */
static int each_line(const char *path, int may_miss, size_t max_bytes,
                     void (*fn)(void *, const char *, size_t), void *ctx)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        if (may_miss && errno == ENOENT)
            return 0;
        die(path);
    }
    char *line = NULL;
    size_t cap = 0, total = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, f)) > 0) {
        if (line[n - 1] == '\n')
            line[--n] = '\0';
        if (n == 0)
            continue;
        fn(ctx, line, (size_t)n);
        total += (size_t)n + 1;
        if (max_bytes && total >= max_bytes)
            break;
    }
    free(line);
    fclose(f);
    return 1;
}

typedef struct count_ctx {
    table *t;
    double w;
} count_ctx;

static void count_line(void *ctx, const char *s, size_t len)
{
    count_ctx *c = ctx;
    count_text(c->t, s, len, c->w);
}

/* ------------------------------------------------------------- model */

typedef struct kept {
    uint64_t h;
    int lang;
    int kind;
    double logp;        /* n-grams: log relative frequency; words: log p */
} kept;

typedef struct kept_list {
    kept *v;
    size_t n, cap;
} kept_list;

static void keep(kept_list *k, kept x)
{
    if (k->n == k->cap) {
        k->cap = k->cap ? k->cap * 2 : 1 << 20;
        k->v = realloc(k->v, k->cap * sizeof *k->v);
        if (!k->v)
            die("out of memory");
    }
    k->v[k->n++] = x;
}

static int by_rank_desc(const void *a, const void *b)
{
    const gram *x = *(const gram *const *)a, *y = *(const gram *const *)b;
    if (x->rank != y->rank)
        return x->rank < y->rank ? 1 : -1;
    return x->h < y->h ? -1 : x->h > y->h;
}

static int by_key(const void *a, const void *b)
{
    const kept *x = a, *y = b;
    uint64_t mask = ((uint64_t)1 << opt_bucket_bits) - 1;
    uint64_t bx = x->h & mask, by = y->h & mask;
    if (bx != by)
        return bx < by ? -1 : 1;
    uint16_t fx = (uint16_t)(x->h >> 48), fy = (uint16_t)(y->h >> 48);
    if (fx != fy)
        return fx < fy ? -1 : 1;
    if (x->h != y->h)
        return x->h < y->h ? -1 : 1;
    return x->lang - y->lang;
}

/* Log relative frequency of an n-gram: c(hc) / c(h), or for unigrams the
 * share of all unigrams. */
static double log_rel(const table *t, const gram *e, double unigrams)
{
    if (e->kind == 0)
        return log(e->count / unigrams);
    const gram *c = table_find(t, e->context);
    double den = c && c->as_context >= e->count ? c->as_context : e->count;
    return log(e->count / den);
}

/* Counts one language and keeps what it lists; *word_floor receives the
 * log probability of a word it does not list. */
static void train_lang(int li, const char *lang, kept_list *ks, float *word_floor)
{
    table t = { 0 };
    char path[4096];
    count_ctx c = { &t, 1.0 };
    snprintf(path, sizeof path, "%s/%s.txt", opt_text, lang);
    each_line(path, 0, opt_max_text, count_line, &c);
    if (opt_words && opt_words_weight > 0) {
        c.w = opt_words_weight;
        snprintf(path, sizeof path, "%s/%s.txt", opt_words, lang);
        each_line(path, 1, 0, count_line, &c);
    }

    double total[LANGID_KINDS] = { 0 };
    size_t distinct[LANGID_KINDS] = { 0 }, n = 0;
    gram **all = xmalloc((t.used ? t.used : 1) * sizeof *all);
    for (size_t i = 0; i < t.cap; i++) {
        gram *e = &t.slots[i];
        if (!e->h || e->kind < 0)
            continue;
        total[e->kind] += e->count;
        distinct[e->kind]++;
        all[n++] = e;
    }
    /* Words: p = (c + 0.1) / (N + 0.1 × 10^6), as if a million words
     * existed; an unlisted word counts 0.1. */
    double wden = total[LANGID_WORD] + 1e5;
    *word_floor = (float)log(0.1 / wden);
    double unseen = log(1.0 / UNSEEN_ALPHABET);
    for (size_t i = 0; i < n; i++) {
        gram *e = all[i];
        if (e->kind == LANGID_WORD) {
            e->rank = e->count;
        } else if (e->kind == 0) {
            e->rank = e->count;
        } else {
            /* What backing off would give instead. */
            const gram *sf = table_find(&t, e->suffix);
            double alt = sf && sf->kind >= 0 ? log_rel(&t, sf, total[0]) : unseen;
            alt += log(opt_backoff);
            e->rank = e->count * fabs(log_rel(&t, e, total[0]) - alt);
        }
    }
    qsort(all, n, sizeof *all, by_rank_desc);

    size_t taken[LANGID_KINDS] = { 0 };
    for (size_t i = 0; i < n; i++) {
        gram *e = all[i];
        size_t cap = e->kind == LANGID_WORD ? opt_keep_words : e->kind == 0 ? (size_t)-1
                   : opt_keep_order[e->kind] ? opt_keep_order[e->kind] : opt_keep;
        if (e->count < opt_min_count || taken[e->kind] >= cap)
            continue;
        taken[e->kind]++;
        double lp = e->kind == LANGID_WORD ? log((e->count + 0.1) / wden)
                                           : log_rel(&t, e, total[0]);
        keep(ks, (kept){ e->h, li, e->kind, lp });
    }
    if (opt_verbose) {
        fprintf(stderr, "%s:", lang);
        for (int o = 0; o < LANGID_KINDS; o++)
            fprintf(stderr, " [%d] %.0f, %zu distinct, kept %zu", o + 1, total[o],
                    distinct[o], taken[o]);
        fprintf(stderr, "\n");
    }
    free(all);
    free(t.slots);
}

typedef struct out {
    unsigned char *data;
    size_t len, cap;
} out;

static void put(out *o, const void *p, size_t n)
{
    if (o->len + n > o->cap) {
        o->cap = (o->len + n) * 2;
        o->data = realloc(o->data, o->cap);
        if (!o->data)
            die("out of memory");
    }
    memcpy(o->data + o->len, p, n);
    o->len += n;
}

static void put32(out *o, uint32_t v)
{
    unsigned char b[4] = { (unsigned char)v, (unsigned char)(v >> 8),
                           (unsigned char)(v >> 16), (unsigned char)(v >> 24) };
    put(o, b, 4);
}

static void put16(out *o, uint16_t v)
{
    unsigned char b[2] = { (unsigned char)v, (unsigned char)(v >> 8) };
    put(o, b, 2);
}

static void putf(out *o, float f)
{
    uint32_t u;
    memcpy(&u, &f, sizeof u);
    put32(o, u);
}

static void build(char **langs, int nlangs, out *o)
{
    kept_list ks = { 0 };
    float word_floor[LANGID_MAX_LANGS];
    for (int l = 0; l < nlangs; l++)
        train_lang(l, langs[l], &ks, &word_floor[l]);
    qsort(ks.v, ks.n, sizeof *ks.v, by_key);

    /* Stored values: n-grams -log p, words log p above the floor, in
     * LANGID_MAX_VALUE steps per kind up to the widest. */
    double step[LANGID_KINDS] = { 0 };
    for (size_t i = 0; i < ks.n; i++) {
        const kept *k = &ks.v[i];
        double v = k->kind == LANGID_WORD ? k->logp - word_floor[k->lang] : -k->logp;
        if (v / LANGID_MAX_VALUE > step[k->kind])
            step[k->kind] = v / LANGID_MAX_VALUE;
    }
    for (int n = 0; n < LANGID_KINDS; n++)
        if (!(step[n] > 1e-4))
            step[n] = 0.1;

    /* Keys: one per distinct hash; two hashes with the same bucket and
     * fingerprint would be one key to the reader, so the later is dropped. */
    size_t nb = (size_t)1 << opt_bucket_bits;
    uint32_t *bkeys = xcalloc(nb + 1, sizeof *bkeys);
    uint32_t *bposts = xcalloc(nb + 1, sizeof *bposts);
    uint16_t *fps = xmalloc(ks.n * sizeof *fps);
    uint16_t *posts = xmalloc(ks.n * sizeof *posts);
    size_t nkeys = 0, npost = 0, dropped = 0;
    size_t per_kind[LANGID_KINDS] = { 0 };
    uint32_t last_b = 0;
    for (size_t i = 0; i < ks.n;) {
        size_t j = i;
        while (j < ks.n && ks.v[j].h == ks.v[i].h)
            j++;
        uint32_t b = (uint32_t)(ks.v[i].h & (nb - 1));
        uint16_t fp = (uint16_t)(ks.v[i].h >> 48);
        if (nkeys > 0 && last_b == b && fps[nkeys - 1] == fp) {
            dropped++;
            i = j;
            continue;
        }
        size_t p0 = npost;
        for (size_t k = i; k < j; k++) {
            const kept *x = &ks.v[k];
            double v = x->kind == LANGID_WORD ? x->logp - word_floor[x->lang] : -x->logp;
            long q = lround(v / step[x->kind]);

            if (q > LANGID_MAX_VALUE)
                q = LANGID_MAX_VALUE;
            if (q < 0 || (q == 0 && x->kind == LANGID_WORD))
                continue;
            posts[npost++] = (uint16_t)(x->lang << LANGID_VALUE_BITS | q);
            per_kind[x->kind]++;
        }
        if (npost > p0) {
            bkeys[b + 1]++;
            bposts[b + 1] += (uint32_t)(npost - p0);
            fps[nkeys] = fp;
            posts[npost - 1] |= 1u << (LANGID_VALUE_BITS + 5);   /* the key's last */
            nkeys++;
            last_b = b;
        }
        i = j;
    }
    for (size_t b = 0; b < nb; b++) {
        bkeys[b + 1] += bkeys[b];
        bposts[b + 1] += bposts[b];
    }

    put(o, LANGID_MAGIC, 8);
    put32(o, (uint32_t)nlangs);
    put32(o, LANGID_KINDS);
    put32(o, opt_bucket_bits);
    put32(o, (uint32_t)nkeys);
    put32(o, (uint32_t)npost);
    put32(o, 0);
    for (int k = 0; k < LANGID_KINDS; k++)
        putf(o, (float)step[k]);
    putf(o, (float)log(opt_backoff));
    putf(o, (float)(log(1.0 / UNSEEN_ALPHABET) + LANGID_ORDERS * log(opt_backoff)));
    putf(o, (float)opt_word_weight);
    for (int l = 0; l < nlangs; l++) {
        char code[4] = { 0 };
        strncpy(code, langs[l], 3);
        put(o, code, 4);
        putf(o, word_floor[l]);
    }
    for (size_t b = 0; b <= nb; b++) {
        put32(o, bkeys[b]);
        put32(o, bposts[b]);
    }
    for (size_t k = 0; k < nkeys; k++)
        put16(o, fps[k]);
    /* LANGID_POSTING_BITS each, from the low bits of each byte up, then 4
     * bytes. */
    size_t nbytes = (npost * LANGID_POSTING_BITS + 7) / 8 + 4;
    unsigned char *packed = xcalloc(nbytes, 1);
    for (size_t p = 0; p < npost; p++)
        for (unsigned i = 0; i < LANGID_POSTING_BITS; i++)
            if (posts[p] >> i & 1) {
                size_t bit = p * LANGID_POSTING_BITS + i;
                packed[bit / 8] |= (unsigned char)(1u << (bit % 8));
            }
    put(o, packed, nbytes);
    free(packed);
    fprintf(stderr, "model: %d languages, %zu keys, %zu postings (", nlangs, nkeys, npost);
    for (int k = 0; k < LANGID_KINDS; k++)
        fprintf(stderr, "%s%zu", k ? " " : "", per_kind[k]);
    fprintf(stderr, " per kind), %zu bytes; %zu colliding keys dropped\n", o->len, dropped);
    free(ks.v);
    free(bkeys);
    free(bposts);
    free(fps);
    free(posts);
}

/* ---------------------------------------------------------------- dev */

typedef struct sample {
    char *text;
    int lang;
} sample;

typedef struct samples {
    sample *v;
    size_t n, cap;
} samples;

static void add_sample(samples *s, const char *text, size_t len, int lang)
{
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 1024;
        s->v = realloc(s->v, s->cap * sizeof *s->v);
        if (!s->v)
            die("out of memory");
    }
    char *t = xmalloc(len + 1);
    memcpy(t, text, len);
    t[len] = '\0';
    s->v[s->n++] = (sample){ t, lang };
}

typedef struct dev_ctx {
    samples *para, *words;
    int lang;
    char *acc;
    size_t acc_len, lines;
} dev_ctx;

static void dev_line(void *ctx, const char *s, size_t len)
{
    dev_ctx *d = ctx;
    if (d->lines++ >= opt_dev_lines)
        return;
    /* Paragraphs: lines joined until opt_para bytes. */
    d->acc = realloc(d->acc, d->acc_len + len + 2);
    if (!d->acc)
        die("out of memory");
    if (d->acc_len)
        d->acc[d->acc_len++] = ' ';
    memcpy(d->acc + d->acc_len, s, len);
    d->acc_len += len;
    if (d->acc_len >= opt_para) {
        add_sample(d->para, d->acc, d->acc_len, d->lang);
        d->acc_len = 0;
    }
    /* The first four words of a line of four or more. */
    size_t i = 0, words = 0;
    while (i < len && words < 4) {
        while (i < len && (s[i] == ' ' || s[i] == '\t'))
            i++;
        if (i == len)
            break;
        while (i < len && s[i] != ' ' && s[i] != '\t')
            i++;
        words++;
    }
    if (words == 4)
        add_sample(d->words, s, i, d->lang);
}

static void evaluate(const langid_model *m, const char *name, const samples *s,
                     int nlangs, char **langs)
{
    size_t good = 0, none = 0;
    size_t *conf = xcalloc((size_t)nlangs * (size_t)(nlangs + 1), sizeof *conf);
    size_t *per = xcalloc((size_t)nlangs, sizeof *per);
    for (size_t i = 0; i < s->n; i++) {
        langid_result r;
        langid_score(m, s->v[i].text, strlen(s->v[i].text), &r);
        /* As the library decides: none when too little to tell. */
        int best = langid_best(m, &r, (uint32_t)(((uint64_t)1 << nlangs) - 1), NULL);
        if (best < 0) {
            none++;
            best = nlangs;
        }
        per[s->v[i].lang]++;
        conf[(size_t)s->v[i].lang * (size_t)(nlangs + 1) + (size_t)best]++;
        if (best == s->v[i].lang)
            good++;
    }
    printf("%s: %zu of %zu right (%.2f%%), %zu undecided\n", name, good, s->n,
           s->n ? 100.0 * (double)good / (double)s->n : 0.0, none);
    for (int l = 0; l < nlangs; l++) {
        size_t ok = conf[(size_t)l * (size_t)(nlangs + 1) + (size_t)l];
        printf("  %s %5.1f%% of %4zu", langs[l], per[l] ? 100.0 * (double)ok / (double)per[l] : 0.0,
               per[l]);
        for (int k = 0; k <= nlangs; k++) {
            size_t c = conf[(size_t)l * (size_t)(nlangs + 1) + (size_t)k];
            if (k != l && c)
                printf("  %s:%zu", k == nlangs ? "none" : langs[k], c);
        }
        printf("\n");
    }
    free(conf);
    free(per);
}

static void dev(const langid_model *m, int nlangs, char **langs)
{
    samples para = { 0 }, words = { 0 };
    for (int l = 0; l < nlangs; l++) {
        char path[4096];
        dev_ctx d = { &para, &words, l, NULL, 0, 0 };
        snprintf(path, sizeof path, "%s/%s.txt", opt_dev, langs[l]);
        each_line(path, 1, 0, dev_line, &d);
        free(d.acc);
    }
    evaluate(m, "dev paragraphs", &para, nlangs, langs);
    evaluate(m, "dev four words", &words, nlangs, langs);
    for (size_t i = 0; i < para.n; i++)
        free(para.v[i].text);
    for (size_t i = 0; i < words.n; i++)
        free(words.v[i].text);
    free(para.v);
    free(words.v);
}

/* --------------------------------------------------------------- main */

int main(int argc, char **argv)
{
    int i = 1;
    for (; i < argc && strncmp(argv[i], "--", 2) == 0; i++) {
        const char *o = argv[i];
        if (strcmp(o, "--verbose") == 0) {
            opt_verbose = 1;
            continue;
        }

        if (i + 1 >= argc)
            die("an option wants a value");
        const char *v = argv[++i];
        if (strcmp(o, "--out") == 0) opt_out = v;
        else if (strcmp(o, "--text") == 0) opt_text = v;
        else if (strcmp(o, "--words") == 0) opt_words = v;
        else if (strcmp(o, "--dev") == 0) opt_dev = v;
        else if (strcmp(o, "--words-weight") == 0) opt_words_weight = atof(v);
        else if (strcmp(o, "--keep") == 0) opt_keep = (size_t)atol(v);
        else if (strcmp(o, "--keep-words") == 0) opt_keep_words = (size_t)atol(v);
        else if (strcmp(o, "--backoff") == 0) opt_backoff = atof(v);
        else if (strncmp(o, "--keep", 6) == 0 && o[6] >= '2' && o[6] < '1' + LANGID_ORDERS && !o[7])
            opt_keep_order[o[6] - '1'] = (size_t)atol(v);
        else if (strcmp(o, "--word-weight") == 0) opt_word_weight = atof(v);
        else if (strcmp(o, "--min-count") == 0) opt_min_count = atof(v);
        else if (strcmp(o, "--bucket-bits") == 0) opt_bucket_bits = (unsigned)atoi(v);
        else if (strcmp(o, "--max-text") == 0) opt_max_text = (size_t)atol(v);
        else if (strcmp(o, "--para") == 0) opt_para = (size_t)atol(v);
        else if (strcmp(o, "--dev-lines") == 0) opt_dev_lines = (size_t)atol(v);
        else {
            errno = 0;
            die("unknown option (see the comment at the top of train.c)");
        }
    }
    int nlangs = argc - i;
    char **langs = argv + i;
    errno = 0;
    if (!opt_text || nlangs < 1 || nlangs > LANGID_MAX_LANGS)
        die("usage: evs-langmodel-train --out FILE --text DIR [--words DIR] "
            "[--dev DIR] [options] LANG...");
    if (opt_bucket_bits < 8 || opt_bucket_bits > 24)
        die("--bucket-bits must be 8..24");

    out o = { 0 };
    build(langs, nlangs, &o);
    langid_model m;
    if (langid_model_open(&m, o.data, o.len) < 0) {
        errno = 0;
        die("the model built does not read back");
    }
    if (opt_dev)
        dev(&m, nlangs, langs);
    langid_model_close(&m);
    if (opt_out) {
        FILE *f = fopen(opt_out, "wb");
        if (!f || fwrite(o.data, 1, o.len, f) != o.len || fclose(f) != 0)
            die(opt_out);
    }
    free(o.data);
    return 0;
}
