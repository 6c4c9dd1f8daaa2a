/*
 * langid.c — n-gram features, the model blob and scoring (see langid.h).
 */
#include "langid.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

/* --------------------------------------------------------------- stream */

void langid_stream_init(langid_stream *s)
{
    memset(s, 0, sizeof *s);
}

/* The normalised form of code point c (see langid.h): a character, ' ' for
 * a separator, or 0 for nothing (a mark not after a letter joins the
 * separator before it).  *letter tells whether c is a letter. */
static uint32_t norm_char(int32_t c, int prev_letter, int *letter)
{
    *letter = 0;
    if (c < 0x80) {
        if (c >= 'a' && c <= 'z') {
            *letter = 1;
            return (uint32_t)c;
        }
        if (c >= 'A' && c <= 'Z') {
            *letter = 1;
            return (uint32_t)c + 32;
        }
        if ((c == '\'' || c == '-') && prev_letter)
            return (uint32_t)c;
        return ' ';
    }
    switch (utf8proc_category(c)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
        *letter = 1;
        return (uint32_t)utf8proc_tolower(c);
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
        /* A mark continues the letter before it. */
        *letter = prev_letter;
        return prev_letter ? (uint32_t)c : 0;
    default:
        break;
    }
    /* Apostrophes (’ ʼ ‘) and hyphens (‐ ‑) inside or after a word. */
    if (prev_letter && (c == 0x2019 || c == 0x02BC || c == 0x2018))
        return '\'';
    if (prev_letter && (c == 0x2010 || c == 0x2011))
        return '-';
    return ' ';
}

static uint64_t fmix(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

/* Pushes character ch and computes the n-grams ending with it. */
static void push(langid_stream *s, uint32_t ch, langid_grams *g)
{
    s->ring[s->pos % LANGID_ORDERS] = ch;
    s->pos++;
    s->last_space = ch == ' ';
    g->word = 0;
    if (ch != ' ') {
        s->word_hash = (s->word_hash ^ ch) * 0x100000001b3ULL;
        s->word_len++;
    } else {
        if (s->word_len >= LANGID_MIN_WORD) {
            g->h[LANGID_WORD] = fmix(s->word_hash ^ 0x9e3779b97f4a7c15ULL);
            g->word = 1;
        }
        s->word_hash = 0xcbf29ce484222325ULL;
        s->word_len = 0;
    }
    unsigned n = s->pos < LANGID_ORDERS ? s->pos : LANGID_ORDERS;
    uint64_t h = 0xcbf29ce484222325ULL;
    for (unsigned k = 0; k < n; k++) {
        h ^= s->ring[(s->pos - 1 - k) % LANGID_ORDERS];
        h *= 0x100000001b3ULL;
        g->h[k] = fmix(h + k);
    }
    g->count = n;
    g->first = ch == ' ';
}

int langid_stream_next(langid_stream *s, const char *text, size_t len,
                       size_t *cursor, langid_grams *g, size_t *letters)
{
    if (s->pos == 0) {          /* the opening space */
        push(s, ' ', g);
        return 1;
    }
    const unsigned char *t = (const unsigned char *)text;
    size_t i = *cursor;
    while (i < len) {
        int32_t c;
        if (t[i] < 0x80) {
            c = t[i++];
        } else {
            utf8proc_ssize_t n = utf8proc_iterate(t + i, (utf8proc_ssize_t)(len - i), &c);
            if (n <= 0) {
                i++;
                c = ' ';
            } else {
                i += (size_t)n;
            }
        }
        int letter;
        uint32_t ch = norm_char(c, s->prev_letter, &letter);
        s->prev_letter = letter;
        if (letter && letters)
            ++*letters;
        if (ch == 0 || (ch == ' ' && s->last_space))
            continue;
        push(s, ch, g);
        *cursor = i;
        return 1;
    }
    *cursor = i;
    if (!s->last_space) {       /* the closing space */
        push(s, ' ', g);
        return 1;
    }
    return 0;
}

/* ----------------------------------------------------------------- blob */

static uint32_t ld32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
           (uint32_t)p[3] << 24;
}

static uint16_t ld16(const unsigned char *p)
{
    return (uint16_t)(p[0] | p[1] << 8);
}

static float ldf(const unsigned char *p)
{
    uint32_t u = ld32(p);
    float f;
    memcpy(&f, &u, sizeof f);
    return f;
}

