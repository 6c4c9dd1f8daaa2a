/* suggest.c — see suggest.h. */
#include "suggest.h"

#include <stdlib.h>
#include <string.h>

#include "../analysis/analysis.h"
#include "../common/buf.h"
#include "../common/schema.h"

static int is_operator(const char *s, size_t n)
{
    static const char *const ops[] = { "OR", "AND", "NOT", "NEAR" };
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
        if (strlen(ops[i]) == n && memcmp(ops[i], s, n) == 0)
            return 1;
    return 0;
}

/* Where the words to check start in a chunk of the query (a run without
 * white space), or NULL for a chunk to leave alone: an operator, or a
 * filter such as year:2018 whose value is no word. */
static const char *words_of(const char *chunk, size_t n)
{
    size_t op = n;
    if (n >= 4 && memcmp(chunk, "NEAR", 4) == 0)
        op = 4;     /* NEAR/3 */
    if (is_operator(chunk, op))
        return NULL;
    const char *colon = memchr(chunk, ':', n);
    if (!colon)
        return chunk;
    const char *name = chunk;
    while (name < colon && strchr("-+(\"", *name))
        name++;
    if (schema_filter_field_named(name, (size_t)(colon - name)))
        return NULL;
    return colon + 1;
}

char *suggest_query(eng_db *db, const char *query, eng_status *st)
{
    *st = ENG_OK;
    buf out = BUF_INIT, term = BUF_INIT;
    size_t len = strlen(query), copied = 0;
    int changed = 0;
    for (size_t i = 0; i < len && *st == ENG_OK;) {
        while (i < len && strchr(" \t\n", query[i]))
            i++;
        size_t end = i;
        while (end < len && !strchr(" \t\n", query[end]))
            end++;
        const char *from = words_of(query + i, end - i);
        size_t cursor = from ? (size_t)(from - query) : end;
        txt_span w;
        while (cursor < end && txt_next_word(query, end, &cursor, &w, NULL)) {
            buf_clear(&term);
            if (txt_fold(query + w.start, w.end - w.start, &term) < 0 || !term.len) {
                *st = term.len ? ENG_E_NOMEM : ENG_OK;
                continue;
            }
            uint32_t freq = 0;
            if ((*st = eng_db_termfreq(db, term.data, term.len, &freq)) != ENG_OK || freq)
                continue;
            char *better = NULL;
            if ((*st = eng_db_suggest_spelling(db, term.data, &better)) == ENG_OK && *better) {
                if (buf_append(&out, query + copied, w.start - copied) < 0 ||
                    buf_puts(&out, better) < 0)
                    *st = ENG_E_NOMEM;
                copied = w.end;
                changed = 1;
            }
            free(better);
        }
        i = end;
    }
    buf_free(&term);
    if (*st != ENG_OK || !changed || buf_puts(&out, query + copied) < 0) {
        if (*st == ENG_OK && changed)
            *st = ENG_E_NOMEM;
        buf_free(&out);
        return NULL;
    }
    return buf_detach(&out);
}
