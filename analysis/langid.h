/*
 * langid.h — character n-gram language identification: what the detector
 * (detect_lang.c), the model trainer (langmodel/train.c) and the benchmark
 * share.  Not part of the public API.
 *
 * Text is read as a stream of normalised characters: letters in lower case
 * (simple case mapping), combining marks after a letter, an apostrophe or a
 * hyphen right after a letter ("ta'", "l'", "il-", kept because Maltese,
 * French, Italian and Irish write their articles and elisions that way),
 * and one space for every run of anything else (digits, punctuation,
 * symbols, white space, invalid UTF-8).  The stream starts and ends with a
 * space.  Its n-grams of 1 to LANGID_ORDERS characters (a space alone is
 * not one) are hashed to 64 bits: the n-grams of "Das Recht" are "d", " d",
 * "a", "da", " da", ..., "t", "ht", "cht", "echt", "t ", "ht ", "cht ".  At
 * the space after a word of LANGID_MIN_WORD characters or more, the whole
 * word is one more feature ("das", "recht").
 *
 * The model is, for each language, a character 4-gram language model with
 * "stupid backoff" (Brants et al. 2007): a character scores the relative
 * frequency of the longest n-gram ending with it that the language lists,
 * log c(hc)/c(h), plus a fixed penalty per order it had to back off, and a
 * constant when no order lists it.  Words add naive Bayes evidence (log
 * probability of the word, or a floor per language when not listed) with a
 * weight.  The text's score for a language is the sum.  The model is a byte
 * blob (layout in langid.c; langmodel/README.md tells how it is made),
 * compiled into the library: langid_model.c is generated at build time
 * from langmodel/langid.bin.
 */
#ifndef EVS_ANALYSIS_LANGID_H
#define EVS_ANALYSIS_LANGID_H

#include <stddef.h>
#include <stdint.h>

#define LANGID_ORDERS 4
/* Kinds of feature: the n-grams of each order, then whole words. */
#define LANGID_KINDS (LANGID_ORDERS + 1)
#define LANGID_WORD (LANGID_KINDS - 1)
/* Shorter words are left to the n-grams (" de " is a 4-gram). */
#define LANGID_MIN_WORD 3
#define LANGID_MAX_LANGS 32

/* ------------------------------------------------------------- features */

typedef struct langid_stream {
    uint32_t ring[LANGID_ORDERS];   /* last characters, ring[pos % ORDERS] */
    unsigned pos;                   /* characters pushed so far */
    int last_space;                 /* the last character pushed is a space */
    int prev_letter;                /* the last code point read is a letter */
    uint64_t word_hash;             /* of the word being read */
    unsigned word_len;              /* its characters so far */
} langid_stream;

/* The features that end at one character: h[n - 1] for the n-gram of
 * order n, for n = first + 1 .. count; at the space after a word of
 * LANGID_MIN_WORD characters or more, also the whole word, h[LANGID_WORD]. */
typedef struct langid_grams {
    uint64_t h[LANGID_KINDS];
    unsigned count;
    unsigned first;     /* 1 when h[0] is a space alone, not an n-gram */
    int word;           /* h[LANGID_WORD] is set */
} langid_grams;

void langid_stream_init(langid_stream *s);

/*
 * Reads text[*cursor..len) until one character enters the stream, advances
 * *cursor past what was read, and fills *g with the n-grams that end with
 * that character.  Returns 1, or 0 at the end of the text, after the final
 * space (call again: 0 again).  *letters (may be NULL) counts the letters
 * read.
 */
int langid_stream_next(langid_stream *s, const char *text, size_t len,
                       size_t *cursor, langid_grams *g, size_t *letters);

/* ---------------------------------------------------------------- model */

/* A key as scoring finds it: its fingerprint beside where its entry in
 * post starts (it ends where the next key's starts), so that a lookup
 * reads both at once. */
typedef struct langid_key {
    uint16_t fp;        /* the hash's top 16 bits */
    uint16_t unused;
    uint32_t first;
} langid_key;

