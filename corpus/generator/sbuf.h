/*
 * sbuf.h — a growable byte buffer for evgen.  Running out of memory ends
 * the program with a message: a generator has nothing better to do.
 */
#ifndef EVGEN_SBUF_H
#define EVGEN_SBUF_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct sbuf {
    char *data;
    size_t len, cap;
} sbuf;

#define SBUF_INIT {NULL, 0, 0}

static inline void sbuf_grow(sbuf *b, size_t more)
{
    if (b->len + more + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + more + 1)
        cap *= 2;
    char *d = realloc(b->data, cap);
    if (!d) {
        fputs("evgen: out of memory\n", stderr);
        exit(1);
    }
    b->data = d;
    b->cap = cap;
}

static inline void sbuf_add(sbuf *b, const char *s, size_t n)
{
    sbuf_grow(b, n);
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

static inline void sbuf_puts(sbuf *b, const char *s)
{
    sbuf_add(b, s, strlen(s));
}

static inline void sbuf_putc(sbuf *b, char c)
{
    sbuf_add(b, &c, 1);
}

static inline void sbuf_free(sbuf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

#endif
