/*
 * test_page_reader.c — the page-text reader: the reference page field by
 * field, pages in French and Greek, damaged layouts, and refusals.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "indexer/page_reader.h"
#include "tests/check.h"
#include "tests/testdata.h"

/* Reads a page; returns the rc, err filled. */
static int read_str(const char *text, session *s, char *err, size_t errlen)
{
    session_clear(s);
    return page_read(text, strlen(text), s, err, errlen);
}

/* ---------------------------------------------------------- footers */

/* Text of site footers and comment threads in the test pages: none of it
 * may end up in any field. */
static const char *const footer_bits[] = {
    "comment and interact",    "Be the first",
    "Any comment not related", "commentez",
    "Soyez le premier",        "Publié par",
    "Très bon atelier",        "Visiteur",
};

static int has_footer(const char *s)
{
    if (!s)
        return 0;
    for (size_t i = 0; i < sizeof footer_bits / sizeof footer_bits[0]; i++)
        if (strstr(s, footer_bits[i]))
            return 1;
    return 0;
}

/* Whether some string of the session contains footer text. */
static int session_has_footer(const session *s)
{
    const char *f[] = {s->title,       s->code,     s->type,     s->date,
                       s->start_time,  s->end_time, s->timezone, s->venue,
                       s->description, s->theme,    s->summary,  s->takeaway,
                       s->lang};
    int bad = 0;
    for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
        bad |= has_footer(f[i]);
    for (size_t i = 0; i < s->n_organisers; i++)
        bad |= has_footer(s->organisers[i]);
    for (size_t i = 0; i < s->n_interpretation; i++)
        bad |= has_footer(s->interpretation[i]);
    for (size_t i = 0; i < s->n_presentations; i++)
        bad |= has_footer(s->presentations[i]);
    for (size_t i = 0; i < s->n_speakers; i++) {
        const session_speaker *p = &s->speakers[i];
        bad |= has_footer(p->name) | has_footer(p->role) |
               has_footer(p->organisation) | has_footer(p->country);
    }
    for (size_t i = 0; i < s->n_quotes; i++) {
        const session_quote *q = &s->quotes[i];
        bad |= has_footer(q->speaker) | has_footer(q->affiliation) |
               has_footer(q->text);
    }
    return bad;
}

static int starts_with(const char *s, const char *prefix)
{
    return s && strncmp(s, prefix, strlen(prefix)) == 0;
}

static size_t count_paragraphs(const char *s)
{
    if (!s)
        return 0;
    size_t n = 1;
    for (const char *p = s; (p = strstr(p, "\n\n")) != NULL; p += 2)
        n++;
    return n;
}

static void check_speaker(const session *s, size_t i, const char *name,
                          const char *role, const char *org,
                          const char *country, int chair)
{
    CHECK(i < s->n_speakers);
    if (i >= s->n_speakers)
        return;
    const session_speaker *p = &s->speakers[i];
    CHECK_STR(p->name, name);
    CHECK_STR(p->role, role);
    CHECK_STR(p->organisation, org);
    CHECK_STR(p->country, country);
    CHECK_INT(p->is_chair, chair);
}

static void check_quote(const session *s, size_t i, const char *speaker,
                        const char *aff, const char *text_start)
{
    CHECK(i < s->n_quotes);
    if (i >= s->n_quotes)
        return;
    const session_quote *q = &s->quotes[i];
    CHECK_STR(q->speaker, speaker);
    CHECK_STR(q->affiliation, aff);
    CHECK(starts_with(q->text, text_start));
}

/* ---------------------------------------------------------- pages */

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
    test_reference_page();
    test_blank_lines_vary();
    test_french_page();
    test_greek_page();
    test_crlf_nbsp();
    test_sparse_page();
    test_dates();
    test_labels();
    test_chairs();
    test_refusals();
    return check_exit();
}
