/*
 * analyzer.c — words to tokens: term, stem and position (see analysis.h).
 *
 * Most words of a text have been seen before, so an analyzer keeps a
 * cache (8-way set associative) from the word as written to its term and
 * stem, and a word found there costs a hash and a compare: no utf8proc, no
 * stemmer.
 *  - An ASCII word is lower-cased first (eight bytes at a time, which also
 *    gives its term and its hash) and looked up lower-cased: "Regions" and
 *    "regions" share one entry.  Without a stemmer it needs no cache.
 *  - Any other word is looked up as written; a miss folds it (the term),
 *    case folds it, stems that (Snowball wants the accents) and folds the
 *    stem.
 * txt_stem_word looks up its case-folded word the same way, which gives
 * the same entry: folding a case-folded word gives its term, and case
 * folding it again changes nothing.
 *
 * The cache is word_cache.h's.  Everything an analyzer uses lives in it:
 * separate analyzers run in parallel.
 */
#include "analysis.h"

#include <stdlib.h>
#include <string.h>

#include "shim/stem.h"
#include "start_scan.h"
#include "word_cache.h"

/* A token whose term or stem would be longer than this (NFKC can expand a
 * short word a lot: U+FDFA gives 18 characters) is not passed either: the
 * engine refuses terms longer than about 245 bytes with their prefix. */
#define TXT_MAX_FOLDED (2 * TXT_MAX_TERM)

struct txt_analyzer {
    eng_stemmer *st;                    /* NULL: no stems */
    word_cache cache;
    buf term, cf, stem, whole, first;
    int keeps_first;                    /* a stem starts as its word does */
    /* What each character of two bytes folds to first (see first_fold),
     * filled as words start with them; NULL until the first. */
    uint16_t *folds_to;
};

/*
 * The stemmers that only take endings off, so that a word's stem starts
 * with the word's first letter.  Others rewrite the start of a word too:
 * Irish undoes initial mutations ("bhfuil"), Indonesian and Arabic take
 * prefixes off, and Turkish may change the last consonant of a stem one
 * letter long ("buntu" gives "p").  Only these can tell from a word's
 * first letter alone that it cannot match (txt_analyze_for).  Checked on
 * the 13,954 ASCII words of 20,000 generated sessions and corpus/: no stem
 * starts otherwise than its word.
 */
static const char *const suffix_stemmers[] = {
    "ca", "da", "de", "en", "es", "eu", "fi", "fr", "hu", "it", "nb", "nl", "nn",
    "no", "pt", "ro", "ru", "sv", NULL
};

static int strips_suffixes_only(const char *lang)
{
    for (size_t i = 0; suffix_stemmers[i]; i++)
        if (strcmp(lang, suffix_stemmers[i]) == 0)
            return 1;
    return 0;
}

txt_analyzer *txt_analyzer_new(const char *lang)
{
    txt_analyzer *a = calloc(1, sizeof *a);
    if (!a)
        return NULL;
    if (lang && *lang) {
        eng_status s = eng_stemmer_new(lang, &a->st);
        if (s == ENG_E_NOMEM) {
            free(a);
            return NULL;
        }
        if (s != ENG_OK)
            a->st = NULL;
    }
    a->keeps_first = !a->st || strips_suffixes_only(lang);
    return a;
}

void txt_analyzer_free(txt_analyzer *a)
{
    if (!a)
        return;
    eng_stemmer_free(a->st);
    word_cache_free(&a->cache);
    buf_free(&a->term);
    buf_free(&a->cf);
    buf_free(&a->stem);
    buf_free(&a->whole);
    buf_free(&a->first);
    free(a->folds_to);
    free(a);
}

int txt_analyzer_stems(const txt_analyzer *a)
{
    return a && a->st != NULL;
}

void txt_analyzer_get_stats(const txt_analyzer *a, txt_analyzer_stats *out)
{
    out->lookups = a->cache.lookups;
    out->hits = a->cache.hits;
    out->slots = a->cache.slots;
}

/* ------------------------------------------------------------ one word */

/* The folded stem of the case-folded word cf, into a->stem (empty when the
 * stemmer gives nothing). */
