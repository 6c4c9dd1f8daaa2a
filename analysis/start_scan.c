/*
 * start_scan.c — see start_scan.h.
 *
 * The block test may let through more bytes than are wanted, never
 * fewer: it tells ASCII letters by their lower case (so that the test for
 * a digit also lets through the control character 0x20 below the digit),
 * and takes every byte from 0xC2 on as a lead byte.  Each byte it lets through is
 * then tested exactly (accept), so the answer is that of the byte-by-byte
 * loop, which also reads the first two bytes, what is left after the last
 * full block, and everything where SSE2 is missing.
 */
#include "start_scan.h"

#define DIGITS 0x03FF000000000000u      /* '0'..'9' in the first word */
#define LOWER 0x07FFFFFE00000000u       /* 'a'..'z' in the second */

void start_scan_init(start_scan *s, const uint64_t lower[2], int all_alnum)
{
    uint64_t digits = all_alnum ? DIGITS : lower[0] & DIGITS;
    uint64_t letters = all_alnum ? LOWER : lower[1] & LOWER;
    s->ascii[0] = digits;
    s->ascii[1] = letters | letters >> 32;      /* 'A'..'Z' sit 32 below */
    int n = __builtin_popcountll(digits) + __builtin_popcountll(letters);
    s->n_letters = n <= START_SCAN_LETTERS ? n : -1;
#ifdef __SSE2__
    n = 0;
    for (unsigned c = '0'; c <= 'z' && s->n_letters > 0; c++)
        if (s->ascii[c >> 6] >> (c & 63) & 1 && !(c >= 'A' && c <= 'Z'))
            s->letters[n++] = _mm_set1_epi8((char)c);
#endif
}

static inline int wanted(const start_scan *s, unsigned c)
{
    return c < 0x80 ? (int)(s->ascii[c >> 6] >> (c & 63) & 1) : c >= 0xC2 && c <= 0xF4;
}

static inline int accept(const start_scan *s, const unsigned char *u, size_t j)
{
    if (!wanted(s, u[j]))
        return 0;
    if (u[j] >= 0xE0 || j == 0)
        return 1;
    return !is_ascii_alnum(u[j - 1]) && !(j >= 2 && start_scan_letter2(u[j - 2], u[j - 1]));
}

#ifdef __SSE2__

static inline __m128i bytes(unsigned char c)
{
    return _mm_set1_epi8((char)c);
}

/* x >= lo, bytes taken as unsigned */
static inline __m128i at_least(__m128i x, unsigned char lo)
{
    return _mm_cmpeq_epi8(_mm_max_epu8(x, bytes(lo)), x);
}

/* lo <= x <= lo + span, bytes taken as unsigned */
static inline __m128i within(__m128i x, unsigned char lo, unsigned char span)
{
    __m128i d = _mm_sub_epi8(x, bytes(lo));
    return _mm_cmpeq_epi8(_mm_min_epu8(d, bytes(span)), d);
}

static inline __m128i is(__m128i x, unsigned char c)
{
    return _mm_cmpeq_epi8(x, bytes(c));
}

static inline __m128i alnum(__m128i x)
{
    return _mm_or_si128(within(x, '0', 9), within(_mm_or_si128(x, bytes(0x20)), 'a', 25));
}

/* start_scan_letter2(lead, cont), byte by byte */
static inline __m128i letter2(__m128i lead, __m128i cont)
{
    __m128i whole = _mm_or_si128(_mm_or_si128(within(lead, 0xC4, 5), within(lead, 0xD0, 1)),
                                 is(lead, 0xD3));
    __m128i c3 = _mm_andnot_si128(_mm_or_si128(is(cont, 0x97), is(cont, 0xB7)), is(lead, 0xC3));
    __m128i ce = _mm_andnot_si128(is(cont, 0xA2), _mm_and_si128(is(lead, 0xCE),
                                                                at_least(cont, 0x8E)));
    __m128i cf = _mm_andnot_si128(is(cont, 0xB6), is(lead, 0xCF));
    __m128i any = _mm_or_si128(_mm_or_si128(whole, c3), _mm_or_si128(ce, cf));
    return _mm_and_si128(any, within(cont, 0x80, 0x3F));
}

/* The bytes of the block at p that may be accepted, as bits; p[-2] and
 * p[-1] are read. */
static inline unsigned block(const start_scan *s, const unsigned char *p)
{
    __m128i cur = _mm_loadu_si128((const __m128i *)p);
    __m128i prev = _mm_loadu_si128((const __m128i *)(p - 1));
    __m128i prev2 = _mm_loadu_si128((const __m128i *)(p - 2));
    __m128i ascii = _mm_setzero_si128();
    if (s->n_letters < 0) {
        ascii = alnum(cur);
    } else {
        __m128i folded = _mm_or_si128(cur, bytes(0x20));
        for (int k = 0; k < s->n_letters; k++)
            ascii = _mm_or_si128(ascii, _mm_cmpeq_epi8(folded, s->letters[k]));
    }
    __m128i after_letter = _mm_or_si128(alnum(prev), letter2(prev2, prev));
    __m128i starts = _mm_andnot_si128(after_letter, _mm_or_si128(ascii, at_least(cur, 0xC2)));
    return (unsigned)_mm_movemask_epi8(_mm_or_si128(starts, at_least(cur, 0xE0)));
}

#endif

size_t start_scan_next(const start_scan *s, const unsigned char *u, size_t len, size_t i)
{
#ifdef __SSE2__
    for (; i < 2 && i < len; i++)
        if (accept(s, u, i))
            return i;
    for (; len >= 16 && i <= len - 16; i += 16)
        for (unsigned m = block(s, u + i); m; m &= m - 1) {
            size_t j = i + (size_t)__builtin_ctz(m);
            if (accept(s, u, j))
                return j;
        }
#endif
    for (; i < len; i++)
        if (accept(s, u, i))
            return i;
    return len;
}
