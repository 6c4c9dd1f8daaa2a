/*
 * page_lines.c — the shapes of the lines of a session page: a speaker line
 * ("Name, Role, Organisation, Country."), the interpretation languages
 * ("Deutsch (DE), English (EN)"), a quote header ("Name (Affiliation)").
 * Lines here are clean (page_text.c): single spaces, trimmed.
 */
#include "page_internal.h"

#include <string.h>
#include <utf8proc.h>

size_t page_chars(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            n++;
    return n;
}

static size_t count_words(const char *s, size_t len)
{
    size_t n = 0;
    int in = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == ' ')
            in = 0;
        else if (!in) {
            in = 1;
            n++;
        }
    }
    return n;
}

static int has_digit(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] >= '0' && s[i] <= '9')
            return 1;
    return 0;
}

/* Whether the character at s is an upper-case (or title-case) letter. */
static int starts_upper(const char *s, size_t len)
{
    utf8proc_int32_t cp;
    if (!len || utf8proc_iterate((const utf8proc_uint8_t *)s,
                                 (utf8proc_ssize_t)len, &cp) <= 0)
        return 0;
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

void page_trim(const char **s, size_t *len)
{
    while (*len && (**s == ' ')) {
        (*s)++;
        (*len)--;
    }
    while (*len && (*s)[*len - 1] == ' ')
        (*len)--;
}

int page_ends_sentence(const char *s, size_t len)
{
    if (!len)
        return 0;
    char c = s[len - 1];
    return c == '.' || c == '!' || c == '?' || c == ':' || c == ';';
}

/* A person's name: 2 to 6 words, each capitalised or a particle
 * ("van", "de"), no digits. */
static int looks_like_name(const char *s, size_t len)
{
    static const char *const particles[] = {
        "de",  "da",  "di",  "du",  "del", "della", "des",
        "van", "von", "der", "den", "la",  "le",    "ten",
        "ter", "y",   "e",   "zu",  "dos", "das",   "af"};
    size_t words = count_words(s, len);
    if (words < 2 || words > 6 || len > 80 || has_digit(s, len))
        return 0;
    size_t i = 0;
    while (i < len) {
        size_t b = i;
        while (i < len && s[i] != ' ')
            i++;
        size_t wl = i - b;
        int ok = starts_upper(s + b, wl);
        for (size_t k = 0; !ok && k < sizeof particles / sizeof particles[0];
             k++)
            ok = strlen(particles[k]) == wl &&
                 memcmp(particles[k], s + b, wl) == 0;
        if (!ok)
            return 0;
        while (i < len && s[i] == ' ')
            i++;
    }
    return 1;
}

/* ------------------------------------------------------------ speakers */

/* Splits s on commas into trimmed parts; 0 when a part is empty or there
 * are too many. */
static int split_commas(const char *s, size_t len, page_parts *p)
{
    p->n = 0;
    size_t b = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && s[i] != ',')
            continue;
        if (p->n == PAGE_MAX_PARTS)
            return 0;
        const char *ps = s + b;
        size_t pl = i - b;
        page_trim(&ps, &pl);
        if (!pl)
            return 0;
        p->s[p->n] = ps;
        p->len[p->n] = pl;
        p->n++;
        b = i + 1;
    }
    return 1;
}

/* "Name, Role, Organisation…, Country." */
int page_speaker_parts(const char *s, size_t len, page_parts *p)
{
    if (len < 6 || len > 600 || s[len - 1] != '.')
        return 0;
    if (!split_commas(s, len - 1, p) || p->n < 2)
        return 0;
    const char *name = p->s[0], *country = p->s[p->n - 1];
    size_t nl = p->len[0], cl = p->len[p->n - 1];
    size_t nw = count_words(name, nl), cw = count_words(country, cl);
    return nw >= 1 && nw <= 6 && nl <= 80 && !has_digit(name, nl) &&
           starts_upper(name, nl) && cw >= 1 && cw <= 5 && cl <= 60 &&
           starts_upper(country, cl) && !has_digit(country, cl);
}

/* ------------------------------------------------------------ languages */

/* "Deutsch (DE), English (EN), Français (FR)", "english (en), polski (pl)".
 * With codes non-NULL, appends the lower-cased codes.  A language's name is
 * one word ("Eesti keel": up to three in a list of several), so that an
 * organiser "Provincie Limburg (NL)" or a presentation "Slides (PDF)" is no
 * list of languages; codes are ISO 639-1, two letters. */
int page_interpretation(const char *s, size_t len, session *codes)
{
    page_parts p;
    if (len > 600 || !split_commas(s, len, &p) || p.n == 0)
        return 0;
    for (size_t i = 0; i < p.n; i++) {
        const char *it = p.s[i];
        size_t il = p.len[i];
        if (il < 6 || it[il - 1] != ')')
            return 0;
        size_t open = il - 1;
        while (open > 0 && it[open] != '(')
            open--;
        size_t cl = il - 2 - open;
        if (it[open] != '(' || open < 2 || it[open - 1] != ' ' || cl != 2 ||
            count_words(it, open - 1) > (p.n > 1 ? 3u : 1u))
            return 0;
        char code[3];
        for (size_t k = 0; k < cl; k++) {
            char c = it[open + 1 + k];
            if (c >= 'A' && c <= 'Z')
                c = (char)(c - 'A' + 'a');
            if (c < 'a' || c > 'z')
                return 0;
            code[k] = c;
        }
        code[cl] = '\0';
        if (!codes)
            continue;
        int seen = 0;
        for (size_t k = 0; k < codes->n_interpretation; k++)
            seen |= strcmp(codes->interpretation[k], code) == 0;
        if (!seen &&
            session_strlist_add(&codes->interpretation,
                                &codes->n_interpretation, code, cl) < 0)
            return -1;
    }
    return 1;
}

/* ------------------------------------------------------------ quotes */

/* A quote header: "Name (Affiliation)" or "Name, Affiliation", alone in its
 * paragraph, short, without a final full stop.  Fills the two parts. */
int page_quote_header(const char *s, size_t len, const char **name, size_t *nl,
                      const char **aff, size_t *al)
{
    if (len < 3 || len > 160 || page_ends_sentence(s, len))
        return 0;
    const char *n = s, *a = NULL;
    size_t nlen = 0, alen = 0;
    if (s[len - 1] == ')') {
        const char *open = memchr(s, '(', len);
        if (!open || open == s)
            return 0;
        nlen = (size_t)(open - s);
        a = open + 1;
        alen = len - 1 - (size_t)(a - s);
    } else {
        const char *comma = memchr(s, ',', len);
        if (!comma)
            return 0;
        nlen = (size_t)(comma - s);
        a = comma + 1;
        alen = len - (size_t)(a - s);
    }
    page_trim(&n, &nlen);
    page_trim(&a, &alen);
    if (!alen || !looks_like_name(n, nlen))
        return 0;
    *name = n, *nl = nlen, *aff = a, *al = alen;
    return 1;
}