static int stem_into(txt_analyzer *a, const char *cf, size_t len)
{
    const char *s;
    size_t slen;
    eng_status st = eng_stem(a->st, cf, len, &s, &slen);
    if (st == ENG_E_NOMEM)
        return -1;
    if (st != ENG_OK) {                 /* cannot happen; keep the word */
        s = cf;
        slen = len;
    }
    buf_clear(&a->stem);
    return txt_fold(s, slen, &a->stem);
}

typedef struct word_out {
    const char *term, *stem;            /* stem NULL: no stemmer */
    size_t tlen, slen;                  /* slen 0: the stemmer gave nothing */
} word_out;

#define ONES 0x0101010101010101ull

/* Eight ASCII bytes in lower case, at once: a byte from 'A' to 'Z' gets
 * 0x20 added (no carry crosses bytes below 0x80). */
static inline uint64_t lower8(uint64_t x)
{
    uint64_t ge_a = x + ONES * (0x80 - 'A');
    uint64_t gt_z = x + ONES * (0x80 - 'Z' - 1);
    return x | ((ge_a & ~gt_z & ONES * 0x80) >> 2);
}

/* When word is all ASCII: its lower-case form into a->term, *h the hash of
 * that, and 1; else 0.  -1 when memory ran out.  Eight bytes at a time;
 * avail bytes may be read from word (len or more). */
static int ascii_lower_hash(txt_analyzer *a, const char *word, size_t len, size_t avail,
                            uint32_t *h)
{
    if (a->term.cap < len + 8 && buf_reserve(&a->term, len + 8) < 0)
        return -1;
    char *d = a->term.data;
    uint64_t hh = WORD_HASH_SEED ^ len, x;
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        memcpy(&x, word + i, 8);
        if (x & ONES * 0x80)
            return 0;
        x = lower8(x);
        memcpy(d + i, &x, 8);
        hh = word_hash_chunk(hh, x);
    }
    size_t r = len - i;
    if (r == 0) {
        x = 0;
    } else if (LITTLE_ENDIAN_LOADS && avail - i >= 8) {
        /* the text goes on: load eight bytes and keep the first r */
        memcpy(&x, word + i, 8);
        x &= ~0ull >> (64 - 8 * r);
    } else {
        x = 0;
        for (size_t k = 0; k < r; k++)
            ((unsigned char *)&x)[k] = (unsigned char)word[i + k];
    }
    if (x & ONES * 0x80)
        return 0;
    x = lower8(x);
    memcpy(d + i, &x, 8);       /* room for it: see above */
    d[len] = '\0';
    a->term.len = len;
    *h = word_hash_last(hh, x);
    return 1;
}

/* The term and stem of word[0..len); what *o points to is valid until the
 * next call on a. */
static int analyze_word(txt_analyzer *a, const char *word, size_t len, size_t avail,
                        word_out *o)
{
    uint32_t h = 0;
    int ascii = ascii_lower_hash(a, word, len, avail, &h);
    if (ascii < 0)
        return -1;
    if (ascii && !a->st) {
        *o = (word_out){ a->term.data, NULL, a->term.len, 0 };
        return 0;
    }

    /* the key: the lower-cased word when ASCII, else the word as written */
    const char *key = ascii ? a->term.data : word;
    if (!ascii)
        h = word_hash(word, len);
    const word_entry *e = word_cache_get(&a->cache, key, len, h, ascii);
    if (e) {
        o->term = e->data + e->klen;
        o->tlen = e->tlen;
        o->stem = a->st ? o->term + e->tlen + 1 : NULL;
        o->slen = e->slen;
        return 0;
    }

    if (!ascii) {
        buf_clear(&a->term);
        if (txt_fold(word, len, &a->term) < 0)
            return -1;
    }
    o->term = a->term.data;
    o->tlen = a->term.len;
    o->stem = NULL;
    o->slen = 0;
    if (a->st) {
        const char *cf = a->term.data;
        size_t cflen = a->term.len;
        if (!ascii) {
            buf_clear(&a->cf);
            if (txt_casefold(word, len, &a->cf) < 0)
                return -1;
            cf = a->cf.data;
            cflen = a->cf.len;
        }
        if (stem_into(a, cf, cflen) < 0)
            return -1;
        o->stem = a->stem.data ? a->stem.data : "";
        o->slen = a->stem.len;
    }
    word_cache_put(&a->cache, h, key, len, o->term, o->tlen, o->stem, o->slen);
    return 0;
}

