/*
 * page_labels.c — the multilingual labels of the page reader: section
 * labels, labelled fields, session types, chair roles.  The site's own
 * text (footers, notices, banners, comment headers) is in page_site.c;
 * month names, countries, positions and language codes in page_words.c.
 *
 * Every table is written as the text appears on pages; entries are compared
 * through page_key(), so case, accents, spaces and punctuation ("Take-away
 * message:", "ΠΕΡΙΛΗΨΗ", "Speakers and chair(s)") do not matter.  To
 * support one more language, add its words to the tables and nowhere else.
 */
#include "page_internal.h"

#include <string.h>
#include <utf8proc.h>

size_t page_key(const char *s, size_t len, char out[PAGE_KEY_MAX], int *cut)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    size_t n = 0, i = 0;
    int was_cut = 0;
    while (i < len) {
        unsigned char b = (unsigned char)s[i];
        if (b < 0x80) { /* ASCII: the fast path */
            i++;
            if (b >= 'A' && b <= 'Z')
                b = (unsigned char)(b - 'A' + 'a');
            else if (!(b >= 'a' && b <= 'z') && !(b >= '0' && b <= '9'))
                continue;
            if (n + 1 > PAGE_KEY_MAX - 1) {
                was_cut = 1;
                break;
            }
            out[n++] = (char)b;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i),
                                              &cp);
        if (k <= 0) {               /* not expected: callers validated */
            i++;
            continue;
        }
        i += (size_t)k;
        utf8proc_int32_t dec[32];
        int boundclass = 0;
        utf8proc_ssize_t m = utf8proc_decompose_char(
            cp, dec, 32,
            UTF8PROC_CASEFOLD | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK |
                UTF8PROC_COMPAT,
            &boundclass);
        if (m < 0 || m > 32)
            continue;
        for (utf8proc_ssize_t j = 0; j < m; j++) {
            utf8proc_category_t c = utf8proc_category(dec[j]);
            int keep = c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LL ||
                       c == UTF8PROC_CATEGORY_LT || c == UTF8PROC_CATEGORY_LM ||
                       c == UTF8PROC_CATEGORY_LO || c == UTF8PROC_CATEGORY_ND ||
                       c == UTF8PROC_CATEGORY_NL || c == UTF8PROC_CATEGORY_NO;
            if (!keep)
                continue;
            utf8proc_uint8_t enc[4];
            utf8proc_ssize_t e = utf8proc_encode_char(dec[j], enc);
            if (n + (size_t)e > PAGE_KEY_MAX - 1) {
                was_cut = 1;
                goto done;
            }
            memcpy(out + n, enc, (size_t)e);
            n += (size_t)e;
        }
    }
done:
    out[n] = '\0';
    if (cut)
        *cut = was_cut;
    return n;
}


void page_wordsets_fill(page_wordset *sets, size_t n)
{
    char key[PAGE_KEY_MAX];
    for (size_t t = 0; t < n; t++)
        for (size_t i = 0; i < sets[t].n; i++) {
            const char *w = *(const char *const *)((const char *)sets[t].base +
                                                   i * sets[t].stride);
            size_t kl = w ? page_key(w, strlen(w), key, NULL) : 0;
            if (kl >= PAGE_WORD_KEY)
                kl = PAGE_WORD_KEY - 1;
            memcpy(sets[t].keys[i], key, kl);
            sets[t].keys[i][kl] = '\0';
        }
}

size_t page_wordset_find(const page_wordset *ws, const char *key, int prefix)
{
    for (size_t i = 0; i < ws->n; i++) {
        const char *wk = ws->keys[i];
        if (!wk[0])
            continue;
        if (prefix ? strncmp(key, wk, strlen(wk)) == 0 : strcmp(key, wk) == 0)
            return i + 1;
    }
    return 0;
}

size_t page_wordset_prefix(const page_wordset *ws, const char *key)
{
    size_t best = 0;
    for (size_t i = 0; i < ws->n; i++) {
        size_t wl = strlen(ws->keys[i]);
        if (wl > best && strncmp(key, ws->keys[i], wl) == 0)
            best = wl;
    }
    return best;
}

/* The tables of this file, by name (their keys are filled once). */
enum { SUMMARY, TAKEAWAY, FIELDS, TYPES, CHAIRS, N_SETS };
static const page_wordset *set(int which);

