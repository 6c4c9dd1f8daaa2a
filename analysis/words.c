/*
 * words.c — splitting text into words with byte offsets (see analysis.h).
 *
 * A word starts at a letter or a number and goes on over letters, numbers
 * and combining marks.  Rules beyond the plain categories:
 *  - digits joined by a single "," or "." stay one word: "1,000", "3.5",
 *    "1.000,50" (but "2018." ends at the 8, and "a.b" is two words);
 *  - ideographs, kana and Thai letters (the scripts written without
 *    spaces) give overlapping bigrams: each such character with the next
 *    one of the same script group, "東京都" giving "東京" and "京都".  A
 *    character with no neighbour of its group is a word alone.  The marks
 *    that follow a character (kana voicing marks, Thai vowel signs) belong
 *    to it.  Each bigram but the last of a run leaves the cursor at its
 *    second character, so bigrams overlap by one character;
 *  - the modifier letter apostrophe U+02BC separates words like ' and ’;
 *  - the Catalan middle dot in "l·l" (U+00B7 between two l) does not;
 *  - a combining mark that follows no letter (say a variation selector
 *    after an emoji) starts no word: it is passed over as a separator;
 *  - invisible format characters that are default ignorable (soft hyphen,
 *    zero-width joiners, word joiner) do not break a word when a letter or
 *    number follows them; folding removes them from the term.  The zero
 *    width space U+200B does break words.
 * Invalid UTF-8 is passed over one byte at a time, each byte counted.
 *
 * Speed: ASCII is classified by a table and scanned in a tight loop; only
 * bytes from 0x80 up are decoded (by a strict decoder here, no call) and
 * looked up in utf8proc's property tables.
 */
#include "analysis.h"

#include <string.h>

#include <utf8proc.h>

enum cls { C_SEP, C_WORD, C_SINGLE, C_MARK, C_FORMAT };

/* Script groups written without spaces; bigrams stay within a group. */
enum { G_NONE, G_CJK, G_THAI };