/*
 * Layout (little-endian):
 *   magic[8] "EVSLID05"
 *   u32 nlangs, u32 kinds (= LANGID_KINDS), u32 bucket_bits, u32 nkeys,
 *   u32 npostings, u32 flags,
 *   f32 step[kinds], f32 backoff, f32 unseen, f32 word_weight
 *   nlangs × { char code[4]; f32 word_floor }
 *   (2^bucket_bits + 1) × { u32 first key, u32 first posting }
 *   u16 fps[nkeys]            keys sorted by bucket (the hash's low bits),
 *                             then fingerprint (its top 16 bits)
 *   postings                  11 bits each, packed from the low bits of
 *                             each byte up: last << 10 | language << 5 |
 *                             value, where last marks the key's last
 *                             posting; then 4 bytes of padding
 */
#define HEADER (32 + 4 * LANGID_KINDS + 12)

#define LAST (1u << (LANGID_VALUE_BITS + 5))
#define LANG(v) ((v) >> LANGID_VALUE_BITS & 0x1F)
#define VALUE(v) ((v) & LANGID_MAX_VALUE)

static size_t packed_size(size_t npostings)
{
    return (npostings * LANGID_POSTING_BITS + 7) / 8 + 4;
}

static unsigned posting(const unsigned char *p, size_t i)
{
    size_t bit = i * LANGID_POSTING_BITS;
    return (unsigned)(ld32(p + bit / 8) >> (bit % 8)) & ((1u << LANGID_POSTING_BITS) - 1);
}

/* The units a key's entry takes in post: its postings, or for a key with
 * a table, the header and one byte per language. */
static size_t dense_units(const langid_model *m)
{
    return LANGID_DENSE_HEAD + (m->nlangs + 1) / 2;
}

/* Whether the key with postings post[a, b) gets its table: the mask of its
 * languages, else 0. */
static uint32_t dense_langs(const langid_model *m, uint32_t a, uint32_t b)
{
    if (b - a < LANGID_DENSE_MIN)
        return 0;
    uint32_t langs = 0;
    for (uint32_t q = a; q < b; q++) {
        uint32_t bit = 1u << (m->post[q] >> 8);
        if (langs & bit)
            return 0;   /* a language twice */
        langs |= bit;
    }
    return langs;
}

/* Rewrites post (and where each key's entry starts) so that each key with
 * LANGID_DENSE_MIN postings or more, no language twice, holds its table in
 * its entry (see langid.h); the others keep their postings. */
static int make_dense(langid_model *m)
{
    size_t units = 0;
    for (size_t k = 0; k < m->nkeys; k++) {
        uint32_t a = m->keys[k].first, b = m->keys[k + 1].first;
        units += dense_langs(m, a, b) ? dense_units(m) : b - a;
    }
    if (units >= UINT32_MAX)
        return -1;
    uint16_t *out = calloc(units ? units : 1, sizeof *out);
    if (!out)
        return -1;
    size_t at = 0;
    for (size_t k = 0; k < m->nkeys; k++) {
        uint32_t a = m->keys[k].first, b = m->keys[k + 1].first;
        uint32_t langs = dense_langs(m, a, b);
        m->keys[k].first = (uint32_t)at;
        if (!langs) {
            memcpy(out + at, m->post + a, (b - a) * sizeof *out);
            at += b - a;
            continue;
        }
        out[at] = LANGID_DENSE_MARK;
        out[at + 1] = (uint16_t)langs;
        out[at + 2] = (uint16_t)(langs >> 16);
        uint8_t *v = (uint8_t *)(out + at + LANGID_DENSE_HEAD);
        for (uint32_t q = a; q < b; q++)
            v[m->post[q] >> 8] = (uint8_t)(m->post[q] & 0xFF);
        at += dense_units(m);
    }
    m->keys[m->nkeys].first = (uint32_t)at;
    free(m->post);
    m->post = out;
    return 0;
}

/*
 * The index scoring reads, made from the blob and checking it: offsets
 * must agree, so that lookups never read outside (each key has postings up
 * to one marked last, and the buckets' first postings are where the keys
 * before them end), languages must be the model's, and fingerprints sorted
 * within their bucket.  The blob's packed postings cost a dozen
 * instructions each to read, and finding a key among its bucket's 22
 * fingerprints as many again; unpacked and split, scoring reads each
 * posting with one load and compares one or two fingerprints.
 */
