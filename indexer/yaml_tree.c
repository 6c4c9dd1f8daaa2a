/*
 * yaml_tree.c — the first step of the YAML reader: the events of libyaml's
 * parser (yaml_parser_parse) read into a small tree of scalars, sequences
 * and mappings, each node with its position.  The limits hold here, before
 * any schema: aliases are refused, nesting is at most YAML_MAX_DEPTH deep,
 * a scalar at most YAML_MAX_SCALAR bytes.  libyaml's document loader is not
 * used: it would resolve aliases and has no limits.
 */
#include "yaml_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/grow.h"

void ynode_free(ynode *n)
{
    for (size_t i = 0; i < n->n; i++)
        ynode_free(&n->kids[i]);
    free(n->kids);
    free(n->str);
    memset(n, 0, sizeof *n);
}

int yfail_at(yctx *c, size_t line, size_t col, const char *fmt, ...)
{
    if (c->err && c->errlen) {
        int k = snprintf(c->err, c->errlen, "%zu:%zu: ", line, col);
        if (k >= 0 && (size_t)k < c->errlen) {
            va_list ap;
            va_start(ap, fmt);
            vsnprintf(c->err + k, c->errlen - (size_t)k, fmt, ap);
            va_end(ap);
        }
    }
    return -1;
}

int yfail_node(yctx *c, const ynode *n, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return yfail_at(c, n->line, n->col, "%s", msg);
}

/* The parser's own error, with its position. */
static int fail_parser(yctx *c)
{
    yaml_parser_t *p = &c->parser;
    if (p->error == YAML_MEMORY_ERROR)
        return yfail_at(c, 1, 1, "out of memory");
    size_t line, col;
    if (p->error == YAML_READER_ERROR) {
        /* bad encoding: only a byte offset is known */
        line = 1, col = 1;
        for (size_t i = 0; i < p->problem_offset && i < c->len; i++) {
            unsigned char b = (unsigned char)c->text[i];
            if (b == '\n')
                line++, col = 1;
            else if ((b & 0xC0) != 0x80)
                col++;
        }
    } else {
        line = p->problem_mark.line + 1;
        col = p->problem_mark.column + 1;
    }
    const char *problem = p->problem ? p->problem : "malformed YAML";
    if (p->context)
        return yfail_at(c, line, col, "%s %s that started at %zu:%zu", problem,
                        p->context, p->context_mark.line + 1,
                        p->context_mark.column + 1);
    return yfail_at(c, line, col, "%s", problem);
}

static int next_event(yctx *c, yaml_event_t *ev)
{
    if (!yaml_parser_parse(&c->parser, ev))
        return fail_parser(c);
    return 0;
}

static int add_kid(ynode *n, ynode **kid)
{
    if (n->n == n->cap) {
        ynode *k = grow_array(n->kids, &n->cap, sizeof *k, 4);
        if (!k)
            return -1;
        n->kids = k;
    }
    *kid = &n->kids[n->n++];
    memset(*kid, 0, sizeof **kid);
    return 0;
}

/*
 * Builds node from ev (which it deletes) and, for a collection, the events
 * up to its end.  depth is the number of collections around the node.
 */
static int load_node(yctx *c, yaml_event_t *ev, ynode *node, int depth)
{
    node->line = ev->start_mark.line + 1;
    node->col = ev->start_mark.column + 1;
    int rc = 0;
    switch (ev->type) {
    case YAML_ALIAS_EVENT:
        rc = yfail_at(c, node->line, node->col, "aliases are not supported");
        break;
    case YAML_SCALAR_EVENT:
        node->kind = YN_SCALAR;
        if (ev->data.scalar.length > YAML_MAX_SCALAR) {
            rc = yfail_at(c, node->line, node->col,
                          "scalar of %zu bytes, longer than the limit of 1 MiB",
                          ev->data.scalar.length);
            break;
        }
        node->len = ev->data.scalar.length;
        node->str = malloc(node->len + 1);
        if (!node->str) {
            rc = yfail_at(c, node->line, node->col, "out of memory");
            break;
        }
        memcpy(node->str, ev->data.scalar.value, node->len);
        node->str[node->len] = '\0';
        node->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
        break;
    case YAML_SEQUENCE_START_EVENT:
    case YAML_MAPPING_START_EVENT: {
        int is_map = ev->type == YAML_MAPPING_START_EVENT;
        node->kind = is_map ? YN_MAP : YN_SEQ;
        if (depth + 1 > YAML_MAX_DEPTH) {
            rc = yfail_at(c, node->line, node->col,
                          "nesting deeper than %d levels", YAML_MAX_DEPTH);
            break;
        }
        yaml_event_type_t end =
            is_map ? YAML_MAPPING_END_EVENT : YAML_SEQUENCE_END_EVENT;
        for (;;) {
            yaml_event_t kev;
            if (next_event(c, &kev) < 0) {
                rc = -1;
                break;
            }
            if (kev.type == end) {
                yaml_event_delete(&kev);
                break;
            }
            ynode *kid;
            if (add_kid(node, &kid) < 0) {
                yaml_event_delete(&kev);
                rc = yfail_at(c, node->line, node->col, "out of memory");
                break;
            }
            if (load_node(c, &kev, kid, depth + 1) < 0) {
                rc = -1;
                break;
            }
        }
        break;
    }
    default:
        rc = yfail_at(c, node->line, node->col, "unexpected YAML event");
        break;
    }
    yaml_event_delete(ev);
    return rc;
}

/* ------------------------------------------------------------ the stream */

int ytree_open(yctx *c, const char *text, size_t len, char *err, size_t errlen)
{
    memset(c, 0, sizeof *c);
    c->text = text ? text : "";
    c->len = text ? len : 0;
    c->err = err;
    c->errlen = errlen;
    if (err && errlen)
        err[0] = '\0';
    if (!yaml_parser_initialize(&c->parser))
        return yfail_at(c, 1, 1, "out of memory");
    c->open = 1;
    yaml_parser_set_input_string(&c->parser, (const unsigned char *)c->text,
                                 c->len);
    yaml_event_t ev;
    if (next_event(c, &ev) < 0)
        return -1;
    yaml_event_delete(&ev); /* STREAM-START */
    return 0;
}

int ytree_next(yctx *c, ynode *root)
{
    memset(root, 0, sizeof *root);
    yaml_event_t ev;
    if (next_event(c, &ev) < 0)
        return -1;
    if (ev.type == YAML_STREAM_END_EVENT) {
        yaml_event_delete(&ev);
        return 0;
    }
    yaml_event_delete(&ev); /* DOCUMENT-START */
    if (next_event(c, &ev) < 0)
        return -1;
    if (load_node(c, &ev, root, 0) < 0 || next_event(c, &ev) < 0) {
        ynode_free(root);
        return -1;
    }
    yaml_event_delete(&ev); /* DOCUMENT-END */
    return 1;
}

void ytree_close(yctx *c)
{
    if (c->open)
        yaml_parser_delete(&c->parser);
    c->open = 0;
}
