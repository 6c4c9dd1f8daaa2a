/*
 * test_fold.c — folding a word into its term (txt_fold) and case folding
 * (txt_casefold): letters of the EU languages and beyond, idempotence over
 * every character, marks, invalid bytes, appending, long words.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "analysis/analysis.h"
#include "tests/check.h"
#include "tests/unit/analysis_helpers.h"

/* The case-folded form of s, accents kept (a static buffer, as fold). */
static const char *casefold(const char *s)
{
    static char out[512];
    return form_of(txt_casefold, s, out);
}

/* ---------------------------------------------------------------- folding */

static void test_fold(void)
{
    static const char *const table[][2] = {
        { "Mattinò", "mattino" },
        { "MATTINO", "mattino" },
        { "Île", "ile" },
        { "Straße", "strasse" },
        { "STRASSE", "strasse" },
        { "Έξυπνη", "εξυπνη" },
        { "ΕΞΥΠΝΗ", "εξυπνη" },
        { "Łódź", "lodz" },
        { "København", "kobenhavn" },
        { "Æble", "aeble" },
        { "œuvre", "oeuvre" },
        { "ŒUVRE", "oeuvre" },
        { "Đakovo", "dakovo" },
        { "Þór", "thor" },
        { "Ðóra", "dora" },
        { "İstanbul", "istanbul" },
        { "ıslak", "islak" },
        { "Ħamrun", "hamrun" },
        { "paraŀlel", "parallel" },
        { "col·lecció", "colleccio" },
        { "a·b", "a·b" },
        { "PARAĿLEL", "parallel" },
        { "ǿ", "o" },
        { "\uFB01nance", "finance" },              /* ﬁ ligature */
        { "\uFF25\uFF35", "eu" },                   /* full-width ＥＵ */
        { "ΣΟΦΟΣ", "σοφοσ" },
        { "σοφός", "σοφοσ" },
        { "Ἀθῆναι", "αθηναι" },
        { "Москва", "москва" },
        { "Йошкар", "иошкар" },
        { "e\u0301te\u0301", "ete" },               /* decomposed accents */
        { "Wert\u00ADschöpfung", "wertschopfung" }, /* soft hyphen dropped */
        { "09C14", "09c14" },
        { "²", "2" },
        { "", "" },
    };
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        const char *got = fold(table[i][0]);
        if (strcmp(got, table[i][1]) != 0)
            fprintf(stderr, "  fold(\"%s\")\n", table[i][0]);
        CHECK_STR(got, table[i][1]);
    }

    /* й folds the same however it is written. */
    char a[64], b[64];
    snprintf(a, sizeof a, "%s", fold("й"));
    snprintf(b, sizeof b, "%s", fold("и\u0306"));
    CHECK_STR(a, b);

    /* Every character: folding is idempotent, and folding the case-folded
     * form gives the term (the stem path relies on it). */
    {
        int idem = 0, via = 0;
        buf x = BUF_INIT, y = BUF_INIT, z = BUF_INIT;
        for (int32_t c = 0x80; c < 0x30000; c++) {
            utf8proc_uint8_t s[8];
            if (!utf8proc_codepoint_valid(c))
                continue;
            size_t n = (size_t)utf8proc_encode_char(c, s);
            buf_clear(&x);
            buf_clear(&y);
            buf_clear(&z);
            if (txt_fold((char *)s, n, &x) < 0 ||
                txt_fold(x.data, x.len, &y) < 0 ||
                strcmp(x.data, y.data) != 0) {
                if (idem++ < 3)
                    fprintf(stderr, "  fold not idempotent: U+%04X\n",
                            (unsigned)c);
            }
            buf_clear(&y);
            if (txt_casefold((char *)s, n, &y) < 0 ||
                txt_fold(y.data, y.len, &z) < 0 ||
                strcmp(x.data, z.data) != 0) {
                if (via++ < 3)
                    fprintf(stderr, "  fold(casefold) != fold: U+%04X\n",
                            (unsigned)c);
            }
        }
        CHECK_INT(idem, 0);
        CHECK_INT(via, 0);
        buf_free(&x);
        buf_free(&y);
        buf_free(&z);
    }

    /* Marks that are part of a letter stay; Hangul stays composed. */
    CHECK_STR(fold("\u304C"), "\u304C");                /* が stays が */
    CHECK_STR(fold("\u304B\u3099"), "\u304C");          /* and composes */
    CHECK_STR(fold("한국어"), "한국어");
    CHECK_STR(fold("हिन्दी"), "हिन्दी");
    CHECK_STR(fold("ภาษาไทย"), "ภาษาไทย");

    /* Invalid bytes are dropped from a term. */
    CHECK_STR(fold("ab\xff" "cd"), "abcd");
    CHECK_STR(fold("\xc3"), "");

    /* Appends. */
    {
        buf o = BUF_INIT;
        CHECK_INT(buf_puts(&o, "x:"), 0);
        CHECK_INT(txt_fold("Île", strlen("Île"), &o), 0);
        CHECK_INT(txt_fold("AB", 2, &o), 0);
        CHECK_STR(o.data, "x:ileab");
        CHECK_INT(o.len, 7);
        buf_free(&o);
    }

    /* A long word that decomposes past the stack array. */
    {
        buf in = BUF_INIT, o = BUF_INIT;
        for (int i = 0; i < 300; i++)
            CHECK_INT(buf_puts(&in, "\u00C9"), 0);
        CHECK_INT(txt_fold(in.data, in.len, &o), 0);
        CHECK_INT(o.len, 300);
        CHECK(o.len == 300 && strspn(o.data, "e") == 300);
        buf_free(&in);
        buf_free(&o);
    }

    /* Case folding keeps accents and composes (NFKC). */
    CHECK_STR(casefold("Mattinò"), "mattinò");
    CHECK_STR(casefold("Straße"), "strasse");
    CHECK_STR(casefold("CHAÎNES"), "chaînes");
    CHECK_STR(casefold("e\u0301te\u0301"), "\u00e9t\u00e9");
    CHECK_STR(casefold("\uFB01nance"), "finance");
    CHECK_STR(casefold("ΣΟΦΟΣ"), "σοφοσ");
    CHECK_STR(casefold("Έξυπνη"), "έξυπνη");
    CHECK_STR(casefold("WERTSCHÖPFUNG"), "wertschöpfung");
    CHECK_STR(casefold("ABC"), "abc");
    /* Marks in either order: canonical order, then composed (ậ). */
    CHECK_STR(casefold("a\u0302\u0323"), "\u1EAD");
    CHECK_STR(casefold("a\u0323\u0302"), "\u1EAD");
}

int main(void)
{
    test_fold();
    return check_exit();
}