int txt_stem_word(txt_analyzer *a, const char *casefolded, size_t len, buf *out)
{
    if (!a->st)
        return txt_fold(casefolded, len, out);
    word_out o;
    if (analyze_word(a, casefolded, len, len, &o) < 0)
        return -1;
    return buf_append(out, o.stem, o.slen);
}

/* ------------------------------------------------------------ the text */

/* Whether c may start an apostrophe (', or the first byte of ’ or ʼ). */
static inline int is_apostrophe_start(char c)
{
    return c == '\'' || c == '\xE2' || c == '\xCA';
}

/* Whether an e-mail address or URL may go on over c after a word (the
 * test txt_whole_at starts with, here to spare the call for most words). */
static inline int may_go_on(char c)
{
    switch (c) {
    case '@': case '.': case ':': case '_': case '%': case '+': case '-':
        return 1;
    default:
        return 0;
    }
}

/*
 * The first two characters of a word.
 *
 * Folding works a character at a time, so a word's term starts with its
 * first two characters folded, when each folds to one character.  A stem
 * starts so too when the stemmer only takes endings off, with two
 * exceptions: a doubled first letter may lose one (Finnish: "cci" gives
 * "ci"), and English turns "dying", "lying" and "tying" into "die", "lie"
 * and "tie".  So a term added with a second character i wants a second y
 * as well, and a word whose first two characters are the same is always
 * passed.  With these, every word of Snowball's own test vocabularies of
 * the languages that tell (603,909 words) and of 20,000 generated
 * sessions is passed when its stem alone is wanted; test_analyze_for
 * checks this on the pages of corpus/.
 *
 * A character is known by a code: an ASCII letter or digit by its lower
 * case, one of two bytes beyond U+00BF by 0x80 plus its place among them;
 * others (punctuation, which the Catalan l·l drops from its term, and
 * characters of three or four bytes) have none, TWO_ANY, and then the
 * pair tells nothing.
 */
enum { TWO_ANY = 0 };

/* Whether lead cont are one character of two bytes (U+0080..U+07FF), and
 * its index among them, by which the tables here know it. */
static inline int is_two_byte(unsigned lead, unsigned cont)
{
    return lead >= 0xC2 && lead <= 0xDF && (cont & 0xC0) == 0x80;
}

static inline unsigned two_byte_index(unsigned lead, unsigned cont)
{
    return (lead - 0xC2u) * 64 + (cont & 63u);
}

/* The code of a character of two bytes, by its index: U+0080..U+00BF,
 * symbols and punctuation, have none. */
static inline unsigned two_byte_code(unsigned index)
{
    return index < 64 ? TWO_ANY : 0x80 + index;
}

/* The code of the character a folded term has at t (its bytes on from t,
 * NUL-terminated), and its length into *n. */
static unsigned term_char_code(const unsigned char *t, size_t *n)
{
    *n = 1;
    if (t[0] < 0x80)
        return is_ascii_alnum(t[0]) ? (unsigned)(t[0] | 0x20) : TWO_ANY;
    if (is_two_byte(t[0], t[1])) {
        *n = 2;
        return two_byte_code(two_byte_index(t[0], t[1]));
    }
    return TWO_ANY;
}

/* The bit of the pair (first, second) in txt_firsts.twos (1,024 bits):
 * different for any two pairs of lower-case ASCII letters. */
static inline unsigned two_bit(unsigned first, unsigned second)
{
    return (first * 31 + second) & 1023;
}

static inline void two_set(txt_firsts *f, unsigned first, unsigned second)
{
    unsigned b = two_bit(first, second);
    f->twos[b >> 6] |= (uint64_t)1 << (b & 63);
}

static inline int two_has(const txt_firsts *f, unsigned first, unsigned second)
{
    unsigned b = two_bit(first, second);
    return f->twos[b >> 6] >> (b & 63) & 1;
}

void txt_firsts_add(txt_firsts *f, const char *term)
{
    const unsigned char *t = (const unsigned char *)term;
    if (!t || !t[0])
        return;
    f->bytes[t[0] >> 6] |= (uint64_t)1 << (t[0] & 63);
    if (is_two_byte(t[0], t[1]))
        f->pairs[t[0] - 0xC2] |= (uint64_t)1 << (t[1] & 63);
    size_t n;
    unsigned first = term_char_code(t, &n);
    if (first == TWO_ANY)
        return;         /* words starting so are told by their first only */
    unsigned second = t[n] ? term_char_code(t + n, &n) : TWO_ANY;
    two_set(f, first, second);
    if (second == 'i')
        two_set(f, first, 'y');
}

