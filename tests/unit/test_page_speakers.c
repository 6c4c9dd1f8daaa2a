/*
 * test_page_speakers.c — the speakers of a session page (page_speakers.c):
 * the inline speaker lists of OPEN DAYS pages, and the chair and moderator
 * roles, in several languages, that make a speaker a chair.
 */
#include <stdio.h>
#include <string.h>

#include "indexer/page_reader.h"
#include "tests/check.h"
#include "tests/unit/page_checks.h"

/* Inline speaker lists of OPEN DAYS pages. */
static void test_inline_speakers(void)
{
    static const struct {
        const char *line;
        exp_speaker sp[4];
    } cases[] = {
        {"Speakers and chair(s): A Berg, Org One; B Cole, Org Two; Chair: "
         "C Diaz, Org Three",
         {{"A Berg", NULL, "Org One", NULL, 0},
          {"B Cole", NULL, "Org Two", NULL, 0},
          {"C Diaz", NULL, "Org Three", NULL, 1}}},
        /* "Name (Organisation, Role)", items joined by commas */
        {"Speakers and chair(s): A Berg (Org One, Head of Unit), B Cole "
         "(Org Two, DG Regio, Unit B2); Chair: C Diaz (Org Three)",
         {{"A Berg", "Head of Unit", "Org One", NULL, 0},
          {"B Cole", NULL, "Org Two, DG Regio, Unit B2", NULL, 0},
          {"C Diaz", NULL, "Org Three", NULL, 1}}},
        /* the role first, then the organisation, then a country */
        {"Speakers: Dirk Hahn, Director-General, DG REGIO, Belgium",
         {{"Dirk Hahn", "Director-General", "DG REGIO", "Belgium", 0}}},
        /* a role in the middle takes the parts after it */
        {"Speakers: A Berg (Junta, Head of Service, Directorate General for "
         "Funds)",
         {{"A Berg", "Head of Service, Directorate General for Funds", "Junta",
           NULL, 0}}},
        /* the chair after a full stop; "(moderator)" */
        {"Speakers: A Berg, Org One. Chair: B Cole, Org Two",
         {{"A Berg", NULL, "Org One", NULL, 0},
          {"B Cole", NULL, "Org Two", NULL, 1}}},
        {"Speakers: A Berg (moderator); B Cole (Org Two)",
         {{"A Berg", NULL, NULL, NULL, 1},
          {"B Cole", NULL, "Org Two", NULL, 0}}},
        /* "Chair:" is for one speaker, "Chairs:" for all that follow */
        {"Chair: A Berg, Org One; B Cole, Org Two",
         {{"A Berg", NULL, "Org One", NULL, 1},
          {"B Cole", NULL, "Org Two", NULL, 0}}},
        {"Chairs: A Berg, Org One; B Cole, Org Two; Speakers: C Diaz, Org "
         "Three",
         {{"A Berg", NULL, "Org One", NULL, 1},
          {"B Cole", NULL, "Org Two", NULL, 1},
          {"C Diaz", NULL, "Org Three", NULL, 0}}},
        /* a moderator's role; a colon inside parentheses */
        {"Speakers: A Berg, Moderator, Org One; B Cole (Org: Two)",
         {{"A Berg", "Moderator", "Org One", NULL, 1},
          {"B Cole", NULL, "Org: Two", NULL, 0}}},
    };
    char page[512], err[256];
    session s;
    session_init(&s);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        snprintf(page, sizeof page, "A session\n%s\n\nText.\n", cases[i].line);
        CHECK_INT(read_str(page, &s, err, sizeof err), 0);
        size_t n = 0;
        while (n < 4 && cases[i].sp[n].name)
            n++;
        int before = check_failures;
        CHECK_INT(s.n_speakers, n);
        for (size_t k = 0; k < n; k++)
            check_speaker(&s, k, cases[i].sp[k].name, cases[i].sp[k].role,
                          cases[i].sp[k].org, cases[i].sp[k].country,
                          cases[i].sp[k].chair);
        CHECK_STR(s.description, "Text.");
        if (check_failures != before)
            fprintf(stderr, "  (line \"%s\")\n", cases[i].line);
    }
    session_clear(&s);
}

/* Chair and moderator roles in several languages. */
static void test_chairs(void)
{
    static const struct {
        const char *role;
        int chair;
    } cases[] = {
        {"Moderator", 1},
        {"Chair", 1},
        {"co-chair", 1},
        {"modérateur", 1},
        {"Moderatorin", 1},
        {"MODERATOR", 1},
        {"Chairwoman of the board", 1},
        {"Director", 0},
        {"Head of Unit", 0},
        {"Professor", 0},
    };
    char page[512], err[256];
    session s;
    session_init(&s);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        snprintf(page, sizeof page,
                 "A title\n\nJan de Vries, %s, Provincie Utrecht, "
                 "Netherlands.\nNederlands (NL)\n",
                 cases[i].role);
        CHECK_INT(read_str(page, &s, err, sizeof err), 0);
        CHECK_INT(s.n_speakers, 1);
        if (s.n_speakers == 1) {
            CHECK_STR(s.speakers[0].role, cases[i].role);
            CHECK_INT(s.speakers[0].is_chair, cases[i].chair);
        }
        CHECK_INT(s.n_interpretation, 1);
    }
    session_clear(&s);
}

int main(void)
{
    test_inline_speakers();
    test_chairs();
    return check_exit();
}
