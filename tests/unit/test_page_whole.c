/*
 * test_page_whole.c — whole session pages read field by field: the
 * reference page of corpus/, the same page with its blank lines removed or
 * doubled, pages in French and Greek (tests/data/readers/), and a sparse
 * page where what is absent stays absent.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "indexer/page_reader.h"
#include "tests/check.h"
#include "tests/testdata.h"
#include "tests/unit/page_checks.h"

static void test_reference_page(void)
{
    size_t len = 0;
    char *text = slurp("corpus/000_acfea4267ebb15da.txt", &len);
    CHECK(text != NULL);
    if (!text)
        return;
    session s;
    session_init(&s);
    char err[256];
    CHECK_INT(page_read(text, len, &s, err, sizeof err), 0);

    CHECK_STR(s.title, "Improving access to markets for SMEs: European "
                       "Entrepreneurial Regions experience");
    CHECK_STR(s.date, "2018-10-11");
    CHECK_INT(s.year, 2018);
    CHECK_STR(s.start_time, "16:30");
    CHECK_STR(s.end_time, "18:00");
    CHECK_STR(s.timezone, "CET");
    CHECK_STR(s.code, NULL);
    CHECK_STR(s.type, NULL);
    CHECK_STR(s.venue, NULL);
    CHECK_STR(s.lang, NULL);
    CHECK_INT(s.repairs, 0);
    CHECK(starts_with(s.description, "Internationalization is a key way"));
    CHECK(s.description && strstr(s.description, "initiatives supporting "
                                                 "clusters).") != NULL);
    CHECK_INT(count_paragraphs(s.description), 1);

    CHECK_INT(s.n_speakers, 6);
    check_speaker(&s, 0, "Richard Tuffs", "Director",
                  "European Regions Research And Innovation Network", "Belgium",
                  0);
    check_speaker(&s, 1, "Ulla Engelmann", "Head Of Unit For Clusters",
                  "Social Economy And Entrepreneurship, European Commission",
                  "Belgium", 0);
    check_speaker(&s, 2, "Sylvain Leclancher", "Deputy director",
                  "Directorate of Businesses and Employment, "
                  "Région IŽle-de-France.",
                  "Finland", 0);
    check_speaker(&s, 3, "Giacomo Mattino",
                  "Head Of Unit For Enterprise Europe Network And "
                  "Internationalisation Of Smes",
                  "European Commission", "Belgium", 0);
    check_speaker(&s, 4, "David Minton", "Director",
                  "Northern And Western Regional Assembly", "Israel", 0);
    check_speaker(&s, 5, "Lutgart Spaepen", "Een Vlaanderen - Director",
                  "Vlaams Agentschap Innoveren En Ondernemen", "Belgium", 0);

    CHECK_STR(s.theme, "Economic development, employment");
    CHECK_INT(s.n_organisers, 1);
    if (s.n_organisers == 1)
        CHECK_STR(s.organisers[0],
                  "European Committee of the Regions - ECON Commission");
    CHECK_INT(s.n_interpretation, 3);
    if (s.n_interpretation == 3) {
        CHECK_STR(s.interpretation[0], "de");
        CHECK_STR(s.interpretation[1], "en");
        CHECK_STR(s.interpretation[2], "fr");
    }
    CHECK_INT(s.n_presentations, 0);

    CHECK(starts_with(s.summary, "Richard Tuffs introduced"));
    CHECK_INT(count_paragraphs(s.summary), 7);
    /* NBSP became a plain space */
    CHECK(s.summary && strstr(s.summary, "Julien Giraud (Île de "
                                         "France) explained") != NULL);
    CHECK(s.summary && strstr(s.summary, "\xC2\xA0") == NULL);
    CHECK(s.summary && strstr(s.summary, "develop value chains.") != NULL);

    CHECK(starts_with(s.takeaway, "In the era of growing complexity"));
    CHECK_INT(count_paragraphs(s.takeaway), 1);
    CHECK(s.takeaway && strstr(s.takeaway, "aim to support them.") != NULL);

    CHECK_INT(s.n_quotes, 3);
    check_quote(&s, 0, "Ulla Engelmann", "DG GROW", "Clusters help enhance");
    check_quote(&s, 1, "Giacomo Mattinò", "DG GROW",
                "The European Enterprise Network is directly");
    check_quote(&s, 2, "Julien Giraud", "Île de France Region",
                "Team \"Île de France Export\"");
    if (s.n_quotes == 3) {
        CHECK(strstr(s.quotes[2].text, "sectors to help preparing") != NULL);
        CHECK(strstr(s.quotes[2].text, "online platform.") != NULL);
        CHECK_INT(count_paragraphs(s.quotes[2].text), 1);
    }
    CHECK(!session_has_footer(&s));

    session_clear(&s);
    free(text);
}

/* The reference page with its blank lines removed, or doubled: the same
 * speakers, info block, sections and quotes come out. */
