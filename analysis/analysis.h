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
 *         "Île-de-France" gives three consecutive words.  Digits joined by
 *         a single "," or "." are one word ("1,000", "3.5"); codes mixing
 *         letters and digits are one word ("S3", "09C14"; "EU-27" is two).
 *         Invalid UTF-8 bytes separate words and are counted.  Scripts
 *         written without spaces (Chinese, Japanese kana, Thai) give
 *         overlapping bigrams: "区域发展" gives "区域", "域发", "发展", so
 *         that a query of two characters or more finds them as a word or
 *         a phrase of bigrams; a character alone is a word of one.
 *  elision  an article elided before a vowel in French, Italian or
 *         Catalan ("l’", "d’", "qu’", "dell’", "un’", with ' ’ or ʼ) is a
 *         word of the text, but takes the position of the word it is
 *         joined to, and a query passes over it (txt_next_query_word): so
 *         "l’internationalisation" and "internationalisation" find each
 *         other, as words or inside phrases, and "l internationalisation"
 *         typed with a space still finds the first.
 *  whole  an e-mail address ("info@example.eu") or URL ("https://…",
 *         "www.…") is split into its words like any text, and also given
 *         whole as one more token (kind TXT_EMAIL or TXT_URL) that spans
 *         from its first word to its last.
 *  term   the word normalised (NFKC), case folded (full folding: ß → ss,
 *         final sigma → σ), accents removed, and letters that do not
 *         decompose mapped (æ → ae, œ → oe, ø → o, ł → l, đ → d, þ → th,
 *         ı → i).  "Mattinò" and "MATTINO" both give "mattino".
 *  stem   the Snowball stem of the case-folded word (accents kept, as the
 *         stemmers expect), then folded like a term.
 *
 * Positions: each word takes the next position (0, 1, 2, ...), bigrams
 * included, except an elided article, which shares the position of the
 * word after it and comes just before it.  A whole e-mail address or URL
 * takes the position of its first word and comes just before it.  So
 * positions never decrease; a phrase of the parts ("info example eu", as
 * the query side splits an address) matches at consecutive positions,
 * while the whole term can be matched on its own; and a phrase typed
 * without the elided article matches across it.  Whoever compares
 * neighbouring tokens (phrases in highlighting) must therefore step by
 * position, not by token: several tokens may share one.
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
 * *cursor past it (for a bigram but the last of its run, to its second
 * character only: bigrams overlap).  Returns 1 with *w filled, or 0 when
 * there is none left.  Invalid UTF-8 bytes passed over are added to
 * *invalid (may be NULL).  Elided articles are words here; see
 * txt_next_query_word.
 */
int txt_next_word(const char *text, size_t len, size_t *cursor, txt_span *w,
                  size_t *invalid);

/*
 * Whether txt_next_word, reading text from its start, would come to byte i
 * as the start of a word (or of a letter of a script written without
 * spaces, whose bigram txt_next_word from i tells), looking only at the
 * characters around i: for callers that jump to the words they want.
 */
int txt_word_starts_at(const char *text, size_t len, size_t i);

/* Whether code point c is a letter or number that a word goes on over.
 * Right after one, txt_word_starts_at finds no start, but at a letter of a
 * script written without spaces (of three bytes or more). */
int txt_char_goes_on(int32_t c);

/* Whether word w of text is an elided article ("l" in "l’Europe"; see
 * above). */
int txt_is_elision(const char *text, size_t len, txt_span w);

/* txt_next_word for the words of a query: passes over elided articles. */
int txt_next_query_word(const char *text, size_t len, size_t *cursor, txt_span *w,
                        size_t *invalid);

/* ------------------------------------------- e-mail addresses and URLs */

typedef enum txt_kind {
    TXT_WORD = 0,           /* a word, number, or bigram */
    TXT_EMAIL,              /* a whole e-mail address (its words follow) */
    TXT_URL                 /* a whole URL (its words follow) */
} txt_kind;

/* Longest e-mail address or URL given whole, in bytes of text; longer ones
 * are only split. */
#define TXT_MAX_WHOLE 128

/*
 * Whether an e-mail address or URL starts with the word w (as found by
 * txt_next_word): its end (the end of its last word; > w.end), with *kind
 * set, or 0.  *scanned (0 at the start of a text) carries what was already
 * looked at from one call to the next over the same text, so that a long
 * run of dotted words costs linear time.
 */
size_t txt_whole_at(const char *text, size_t len, txt_span w, txt_kind *kind,
                    size_t *scanned);

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
    const char *stem;       /* NULL when the analyzer does not stem, and
                               for a whole e-mail address or URL */
    size_t stem_len;
    txt_kind kind;          /* TXT_WORD, or a whole e-mail address or URL */
} txt_token;

