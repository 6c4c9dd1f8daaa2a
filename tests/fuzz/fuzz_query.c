/*
 * fuzz_query.c — libFuzzer target for the query parser (query_parse):
 * the input as a query; a tree is described and freed.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "query/query_parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* the parser takes a C string: cut at the first NUL */
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    char err[256];
    qnode *tree = query_parse(text, err, sizeof err);
    if (tree) {
        char *d = qnode_describe(tree);
        free(d);
        qnode_free(tree);
    } else if (!memchr(err, '\0', sizeof err)) {
        abort();                        /* message not terminated */
    }
    free(text);
    return 0;
}
