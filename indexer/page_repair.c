/*
 * page_repair.c — undoes mojibake in a line of a session page.
 *
 * Mojibake is UTF-8 text whose bytes were once decoded as Windows-1252 (or
 * Latin-1) and encoded to UTF-8 again: "é" (C3 A9) became "Ã©" (U+00C3
 * U+00A9).  Every character of such a sequence still names one byte: the
 * characters U+0080..U+00FF name their own value, and the 27 characters
 * that Windows-1252 puts at 0x80..0x9F ("€", "’", "Ž", ...) name theirs.
 * So a sequence is undone by turning its characters back into bytes and
 * decoding those as UTF-8.  Text that went through the wrong decoding twice
 * ("ÃƒÂ©") is undone by doing it again, layer by layer.
 *
 * Genuine text must never be touched, so a sequence is repaired only when
 *   - it starts with a lead character U+00C2..U+00F4 (the bytes that start
 *     a multi-byte UTF-8 sequence) followed by exactly the number of
 *     characters that name continuation bytes 0x80..0xBF that the lead
 *     asks for, and those bytes are valid UTF-8 (no overlong form, no
 *     surrogate); and
 *   - the character it decodes to is one the archive can plausibly hold
 *     (plausible(), below): Latin letters of the EU languages, Greek,
 *     Cyrillic, punctuation, currency, a few symbols, emoji.
 * "Ãlvaro", "São", "Ærø" stay as they are: a letter that is not a
 * continuation byte follows the lead.  What is left on purpose, because
 * the repair would be a guess:
 *   - a sequence one of whose bytes was lost or replaced: "Ã" + a space
 *     (for "à", whose C3 A0 had its no-break space turned into a space),
 *     "Ã" + "?" for "Á" (0x81 has no Windows-1252 character), and "IŽle"
 *     for "Île", whose lead byte became an "I" (C3 8E would be "Î", but
 *     C4 8E, C5 8E ... would give other letters: which byte was lost is an
 *     inference from the word, not a reading of the bytes);
 *   - a genuine upper-case accented letter glued to a Windows-1252
 *     punctuation mark that together happen to spell a plausible letter,
 *     e.g. Portuguese "IRMÃ”" would become "IRMÔ".  Such text is very
 *     rare (capitals, no space before the quote), and most pairs decode to
 *     an implausible character and are left alone ("CAFÉ”", "FUß“").
 *
 * One more damage is repaired here because it is as unambiguous: "¤"
 * (U+00A4) glued between two non-space characters ("10/10/2012¤14:30",
 * "Aušra¤Petrauskienė") is a no-break space that a scraper rendered as the
 * currency sign; it becomes a space.  A currency sign is never written
 * between two words or numbers without spaces.
 *
 * Each character restored counts one repair, however many layers of
 * damage it had: "ÃƒÂ©" → "é" is one repair.
 */
#include "page_internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* The characters Windows-1252 puts at 0x80..0x9F (0: no character; those
 * bytes decode to U+0080.. as in Latin-1, and are found as such). */
