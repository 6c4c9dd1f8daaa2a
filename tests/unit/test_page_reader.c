/*
 * test_page_reader.c — the page-text reader: the reference page field by
 * field, pages in French and Greek, damaged layouts, and refusals; then
 * one page per layout of tests/data/layouts/ (OPEN DAYS, 2018-2020, pages
 * in the session's language, mojibake) with every field checked, absent
 * ones included; session codes, labelled lines, inline speakers, and the
 * site's own text (banners, notices, comment threads).
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

/* ---------------------------------------------------------- layouts */

typedef struct exp_speaker {
    const char *name, *role, *org, *country;
    int chair;
} exp_speaker;

typedef struct exp_quote {
    const char *speaker, *aff, *text;
} exp_quote;

/* Everything a page gives; lists end with NULL (speakers and quotes with
 * a NULL name or text). */
typedef struct expected {
    const char *file;
    const char *title, *code, *type, *date, *start, *end, *zone;
    int year;
    const char *venue, *description, *theme, *summary, *takeaway;
    const char *organisers[6], *interpretation[6], *presentations[6];
    exp_speaker speakers[8];
    exp_quote quotes[4];
    size_t repairs;
} expected;

static size_t count_strs(const char *const *l)
{
    size_t n = 0;
    while (l[n])
        n++;
    return n;
}

static void check_list(char **got, size_t n, const char *const *want)
{
    CHECK_INT(n, count_strs(want));
    for (size_t i = 0; i < n && want[i]; i++)
        CHECK_STR(got[i], want[i]);
}

/* Checks every field of s against e. */
static void check_session(const session *s, const expected *e)
{
    int before = check_failures;
    CHECK_STR(s->title, e->title);
    CHECK_STR(s->code, e->code);
    CHECK_STR(s->type, e->type);
    CHECK_STR(s->date, e->date);
    CHECK_STR(s->start_time, e->start);
    CHECK_STR(s->end_time, e->end);
    CHECK_STR(s->timezone, e->zone);
    CHECK_INT(s->year, e->year);
    CHECK_STR(s->venue, e->venue);
    CHECK_STR(s->description, e->description);
    CHECK_STR(s->theme, e->theme);
    CHECK_STR(s->summary, e->summary);
    CHECK_STR(s->takeaway, e->takeaway);
    CHECK_STR(s->lang, NULL);
    check_list(s->organisers, s->n_organisers, e->organisers);
    check_list(s->interpretation, s->n_interpretation, e->interpretation);
    check_list(s->presentations, s->n_presentations, e->presentations);
    size_t ns = 0;
    while (e->speakers[ns].name)
        ns++;
    CHECK_INT(s->n_speakers, ns);
    for (size_t i = 0; i < ns; i++)
        check_speaker(s, i, e->speakers[i].name, e->speakers[i].role,
                      e->speakers[i].org, e->speakers[i].country,
                      e->speakers[i].chair);
    size_t nq = 0;
    while (e->quotes[nq].text)
        nq++;
    CHECK_INT(s->n_quotes, nq);
    for (size_t i = 0; i < nq && i < s->n_quotes; i++) {
        CHECK_STR(s->quotes[i].speaker, e->quotes[i].speaker);
        CHECK_STR(s->quotes[i].affiliation, e->quotes[i].aff);
        CHECK_STR(s->quotes[i].text, e->quotes[i].text);
    }
    CHECK_INT(s->repairs, e->repairs);
    CHECK(!session_has_footer(s));
    if (check_failures != before)
        fprintf(stderr, "  (page %s)\n", e->file);
}

