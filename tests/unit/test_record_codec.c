/*
 * test_record_codec.c — stored records, packed and unpacked: every byte
 * back (NULs, binary, one byte, a megabyte) and NUL-terminated, many
 * records through one codec; the built-in dictionary at work on text it
 * was not trained on; and what is not a frame of ours refused with the
 * reason, never misread: garbage, a cut frame, a changed byte, a frame
 * written without the dictionary.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zstd.h>

#include "shim/record_codec.h"
#include "tests/check.h"
#include "tests/testdata.h"

/* src packed and unpacked again by c, compared byte for byte; the packed
 * length, or 0 when something failed. */
static size_t round_trip(rec_codec *c, const char *src, size_t len)
{
    char *packed = malloc(rec_codec_bound(len));
    size_t plen = 0, ulen = 0;
    char *back = NULL;
    CHECK(packed != NULL);
    if (!packed)
        return 0;
    CHECK_INT(rec_codec_pack(c, src, len, packed, &plen), ENG_OK);
    CHECK_INT(rec_codec_unpack(c, packed, plen, &back, &ulen), ENG_OK);
    int same = back && ulen == len && memcmp(back, src, len) == 0 && back[len] == '\0';
    CHECK(same);
    free(back);
    free(packed);
    return same ? plen : 0;
}

static void test_round_trips(void)
{
    rec_codec *c = rec_codec_new();
    CHECK(c != NULL);
    static const char nuls[] = "title\0with\0NULs\0\0";
    CHECK(round_trip(c, nuls, sizeof nuls) > 0);
    CHECK(round_trip(c, "x", 1) > 0);

    /* a megabyte: text, then bytes of every value */
    size_t big = 1 << 20;
    char *b = malloc(big);
    CHECK(b != NULL);
    if (b) {
        uint32_t x = 12345;
        for (size_t i = 0; i < big; i++) {
            x = x * 1103515245u + 12345u;
            b[i] = i < big / 2 ? "regional policy "[i % 16] : (char)(x >> 24);
        }
        CHECK(round_trip(c, b, big) > 0);
    }

    /* one codec, many records of many sizes, its contexts reused */
    int bad = 0;
    for (size_t n = 1; b && n < 40000; n = n * 3 / 2 + 1)
        bad += round_trip(c, b + big / 2 - n / 2, n) == 0;
    CHECK_INT(bad, 0);
    free(b);
    rec_codec_free(c);
    rec_codec_free(NULL);
}

/* A page that is not in corpus/, whose pages the dictionary was trained
 * on: packed with it, it is smaller than zstd makes it alone. */
static void test_dictionary_helps(void)
{
    size_t len = 0;
    char *page = slurp("tests/data/readers/page_fr.txt", &len);
    CHECK(page != NULL && len > 1000);
    if (!page)
        return;
    rec_codec *c = rec_codec_new();
    size_t with = round_trip(c, page, len);
    size_t cap = ZSTD_compressBound(len);
    char *alone = malloc(cap);
    size_t without = ZSTD_compress(alone, cap, page, len, 3);
    CHECK(!ZSTD_isError(without));
    printf("page_fr.txt: %zu bytes, %zu packed, %zu by zstd alone\n", len, with, without);
    CHECK(with > 0 && with < without);
    free(alone);
    free(page);
    rec_codec_free(c);
}

static void test_refused(void)
{
    rec_codec *c = rec_codec_new();
    char *out = (char *)"untouched";
    size_t olen = 7;

    CHECK_INT(rec_codec_unpack(c, "not a frame", 11, &out, &olen), ENG_E_CORRUPT);
    CHECK(out == NULL);
    CHECK_INT(rec_codec_unpack(c, "", 0, &out, &olen), ENG_E_CORRUPT);

    static const char text[] =
        "Session summary: the panel discussed cohesion policy after 2027 and "
        "how regions and cities can shape the next programmes together.";
    char packed[512];
    size_t plen = 0;
    CHECK_INT(rec_codec_pack(c, text, sizeof text - 1, packed, &plen), ENG_OK);
    /* cut anywhere, a frame is refused as damaged */
    int misread = 0;
    for (size_t cut = 0; cut < plen; cut++) {
        out = NULL;
        eng_status st = rec_codec_unpack(c, packed, cut, &out, &olen);
        misread += st != ENG_E_CORRUPT || out != NULL;
        free(out);
    }
    CHECK_INT(misread, 0);

    /* a byte changed anywhere (each in turn, each bit pattern of one kind)
     * is refused or changes nothing: never other text */
    static const char names[] = "Zsuzsanna Kowalczyk-Oyelaran, 7 Qx9 Vl8 Rue Wiertz 60, Jq 2027";
    char framed[512];
    size_t flen = 0;
    CHECK_INT(rec_codec_pack(c, names, sizeof names - 1, framed, &flen), ENG_OK);
    misread = 0;
    for (size_t at = 0; at < flen; at++) {
        framed[at] ^= 0x21;
        out = NULL;
        if (rec_codec_unpack(c, framed, flen, &out, &olen) == ENG_OK)
            misread += olen != sizeof names - 1 || memcmp(out, names, olen) != 0;
        free(out);
        framed[at] ^= 0x21;
    }
    CHECK_INT(misread, 0);

    /* a frame without the dictionary (another version's) is refused */
    char plain[512];
    size_t n = ZSTD_compress(plain, sizeof plain, text, sizeof text - 1, 3);
    CHECK(!ZSTD_isError(n));
    out = NULL;
    CHECK_INT(rec_codec_unpack(c, plain, n, &out, &olen), ENG_E_VERSION);
    CHECK(out == NULL);
    rec_codec_free(c);
}

int main(void)
{
    test_round_trips();
    test_dictionary_helps();
    test_refused();
    return check_exit();
}
