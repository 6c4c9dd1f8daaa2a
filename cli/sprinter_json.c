/* sprinter_json.c — the JSON implementation of sprinter.h. */
#include <stdlib.h>
#include <string.h>

#include "sprinter.h"

#define MAX_NEST 32

typedef struct json_printer {
    sprinter sp;
    FILE *out;
    int first[MAX_NEST];    /* no member written yet at this depth */
    char close[MAX_NEST];   /* what ends the value open at this depth */
    int depth;
    int after_key;
} json_printer;

/* Writes the comma a new member or element needs. */
static void element(json_printer *j)
{
    if (j->after_key) {
        j->after_key = 0;
        return;
    }
    if (j->depth > 0) {
        if (!j->first[j->depth - 1])
            fputc(',', j->out);
        j->first[j->depth - 1] = 0;
    }
}

static void open_(json_printer *j, char c)
{
    element(j);
    if (j->depth == MAX_NEST)
        abort();    /* a printer bug, not a data problem: nesting is fixed */
    fputc(c, j->out);
    j->first[j->depth] = 1;
    j->close[j->depth] = c == '{' ? '}' : ']';
    j->depth++;
}

static void begin_map(sprinter *sp) { open_((json_printer *)sp, '{'); }
static void begin_list(sprinter *sp) { open_((json_printer *)sp, '['); }

static void end(sprinter *sp)
{
    json_printer *j = (json_printer *)sp;
    if (j->depth > 0)
        fputc(j->close[--j->depth], j->out);
}

static void write_escaped(FILE *out, const char *s, size_t len)
{
    fputc('"', out);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '"': fputs("\\\"", out); break;
        case '\\': fputs("\\\\", out); break;
        case '\n': fputs("\\n", out); break;
        case '\r': fputs("\\r", out); break;
        case '\t': fputs("\\t", out); break;
        default:
            if (c < 0x20 || c == 0x7f)
                fprintf(out, "\\u%04x", c);
            else
                fputc(c, out);
        }
    }
    fputc('"', out);
}

static void key(sprinter *sp, const char *k)
{
    json_printer *j = (json_printer *)sp;
    element(j);
    write_escaped(j->out, k, strlen(k));
    fputc(':', j->out);
    j->after_key = 1;
}

static void string(sprinter *sp, const char *s, size_t len)
{
    json_printer *j = (json_printer *)sp;
    element(j);
    if (s)
        write_escaped(j->out, s, len);
    else
        fputs("null", j->out);
}

static void integer(sprinter *sp, long long v)
{
    json_printer *j = (json_printer *)sp;
    element(j);
    fprintf(j->out, "%lld", v);
}

static void real(sprinter *sp, double v)
{
    json_printer *j = (json_printer *)sp;
    element(j);
    fprintf(j->out, "%.6g", v);
}

static void boolean(sprinter *sp, int v)
{
    json_printer *j = (json_printer *)sp;
    element(j);
    fputs(v ? "true" : "false", j->out);
}

static void null(sprinter *sp)
{
    json_printer *j = (json_printer *)sp;
    element(j);
    fputs("null", j->out);
}

static void finish(sprinter *sp)
{
    json_printer *j = (json_printer *)sp;
    fputc('\n', j->out);
    fflush(j->out);
}

static void destroy(sprinter *sp)
{
    free(sp);
}

sprinter *sprinter_json_new(FILE *out)
{
    json_printer *j = calloc(1, sizeof *j);
    if (!j)
        return NULL;
    j->sp = (sprinter){ begin_map, begin_list, end, key, string, integer, real, boolean,
                        null, finish, destroy };
    j->out = out;
    return &j->sp;
}

void sp_str(sprinter *sp, const char *s)
{
    sp->string(sp, s, s ? strlen(s) : 0);
}
