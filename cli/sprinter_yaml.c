/*
 * sprinter_yaml.c — the YAML implementation of sprinter.h, through
 * libyaml's emitter, so that quoting and escaping are libyaml's, not ours.
 *
 * Each top-level value is one YAML document.  A string that a YAML reader
 * would take for something else (common/yaml_quote.h) is double-quoted;
 * other strings are left to the emitter.
 */
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "../common/yaml_quote.h"
#include "sprinter.h"

#define MAX_NEST 32

typedef struct yaml_printer {
    sprinter sp;
    yaml_emitter_t em;
    int depth;
    char open[MAX_NEST];    /* 'm' or 'l' for each value open */
    int in_doc;
    int failed;         /* the emitter refused an event: stop emitting */
} yaml_printer;

static void emit(yaml_printer *y, yaml_event_t *ev, int ok)
{
    if (!ok) {
        y->failed = 1;
        return;
    }
    if (y->failed) {
        yaml_event_delete(ev);
        return;
    }
    if (!yaml_emitter_emit(&y->em, ev))
        y->failed = 1;
}

static void begin_doc(yaml_printer *y)
{
    if (y->in_doc)
        return;
    yaml_event_t ev;
    emit(y, &ev, yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 0));
    y->in_doc = 1;
}

static void begin_map(sprinter *sp)
{
    yaml_printer *y = (yaml_printer *)sp;
    begin_doc(y);
    yaml_event_t ev;
    if (y->depth == MAX_NEST)
        abort();    /* a printer bug, not a data problem: nesting is fixed */
    emit(y, &ev, yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
                                                     YAML_BLOCK_MAPPING_STYLE));
    y->open[y->depth++] = 'm';
}

/* A list inside a list (a highlight span [start, end]) reads better
 * inline; every other list is a block. */
static void begin_list(sprinter *sp)
{
    yaml_printer *y = (yaml_printer *)sp;
    begin_doc(y);
    yaml_event_t ev;
    if (y->depth == MAX_NEST)
        abort();
    int inner = y->depth > 0 && y->open[y->depth - 1] == 'l';
    emit(y, &ev, yaml_sequence_start_event_initialize(
                     &ev, NULL, NULL, 1,
                     inner ? YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE));
    y->open[y->depth++] = 'l';
}

static void end(sprinter *sp)
{
    yaml_printer *y = (yaml_printer *)sp;
    if (y->depth == 0)
        return;
    yaml_event_t ev;
    if (y->open[--y->depth] == 'm')
        emit(y, &ev, yaml_mapping_end_event_initialize(&ev));
    else
        emit(y, &ev, yaml_sequence_end_event_initialize(&ev));
}

static void scalar(yaml_printer *y, const char *s, size_t len, int quote)
{
    begin_doc(y);
    yaml_event_t ev;
    emit(y, &ev, yaml_scalar_event_initialize(
                     &ev, NULL, NULL, (yaml_char_t *)s, (int)len, !quote, 1,
                     quote ? YAML_DOUBLE_QUOTED_SCALAR_STYLE : YAML_ANY_SCALAR_STYLE));
}

static void key(sprinter *sp, const char *k)
{
    scalar((yaml_printer *)sp, k, strlen(k), 0);
}

static void string(sprinter *sp, const char *s, size_t len)
{
    if (!s)
        scalar((yaml_printer *)sp, "null", 4, 0);
    else
        scalar((yaml_printer *)sp, s, len, yaml_needs_quotes(s, len));
}

static void integer(sprinter *sp, long long v)
{
    char num[32];
    int n = snprintf(num, sizeof num, "%lld", v);
    scalar((yaml_printer *)sp, num, (size_t)n, 0);
}

static void real(sprinter *sp, double v)
{
    char num[32];
    int n = snprintf(num, sizeof num, "%.6g", v);
    scalar((yaml_printer *)sp, num, (size_t)n, 0);
}

static void boolean(sprinter *sp, int v)
{
    scalar((yaml_printer *)sp, v ? "true" : "false", v ? 4 : 5, 0);
}

static void null(sprinter *sp)
{
    scalar((yaml_printer *)sp, "null", 4, 0);
}

static void finish(sprinter *sp)
{
    yaml_printer *y = (yaml_printer *)sp;
    if (!y->in_doc)
        return;
    yaml_event_t ev;
    emit(y, &ev, yaml_document_end_event_initialize(&ev, 1));
    y->in_doc = 0;
    yaml_emitter_flush(&y->em);
}

static void destroy(sprinter *sp)
{
    yaml_printer *y = (yaml_printer *)sp;
    yaml_event_t ev;
    finish(sp);
    emit(y, &ev, yaml_stream_end_event_initialize(&ev));
    yaml_emitter_flush(&y->em);
    yaml_emitter_delete(&y->em);
    free(y);
}

sprinter *sprinter_yaml_new(FILE *out)
{
    yaml_printer *y = calloc(1, sizeof *y);
    if (!y)
        return NULL;
    if (!yaml_emitter_initialize(&y->em)) {
        free(y);
        return NULL;
    }
    yaml_emitter_set_output_file(&y->em, out);
    yaml_emitter_set_unicode(&y->em, 1);
    yaml_emitter_set_width(&y->em, 100);
    y->sp = (sprinter){ begin_map, begin_list, end, key, string, integer, real, boolean,
                        null, finish, destroy };
    yaml_event_t ev;
    emit(y, &ev, yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING));
    return &y->sp;
}