/* first_fold's answers: not known yet, any (the word is passed), an ASCII
 * byte (FOLDS_ASCII | b), a character of two bytes (FOLDS_PAIR | its
 * index, (lead - 0xC2) * 64 + (cont & 63)); either with FOLDS_LONGER when
 * more characters follow it (æ folds to ae).  Any of them with FOLDS_WORD
 * when the character itself is a letter or number (txt_char_goes_on). */
enum {
    FOLDS_UNKNOWN = 0, FOLDS_ANY = 1, FOLDS_WORD = 0x1000, FOLDS_ASCII = 0x2000,
    FOLDS_PAIR = 0x4000, FOLDS_LONGER = 0x8000
};

/* What the character lead cont (of two bytes) folds to first: a word
 * starting with it has a term starting so (folding works a character at
 * a time, and the marks after one fold away), and so has its stem when
 * the analyzer keeps first letters.  A character that folds to nothing,
 * or to one of three bytes or more, gives FOLDS_ANY. */
static unsigned first_fold_slow(txt_analyzer *a, unsigned lead, unsigned cont)
{
    size_t i = two_byte_index(lead, cont);
    if (!a->folds_to && !(a->folds_to = calloc(30 * 64, sizeof *a->folds_to)))
        return FOLDS_ANY;
    char c[2] = { (char)lead, (char)cont };
    buf_clear(&a->first);
    if (txt_fold(c, 2, &a->first) < 0)
        return FOLDS_ANY;       /* out of memory: ask again next time */
    const unsigned char *f = (const unsigned char *)a->first.data;
    unsigned e = FOLDS_ANY;
    if (a->first.len > 0 && f[0] < 0x80)
        e = FOLDS_ASCII | f[0] | (a->first.len > 1 ? FOLDS_LONGER : 0);
    else if (a->first.len >= 2 && is_two_byte(f[0], f[1]))
        e = FOLDS_PAIR | two_byte_index(f[0], f[1]) |
            (a->first.len > 2 ? FOLDS_LONGER : 0);
    if (txt_char_goes_on((int32_t)(((lead & 0x1F) << 6) | (cont & 0x3F))))
        e |= FOLDS_WORD;
    return a->folds_to[i] = (uint16_t)e;
}

/* first_fold_slow's answer, looked up inline once known: Greek or
 * Cyrillic text asks at every letter. */
static inline unsigned first_fold(txt_analyzer *a, unsigned lead, unsigned cont)
{
    unsigned e = a->folds_to ? a->folds_to[two_byte_index(lead, cont)] : FOLDS_UNKNOWN;
    return e != FOLDS_UNKNOWN ? e : first_fold_slow(a, lead, cont);
}

/* The code (see txt_firsts_add) of what first_fold answered e for. */
static inline unsigned fold_code(unsigned e)
{
    if (e & FOLDS_ASCII)
        return is_ascii_alnum(e & 0x7F) ? (e & 0x7F) : TWO_ANY;
    if (e & FOLDS_PAIR)
        return two_byte_code(e & 0x7FF);
    return TWO_ANY;
}

/* The code of a word's second character, at w (len bytes on): what its
 * term's second character is, when the first folds to one. */
static inline unsigned second_code(txt_analyzer *a, const unsigned char *w, size_t len)
{
    if (w[0] < 0x80)
        return is_ascii_alnum(w[0]) ? (unsigned)(w[0] | 0x20) : TWO_ANY;
    if (len < 2 || !is_two_byte(w[0], w[1]))
        return TWO_ANY;
    return fold_code(first_fold(a, w[0], w[1]));
}

/* Whether a word starting at w (len bytes on) may have a term and a stem
 * starting as firsts wants: by its first character folded (ASCII letters
 * to lower case, characters of two bytes as first_fold says), then by its
 * first two (see txt_firsts_add).  len may reach past the word: a word of
 * one character followed by another (a digit and a letter) is passed. */
