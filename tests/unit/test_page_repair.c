/*
 * test_page_repair.c — mojibake repair of page lines (page_repair.c): what
 * is repaired, how many repairs are counted, and genuine text in the EU
 * languages that must come out byte for byte as it went in.
 */
#include <stdio.h>
#include <string.h>
#include <utf8proc.h>

#include "common/buf.h"
#include "indexer/page_internal.h"
#include "tests/check.h"

static const struct {
    const char *in, *out;
    size_t repairs;
} cases[] = {
    /* UTF-8 read as Windows-1252 */
    {"RÃ©gion", "Région", 1},
    {"CÃ´te d'Azur", "Côte d'Azur", 1},
    {"Ã‰cole", "École", 1},   /* 0x89 is "‰" */
    {"GdaÅ„sk", "Gdańsk", 1}, /* 0x84 is "„" */
    {"Ä¹Å¡", "Ĺš", 2},
    {"BrÃ¼ssel, MÃ¼nchen, KÃ¶ln", "Brüssel, München, Köln", 3},
    {"Thatâ€™s â€œitâ€\xC2\x9D", "That’s “it”", 3}, /* 0x9D has no char */
    {"10 â‚¬ per head", "10 € per head", 1},
    {"EUâ„¢", "EU™", 1},
    {"2014â€“2020", "2014–2020", 1},
    {"Î•Î»Î»Î¬Î´Î±", "Ελλάδα", 6},              /* Greek */
    {"Ð‘ÑŠÐ»Ð³Ð°Ñ€Ð¸Ñ\xC2\x8F", "България", 8}, /* Bulgarian */
    {"BucureÈ™ti", "București", 1},             /* Romanian comma below */
    {"Å\xC2\x81Ã³dÅº", "Łódź", 3},              /* 0x81 has no char */
    {"ï»¿Title", "\xEF\xBB\xBFTitle", 1},       /* a byte order mark */
    {"Great ðŸ‘\xC2\x8D", "Great 👍", 1},
    /* UTF-8 read as Latin-1: C1 controls stand for 0x80..0x9F */
    {"\xC3\x83\xC2\x89vora", "Évora", 1},
    {"\xC3\x83\xC2\x81gueda", "Águeda", 1},
    /* a no-break space mangled: Â + NBSP */
    {"100Â\xC2\xA0km", "100\xC2\xA0km", 1},
    /* twice: "é" -> "Ã©" -> "ÃƒÂ©" */
    {"RÃƒÂ©gion", "Région", 1},
    {"Ãƒâ€°cole", "École", 1},
    {"Ã¢â‚¬â„¢", "’", 1},
    {"Ã…â€šÃ³d", "łód", 2}, /* twice, then once */
    /* three times */
    {"RÃƒÆ’Ã‚Â©gion", "Région", 1},
    /* a decomposed letter: I + combining circumflex (CC 82) */
    {"IÌ‚le-de-France", "I\xCC\x82le-de-France", 1},
    /* "¤" glued between characters was a no-break space */
    {"10/10/2012¤14:30-17:00", "10/10/2012 14:30-17:00", 1},
    {"Aušra¤Petrauskienė", "Aušra Petrauskienė", 1},
    {"RÃ©gion¤Bretagne", "Région Bretagne", 2},

    /* genuine text: nothing to repair */
    {"Ãlvaro", "Ãlvaro", 0},
    {"São Paulo, Ærø, Åland", "São Paulo, Ærø, Åland", 0},
    {"Â", "Â", 0},
    {"Ã", "Ã", 0},
    {"Ã alone", "Ã alone", 0}, /* maybe "à" whose NBSP became a space */
    {"NÃO, CORAÇÃO", "NÃO, CORAÇÃO", 0},
    {"ÂNGELO", "ÂNGELO", 0},
    {"Þórður from Ísafjörður, Ölfus", "Þórður from Ísafjörður, Ölfus", 0},
    {"Ðakovo, Großstadt, façade, naïve", "Ðakovo, Großstadt, façade, naïve", 0},
    {"Ça va ? À bientôt, Mattinò", "Ça va ? À bientôt, Mattinò", 0},
    {"Île-de-France, Région, Ελλάδα", "Île-de-France, Région, Ελλάδα", 0},
    {"€ 5, ‘quoted’, “quoted”", "€ 5, ‘quoted’, “quoted”", 0},
    /* capitals glued to punctuation that decode to unlikely characters */
    {"„FUß“ and CAFÉ” and GRÜN“", "„FUß“ and CAFÉ” and GRÜN“", 0},
    {"COSÌ… AQUÍ” ÖL“", "COSÌ… AQUÍ” ÖL“", 0},
    {"KÆ’s", "KÆ’s", 0}, /* "ƒ" only inside a deeper repair */
    {"Æ€", "Æ€", 0},     /* C6 80 would be Latin Extended-B */
    {"Ì‚ at the start", "Ì‚ at the start", 0}, /* no letter to accent */
    /* a lead byte lost: the "Î" of "Île" (C3 8E) became an "I"; which byte
     * was lost is a guess, so it stays (see page_repair.c) */
    {"Région IŽle-de-France", "Région IŽle-de-France", 0},
    /* currency signs that are currency signs */
    {"10 ¤ each, ¤5, 5¤", "10 ¤ each, ¤5, 5¤", 0},
    {"", "", 0},
    {"plain ASCII", "plain ASCII", 0},
};

