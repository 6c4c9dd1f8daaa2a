/*
 * test_yaml_reader.c — the YAML reader: every field, the three shapes of a
 * file, the example files, the limits and the errors with their positions.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/buf.h"
#include "indexer/yaml_reader.h"
#include "tests/check.h"
#include "tests/testdata.h"

static char err[512];

/* Reads text into a fresh list; returns the rc. */
static int read_into(const char *text, session_list *l)
{
    session_list_free(l);
    return yaml_read_sessions(text, strlen(text), l, err, sizeof err);
}

/* Reads text that must fail with exactly want; nothing may be read. */
static void check_error(const char *text, const char *want)
{
    session_list l = {NULL, 0, 0};
    int rc = read_into(text, &l);
    CHECK_INT(rc, -1);
    CHECK_STR(err, want);
    CHECK_INT(l.n, 0);
    session_list_free(&l);
}

static void test_all_fields(void)
{
    const char *text =
        "title: \"  Smart specialisation in the Baltic Sea region  \"\n"
        "code: 9WS29\n"
        "type: Workshop\n"
        "date: 2019-10-09\n"
        "start_time: 9:30\n"
        "end_time: \"11:00\"\n"
        "timezone: CEST\n"
        "venue: SQUARE, room 211\n"
        "lang: EN\n"
        "description: |\n"
        "  First paragraph.\n"
        "\n"
        "  Second paragraph.\n"
        "theme: Cohesion\n"
        "summary: >\n"
        "  Folded\n"
        "  summary.\n"
        "takeaway: Cooperate early.\n"
        "organisers: Baltic Sea Cooperation ; Region Kalmar\n"
        "interpretation: [EN, de, Fi]\n"
        "presentations:\n"
        "  - Slides one\n"
        "  - ~\n"
        "  - Slides two\n"
        "speakers:\n"
        "  - name: Liis Tamm\n"
        "    role: Moderator\n"
        "    organisation: Tartu Science Park\n"
        "    country: Estonia\n"
        "    chair: yes\n"
        "  - {name: Jonas Berg, chair: false}\n"
        "quotes:\n"
        "  - speaker: Liis Tamm\n"
        "    affiliation: Tartu Science Park\n"
        "    text: Start with what you are good at.\n"
        "  - text: An anonymous remark.\n";
    session_list l = {NULL, 0, 0};
    CHECK_INT(read_into(text, &l), 0);
    CHECK_INT(l.n, 1);
    if (l.n != 1) {
        fprintf(stderr, "  error: %s\n", err);
        session_list_free(&l);
        return;
    }
    const session *s = &l.items[0];
    CHECK_STR(s->title, "Smart specialisation in the Baltic Sea region");
    CHECK_STR(s->code, "9WS29");
    CHECK_STR(s->type, "Workshop");
    CHECK_STR(s->date, "2019-10-09");
    CHECK_INT(s->year, 2019);
    CHECK_STR(s->start_time, "09:30");
    CHECK_STR(s->end_time, "11:00");
    CHECK_STR(s->timezone, "CEST");
    CHECK_STR(s->venue, "SQUARE, room 211");
    CHECK_STR(s->lang, "en");
    CHECK_STR(s->description, "First paragraph.\n\nSecond paragraph.");
    CHECK_STR(s->theme, "Cohesion");
    CHECK_STR(s->summary, "Folded summary.");
    CHECK_STR(s->takeaway, "Cooperate early.");
    /* a single string is one organiser: no splitting in YAML */
    CHECK_INT(s->n_organisers, 1);
    if (s->n_organisers == 1)
        CHECK_STR(s->organisers[0], "Baltic Sea Cooperation ; Region Kalmar");
    CHECK_INT(s->n_interpretation, 3);
    if (s->n_interpretation == 3) {
        CHECK_STR(s->interpretation[0], "en");
        CHECK_STR(s->interpretation[1], "de");
        CHECK_STR(s->interpretation[2], "fi");
    }
    CHECK_INT(s->n_presentations, 2);
    if (s->n_presentations == 2)
        CHECK_STR(s->presentations[1], "Slides two");
    CHECK_INT(s->n_speakers, 2);
    if (s->n_speakers == 2) {
        CHECK_STR(s->speakers[0].name, "Liis Tamm");
        CHECK_STR(s->speakers[0].role, "Moderator");
        CHECK_STR(s->speakers[0].organisation, "Tartu Science Park");
        CHECK_STR(s->speakers[0].country, "Estonia");
        CHECK_INT(s->speakers[0].is_chair, 1);
        CHECK_STR(s->speakers[1].name, "Jonas Berg");
        CHECK_STR(s->speakers[1].role, NULL);
        CHECK_STR(s->speakers[1].country, NULL);
        CHECK_INT(s->speakers[1].is_chair, 0);
    }
    CHECK_INT(s->n_quotes, 2);
    if (s->n_quotes == 2) {
        CHECK_STR(s->quotes[0].speaker, "Liis Tamm");
        CHECK_STR(s->quotes[0].affiliation, "Tartu Science Park");
        CHECK_STR(s->quotes[0].text, "Start with what you are good at.");
        CHECK_STR(s->quotes[1].speaker, NULL);
        CHECK_STR(s->quotes[1].text, "An anonymous remark.");
    }
    CHECK_INT(s->repairs, 0);

    /* absent and null fields stay NULL */
    CHECK_INT(read_into("title: Minimal\ndate: ~\ntheme:\nspeakers: []\n", &l),
              0);
    CHECK_INT(l.n, 1);
    if (l.n == 1) {
        s = &l.items[0];
        CHECK_STR(s->title, "Minimal");
        CHECK_STR(s->date, NULL);
        CHECK_INT(s->year, 0);
        CHECK_STR(s->theme, NULL);
        CHECK_STR(s->summary, NULL);
        CHECK_STR(s->lang, NULL);
        CHECK_INT(s->n_speakers, 0);
        CHECK(s->speakers == NULL && s->organisers == NULL);
    }
    session_list_free(&l);
}

