/*
 * buf.h — a growable byte buffer, the one string builder of the project.
 *
 * The contents are always NUL-terminated once anything was appended, so
 * data can be handed to functions that want a C string.  Functions that can
 * allocate return 0 on success and -1 when memory ran out; after a failure
 * the buffer keeps what it had.
 */
#ifndef EVS_COMMON_BUF_H
#define EVS_COMMON_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct buf {
    char *data;     /* NULL until the first append */
    size_t len;     /* bytes in use, not counting the terminating NUL */
    size_t cap;     /* bytes allocated */
} buf;

#define BUF_INIT { NULL, 0, 0 }

/* Makes room for extra more bytes (plus the NUL). */
int buf_reserve(buf *b, size_t extra);
int buf_append(buf *b, const void *data, size_t len);
int buf_puts(buf *b, const char *s);
int buf_putc(buf *b, char c);
int buf_printf(buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
int buf_vprintf(buf *b, const char *fmt, va_list ap);
/* Empties the buffer, keeping its memory. */
void buf_clear(buf *b);
/* Hands the string over to the caller (free it); the buffer is left empty.
 * Returns "" (allocated) for an empty buffer, NULL when memory ran out. */
char *buf_detach(buf *b);
void buf_free(buf *b);

#endif
