/*
 * page_words.c — the words the page reader recognises inside fields, in
 * the archive's languages: month names (date lines), country names (the
 * end of an inline speaker), words that name a position (the role of an
 * inline speaker), and language codes (interpretation).  Compared through
 * page_key(), as the tables of page_labels.c: case and accents do not
 * matter.
 */
#include "page_internal.h"

#include <string.h>

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* The tables of this file, by name (their keys are filled once). */
enum { MONTHS, COUNTRIES, ROLES, N_SETS };
static const page_wordset *set(int which);

/* ------------------------------------------------------------ months */

/*
 * One row per language and grammatical form, January first; NULL where a
 * row has no word of its own.  Left out on purpose: Croatian "listopad"
 * (October), which is November in Polish and Czech ("listopad",
 * "listopada"), so a Croatian date in October is read as November; and
 * Irish, whose month names are two words ("Deireadh Fómhair").
 */
static const char *const months[][12] = {
    {"January", "February", "March", "April", "May", "June", "July",
     "August", "September", "October", "November", "December"},
    {"Jan", "Feb", "Mar", "Apr", NULL, "Jun", "Jul", "Aug", "Sept", "Oct",
     "Nov", "Dec"}, /* en, abbreviated */
    {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
     "septembre", "octobre", "novembre", "décembre"}, /* fr */
    {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
     "September", "Oktober", "November", "Dezember"}, /* de */
    {"Jänner", "Feber", NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
     NULL}, /* de, Austria */
    {"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio",
     "agosto", "settembre", "ottobre", "novembre", "dicembre"}, /* it */
    {"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio",
     "agosto", "septiembre", "octubre", "noviembre", "diciembre"}, /* es */
    {NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "setiembre", NULL, NULL,
     NULL}, /* es, variant */
    {"janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho",
     "agosto", "setembro", "outubro", "novembro", "dezembro"}, /* pt */
    {"januari", "februari", "maart", "april", "mei", "juni", "juli",
     "augustus", "september", "oktober", "november", "december"}, /* nl */
    {"styczeń", "luty", "marzec", "kwiecień", "maj", "czerwiec", "lipiec",
     "sierpień", "wrzesień", "październik", "listopad", "grudzień"}, /* pl */
    {"stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca",
     "sierpnia", "września", "października", "listopada",
     "grudnia"}, /* pl, genitive */
    {"Ιανουάριος", "Φεβρουάριος", "Μάρτιος", "Απρίλιος", "Μάιος", "Ιούνιος",
     "Ιούλιος", "Αύγουστος", "Σεπτέμβριος", "Οκτώβριος", "Νοέμβριος",
     "Δεκέμβριος"}, /* el */
    {"Ιανουαρίου", "Φεβρουαρίου", "Μαρτίου", "Απριλίου", "Μαΐου", "Ιουνίου",
     "Ιουλίου", "Αυγούστου", "Σεπτεμβρίου", "Οκτωβρίου", "Νοεμβρίου",
     "Δεκεμβρίου"}, /* el, genitive */
    {"leden", "únor", "březen", "duben", "květen", "červen", "červenec",
     "srpen", "září", "říjen", "listopad", "prosinec"}, /* cs */
    {"ledna", "února", "března", "dubna", "května", "června", "července",
     "srpna", NULL, "října", "listopadu", "prosince"}, /* cs, genitive */
    {"január", "február", "marec", "apríl", "máj", "jún", "júl", "august",
     "september", "október", "november", "december"}, /* sk */
    {"januára", "februára", "marca", "apríla", "mája", "júna", "júla",
     "augusta", "septembra", "októbra", "novembra", "decembra"}, /* sk, gen. */
    {"januar", "februar", "marec", "april", "maj", "junij", "julij",
     "avgust", "september", "oktober", "november", "december"}, /* sl */
    {"siječanj", "veljača", "ožujak", "travanj", "svibanj", "lipanj",
     "srpanj", "kolovoz", "rujan", NULL, "studeni", "prosinac"}, /* hr */
    {"siječnja", "veljače", "ožujka", "travnja", "svibnja", "lipnja",
     "srpnja", "kolovoza", "rujna", NULL, "studenoga",
     "prosinca"}, /* hr, genitive */
    {"január", "február", "március", "április", "május", "június", "július",
     "augusztus", "szeptember", "október", "november", "december"}, /* hu */
    {"ianuarie", "februarie", "martie", "aprilie", "mai", "iunie", "iulie",
     "august", "septembrie", "octombrie", "noiembrie", "decembrie"}, /* ro */
    {"януари", "февруари", "март", "април", "май", "юни", "юли", "август",
     "септември", "октомври", "ноември", "декември"}, /* bg */
    {"januari", "februari", "mars", "april", "maj", "juni", "juli",
     "augusti", "september", "oktober", "november", "december"}, /* sv */
    {"januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
     "september", "oktober", "november", "december"}, /* da */
    {"tammikuu", "helmikuu", "maaliskuu", "huhtikuu", "toukokuu", "kesäkuu",
     "heinäkuu", "elokuu", "syyskuu", "lokakuu", "marraskuu",
     "joulukuu"}, /* fi */
    {"tammikuuta", "helmikuuta", "maaliskuuta", "huhtikuuta", "toukokuuta",
     "kesäkuuta", "heinäkuuta", "elokuuta", "syyskuuta", "lokakuuta",
     "marraskuuta", "joulukuuta"}, /* fi, partitive */
    {"jaanuar", "veebruar", "märts", "aprill", "mai", "juuni", "juuli",
     "august", "september", "oktoober", "november", "detsember"}, /* et */
    {"janvāris", "februāris", "marts", "aprīlis", "maijs", "jūnijs",
     "jūlijs", "augusts", "septembris", "oktobris", "novembris",
     "decembris"}, /* lv */
    {"janvārī", "februārī", "martā", "aprīlī", "maijā", "jūnijā", "jūlijā",
     "augustā", "septembrī", "oktobrī", "novembrī",
     "decembrī"}, /* lv, locative */
    {"sausis", "vasaris", "kovas", "balandis", "gegužė", "birželis", "liepa",
     "rugpjūtis", "rugsėjis", "spalis", "lapkritis", "gruodis"}, /* lt */
    {"sausio", "vasario", "kovo", "balandžio", "gegužės", "birželio",
     "liepos", "rugpjūčio", "rugsėjo", "spalio", "lapkričio",
     "gruodžio"}, /* lt, genitive */
    {"Jannar", "Frar", "Marzu", "April", "Mejju", "Ġunju", "Lulju",
     "Awwissu", "Settembru", "Ottubru", "Novembru", "Diċembru"}, /* mt */
};