static void test_shapes(void)
{
    session_list l = {NULL, 0, 0};
    CHECK_INT(read_into("- title: One\n- title: Two\n  date: 2004-10-11\n", &l),
              0);
    CHECK_INT(l.n, 2);
    if (l.n == 2) {
        CHECK_STR(l.items[0].title, "One");
        CHECK_STR(l.items[1].title, "Two");
        CHECK_INT(l.items[1].year, 2004);
    }
    CHECK_INT(read_into("---\ntitle: A\n---\n- title: B\n- title: C\n...\n"
                        "---\n# an empty document\n---\ntitle: D\n",
                        &l),
              0);
    CHECK_INT(l.n, 4);
    if (l.n == 4) {
        CHECK_STR(l.items[0].title, "A");
        CHECK_STR(l.items[2].title, "C");
        CHECK_STR(l.items[3].title, "D");
    }
    /* sessions are appended to what the list holds */
    CHECK_INT(yaml_read_sessions("title: E\n", 9, &l, err, sizeof err), 0);
    CHECK_INT(l.n, 5);
    if (l.n == 5)
        CHECK_STR(l.items[4].title, "E");
    /* err may be NULL */
    CHECK_INT(yaml_read_sessions("x: 1\n", 5, &l, NULL, 0), -1);
    CHECK_INT(l.n, 5);
    session_list_free(&l);
}

static void test_examples(void)
{
    size_t len;
    session_list l = {NULL, 0, 0};
    char *one = slurp("corpus/yaml/2019_circular-ports-lab.yaml", &len);
    CHECK(one != NULL);
    if (one) {
        CHECK_INT(yaml_read_sessions(one, len, &l, err, sizeof err), 0);
        CHECK_INT(l.n, 1);
        if (l.n == 1) {
            const session *s = &l.items[0];
            CHECK_STR(s->title, "Circular ports: turning harbour waste into "
                                "regional supply");
            CHECK_STR(s->code, "9LAB12");
            CHECK_STR(s->type, "Participatory lab");
            CHECK_STR(s->date, "2019-10-09");
            CHECK_INT(s->year, 2019);
            CHECK_STR(s->start_time, "14:30");
            CHECK_STR(s->timezone, "CEST");
            CHECK_STR(s->lang, "en");
            CHECK_INT(s->n_organisers, 3);
            CHECK_INT(s->n_interpretation, 3);
            CHECK_INT(s->n_speakers, 3);
            CHECK_INT(s->n_quotes, 1);
            CHECK_INT(s->n_presentations, 2);
            if (s->n_speakers == 3) {
                CHECK_INT(s->speakers[0].is_chair, 1);
                CHECK_INT(s->speakers[1].is_chair, 0);
            }
            CHECK(s->summary && strstr(s->summary, "2018.\n\nOlivier") != NULL);
            CHECK(s->description &&
                  s->description[strlen(s->description) - 1] == '.');
        }
        free(one);
    }
    char *two = slurp("corpus/yaml/2021_rural-digital-hubs.yaml", &len);
    CHECK(two != NULL);
    if (two) {
        session_list_free(&l);
        CHECK_INT(yaml_read_sessions(two, len, &l, err, sizeof err), 0);
        CHECK_INT(l.n, 2);
        if (l.n == 2) {
            CHECK_STR(l.items[0].code, "21WS08");
            CHECK_INT(l.items[0].n_organisers, 1);
            CHECK_INT(l.items[0].n_speakers, 2);
            CHECK_STR(l.items[1].code, "21WS15");
            CHECK_INT(l.items[1].year, 2021);
            CHECK_STR(l.items[1].timezone, NULL);
        }
        free(two);
    }
    session_list_free(&l);
}

