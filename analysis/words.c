/*
 * words.c — splitting text into words with byte offsets (see analysis.h).
 *
 * A word starts at a letter or a number and goes on over letters, numbers
 * and combining marks.  Rules beyond the plain categories:
 *  - ideographs, kana and Thai letters are one word each (with the marks
 *    that follow them, such as the kana voicing marks);
 *  - the modifier letter apostrophe U+02BC separates words like ' and ’;
 *  - the Catalan middle dot in "l·l" (U+00B7 between two l) does not;
 *  - a combining mark that follows no letter (say a variation selector
 *    after an emoji) starts no word: it is passed over as a separator;
 *  - invisible format characters that are default ignorable (soft hyphen,
 *    zero-width joiners, word joiner) do not break a word when a letter or
 *    number follows them; folding removes them from the term.  The zero
 *    width space U+200B does break words.
 * Invalid UTF-8 is passed over one byte at a time, each byte counted.
 */
#include "analysis.h"

#include <utf8proc.h>

enum cls { C_SEP, C_WORD, C_SINGLE, C_MARK, C_FORMAT };

/* Scripts written without spaces: each letter is a word of its own. */
static int is_single(int32_t c)
{
    return (c >= 0x0E00 && c <= 0x0E7F)       /* Thai */
        || (c >= 0x3005 && c <= 0x3007)       /* 々 〆 〇 */
        || (c >= 0x3021 && c <= 0x3029)       /* Hangzhou numerals */
        || (c >= 0x3038 && c <= 0x303C)
        || (c >= 0x3040 && c <= 0x30FF)       /* Hiragana, Katakana */
        || (c >= 0x31F0 && c <= 0x31FF)       /* Katakana extensions */
        || (c >= 0x3400 && c <= 0x4DBF)       /* CJK extension A */
        || (c >= 0x4E00 && c <= 0x9FFF)       /* CJK unified ideographs */
        || (c >= 0xF900 && c <= 0xFAFF)       /* CJK compatibility */
        || (c >= 0xFF66 && c <= 0xFF9F)       /* half-width Katakana */
        || (c >= 0x1B000 && c <= 0x1B16F)     /* Kana supplement/ext. */
        || (c >= 0x20000 && c <= 0x323AF);    /* CJK extensions B-H */
}

static enum cls classify(int32_t c)
{
    /* ASCII first: the common case needs no table lookup. */
    if (c < 0x80) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
            (c >= '0' && c <= '9'))
            return C_WORD;
        return C_SEP;
    }
    const utf8proc_property_t *p = utf8proc_get_property(c);
    switch (p->category) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
        if (c == 0x02BC)                      /* ʼ modifier apostrophe */
            return C_SEP;
        return is_single(c) ? C_SINGLE : C_WORD;
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
        return C_MARK;
    case UTF8PROC_CATEGORY_CF:
        return p->ignorable && c != 0x200B ? C_FORMAT : C_SEP;
    default:
        return C_SEP;
    }
}

/* Decodes the character at text[i]; its length, or 0 when the byte there
 * does not start a valid sequence (or i is at the end). */
static size_t decode(const char *text, size_t len, size_t i, int32_t *cp)
{
    if (i >= len)
        return 0;
    unsigned char b = (unsigned char)text[i];
    if (b < 0x80) {
        *cp = b;
        return 1;
    }
    size_t rest = len - i;
    if (rest > 4)
        rest = 4;
    utf8proc_int32_t c;
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)text + i,
                                          (utf8proc_ssize_t)rest, &c);
    if (n <= 0 || c < 0)
        return 0;
    *cp = c;
    return (size_t)n;
}

int txt_next_word(const char *text, size_t len, size_t *cursor, txt_span *w,
                  size_t *invalid)
{
    size_t i = *cursor;
    while (i < len) {
        int32_t c;
        size_t n = decode(text, len, i, &c);
        if (n == 0) {                          /* invalid byte */
            if (invalid)
                (*invalid)++;
            i++;
            continue;
        }
        enum cls k = classify(c);
        if (k != C_WORD && k != C_SINGLE) {
            i += n;
            continue;
        }
        size_t start = i;
        int32_t prev = c;
        i += n;
        for (;;) {
            n = decode(text, len, i, &c);
            if (n == 0)
                break;
            enum cls k2 = classify(c);
            if (k2 == C_MARK || (k == C_WORD && k2 == C_WORD)) {
                prev = c;
                i += n;
                continue;
            }
            if (c == 0x00B7 && (prev == 'l' || prev == 'L')) {
                /* Catalan l·l: the middle dot is inside the word. */
                int32_t d;
                if (decode(text, len, i + n, &d) == 1 &&
                    (d == 'l' || d == 'L')) {
                    i += n;
                    continue;
                }
            }
            if (k == C_WORD && k2 == C_FORMAT) {
                /* Take a run of format characters only if the word goes
                 * on after it. */
                size_t j = i + n, m;
                int32_t d;
                while ((m = decode(text, len, j, &d)) != 0 &&
                       classify(d) == C_FORMAT)
                    j += m;
                if (m != 0 && classify(d) == C_WORD) {
                    i = j;
                    continue;
                }
            }
            break;
        }
        w->start = start;
        w->end = i;
        *cursor = i;
        return 1;
    }
    *cursor = i;
    return 0;
}