/* Called for each token; a non-zero return stops the analysis and is
 * returned by txt_analyze. */
typedef int (*txt_token_fn)(void *ctx, const txt_token *tok);

/*
 * Tokenises text[0..len) and calls fn for every word that gives a term (words
 * longer than TXT_MAX_TERM bytes still take a position but are not passed),
 * and for every whole e-mail address or URL just before its first word
 * (see Positions above).  Returns 0, -1 when memory ran out, or fn's
 * non-zero value.  *invalid (may be NULL) receives the count of invalid
 * UTF-8 bytes.
 *
 * An analyzer caches the term and stem of the words it has seen (a few
 * thousand, growing with use up to about 1.5 MB), so reuse one analyzer
 * per language rather than making one per text.
 */
int txt_analyze(txt_analyzer *a, const char *text, size_t len, txt_token_fn fn,
                void *ctx, size_t *invalid);

/*
 * The first letters of the terms and stems a caller looks for (snippets:
 * the query's words), by which txt_analyze_for tells most other words
 * apart before analysing them: their first bytes, and for those that
 * start with a character of two bytes (Greek, Cyrillic, accented Latin),
 * that character; then the first two characters together, when both are
 * letters or digits of one or two bytes.  Zeroed, nothing is wanted;
 * txt_firsts_add adds a term.
 */
typedef struct txt_firsts {
    uint64_t bytes[4];      /* byte c: bit c & 63 of bytes[c >> 6] */
    uint64_t pairs[30];     /* characters lead cont (lead 0xC2..0xDF): bit
                               cont & 63 of pairs[lead - 0xC2] */
    uint64_t twos[16];      /* first two characters, hashed (analyzer.c) */
} txt_firsts;

void txt_firsts_add(txt_firsts *f, const char *term);

/*
 * As txt_analyze, for a caller that looks for a few words only: a word
 * whose term and stem cannot start as one of firsts' does is not passed:
 * it costs no folding, stemming, cache lookup or call, only its position.
 * Words are told so by their first two characters, folded (Île by i,
 * Ένωση by εν), when these have one or two bytes; words starting
 * otherwise are passed.  Every word whose term or stem starts with the
 * first two characters of a term added to firsts (its only one, when it
 * has one) is passed; some others are.  Only analyzers whose stemmer
 * takes endings off (an Irish one rewrites a word's start), or that have
 * none, tell.  The words passed have the positions txt_analyze gives
 * them; *positions (unless NULL) is set to the number the text takes,
 * the last position plus one.
 */
int txt_analyze_for(txt_analyzer *a, const char *text, size_t len, const txt_firsts *firsts,
                    txt_token_fn fn, void *ctx, uint32_t *positions);