static inline int may_start(txt_analyzer *a, const txt_firsts *firsts, const unsigned char *w,
                            size_t len)
{
    if (!firsts || !a->keeps_first)
        return 1;
    unsigned c = w[0], first;
    size_t n = 1;
    if (c < 0x80) {
        if (c >= 'A' && c <= 'Z')
            c += 32;
        if (!(firsts->bytes[c >> 6] >> (c & 63) & 1))
            return 0;
        first = is_ascii_alnum(c) ? c : TWO_ANY;
    } else {
        if (len < 2 || !is_two_byte(c, w[1]))
            return 1;
        unsigned e = first_fold(a, c, w[1]);
        if (e & FOLDS_ASCII) {
            if (!(firsts->bytes[(e & 0x7F) >> 6] >> (e & 63) & 1))
                return 0;
        } else if (e & FOLDS_PAIR) {
            if (!(firsts->pairs[(e & 0x7FF) >> 6] >> (e & 63) & 1))
                return 0;
        } else {
            return 1;
        }
        /* of a letter folding to two (æ), the term's second is its own */
        first = e & FOLDS_LONGER ? TWO_ANY : fold_code(e);
        n = 2;
    }
    if (first == TWO_ANY || n >= len || two_has(firsts, first, TWO_ANY))
        return 1;
    unsigned second = second_code(a, w + n, len - n);
    return second == TWO_ANY || second == first || two_has(firsts, first, second);
}

/* Whether word w takes a position of its own: an elided article shares
 * the position of the word after it. */
static inline int takes_position(const char *text, size_t len, txt_span w)
{
    return !(w.end < len && is_apostrophe_start(text[w.end]) && txt_is_elision(text, len, w));
}

/* Passes word w of text, at position p, to fn (unless firsts tells that it
 * cannot be wanted, or it is too long to be a term): fn's value, or -1
 * when memory ran out.  firsts NULL: the caller asked may_start already. */
static int emit_word(txt_analyzer *a, const char *text, size_t len, txt_span w, uint32_t p,
                     const txt_firsts *firsts, txt_token_fn fn, void *ctx)
{
    size_t wlen = w.end - w.start;
    if (wlen > TXT_MAX_TERM ||
        !may_start(a, firsts, (const unsigned char *)text + w.start, wlen))
        return 0;
    word_out o;
    if (analyze_word(a, text + w.start, wlen, len - w.start, &o) < 0)
        return -1;
    /* A word of nothing but ignorable letters folds to nothing. */
    if (o.tlen == 0 || o.tlen > TXT_MAX_FOLDED || o.slen > TXT_MAX_FOLDED)
        return 0;
    txt_token tok = {
        .span = w, .pos = p,
        .term = o.term, .term_len = o.tlen,
        .kind = TXT_WORD,
    };
    if (o.stem) {
        /* a stemmer that gives nothing: the term will do */
        tok.stem = o.slen ? o.stem : o.term;
        tok.stem_len = o.slen ? o.slen : o.tlen;
    }
    return fn(ctx, &tok);
}

static int analyze(txt_analyzer *a, const char *text, size_t len, const txt_firsts *firsts,
                   txt_token_fn fn, void *ctx, size_t *invalid, uint32_t *positions)
{
    size_t cursor = 0, bad = 0, whole_end = 0, scanned = 0;
    uint32_t pos = 0;
    txt_span w;
    int rc = 0;

    while (rc == 0 && txt_next_word(text, len, &cursor, &w, &bad)) {
        uint32_t p = takes_position(text, len, w) ? pos++ : pos;

        /* an e-mail address or URL starting here: whole, then its words */
        txt_kind kind;
        size_t e;
        if (w.start >= whole_end && w.end < len && may_go_on(text[w.end]) &&
            (e = txt_whole_at(text, len, w, &kind, &scanned)) != 0) {
            whole_end = e;
            if (e - w.start <= TXT_MAX_WHOLE) {
                buf_clear(&a->whole);
                if (txt_fold(text + w.start, e - w.start, &a->whole) < 0) {
                    rc = -1;
                    break;
                }
                if (a->whole.len > 0 && a->whole.len <= TXT_MAX_FOLDED) {
                    txt_token tok = {
                        .span = { w.start, e }, .pos = p,
                        .term = a->whole.data, .term_len = a->whole.len,
                        .kind = kind,
                    };
                    if ((rc = fn(ctx, &tok)) != 0)
                        break;
                }
            }
        }

        rc = emit_word(a, text, len, w, p, firsts, fn, ctx);
    }
    if (invalid)
        *invalid = bad;
    if (positions)
        *positions = pos;
    return rc;
}