/* ------------------------------------------------------------ sections */

static const char *const summary_labels[] = {
    "Session summary", "Summary",
    "Résumé de la session", "Résumé",               /* fr */
    "Zusammenfassung", "Zusammenfassung der Sitzung", /* de */
    "Sintesi della sessione", "Sintesi",            /* it */
    "Resumen de la sesión", "Resumen",              /* es */
    "Podsumowanie sesji", "Podsumowanie",           /* pl */
    "Samenvatting van de sessie", "Samenvatting",   /* nl */
    "Περίληψη", "Σύνοψη",                           /* el */
    "Resumo da sessão", "Resumo",                   /* pt */
    "Shrnutí zasedání", "Shrnutí",                  /* cs */
    "Zhrnutie",                                     /* sk */
    "Povzetek",                                     /* sl */
    "Sažetak",                                      /* hr */
    "Összefoglaló",                                 /* hu */
    "Rezumatul sesiunii", "Rezumat",                /* ro */
    "Резюме",                                       /* bg */
    "Sammanfattning",                               /* sv */
    "Sammendrag",                                   /* da ("Resumé" as fr) */
    "Yhteenveto",                                   /* fi */
    "Kokkuvõte",                                    /* et */
    "Kopsavilkums",                                 /* lv */
    "Santrauka",                                    /* lt */
    "Sommarju",                                     /* mt */
};

static const char *const takeaway_labels[] = {
    "Take away message", "Take-away message", "Take away messages",
    "Key message", "Key messages",
    "Message à retenir", "Messages clés",           /* fr */
    "Kernbotschaft", "Kernbotschaften",             /* de */
    "Messaggio chiave", "Messaggio principale",     /* it */
    "Mensaje clave", "Mensaje principal",           /* es */
    "Najważniejsze przesłanie", "Główne przesłanie", /* pl */
    "Kernboodschap",                                /* nl */
    "Βασικό μήνυμα", "Κύριο μήνυμα",                /* el */
    "Mensagem principal", "Mensagem-chave",         /* pt */
    "Hlavní poselství",                             /* cs */
    "Hlavné posolstvo",                             /* sk */
    "Ključno sporočilo",                            /* sl */
    "Ključna poruka",                               /* hr */
    "Fő üzenet",                                    /* hu */
    "Mesajul principal", "Mesaj principal",         /* ro */
    "Основно послание",                             /* bg */
    "Huvudbudskap",                                 /* sv */
    "Hovedbudskab",                                 /* da */
    "Keskeinen viesti",                             /* fi */
    "Põhisõnum",                                    /* et */
    "Galvenā doma",                                 /* lv */
    "Pagrindinė žinia",                             /* lt */
    "Messaġġ ewlieni",                              /* mt */
};

page_label page_label_of(const char *line, size_t len)
{
    if (len > 80)                   /* labels are short; spare the folding */
        return PAGE_LABEL_NONE;
    char key[PAGE_KEY_MAX];
    int cut;
    if (page_key(line, len, key, &cut) == 0 || cut)
        return PAGE_LABEL_NONE;
    if (page_wordset_find(set(SUMMARY), key, 0))
        return PAGE_LABEL_SUMMARY;
    if (page_wordset_find(set(TAKEAWAY), key, 0))
        return PAGE_LABEL_TAKEAWAY;
    return PAGE_LABEL_NONE;
}

/* ------------------------------------------------------------ fields */

/* Labels of labelled lines, as OPEN DAYS (2003-2015) and the 2018-2020
 * site wrote them, in the archive's languages. */