static void test_blank_lines_vary(void)
{
    size_t len = 0;
    char *text = slurp("corpus/000_acfea4267ebb15da.txt", &len);
    CHECK(text != NULL);
    if (!text)
        return;
    char *variant = malloc(2 * len + 1);
    CHECK(variant != NULL);
    for (int mode = 0; variant && mode < 2; mode++) {
        size_t n = 0;
        for (size_t i = 0; i < len; i++) {
            if (mode == 0 && text[i] == '\n' && n && variant[n - 1] == '\n')
                continue; /* no blank lines */
            variant[n++] = text[i];
            if (mode == 1 && text[i] == '\n')
                variant[n++] = '\n'; /* every line followed by a blank */
        }
        session s;
        session_init(&s);
        char err[256];
        CHECK_INT(page_read(variant, n, &s, err, sizeof err), 0);
        CHECK_STR(s.date, "2018-10-11");
        CHECK_STR(s.end_time, "18:00");
        CHECK(starts_with(s.description, "Internationalization is"));
        CHECK_INT(s.n_speakers, 6);
        if (s.n_speakers == 6) {
            CHECK_STR(s.speakers[0].name, "Richard Tuffs");
            CHECK_STR(s.speakers[5].country, "Belgium");
        }
        CHECK_STR(s.theme, "Economic development, employment");
        CHECK_INT(s.n_organisers, 1);
        CHECK_INT(s.n_interpretation, 3);
        CHECK(starts_with(s.summary, "Richard Tuffs introduced"));
        CHECK(s.summary && strstr(s.summary, "develop value chains.") != NULL);
        CHECK(starts_with(s.takeaway, "In the era of growing complexity"));
        CHECK(s.takeaway && strstr(s.takeaway, "DG GROW") == NULL);
        CHECK_INT(s.n_quotes, 3);
        check_quote(&s, 1, "Giacomo Mattinò", "DG GROW", "The European");
        check_quote(&s, 2, "Julien Giraud", "Île de France Region", "Team");
        CHECK(!session_has_footer(&s));
        session_clear(&s);
    }
    free(variant);
    free(text);
}

static void test_french_page(void)
{
    size_t len = 0;
    char *text = slurp("tests/data/readers/page_fr.txt", &len);
    CHECK(text != NULL);
    if (!text)
        return;
    session s;
    session_init(&s);
    char err[256];
    CHECK_INT(page_read(text, len, &s, err, sizeof err), 0);
    CHECK_STR(s.title, "Les régions frontalières face à la "
                       "transition énergétique");
    CHECK_STR(s.date, "2018-10-09");
    CHECK_INT(s.year, 2018);
    CHECK_STR(s.start_time, "14:30");
    CHECK_STR(s.end_time, "16:00");
    CHECK_STR(s.timezone, "CEST");
    CHECK(starts_with(s.description, "Comment les régions"));
    CHECK_INT(s.n_speakers, 3);
    check_speaker(&s, 0, "Marie Dupont", "Modératrice",
                  "Conseil régional de Bretagne", "France", 1);
    check_speaker(&s, 1, "Jan Kowalski", "Directeur",
                  "Agence régionale de l'énergie, "
                  "Urząd Marszałkowski Województwa "
                  "Pomorskiego",
                  "Pologne", 0);
    check_speaker(&s, 2, "Ana Ferreira", "Chef de projet",
                  "Agência de Energia do Alto Minho", "Portugal", 0);
    CHECK_STR(s.theme, "Énergie, climat");
    CHECK_INT(s.n_organisers, 2);
    if (s.n_organisers == 2) {
        CHECK_STR(s.organisers[0], "Région Bretagne");
        CHECK_STR(s.organisers[1], "Województwo Pomorskie");
    }
    CHECK_INT(s.n_interpretation, 3);
    if (s.n_interpretation == 3) {
        CHECK_STR(s.interpretation[0], "fr");
        CHECK_STR(s.interpretation[1], "pl");
        CHECK_STR(s.interpretation[2], "en");
    }
    CHECK(starts_with(s.summary, "Marie Dupont a ouvert"));
    CHECK_INT(count_paragraphs(s.summary), 3);
    CHECK(starts_with(s.takeaway, "Les projets énergétiques"));
    CHECK_INT(count_paragraphs(s.takeaway), 1);
    CHECK_INT(s.n_quotes, 2);
    check_quote(&s, 0, "Jan Kowalski",
                "Agence régionale de "
                "l'énergie",
                "Une frontière ne doit pas");
    check_quote(&s, 1, "Ana Ferreira",
                "Agência de Energia do Alto "
                "Minho",
                "Acheter ensemble");
    if (s.n_quotes == 2)
        CHECK_STR(s.quotes[1].text,
                  "Acheter ensemble, c'est payer moins et installer plus "
                  "vite.");
    CHECK(!session_has_footer(&s));
    session_clear(&s);
    free(text);
}

