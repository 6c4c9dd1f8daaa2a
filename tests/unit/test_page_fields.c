/*
 * test_page_fields.c — the labelled parts of a session page: session codes
 * and session types at its head, labelled lines ("Venue:", "Thème 3 :")
 * in the archive's languages (page_fields.c), and the section labels that
 * cut its body into description, summary and take-away message
 * (page_labels.c).
 */
#include <stdio.h>
#include <string.h>

#include "indexer/page_reader.h"
#include "tests/check.h"
#include "tests/unit/page_checks.h"

/* Session codes before the title, or on a line of their own; and titles
 * that only look like codes. */
static void test_codes(void)
{
    static const struct {
        const char *head, *code, *title;
    } cases[] = {
        {"09C14 - Clusters", "09C14", "Clusters"},
        {"12A05 – Clusters", "12A05", "Clusters"},
        {"9WS29 Clusters", "9WS29", "Clusters"},
        {"9WS29: Clusters", "9WS29", "Clusters"},
        {"8LAB03 | Clusters", "8LAB03", "Clusters"},
        {"0PL12\nClusters", "0PL12", "Clusters"},
        {"9WS29\n\nClusters", "9WS29", "Clusters"},
        /* no codes */
        {"5G networks for regions", NULL, "5G networks for regions"},
        {"3D printing in SMEs", NULL, "3D printing in SMEs"},
        {"H2020 in the regions", NULL, "H2020 in the regions"},
        {"2020 and beyond", NULL, "2020 and beyond"},
        {"100GW of wind", NULL, "100GW of wind"},
        {"12ABC05 - Clusters", NULL, "12ABC05 - Clusters"},
        {"123A45 - Clusters", NULL, "123A45 - Clusters"},
        {"9WS2945 - Clusters", NULL, "9WS2945 - Clusters"},
        {"09c14 - Clusters", NULL, "09c14 - Clusters"},
        {"9WS29x Clusters", NULL, "9WS29x Clusters"},
    };
    char page[256], err[256];
    session s;
    session_init(&s);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        snprintf(page, sizeof page, "%s\nTue 9, October 2018\n\nText.\n",
                 cases[i].head);
        CHECK_INT(read_str(page, &s, err, sizeof err), 0);
        CHECK_STR(s.code, cases[i].code);
        CHECK_STR(s.title, cases[i].title);
        CHECK_STR(s.date, "2018-10-09");
    }
    CHECK_INT(read_str("9WS29\n\n", &s, err, sizeof err), -1);
    CHECK(strstr(err, "line 1") && strstr(err, "no session title"));
    /* the session type line, under the title or under the date */
    CHECK_INT(read_str("8DEB11\nHousing\nDebate\nWed 10, October 2018\n"
                       "16:30 - 18:00\nText.\n",
                       &s, err, sizeof err),
              0);
    CHECK_STR(s.type, "Debate");
    CHECK_STR(s.timezone, NULL);
    CHECK_STR(s.description, "Text.");
    CHECK_INT(read_str("Housing\nWed 10, October 2018\nSide event\nText.\n", &s,
                       err, sizeof err),
              0);
    CHECK_STR(s.type, "Side event");
    CHECK_STR(s.description, "Text.");
    /* a type word further down is text */
    CHECK_INT(read_str("Housing\nWed 10, October 2018\n\nText.\n\nWorkshop\n",
                       &s, err, sizeof err),
              0);
    CHECK_STR(s.type, NULL);
    CHECK_STR(s.description, "Text.\n\nWorkshop");
    session_clear(&s);
}

