/*
 * page_dates.c — date and time lines of session pages.
 *
 *   Thu 11, October 2018          day name, day, comma, month, year
 *   Τρί 9, Οκτωβρίου 2018         the same in the page's language
 *   11 October 2018               without the day name
 *   07/10/2009 14:30-17:00        OPEN DAYS pages: day/month/year, time
 *   16:30 - 18:00 CET             a time line; the zone is optional
 *
 * Month names come from page_labels.c.  A date that does not exist
 * (31 February) is not a date.
 */
#include "page_internal.h"

#include <string.h>

typedef struct scan {
    const unsigned char *s;
    size_t i, n;
} scan;

static void skip_spaces(scan *c)
{
    while (c->i < c->n && c->s[c->i] == ' ')
        c->i++;
}

static int peek(const scan *c)
{
    return c->i < c->n ? c->s[c->i] : -1;
}

static int accept(scan *c, int ch)
{
    if (peek(c) == ch) {
        c->i++;
        return 1;
    }
    return 0;
}

/* An unsigned number of min..max digits (no more digits after it); on
 * failure the cursor does not move. */
static int read_num(scan *c, int min, int max, int *v)
{
    int n = 0, x = 0;
    size_t save = c->i;
    while (c->i < c->n && c->s[c->i] >= '0' && c->s[c->i] <= '9' && n < max) {
        x = x * 10 + (c->s[c->i] - '0');
        c->i++;
        n++;
    }
    if (n < min || (c->i < c->n && c->s[c->i] >= '0' && c->s[c->i] <= '9')) {
        c->i = save;
        return 0;
    }
    *v = x;
    return 1;
}

/* A word: ASCII letters and any non-ASCII character (the text is valid
 * UTF-8, so a multi-byte character is taken whole). */
static int read_word(scan *c, size_t *start, size_t *len)
{
    size_t b = c->i;
    while (c->i < c->n) {
        unsigned char ch = c->s[c->i];
        if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch >= 0x80)
            c->i++;
        else
            break;
    }
    *start = b;
    *len = c->i - b;
    return *len > 0;
}

/* '-', en dash, em dash, figure dash, minus sign. */
static int read_dash(scan *c)
{
    if (accept(c, '-'))
        return 1;
    static const char *const dashes[] = {"\xE2\x80\x93", "\xE2\x80\x94",
                                         "\xE2\x80\x92", "\xE2\x88\x92"};
    for (size_t k = 0; k < sizeof dashes / sizeof dashes[0]; k++)
        if (c->n - c->i >= 3 && memcmp(c->s + c->i, dashes[k], 3) == 0) {
            c->i += 3;
            return 1;
        }
    return 0;
}

static int days_in(int year, int month)
{
    static const int d[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0))
        return 29;
    return d[month - 1];
}

int page_valid_date(int y, int m, int d)
{
    return y >= 1900 && y <= 2999 && m >= 1 && m <= 12 && d >= 1 &&
           d <= days_in(y, m);
}

/* "14:30", "14h30", "14.30" */
static int read_clock(scan *c, int *h, int *m)
{
    size_t save = c->i;
    if (read_num(c, 1, 2, h) &&
        (accept(c, ':') || accept(c, 'h') || accept(c, 'H') ||
         accept(c, '.')) &&
        read_num(c, 2, 2, m) && *h <= 24 && *m <= 59 && !(*h == 24 && *m))
        return 1;
    c->i = save;
    return 0;
}

