/*
 * page_text.c — the first step of the page reader: check the bytes (no NUL,
 * valid UTF-8, not empty) and cut them into clean lines.  Line ends may be
 * CR LF, LF or CR; no-break and other Unicode spaces become plain spaces,
 * zero-width characters and soft hyphens are dropped, runs of spaces become
 * one, lines are trimmed.  Mojibake is repaired first (page_repair.c).
 */
#include "page_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "common/grow.h"

void set_err(char *err, size_t errlen, const char *fmt, ...)
{
    if (!err || !errlen)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
}

/* Validates the bytes; 0, or -1 with the reason. */
int page_check_bytes(const char *text, size_t len, char *err, size_t errlen)
{
    if (len == 0) {
        set_err(err, errlen, "empty file");
        return -1;
    }
    const char *nul = memchr(text, '\0', len);
    if (nul) {
        set_err(err, errlen, "binary file (NUL byte at offset %zu)",
                (size_t)(nul - text));
        return -1;
    }
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)text;
    size_t lineno = 1, col = 1, i = 0;
    while (i < len) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k;
        if (p[i] < 0x80) {
            k = 1;
            cp = p[i];
        } else {
            k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &cp);
        }
        if (k <= 0) {
            set_err(err, errlen, "invalid UTF-8 at line %zu, column %zu",
                    lineno, col);
            return -1;
        }
        i += (size_t)k;
        if (cp == '\n' || (cp == '\r' && !(i < len && p[i] == '\n'))) {
            lineno++;
            col = 1;
        } else if (cp != '\r') {
            col++;
        }
    }
    return 0;
}

/* Characters that become a plain space, and characters that are dropped. */
static int is_space_cp(utf8proc_int32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\v' || cp == '\f' ||
           cp == 0x00A0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
           cp == 0x202F || cp == 0x205F || cp == 0x3000 ||
           (cp < 0x20 && cp != '\n' && cp != '\r') || cp == 0x7F;
}

static int is_dropped_cp(utf8proc_int32_t cp)
{
    return cp == 0xFEFF || cp == 0x200B || cp == 0x200C || cp == 0x200D ||
           cp == 0x2060 || cp == 0x00AD;
}

static int add_line(page_text *pg, size_t off, size_t no, size_t repairs)
{
    if (pg->n == pg->cap) {
        page_line *l = grow_array(pg->lines, &pg->cap, sizeof *l, 64);
        if (!l)
            return -1;
        pg->lines = l;
    }
    page_line *l = &pg->lines[pg->n++];
    l->off = off;
    l->len = pg->text.len - off;
    l->no = no;
    l->blank = l->len == 0;
    l->repairs = repairs;
    return buf_putc(&pg->text, '\0');
}

/* Appends the clean form of one line s[0..len) to pg->text.  The bytes
 * between two spaces or dropped characters are kept as they are, and go
 * in one copy. */
static int clean_line(page_text *pg, const char *s, size_t len)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    size_t i = 0, off = pg->text.len, run = 0;
    int pending_space = 0, in_run = 0;
    while (i < len) {
        utf8proc_int32_t cp = p[i];
        utf8proc_ssize_t k = 1;
        if (cp > ' ' && cp < 0x7F) {
            /* printable ASCII: kept */
        } else {
            if (cp >= 0x80)
                k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &cp);
            if (k <= 0) { /* not expected: checked and repaired text */
                cp = 0xFFFD;
                k = 1;
            }
            int space = is_space_cp(cp);
            if (space || is_dropped_cp(cp)) {
                if (in_run && buf_append(&pg->text, p + run, i - run) < 0)
                    return -1;
                in_run = 0;
                if (space)
                    pending_space = pg->text.len > off;
                i += (size_t)k;
                continue;
            }
        }
        if (!in_run) {
            if (pending_space && buf_putc(&pg->text, ' ') < 0)
                return -1;
            pending_space = 0;
            run = i;
            in_run = 1;
        }
        i += (size_t)k;
    }
    return in_run ? buf_append(&pg->text, p + run, i - run) : 0;
}

/* Cuts valid UTF-8 text into clean lines.  Mojibake is repaired before the
 * spaces are cleaned, because a mangled no-break space ("Â" + U+00A0) is
 * only recognisable while it is still a no-break space. */
int page_split_lines(const char *text, size_t len, page_text *pg)
{
    size_t i = 0, no = 1;
    buf raw = BUF_INIT;
    if (buf_reserve(&pg->text, len + 1) < 0)
        return -1;
    for (;;) {
        size_t b = i;
        while (i < len && text[i] != '\n' && text[i] != '\r')
            i++;
        size_t repairs = 0, off = pg->text.len;
        /* most lines have nothing to repair, and are cleaned where they are */
        const char *line = text + b;
        size_t n = i - b;
        if (page_line_may_need_repair(line, n)) {
            buf_clear(&raw);
            if (page_repair_line(line, n, &raw, &repairs) < 0) {
                buf_free(&raw);
                return -1;
            }
            line = raw.data ? raw.data : "";
            n = raw.len;
        }
        if (clean_line(pg, line, n) < 0 || add_line(pg, off, no, repairs) < 0) {
            buf_free(&raw);
            return -1;
        }
        if (i >= len)
            break;
        if (text[i] == '\r' && i + 1 < len && text[i + 1] == '\n')
            i++;
        i++;
        no++;
    }
    buf_free(&raw);
    /* A final line end does not start one more (empty) line. */
    if (pg->n > 1 && pg->lines[pg->n - 1].blank && len &&
        (text[len - 1] == '\n' || text[len - 1] == '\r'))
        pg->n--;
    return 0;
}

void page_text_free(page_text *pg)
{
    buf_free(&pg->text);
    free(pg->lines);
    pg->lines = NULL;
    pg->n = pg->cap = 0;
}