int page_month(const char *word, size_t len)
{
    if (len == 0 || len > 40)
        return 0;
    char key[PAGE_KEY_MAX];
    if (page_key(word, len, key, NULL) == 0)
        return 0;
    /* the table is read row by row, twelve months a row */
    size_t i = page_wordset_find(set(MONTHS), key, 0);
    return i ? (int)((i - 1) % 12) + 1 : 0;
}

size_t page_month_prefix(const char *key)
{
    return page_wordset_prefix(set(MONTHS), key);
}

/* ------------------------------------------------------------ countries */

/* The member states and their neighbours, in English, in their own
 * languages, and in French and German (the languages speaker lists are
 * most often written in besides English). */
static const char *const countries[] = {
    /* en */
    "Austria", "Belgium", "Bulgaria", "Croatia", "Cyprus", "Czech Republic",
    "Czechia", "Denmark", "Estonia", "Finland", "France", "Germany", "Greece",
    "Hungary", "Ireland", "Italy", "Latvia", "Lithuania", "Luxembourg",
    "Malta", "Netherlands", "The Netherlands", "Poland", "Portugal",
    "Romania", "Slovakia", "Slovenia", "Spain", "Sweden", "United Kingdom",
    "UK", "Norway", "Iceland", "Liechtenstein", "Switzerland", "Albania",
    "Bosnia and Herzegovina", "Kosovo", "Montenegro", "North Macedonia",
    "Serbia", "Turkey", "Türkiye", "Ukraine", "Moldova", "Georgia",
    "Armenia", "Israel", "Morocco", "Tunisia", "Russia", "United States",
    "USA", "Canada", "China", "Japan",
    /* their own languages */
    "Österreich", "België", "Belgique", "Belgien", "България", "Hrvatska",
    "Κύπρος", "Česko", "Česká republika", "Danmark", "Eesti", "Suomi",
    "Deutschland", "Ελλάδα", "Magyarország", "Éire", "Italia", "Latvija",
    "Lietuva", "Lëtzebuerg", "Nederland", "Polska", "România", "Slovensko",
    "Slovenija", "España", "Sverige", "Norge", "Ísland", "Schweiz", "Suisse",
    "Svizzera",
    /* fr */
    "Autriche", "Bulgarie", "Croatie", "Chypre", "République tchèque",
    "Tchéquie", "Danemark", "Estonie", "Finlande", "Allemagne", "Grèce",
    "Hongrie", "Irlande", "Italie", "Lettonie", "Lituanie", "Pays-Bas",
    "Pologne", "Roumanie", "Slovaquie", "Slovénie", "Espagne", "Suède",
    "Royaume-Uni", "Norvège", "Islande", "Turquie",
    /* de */
    "Bulgarien", "Kroatien", "Zypern", "Tschechien", "Dänemark", "Estland",
    "Finnland", "Frankreich", "Griechenland", "Ungarn", "Irland", "Italien",
    "Lettland", "Litauen", "Luxemburg", "Niederlande", "Polen", "Rumänien",
    "Slowakei", "Slowenien", "Spanien", "Schweden", "Vereinigtes Königreich",
    "Norwegen", "Türkei",
};