static const uint16_t cp1252_high[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

/* The byte a character stood for when the text was decoded as
 * Windows-1252 or Latin-1, or -1 when it cannot come from one byte >= 0x80. */
static int byte_of(int32_t cp)
{
    if (cp >= 0x80 && cp <= 0xFF)
        return (int)cp;
    if (cp < 0x100 || cp > 0x2122)
        return -1;
    for (int i = 0; i < 32; i++)
        if (cp1252_high[i] == cp)
            return 0x80 + i;
    return -1;
}

/* Decoded characters a sequence may produce (inclusive ranges).  What is
 * not here (Arabic, Hebrew, IPA, Latin Extended-B, Armenian...) is far more
 * likely to be a genuine letter followed by punctuation than a repair. */
static const struct {
    int32_t lo, hi;
} plausible_ranges[] = {
    {0x00A0, 0x00FF},   /* Latin-1 letters and symbols */
    {0x0100, 0x017F},   /* Latin Extended-A: the letters of the EU languages */
    {0x0218, 0x021B},   /* Romanian S and T with comma below */
    {0x0384, 0x03CE},   /* Greek (monotonic) */
    {0x0400, 0x045F},   /* Cyrillic: Bulgarian and its neighbours */
    {0x2010, 0x203A},   /* dashes, quotes, bullet, ellipsis, per mille */
    {0x20A0, 0x20BF},   /* currency signs, the euro */
    {0x2100, 0x214F},   /* letterlike: trade mark, numero */
    {0x2190, 0x21FF},   /* arrows */
    {0x2200, 0x22FF},   /* mathematical operators: minus, less or equal */
    {0x25A0, 0x25FF},   /* geometric shapes: bullets of lists */
    {0x2600, 0x27BF},   /* symbols and dingbats: check marks */
    {0xFB00, 0xFB06},   /* Latin ligatures */
    {0xFEFF, 0xFEFF},   /* byte order mark (dropped later) */
    {0x1F300, 0x1FAFF}, /* emoji */
};

/* Combining accents a decomposed letter may carry (e + U+0301); only after
 * a letter. */
static int common_combining(int32_t cp)
{
    return (cp >= 0x0300 && cp <= 0x030C && cp != 0x0305 && cp != 0x0309) ||
           cp == 0x0323 || (cp >= 0x0326 && cp <= 0x0328);
}

static int is_letter(int32_t cp)
{
    utf8proc_category_t c = utf8proc_category(cp);
    return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

/* Characters that only stand for a byte of a further layer of damage:
 * "ƒ" (0x83), "ˆ" (0x88), "˜" (0x98) and the C1 controls (Latin-1's
 * 0x80..0x9F).  Text mangled three times holds them ("ÃƒÆ’Ã‚Â©" for "é"),
 * but a genuine letter before a quote could spell them too ("KÆ’s" would
 * give "Kƒs"), so they are taken only right after a sequence repaired in
 * the same layer, where the next layer will need them. */
static int intermediate(int32_t cp)
{
    return cp == 0x0192 || cp == 0x02C6 || cp == 0x02DC ||
           (cp >= 0x80 && cp <= 0x9F);
}

static int plausible(int32_t cp, int32_t before, int after_repair)
{
    if (intermediate(cp))
        return after_repair;
    if (common_combining(cp))
        return before >= 0 && is_letter(before);
    for (size_t i = 0; i < sizeof plausible_ranges / sizeof plausible_ranges[0];
         i++)
        if (cp >= plausible_ranges[i].lo && cp <= plausible_ranges[i].hi)
            return 1;
    return 0;
}

/*
 * Whether cps[i..] starts a mojibake sequence; when it does, returns its
 * length in characters (2..4) and the character it stands for.  before is
 * the character written before it (-1: none), after_repair whether that
 * one was itself repaired in this layer.
 */
static size_t sequence_at(const int32_t *cps, size_t n, size_t i,
                          int32_t before, int after_repair, int32_t *out)
{
    int32_t lead = cps[i];
    if (lead < 0xC2 || lead > 0xF4)
        return 0;
    size_t need = lead <= 0xDF ? 1 : lead <= 0xEF ? 2 : 3;
    if (i + need >= n)
        return 0;
    unsigned char b[4];
    b[0] = (unsigned char)lead;
    for (size_t k = 1; k <= need; k++) {
        int v = byte_of(cps[i + k]);
        if (v < 0x80 || v > 0xBF)
            return 0;
        b[k] = (unsigned char)v;
    }
    utf8proc_int32_t cp;
    /* utf8proc_iterate refuses overlong forms and surrogates */
    if (utf8proc_iterate(b, (utf8proc_ssize_t)(need + 1), &cp) !=
        (utf8proc_ssize_t)(need + 1))
        return 0;
    if (!plausible(cp, before, after_repair))
        return 0;
    *out = cp;
    return need + 1;
}

/* One layer: repairs the sequences of cps[0..*n) in place; how many. */
static size_t repair_layer(int32_t *cps, unsigned char *fixed, size_t *n)
{
    size_t r = 0, w = 0, done = 0;
    int after_repair = 0;
    while (r < *n) {
        int32_t cp;
        size_t k =
            sequence_at(cps, *n, r, w ? cps[w - 1] : -1, after_repair, &cp);
        after_repair = k != 0;
        if (k) {
            cps[w] = cp;
            fixed[w] = 1;
            r += k;
            done++;
        } else {
            cps[w] = cps[r];
            fixed[w] = fixed[r];
            r++;
        }
        w++;
    }
    *n = w;
    return done;
}

/* A "¤" between two non-space characters. */
static int stray_currency(const int32_t *cps, size_t n, size_t i)
{
    return cps[i] == 0xA4 && i > 0 && i + 1 < n && cps[i - 1] != ' ' &&
           cps[i + 1] != ' ' && cps[i - 1] != 0xA0 && cps[i + 1] != 0xA0 &&
           cps[i - 1] != '\t' && cps[i + 1] != '\t';
}

/* The first byte of a character that byte_of() maps to a continuation
 * byte 0x80..0xBF: U+0080..U+00BF (C2), and Windows-1252's "Œ", "Š",
 * "Ž"... (C5), "ƒ" (C6), "ˆ" and "˜" (CB), the quotes, dashes, "€" and
 * "™" (E2). */
static int names_continuation_first(unsigned char c)
{
    return c == 0xC2 || c == 0xC5 || c == 0xC6 || c == 0xCB || c == 0xE2;
}

/* A sequence starts with a lead character U+00C2..U+00F4 (C3 82..C3 B4)
 * right before a character that names a continuation byte; "¤" is C2 A4.
 * Genuine accented letters (C3 followed by a letter or a space) are told
 * apart here, without decoding the line: a look for C3 alone sent every
 * line with "é" or "ö" through the repair (300 generated pages: page
 * reading 289 M instructions then, 233 M now). */
int page_line_may_need_repair(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i + 1 < len; i++) {
        if (p[i] == 0xC2 && p[i + 1] == 0xA4)
            return 1;
        if (p[i] == 0xC3 && p[i + 1] >= 0x82 && p[i + 1] <= 0xB4 && i + 2 < len &&
            names_continuation_first(p[i + 2]))
            return 1;
    }
    return 0;
}

int page_repair_line(const char *s, size_t len, buf *out, size_t *repairs)
{
    if (!page_line_may_need_repair(s, len))
        return len ? buf_append(out, s, len) : 0;
    int32_t *cps = malloc(len * sizeof *cps);
    unsigned char *fixed = calloc(len, 1);
    if (!cps || !fixed) {
        free(cps);
        free(fixed);
        return -1;
    }
    size_t n = 0, i = 0;
    while (i < len) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                              (utf8proc_ssize_t)(len - i), &cp);
        if (k <= 0) { /* not expected: the text was validated */
            cp = (unsigned char)s[i];
            k = 1;
        }
        cps[n++] = cp;
        i += (size_t)k;
    }
    /* Three layers undo text that was mangled three times; more is noise. */
    for (int layer = 0; layer < 3 && repair_layer(cps, fixed, &n); layer++)
        ;
    size_t count = 0;
    for (size_t k = 0; k < n; k++) {
        if (stray_currency(cps, n, k)) {
            cps[k] = ' ';
            fixed[k] = 1;
        }
        count += fixed[k];
    }
    /* at most four bytes a character, written in place */
    int rc = buf_reserve(out, 4 * n);
    for (size_t k = 0; k < n && rc == 0; k++)
        out->len += (size_t)utf8proc_encode_char(
            cps[k], (utf8proc_uint8_t *)out->data + out->len);
    if (rc == 0 && out->data)
        out->data[out->len] = '\0';
    free(cps);
    free(fixed);
    if (rc == 0 && repairs)
        *repairs += count;
    return rc;
}
