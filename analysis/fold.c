/*
 * fold.c — terms and case-folded words (see analysis.h).
 *
 * Both functions decompose each character (compatibility decomposition,
 * full case folding, default ignorables dropped), put combining marks in
 * canonical order and compose again: NFKC_Casefold.  txt_fold in addition
 * drops accents and maps the letters that do not decompose.
 *
 * Accents are dropped by block, not by category: the combining marks used
 * as accents on Latin, Greek and Cyrillic (and the vowel points of Hebrew
 * and Arabic) go, while the marks that are part of a letter in other
 * scripts stay: the vowel signs of Devanagari or Thai, the kana voicing
 * marks (が does not become か).  Composing again keeps Hangul syllables
 * whole.  For Latin, Greek and Cyrillic this is the same as utf8proc's
 * UTF8PROC_STRIPMARK.
 *
 * No allocation for ordinary words: the code points are worked on in a
 * stack array, and only words that decompose to more than FOLD_STACK code
 * points take the heap.
 */
#include "analysis.h"

#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#define FOLD_STACK 256

/* A combining mark that is an accent (see above). */
static int is_accent(int32_t c)
{
    if (!((c >= 0x0300 && c <= 0x036F) ||     /* combining diacritics */
          (c >= 0x0483 && c <= 0x0489) ||     /* Cyrillic */
          (c >= 0x0591 && c <= 0x05C7) ||     /* Hebrew points */
          (c >= 0x0610 && c <= 0x061A) ||     /* Arabic */
          (c >= 0x064B && c <= 0x065F) ||
          c == 0x0670 ||
          (c >= 0x06D6 && c <= 0x06ED) ||
          (c >= 0x1AB0 && c <= 0x1AFF) ||     /* diacritics extended */
          (c >= 0x1DC0 && c <= 0x1DFF) ||     /* diacritics supplement */
          (c >= 0x20D0 && c <= 0x20FF) ||     /* for symbols */
          (c >= 0xFE20 && c <= 0xFE2F)))      /* half marks */
        return 0;
    utf8proc_category_t k = utf8proc_category(c);
    return k == UTF8PROC_CATEGORY_MN || k == UTF8PROC_CATEGORY_MC ||
           k == UTF8PROC_CATEGORY_ME;
}

/* Letters without a decomposition, after case folding: their ASCII
 * spelling, or NULL. */
static const char *letter_map(int32_t c)
{
    switch (c) {
    case 0x00E6: return "ae";   /* æ */
    case 0x0153: return "oe";   /* œ */
    case 0x00F8: return "o";    /* ø */
    case 0x0142: return "l";    /* ł */
    case 0x0111: return "d";    /* đ */
    case 0x00F0: return "d";    /* ð */
    case 0x00FE: return "th";   /* þ */
    case 0x0131: return "i";    /* ı */
    case 0x0127: return "h";    /* ħ */
    case 0x0167: return "t";    /* ŧ */
    case 0x02BC: return "";     /* ʼ, from ŉ: an apostrophe */
    default: return NULL;
    }
}

/* ASCII letters to lower case; every other byte unchanged. */
static const unsigned char lower[256] = {
    0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b,
    0x0c, 0x0d, 0x0e, 0x0f, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17,
    0x18, 0x19, 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x21, 0x22, 0x23,
    0x24, 0x25, 0x26, 0x27, 0x28, 0x29, 0x2a, 0x2b, 0x2c, 0x2d, 0x2e, 0x2f,
    0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3a, 0x3b,
    0x3c, 0x3d, 0x3e, 0x3f, 0x40, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67,
    0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f, 0x70, 0x71, 0x72, 0x73,
    0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7a, 0x5b, 0x5c, 0x5d, 0x5e, 0x5f,
    0x60, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b,
    0x6c, 0x6d, 0x6e, 0x6f, 0x70, 0x71, 0x72, 0x73, 0x74, 0x75, 0x76, 0x77,
    0x78, 0x79, 0x7a, 0x7b, 0x7c, 0x7d, 0x7e, 0x7f, 0x80, 0x81, 0x82, 0x83,
    0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x8b, 0x8c, 0x8d, 0x8e, 0x8f,
    0x90, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0x9b,
    0x9c, 0x9d, 0x9e, 0x9f, 0xa0, 0xa1, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7,
    0xa8, 0xa9, 0xaa, 0xab, 0xac, 0xad, 0xae, 0xaf, 0xb0, 0xb1, 0xb2, 0xb3,
    0xb4, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9, 0xba, 0xbb, 0xbc, 0xbd, 0xbe, 0xbf,
    0xc0, 0xc1, 0xc2, 0xc3, 0xc4, 0xc5, 0xc6, 0xc7, 0xc8, 0xc9, 0xca, 0xcb,
    0xcc, 0xcd, 0xce, 0xcf, 0xd0, 0xd1, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7,
    0xd8, 0xd9, 0xda, 0xdb, 0xdc, 0xdd, 0xde, 0xdf, 0xe0, 0xe1, 0xe2, 0xe3,
    0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xeb, 0xec, 0xed, 0xee, 0xef,
    0xf0, 0xf1, 0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9, 0xfa, 0xfb,
    0xfc, 0xfd, 0xfe, 0xff,
};