int page_is_country(const char *s, size_t len)
{
    if (len == 0 || len > 40)
        return 0;
    char key[PAGE_KEY_MAX];
    if (page_key(s, len, key, NULL) == 0)
        return 0;
    return page_wordset_find(set(COUNTRIES), key, 0) != 0;
}

/* ------------------------------------------------------------ positions */

/* Words that name a position, one word each, compared as whole words. */
static const char *const role_words[] = {
    /* en */
    "Director", "Directors", "Head", "Deputy", "Chief", "Manager", "Officer",
    "Adviser", "Advisor", "Coordinator", "Co-ordinator", "Expert",
    "Specialist", "Consultant", "President", "Vice-President", "Chairman",
    "Chairwoman", "Chairperson", "Chair", "Moderator", "Secretary",
    "Secretary-General", "Mayor", "Councillor", "Councilor", "Minister",
    "Commissioner", "Member", "MEP", "Governor", "Marshal", "Professor",
    "Lecturer", "Researcher", "Fellow", "Analyst", "Engineer", "Economist",
    "Architect", "Planner", "Administrator", "Representative", "Ambassador",
    "Rapporteur", "Founder", "Co-founder", "CEO", "Partner", "Leader",
    "Journalist", "Editor", "Assistant", "Attaché", "Counsellor", "Delegate",
    "Spokesperson", "Treasurer", "Dean", "Rector", "Chancellor", "Senior",
    "Junior", "Lead", "Owner", "Entrepreneur", "Farmer", "Student",
    /* fr */
    "Directeur", "Directrice", "Chef", "Responsable", "Présidente",
    "Conseiller", "Conseillère", "Maire", "Adjoint", "Adjointe", "Chargé",
    "Chargée", "Professeur", "Professeure", "Chercheur", "Chercheuse",
    "Coordinateur", "Coordinatrice", "Secrétaire", "Député", "Députée",
    "Modérateur", "Modératrice", "Vice-président", "Vice-présidente",
    /* de */
    "Direktor", "Direktorin", "Leiter", "Leiterin", "Referent", "Referentin",
    "Geschäftsführer", "Geschäftsführerin", "Bürgermeister",
    "Bürgermeisterin", "Professorin", "Präsident", "Präsidentin", "Berater",
    "Beraterin", "Koordinator", "Koordinatorin", "Vorstand", "Moderatorin",
    "Abteilungsleiter", "Abteilungsleiterin", "Landrat", "Landrätin",
    /* it */
    "Direttore", "Direttrice", "Responsabile", "Presidente", "Sindaco",
    "Assessore", "Consigliere", "Professore", "Professoressa",
    "Coordinatore", "Coordinatrice", "Capo", "Dirigente", "Funzionario",
    /* es, pt */
    "Directora", "Jefe", "Jefa", "Presidenta", "Alcalde", "Alcaldesa",
    "Consejero", "Consejera", "Profesor", "Profesora", "Coordinador",
    "Coordinadora", "Técnico", "Técnica", "Diretor", "Diretora", "Vereador",
    "Vereadora", "Coordenador", "Coordenadora",
    /* pl */
    "Dyrektor", "Kierownik", "Prezydent", "Marszałek", "Wicemarszałek",
    "Burmistrz", "Wójt", "Prezes", "Ekspert", "Koordynator", "Starosta",
    /* nl */
    "Hoofd", "Burgemeester", "Wethouder", "Gedeputeerde",
    "Voorzitter", "Adviseur", "Coördinator", "Beleidsmedewerker",
    /* el */
    "Διευθυντής", "Διευθύντρια", "Πρόεδρος", "Δήμαρχος", "Περιφερειάρχης",
    "Αντιπεριφερειάρχης", "Αντιδήμαρχος", "Σύμβουλος", "Καθηγητής",
    "Καθηγήτρια", "Συντονιστής", "Συντονίστρια", "Προϊστάμενος",
    "Προϊσταμένη",
};

