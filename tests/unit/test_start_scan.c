/*
 * test_start_scan.c — the block scan for where a wanted word may start,
 * against the rule of start_scan.h applied one byte at a time: on random
 * bytes and on text made of words, at every offset and length around the
 * sixteen-byte blocks, with few letters wanted and with many; and that
 * no word starts after what the scan takes for a letter of two bytes.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "analysis/analysis.h"
#include "analysis/start_scan.h"
#include "tests/check.h"
#include "tests/unit/analysis_helpers.h"

/* The rule, read from the header: is byte j of u wanted there? */
static int want_at(const uint64_t lower[2], int all_alnum, const unsigned char *u, size_t j)
{
    unsigned c = u[j], lc = c >= 'A' && c <= 'Z' ? c + 32 : c;
    int wanted = c >= 0x80 ? c >= 0xC2 && c <= 0xF4
                           : is_ascii_alnum(c) && (all_alnum || (lower[lc >> 6] >> (lc & 63) & 1));
    return wanted && (c >= 0xE0 || j == 0 ||
                      (!is_ascii_alnum(u[j - 1]) && !(j >= 2 && start_scan_letter2(u[j - 2], u[j - 1]))));
}

static size_t reference(const uint64_t lower[2], int all_alnum, const unsigned char *u,
                        size_t len, size_t i)
{
    for (; i < len; i++)
        if (want_at(lower, all_alnum, u, i))
            return i;
    return len;
}

/* Every answer from every start in u[0, len), as a caller walks. */
static int agrees(const uint64_t lower[2], int all_alnum, const unsigned char *u, size_t len)
{
    start_scan s;
    start_scan_init(&s, lower, all_alnum);
    for (size_t i = 0; i <= len; i++)
        if (start_scan_next(&s, u, len, i) != reference(lower, all_alnum, u, len, i))
            return 0;
    return 1;
}

/* Wanted letters: the lower case of each byte of letters. */
static void set_lower(uint64_t lower[2], const char *letters)
{
    lower[0] = lower[1] = 0;
    for (const unsigned char *c = (const unsigned char *)letters; *c; c++)
        lower[*c >> 6] |= 1ull << (*c & 63);
}

static void test_cases(void)
{
    uint64_t lower[2];
    set_lower(lower, "vc");
    const unsigned char *t = (const unsigned char *)"Value chains, evolved: VC cv";
    start_scan s;
    start_scan_init(&s, lower, 0);
    size_t len = strlen((const char *)t);
    CHECK_INT(start_scan_next(&s, t, len, 0), 0);           /* "Value", either case */
    CHECK_INT(start_scan_next(&s, t, len, 1), 6);           /* "chains" */
    CHECK_INT(start_scan_next(&s, t, len, 7), 23);          /* "VC"; not the v of "evolved" */
    CHECK_INT(start_scan_next(&s, t, len, 24), 26);         /* "cv"; not the C of "VC" */
    CHECK_INT(start_scan_next(&s, t, len, 27), len);
    CHECK(s.n_letters == 2);

    /* lead bytes: of two bytes only after a space, of three anywhere */
    const unsigned char *g = (const unsigned char *)
        "xx\xce\x94 \xce\x94 abcdefghijklmnop\xe6\x9d\xb1 qrstuvwxyz0123456789";
    set_lower(lower, "");
    start_scan_init(&s, lower, 0);
    len = strlen((const char *)g);
    CHECK_INT(start_scan_next(&s, g, len, 0), 5);           /* not the Δ after "xx" */
    CHECK_INT(start_scan_next(&s, g, len, 6), 24);          /* 東 after a letter */
    CHECK_INT(start_scan_next(&s, g, len, 25), len);
    CHECK(s.n_letters == 0);
    /* after a letter of two bytes only where it is not one: Α Β, then Γ
     * after a space, × after Γ, Δ after × */
    const unsigned char *e = (const unsigned char *)"\xce\x91\xce\x92 \xce\x93\xc3\x97\xce\x94";
    size_t elen = strlen((const char *)e);
    CHECK_INT(start_scan_next(&s, e, elen, 0), 0);
    CHECK_INT(start_scan_next(&s, e, elen, 1), 5);
    CHECK_INT(start_scan_next(&s, e, elen, 6), 9);
    CHECK_INT(start_scan_next(&s, e, elen, 10), elen);
    /* many letters, and every letter or digit */
    set_lower(lower, "abcdefq9");
    start_scan_init(&s, lower, 0);
    CHECK(s.n_letters == -1);
    CHECK_INT(start_scan_next(&s, g, len, 6), 8);
    CHECK_INT(start_scan_next(&s, g, len, 25), 28);         /* "q...", not the 9 */
    start_scan_init(&s, lower, 1);
    CHECK_INT(start_scan_next(&s, g, len, 25), 28);
    CHECK_INT(start_scan_next(&s, g, len, 29), len);
}

/* What the scan takes for a letter is one for the analysis too: a word
 * goes on through it (words.c), so none starts right after it. */
static void test_letters(void)
{
    int taken = 0, bad = 0;
    for (unsigned lead = 0xC2; lead <= 0xDF; lead++)
        for (unsigned cont = 0; cont < 256; cont++) {
            if (!start_scan_letter2(lead, cont))
                continue;
            taken++;
            int32_t c = (int32_t)((lead & 0x1F) << 6 | (cont & 0x3F));
            if ((cont & 0xC0) != 0x80 || !txt_char_goes_on(c)) {
                if (bad++ < 3)
                    fprintf(stderr, "  %02X %02X is no letter\n", lead, cont);
            }
        }
    CHECK_INT(bad, 0);
    CHECK(taken > 700);     /* Latin-1, Latin Extended, Greek, Cyrillic */
}

static void test_random(void)
{
    static const char *const sets[] = { "", "v", "vc", "vcle", "x7", "1", "abcde", "etaoinsr",
                                        "0123456789", "\x15" "a", "A" };
    static const char *const pieces[] = {
        "value", "Value", "chains", "VC", "7x", "\xce\x94\xce\xae", "\xe6\x9d\xb1\xe4\xba\xac",
        "\xc3\xa9t\xc3\xa9", "\xf0\x9f\x98\x80", "\xff", "\x80v", " ", ", ", "\n", "\x15", "-",
        "\xd1\x80\xd0\xb0", "\xc3\x97", "\xc3\xb7", "\xce\x87", "\xce\xa2", "\xcf\xb6",
        "\xc5\x99\xc3\xad", "\xd2\x82", "\xc2\xa0",
    };
    unsigned char text[300];
    int bad = 0;
    for (int iter = 0; iter < 4000; iter++) {
        size_t len = test_rnd() % (sizeof text);
        if (iter % 2) {
            for (size_t i = 0; i < len; i++)
                text[i] = (unsigned char)test_rnd();
        } else {
            size_t n = 0;
            while (n < len) {
                const char *p = pieces[test_rnd() % (sizeof pieces / sizeof pieces[0])];
                size_t pl = strlen(p);
                if (n + pl > len)
                    break;
                memcpy(text + n, p, pl);
                n += pl;
            }
            len = n;
        }
        uint64_t lower[2];
        set_lower(lower, sets[test_rnd() % (sizeof sets / sizeof sets[0])]);
        int all = test_rnd() % 5 == 0;
        if (!agrees(lower, all, text, len) && bad++ < 3)
            fprintf(stderr, "  scan differs on %zu bytes (iteration %d)\n", len, iter);
    }
    CHECK_INT(bad, 0);
}

int main(void)
{
    test_cases();
    test_letters();
    test_random();
    return check_exit();
}
