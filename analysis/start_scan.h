/*
 * start_scan.h — where in a text a wanted word may start, found sixteen
 * bytes at a time.
 *
 * Snippets look for a few words in long fields (analyzer.c:
 * txt_analyze_near_for).  Most bytes of a field can be passed over
 * without reading a word: those no wanted word starts with, and those
 * that follow a letter.  Tested one byte at a time, that was a tenth of a
 * search's instructions, and in Greek or Cyrillic text every letter
 * stopped the loop.  With SSE2 a block of sixteen bytes is tested at once,
 * and only the bytes the block test lets through are looked at again, one
 * by one, with the same rule.
 */
#ifndef EVS_ANALYSIS_START_SCAN_H
#define EVS_ANALYSIS_START_SCAN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

static inline int is_ascii_alnum(unsigned c)
{
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/*
 * Whether lead cont is a letter of two bytes in a block where nearly all
 * characters are letters: Latin-1 but × and ÷, Latin Extended-A and B,
 * Greek, Cyrillic.  No word starts right after one (test_start_scan checks
 * each against txt_char_goes_on), so the scan passes over what follows.
 */
static inline int start_scan_letter2(unsigned lead, unsigned cont)
{
    if ((cont & 0xC0) != 0x80)
        return 0;
    if ((lead >= 0xC4 && lead <= 0xC9) || lead == 0xD0 || lead == 0xD1 || lead == 0xD3)
        return 1;
    switch (lead) {
    case 0xC3: return cont != 0x97 && cont != 0xB7;
    case 0xCE: return cont >= 0x8E && cont != 0xA2;
    case 0xCF: return cont != 0xB6;
    default: return 0;
    }
}

#define START_SCAN_LETTERS 4

typedef struct start_scan {
    uint64_t ascii[2];      /* the ASCII bytes a wanted word may start with,
                               both cases: bit c & 63 of ascii[c >> 6] */
    int n_letters;          /* how many, when few enough; else -1 */
#ifdef __SSE2__
    __m128i letters[START_SCAN_LETTERS];    /* each, lower case, in every byte */
#endif
} start_scan;

/*
 * Prepares s for words starting with the ASCII letters and digits whose
 * lower case has its bit set in lower (bit c & 63 of lower[c >> 6], as
 * txt_firsts keeps them; other bytes' bits are ignored), or with any
 * letter or digit when all_alnum, and for every byte that may start a
 * character beyond ASCII (0xC2..0xF4).
 */
void start_scan_init(start_scan *s, const uint64_t lower[2], int all_alnum);

/*
 * The first byte at or after i of u[0, len) that s wants and that follows
 * neither an ASCII letter or digit nor a start_scan_letter2 character,
 * but for the lead bytes of characters of three or four bytes (scripts
 * written without spaces start words after letters), which are let
 * through wherever they are; len when there is none.
 */
size_t start_scan_next(const start_scan *s, const unsigned char *u, size_t len, size_t i);

#endif
