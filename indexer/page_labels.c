/*
 * page_labels.c — the multilingual tables of the page reader: section
 * labels, month names, site footers and boilerplate, chair roles.
 *
 * Every table is written as the text appears on pages; entries are compared
 * through page_key(), so case, accents, spaces and punctuation ("Take-away
 * message:", "ΠΕΡΙΛΗΨΗ") do not matter.  To support one more language, add
 * its words here and nowhere else.
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

/* Whether key equals the key of one of the words (exact), or starts with it
 * (prefix).  Returns the index + 1 of the match, or 0. */
static size_t key_in(const char *key, const char *const *words, size_t n,
                     int prefix)
{
    char wk[PAGE_KEY_MAX];
    for (size_t i = 0; i < n; i++) {
        size_t wl = page_key(words[i], strlen(words[i]), wk, NULL);
        if (wl == 0)
            continue;
        if (prefix ? strncmp(key, wk, wl) == 0 : strcmp(key, wk) == 0)
            return i + 1;
    }
    return 0;
}

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* ------------------------------------------------------------ labels */

static const char *const summary_labels[] = {
    "Session summary", "Summary",
    "Résumé de la session",         /* fr */
    "Zusammenfassung",              /* de */
    "Sintesi della sessione",       /* it */
    "Resumen de la sesión",         /* es */
    "Podsumowanie sesji",           /* pl */
    "Samenvatting van de sessie",   /* nl */
    "Περίληψη",                     /* el */
    "Resumo da sessão",             /* pt */
};

static const char *const takeaway_labels[] = {
    "Take away message", "Take-away message", "Take away messages",
    "Message à retenir",            /* fr */
    "Kernbotschaft",                /* de */
    "Messaggio chiave",             /* it */
    "Mensaje clave",                /* es */
    "Najważniejsze przesłanie",     /* pl */
    "Kernboodschap",                /* nl */
    "Βασικό μήνυμα",                /* el */
    "Mensagem principal",           /* pt */
};

page_label page_label_of(const char *line, size_t len)
{
    if (len > 80)                   /* labels are short; spare the folding */
        return PAGE_LABEL_NONE;
    char key[PAGE_KEY_MAX];
    int cut;
    if (page_key(line, len, key, &cut) == 0 || cut)
        return PAGE_LABEL_NONE;
    if (key_in(key, summary_labels, COUNT(summary_labels), 0))
        return PAGE_LABEL_SUMMARY;
    if (key_in(key, takeaway_labels, COUNT(takeaway_labels), 0))
        return PAGE_LABEL_TAKEAWAY;
    return PAGE_LABEL_NONE;
}

/* ------------------------------------------------------------ footers */

/* The first line of the site footer; the rest of the page is dropped. */
static const char *const footers[] = {
    "This is Your session – comment and interact!",
    "C'est votre session – commentez et échangez !",
};

/* Lines of site boilerplate, dropped wherever they are. */
static const char *const boilerplate[] = {
    "Be the first to add your comment",
    "Any comment not related to the session",
    "Soyez le premier à commenter",
    "Tout commentaire sans rapport avec la session",
};

static int line_starts_with(const char *line, size_t len,
                            const char *const *words, size_t n)
{
    char key[PAGE_KEY_MAX];
    if (page_key(line, len < 400 ? len : 400, key, NULL) == 0)
        return 0;
    return key_in(key, words, n, 1) != 0;
}

int page_is_footer(const char *line, size_t len)
{
    return line_starts_with(line, len, footers, COUNT(footers));
}

int page_is_boilerplate(const char *line, size_t len)
{
    return line_starts_with(line, len, boilerplate, COUNT(boilerplate));
}

/* ------------------------------------------------------------ chairs */

/* Stems found inside a role: "Moderator", "modérateur", "Moderatorin",
 * "moderadora", "Co-chair", "Chairwoman", "Συντονίστρια". */
static const char *const chair_stems[] = {
    "chair", "moderat", "moderad", "gespreksleid", "συντονιστ",
};

int page_is_chair(const char *role, size_t len)
{
    char key[PAGE_KEY_MAX], wk[PAGE_KEY_MAX];
    if (page_key(role, len, key, NULL) == 0)
        return 0;
    for (size_t i = 0; i < COUNT(chair_stems); i++) {
        page_key(chair_stems[i], strlen(chair_stems[i]), wk, NULL);
        if (strstr(key, wk))
            return 1;
    }
    return 0;
}

/* ------------------------------------------------------------ months */

/* Month names, January first: English, French, German, Italian, Spanish,
 * Polish (nominative, genitive), Dutch, Greek (nominative, genitive),
 * Portuguese.  Names shared by several languages appear once. */
static const char *const months[12][16] = {
    {"January", "janvier", "Januar", "Jänner", "gennaio", "enero", "styczeń",
     "stycznia", "januari", "Ιανουάριος", "Ιανουαρίου", "janeiro"},
    {"February", "février", "Februar", "febbraio", "febrero", "luty", "lutego",
     "februari", "Φεβρουάριος", "Φεβρουαρίου", "fevereiro"},
    {"March", "mars", "März", "marzo", "marzec", "marca", "maart", "Μάρτιος",
     "Μαρτίου", "março"},
    {"April", "avril", "aprile", "abril", "kwiecień", "kwietnia", "Απρίλιος",
     "Απριλίου"},
    {"May", "mai", "maggio", "mayo", "maj", "maja", "mei", "Μάιος", "Μαΐου",
     "maio"},
    {"June", "juin", "Juni", "giugno", "junio", "czerwiec", "czerwca",
     "Ιούνιος", "Ιουνίου", "junho"},
    {"July", "juillet", "Juli", "luglio", "julio", "lipiec", "lipca",
     "Ιούλιος", "Ιουλίου", "julho"},
    {"August", "août", "agosto", "sierpień", "sierpnia", "augustus",
     "Αύγουστος", "Αυγούστου"},
    {"September", "septembre", "settembre", "septiembre", "setiembre",
     "wrzesień", "września", "Σεπτέμβριος", "Σεπτεμβρίου", "setembro"},
    {"October", "octobre", "Oktober", "ottobre", "octubre", "październik",
     "października", "Οκτώβριος", "Οκτωβρίου", "outubro"},
    {"November", "novembre", "noviembre", "listopad", "listopada",
     "Νοέμβριος", "Νοεμβρίου", "novembro"},
    {"December", "décembre", "Dezember", "dicembre", "diciembre", "grudzień",
     "grudnia", "Δεκέμβριος", "Δεκεμβρίου", "dezembro"},
};

int page_month(const char *word, size_t len)
{
    if (len == 0 || len > 40)
        return 0;
    char key[PAGE_KEY_MAX];
    if (page_key(word, len, key, NULL) == 0)
        return 0;
    for (int m = 0; m < 12; m++) {
        size_t n = 0;
        while (n < COUNT(months[m]) && months[m][n])
            n++;
        if (key_in(key, months[m], n, 0))
            return m + 1;
    }
    return 0;
}