/* 1 for the ASCII letters and digits. */
static const unsigned char ascii_word[128] = {
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1,
    ['5'] = 1, ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1,
    ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1,
    ['G'] = 1, ['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1,
    ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1,
    ['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1,
    ['Y'] = 1, ['Z'] = 1,
    ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1,
    ['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1,
    ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1,
    ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
    ['y'] = 1, ['z'] = 1,
};

static int is_digit(int32_t c)
{
    return c >= '0' && c <= '9';
}

#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define SWAR 1
#define ONES 0x0101010101010101ull
#define HIGH (ONES * 0x80)

/* 0x80 in each byte of v (all below 0x80) that is from lo to hi. */
static inline uint64_t in_range(uint64_t v, unsigned lo, unsigned hi)
{
    return (v + ONES * (0x80 - lo)) & ~(v + ONES * (0x7F - hi)) & HIGH;
}
#else
#define SWAR 0
#endif

/* The end of the run of ASCII letters and digits at u[i..len): eight bytes
 * at a time where the text is long enough. */
static inline size_t ascii_run(const unsigned char *u, size_t i, size_t len)
{
#if SWAR
    while (len - i >= 8) {
        uint64_t x;
        memcpy(&x, u + i, 8);
        uint64_t v = x & ~HIGH;
        uint64_t word = (in_range(v, '0', '9') | in_range(v | ONES * 0x20, 'a', 'z')) & ~x;
        uint64_t stop = ~word & HIGH;
        if (stop)
            return i + ((size_t)__builtin_ctzll(stop) >> 3);
        i += 8;
    }
#endif
    while (i < len && u[i] < 0x80 && ascii_word[u[i]])
        i++;
    return i;
}

/* The script group of a letter written without spaces, or G_NONE. */
static int single_group(int32_t c)
{
    if (c >= 0x0E00 && c <= 0x0E7F)           /* Thai */
        return G_THAI;
    if ((c >= 0x3005 && c <= 0x3007)          /* 々 〆 〇 */
        || (c >= 0x3021 && c <= 0x3029)       /* Hangzhou numerals */
        || (c >= 0x3038 && c <= 0x303C)
        || (c >= 0x3040 && c <= 0x30FF)       /* Hiragana, Katakana */
        || (c >= 0x31F0 && c <= 0x31FF)       /* Katakana extensions */
        || (c >= 0x3400 && c <= 0x4DBF)       /* CJK extension A */
        || (c >= 0x4E00 && c <= 0x9FFF)       /* CJK unified ideographs */
        || (c >= 0xF900 && c <= 0xFAFF)       /* CJK compatibility */
        || (c >= 0xFF66 && c <= 0xFF9F)       /* half-width Katakana */
        || (c >= 0x1B000 && c <= 0x1B16F)     /* Kana supplement/ext. */
        || (c >= 0x20000 && c <= 0x323AF))    /* CJK extensions B-H */
        return G_CJK;
    return G_NONE;
}

/* The class of a character from U+0080 up. */
static enum cls classify_u(int32_t c)
{
    const utf8proc_property_t *p = utf8proc_get_property(c);
    switch (p->category) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
        if (c == 0x02BC)                      /* ʼ modifier apostrophe */
            return C_SEP;
        return single_group(c) ? C_SINGLE : C_WORD;
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
        return C_MARK;
    case UTF8PROC_CATEGORY_CF:
        return p->ignorable && c != 0x200B ? C_FORMAT : C_SEP;
    default:
        return C_SEP;
    }
}

static enum cls classify(int32_t c)
{
    if (c < 0x80)
        return ascii_word[c] ? C_WORD : C_SEP;
    return classify_u(c);
}

/* Decodes the character at text[i] strictly (no overlong forms, no
 * surrogates, nothing above U+10FFFF): its length, or 0 when the byte
 * there does not start a valid sequence (or i is at the end). */
static inline size_t decode(const char *text, size_t len, size_t i, int32_t *cp)
{
    if (i >= len)
        return 0;
    const unsigned char *s = (const unsigned char *)text + i;
    size_t rest = len - i;
    unsigned b = s[0];
    if (b < 0x80) {
        *cp = (int32_t)b;
        return 1;
    }
    if (b < 0xC2)
        return 0;
    if (b < 0xE0) {
        if (rest < 2 || (s[1] & 0xC0) != 0x80)
            return 0;
        *cp = (int32_t)(((b & 0x1F) << 6) | (s[1] & 0x3F));
        return 2;
    }
    if (b < 0xF0) {
        if (rest < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
            return 0;
        int32_t c = (int32_t)(((b & 0x0F) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3F));
        if (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF))
            return 0;
        *cp = c;
        return 3;
    }
    if (b < 0xF5) {
        if (rest < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
            (s[3] & 0xC0) != 0x80)
            return 0;
        int32_t c = (int32_t)(((b & 0x07) << 18) | ((s[1] & 0x3Fu) << 12) |
                              ((s[2] & 0x3Fu) << 6) | (s[3] & 0x3F));
        if (c < 0x10000 || c > 0x10FFFF)
            return 0;
        *cp = c;
        return 4;
    }
    return 0;
}

/* The end of the marks that follow text[i..). */
static size_t skip_marks(const char *text, size_t len, size_t i)
{
    int32_t c = 0;
    size_t n;
    while ((n = decode(text, len, i, &c)) != 0 && c >= 0x80 && classify_u(c) == C_MARK)
        i += n;
    return i;
}

/* The script group of the unit (a letter and its marks) that ends exactly
 * at end, looking back no further than a few marks; G_NONE when there is
 * none. */
static int group_before(const char *text, size_t end)
{
    for (int marks = 0; end > 0 && marks < 8; marks++) {
        size_t lead = end - 1;
        while (lead > 0 && end - lead < 4 && ((unsigned char)text[lead] & 0xC0) == 0x80)
            lead--;
        int32_t c = 0;
        if (decode(text, end, lead, &c) != end - lead)
            return G_NONE;
        if (c < 0x80)
            return G_NONE;
        enum cls k = classify_u(c);
        if (k == C_SINGLE)
            return single_group(c);
        if (k != C_MARK)
            return G_NONE;
        end = lead;
    }
    return G_NONE;
}

/* A word of a script without spaces starts at start (its first letter
 * being c, n bytes long): a bigram, a lone letter, or nothing when this
 * letter closes a run (the bigram before covered it).  Returns 1 with w
 * and *cursor set, or 0 with *cursor past the letter. */
static int single_word(const char *text, size_t len, size_t start, int32_t c,
                       size_t n, size_t *cursor, txt_span *w)
{
    int g = single_group(c);
    size_t e0 = skip_marks(text, len, start + n);
    int32_t d = 0;
    size_t m = decode(text, len, e0, &d);
    if (m != 0 && d >= 0x80 && single_group(d) == g && classify_u(d) == C_SINGLE) {
        w->start = start;
        w->end = skip_marks(text, len, e0 + m);
        *cursor = e0;
        return 1;
    }
    *cursor = e0;
    if (group_before(text, start) == g)
        return 0;
    w->start = start;
    w->end = e0;
    return 1;
}

int txt_next_word(const char *text, size_t len, size_t *cursor, txt_span *w,
                  size_t *invalid)
{
    const unsigned char *u = (const unsigned char *)text;
    size_t i = *cursor;
    while (i < len) {
        /* separators, ASCII first */
        unsigned b = u[i];
        if (b < 0x80 && !ascii_word[b]) {
            i++;
            continue;
        }
        size_t start = i;
        int32_t c = 0, prev;
        size_t n;
        if (b < 0x80) {
            prev = (int32_t)b;
            i++;
        } else {
            n = decode(text, len, i, &c);
            if (n == 0) {                     /* invalid byte */
                if (invalid)
                    (*invalid)++;
                i++;
                continue;
            }
            enum cls k = classify_u(c);
            if (k == C_SINGLE) {
                if (single_word(text, len, start, c, n, &i, w)) {
                    *cursor = i;
                    return 1;
                }
                continue;
            }
            if (k != C_WORD) {
                i += n;
                continue;
            }
            prev = c;
            i += n;
        }

        /* the rest of a word */
        for (;;) {
            size_t j = ascii_run(u, i, len);
            if (j > i) {
                prev = (int32_t)u[j - 1];
                i = j;
            }
            if (i >= len)
                break;
            b = u[i];
            if (b < 0x80) {
                /* 1,000 and 3.5: one word */
                if ((b == ',' || b == '.') && is_digit(prev) && i + 1 < len &&
                    is_digit(u[i + 1])) {
                    prev = u[i + 1];
                    i += 2;
                    continue;
                }
                break;
            }
            n = decode(text, len, i, &c);
            if (n == 0)
                break;
            enum cls k2 = classify_u(c);
            if (k2 == C_MARK || k2 == C_WORD) {
                prev = c;
                i += n;
                continue;
            }
            if (c == 0x00B7 && (prev == 'l' || prev == 'L')) {
                /* Catalan l·l: the middle dot is inside the word. */
                if (i + n < len && (u[i + n] == 'l' || u[i + n] == 'L')) {
                    i += n;
                    continue;
                }
            }
            if (k2 == C_FORMAT) {
                /* Take a run of format characters only if the word goes
                 * on after it. */
                size_t j = i + n, m;
                int32_t d = 0;
                while ((m = decode(text, len, j, &d)) != 0 && classify(d) == C_FORMAT)
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

/* What the character that ends exactly at end (> 0) is, for
 * txt_word_starts_at: its class and *cp its code point, or C_SEP and -1
 * for an invalid byte (passed over as a separator); *start is where it
 * begins. */
static enum cls class_before(const char *text, size_t end, int32_t *cp, size_t *start)
{
    const unsigned char *u = (const unsigned char *)text;
    size_t lead = end - 1;
    while (lead > 0 && end - lead < 4 && (u[lead] & 0xC0) == 0x80)
        lead--;
    int32_t c = 0;
    if (decode(text, end, lead, &c) != end - lead) {
        *cp = -1;
        *start = end - 1;
        return C_SEP;
    }
    *cp = c;
    *start = lead;
    return classify(c);
}

/* Whether what ends at end, looking back over marks (and, with
 * over_format, format characters), is a letter or number that a word
 * would go on from. */
static int word_goes_on_before(const char *text, size_t end, int over_format)
{
    while (end > 0) {
        int32_t c;
        size_t start;
        enum cls k = class_before(text, end, &c, &start);
        if (k == C_WORD)
            return 1;
        if (k != C_MARK && !(over_format && k == C_FORMAT))
            return 0;
        end = start;
    }
    return 0;
}

int txt_char_goes_on(int32_t c)
{
    return c >= 0 && classify(c) == C_WORD;
}

int txt_word_starts_at(const char *text, size_t len, size_t i)
{
    int32_t c = 0, p;
    if (decode(text, len, i, &c) == 0)
        return 0;
    enum cls k = classify(c);
    if (k == C_SINGLE)
        return 1;   /* a bigram, or a letter closing a run: txt_next_word tells */
    if (k != C_WORD)
        return 0;
    if (i == 0)
        return 1;
    size_t at;
    switch (class_before(text, i, &p, &at)) {
    case C_WORD:
        return 0;
    case C_SINGLE:
        return 1;
    case C_MARK:
        /* marks belong to the letter before them; after anything else
         * they are passed over as separators */
        return !word_goes_on_before(text, at, 0);
    case C_FORMAT:
        /* a run of them inside a word is taken when a letter or number
         * follows, which c is */
        return !word_goes_on_before(text, at, 1);
    default:
        if ((p == ',' || p == '.') && is_digit(c) && at > 0 &&
            is_digit((unsigned char)text[at - 1]))
            return 0;   /* 1,000 and 3.5 */
        if (p == 0x00B7 && (c == 'l' || c == 'L') && at > 0 &&
            (text[at - 1] == 'l' || text[at - 1] == 'L'))
            return 0;   /* Catalan l·l */
        return 1;
    }
}

/* ------------------------------------------------------------- elisions */

/* Articles and the like that French, Italian and Catalan elide before a
 * vowel ("l’", "d’", "qu’", "dell’", "un’"), in lower case. */
static const char *const elided[] = {
    "c", "d", "j", "l", "m", "n", "s", "t", "v",
    "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu", "quelqu",
    "all", "coll", "dall", "dell", "nell", "pell", "sull",
    "gl", "agl", "dagl", "degl", "negl", "sugl",
    "un", "quell", "quest", "nessun", "buon", "sant", "bell",
};

int txt_is_elision(const char *text, size_t len, txt_span w)
{
    size_t n = w.end - w.start, e = w.end;
    if (n == 0 || n > 6 || e >= len)
        return 0;
    const unsigned char *u = (const unsigned char *)text;
    /* an apostrophe: ' or ’ or ʼ */
    size_t a = u[e] == '\'' ? 1
             : e + 2 < len && u[e] == 0xE2 && u[e + 1] == 0x80 && u[e + 2] == 0x99 ? 3
             : e + 1 < len && u[e] == 0xCA && u[e + 1] == 0xBC ? 2 : 0;
    if (a == 0)
        return 0;
    /* then a letter */
    int32_t c = 0;
    size_t m = decode(text, len, e + a, &c);
    if (m == 0 || !(c < 0x80 ? ascii_word[c] && !is_digit(c) : classify_u(c) == C_WORD))
        return 0;
    char low[8];
    for (size_t i = 0; i < n; i++) {
        unsigned char b = u[w.start + i];
        if (b >= 0x80 || !ascii_word[b])
            return 0;
        low[i] = (char)(b | 0x20);
    }
    low[n] = '\0';
    for (size_t i = 0; i < sizeof elided / sizeof elided[0]; i++)
        if (strcmp(low, elided[i]) == 0)
            return 1;
    return 0;
}

int txt_next_query_word(const char *text, size_t len, size_t *cursor, txt_span *w,
                        size_t *invalid)
{
    while (txt_next_word(text, len, cursor, w, invalid))
        if (!txt_is_elision(text, len, *w))
            return 1;
    return 0;
}

/* ------------------------------------------------- e-mail addresses, URLs */

static int is_alnum(unsigned c)
{
    return c < 0x80 && ascii_word[c];
}

static int is_local_char(unsigned c)
{
    return is_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

/* A domain name at text[i..): labels of letters, digits and inner hyphens,
 * at least two, joined by dots, the last with a letter.  Returns its end,
 * or 0. */
static size_t domain_end(const unsigned char *s, size_t len, size_t i)
{
    size_t labels = 0, end = 0;
    for (;;) {
        size_t j = i;
        int letter = 0;
        while (j < len && (is_alnum(s[j]) || s[j] == '-')) {
            letter |= !is_digit((int32_t)s[j]) && s[j] != '-';
            j++;
        }
        if (j == i || s[i] == '-' || s[j - 1] == '-')
            break;
        labels++;
        if (labels >= 2 && letter)
            end = j;
        if (j + 1 < len && s[j] == '.' && is_alnum(s[j + 1]))
            i = j + 1;
        else
            break;
    }
    return end;
}

/* The end of a URL's rest at text[i..): ASCII that may stand in a URL,
 * and letters, digits and marks beyond ASCII (Île-de-France in a path). */
static size_t url_rest_end(const char *text, size_t len, size_t i)
{
    const unsigned char *s = (const unsigned char *)text;
    while (i < len) {
        unsigned b = s[i];
        if (b < 0x80) {
            if (b <= ' ' || b == 0x7F || b == '"' || b == '<' || b == '>' ||
                b == '\\' || b == '^' || b == '`' || b == '{' || b == '|' || b == '}')
                break;
            i++;
            continue;
        }
        int32_t c = 0;
        size_t n = decode(text, len, i, &c);
        if (n == 0)
            break;
        enum cls k = classify_u(c);
        if (k != C_WORD && k != C_MARK && k != C_SINGLE)
            break;
        i += n;
    }
    return i;
}

static int word_is(const unsigned char *s, size_t len, const char *lower)
{
    size_t n = 0;
    for (; lower[n]; n++)
        if (n >= len || (s[n] | 0x20) != (unsigned char)lower[n])
            return 0;
    return n == len;
}

size_t txt_whole_at(const char *text, size_t len, txt_span w, txt_kind *kind,
                    size_t *scanned)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t e = w.end;
    if (e >= len)
        return 0;
    unsigned next = s[e];
    /* the common case: a word followed by a blank, or a letter (beyond
     * ASCII) */
    if (next != '@' && next != '.' && next != ':' && next != '_' && next != '%' &&
        next != '+' && next != '-')
        return 0;

    size_t end = 0;
    const unsigned char *ws = s + w.start;
    size_t wl = w.end - w.start;
    if (next == ':' && (word_is(ws, wl, "http") || word_is(ws, wl, "https") ||
                        word_is(ws, wl, "ftp"))) {
        if (e + 3 < len && s[e + 1] == '/' && s[e + 2] == '/' && is_alnum(s[e + 3]))
            end = url_rest_end(text, len, e + 3);
        *kind = TXT_URL;
    } else if (next == '.' && word_is(ws, wl, "www")) {
        if (domain_end(s, len, w.start))
            end = url_rest_end(text, len, e);
        *kind = TXT_URL;
    } else {
        /* an e-mail address: local part, @, domain.  The local part
         * runs to the same place from every word inside it: once it was
         * scanned in vain, the words before its end need not be. */
        *kind = TXT_EMAIL;
        if (e < *scanned)
            return 0;
        size_t j = e;
        while (j < len && is_local_char(s[j]))
            j++;
        if (j < len && s[j] == '@' && s[j - 1] != '.')
            end = domain_end(s, len, j + 1);
        /* whatever comes of it, the words before j need no other try */
        *scanned = j;
    }
    if (end == 0)
        return 0;
    /* End with the last word inside: not on a trailing full stop, slash or
     * bracket, and never inside a word. */
    size_t cursor = w.start, last = 0;
    txt_span x;
    while (txt_next_word(text, end, &cursor, &x, NULL))
        last = x.end;
    /* the last word must end where the text's word ends too (a bigram or a
     * number cut by the end of the address would not) */
    if (last <= w.end)
        return 0;
    cursor = x.start;
    txt_span y;
    if (txt_next_word(text, len, &cursor, &y, NULL) && y.start == x.start && y.end != last)
        return 0;
    return last;
}
