/*
 * page_internal.h — what the parts of the page reader share: clean lines
 * (page_text.c) with their mojibake repaired (page_repair.c) and the site's
 * own text dropped (page_site.c), the shapes of lines (page_lines.c), the
 * folded "key" used to compare labels and the label tables
 * (page_labels.c), the words of fields (page_words.c), the date and time
 * parsers (page_dates.c), labelled lines and session codes
 * (page_fields.c), and speakers (page_speakers.c).  Used by the page reader
 * only (and page_valid_date by the YAML reader).
 */
#ifndef EVS_INDEXER_PAGE_INTERNAL_H
#define EVS_INDEXER_PAGE_INTERNAL_H

#include <pthread.h>
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
/*
 * A table of words as written on pages ("Résumé de la session"), compared
 * through their keys.  The keys are computed once per process (the tables
 * are read for every line of every page): each file that has tables keeps
 * them in an array of page_wordset's made with PAGE_WORDSET, reaches them
 * through a function defined by PAGE_WORDSET_GETTER (which fills them
 * once), and looks words up with page_wordset_find.  Words are found at
 * base + i * stride, so that a table of structures whose first member is
 * the word can be one; a NULL word has the empty key and never matches.  A
 * table word's key is short: at most PAGE_WORD_KEY - 1 bytes are kept.
 */
#define PAGE_WORD_KEY 128

typedef struct page_wordset {
    const void *base;
    size_t stride, n;
    char (*keys)[PAGE_WORD_KEY];  /* n of them */
} page_wordset;

/*
 * The initializer of a page_wordset over the n words at base, stride bytes
 * apart, with room for their keys.  The room is a compound literal: written
 * at file scope, as the tables are, it is static and zeroed, as a named
 * array would be.
 */
#define PAGE_WORDSET_OF(base, stride, n) \
    {(base), (stride), (n), (char[(n)][PAGE_WORD_KEY]){{0}}}
/* The same over every element of the array words (words, or structures
 * whose first member is the word). */
#define PAGE_WORDSET(words) \
    PAGE_WORDSET_OF((words), sizeof((words)[0]), \
                    sizeof(words) / sizeof((words)[0]))

/*
 * Defines static const page_wordset *get(int which): &sets[which], where
 * sets is the file's array of page_wordset's, with the keys of all of them
 * filled by the first call (in any thread).  A macro, as pthread_once calls
 * a routine without arguments: each file needs its own.
 */
