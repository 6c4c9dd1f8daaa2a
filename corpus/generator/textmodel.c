/*
 * textmodel.c — see textmodel.h.
 *
 * A text is cut into sentences of words and commas.  The model keeps every
 * distinct word once (ids from 3 on; 0, 1 and 2 stand for the start of a
 * sentence, a comma and the full stop), its count, and for every word the
 * words that followed it with their counts.  Sampling walks those
 * successors, and now and then jumps to a word drawn from the counts
 * alone, so that sentences do not merely replay the source text.
 */
#include "textmodel.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

enum { T_BOS = 0, T_COMMA = 1, T_END = 2, T_WORD0 = 3 };
#define T_NONE UINT32_MAX

/* Per 100: how often a sentence starts at the text's sentence starts (else
 * after a word drawn from the counts), and how often a word is drawn from
 * the counts instead of the successors of the previous word. */
#define START_AT_BOS 35
#define JUMP 15

struct tm_model {
    char **word;                 /* by id; NULL for the specials */
    uint32_t n, cap;
    uint32_t *slot, nslot;       /* open addressing: id + 1, or 0 */
    uint32_t *count;
    uint32_t *uni_id, *uni_cum, n_uni;
    uint32_t *succ_off, *succ_id, *succ_cum;
    size_t tokens;
};

static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) {
        fputs("evgen: out of memory\n", stderr);
        exit(1);
    }
    return p;
}

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p) {
        fputs("evgen: out of memory\n", stderr);
        exit(1);
    }
    return p;
}

/* ------------------------------------------------------------ words */

static uint32_t hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

static uint32_t lookup(const tm_model *m, const char *s, size_t n)
{
    if (!m->nslot)
        return T_NONE;
    for (uint32_t i = hash(s, n) & (m->nslot - 1);; i = (i + 1) & (m->nslot - 1)) {
        uint32_t id = m->slot[i];
        if (!id)
            return T_NONE;
        const char *w = m->word[id - 1];
        if (strlen(w) == n && memcmp(w, s, n) == 0)
            return id - 1;
    }
}

static void rehash(tm_model *m, uint32_t nslot)
{
    free(m->slot);
    m->slot = calloc(nslot, sizeof *m->slot);
    if (!m->slot) {
        fputs("evgen: out of memory\n", stderr);
        exit(1);
    }
    m->nslot = nslot;
    for (uint32_t id = T_WORD0; id < m->n; id++) {
        uint32_t i = hash(m->word[id], strlen(m->word[id])) & (nslot - 1);
        while (m->slot[i])
            i = (i + 1) & (nslot - 1);
        m->slot[i] = id + 1;
    }
}

static uint32_t intern(tm_model *m, const char *s, size_t n)
{
    uint32_t id = lookup(m, s, n);
    if (id != T_NONE)
        return id;
    if (m->n == m->cap) {
        m->cap = m->cap ? m->cap * 2 : 1024;
        m->word = xrealloc(m->word, m->cap * sizeof *m->word);
    }
    id = m->n++;
    m->word[id] = xmalloc(n + 1);
    memcpy(m->word[id], s, n);
    m->word[id][n] = '\0';
    if (2 * (m->n - T_WORD0) >= m->nslot)
        rehash(m, m->nslot ? m->nslot * 2 : 1024);
    else {
        uint32_t i = hash(s, n) & (m->nslot - 1);
        while (m->slot[i])
            i = (i + 1) & (m->nslot - 1);
        m->slot[i] = id + 1;
    }
    return id;
}

/* ------------------------------------------------------------ reading */

typedef struct tok {
    uint32_t kind;       /* T_BOS, T_COMMA, T_END, or T_WORD0 for a word */
    uint32_t off, len;   /* a word's bytes in the arena */
    int initial;         /* first word of its sentence */
} tok;

typedef struct toks {
    tok *t;
    size_t n, cap;
    sbuf arena;
} toks;