static const expected layouts[] = {
    {.file = "opendays_2009.txt",
     .title = "Regions and cities in the knowledge economy: clusters "
              "beyond borders",
     .code = "09C14",
     .date = "2009-10-07",
     .start = "14:30",
     .end = "17:00",
     .year = 2009,
     .venue = "Committee of the Regions, Belliard building, room VMA 3",
     .description =
         "Clusters have become a standard tool of regional innovation "
         "policy, but most of them still work within the borders of one "
         "region. This seminar asks what happens when clusters in different "
         "Member States start to share laboratories, training and export "
         "missions.\n\nSpeakers will present three partnerships between "
         "technology clusters in the Netherlands, France and Italy, and "
         "discuss how the European Territorial Cooperation programmes can "
         "support them after 2013.",
     .theme = "Cohesion, cooperation and territorial development",
     .organisers = {"Province of Noord-Brabant", "Région Rhône-Alpes",
                    "Lombardy Region"},
     .presentations = {"Brainport Eindhoven and its partners",
                       "Cross-border clusters in the Alps (PDF)"},
     .speakers = {{"Johan van Leeuwen", NULL, "Brabant Development Agency",
                   NULL, 0},
                  {"Claire Fontaine", NULL, "Rhône-Alpes Cluster Agency", NULL,
                   0},
                  {"Marco Pellegrini", NULL, "Lombardy Region", "Italy", 0},
                  {"Helena Lindström", NULL,
                   "European Commission, DG Regional Policy", NULL, 1}}},
    {.file = "opendays_2012_chairs.txt",
     .title = "Smart specialisation: from strategy to first calls",
     .code = "12B08",
     .date = "2012-10-09",
     .start = "09:30",
     .end = "11:00",
     .year = 2012,
     .venue =
         "Representation of the State of Saxony to the EU, conference room",
     .description =
         "Regions are preparing research and innovation strategies for "
         "smart specialisation, which will be a condition for ERDF support "
         "after 2013. The session shows how three regions moved from a "
         "strategy document to their first calls for projects.",
     .theme = "Smart growth and innovation",
     .organisers = {"Free State of Saxony", "Region of Southern Denmark",
                    "Regione Puglia"},
     .interpretation = {"en", "de", "fr"},
     .presentations = {"The Saxon innovation strategy",
                       "Health innovation in Southern Denmark"},
     .speakers = {{"Anna MÜLLER", "Head Of Unit For Innovation Policy",
                   "Free State of Saxony", NULL, 1},
                  {"Lars Holm Jensen", "Senior Adviser",
                   "Region of Southern Denmark", NULL, 0},
                  {"Giuseppe CARUSO",
                   "Director of the Department for Economic Development",
                   "Regione Puglia", NULL, 0},
                  {"Ewa Malinowska", NULL, "University of Gdańsk", NULL, 0},
                  {"Paul Girard", NULL, NULL, NULL, 1}}},
    {.file = "ewrc_2018_workshop.txt",
     .title = "Blue growth in Atlantic ports: skills and investment for the "
              "next decade",
     .code = "8WS12",
     .type = "Workshop",
     .date = "2018-10-09", /* not 2019, the year of the site's banner */
     .start = "14:30",
     .end = "17:00",
     .zone = "CEST",
     .year = 2018,
     .venue = "Committee of the Regions, Room JDE 52, Rue Belliard 99-101, "
              "1040 Brussels",
     .description =
         "Atlantic ports are moving from handling goods to hosting offshore "
         "energy, aquaculture and marine research. The workshop looks at "
         "the skills these activities need and at how regional programmes "
         "can attract private investment to port areas.",
     .theme = "Sustainable Europe",
     .summary = "Aoife Brennan opened the workshop with figures on "
                "employment in Atlantic port regions.\n\nTiago Moreira "
                "described the innovation hub in Leixões, where start-ups "
                "test marine sensors on working quays.",
     .takeaway = "Ports that invest in training together with their regions "
                 "keep the jobs of the blue economy on shore.",
     .organisers = {"Conference of Peripheral Maritime Regions - Atlantic Arc "
                    "Commission"},
     .interpretation = {"en", "fr", "pt"},
     .speakers = {{"Aoife Brennan", "Moderator", "Atlantic Arc Commission",
                   "Ireland", 1},
                  {"Tiago Moreira", "Director",
                   "Port of Leixões Innovation Hub", "Portugal", 0},
                  {"Yann Le Goff", "Head of Maritime Training",
                   "Région Bretagne", "France", 0}},
     .quotes = {{"Yann Le Goff", "Région Bretagne",
                 "Every offshore wind farm needs technicians who can climb, "
                 "repair and stay: we train them in the harbour towns where "
                 "they will live."}}},
    {.file = "ewrc_2019_lab_comments.txt",
     .title = "Mapping energy poverty: a participatory lab for city data "
              "teams",
     .code = "9LAB07",
     .type = "Participatory lab",
     .date = "2019-10-09",
     .start = "11:00",
     .end = "12:30",
     .zone = "CEST",
     .year = 2019,
     .venue = "SQUARE Brussels Meeting Centre, Room 211, Mont des Arts, 1000 "
              "Brussels",
     .description = "City data teams bring their own maps of energy poverty "
                    "and compare methods with the help of researchers.",
     .theme = "Inclusive Europe",
     .summary = "Participants compared four methods to estimate energy "
                "poverty at street level.",
     .takeaway = "Energy poverty maps are only useful when social services "
                 "help to draw them.",
     .organisers = {"Energy Cities", "Municipality of Thessaloniki"},
     .interpretation = {"en", "el"},
     .speakers = {{"Katrien Peeters", "Moderator", "Energy Cities", "Belgium",
                   1},
                  {"Dimitra Kouri", "Data Analyst",
                   "Municipality of Thessaloniki", "Greece", 0}},
     .quotes = {{"Dimitra Kouri", "Municipality of Thessaloniki",
                 "Our first map showed where the old buildings are, not "
                 "where the poor households live."}}},
    {.file = "ewrc_2020_nozone.txt",
     .title = "What future for rural schools? A citizens' dialogue",
     .code = "0CD04",
     .type = "Citizens' dialogue",
     .date = "2020-10-14",
     .start = "10:00",
     .end = "11:30",
     .year = 2020,
     .venue = "Online",
     .description = "Parents, teachers and mayors from rural areas discuss "
                    "how to keep schools open when the number of pupils "
                    "falls.",
     .summary = "The mayors agreed that school transport and digital classes "
                "can only complement a school in the village.",
     .interpretation = {"en", "pl", "pt"},
     .speakers = {{"Inês Carvalho", "Moderator", "Journalist", "Portugal", 1},
                  {"Tomasz Wrona", "Mayor", "Gmina Lipnica", "Poland", 0}}},
    {.file = "fr_2018.txt",
     .title = "Les villes moyennes face à la revitalisation de leur centre",
     .code = "8WS05",
     .type = "Atelier",
     .date = "2018-10-09",
     .start = "11:00",
     .end = "12:30",
     .zone = "CEST",
     .year = 2018,
     .venue = "Comité européen des régions, salle JDE 53, Rue Belliard "
              "99-101, 1040 Bruxelles",
     .description = "Commerces vides, logements dégradés, services qui "
                    "partent en périphérie : de nombreuses villes moyennes "
                    "cherchent à redonner vie à leur centre. L’atelier "
                    "compare trois programmes de revitalisation.",
     .theme = "Développement urbain",
     .summary = "Sophie Marchetti a rappelé que la vacance commerciale "
                "dépasse 10 % dans un centre-ville sur trois.\n\nLuc "
                "Verhaegen a présenté la maison du commerce de Mons, qui "
                "loue des cellules vides à des créateurs à prix réduit.",
     .takeaway = "Un centre-ville revit quand logement, commerce et espaces "
                 "publics sont traités ensemble.",
     .organisers = {"Fédération des villes moyennes", "Ville de Mons"},
     .interpretation = {"fr", "en", "nl"},
     .speakers = {{"Sophie Marchetti", "Modératrice",
                   "Fédération des villes moyennes", "France", 1},
                  {"Luc Verhaegen", "Échevin de l’urbanisme", "Ville de Mons",
                   "Belgique", 0}},
     .quotes = {{"Luc Verhaegen", "Ville de Mons",
                 "Nous avons d’abord rénové les logements au-dessus des "
                 "commerces : les habitants ont ramené les clients."}}},
    {.file = "de_2017.txt",
     .title = "Wasserstoff aus der Region: Modellregionen für grünen "
              "Wasserstoff",
     .date = "2017-10-11",
     .start = "09:30",
     .end = "11:00",
     .year = 2017,
     .description = "Mehrere Regionen in Deutschland, den Niederlanden und "
                    "Österreich wollen überschüssigen Windstrom in "
                    "Wasserstoff umwandeln. Der Workshop stellt drei "
                    "Modellregionen vor.",
     .theme = "Nachhaltiges Europa",
     .summary = "Birgit Hartmann stellte die Frage, wer den ersten "
                "Elektrolyseur bezahlt.\n\nJeroen de Wit berichtete über das "
                "Projekt in Delfzijl.",
     .takeaway = "Grüner Wasserstoff braucht Abnehmer in der Region, bevor "
                 "die Anlagen gebaut werden.",
     .organisers = {"Land Niedersachsen", "Provincie Groningen"},
     .interpretation = {"de", "en", "nl"},
     .speakers = {{"Birgit Hartmann", "Moderatorin", "Wasserstoffnetzwerk Nord",
                   "Deutschland", 1},
                  {"Jeroen de Wit", "Projektleiter", "Provincie Groningen",
                   "Niederlande", 0},
                  {"Martin Eder", "Geschäftsführer",
                   "Energieagentur Steiermark", "Österreich", 0}},
     .quotes = {{"Martin Eder", "Energieagentur Steiermark",
                 "Ohne regionale Abnehmer bleibt jeder Elektrolyseur ein "
                 "Demonstrationsprojekt."}}},
    {.file = "el_2016.txt",
     .title = "Αγροτικός τουρισμός και νέοι αγρότες στα ορεινά χωριά",
     .date = "2016-10-12",
     .start = "14:30",
     .end = "16:00",
     .zone = "CEST",
     .year = 2016,
     .description = "Τα ορεινά χωριά χάνουν πληθυσμό. Το εργαστήριο εξετάζει "
                    "πώς ο αγροτικός τουρισμός μπορεί να κρατήσει τους νέους "
                    "αγρότες στον τόπο τους.",
     .theme = "Αγροτική ανάπτυξη",
     .summary = "Η Ελένη Σταθοπούλου παρουσίασε το πρόγραμμα της Περιφέρειας "
                "για τους νέους αγρότες.",
     .takeaway = "Ο τουρισμός στηρίζει τη γεωργία όταν τα προϊόντα του τόπου "
                 "φτάνουν στο τραπέζι του επισκέπτη.",
     .organisers = {"Περιφέρεια Ηπείρου"},
     .interpretation = {"el", "en"},
     .speakers = {{"Ελένη Σταθοπούλου", "Συντονίστρια", "Περιφέρεια Ηπείρου",
                   "Ελλάδα", 1},
                  {"Γιώργος Καραγιάννης", "Πρόεδρος",
                   "Αγροτικός Συνεταιρισμός Μετσόβου", "Ελλάδα", 0}},
     .quotes = {{"Γιώργος Καραγιάννης", "Αγροτικός Συνεταιρισμός Μετσόβου",
                 "Ο επισκέπτης που τρώει το τυρί μας γίνεται πελάτης μας για "
                 "χρόνια."}}},
    {.file = "cs_2018.txt",
     .title = "Uhelné regiony v transformaci: nová práce pro horníky",
     .date = "2018-10-09",
     .start = "16:30",
     .end = "18:00",
     .zone = "CEST",
     .year = 2018,
     .description = "Moravskoslezský a Ústecký kraj hledají novou práci pro "
                    "tisíce horníků. Seminář představí programy "
                    "rekvalifikace.",
     .theme = "Spravedlivá transformace",
     .summary = "Jana Dvořáková představila plán kraje na rekvalifikaci "
                "horníků.",
     .takeaway = "Transformace uspěje jen tehdy, když nová pracovní místa "
                 "vzniknou v regionu.",
     .organisers = {"Moravskoslezský kraj"},
     .interpretation = {"cs", "en"},
     .speakers = {{"Jana Dvořáková", "Moderátorka", "Moravskoslezský kraj",
                   "Česko", 1},
                  {"Petr Svoboda", "Ředitel", "Krajská hospodářská komora",
                   "Česko", 0}}},
    {.file = "mojibake_2018.txt",
     .title = "Régions côtières et économie bleue : l’avenir des pêcheurs",
     .date = "2018-10-11",
     .start = "09:30",
     .end = "11:00",
     .zone = "CEST",
     .year = 2018,
     .description = "Coastal regions such as Île-de-Ré and the Côte d’Opale "
                    "depend on fishing and tourism. Their fleets are ageing.",
     .theme = "Sustainable Europe",
     .summary = "Gaëlle Le Bihan presented the fleet renewal plan of "
                "10 million euros.",
     .takeaway = "Fishing needs young crews.",
     .organisers = {"Région Hauts-de-France"},
     .interpretation = {"en", "fr"},
     .speakers = {{"Gaëlle Le Bihan", "Director", "Comité régional des pêches",
                   "France", 0},
                  /* a lost lead byte stays; the wrong country too */
                  {"Sylvain Roux", "Deputy director", "Région IŽle-de-France",
                   "Finland", 0}},
     /* title 6, description 4 (two of them mangled twice), speaker 4,
      * organiser 1, languages 1, summary 2 (one a no-break space) */
     .repairs = 18},
};

static void test_layouts(void)
{
    char path[256], err[256];
    for (size_t i = 0; i < sizeof layouts / sizeof layouts[0]; i++) {
        snprintf(path, sizeof path, "tests/data/layouts/%s", layouts[i].file);
        size_t len = 0;
        char *text = slurp(path, &len);
        CHECK(text != NULL);
        if (!text)
            continue;
        session s;
        session_init(&s);
        int rc = page_read(text, len, &s, err, sizeof err);
        CHECK_INT(rc, 0);
        if (rc != 0)
            fprintf(stderr, "  (%s: %s)\n", layouts[i].file, err);
        check_session(&s, &layouts[i]);
        session_clear(&s);
        free(text);
    }
}

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
    test_layouts();
    test_codes();
    test_fields();
    test_inline_speakers();
    test_site_text();
    test_page_repairs();
    return check_exit();
}