static const struct {
    const char *label;
    page_field field;
} field_labels[] = {
    {"Session code", PAGE_FIELD_CODE}, {"Code", PAGE_FIELD_CODE},
    {"Session type", PAGE_FIELD_TYPE}, {"Type", PAGE_FIELD_TYPE},
    {"Format", PAGE_FIELD_TYPE}, {"Type de session", PAGE_FIELD_TYPE},
    {"Date", PAGE_FIELD_DATE}, {"Time", PAGE_FIELD_DATE},
    {"Date and time", PAGE_FIELD_DATE}, {"When", PAGE_FIELD_DATE},
    {"Heure", PAGE_FIELD_DATE}, {"Datum", PAGE_FIELD_DATE},
    {"Zeit", PAGE_FIELD_DATE}, {"Data", PAGE_FIELD_DATE},
    {"Fecha", PAGE_FIELD_DATE}, {"Ημερομηνία", PAGE_FIELD_DATE},
    {"Venue", PAGE_FIELD_VENUE}, {"Building", PAGE_FIELD_VENUE},
    {"Location", PAGE_FIELD_VENUE}, {"Place", PAGE_FIELD_VENUE},
    {"Lieu", PAGE_FIELD_VENUE}, {"Bâtiment", PAGE_FIELD_VENUE},
    {"Ort", PAGE_FIELD_VENUE}, {"Veranstaltungsort", PAGE_FIELD_VENUE},
    {"Gebäude", PAGE_FIELD_VENUE}, {"Luogo", PAGE_FIELD_VENUE},
    {"Edificio", PAGE_FIELD_VENUE}, {"Lugar", PAGE_FIELD_VENUE},
    {"Miejsce", PAGE_FIELD_VENUE}, {"Locatie", PAGE_FIELD_VENUE},
    {"Local", PAGE_FIELD_VENUE}, {"Τόπος", PAGE_FIELD_VENUE},
    {"Address", PAGE_FIELD_ADDRESS}, {"Adresse", PAGE_FIELD_ADDRESS},
    {"Indirizzo", PAGE_FIELD_ADDRESS}, {"Dirección", PAGE_FIELD_ADDRESS},
    {"Adres", PAGE_FIELD_ADDRESS}, {"Morada", PAGE_FIELD_ADDRESS},
    {"Διεύθυνση", PAGE_FIELD_ADDRESS},
    {"Organisers", PAGE_FIELD_ORGANISERS}, {"Organiser", PAGE_FIELD_ORGANISERS},
    {"Organizers", PAGE_FIELD_ORGANISERS}, {"Organizer", PAGE_FIELD_ORGANISERS},
    {"Organised by", PAGE_FIELD_ORGANISERS},
    {"Organized by", PAGE_FIELD_ORGANISERS},
    {"Organisateurs", PAGE_FIELD_ORGANISERS},
    {"Organisateur", PAGE_FIELD_ORGANISERS},
    {"Veranstalter", PAGE_FIELD_ORGANISERS},
    {"Organisatoren", PAGE_FIELD_ORGANISERS},
    {"Organizzatori", PAGE_FIELD_ORGANISERS},
    {"Organizadores", PAGE_FIELD_ORGANISERS},
    {"Organizatorzy", PAGE_FIELD_ORGANISERS},
    {"Organisatie", PAGE_FIELD_ORGANISERS},
    {"Διοργανωτές", PAGE_FIELD_ORGANISERS},
    {"Speakers and chair(s)", PAGE_FIELD_SPEAKERS},
    {"Speakers and chairs", PAGE_FIELD_SPEAKERS},
    {"Speakers and moderator", PAGE_FIELD_SPEAKERS},
    {"Chair(s) and speakers", PAGE_FIELD_SPEAKERS},
    {"Speakers", PAGE_FIELD_SPEAKERS}, {"Speaker", PAGE_FIELD_SPEAKERS},
    {"Panellists", PAGE_FIELD_SPEAKERS}, {"Panelists", PAGE_FIELD_SPEAKERS},
    {"Intervenants", PAGE_FIELD_SPEAKERS},
    {"Orateurs et président(s)", PAGE_FIELD_SPEAKERS},
    {"Orateurs", PAGE_FIELD_SPEAKERS}, {"Referenten", PAGE_FIELD_SPEAKERS},
    {"Redner", PAGE_FIELD_SPEAKERS}, {"Relatori", PAGE_FIELD_SPEAKERS},
    {"Ponentes", PAGE_FIELD_SPEAKERS}, {"Prelegenci", PAGE_FIELD_SPEAKERS},
    {"Sprekers", PAGE_FIELD_SPEAKERS}, {"Oradores", PAGE_FIELD_SPEAKERS},
    {"Ομιλητές", PAGE_FIELD_SPEAKERS},
    {"Chair", PAGE_FIELD_CHAIR}, {"Chairperson", PAGE_FIELD_CHAIR},
    {"Chaired by", PAGE_FIELD_CHAIR}, {"Moderator", PAGE_FIELD_CHAIR},
    {"Moderated by", PAGE_FIELD_CHAIR}, {"Président", PAGE_FIELD_CHAIR},
    {"Présidente", PAGE_FIELD_CHAIR}, {"Modérateur", PAGE_FIELD_CHAIR},
    {"Modératrice", PAGE_FIELD_CHAIR}, {"Vorsitz", PAGE_FIELD_CHAIR},
    {"Moderation", PAGE_FIELD_CHAIR}, {"Moderatore", PAGE_FIELD_CHAIR},
    {"Moderatrice", PAGE_FIELD_CHAIR}, {"Moderador", PAGE_FIELD_CHAIR},
    {"Moderadora", PAGE_FIELD_CHAIR}, {"Συντονιστής", PAGE_FIELD_CHAIR},
    {"Chairs", PAGE_FIELD_CHAIRS}, {"Chair(s)", PAGE_FIELD_CHAIRS},
    {"Co-chairs", PAGE_FIELD_CHAIRS}, {"Moderators", PAGE_FIELD_CHAIRS},
    {"Modérateurs", PAGE_FIELD_CHAIRS},
    {"Theme", PAGE_FIELD_THEME}, {"Topic", PAGE_FIELD_THEME},
    {"Thematic priority", PAGE_FIELD_THEME}, {"Thème", PAGE_FIELD_THEME},
    {"Thema", PAGE_FIELD_THEME}, {"Tema", PAGE_FIELD_THEME},
    {"Temat", PAGE_FIELD_THEME}, {"Θέμα", PAGE_FIELD_THEME},
    {"Presentations", PAGE_FIELD_PRESENTATIONS},
    {"Presentation", PAGE_FIELD_PRESENTATIONS},
    {"Présentations", PAGE_FIELD_PRESENTATIONS},
    {"Präsentationen", PAGE_FIELD_PRESENTATIONS},
    {"Presentazioni", PAGE_FIELD_PRESENTATIONS},
    {"Presentaciones", PAGE_FIELD_PRESENTATIONS},
    {"Prezentacje", PAGE_FIELD_PRESENTATIONS},
    {"Presentaties", PAGE_FIELD_PRESENTATIONS},
    {"Apresentações", PAGE_FIELD_PRESENTATIONS},
    {"Παρουσιάσεις", PAGE_FIELD_PRESENTATIONS},
    {"Interpretation", PAGE_FIELD_INTERPRETATION},
    {"Interpretation languages", PAGE_FIELD_INTERPRETATION},
    {"Languages", PAGE_FIELD_INTERPRETATION},
    {"Interprétation", PAGE_FIELD_INTERPRETATION},
    {"Dolmetschen", PAGE_FIELD_INTERPRETATION},
    {"Interpretazione", PAGE_FIELD_INTERPRETATION},
    {"Interpretación", PAGE_FIELD_INTERPRETATION},
    {"Tłumaczenie", PAGE_FIELD_INTERPRETATION},
    {"Tolken", PAGE_FIELD_INTERPRETATION},
    {"Διερμηνεία", PAGE_FIELD_INTERPRETATION},
};

