/*
 * page_site.c — the site's own text on a session page, which is not session
 * content and is never indexed: the footer (dropped with all that follows
 * it), the notices of the comment form, voting and streaming notices
 * (dropped wherever they stand), site banners ("OPEN DAYS 2009"), and
 * visitors' comment threads ("Posted by ... on ..., 18:07pm" and the text
 * after it, up to the next section label).  Its tables are compared through
 * page_key(), as those of page_labels.c.
 */
#include "page_internal.h"

#include <string.h>

/* The tables of this file, by name (their keys are filled once). */
enum { FOOTERS, BOILERPLATE, BOILERPLATE_LINES, BANNER_NAMES, BANNER_PLACES,
       COMMENTS, N_SETS };
static const page_wordset *set(int which);

/* A line's key is computed once for all the tests on it; keys of lines
 * longer than this are cut (no table word is near it). */
#define LINE_KEY_BYTES 400

/* The first line of the site footer; the rest of the page is dropped. */
static const char *const footers[] = {
    "This is Your session – comment and interact!",
    "C'est votre session – commentez et échangez !",
};

/* Lines that start so are site boilerplate, dropped wherever they are:
 * the notices of the comment form, and voting and streaming notices. */
static const char *const boilerplate[] = {
    "Be the first to add your comment",
    "Any comment not related to the session",
    "Soyez le premier à commenter",
    "Tout commentaire sans rapport avec la session",
    "Log in to post comments", "Log in or register to post comments",
    "Vote for this session", "Vote for the session", "Votez pour cette session",
    "Stimmen Sie für diese Session", "Vota questa sessione",
    "Vota esta sesión", "Zagłosuj na tę sesję", "Stem op deze sessie",
    "Rate this session", "Évaluez cette session",
    "This session will be web-streamed", "This session will be webstreamed",
    "This session will be streamed", "This session is web-streamed",
    "This session was web-streamed", "This session will be broadcast live",
    "Watch the live stream", "Watch the livestream", "Watch the recording",
    "Watch the session", "Follow the live stream", "Follow the session live",
    "Cette session sera retransmise", "Regardez la retransmission",
    "Diese Session wird live übertragen", "Questa sessione sarà trasmessa",
    "Esta sesión se retransmitirá", "Ta sesja będzie transmitowana",
};

/* Lines that are boilerplate only when they are alone: as the start of a
 * line they could begin a sentence ("Comments from the floor..."). */
static const char *const boilerplate_lines[] = {
    "Comments", "Add new comment", "Reply", "Vote", "Votes", "Live stream",
    "Livestream", "Live streaming", "Web-streamed", "Web streaming",
    "Commentaires", "Kommentare", "Commenti", "Comentarios", "Komentarze",
    /* OPEN DAYS navigation */
    "Back to the programme", "Back to programme", "Back to top", "Top of page",
    "Print", "Print this page", "Share", "Share this page",
};

static int is_footer(const char *key)
{
    return page_wordset_find(set(FOOTERS), key, 1) != 0;
}

static int is_boilerplate(const char *key, size_t len)
{
    return page_wordset_find(set(BOILERPLATE), key, 1) ||
           (len <= 40 && page_wordset_find(set(BOILERPLATE_LINES), key, 0));
}

int page_is_footer(const char *line, size_t len)
{
    char key[PAGE_KEY_MAX];
    page_key(line, len < LINE_KEY_BYTES ? len : LINE_KEY_BYTES, key, NULL);
    return key[0] && is_footer(key);
}

int page_is_boilerplate(const char *line, size_t len)
{
    char key[PAGE_KEY_MAX];
    page_key(line, len < LINE_KEY_BYTES ? len : LINE_KEY_BYTES, key, NULL);
    return key[0] && is_boilerplate(key, len);
}

/* The names of the event on site banners, and what else the banner's line
 * may hold besides them, years, dates and month names: the city.  A line
 * that starts with a name and holds nothing else is a banner. */
static const char *const banner_names[] = {
    "OPEN DAYS", "European Week of Regions and Cities", "EURegionsWeek",
    "EU Regions Week", "Semaine européenne des régions et des villes",
    "Europäische Woche der Regionen und Städte",
    "Settimana europea delle regioni e delle città",
    "Semana Europea de las Regiones y Ciudades",
    "Europejski Tydzień Regionów i Miast",
};

static const char *const banner_places[] = {
    "Brussels", "Bruxelles", "Brussel", "Brüssel", "Online",
};

static int is_banner(const char *key, size_t len)
{
    if (len > 160)
        return 0;
    /* the event's name first: "Brussels, 8 October" is no banner */
    const char *k = key + page_wordset_prefix(set(BANNER_NAMES), key);
    if (k == key)
        return 0;
    for (;;) {
        while (*k >= '0' && *k <= '9')
            k++;
        if (!*k)
            return 1;
        size_t best = page_month_prefix(k), l;
        if ((l = page_wordset_prefix(set(BANNER_NAMES), k)) > best)
            best = l;
        if ((l = page_wordset_prefix(set(BANNER_PLACES), k)) > best)
            best = l;
        if (!best)
            return 0;
        k += best;
    }
}

int page_is_banner(const char *line, size_t len)
{
    char key[PAGE_KEY_MAX];
    page_key(line, len < LINE_KEY_BYTES ? len : LINE_KEY_BYTES, key, NULL);
    return key[0] && is_banner(key, len);
}