/* Labelled lines in the archive's languages. */
static void test_fields(void)
{
    const char *text =
        "Une session\n"
        "Lieu : Comité des régions, salle JDE 51\n"
        "Adresse : Rue Belliard 101\n"
        "Organisateurs : Région Bretagne, Provincie Limburg (NL)\n"
        "Thème 3 : Coopération territoriale\n"
        "Date : 08/10/2013\n"
        "Heure : 14h30 - 16h00\n"
        "Type de session : Atelier\n"
        "Interprétation : FR/EN\n"
        "Intervenants : Jean Dupont (Région Bretagne, Directeur); Modérateur : "
        "Marie Curie, Université de Varsovie, Pologne\n"
        "\n"
        "Le texte de la session.\n"
        "Thème : un mot du texte, qui reste du texte.\n";
    session s;
    session_init(&s);
    char err[256];
    CHECK_INT(read_str(text, &s, err, sizeof err), 0);
    CHECK_STR(s.title, "Une session");
    CHECK_STR(s.venue, "Comité des régions, salle JDE 51, Rue Belliard 101");
    CHECK_INT(s.n_organisers, 2);
    if (s.n_organisers == 2)
        CHECK_STR(s.organisers[1], "Provincie Limburg (NL)");
    CHECK_STR(s.theme, "Coopération territoriale");
    CHECK_STR(s.date, "2013-10-08");
    CHECK_INT(s.year, 2013);
    CHECK_STR(s.start_time, "14:30");
    CHECK_STR(s.end_time, "16:00");
    CHECK_STR(s.type, "Atelier");
    CHECK_INT(s.n_interpretation, 2);
    if (s.n_interpretation == 2) {
        CHECK_STR(s.interpretation[0], "fr");
        CHECK_STR(s.interpretation[1], "en");
    }
    CHECK_INT(s.n_speakers, 2);
    check_speaker(&s, 0, "Jean Dupont", "Directeur", "Région Bretagne", NULL,
                  0);
    check_speaker(&s, 1, "Marie Curie", NULL, "Université de Varsovie",
                  "Pologne", 1);
    /* a second theme line does not replace the first: it stays text */
    CHECK_STR(s.description, "Le texte de la session.\nThème : un mot du "
                             "texte, qui reste du texte.");

    /* labelled-looking lines inside the summary are text; presentations
     * after it are read */
    const char *text2 = "A session\n"
                        "Venue: Room 3\n"
                        "\n"
                        "Session summary\n"
                        "\n"
                        "Speakers: all agreed that regions must act.\n"
                        "\n"
                        "Presentations: Slides one; Slides two\n";
    CHECK_INT(read_str(text2, &s, err, sizeof err), 0);
    CHECK_STR(s.venue, "Room 3");
    CHECK_STR(s.description, NULL);
    CHECK_STR(s.summary, "Speakers: all agreed that regions must act.");
    CHECK_INT(s.n_speakers, 0);
    CHECK_INT(s.n_presentations, 2);

    /* a label without a value, and values that are not the field's */
    const char *text3 = "A session\n"
                        "Presentations:\n"
                        "\n"
                        "Date: to be confirmed\n"
                        "Session code: none yet\n"
                        "Interpretation: to be confirmed\n"
                        "Text.\n";
    CHECK_INT(read_str(text3, &s, err, sizeof err), 0);
    CHECK_INT(s.n_presentations, 0);
    CHECK_STR(s.date, NULL);
    CHECK_STR(s.code, NULL);
    CHECK_INT(s.n_interpretation, 0);
    CHECK_STR(s.description, "Date: to be confirmed\nSession code: none "
                             "yet\nInterpretation: to be confirmed\nText.");
    /* a page of labelled lines only is a page */
    CHECK_INT(read_str("A session\nVenue: Room 3\n", &s, err, sizeof err), 0);
    CHECK_STR(s.venue, "Room 3");
    CHECK_STR(s.description, NULL);
    session_clear(&s);
}

/* Section labels in the archive's languages. */
static void test_labels(void)
{
    static const char *const pairs[][2] = {
        {"Session summary", "Take away message"},
        {"SESSION SUMMARY:", "Take-away message:"},
        {"Résumé de la session", "Message à retenir"},
        {"Zusammenfassung", "Kernbotschaft"},
        {"Sintesi della sessione", "Messaggio chiave"},
        {"Resumen de la sesión", "Mensaje clave"},
        {"Podsumowanie sesji", "Najważniejsze przesłanie"},
        {"Samenvatting van de sessie", "Kernboodschap"},
        {"Περίληψη", "Βασικό μήνυμα"},
        {"Resumo da sessão", "Mensagem principal"},
    };
    char page[512], err[256];
    session s;
    session_init(&s);
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        snprintf(page, sizeof page,
                 "A title\n\nThe description.\n\n%s\n\nWhat was said.\n\n"
                 "%s\n\nWhat to remember.\n",
                 pairs[i][0], pairs[i][1]);
        CHECK_INT(read_str(page, &s, err, sizeof err), 0);
        CHECK_STR(s.description, "The description.");
        CHECK_STR(s.summary, "What was said.");
        CHECK_STR(s.takeaway, "What to remember.");
    }
    session_clear(&s);
}

int main(void)
{
    test_codes();
    test_fields();
    test_labels();
    return check_exit();
}
