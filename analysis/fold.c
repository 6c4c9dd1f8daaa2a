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

static int fold_ascii(const char *word, size_t len, buf *out)
{
    if (buf_reserve(out, len) < 0)
        return -1;
    char *d = out->data + out->len;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)word[i];
        d[i] = (char)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    }
    out->len += len;
    out->data[out->len] = '\0';
    return 0;
}

static int is_ascii(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)s[i] & 0x80)
            return 0;
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
    if (is_ascii(word, len))
        return fold_ascii(word, len, out);
    return fold_unicode(word, len, out, 1);
}

int txt_casefold(const char *word, size_t len, buf *out)
{
    if (is_ascii(word, len))
        return fold_ascii(word, len, out);
    return fold_unicode(word, len, out, 0);
}
