/*
 * test_page_layouts.c — one page per layout of tests/data/layouts/ (OPEN
 * DAYS 2009 and 2012, the 2018-2020 pages, pages in the session's
 * language, mojibake), each read with every field checked, absent ones
 * included.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "indexer/page_reader.h"
#include "tests/check.h"
#include "tests/testdata.h"
#include "tests/unit/page_checks.h"

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

int main(void)
{
    test_layouts();
    return check_exit();
}