/* "CET", "CEST", "UTC+1", "(CET)"; or a word that only says "hours". */
static int read_zone(scan *c, char zone[8])
{
    size_t save = c->i;
    int paren = accept(c, '(');
    size_t b, l;
    if (!read_word(c, &b, &l)) {
        c->i = save;
        return 0;
    }
    static const char *const hours[] = {"h", "hrs", "hours", "Uhr", "uur"};
    for (size_t k = 0; k < sizeof hours / sizeof hours[0]; k++)
        if (strlen(hours[k]) == l && memcmp(hours[k], c->s + b, l) == 0) {
            zone[0] = '\0';
            return !paren || accept(c, ')');
        }
    if (l < 2 || l > 5)
        goto no;
    for (size_t k = 0; k < l; k++)
        if (c->s[b + k] < 'A' || c->s[b + k] > 'Z')
            goto no;
    memcpy(zone, c->s + b, l);
    int off;
    size_t at = c->i;
    if ((accept(c, '+') || accept(c, '-')) && read_num(c, 1, 2, &off) &&
        l + (c->i - at) < 8) {
        memcpy(zone + l, c->s + at, c->i - at);
        l += c->i - at;
    } else {
        c->i = at;
    }
    zone[l] = '\0';
    if (paren && !accept(c, ')'))
        goto no;
    return 1;
no:
    zone[0] = '\0';
    c->i = save;
    return 0;
}

/* A time range at the cursor, up to the end of the line. */
static int read_times(scan *c, page_when *w)
{
    int h, m;
    if (!read_clock(c, &h, &m))
        return 0;
    w->start_h = h;
    w->start_m = m;
    skip_spaces(c);
    size_t save = c->i;
    if (read_dash(c)) {
        skip_spaces(c);
        if (!read_clock(c, &h, &m)) {
            c->i = save;
            return 0;
        }
        w->end_h = h;
        w->end_m = m;
        skip_spaces(c);
    }
    if (c->i < c->n) {
        if (!read_zone(c, w->zone))
            return 0;
        skip_spaces(c);
    }
    return c->i == c->n;
}

/* "Thu 11, October 2018", "11 October 2018", "Di 9. Oktober 2018". */
static int read_named_date(scan *c, page_when *w)
{
    size_t b, l;
    int day, month, year;
    size_t save = c->i;
    if (read_word(c, &b, &l)) { /* the day name: any word */
        accept(c, '.');
        accept(c, ',');
        skip_spaces(c);
    }
    if (!read_num(c, 1, 2, &day))
        goto no;
    accept(c, '.');
    accept(c, ',');
    skip_spaces(c);
    if (!read_word(c, &b, &l) ||
        !(month = page_month((const char *)c->s + b, l)))
        goto no;
    accept(c, '.');
    accept(c, ',');
    skip_spaces(c);
    if (!read_num(c, 4, 4, &year) || !page_valid_date(year, month, day))
        goto no;
    accept(c, ',');
    w->year = year;
    w->month = month;
    w->day = day;
    return 1;
no:
    c->i = save;
    return 0;
}

/* "07/10/2009", "07.10.2009", "2009-10-07" */
static int read_numeric_date(scan *c, page_when *w)
{
    size_t save = c->i;
    int a, b, y;
    if (read_num(c, 4, 4, &y)) {
        if (accept(c, '-') && read_num(c, 2, 2, &a) && accept(c, '-') &&
            read_num(c, 2, 2, &b) && page_valid_date(y, a, b)) {
            w->year = y, w->month = a, w->day = b;
            return 1;
        }
    } else if (read_num(c, 1, 2, &a)) {
        int sep = peek(c);
        if ((sep == '/' || sep == '.') && accept(c, sep) &&
            read_num(c, 1, 2, &b) && accept(c, sep) && read_num(c, 4, 4, &y) &&
            page_valid_date(y, b, a)) {
            w->year = y, w->month = b, w->day = a;
            return 1;
        }
    }
    c->i = save;
    return 0;
}

int page_parse_when(const char *line, size_t len, page_when *w)
{
    memset(w, 0, sizeof *w);
    w->start_h = w->start_m = w->end_h = w->end_m = -1;
    scan c = {(const unsigned char *)line, 0, len};
    skip_spaces(&c);
    if (read_numeric_date(&c, w) || read_named_date(&c, w)) {
        skip_spaces(&c);
        if (c.i == c.n)
            return 1;
        size_t save = c.i;
        page_when t = *w;
        if (read_times(&c, &t)) {
            *w = t;
            return 1;
        }
        c.i = save;
        return 0;
    }
    memset(w, 0, sizeof *w);
    w->start_h = w->start_m = w->end_h = w->end_m = -1;
    return read_times(&c, w);
}