static int make_index(langid_model *m)
{
    size_t nb = (size_t)1 << m->bucket_bits, nsub = nb << LANGID_SUB_BITS;
    m->sub = malloc((nsub + 1) * sizeof *m->sub);
    m->keys = calloc((size_t)m->nkeys + 1, sizeof *m->keys);
    m->post = malloc((m->npostings ? m->npostings : 1) * sizeof *m->post);
    if (!m->sub || !m->keys || !m->post)
        goto bad;
    size_t key = 0, post = 0;
    for (size_t b = 0; b < nb; b++) {
        if (ld32(m->buckets + b * 8) != key || ld32(m->buckets + b * 8 + 4) != post)
            goto bad;
        size_t kend = ld32(m->buckets + (b + 1) * 8);
        if (kend < key || kend > m->nkeys)
            goto bad;
        unsigned prev_fp = 0;
        size_t s = b << LANGID_SUB_BITS;
        for (; key < kend; key++) {
            unsigned fp = ld16(m->fps + key * 2);
            if (fp < prev_fp)
                goto bad;
            prev_fp = fp;
            /* the sub-buckets up to this key's start here */
            for (; s <= (b << LANGID_SUB_BITS | fp >> (16 - LANGID_SUB_BITS)); s++)
                m->sub[s] = (uint32_t)key;
            m->keys[key] = (langid_key){ (uint16_t)fp, 0, (uint32_t)post };
            unsigned v;
            do {
                if (post >= m->npostings)
                    goto bad;
                v = posting(m->postings, post);
                if (LANG(v) >= m->nlangs)
                    goto bad;
                m->post[post++] = (uint16_t)(LANG(v) << 8 | VALUE(v));
            } while (!(v & LAST));
        }
        for (; s < (b + 1) << LANGID_SUB_BITS; s++)
            m->sub[s] = (uint32_t)key;
    }
    m->sub[nsub] = (uint32_t)key;
    m->keys[key].first = (uint32_t)post;
    if (post == m->npostings && make_dense(m) == 0)
        return 0;
bad:
    langid_model_close(m);
    return -1;
}

int langid_model_open(langid_model *m, const void *blob, size_t size)
{
    const unsigned char *p = blob, *end = p + size;
    memset(m, 0, sizeof *m);
    if (size < HEADER || memcmp(p, LANGID_MAGIC, 8) != 0)
        return -1;
    m->nlangs = ld32(p + 8);
    uint32_t kinds = ld32(p + 12);
    m->bucket_bits = ld32(p + 16);
    m->nkeys = ld32(p + 20);
    m->npostings = ld32(p + 24);
    m->flags = ld32(p + 28);
    p += 32;
    int ok = 1;
    for (int k = 0; k < LANGID_KINDS; k++, p += 4) {
        m->step[k] = ldf(p);
        ok &= m->step[k] > 0 && m->step[k] < 1;
    }
    m->backoff = ldf(p);
    m->unseen = ldf(p + 4);
    m->word_weight = ldf(p + 8);
    p += 12;
    ok &= m->backoff <= 0 && m->backoff > -100 && m->unseen <= 0 && m->unseen > -1000 &&
          m->word_weight >= 0 && m->word_weight < 100;
    if (!ok || m->nlangs == 0 || m->nlangs > LANGID_MAX_LANGS || kinds != LANGID_KINDS ||
        m->bucket_bits > 24 || m->flags != 0 || m->nkeys > (1u << 28) ||
        m->npostings > (1u << 30))
        return -1;
    size_t nb = ((size_t)1 << m->bucket_bits) + 1;
    size_t need = (size_t)m->nlangs * 8 + nb * 8 + (size_t)m->nkeys * 2 +
                  packed_size(m->npostings);
    if ((size_t)(end - p) != need)
        return -1;
    for (uint32_t l = 0; l < m->nlangs; l++, p += 8) {
        memcpy(m->codes[l], p, 4);
        m->word_floor[l] = ldf(p + 4);
        if (m->codes[l][3] != '\0' || !(m->word_floor[l] <= 0 && m->word_floor[l] > -100))
            return -1;
    }
    m->buckets = p;
    p += nb * 8;
    m->fps = p;
    p += (size_t)m->nkeys * 2;
    m->postings = p;
    if (ld32(m->buckets) != 0 || ld32(m->buckets + 4) != 0 ||
        ld32(m->buckets + (nb - 1) * 8) != m->nkeys ||
        ld32(m->buckets + (nb - 1) * 8 + 4) != m->npostings)
        return -1;
    return make_index(m) == 0 ? 0 : -1;
}

void langid_model_close(langid_model *m)
{
    free(m->sub);
    free(m->keys);
    free(m->post);
    m->sub = NULL;
    m->keys = NULL;
    m->post = NULL;
}

