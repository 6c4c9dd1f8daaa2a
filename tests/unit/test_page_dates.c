/*
 * test_page_dates.c — the date and time lines of session pages
 * (page_dates.c) in the archive's languages and layouts, and lines that
 * only look like dates, which stay in the description.
 */
#include <stdio.h>
#include <string.h>

#include "indexer/page_reader.h"
#include "tests/check.h"
#include "tests/unit/page_checks.h"

/* Date lines in the archive's languages. */
static void test_dates(void)
{
    static const struct {
        const char *line, *date, *start, *end, *zone;
    } cases[] = {
        {"Thu 11, October 2018", "2018-10-11", NULL, NULL, NULL},
        {"Mar 9, octobre 2018", "2018-10-09", NULL, NULL, NULL},
        {"Di 9, Oktober 2018", "2018-10-09", NULL, NULL, NULL},
        {"Mer 10, ottobre 2018", "2018-10-10", NULL, NULL, NULL},
        {"Jue 11, octubre 2018", "2018-10-11", NULL, NULL, NULL},
        {"Wt 9, października 2018", "2018-10-09", NULL, NULL, NULL},
        {"Śr 10, październik 2018", "2018-10-10", NULL, NULL, NULL},
        {"Do 11, oktober 2018", "2018-10-11", NULL, NULL, NULL},
        {"Τρί 9, Οκτωβρίου 2018", "2018-10-09", NULL, NULL, NULL},
        {"Τετ 10, ΟΚΤΏΒΡΙΟΣ 2018", "2018-10-10", NULL, NULL, NULL},
        {"Qui 11, outubro 2018", "2018-10-11", NULL, NULL, NULL},
        {"Lun 7, marzo 2016", "2016-03-07", NULL, NULL, NULL},
        {"Pon 7, lutego 2016", "2016-02-07", NULL, NULL, NULL},
        {"mon 29, february 2016", "2016-02-29", NULL, NULL, NULL},
        {"Sáb 1, décembre 2018", "2018-12-01", NULL, NULL, NULL},
        {"Fri 1, Μαΐου 2020", "2020-05-01", NULL, NULL, NULL},
        {"11 October 2018", "2018-10-11", NULL, NULL, NULL},
        {"07/10/2009 14:30-17:00", "2009-10-07", "14:30", "17:00", NULL},
        {"Thu 11, October 2018 9:00 – 10:30 CEST", "2018-10-11", "09:00",
         "10:30", "CEST"},
        {"14:30 - 16:00 (CET)", NULL, "14:30", "16:00", "CET"},
        {"14h30 - 16h00", NULL, "14:30", "16:00", NULL},
        {"11:00", NULL, "11:00", NULL, NULL},
    };
    char page[512], err[256];
    session s;
    session_init(&s);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        snprintf(page, sizeof page, "A title\n%s\n\nA description.\n",
                 cases[i].line);
        int rc = read_str(page, &s, err, sizeof err);
        CHECK_INT(rc, 0);
        CHECK_STR(s.date, cases[i].date);
        CHECK_STR(s.start_time, cases[i].start);
        CHECK_STR(s.end_time, cases[i].end);
        CHECK_STR(s.timezone, cases[i].zone);
        CHECK_STR(s.description, "A description.");
        if (!s.description || strcmp(s.description, "A description.") != 0)
            fprintf(stderr, "  (date line \"%s\")\n", cases[i].line);
    }
    /* not dates: they stay in the description */
    static const char *const not_dates[] = {
        "Thu 30, February 2018",
        "Thu 11, Octember 2018",
        "Thu 11, October",
        "25:00 - 26:00",
        "Thu 11, October 2018 and more",
    };
    for (size_t i = 0; i < sizeof not_dates / sizeof not_dates[0]; i++) {
        snprintf(page, sizeof page, "A title\n%s\n", not_dates[i]);
        CHECK_INT(read_str(page, &s, err, sizeof err), 0);
        CHECK_STR(s.date, NULL);
        CHECK_STR(s.start_time, NULL);
        CHECK_STR(s.description, not_dates[i]);
    }
    session_clear(&s);
}

int main(void)
{
    test_dates();
    return check_exit();
}
