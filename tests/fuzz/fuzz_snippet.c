/*
 * fuzz_snippet.c — libFuzzer target for the snippet builder: the input up
 * to its first newline (or NUL) is a query, the rest the text.  The query
 * is parsed and turned into a matcher (English), then snippets and the
 * --explain lines are made of the text; every span must lie in its
 * fragment.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "query/snippet.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t qlen = 0;
    while (qlen < size && data[qlen] != '\n' && data[qlen] != '\0')
        qlen++;
    char *query = malloc(qlen + 1);
    if (!query)
        return 0;
    memcpy(query, data, qlen);
    query[qlen] = '\0';
    const char *text = qlen < size ? (const char *)data + qlen + 1 : "";
    size_t len = qlen < size ? size - qlen - 1 : 0;

    char err[256];
    qnode *tree = query_parse(query, err, sizeof err);
    free(query);
    if (!tree)
        return 0;
    /* the languages (their analyzers) live for the whole run, as in
     * evsearch; still reachable at exit: not a leak */
    static match_langs langs;
    static int langs_ready;
    if (!langs_ready) {
        if (match_langs_init(&langs, "en") != 0) {
            qnode_free(tree);
            return 0;
        }
        langs_ready = 1;
    }
    matcher m = { NULL, 0, 0 };
    eng_query *q = matcher_build(tree, &langs, NULL, NULL, &m);
    if (q) {
        /* the text as two fields, the second its later half */
        snip_field f[2] = { { F_SUMMARY, "summary", text, len, NULL, -1, NULL, 0 },
                            { F_DESCRIPTION, "description", text + len / 2, len - len / 2,
                              NULL, -1, NULL, 0 } };
        snip_request rq = { &m, match_langs_analyzer(&langs, "en"),
                            match_langs_find(&langs, "en"), 3, 80 + (unsigned)(len % 160),
                            (int)(len & 1), 0 };
        snip_fragment *frags = NULL;
        size_t n = 0;
        if (snippet_make(&rq, f, 2, &frags, &n) == 0) {
            for (size_t i = 0; i < n; i++) {
                if (frags[i].text[frags[i].len] != '\0')
                    abort();
                for (size_t s = 0; s < frags[i].n_spans; s++)
                    if (frags[i].spans[2 * s] > frags[i].spans[2 * s + 1]
                        || frags[i].spans[2 * s + 1] > frags[i].len)
                        abort();
            }
            snippet_free(frags, n);
        }
        buf b = BUF_INIT;
        snippet_explain(&rq, f, 2, &b);
        buf_free(&b);
        eng_query_free(q);
    }
    matcher_free(&m);
    qnode_free(tree);
    return 0;
}
