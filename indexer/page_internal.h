/*
 * page_internal.h — what the parts of the page reader share: clean lines
 * (page_text.c), the shapes of lines (page_lines.c), the folded "key" used
 * to compare labels and month names and the label tables (page_labels.c),
 * and the date and time parsers (page_dates.c).  Used by the page reader
 * only (and page_valid_date by the YAML reader).
 */
#ifndef EVS_INDEXER_PAGE_INTERNAL_H
#define EVS_INDEXER_PAGE_INTERNAL_H

#include <stddef.h>

#include "common/buf.h"
#include "session.h"

/* Room for a key: labels, month names and footers are far shorter. */
#define PAGE_KEY_MAX 256

/*
 * Writes the key of s[0..len) to out (NUL-terminated): the text case folded,
 * accents removed, and everything that is not a letter or a digit dropped,
 * so that "Résumé de la session :" and "resume de la session" have the same
 * key "resumedelasession".  The key is cut at PAGE_KEY_MAX - 1 bytes (on a
 * character boundary); *cut (may be NULL) tells whether it was.  Returns the
 * key's length.  s must be valid UTF-8.
 */
size_t page_key(const char *s, size_t len, char out[PAGE_KEY_MAX], int *cut);

/* ------------------------------------------------------------ labels */

typedef enum page_label {
    PAGE_LABEL_NONE = 0,
    PAGE_LABEL_SUMMARY,
    PAGE_LABEL_TAKEAWAY,
} page_label;

/* Whether a whole line is a section label ("Session summary", "Περίληψη:"). */
page_label page_label_of(const char *line, size_t len);
/* Whether a line starts the site footer: it and all that follows is dropped. */
int page_is_footer(const char *line, size_t len);
/* Whether a line is site boilerplate to drop wherever it is. */
int page_is_boilerplate(const char *line, size_t len);
/* Whether a speaker's role (or name) says the speaker chairs or moderates. */
int page_is_chair(const char *role, size_t len);
/* Month number 1..12 of a month name in one of the archive's languages
 * (nominative or genitive, any case, accents optional), or 0. */
int page_month(const char *word, size_t len);

/* ------------------------------------------------------------ dates */

typedef struct page_when {
    int year, month, day;           /* 0 when the line gives no date */
    int start_h, start_m;           /* -1 when the line gives no time */
    int end_h, end_m;               /* -1 when there is no end time */
    char zone[8];                   /* "CET", or "" */
} page_when;

/* Whether year-month-day is a date of the calendar (years 1900..2999). */
int page_valid_date(int year, int month, int day);

/*
 * Parses a date line ("Thu 11, October 2018", "Τρί 9, Οκτωβρίου 2018",
 * "07/10/2009 14:30-17:00"), a time line ("16:30 - 18:00 CET") or a date
 * followed by a time.  The whole line must be used.  1 with *w filled, or 0.
 */
int page_parse_when(const char *line, size_t len, page_when *w);

/* ------------------------------------------------------------ lines */

/* One clean line of a page. */
typedef struct page_line {
    size_t off, len;        /* into page_text.text */
    size_t no;              /* 1-based line number in the file */
    int blank;
} page_line;

typedef struct page_text {
    buf text;               /* the clean lines, each NUL-terminated */
    page_line *lines;
    size_t n, cap;
} page_text;

static inline const char *page_line_text(const page_text *pg,
                                         const page_line *l)
{
    return pg->text.data + l->off;
}

/* 0, or -1 with the reason in err: "empty file", "binary file (NUL byte at
 * offset N)", "invalid UTF-8 at line L, column C" (C counts characters). */
/* Formats a reason into err (which may be NULL). */
void set_err(char *err, size_t errlen, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

int page_check_bytes(const char *text, size_t len, char *err, size_t errlen);
/* Cuts checked text into clean lines; 0 or -1 (memory). */
int page_split_lines(const char *text, size_t len, page_text *pg);
/* Drops boilerplate lines, and the footer with everything after it. */
void page_drop_site_text(page_text *pg);
void page_text_free(page_text *pg);

/* ------------------------------------------------------------ shapes */

#define PAGE_MAX_PARTS 16

/* The comma-separated parts of a line, trimmed. */
typedef struct page_parts {
    const char *s[PAGE_MAX_PARTS];
    size_t len[PAGE_MAX_PARTS];
    size_t n;
} page_parts;

/* Characters (code points) in s[0..len). */
size_t page_chars(const char *s, size_t len);
/* Whether s ends with . ! ? : or ; */
int page_ends_sentence(const char *s, size_t len);
/* A speaker line "Name, Role, Organisation…, Country.": 1 with its parts
 * (without the final full stop), or 0. */
int page_speaker_parts(const char *s, size_t len, page_parts *p);
/* An interpretation-languages line "Deutsch (DE), english (en)": 1, or 0.
 * With codes non-NULL, appends the lower-cased codes to
 * codes->interpretation (once each); -1 when memory ran out. */
int page_interpretation(const char *s, size_t len, session *codes);
/* A quote header "Name (Affiliation)" or "Name, Affiliation": short, no
 * final full stop, a person's name first.  1 with both parts, or 0. */
int page_quote_header(const char *s, size_t len, const char **name,
                      size_t *nl, const char **aff, size_t *al);

#endif