typedef struct langid_model {
    uint32_t nlangs;
    char codes[LANGID_MAX_LANGS][4];    /* NUL-terminated ISO 639-1 */
    float word_floor[LANGID_MAX_LANGS]; /* log p of a word not listed */
    float step[LANGID_KINDS];           /* value v of an n-gram: log p = -v * step;
                                           of a word: word_floor + v * step */
    float backoff;                      /* log penalty per order backed off */
    float unseen;                       /* log p of a character no order lists */
    float word_weight;
    uint32_t flags;                     /* none defined yet: 0 */
    uint32_t bucket_bits;
    uint32_t nkeys, npostings;
    const unsigned char *buckets;       /* 2^bucket_bits + 1 × (u32 first key,
                                           u32 first posting) */
    const unsigned char *fps;           /* nkeys × u16: the hash's top bits */
    const unsigned char *postings;      /* npostings × LANGID_POSTING_BITS,
                                           packed: last of its key << 10 |
                                           language << 5 | value */
    /* Made on opening, for scoring (5.5 MB for the model shipped): */
    uint32_t *sub;                      /* (2^bucket_bits << LANGID_SUB_BITS)
                                           + 1 × the first key of each bucket
                                           and fingerprint's top bits */
    langid_key *keys;                   /* nkeys + 1, in the blob's order */
    uint16_t *post;                     /* per key, its postings (language << 8
                                           | value), or its table: see
                                           LANGID_DENSE_MIN */
} langid_model;

/* A key with this many postings or more, no language twice, is scored
 * from a table by language, so that the languages a longer n-gram
 * already scored are skipped without being read.  Its entry in post is
 * then the table itself, where its postings would be: LANGID_DENSE_MARK,
 * the mask of its languages (low and high 16 bits), a unit unused, then a
 * byte per language of the model, its value.  In the entry, the table
 * costs no read that waits for another (it was a row apart, and waiting
 * for it was a third of detection's time under perf). */
#define LANGID_DENSE_MIN 6
#define LANGID_DENSE_MARK 0xFFFFu
#define LANGID_DENSE_HEAD 4

/* A bucket is split by its fingerprints' top bits, so that a lookup
 * compares about 1.3 fingerprints rather than the bucket's 22. */
#define LANGID_SUB_BITS 4

/* A posting: a value of 5 bits, a language of 5, a flag. */
#define LANGID_VALUE_BITS 5
#define LANGID_MAX_VALUE ((1 << LANGID_VALUE_BITS) - 1)
#define LANGID_POSTING_BITS (LANGID_VALUE_BITS + 5 + 1)

/* Magic and version at the start of a blob. */
#define LANGID_MAGIC "EVSLID05"

/* Reads a blob (which must outlive the model), checking all of it.  0, or
 * -1 when it is not a well-formed model or memory ran out.  A model opened
 * is closed with langid_model_close (it holds the index made on opening:
 * 5.5 MB for the model shipped). */
int langid_model_open(langid_model *m, const void *blob, size_t size);
void langid_model_close(langid_model *m);

/* The model compiled into the library (parsed once; thread-safe). */
const langid_model *langid_default_model(void);

/* The language's index in the model, or -1. */
int langid_lang_index(const langid_model *m, const char *code);

typedef struct langid_result {
    double score[LANGID_MAX_LANGS];   /* log likelihood of the text per language */
    size_t grams;                      /* characters scored */
    size_t letters;                    /* letters read */
} langid_result;

/* Scores text[0..len) against every language of the model. */
void langid_score(const langid_model *m, const char *text, size_t len,
                  langid_result *r);

/*
 * The same, but stops reading once the best language among those of mask
 * leads the runner-up by margin (nats) or more, after LANGID_DECIDE_MIN
 * characters at least: a long text's language is usually clear after a
 * few sentences, and the rest would cost time without changing the
 * answer.  r then holds the scores of the part read.  The minimum matters
 * more than the margin: paragraphs often open with a name in another
 * language ("Agenția pentru Dezvoltare Regională Centru said ...").  On
 * 3,784 paragraphs of 200 bytes or more (generated pages and corpus/),
 * stopping after 64 characters agreed with reading all in 97.8% to 99.3%
 * (margins 30 to 100), after 128 in 99.5% to 99.8%, after 200 in 100% with
 * a margin of 60, reading 36% of the characters.
 */
#define LANGID_DECIDE_MIN 200
void langid_score_until(const langid_model *m, const char *text, size_t len,
                        uint32_t mask, double margin, langid_result *r);

/*
 * The best language among those whose bit is set in mask (bit i: the
 * model's language i), or -1 when the text gives too little to tell: fewer
 * than LANGID_MIN_LETTERS letters, or fewer than LANGID_SHORT letters and a
 * lead over the runner-up below LANGID_SHORT_MARGIN (nats).  Longer texts
 * always get their best language: on four words, a close call is still
 * right more often than not.  *margin (may be NULL) receives the lead.
 */
#define LANGID_MIN_LETTERS 3
#define LANGID_SHORT 10
#define LANGID_SHORT_MARGIN 1.0
int langid_best(const langid_model *m, const langid_result *r, uint32_t mask,
                double *margin);

#endif