static page_field field_of_key(const char *key)
{
    size_t i = page_wordset_find(set(FIELDS), key, 0);
    return i ? field_labels[i - 1].field : PAGE_FIELD_NONE;
}

/* Whether s[0..len) is a theme's letter or number: "C", "3", "2b". */
static int theme_mark(const char *s, size_t len)
{
    if (len == 0 || len > 2)
        return 0;
    for (size_t i = 0; i < len; i++)
        if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z') ||
              (s[i] >= '0' && s[i] <= '9')))
            return 0;
    return 1;
}

page_field page_field_of(const char *line, size_t len, size_t *value)
{
    /* Labels are short: the colon comes early, and a line without one
     * is spared the folding. */
    size_t max = len < 64 ? len : 64, colon = 0;
    while (colon < max && line[colon] != ':')
        colon++;
    if (colon == max || colon == 0)
        return PAGE_FIELD_NONE;
    size_t ll = colon;
    while (ll && line[ll - 1] == ' ')
        ll--;
    char key[PAGE_KEY_MAX];
    int cut;
    if (page_key(line, ll, key, &cut) == 0 || cut)
        return PAGE_FIELD_NONE;
    page_field f = field_of_key(key);
    if (f == PAGE_FIELD_NONE) {
        /* "Theme C", "Thème 3": a theme label and the theme's mark */
        size_t sp = ll;
        while (sp && line[sp - 1] != ' ')
            sp--;
        if (sp == 0 || !theme_mark(line + sp, ll - sp))
            return PAGE_FIELD_NONE;
        if (page_key(line, sp, key, NULL) == 0 ||
            field_of_key(key) != PAGE_FIELD_THEME)
            return PAGE_FIELD_NONE;
        f = PAGE_FIELD_THEME;
    }
    size_t v = colon + 1;
    while (v < len && line[v] == ' ')
        v++;
    *value = v;
    return f;
}