static void test_greek_page(void)
{
    size_t len = 0;
    char *text = slurp("tests/data/readers/page_el.txt", &len);
    CHECK(text != NULL);
    if (!text)
        return;
    session s;
    session_init(&s);
    char err[256];
    CHECK_INT(page_read(text, len, &s, err, sizeof err), 0);
    CHECK_STR(s.title, "Η συνοχή στις νησιωτικές περιφέρειες μετά το 2020");
    CHECK_STR(s.date, "2018-10-09");
    CHECK_INT(s.year, 2018);
    CHECK_STR(s.start_time, "09:30");
    CHECK_STR(s.end_time, "11:00");
    CHECK_STR(s.timezone, "CET");
    CHECK(starts_with(s.description, "Οι νησιωτικές περιφέρειες"));
    CHECK_INT(s.n_speakers, 2);
    check_speaker(&s, 0, "Μαρία Παπαδοπούλου", "Συντονίστρια",
                  "Περιφέρεια Νοτίου Αιγαίου", "Ελλάδα", 1);
    check_speaker(&s, 1, "Νίκος Γεωργίου", "Αντιπεριφερειάρχης",
                  "Περιφέρεια Κρήτης", "Ελλάδα", 0);
    CHECK_STR(s.theme, "Συνοχή, νησιωτικότητα");
    CHECK_INT(s.n_organisers, 1);
    if (s.n_organisers == 1)
        CHECK_STR(s.organisers[0], "Περιφέρεια Νοτίου Αιγαίου");
    CHECK_INT(s.n_interpretation, 2);
    if (s.n_interpretation == 2) {
        CHECK_STR(s.interpretation[0], "el");
        CHECK_STR(s.interpretation[1], "en");
    }
    CHECK(starts_with(s.summary, "Η Μαρία Παπαδοπούλου παρουσίασε"));
    CHECK_INT(count_paragraphs(s.summary), 2);
    CHECK_STR(
        s.takeaway,
        "Η πολιτική συνοχής χρειάζεται έναν ειδικό δείκτη νησιωτικότητας.");
    CHECK_INT(s.n_quotes, 1);
    check_quote(&s, 0, "Νίκος Γεωργίου", "Περιφέρεια Κρήτης",
                "Τα νησιά μας δεν ζητούν προνόμια");
    CHECK(!session_has_footer(&s));
    session_clear(&s);
    free(text);
}

/* No speakers, no quotes, no labels: what is absent stays absent. */
static void test_sparse_page(void)
{
    const char *text = "Cohesion policy after 2020\n"
                       "\n"
                       "Tue 9, October 2018\n"
                       "\n"
                       "An open debate on the next budget.\n"
                       "\n"
                       "It is followed by a reception.\n";
    session s;
    session_init(&s);
    char err[256];
    CHECK_INT(read_str(text, &s, err, sizeof err), 0);
    CHECK_STR(s.title, "Cohesion policy after 2020");
    CHECK_STR(s.date, "2018-10-09");
    CHECK_INT(s.year, 2018);
    CHECK_STR(s.start_time, NULL);
    CHECK_STR(s.end_time, NULL);
    CHECK_STR(s.timezone, NULL);
    CHECK_STR(s.description, "An open debate on the next budget.\n\nIt is "
                             "followed by a reception.");
    CHECK_STR(s.theme, NULL);
    CHECK_STR(s.summary, NULL);
    CHECK_STR(s.takeaway, NULL);
    CHECK_INT(s.n_speakers, 0);
    CHECK_INT(s.n_quotes, 0);
    CHECK_INT(s.n_organisers, 0);
    CHECK_INT(s.n_interpretation, 0);
    CHECK(s.speakers == NULL && s.quotes == NULL && s.organisers == NULL);

    /* theme, organiser and languages without speakers; a summary whose
     * last paragraph is not a quote; no date at all */
    const char *text2 = "Green ports\n"
                        "\n"
                        "Ports and their regions.\n"
                        "\n"
                        "Green Europe\n"
                        "Port of Gdynia\n"
                        "polski (pl), english (en)\n"
                        "\n"
                        "Session summary\n"
                        "\n"
                        "The session was cancelled.\n"
                        "\n"
                        "Anna Nowak, Port of Gdynia\n";
    CHECK_INT(read_str(text2, &s, err, sizeof err), 0);
    CHECK_STR(s.date, NULL);
    CHECK_INT(s.year, 0);
    CHECK_STR(s.description, "Ports and their regions.");
    CHECK_STR(s.theme, "Green Europe");
    CHECK_INT(s.n_organisers, 1);
    CHECK_INT(s.n_interpretation, 2);
    CHECK_INT(s.n_speakers, 0);
    CHECK_INT(s.n_quotes, 0); /* a header without a quote is text */
    CHECK_STR(s.summary,
              "The session was cancelled.\n\nAnna Nowak, Port of Gdynia");
    CHECK_STR(s.takeaway, NULL);
    session_clear(&s);
}

int main(void)
{
    test_reference_page();
    test_blank_lines_vary();
    test_french_page();
    test_greek_page();
    test_sparse_page();
    return check_exit();
}