/*
 * Every lead character U+00C2..U+00F4 followed three times by one of
 * U+0080..U+07FF or U+2000..U+2122 (the characters a damaged byte can
 * become, and many more): when the quick look passes over the line, the
 * full repair must leave it as it is.  The full repair is made to run by a
 * damaged word before the line ("RÃ©gion"), which is all it may change.
 */
static void test_quick_look_misses_nothing(void)
{
    size_t passed = 0, looked = 0, bad = 0;
    for (unsigned lead = 0xC2; lead <= 0xF4; lead++) {
        for (unsigned cp = 0x80; cp <= 0x2122; cp++) {
            if (cp == 0x800)
                cp = 0x2000;
            char line[32], both[48];
            size_t n = 0;
            line[n++] = 'a';
            utf8proc_uint8_t *u = (utf8proc_uint8_t *)line;
            n += (size_t)utf8proc_encode_char((utf8proc_int32_t)lead, u + n);
            for (int k = 0; k < 3; k++)
                n += (size_t)utf8proc_encode_char((utf8proc_int32_t)cp, u + n);
            line[n++] = 'b';
            line[n] = '\0';
            if (page_line_may_need_repair(line, n)) {
                looked++;
                continue;
            }
            passed++;
            snprintf(both, sizeof both, "RÃ©gion %s", line);
            buf out = BUF_INIT;
            size_t repairs = 0;
            char want[48];
            snprintf(want, sizeof want, "Région %s", line);
            if (page_repair_line(both, strlen(both), &out, &repairs) != 0 ||
                !out.data || strcmp(out.data, want) != 0 || repairs != 1) {
                if (bad++ < 5)
                    fprintf(stderr, "  passed over but repaired: U+%04X U+%04X\n", lead, cp);
            }
            buf_free(&out);
        }
    }
    CHECK_INT(bad, 0);
    /* both ways taken: the look tells lines apart */
    CHECK(passed > 10000);
    CHECK(looked > 1000);
    /* genuine accents are passed over without decoding the line */
    const char *genuine = "Région Île-de-France, Kraków, Göteborg, Málaga, São Tomé";
    CHECK(!page_line_may_need_repair(genuine, strlen(genuine)));
    CHECK(page_line_may_need_repair("RÃ©gion", strlen("RÃ©gion")));
    CHECK(page_line_may_need_repair("a¤b", strlen("a¤b")));
}

int main(void)
{
    test_quick_look_misses_nothing();
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        buf out = BUF_INIT;
        size_t repairs = 0;
        CHECK_INT(
            page_repair_line(cases[i].in, strlen(cases[i].in), &out, &repairs),
            0);
        const char *got = out.data ? out.data : "";
        CHECK_STR(got, cases[i].out);
        CHECK_INT(repairs, cases[i].repairs);
        if (strcmp(got, cases[i].out) != 0 || repairs != cases[i].repairs)
            fprintf(stderr, "  (case %zu: \"%s\")\n", i, cases[i].in);
        buf_free(&out);
    }
    /* repairs adds to what it had; NULL counts nothing */
    buf out = BUF_INIT;
    size_t repairs = 5;
    CHECK_INT(page_repair_line("CÃ´te", strlen("CÃ´te"), &out, &repairs), 0);
    CHECK_INT(repairs, 6);
    buf_clear(&out);
    CHECK_INT(page_repair_line("CÃ´te", strlen("CÃ´te"), &out, NULL), 0);
    CHECK_STR(out.data, "Côte");
    /* only len bytes are read */
    buf_clear(&out);
    CHECK_INT(page_repair_line("RÃ©gionXYZ", 9, &out, NULL), 0);
    CHECK_STR(out.data, "Région");
    buf_free(&out);
    return check_exit();
}
