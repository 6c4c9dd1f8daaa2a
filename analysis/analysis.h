/*
 * analysis.h — the text analysis pipeline shared by the indexer and the
 * query library: words with byte offsets, folding, stemming.
 *
 * The same functions run at index time and at query time, so that a word
 * typed by a user and a word written on a page meet on the same term.
 *
 *  word   a maximal run of letters, marks and digits (Unicode categories
 *         L*, M*, N*).  Apostrophes and hyphens separate words, so
 *         "l’internationalisation" gives "l" and "internationalisation",
 *         "Île-de-France" gives three consecutive words.  Invalid UTF-8
 *         bytes separate words and are counted.  Ideographic and kana
 *         characters are one word each.
 *  term   the word normalised (NFKC), case folded (full folding: ß → ss,
 *         final sigma → σ), accents removed, and letters that do not
 *         decompose mapped (æ → ae, œ → oe, ø → o, ł → l, đ → d, þ → th,
 *         ı → i).  "Mattinò" and "MATTINO" both give "mattino".
 *  stem   the Snowball stem of the case-folded word (accents kept, as the
 *         stemmers expect), then folded like a term.
 */
#ifndef EVS_ANALYSIS_H
#define EVS_ANALYSIS_H

#include <stddef.h>
#include <stdint.h>

#include "../common/buf.h"

/* Longest word that is turned into a term, in bytes; longer runs are
 * still returned as words (for highlighting) but get no term. */
#define TXT_MAX_TERM 64

typedef struct txt_span {
    size_t start, end;      /* byte offsets into the text: [start, end) */
} txt_span;

/*
 * Finds the next word at or after *cursor in text[0..len) and advances
 * *cursor past it.  Returns 1 with *w filled, or 0 when there is none left.
 * Invalid UTF-8 bytes passed over are added to *invalid (may be NULL).
 */
int txt_next_word(const char *text, size_t len, size_t *cursor, txt_span *w,
                  size_t *invalid);

/* Appends the term of word[0..len) to out (see above).  0, or -1 when memory
 * ran out.  Pure ASCII words take a fast path that does not call utf8proc. */
int txt_fold(const char *word, size_t len, buf *out);

/* Appends word[0..len) normalised and case folded, accents kept. */
int txt_casefold(const char *word, size_t len, buf *out);

/* ------------------------------------------------------------- analyzer */

typedef struct txt_analyzer txt_analyzer;

/* An analyzer stems for lang (ISO 639-1); lang NULL or unknown to the stemmer:
 * no stems.  NULL when memory ran out. */
txt_analyzer *txt_analyzer_new(const char *lang);
void txt_analyzer_free(txt_analyzer *a);
/* Whether this analyzer stems (lang was known). */
int txt_analyzer_stems(const txt_analyzer *a);

typedef struct txt_token {
    txt_span span;          /* the word in the original text */
    uint32_t pos;           /* 0-based word position within this call */
    const char *term;       /* NUL-terminated; valid during the callback */
    size_t term_len;
    const char *stem;       /* NULL when the analyzer does not stem */
    size_t stem_len;
} txt_token;

/* Called for each token; a non-zero return stops the analysis and is
 * returned by txt_analyze. */
typedef int (*txt_token_fn)(void *ctx, const txt_token *tok);

/*
 * Tokenises text[0..len) and calls fn for every word that gives a term (words
 * longer than TXT_MAX_TERM bytes still take a position but are not passed).
 * Returns 0, -1 when memory ran out, or fn's non-zero value.  *invalid (may
 * be NULL) receives the count of invalid UTF-8 bytes.
 */
int txt_analyze(txt_analyzer *a, const char *text, size_t len, txt_token_fn fn,
                void *ctx, size_t *invalid);

/* Stems one already folded-for-case word; appends the folded stem to out. */
int txt_stem_word(txt_analyzer *a, const char *casefolded, size_t len, buf *out);

/* -------------------------------------------------------------- language */

/*
 * Guesses the language of text: an ISO 639-1 code among the languages the
 * detector knows, or NULL when the text gives too little to tell.  First
 * version: counts frequent function words per language.
 */
const char *txt_detect_lang(const char *text, size_t len);

/* Whether a term (folded) is a function word ("the", "de", "und") in one
 * of the detector's languages: such words are searched, but highlighting
 * them alone beside the words that carry the query is noise. */
int txt_is_function_word(const char *term, size_t len);

#endif