static void push(toks *v, uint32_t kind, uint32_t off, uint32_t len, int initial)
{
    if (v->n == v->cap) {
        v->cap = v->cap ? v->cap * 2 : 4096;
        v->t = xrealloc(v->t, v->cap * sizeof *v->t);
    }
    v->t[v->n++] = (tok){kind, off, len, initial};
}

static uint32_t last_kind(const toks *v, size_t para_start)
{
    return v->n > para_start ? v->t[v->n - 1].kind : T_NONE;
}

static int is_word_cp(utf8proc_int32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
               (cp >= '0' && cp <= '9');
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ND:
        return 1;
    default:
        return 0;
    }
}

/* Apostrophes and hyphens inside a word: "l’homme", "co-operation". */
static int is_joiner(utf8proc_int32_t cp)
{
    return cp == '\'' || cp == 0x2019 || cp == '-' || cp == 0x2010 ||
           cp == 0x2011;
}

static int is_stop(utf8proc_int32_t cp)
{
    return cp == '.' || cp == '!' || cp == '?' || cp == 0x037E || cp == 0x2026;
}

static int is_pause(utf8proc_int32_t cp)
{
    return cp == ',' || cp == ';' || cp == ':' || cp == 0x0387 || cp == 0x00B7;
}

static utf8proc_int32_t cp_at(const char *s, size_t len, size_t i, size_t *k)
{
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                          (utf8proc_ssize_t)(len - i), &cp);
    if (n <= 0) {
        *k = 1;
        return -1;
    }
    *k = (size_t)n;
    return cp;
}

/* Cuts one paragraph (plain UTF-8) into tokens. */
static void tokenise(toks *v, const char *s, size_t len)
{
    size_t para = v->n, i = 0, k;
    int initial = 1;
    while (i < len) {
        utf8proc_int32_t cp = cp_at(s, len, i, &k);
        if (cp >= 0 && is_word_cp(cp)) {
            uint32_t off = (uint32_t)v->arena.len;
            while (i < len) {
                cp = cp_at(s, len, i, &k);
                if (cp >= 0 && is_word_cp(cp)) {
                    sbuf_add(&v->arena, s + i, k);
                    i += k;
                    continue;
                }
                size_t k2;
                utf8proc_int32_t next = i + k < len ? cp_at(s, len, i + k, &k2) : -1;
                if (cp >= 0 && is_joiner(cp) && next >= 0 && is_word_cp(next)) {
                    if (cp == 0x2010 || cp == 0x2011)
                        sbuf_putc(&v->arena, '-');
                    else
                        sbuf_add(&v->arena, s + i, k);
                    i += k;
                    continue;
                }
                break;
            }
            uint32_t lk = last_kind(v, para);
            if (lk == T_NONE || lk == T_END)
                push(v, T_BOS, 0, 0, 0);
            push(v, T_WORD0, off, (uint32_t)(v->arena.len - off), initial);
            initial = 0;
            continue;
        }
        uint32_t lk = last_kind(v, para);
        if (cp >= 0 && is_stop(cp)) {
            if (lk == T_COMMA)
                v->t[v->n - 1].kind = T_END;
            else if (lk == T_WORD0)
                push(v, T_END, 0, 0, 0);
            initial = 1;
        } else if (cp >= 0 && is_pause(cp) && lk == T_WORD0) {
            push(v, T_COMMA, 0, 0, 0);
        }
        i += k;
    }
    uint32_t lk = last_kind(v, para);
    if (lk == T_COMMA)
        v->t[v->n - 1].kind = T_END;
    else if (lk == T_WORD0)
        push(v, T_END, 0, 0, 0);
}

/* The text of the <p> elements, tags dropped, character references
 * decoded. */