int txt_analyze(txt_analyzer *a, const char *text, size_t len, txt_token_fn fn,
                void *ctx, size_t *invalid)
{
    return analyze(a, text, len, NULL, fn, ctx, invalid, NULL);
}

int txt_analyze_for(txt_analyzer *a, const char *text, size_t len, const txt_firsts *firsts,
                    txt_token_fn fn, void *ctx, uint32_t *positions)
{
    return analyze(a, text, len, firsts, fn, ctx, NULL, positions);
}

/* The next byte at or after i where a word that may_start lets through
 * starts, or len.  The scan (start_scan.h) passes over the bytes no such
 * word starts with and most letters after a letter. */
static size_t next_start(txt_analyzer *a, const txt_firsts *firsts, const start_scan *scan,
                         const char *text, size_t len, size_t i)
{
    const unsigned char *u = (const unsigned char *)text;
    for (;; i++) {
        if ((i = start_scan_next(scan, u, len, i)) >= len)
            return len;
        /* Nor after the letters of two bytes the scan does not know
         * (Armenian, Hebrew, Arabic, some Latin and Greek ones). */
        if (i > 1 && u[i] < 0xE0 && is_two_byte(u[i - 2], u[i - 1]) &&
            (first_fold(a, u[i - 2], u[i - 1]) & FOLDS_WORD))
            continue;
        /* Greek or Cyrillic text: most characters are no wanted start,
         * which costs less to tell than whether a word starts there */
        if (u[i] < 0xE0 && !may_start(a, firsts, u + i, len - i))
            continue;
        if (txt_word_starts_at(text, len, i))
            return i;
    }
}

/* Reads words from *cursor on, as txt_next_word gives them, counting the
 * positions they take into *pos, until one starts at or after stop (left
 * in *w: 1), the text ends (0), or *pos passes last (then *cursor is stop:
 * 2). */
static int read_until(const char *text, size_t len, size_t *cursor, size_t stop,
                      uint32_t last, uint32_t *pos, txt_span *w)
{
    while (txt_next_word(text, len, cursor, w, NULL)) {
        if (w->start >= stop)
            return 1;
        if (takes_position(text, len, *w) && ++*pos > last) {
            *cursor = stop;
            return 2;
        }
    }
    return 0;
}

int txt_analyze_near_for(txt_analyzer *a, const char *text, size_t len,
                         const txt_firsts *firsts, uint32_t reach, txt_token_fn fn, void *ctx,
                         uint32_t *positions)
{
    start_scan scan;
    start_scan_init(&scan, firsts->bytes, !a->keeps_first);
    size_t cursor = 0;
    uint32_t pos = 0, exact_to = 0;
    int near = 0;       /* within reach of a word fn kept: read every word */
    int rc = 0;
    for (;;) {
        size_t c = next_start(a, firsts, &scan, text, len, cursor);
        txt_span w;
        int got = near ? read_until(text, len, &cursor, c, exact_to, &pos, &w) : 2;
        if (got == 2) {
            /* further than reach from every word kept: the words up to c
             * are not read, and their positions not counted */
            near = 0;
            cursor = c;
            got = txt_next_word(text, len, &cursor, &w, NULL);
        }
        if (!got)
            break;
        uint32_t p = takes_position(text, len, w) ? pos++ : pos;
        /* a word starting at c, of one or two bytes, next_start asked
         * may_start about already: not again */
        int asked = w.start == c && (unsigned char)text[c] < 0xE0;
        rc = emit_word(a, text, len, w, p, asked ? NULL : firsts, fn, ctx);
        if (rc == TXT_KEPT) {
            near = 1;
            exact_to = p + reach;
            rc = 0;
        } else if (rc != 0) {
            break;
        }
    }
    /* the words after the last one kept, as far as reach, for what follows
     * the text (a field's next paragraph) */
    if (rc == 0 && near) {
        txt_span w;
        read_until(text, len, &cursor, len, exact_to, &pos, &w);
    }
    if (positions)
        *positions = pos;
    return rc;
}
