/*
 * sprinter.h — structured output: one interface, one implementation per
 * format (JSON, YAML), so that a command describes its output
 * once as maps, lists and scalars and never writes a format by hand.
 */
#ifndef EVS_CLI_SPRINTER_H
#define EVS_CLI_SPRINTER_H

#include <stddef.h>
#include <stdio.h>

typedef struct sprinter sprinter;

struct sprinter {
    void (*begin_map)(sprinter *sp);
    void (*begin_list)(sprinter *sp);
    void (*end)(sprinter *sp);                  /* closes the innermost */
    void (*key)(sprinter *sp, const char *key);
    void (*string)(sprinter *sp, const char *s, size_t len);  /* s NULL: null */
    void (*integer)(sprinter *sp, long long v);
    void (*real)(sprinter *sp, double v);
    void (*boolean)(sprinter *sp, int v);       /* true or false */
    void (*null)(sprinter *sp);
    /* Ends one top-level value (a line, for one object per line). */
    void (*finish)(sprinter *sp);
    void (*destroy)(sprinter *sp);
};

/* Convenience: a NUL-terminated string, or null when s is NULL. */
void sp_str(sprinter *sp, const char *s);

/* Compact JSON, one top-level value per line. */
sprinter *sprinter_json_new(FILE *out);

/* YAML through libyaml's emitter, one document per top-level value. */
sprinter *sprinter_yaml_new(FILE *out);

#endif
