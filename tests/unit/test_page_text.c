/*
 * test_page_text.c — the lines the page reader makes of the bytes it
 * accepts (page_text.c), seen through whole pages: CR LF line ends,
 * no-break and doubled spaces, extra blank lines; and mojibake repaired in
 * every field and counted (page_repair.c; the repair of single lines is in
 * test_page_repair.c).
 */
#include <stdio.h>
#include <string.h>

#include "indexer/page_reader.h"
#include "tests/check.h"
#include "tests/unit/page_checks.h"

/* CR LF line ends, no-break spaces, doubled spaces, spaces at line ends,
 * three blank lines where the reference page has one. */
static void test_crlf_nbsp(void)
{
    const char *text =
        "\xEF\xBB\xBF  Value\xC2\xA0"
        "chains  in\xC2\xA0\xC2\xA0 the Danube "
        "region \r\n"
        "\r\n"
        "Wed 10, October 2018\r\n"
        "09:00\xC2\xA0-\xC2\xA0"
        "10:30\r\n"
        "\r\n\r\n\r\n"
        "A workshop on\xC2\xA0supplier networks.\r\n"
        "\r\n"
        "Eva Horvath,\xC2\xA0"
        "Chair, Danube Chamber, Hungary.\r\n"
        "Markus Berger, Moderatorin, Austria.\r\n"
        "Competitiveness\r\n"
        "Danube Chamber ; Land Ober\xC3\xB6sterreich\r\n"
        "english (en), deutsch (de), magyar (hu)\r\n"
        "\r\n"
        "Session summary:\r\n"
        "Paragraph one.\r\n"
        "\r\n\r\n"
        "Paragraph  two.\r\n"
        "\r\n"
        "Take-away message\r\n"
        "\r\n"
        "Suppliers follow buyers.\r\n"
        "\r\n\r\n"
        "Eva Horvath, Danube Chamber\r\n"
        "\r\n"
        "Networks beat subsidies.\r\n"
        "\r\n"
        "This is Your session \xE2\x80\x93 comment and interact!\r\n"
        "Be the first to add your comment regarding to this session!\r\n";
    session s;
    session_init(&s);
    char err[256];
    CHECK_INT(read_str(text, &s, err, sizeof err), 0);
    CHECK_STR(s.title, "Value chains in the Danube region");
    CHECK_STR(s.date, "2018-10-10");
    CHECK_STR(s.start_time, "09:00");
    CHECK_STR(s.end_time, "10:30");
    CHECK_STR(s.timezone, NULL);
    CHECK_STR(s.description, "A workshop on supplier networks.");
    CHECK_INT(s.n_speakers, 2);
    check_speaker(&s, 0, "Eva Horvath", "Chair", "Danube Chamber", "Hungary",
                  1);
    /* three parts: name, role, country */
    check_speaker(&s, 1, "Markus Berger", "Moderatorin", NULL, "Austria", 1);
    CHECK_STR(s.theme, "Competitiveness");
    CHECK_INT(s.n_organisers, 2);
    CHECK_INT(s.n_interpretation, 3);
    if (s.n_interpretation == 3)
        CHECK_STR(s.interpretation[2], "hu");
    CHECK_STR(s.summary, "Paragraph one.\n\nParagraph two.");
    CHECK_STR(s.takeaway, "Suppliers follow buyers.");
    CHECK_INT(s.n_quotes, 1);
    check_quote(&s, 0, "Eva Horvath", "Danube Chamber", "Networks beat");
    if (s.n_quotes == 1)
        CHECK_STR(s.quotes[0].text, "Networks beat subsidies.");
    /* no CR, no NBSP, no double space anywhere */
    const char *f[] = {s.title, s.description, s.summary, s.takeaway};
    for (size_t i = 0; i < 4; i++)
        CHECK(f[i] && !strchr(f[i], '\r') && !strstr(f[i], "\xC2\xA0") &&
              !strstr(f[i], "  "));
    CHECK(!session_has_footer(&s));
    session_clear(&s);
}

/* Mojibake is repaired in every field and counted. */
static void test_page_repairs(void)
{
    const char *text = "RÃ©gions cÃ´tiÃ¨res\n"
                       "Mar 9, octobre 2018\n"
                       "\n"
                       "ÃƒÂ‰tude menÃ©e en Ãle-de-France.\n";
    session s;
    session_init(&s);
    char err[256];
    CHECK_INT(read_str(text, &s, err, sizeof err), 0);
    CHECK_STR(s.title, "Régions côtières");
    CHECK_STR(s.description, "Étude menée en Ãle-de-France.");
    CHECK_INT(s.repairs, 5);
    /* footer text is not counted */
    CHECK_INT(read_str("Title\nText.\nThis is Your session – comment and "
                       "interact!\nRÃ©gion\n",
                       &s, err, sizeof err),
              0);
    CHECK_INT(s.repairs, 0);
    session_clear(&s);
}

int main(void)
{
    test_crlf_nbsp();
    test_page_repairs();
    return check_exit();
}