/*
 * As txt_analyze_for, reading less: it jumps from one byte that a wanted
 * word may start with to the next (txt_word_starts_at), and reads the
 * words between only near a word that fn keeps (fn returns TXT_KEPT for
 * it; any other value but 0 stops, as in txt_analyze): as far as reach
 * positions after it, for their positions.  The words passed are those
 * txt_analyze_for passes, but for whole e-mail addresses and URLs (whose
 * terms hold punctuation no word has).  Between words kept, and from each
 * to *positions (unless NULL), the differences of positions are those
 * txt_analyze_for gives where these are reach or less, and more than
 * reach where those are: what snippets' phrases and NEAR groups compare.
 * Other words' positions mean nothing.
 */
#define TXT_KEPT 2
int txt_analyze_near_for(txt_analyzer *a, const char *text, size_t len,
                         const txt_firsts *firsts, uint32_t reach, txt_token_fn fn, void *ctx,
                         uint32_t *positions);

/* Stems one already folded-for-case word; appends the folded stem to out. */
int txt_stem_word(txt_analyzer *a, const char *casefolded, size_t len, buf *out);

/* What an analyzer did so far, for benchmarks and tuning. */
typedef struct txt_analyzer_stats {
    uint64_t lookups;       /* words looked up in the cache */
    uint64_t hits;          /* found there */
    size_t slots;           /* cache size, in entries */
} txt_analyzer_stats;

void txt_analyzer_get_stats(const txt_analyzer *a, txt_analyzer_stats *out);

/* -------------------------------------------------------------- language */

/*
 * Guesses the language of text[0..len) among the 24 official languages of
 * the EU (bg cs da de el en es et fi fr ga hr hu it lt lv mt nl pl pt ro sk
 * sl sv): its ISO 639-1 code (a string that lives for ever), or NULL when
 * the text gives too little to tell: fewer than three letters, or fewer
 * than ten and no language clearly ahead ("de la" is French, Spanish or
 * Romanian).  A few words usually suffice ("Každý má právo na" is Slovak or
 * Czech, and may come out as either); a paragraph practically always does.
 *
 * A character n-gram model (langid.h; made from text that Debian ships, see
 * langmodel/README.md) compiled into the library: no data file, no
 * allocation per call (the first call indexes the model: about 0.7 MB),
 * and safe to call from any number of threads at once.  Costs about 5 µs
 * for a short text and reads about 5 MB/s (one core); only the first
 * megabyte of a longer text is read.  Invalid UTF-8 is read as spaces.
 */
const char *txt_detect_lang(const char *text, size_t len);

/*
 * The same among the languages listed in codes, a NULL-terminated array of
 * ISO 639-1 codes (the languages an archive uses, say); codes the detector
 * does not know are ignored, and NULL codes means all 24.  NULL when none
 * of codes is known.  Restricting helps where languages are close: among
 * { "en", "fr", "de", NULL }, a Slovak text is never taken for Czech.
 */
const char *txt_detect_lang_among(const char *text, size_t len,
                                  const char *const *codes);

/* Whether the detector knows the language code ("fr": yes; "xx": no). */
int txt_lang_known(const char *code);

/*
 * Mixed pages: calls fn for every paragraph of text[0..len) — each line,
 * without its leading and trailing white space; blank lines are skipped —
 * with its span and language (txt_detect_lang_among with codes).  A
 * paragraph too short to tell (a heading, a name) takes the language of the
 * next paragraph that tells, or else of the previous one, or else NULL.
 * The indexer calls this on a field whose paragraphs may differ, and
 * detects a short field (a title, a quote) whole.  Returns 0, -1 when
 * memory ran out (before any call of fn), or fn's first non-zero return,
 * which stops the walk.
 */
typedef int (*txt_para_fn)(void *ctx, txt_span paragraph, const char *lang);
int txt_detect_paragraphs(const char *text, size_t len, const char *const *codes,
                          txt_para_fn fn, void *ctx);

/* Whether a term (folded) is a function word ("the", "de", "und") in one
 * of the detector's languages: such words are searched, but highlighting
 * them alone beside the words that carry the query is noise. */
int txt_is_function_word(const char *term, size_t len);

#endif