/* A visitor's comment starts "Posted by NAME on DATE, TIME": the words
 * before the name, and the word between name and date (NULL: none). */
static const struct {
    const char *by, *on;
} comment_headers[] = {
    {"Posted by", "on"},         {"Submitted by", "on"},
    {"Posté par", "le"},         {"Publié par", "le"},
    {"Geschrieben von", "am"},   {"Gepostet von", "am"},
    {"Verfasst von", "am"},      {"Pubblicato da", "il"},
    {"Inviato da", "il"},        {"Publicado por", "el"},
    {"Publicado por", "em"},     {"Opublikowane przez", NULL},
    {"Dodane przez", NULL},      {"Geplaatst door", "op"},
    {"Δημοσιεύτηκε από", NULL},
};

/* Where the ASCII word w occurs in s[0..len) between spaces, in any case:
 * the offset just after it, or 0. */
static size_t word_end(const char *s, size_t len, const char *w)
{
    size_t wl = strlen(w);
    for (size_t i = 1; i + wl + 1 <= len; i++) {
        if (s[i - 1] != ' ' || s[i + wl] != ' ')
            continue;
        size_t k = 0;
        while (k < wl && (s[i + k] | 0x20) == w[k])
            k++;
        if (k == wl)
            return i + wl;
    }
    return 0;
}

static int digits(const char *s, size_t len, size_t *i, size_t min, size_t max)
{
    size_t b = *i;
    while (*i < len && *i - b < max && s[*i] >= '0' && s[*i] <= '9')
        (*i)++;
    return *i - b >= min;
}

/* Whether s[0..len) gives a date ("10/10/2019", "12.10.2017") or a time
 * ("18:07"), as a comment header does and a sentence about a posting
 * ("Posted by the Commission on its website in 2018") does not. */
static int has_date_or_time(const char *s, size_t len)
{
    for (size_t b = 0; b < len; b++) {
        if (s[b] < '0' || s[b] > '9' || (b > 0 && s[b - 1] >= '0' &&
                                          s[b - 1] <= '9'))
            continue;
        size_t i = b;
        if (!digits(s, len, &i, 1, 2) || i >= len)
            continue;
        char sep = s[i];
        if (sep == ':') {
            i++;
            if (digits(s, len, &i, 2, 2))
                return 1;
        } else if (sep == '/' || sep == '.' || sep == '-') {
            i++;
            if (digits(s, len, &i, 1, 2) && i < len && s[i] == sep) {
                i++;
                if (digits(s, len, &i, 2, 4))
                    return 1;
            }
        }
    }
    return 0;
}

static int is_comment_header(const char *line, size_t len, const char *key)
{
    if (len > 200 || !has_date_or_time(line, len))
        return 0;
    const page_wordset *ws = set(COMMENTS);
    for (size_t i = 0; i < ws->n; i++) {
        if (strncmp(key, ws->keys[i], strlen(ws->keys[i])) != 0)
            continue;
        /* the date comes after the word before it: "on 10/10/2019" */
        const char *on = comment_headers[i].on;
        size_t at = on ? word_end(line, len, on) : 0;
        if (!on || (at && has_date_or_time(line + at, len - at)))
            return 1;
    }
    return 0;
}

int page_is_comment_header(const char *line, size_t len)
{
    char key[PAGE_KEY_MAX];
    page_key(line, len < LINE_KEY_BYTES ? len : LINE_KEY_BYTES, key, NULL);
    return key[0] && is_comment_header(line, len, key);
}

/*
 * Drops the site's text: boilerplate and banner lines, comment threads (a
 * comment header and the lines after it up to the next section label: the
 * thread may stand before the summary), and the footer with everything
 * after it.
 */
void page_drop_site_text(page_text *pg)
{
    size_t w = 0;
    int in_comment = 0;
    char key[PAGE_KEY_MAX];
    for (size_t r = 0; r < pg->n; r++) {
        page_line *l = &pg->lines[r];
        if (!l->blank) {
            const char *s = page_line_text(pg, l);
            size_t kl = page_key(
                s, l->len < LINE_KEY_BYTES ? l->len : LINE_KEY_BYTES, key,
                NULL);
            if (kl && is_footer(key))
                break;
            if (kl && is_comment_header(s, l->len, key)) {
                in_comment = 1;
                continue;
            }
            if (in_comment && page_label_of(s, l->len) == PAGE_LABEL_NONE)
                continue;
            in_comment = 0;
            if (kl && (is_boilerplate(key, l->len) || is_banner(key, l->len)))
                continue;
        } else if (in_comment) {
            continue;
        }
        pg->lines[w++] = *l;
    }
    pg->n = w;
}

/* ------------------------------------------------------------ keys */

static page_wordset sets[N_SETS] = {
    [FOOTERS] = PAGE_WORDSET(footers),
    [BOILERPLATE] = PAGE_WORDSET(boilerplate),
    [BOILERPLATE_LINES] = PAGE_WORDSET(boilerplate_lines),
    [BANNER_NAMES] = PAGE_WORDSET(banner_names),
    [BANNER_PLACES] = PAGE_WORDSET(banner_places),
    [COMMENTS] = PAGE_WORDSET(comment_headers),
};
PAGE_WORDSET_GETTER(set, sets)
