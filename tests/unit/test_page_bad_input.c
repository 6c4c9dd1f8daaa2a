/*
 * test_page_bad_input.c — what the page reader refuses, with its message:
 * binary files, invalid UTF-8, empty files, pages that are not session
 * pages (no title, a title line too long); and that a refused read leaves
 * the session cleared.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "indexer/page_reader.h"
#include "tests/check.h"
#include "tests/unit/page_checks.h"

/* Pages that are not session pages. */
static void test_refusals(void)
{
    session s;
    session_init(&s);
    char err[256];

    /* a failed read leaves out cleared */
    CHECK_INT(read_str("A title\nA line.\n", &s, err, sizeof err), 0);
    CHECK(s.title != NULL);
    const char bin[] = "A title\nsome\0binary";
    CHECK_INT(page_read(bin, sizeof bin - 1, &s, err, sizeof err), -1);
    CHECK_STR(err, "binary file (NUL byte at offset 12)");
    CHECK(s.title == NULL && s.description == NULL);

    const char *bad = "A title\r\nA line.\r\nab\xC3\xA9"
                      "d\xC3(x\n";
    CHECK_INT(read_str(bad, &s, err, sizeof err), -1);
    CHECK_STR(err, "invalid UTF-8 at line 3, column 5");
    /* overlong encoding of '/', and a UTF-16 surrogate */
    CHECK_INT(read_str("Title\n\xC0\xAF\n", &s, err, sizeof err), -1);
    CHECK_STR(err, "invalid UTF-8 at line 2, column 1");
    CHECK_INT(read_str("Title\nx \xED\xA0\x80\n", &s, err, sizeof err), -1);
    CHECK_STR(err, "invalid UTF-8 at line 2, column 3");

    CHECK_INT(page_read("", 0, &s, err, sizeof err), -1);
    CHECK_STR(err, "empty file");
    CHECK_INT(read_str(" \r\n\t\n\xC2\xA0\n\n", &s, err, sizeof err), -1);
    CHECK_STR(err, "empty file");

    CHECK_INT(read_str("\n\nOnly a title\n\n", &s, err, sizeof err), -1);
    CHECK(strstr(err, "line 3") && strstr(err, "not a session page"));
    CHECK_INT(read_str("Only a title\nThis is Your session \xE2\x80\x93 "
                       "comment and interact!\nMore.\n",
                       &s, err, sizeof err),
              -1);
    CHECK(strstr(err, "not a session page") != NULL);

    char longline[400];
    memset(longline, 'x', 301);
    memcpy(longline + 301, "\nsecond line\n", 14);
    CHECK_INT(read_str(longline, &s, err, sizeof err), -1);
    CHECK(strstr(err, "line 1") && strstr(err, "301 characters"));
    /* 300 characters (two bytes each) are still a title */
    char *ok = malloc(700);
    CHECK(ok != NULL);
    if (ok) {
        for (size_t i = 0; i < 300; i++)
            memcpy(ok + 2 * i, "\xC3\xA9", 2);
        memcpy(ok + 600, "\nsecond line\n", 14);
        CHECK_INT(read_str(ok, &s, err, sizeof err), 0);
        free(ok);
    }

    CHECK_INT(read_str("Session summary\n\nText.\n", &s, err, sizeof err), -1);
    CHECK(strstr(err, "no session title") != NULL);
    CHECK(s.title == NULL);

    /* err may be NULL */
    CHECK_INT(page_read("", 0, &s, NULL, 0), -1);
    session_clear(&s);
}

int main(void)
{
    test_refusals();
    return check_exit();
}