static void paragraphs(toks *v, const char *html)
{
    sbuf p = SBUF_INIT;
    const char *at = html;
    while ((at = strstr(at, "<p>")) != NULL) {
        at += 3;
        const char *end = strstr(at, "</p>");
        if (!end)
            break;
        p.len = 0;
        for (const char *c = at; c < end;) {
            if (*c == '<') {                 /* an inner tag */
                const char *gt = memchr(c, '>', (size_t)(end - c));
                c = gt ? gt + 1 : end;
            } else if (*c == '&') {
                const char *semi = memchr(c, ';', (size_t)(end - c));
                if (!semi || semi - c > 10) {
                    sbuf_putc(&p, *c++);
                    continue;
                }
                long cp = -1;
                if (c[1] == '#')
                    cp = c[2] == 'x' || c[2] == 'X' ? strtol(c + 3, NULL, 16)
                                                    : strtol(c + 2, NULL, 10);
                else if (strncmp(c, "&amp;", 5) == 0)
                    cp = '&';
                else if (strncmp(c, "&lt;", 4) == 0)
                    cp = '<';
                else if (strncmp(c, "&gt;", 4) == 0)
                    cp = '>';
                else if (strncmp(c, "&quot;", 6) == 0)
                    cp = '"';
                else if (strncmp(c, "&nbsp;", 6) == 0)
                    cp = ' ';
                utf8proc_uint8_t enc[4];
                if (cp > 0 && cp < 0x110000 && utf8proc_codepoint_valid((utf8proc_int32_t)cp))
                    sbuf_add(&p, (const char *)enc,
                             (size_t)utf8proc_encode_char((utf8proc_int32_t)cp, enc));
                c = semi + 1;
            } else {
                sbuf_putc(&p, *c++);
            }
        }
        tokenise(v, p.data ? p.data : "", p.len);
        at = end + 4;
    }
    sbuf_free(&p);
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* The word with its first letter lower-cased. */
static void lower_first(sbuf *out, const char *s, size_t len)
{
    size_t k;
    utf8proc_int32_t cp = cp_at(s, len, 0, &k);
    out->len = 0;
    if (cp < 0) {
        sbuf_add(out, s, len);
        return;
    }
    utf8proc_uint8_t enc[4];
    utf8proc_ssize_t e = utf8proc_encode_char(utf8proc_tolower(cp), enc);
    sbuf_add(out, (const char *)enc, (size_t)e);
    sbuf_add(out, s + k, len - k);
}

/* Whether a letter after the first is upper-case ("ΟΗΕ", "McDonald"). */
static int upper_after_first(const char *s, size_t len)
{
    size_t i, k;
    cp_at(s, len, 0, &k);
    for (i = k; i < len; i += k) {
        utf8proc_int32_t cp = cp_at(s, len, i, &k);
        if (cp >= 0 && utf8proc_category(cp) == UTF8PROC_CATEGORY_LU)
            return 1;
    }
    return 0;
}

static void build(tm_model *m, toks *v)
{
    /* Words inside sentences first.  A sentence's first word is then taken
     * in lower case when that form occurs inside sentences, or when it has
     * only its first letter upper-case and does not occur inside sentences
     * at all ("Everyone", "They" as "everyone", "they"; "Member" and "ΟΗΕ"
     * stay). */
    uint32_t *id = xmalloc(v->n * sizeof *id);
    for (size_t i = 0; i < v->n; i++) {
        tok *t = &v->t[i];
        id[i] = t->kind;
        if (t->kind == T_WORD0 && !t->initial)
            id[i] = intern(m, v->arena.data + t->off, t->len);
    }
    sbuf low = SBUF_INIT;
    for (size_t i = 0; i < v->n; i++) {
        tok *t = &v->t[i];
        if (t->kind != T_WORD0 || !t->initial)
            continue;
        const char *w = v->arena.data + t->off;
        lower_first(&low, w, t->len);
        uint32_t l = lookup(m, low.data, low.len);
        if (l == T_NONE && lookup(m, w, t->len) == T_NONE && !upper_after_first(w, t->len))
            l = intern(m, low.data, low.len);
        id[i] = l != T_NONE ? l : intern(m, w, t->len);
    }
    sbuf_free(&low);

    m->count = calloc(m->n, sizeof *m->count);
    uint64_t *pairs = xmalloc(v->n * sizeof *pairs);
    size_t np = 0;
    if (!m->count) {
        fputs("evgen: out of memory\n", stderr);
        exit(1);
    }
    for (size_t i = 0; i < v->n; i++) {
        if (id[i] >= T_WORD0) {
            m->count[id[i]]++;
            m->tokens++;
        }
        if (i + 1 < v->n && id[i] != T_END && id[i + 1] != T_BOS)
            pairs[np++] = (uint64_t)id[i] << 32 | id[i + 1];
    }
    free(id);

    /* unigram table over the words */
    m->uni_id = xmalloc(m->n * sizeof *m->uni_id);
    m->uni_cum = xmalloc(m->n * sizeof *m->uni_cum);
    uint32_t total = 0;
    for (uint32_t w = T_WORD0; w < m->n; w++) {
        if (!m->count[w])
            continue;
        total += m->count[w];
        m->uni_id[m->n_uni] = w;
        m->uni_cum[m->n_uni++] = total;
    }

    /* successors, grouped by the first word */
    qsort(pairs, np, sizeof *pairs, cmp_u64);
    m->succ_off = calloc((size_t)m->n + 1, sizeof *m->succ_off);
    m->succ_id = xmalloc(np * sizeof *m->succ_id);
    m->succ_cum = xmalloc(np * sizeof *m->succ_cum);
    if (!m->succ_off) {
        fputs("evgen: out of memory\n", stderr);
        exit(1);
    }
    size_t ns = 0;
    for (size_t i = 0; i < np;) {
        uint32_t a = (uint32_t)(pairs[i] >> 32), b = (uint32_t)pairs[i];
        size_t j = i;
        while (j < np && pairs[j] == pairs[i])
            j++;
        uint32_t prev = ns && (uint32_t)(pairs[i - 1] >> 32) == a ? m->succ_cum[ns - 1] : 0;
        m->succ_id[ns] = b;
        m->succ_cum[ns] = prev + (uint32_t)(j - i);
        m->succ_off[a + 1] = (uint32_t)(ns + 1);
        ns++;
        i = j;
    }
    for (uint32_t a = 1; a <= m->n; a++)       /* words without successors */
        if (m->succ_off[a] < m->succ_off[a - 1])
            m->succ_off[a] = m->succ_off[a - 1];
    free(pairs);
}

tm_model *tm_load(const char *path, char *err, size_t errlen)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return NULL;
    }
    sbuf html = SBUF_INIT;
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        sbuf_add(&html, chunk, n);
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        snprintf(err, errlen, "%s: read error", path);
        sbuf_free(&html);
        return NULL;
    }
    tm_model *m = calloc(1, sizeof *m);
    if (!m) {
        fputs("evgen: out of memory\n", stderr);
        exit(1);
    }
    m->n = m->cap = T_WORD0;
    m->word = xmalloc(m->cap * sizeof *m->word);
    for (int i = 0; i < T_WORD0; i++)
        m->word[i] = NULL;
    toks v = {NULL, 0, 0, SBUF_INIT};
    paragraphs(&v, html.data ? html.data : "");
    sbuf_free(&html);
    build(m, &v);
    free(v.t);
    sbuf_free(&v.arena);
    if (m->tokens < 500 || m->n_uni < 100) {
        snprintf(err, errlen, "%s: too little text (%zu words)", path, m->tokens);
        tm_free(m);
        return NULL;
    }
    return m;
}