/* The fast path of both: when word is all ASCII, appends it in lower case
 * (its term and its case-folded form) and returns 1; else returns 0 with
 * out unchanged; -1 when memory ran out.  One pass: bytes are copied
 * lower-cased while checking (what was copied past out->len is then left
 * there unused). */
static int fold_ascii(const char *word, size_t len, buf *out)
{
    if (buf_reserve(out, len) < 0)
        return -1;
    const unsigned char *w = (const unsigned char *)word;
    unsigned char *d = (unsigned char *)out->data + out->len;
    unsigned acc = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned c = w[i];
        acc |= c;
        d[i] = lower[c];
    }
    if (acc & 0x80) {
        out->data[out->len] = '\0';
        return 0;
    }
    out->len += len;
    out->data[out->len] = '\0';
    return 1;
}

static int fold_unicode(const char *word, size_t len, buf *out, int strip)
{
    const utf8proc_option_t opts = UTF8PROC_STABLE | UTF8PROC_COMPAT |
        UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_IGNORE;
    utf8proc_int32_t stack[FOLD_STACK];
    utf8proc_int32_t *cp = stack;
    size_t cap = FOLD_STACK, n = 0;
    int rc = -1;

    /* Decompose and fold each valid character; invalid bytes are dropped. */
    size_t i = 0;
    while (i < len) {
        utf8proc_int32_t c;
        size_t rest = len - i < 4 ? len - i : 4;
        utf8proc_ssize_t r = utf8proc_iterate(
            (const utf8proc_uint8_t *)word + i, (utf8proc_ssize_t)rest, &c);
        if (r <= 0 || c < 0) {
            i++;
            continue;
        }
        i += (size_t)r;
        for (;;) {
            int bound = 0;
            utf8proc_ssize_t k = utf8proc_decompose_char(c, cp + n,
                (utf8proc_ssize_t)(cap - n), opts, &bound);
            if (k < 0)
                k = 0;
            if ((size_t)k <= cap - n) {
                n += (size_t)k;
                break;
            }
            size_t ncap = cap * 2;
            while (ncap < n + (size_t)k)
                ncap *= 2;
            utf8proc_int32_t *p;
            if (cp == stack) {
                p = malloc(ncap * sizeof *p);
                if (p)
                    memcpy(p, stack, n * sizeof *p);
            } else {
                p = realloc(cp, ncap * sizeof *p);
            }
            if (!p)
                goto done;
            cp = p;
            cap = ncap;
        }
    }

    if (strip) {
        /* Accents go, and the middle dot of the Catalan l·l, which NFKC
         * also makes of ŀ: "col·lecció" and "colŀlecció" give "colleccio". */
        size_t m = 0;
        for (size_t j = 0; j < n; j++)
            if (!is_accent(cp[j]) &&
                !(cp[j] == 0x00B7 && m > 0 && cp[m - 1] == 'l'))
                cp[m++] = cp[j];
        n = m;
    }

    /* Canonical ordering of combining marks (what utf8proc_decompose does
     * after decomposing), then canonical composition. */
    for (size_t j = 0; j + 1 < n;) {
        int a = utf8proc_get_property(cp[j])->combining_class;
        int b = utf8proc_get_property(cp[j + 1])->combining_class;
        if (b > 0 && a > b) {
            utf8proc_int32_t t = cp[j];
            cp[j] = cp[j + 1];
            cp[j + 1] = t;
            if (j > 0)
                j--;
        } else {
            j++;
        }
    }
    if (n > 0) {
        utf8proc_ssize_t m = utf8proc_normalize_utf32(cp, (utf8proc_ssize_t)n,
            UTF8PROC_STABLE | UTF8PROC_COMPOSE);
        if (m < 0)
            goto done;
        n = (size_t)m;
    }

    /* Encode; every mapped letter is no longer than the character it
     * replaces, so four bytes a code point are enough. */
    if (n > ((size_t)-1 / 8) || buf_reserve(out, n * 4) < 0)
        goto done;
    for (size_t j = 0; j < n; j++) {
        const char *map = strip ? letter_map(cp[j]) : NULL;
        if (map) {
            size_t ml = strlen(map);
            memcpy(out->data + out->len, map, ml);
            out->len += ml;
        } else {
            out->len += (size_t)utf8proc_encode_char(
                cp[j], (utf8proc_uint8_t *)out->data + out->len);
        }
    }
    out->data[out->len] = '\0';
    rc = 0;
done:
    if (cp != stack)
        free(cp);
    return rc;
}

int txt_fold(const char *word, size_t len, buf *out)
{
    int r = fold_ascii(word, len, out);
    return r != 0 ? (r < 0 ? -1 : 0) : fold_unicode(word, len, out, 1);
}

int txt_casefold(const char *word, size_t len, buf *out)
{
    int r = fold_ascii(word, len, out);
    return r != 0 ? (r < 0 ? -1 : 0) : fold_unicode(word, len, out, 0);
}