/* ------------------------------------------------------------ types */

/* The session type line of 2018-2020 pages, under the code and title. */
static const char *const session_types[] = {
    "Workshop", "Participatory lab", "Participatory workshop", "Lab",
    "Ideas lab", "Debate", "Debate session", "Panel debate",
    "Panel discussion", "Networking session", "Networking event",
    "Citizens' dialogue", "Citizens dialogue", "Side event", "Seminar",
    "Masterclass", "Info session", "Information session", "Study visit",
    "Exhibition", "Plenary session", "Opening session", "Closing session",
    "Press conference", "Meeting place", "Training session", "Working lunch",
    "Round table", "Roundtable", "Lecture", "University session",
    "Matchmaking session", "Interactive session", "Local event",
    "Online session", "Webinar", "Hybrid session",
    /* fr */
    "Atelier", "Atelier participatif", "Laboratoire participatif", "Débat",
    "Séminaire", "Dialogue citoyen", "Table ronde", "Session de réseautage",
    "Événement parallèle",
    /* de */
    "Diskussion", "Podiumsdiskussion", "Bürgerdialog", "Partizipatives Labor",
    "Vernetzungsveranstaltung", "Rahmenveranstaltung",
    /* it */
    "Laboratorio partecipativo", "Dibattito", "Seminario",
    "Dialogo con i cittadini", "Tavola rotonda", "Evento collaterale",
    /* es */
    "Taller", "Laboratorio participativo", "Diálogo ciudadano", "Mesa redonda",
    /* pl */
    "Warsztaty", "Debata", "Seminarium", "Dialog z obywatelami",
    "Laboratorium partycypacyjne",
    /* nl, pt */
    "Debat", "Rondetafel", "Oficina", "Seminário", "Diálogo com os cidadãos",
    /* el */
    "Εργαστήριο", "Συζήτηση", "Σεμινάριο", "Διάλογος με τους πολίτες",
    "Στρογγυλό τραπέζι",
};

int page_is_session_type(const char *line, size_t len)
{
    if (len > 60)
        return 0;
    char key[PAGE_KEY_MAX];
    if (page_key(line, len, key, NULL) == 0)
        return 0;
    return page_wordset_find(set(TYPES), key, 0) != 0;
}

/* ------------------------------------------------------------ chairs */

/* Stems found inside a role: "Moderator", "modérateur", "Moderatorin",
 * "moderadora", "Co-chair", "Chairwoman", "Συντονίστρια". */
static const char *const chair_stems[] = {
    "chair", "moderat", "moderad", "gespreksleid", "συντονιστ",
};

int page_is_chair(const char *role, size_t len)
{
    char key[PAGE_KEY_MAX];
    if (page_key(role, len, key, NULL) == 0)
        return 0;
    const page_wordset *ws = set(CHAIRS);
    for (size_t i = 0; i < ws->n; i++)
        if (strstr(key, ws->keys[i]))
            return 1;
    return 0;
}

/* ------------------------------------------------------------ keys */

static page_wordset sets[N_SETS] = {
    [SUMMARY] = PAGE_WORDSET(summary_labels),
    [TAKEAWAY] = PAGE_WORDSET(takeaway_labels),
    [FIELDS] = PAGE_WORDSET(field_labels),
    [TYPES] = PAGE_WORDSET(session_types),
    [CHAIRS] = PAGE_WORDSET(chair_stems),
};
PAGE_WORDSET_GETTER(set, sets)