static void test_errors(void)
{
    check_error("title: A\nsumary: B\n",
                "2:1: unknown key \"sumary\" in a session (did you mean "
                "\"summary\"?)");
    check_error("title: A\nspeakers:\n  - name: Ann\n    rol: Director\n",
                "4:5: unknown key \"rol\" in a speaker (did you mean "
                "\"role\"?)");
    check_error("title: A\nwebsite: https://example.org\n",
                "2:1: unknown key \"website\" in a session");
    check_error("title: A\ndate: 2018-02-30\n",
                "2:7: \"date\" must be a date YYYY-MM-DD, not \"2018-02-30\"");
    check_error("title: A\ndate: 11/10/2018\n",
                "2:7: \"date\" must be a date YYYY-MM-DD, not \"11/10/2018\"");
    check_error("title: A\nstart_time: 25:00\n",
                "2:13: \"start_time\" must be a time HH:MM, not \"25:00\"");
    check_error("title: A\nlang: english\n",
                "2:7: \"lang\" must be a two-letter ISO 639-1 language code, "
                "not \"english\"");
    /* truncated files */
    check_error("title: A\nspeakers:\n  - name: \"Ann\n",
                "4:1: found unexpected end of stream while scanning a quoted "
                "scalar that started at 3:11");
    check_error("title: A\norganisers: [one, two\n",
                "3:1: did not find expected ',' or ']' while parsing a flow "
                "sequence that started at 2:13");
    /* aliases, even harmless ones, and the alias bomb */
    check_error("title: A\norganisers: &a [x, x]\npresentations: [*a, *a]\n",
                "3:17: aliases are not supported");
    check_error("title: &t A\ncode: *t\n", "2:7: aliases are not supported");
    {
        buf b = BUF_INIT;
        buf_puts(&b, "a: &a [x,x,x,x,x,x,x,x,x,x]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            buf_printf(&b, "%c: &%c [", c, c);
            for (int i = 0; i < 10; i++)
                buf_printf(&b, "%s*%c", i ? "," : "", c - 1);
            buf_puts(&b, "]\n");
        }
        check_error(b.data, "2:8: aliases are not supported");
        buf_free(&b);
    }
    /* nesting */
    {
        buf b = BUF_INIT;
        buf_puts(&b, "title: ");
        for (int i = 0; i < 50; i++)
            buf_putc(&b, '[');
        for (int i = 0; i < 50; i++)
            buf_putc(&b, ']');
        buf_putc(&b, '\n');
        check_error(b.data, "1:15: nesting deeper than 8 levels");
        check_error(b.data + 7, "1:9: nesting deeper than 8 levels");
        buf_free(&b);
    }
    check_error("title: [a, b]\n",
                "1:8: \"title\" must be a string, not a list");
    /* missing or empty required fields */
    check_error("code: 09C14\ndate: 2009-10-07\n",
                "1:1: a session without \"title\"");
    check_error("title: \"  \"\n", "1:8: \"title\" is empty");
    check_error("title: A\nspeakers:\n  - role: Chair\n",
                "3:5: a speaker without \"name\"");
    check_error("title: A\nquotes:\n  - speaker: Ann\n    text:\n",
                "4:10: \"text\" is empty");
    check_error("title: A\nspeakers:\n  - {name: Ann, chair: maybe}\n",
                "3:24: \"chair\" must be true or false, not \"maybe\"");
    check_error("title: A\ntitle: B\n",
                "2:1: duplicate key \"title\" in a session");
    check_error("title: A\nspeakers: Ann\n",
                "2:11: \"speakers\" must be a list, not a scalar");
    check_error(
        "title: A\norganisers: {a: b}\n",
        "2:13: \"organisers\" must be a list of strings, not a mapping");
    check_error("just a string\n",
                "1:1: expected a session (a mapping) or a list of sessions");
    check_error("- title: A\n- just a string\n",
                "2:3: a session must be a mapping, not a scalar");
    check_error("", "1:1: no session in this file");
    check_error("# nothing but a comment\n", "1:1: no session in this file");
    check_error("title: A\xff\n", "1:9: invalid leading UTF-8 octet");
    {
        const char nul[] = "title: A\0B\n";
        session_list l = {NULL, 0, 0};
        CHECK_INT(yaml_read_sessions(nul, sizeof nul - 1, &l, err, sizeof err),
                  -1);
        CHECK_STR(err, "1:9: control characters are not allowed");
        CHECK_INT(l.n, 0);
    }
}

/* A file is read whole or not at all. */
static void test_all_or_nothing(void)
{
    session_list l = {NULL, 0, 0};
    CHECK_INT(read_into("title: Kept\n", &l), 0);
    CHECK_INT(l.n, 1);
    const char *bad_second = "- title: Good one\n  speakers: [{name: Ann}]\n"
                             "- title: Bad one\n  date: 2018-10-32\n";
    CHECK_INT(
        yaml_read_sessions(bad_second, strlen(bad_second), &l, err, sizeof err),
        -1);
    CHECK_STR(err,
              "4:9: \"date\" must be a date YYYY-MM-DD, not \"2018-10-32\"");
    CHECK_INT(l.n, 1);
    if (l.n == 1)
        CHECK_STR(l.items[0].title, "Kept");
    const char *bad_doc = "title: Good\n---\ntitle: Bad\ncolour: red\n";
    CHECK_INT(yaml_read_sessions(bad_doc, strlen(bad_doc), &l, err, sizeof err),
              -1);
    CHECK_STR(err, "4:1: unknown key \"colour\" in a session");
    CHECK_INT(l.n, 1);
    session_list_free(&l);
}

static void test_limits(void)
{
    session_list l = {NULL, 0, 0};
    buf b = BUF_INIT;
    for (int i = 0; i < YAML_MAX_SESSIONS; i++)
        buf_puts(&b, "- title: x\n");
    CHECK_INT(read_into(b.data, &l), 0);
    CHECK_INT(l.n, YAML_MAX_SESSIONS);
    buf_puts(&b, "- title: x\n");
    check_error(b.data, "10001:3: more than 10000 sessions in one file");
    /* also across documents */
    buf_clear(&b);
    for (int i = 0; i < YAML_MAX_SESSIONS; i++)
        buf_puts(&b, "---\ntitle: x\n");
    buf_puts(&b, "---\ntitle: one too many\n");
    check_error(b.data, "20002:1: more than 10000 sessions in one file");

    buf_clear(&b);
    buf_puts(&b, "title: A\nspeakers:\n");
    for (int i = 0; i < YAML_MAX_ITEMS; i++)
        buf_puts(&b, "  - name: x\n");
    CHECK_INT(read_into(b.data, &l), 0);
    CHECK_INT(l.n, 1);
    if (l.n == 1)
        CHECK_INT(l.items[0].n_speakers, YAML_MAX_ITEMS);
    buf_puts(&b, "  - name: x\n");
    check_error(b.data, "1003:5: more than 1000 speakers in one session");

    buf_clear(&b);
    buf_puts(&b, "title: A\nquotes:\n");
    for (int i = 0; i <= YAML_MAX_ITEMS; i++)
        buf_puts(&b, "  - text: x\n");
    check_error(b.data, "1003:5: more than 1000 quotes in one session");

    buf_clear(&b);
    buf_puts(&b, "title: ");
    for (size_t i = 0; i < YAML_MAX_SCALAR; i++)
        buf_putc(&b, 'x');
    CHECK_INT(read_into(b.data, &l), 0);
    CHECK_INT(l.n, 1);
    buf_puts(&b, "x\n");
    check_error(b.data,
                "1:8: scalar of 1048577 bytes, longer than the limit of 1 MiB");
    buf_free(&b);
    session_list_free(&l);
}

int main(void)
{
    test_all_fields();
    test_shapes();
    test_examples();
    test_errors();
    test_all_or_nothing();
    test_limits();
    return check_exit();
}
