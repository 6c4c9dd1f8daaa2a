/*
 * yaml_internal.h — what the two steps of the YAML reader share: the tree
 * of a document (yaml_tree.c) and the errors with their positions.  Used by
 * yaml_reader.c only.
 */
#ifndef EVS_INDEXER_YAML_INTERNAL_H
#define EVS_INDEXER_YAML_INTERNAL_H

#include <stddef.h>
#include <yaml.h>

#include "yaml_reader.h"

typedef enum { YN_SCALAR, YN_SEQ, YN_MAP } yn_kind;

typedef struct ynode {
    yn_kind kind;
    size_t line, col;           /* 1-based position of the node */
    char *str;                  /* scalar: the value, NUL-terminated */
    size_t len;
    int plain;                  /* scalar: plain style (may be a null) */
    struct ynode *kids;         /* sequence: items; mapping: key, value... */
    size_t n, cap;
} ynode;

typedef struct yctx {
    yaml_parser_t parser;
    const char *text;
    size_t len;
    char *err;
    size_t errlen;
    int open;                   /* the parser is initialised */
    size_t sessions;            /* read so far from this text */
} yctx;

/* Errors: "LINE:COLUMN: message" into c->err; they return -1. */
int yfail_at(yctx *c, size_t line, size_t col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
int yfail_node(yctx *c, const ynode *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Starts reading text; 0, or -1 with the error.  Call ytree_close after,
 * whatever it returned. */
int ytree_open(yctx *c, const char *text, size_t len, char *err,
               size_t errlen);
/* Reads the next document into *root (free it with ynode_free): 1, or 0 at
 * the end of the stream, or -1 with the error (root is then empty). */
int ytree_next(yctx *c, ynode *root);
void ytree_close(yctx *c);
void ynode_free(ynode *n);

#endif
