/*
 * test_page_site.c — the site's own text on a session page (page_site.c):
 * banners, voting and streaming notices and visitors' comment threads are
 * dropped; text that only looks like them stays.
 */
#include <stdio.h>
#include <string.h>

#include "indexer/page_reader.h"
#include "tests/check.h"
#include "tests/unit/page_checks.h"

/* Banners, notices and comment threads are dropped; look-alikes stay. */
static void test_site_text(void)
{
    const char *text =
        "#EURegionsWeek 2019\n"
        "OPEN DAYS 2009, Brussels, 5-8 October 2009\n"
        "Housing first\n"
        "Wed 10, October 2018\n"
        "Watch the live stream\n"
        "\n"
        "Posted by the Commission on its website in 2018, the report is "
        "public.\n"
        "Vote for this session!\n"
        "\n"
        "Comments\n"
        "Posted by Jan Nowak on 11/10/2018, 18:07pm\n"
        "Very good.\n"
        "\n"
        "Posté par Camille le 11/10/2018, 09:12\n"
        "Merci.\n"
        "\n"
        "Session summary\n"
        "\n"
        "The summary.\n"
        "\n"
        "Rate this session\n"
        "Take away message\n"
        "\n"
        "The message.\n"
        "\n"
        "Geschrieben von Lukas am 12.10.2018, 10:15\n"
        "\n"
        "Danke.\n";
    session s;
    session_init(&s);
    char err[256];
    CHECK_INT(read_str(text, &s, err, sizeof err), 0);
    CHECK_STR(s.title, "Housing first");
    CHECK_INT(s.year, 2018);
    CHECK_STR(s.description, "Posted by the Commission on its website in "
                             "2018, the report is public.");
    CHECK_STR(s.summary, "The summary.");
    CHECK_STR(s.takeaway, "The message.");

    /* a banner gives no year, and titles that begin like one stay */
    CHECK_INT(read_str("European Week of Regions and Cities 2018\nA title\n"
                       "Text.\n",
                       &s, err, sizeof err),
              0);
    CHECK_STR(s.title, "A title");
    CHECK_INT(s.year, 0);
    CHECK_STR(s.date, NULL);
    CHECK_INT(read_str("OPEN DAYS 2009: what regions expect\nText.\n", &s, err,
                       sizeof err),
              0);
    CHECK_STR(s.title, "OPEN DAYS 2009: what regions expect");
    CHECK_INT(read_str("A title\nText.\nComments from the floor were "
                       "many.\nShare\n",
                       &s, err, sizeof err),
              0);
    CHECK_STR(s.description, "Text.\nComments from the floor were many.");
    session_clear(&s);
}

int main(void)
{
    test_site_text();
    return check_exit();
}