#define PAGE_WORDSET_GETTER(get, sets)                                       \
    static pthread_once_t get##_once = PTHREAD_ONCE_INIT;                    \
    static void get##_fill(void)                                             \
    {                                                                        \
        page_wordsets_fill((sets), sizeof(sets) / sizeof((sets)[0]));        \
    }                                                                        \
    static const page_wordset *get(int which)                                \
    {                                                                        \
        pthread_once(&get##_once, get##_fill);                               \
        return &(sets)[which];                                               \
    }

void page_wordsets_fill(page_wordset *sets, size_t n);
/* The index + 1 of the first word whose key equals key (with prefix set:
 * that key starts with), or 0. */
size_t page_wordset_find(const page_wordset *ws, const char *key, int prefix);
/* The length of the longest word key that key starts with, or 0. */
size_t page_wordset_prefix(const page_wordset *ws, const char *key);

/* Labelled lines of a page, "Venue: ...", "Theme C: ...". */
typedef enum page_field {
    PAGE_FIELD_NONE = 0,
    PAGE_FIELD_CODE,            /* "Session code: 9WS29" */
    PAGE_FIELD_TYPE,            /* "Type: Workshop" */
    PAGE_FIELD_DATE,            /* "Date: 07/10/2009", "Time: 14:30-17:00" */
    PAGE_FIELD_VENUE,           /* "Venue:", "Building:" */
    PAGE_FIELD_ADDRESS,         /* "Address:", appended to the venue */
    PAGE_FIELD_ORGANISERS,
    PAGE_FIELD_SPEAKERS,        /* "Speakers and chair(s):" */
    PAGE_FIELD_CHAIR,           /* "Chair:": the next speaker chairs */
    PAGE_FIELD_CHAIRS,          /* "Chairs:": every speaker after it */
    PAGE_FIELD_THEME,           /* "Theme:", "Theme C:" */
    PAGE_FIELD_PRESENTATIONS,
    PAGE_FIELD_INTERPRETATION,  /* "Interpretation: EN, FR" */
} page_field;

/*
 * Whether the line starts with a field label and a colon ("Venue:",
 * "Thème C :", "Speakers and chair(s):"): the field, with *value set to the
 * offset of the value (after the colon and spaces; it may be empty).
 * PAGE_FIELD_NONE when it does not.
 */
page_field page_field_of(const char *line, size_t len, size_t *value);

/* Whether a line is a session type alone ("Workshop", "Participatory
 * lab", "Atelier"). */
int page_is_session_type(const char *line, size_t len);

/* Whether a line starts the site footer: it and all that follows is dropped. */
int page_is_footer(const char *line, size_t len);
/* Whether a line is site boilerplate to drop wherever it is: the notices
 * of the comment form, voting and streaming notices, "Comments". */
int page_is_boilerplate(const char *line, size_t len);
/* Whether a line is a site banner ("OPEN DAYS 2009 - European Week of
 * Regions and Cities"): dropped, and never a title or a date. */
int page_is_banner(const char *line, size_t len);
/* Whether a line starts a visitor's comment ("Posted by Anna on
 * 10/10/2019, 18:07pm", "Posté par ... le ..."). */
int page_is_comment_header(const char *line, size_t len);
/* Whether a speaker's role (or name) says the speaker chairs or moderates. */
int page_is_chair(const char *role, size_t len);

/* ------------------------------------------------------------ words */

/* Month number 1..12 of a month name in one of the archive's languages
 * (nominative or genitive, any case, accents optional), or 0. */
int page_month(const char *word, size_t len);
/* The length of the month name's key that key starts with (the longest),
 * or 0. */
size_t page_month_prefix(const char *key);
/* Whether s[0..len) is the name of a country (in English or in one of the
 * archive's languages: "Belgium", "Belgique", "Ελλάδα"). */
int page_is_country(const char *s, size_t len);
/* Whether s[0..len) holds a word that names a position ("Director",
 * "Head of Unit", "Deputy Mayor", "Chargée de mission"), as a whole word:
 * "Directorate" and "Office" are no positions. */
int page_has_role_word(const char *s, size_t len);
/* Whether code (two lower-case letters) is an ISO 639-1 language code of
 * the languages an archive interprets. */
int page_is_lang_code(const char *code);

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

/* ------------------------------------------------------------ repair */

/*
 * Appends s[0..len) (valid UTF-8, one line) to out with its mojibake
 * undone ("RÃ©gion" -> "Région", also when mangled twice: "ÃƒÂ©" -> "é")
 * and "¤" glued between two characters turned into a space; adds the
 * characters restored to *repairs (may be NULL).  What is repaired and what
 * is left alone, and why: page_repair.c.  0, or -1 when memory ran out.
 */
int page_repair_line(const char *s, size_t len, buf *out, size_t *repairs);

/* Whether page_repair_line may find something to repair in s[0..len): when
 * not, it would only copy the line. */
int page_line_may_need_repair(const char *s, size_t len);

/* ------------------------------------------------------------ lines */

/* One clean line of a page. */
typedef struct page_line {
    size_t off, len;        /* into page_text.text */
    size_t no;              /* 1-based line number in the file */
    int blank;
    size_t repairs;         /* mojibake repaired in the line */
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

/* Formats a reason into err (which may be NULL). */
void set_err(char *err, size_t errlen, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* 0, or -1 with the reason in err: "empty file", "binary file (NUL byte at
 * offset N)", "invalid UTF-8 at line L, column C" (C counts characters). */
int page_check_bytes(const char *text, size_t len, char *err, size_t errlen);
/* Cuts checked text into clean lines, mojibake repaired (the count in each
 * line's repairs); 0 or -1 (memory). */
int page_split_lines(const char *text, size_t len, page_text *pg);
/* Drops the site's text (page_site.c): boilerplate, notices and banners,
 * comment threads, and the footer with everything after it. */
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
/* Moves *s past leading spaces and shortens *len past trailing ones. */
void page_trim(const char **s, size_t *len);
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

/* ------------------------------------------------------------ fields */

/* The length of the session code s starts with ("09C14", "9WS29",
 * "8LAB03": see page_fields.c for the shapes), a word of its own; or 0. */
size_t page_session_code(const char *s, size_t len);
/* Sets the date, year, times and zone that w gives; 0 or -1 (memory). */
int page_set_when(session *s, const page_when *w);
/*
 * Reads the labelled lines of lines [from, pg->n) ("Venue: ...", "Theme C:
 * ...", "Speakers and chair(s): ...") into s and blanks them.  Returns the
 * number of labelled lines read, or -1 (memory).
 */
int page_read_fields(page_text *pg, size_t from, session *s);

/* ------------------------------------------------------------ speakers */

/* A one-a-line speaker "Name, Role, Organisation…, Country.": 1 when the
 * line is one and it was added, 0 when it is not one, -1 (memory). */
int page_add_speaker_line(session *s, const char *line, size_t len);
/*
 * The speakers of an inline list: "A, Org; B, Org; Chair: C, Org",
 * "A (Org, Role), B (Org, Role); Chair: C (Org)".  mode is the label the
 * list stood under: PAGE_FIELD_SPEAKERS, PAGE_FIELD_CHAIR (the first one
 * chairs) or PAGE_FIELD_CHAIRS (all do).  0 or -1 (memory).
 */
int page_add_inline_speakers(session *s, const char *v, size_t len,
                             page_field mode);

#endif