void tm_free(tm_model *m)
{
    if (!m)
        return;
    for (uint32_t i = T_WORD0; i < m->n; i++)
        free(m->word[i]);
    free(m->word);
    free(m->slot);
    free(m->count);
    free(m->uni_id);
    free(m->uni_cum);
    free(m->succ_off);
    free(m->succ_id);
    free(m->succ_cum);
    free(m);
}

size_t tm_words(const tm_model *m)
{
    return m->n_uni;
}

size_t tm_tokens(const tm_model *m)
{
    return m->tokens;
}

/* ------------------------------------------------------------ sampling */

/* The first index whose cumulative count exceeds a draw below the total. */
static uint32_t pick(const uint32_t *ids, const uint32_t *cum, uint32_t n, rng *r)
{
    uint32_t x = rng_below(r, cum[n - 1]), lo = 0, hi = n - 1;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (cum[mid] > x)
            hi = mid;
        else
            lo = mid + 1;
    }
    return ids[lo];
}

static uint32_t next_token(const tm_model *m, rng *r, uint32_t state)
{
    if (state != T_NONE && m->succ_off[state + 1] > m->succ_off[state] &&
        !rng_chance(r, JUMP, 100)) {
        uint32_t b = m->succ_off[state];
        return pick(m->succ_id + b, m->succ_cum + b, m->succ_off[state + 1] - b, r);
    }
    return pick(m->uni_id, m->uni_cum, m->n_uni, r);
}