int langid_lang_index(const langid_model *m, const char *code)
{
    for (uint32_t l = 0; l < m->nlangs; l++)
        if (strcmp(m->codes[l], code) == 0)
            return (int)l;
    return -1;
}

/* -------------------------------------------------------------- scoring */

#if defined(__GNUC__)
#define PREFETCH(p) __builtin_prefetch(p)
#else
#define PREFETCH(p) ((void)(p))
#endif

/*
 * The postings of the keys with hashes h[0..n): post[from[i], to[i]),
 * empty for those not listed.  The lookups go in stages (sub-bucket,
 * keys, postings), each stage asking for what the next will read, so that
 * the memory reads of the n lookups overlap rather than wait one for
 * another.
 */
#define BLOCK 16                        /* characters looked up together */
#define BLOCK_KEYS (BLOCK * LANGID_KINDS)

static void lookup(const langid_model *m, const uint64_t *h, unsigned n, uint32_t *from,
                   uint32_t *to)
{
    uint32_t mask = (1u << m->bucket_bits) - 1;
    const uint32_t *sb[BLOCK_KEYS];
    for (unsigned i = 0; i < n; i++) {
        uint32_t fp = (uint32_t)(h[i] >> 48);
        sb[i] = m->sub + (((uint32_t)h[i] & mask) << LANGID_SUB_BITS |
                          fp >> (16 - LANGID_SUB_BITS));
        PREFETCH(sb[i]);
    }
    for (unsigned i = 0; i < n; i++) {
        from[i] = sb[i][0];
        to[i] = sb[i][1];
        PREFETCH(m->keys + from[i]);
    }
    for (unsigned i = 0; i < n; i++) {
        /* Fingerprints are sorted: count those below (no branch to
         * mispredict), and see whether the next is the one. */
        uint16_t fp = (uint16_t)(h[i] >> 48);
        uint32_t below = 0;
        for (uint32_t j = from[i]; j < to[i]; j++)
            below += m->keys[j].fp < fp;
        uint32_t j = from[i] + below;
        if (j < to[i] && m->keys[j].fp == fp) {
            from[i] = m->keys[j].first;
            to[i] = m->keys[j + 1].first;
            PREFETCH(m->post + from[i]);
            PREFETCH(m->post + to[i] - 1);     /* a table may cross a line */
        } else {
            from[i] = to[i] = 0;
        }
    }
}

/* What langid_score keeps of a character while its block is looked up. */
typedef struct pos {
    unsigned first, count;      /* orders first + 1 .. count */
    int word;
    unsigned at;                /* its first key in the block */
} pos;

typedef struct sums {
    uint64_t acc[LANGID_KINDS][LANGID_MAX_LANGS];
    uint64_t backed[LANGID_MAX_LANGS], unseen[LANGID_MAX_LANGS];
    size_t words, grams;
} sums;

/* Whether the key whose entry is post[from, to) has a table by language
 * (see LANGID_DENSE_MIN): then *v is the table, *langs the mask of the
 * languages in it. */
static int dense(const langid_model *m, uint32_t from, uint32_t to, const uint8_t **v,
                 uint32_t *langs)
{
    const uint16_t *d = m->post + from;
    if (to == from || d[0] != LANGID_DENSE_MARK)
        return 0;
    *v = (const uint8_t *)(d + LANGID_DENSE_HEAD);
    *langs = (uint32_t)d[1] | (uint32_t)d[2] << 16;
    return 1;
}

