/* glossary.c — loading and looking up the glossary (see glossary.h). */
#include "glossary.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../analysis/analysis.h"
#include "../indexer/yaml_internal.h"

/* Glossaries are small; a larger file is a mistake, not a glossary. */
#define MAX_GLOSSARY_BYTES (4u << 20)
#define MAX_TERM_WORDS 8

static void term_free(glossary_term *t)
{
    free(t->text);
    for (size_t i = 0; i < t->n_words; i++)
        free(t->words[i]);
    free(t->words);
}

void glossary_free(glossary *g)
{
    if (!g)
        return;
    for (size_t c = 0; c < g->n; c++) {
        for (size_t i = 0; i < g->concepts[c].n_terms; i++)
            term_free(&g->concepts[c].terms[i]);
        free(g->concepts[c].terms);
        free(g->concepts[c].name);
    }
    free(g->concepts);
    free(g);
}

/* The value of key in a mapping node, or NULL. */
static const ynode *get(const ynode *map, const char *key)
{
    for (size_t i = 0; i + 1 < map->n; i += 2)
        if (map->kids[i].kind == YN_SCALAR && strcmp(map->kids[i].str, key) == 0)
            return &map->kids[i + 1];
    return NULL;
}

/* A term's words, folded as the index folds them, and split as a query is
 * (an elided article passed over), so that they meet the query's words. */
static int fold_words(glossary_term *t)
{
    size_t cursor = 0, len = strlen(t->text);
    txt_span w;
    buf b = BUF_INIT;
    while (txt_next_query_word(t->text, len, &cursor, &w, NULL)) {
        if (t->n_words == MAX_TERM_WORDS) {
            buf_free(&b);
            return 1;
        }
        buf_clear(&b);
        char **words = realloc(t->words, (t->n_words + 1) * sizeof *words);
        if (!words || txt_fold(t->text + w.start, w.end - w.start, &b) < 0) {
            if (words)
                t->words = words;
            buf_free(&b);
            return -1;
        }
        t->words = words;
        if (!(t->words[t->n_words] = buf_detach(&b)))
            return -1;
        t->n_words++;
    }
    buf_free(&b);
    return 0;
}

static int add_term(yctx *c, glossary_concept *con, const char *lang, const ynode *v)
{
    if (v->kind != YN_SCALAR || !v->len)
        return yfail_node(c, v, "a term must be a non-empty string");
    glossary_term *terms = realloc(con->terms, (con->n_terms + 1) * sizeof *terms);
    if (!terms)
        return yfail_node(c, v, "out of memory");
    con->terms = terms;
    glossary_term *t = &con->terms[con->n_terms];
    memset(t, 0, sizeof *t);
    snprintf(t->lang, sizeof t->lang, "%s", lang);
    if (!(t->text = strdup(v->str)))
        return yfail_node(c, v, "out of memory");
    con->n_terms++;
    int rc = fold_words(t);
    if (rc < 0)
        return yfail_node(c, v, "out of memory");
    if (rc > 0)
        return yfail_node(c, v, "a term has at most %d words", MAX_TERM_WORDS);
    if (t->n_words == 0)
        return yfail_node(c, v, "the term \"%s\" has no word in it", v->str);
    return 0;
}