void tm_put_capitalised(sbuf *out, const char *s, size_t len)
{
    size_t k;
    utf8proc_int32_t cp = len ? cp_at(s, len, 0, &k) : -1;
    if (cp < 0) {
        sbuf_add(out, s, len);
        return;
    }
    utf8proc_uint8_t enc[4];
    utf8proc_ssize_t e = utf8proc_encode_char(utf8proc_toupper(cp), enc);
    sbuf_add(out, (const char *)enc, (size_t)e);
    sbuf_add(out, s + k, len - k);
}

void tm_put_unaccented(sbuf *out, const char *s)
{
    utf8proc_uint8_t *dst = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &dst,
                                      UTF8PROC_NULLTERM | UTF8PROC_STABLE |
                                          UTF8PROC_COMPOSE | UTF8PROC_STRIPMARK);
    if (n < 0) {
        sbuf_puts(out, s);
        return;
    }
    sbuf_add(out, (const char *)dst, (size_t)n);
    free(dst);
}

static unsigned count_words(const char *s)
{
    unsigned n = 1;
    for (; *s; s++)
        n += *s == ' ';
    return n;
}

/* The id of the last word of a phrase, to go on from it. */
static uint32_t last_word_id(const tm_model *m, const char *s)
{
    const char *sp = strrchr(s, ' ');
    const char *w = sp ? sp + 1 : s;
    return lookup(m, w, strlen(w));
}

unsigned tm_sentence(const tm_model *m, rng *r, sbuf *out, const tm_opts *o)
{
    unsigned min = o->min_words ? o->min_words : 1;
    unsigned max = o->max_words > min ? o->max_words : min;
    unsigned target = (unsigned)rng_range(r, (int)min, (int)max);
    unsigned words = 0, misses = 0;
    int pending_comma = 0, inserted = o->insert == NULL;
    uint32_t state = T_BOS;
    if (!rng_chance(r, START_AT_BOS, 100))
        state = pick(m->uni_id, m->uni_cum, m->n_uni, r);

    for (;;) {
        if (!inserted && words >= o->insert_at) {
            if (words)
                sbuf_puts(out, pending_comma ? ", " : " ");
            pending_comma = 0;
            if (!words && o->capitalise)
                tm_put_capitalised(out, o->insert, strlen(o->insert));
            else
                sbuf_puts(out, o->insert);
            words += count_words(o->insert);
            state = last_word_id(m, o->insert);
            inserted = 1;
            continue;
        }
        if (words >= target && inserted)
            break;
        uint32_t t = next_token(m, r, state);
        if (t == T_END) {
            if (words >= min && inserted)
                break;
            if (++misses > 3)
                state = T_NONE;
            continue;
        }
        if (t == T_COMMA) {
            if (o->commas && words && !pending_comma && words + 2 < target)
                pending_comma = 1;
            state = t;
            continue;
        }
        const char *w = m->word[t];
        if (words)
            sbuf_puts(out, pending_comma ? ", " : " ");
        pending_comma = 0;
        if (!words && o->capitalise)
            tm_put_capitalised(out, w, strlen(w));
        else
            sbuf_puts(out, w);
        words++;
        state = t;
    }
    if (o->stop)
        sbuf_putc(out, '.');
    return words;
}