int page_has_role_word(const char *s, size_t len)
{
    char key[PAGE_KEY_MAX];
    size_t i = 0;
    /* whole words, and the parts of "Vice-President", "Head/Chief" */
    while (i < len) {
        while (i < len && (s[i] == ' ' || s[i] == '-' || s[i] == '/'))
            i++;
        size_t b = i;
        while (i < len && s[i] != ' ' && s[i] != '-' && s[i] != '/')
            i++;
        if (i > b && page_key(s + b, i - b, key, NULL) > 0 &&
            page_wordset_find(set(ROLES), key, 0))
            return 1;
    }
    /* and the word as written with its hyphen ("Co-founder") */
    return len <= 40 && page_key(s, len, key, NULL) > 0 &&
           page_wordset_find(set(ROLES), key, 0);
}

/* ------------------------------------------------------------ languages */

/* ISO 639-1 codes of the languages interpreted at the archive's events:
 * the EU's official languages, the candidates' and neighbours', and the
 * regional languages of member states. */
static const char *const lang_codes[] = {
    "bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga",
    "hr", "hu", "it", "lt", "lv", "mt", "nl", "pl", "pt", "ro", "sk",
    "sl", "sv", "is", "no", "tr", "mk", "sq", "sr", "bs", "uk", "ru",
    "ar", "zh", "ja", "ca", "eu", "gl", "lb", "cy",
};

int page_is_lang_code(const char *code)
{
    for (size_t i = 0; i < COUNT(lang_codes); i++)
        if (strcmp(code, lang_codes[i]) == 0)
            return 1;
    return 0;
}

/* ------------------------------------------------------------ keys */

/* months is read row by row, twelve words a row */
static page_wordset sets[N_SETS] = {
    [MONTHS] = PAGE_WORDSET_OF(months, sizeof months[0][0],
                               COUNT(months) * 12),
    [COUNTRIES] = PAGE_WORDSET(countries),
    [ROLES] = PAGE_WORDSET(role_words),
};
PAGE_WORDSET_GETTER(set, sets)