static int read_concept(yctx *c, const ynode *n, glossary_concept *con)
{
    if (n->kind != YN_MAP)
        return yfail_node(c, n, "each entry must be a mapping with concept and terms");
    for (size_t i = 0; i + 1 < n->n; i += 2)
        if (strcmp(n->kids[i].str, "concept") && strcmp(n->kids[i].str, "terms"))
            return yfail_node(c, &n->kids[i], "unknown key \"%s\" (known: concept, terms)",
                              n->kids[i].str);
    const ynode *name = get(n, "concept"), *terms = get(n, "terms");
    if (!name || name->kind != YN_SCALAR || !name->len)
        return yfail_node(c, n, "the entry has no concept name");
    if (!(con->name = strdup(name->str)))
        return yfail_node(c, n, "out of memory");
    if (!terms)
        return yfail_node(c, n, "the concept \"%s\" has no terms", con->name);
    if (terms->kind != YN_MAP)
        return yfail_node(c, terms, "terms must map language codes to lists of terms");
    for (size_t i = 0; i + 1 < terms->n; i += 2) {
        const ynode *lang = &terms->kids[i], *list = &terms->kids[i + 1];
        if (lang->len < 2 || lang->len > 3)
            return yfail_node(c, lang, "\"%s\" is not a language code such as fr", lang->str);
        if (list->kind == YN_SCALAR) {
            if (add_term(c, con, lang->str, list) < 0)
                return -1;
            continue;
        }
        if (list->kind != YN_SEQ)
            return yfail_node(c, list, "terms of %s must be a list of strings", lang->str);
        for (size_t k = 0; k < list->n; k++)
            if (add_term(c, con, lang->str, &list->kids[k]) < 0)
                return -1;
    }
    if (con->n_terms < 2)
        return yfail_node(c, n, "the concept \"%s\" needs at least two terms", con->name);
    return 0;
}

static char *slurp(const char *path, size_t *len, char *err, size_t errlen)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return NULL;
    }
    buf b = BUF_INIT;
    char chunk[8192];
    size_t k;
    while ((k = fread(chunk, 1, sizeof chunk, f)) > 0 && b.len <= MAX_GLOSSARY_BYTES)
        if (buf_append(&b, chunk, k) < 0)
            break;
    int bad = ferror(f);
    fclose(f);
    if (bad || b.len > MAX_GLOSSARY_BYTES) {
        snprintf(err, errlen, "%s: %s", path,
                 bad ? "cannot be read" : "too large for a glossary (4 MiB at most)");
        buf_free(&b);
        return NULL;
    }
    *len = b.len;
    return buf_detach(&b);
}

glossary *glossary_load(const char *path, char *err, size_t errlen)
{
    size_t len = 0;
    char *text = slurp(path, &len, err, errlen);
    if (!text)
        return NULL;
    glossary *g = calloc(1, sizeof *g);
    char why[400] = "";
    yctx c = { 0 };
    ynode root = { 0 };
    int rc = g ? ytree_open(&c, text, len, why, sizeof why) : -1;
    if (rc == 0) {
        rc = ytree_next(&c, &root);
        if (rc == 0)
            rc = yfail_at(&c, 1, 1, "the file is empty");
        else if (rc > 0 && root.kind != YN_SEQ)
            rc = yfail_node(&c, &root, "a glossary is a list of concepts");
        else if (rc > 0 && !(g->concepts = calloc(root.n ? root.n : 1, sizeof *g->concepts)))
            rc = yfail_node(&c, &root, "out of memory");
        for (size_t i = 0; rc > 0 && i < root.n; i++) {
            g->n++;
            if (read_concept(&c, &root.kids[i], &g->concepts[i]) < 0)
                rc = -1;
        }
    }
    ynode_free(&root);
    ytree_close(&c);
    free(text);
    if (rc < 0 || !g) {
        snprintf(err, errlen, "%s:%s", path, g ? why : " out of memory");
        glossary_free(g);
        return NULL;
    }
    return g;
}

const glossary_concept *glossary_find(const glossary *g, char *const *w, size_t n,
                                      size_t *term)
{
    for (size_t c = 0; g && c < g->n; c++)
        for (size_t t = 0; t < g->concepts[c].n_terms; t++) {
            const glossary_term *gt = &g->concepts[c].terms[t];
            if (gt->n_words != n)
                continue;
            size_t k = 0;
            while (k < n && strcmp(gt->words[k], w[k]) == 0)
                k++;
            if (k == n) {
                *term = t;
                return &g->concepts[c];
            }
        }
    return NULL;
}