/* Adds what the characters of a block score. */
static void score_block(const langid_model *m, const pos *ps, unsigned np,
                        const uint32_t *from, const uint32_t *to, sums *t)
{
    uint32_t all = m->nlangs == 32 ? 0xFFFFFFFFu : (1u << m->nlangs) - 1;
    const uint16_t *post = m->post;
    for (unsigned i = 0; i < np; i++) {
        const pos *c = &ps[i];
        if (c->count > c->first) {
            /* From the longest n-gram down: each language takes the first
             * it lists. */
            uint32_t done = 0;
            unsigned top = c->count - 1;
            t->grams++;
            for (unsigned n = top + 1; n-- > c->first && done != all;) {
                unsigned k = c->at + n - c->first;
                const uint8_t *v;
                uint32_t langs;
                if (dense(m, from[k], to[k], &v, &langs)) {
                    for (uint32_t fresh = langs & ~done; fresh; fresh &= fresh - 1) {
                        unsigned l = (unsigned)__builtin_ctz(fresh);
                        t->acc[n][l] += v[l];
                        t->backed[l] += top - n;
                    }
                    done |= langs;
                    continue;
                }
                for (uint32_t q = from[k]; q < to[k]; q++) {
                    unsigned l = post[q] >> 8;
                    if (done >> l & 1)
                        continue;
                    done |= 1u << l;
                    t->acc[n][l] += post[q] & 0xFF;
                    t->backed[l] += top - n;
                }
            }
            for (uint32_t rest = all & ~done; rest; rest &= rest - 1)
                t->unseen[__builtin_ctz(rest)]++;
        }
        if (c->word) {
            unsigned k = c->at + c->count - c->first;
            t->words++;
            const uint8_t *v;
            uint32_t langs;
            if (dense(m, from[k], to[k], &v, &langs)) {
                for (; langs; langs &= langs - 1) {
                    unsigned l = (unsigned)__builtin_ctz(langs);
                    t->acc[LANGID_WORD][l] += v[l];
                }
            } else {
                for (uint32_t q = from[k]; q < to[k]; q++)
                    t->acc[LANGID_WORD][post[q] >> 8] += post[q] & 0xFF;
            }
        }
    }
}

/* The scores of what has been summed so far. */
static void finish(const langid_model *m, const sums *t, size_t letters, langid_result *r)
{
    for (uint32_t l = 0; l < m->nlangs; l++) {
        double sc = 0;
        for (int n = 0; n < LANGID_ORDERS; n++)
            sc -= (double)t->acc[n][l] * m->step[n];
        sc += (double)t->backed[l] * m->backoff + (double)t->unseen[l] * m->unseen;
        sc += m->word_weight * ((double)t->words * m->word_floor[l] +
                                (double)t->acc[LANGID_WORD][l] * m->step[LANGID_WORD]);
        r->score[l] = sc;
    }
    r->grams = t->grams;
    r->letters = letters;
}

void langid_score_until(const langid_model *m, const char *text, size_t len,
                        uint32_t mask, double margin, langid_result *r)
{
    /* Integer sums, turned into log probabilities at the end: stored values
     * per kind, orders backed off and unseen characters per language. */
    sums t;
    memset(&t, 0, sizeof t);
    size_t cursor = 0, letters = 0;
    langid_stream s;
    langid_grams g;
    uint64_t h[BLOCK_KEYS];
    uint32_t from[BLOCK_KEYS], to[BLOCK_KEYS];
    pos ps[BLOCK];
    unsigned np = 0, nh = 0;
    int more;

    langid_stream_init(&s);
    do {
        more = langid_stream_next(&s, text, len, &cursor, &g, &letters);
        if (more && (g.count > g.first || g.word)) {
            /* The n-grams of orders first + 1 .. count, then the word if
             * one ended. */
            ps[np] = (pos){ g.first, g.count, g.word, nh };
            for (unsigned n = g.first; n < g.count; n++)
                h[nh++] = g.h[n];
            if (g.word)
                h[nh++] = g.h[LANGID_WORD];
            np++;
        }
        if (np == BLOCK || (!more && np > 0)) {
            lookup(m, h, nh, from, to);
            score_block(m, ps, np, from, to, &t);
            np = nh = 0;
            /* Decided: the rest of the text could not plausibly overturn
             * a lead this large, and reading it is what detection costs. */
            if (more && mask && t.grams >= LANGID_DECIDE_MIN) {
                double lead;
                finish(m, &t, letters, r);
                if (langid_best(m, r, mask, &lead) >= 0 && lead >= margin)
                    return;
            }
        }
    } while (more);
    finish(m, &t, letters, r);
}

void langid_score(const langid_model *m, const char *text, size_t len,
                  langid_result *r)
{
    langid_score_until(m, text, len, 0, INFINITY, r);
}

int langid_best(const langid_model *m, const langid_result *r, uint32_t mask,
                double *margin)
{
    int best = -1, second = -1;
    for (uint32_t l = 0; l < m->nlangs; l++) {
        if (!(mask >> l & 1))
            continue;
        if (best < 0 || r->score[l] > r->score[best]) {
            second = best;
            best = (int)l;
        } else if (second < 0 || r->score[l] > r->score[second]) {
            second = (int)l;
        }
    }
    double d = best < 0 ? 0 : second < 0 ? INFINITY : r->score[best] - r->score[second];
    if (margin)
        *margin = d;
    if (best < 0 || r->letters < LANGID_MIN_LETTERS ||
        (r->letters < LANGID_SHORT && d < LANGID_SHORT_MARGIN))
        return -1;
    return best;
}
