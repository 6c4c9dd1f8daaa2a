/* matcher.c — see matcher.h. */
#include "matcher.h"

#include <stdlib.h>
#include <string.h>

int match_langs_init(match_langs *l, const char *codes)
{
    memset(l, 0, sizeof *l);
    if (!(l->plain = txt_analyzer_new(NULL)))
        return -1;
    for (const char *p = codes ? codes : ""; *p && l->n < MATCH_MAX_LANGS;) {
        size_t n = strcspn(p, " ");
        if (n > 0 && n < sizeof l->code[0]) {
            memcpy(l->code[l->n], p, n);
            l->code[l->n][n] = '\0';
            if (!(l->an[l->n] = txt_analyzer_new(l->code[l->n]))) {
                match_langs_free(l);
                return -1;
            }
            l->n++;
        }
        p += n + (p[n] == ' ');
    }
    return 0;
}

void match_langs_free(match_langs *l)
{
    for (size_t i = 0; i < l->n; i++)
        txt_analyzer_free(l->an[i]);
    txt_analyzer_free(l->plain);
    memset(l, 0, sizeof *l);
}

int match_langs_find(const match_langs *l, const char *code)
{
    for (size_t i = 0; code && i < l->n; i++)
        if (strcmp(l->code[i], code) == 0)
            return (int)i;
    return -1;
}

txt_analyzer *match_langs_analyzer(const match_langs *l, const char *code)
{
    int i = match_langs_find(l, code);
    return i < 0 ? l->plain : l->an[i];
}

/* ------------------------------------------------------------- building */

typedef struct build {
    const match_langs *langs;
    const glossary *gl;
    const match_opts *mo;
    unsigned nears;                 /* NEAR nodes numbered so far */
    matcher *m;
    buf tmp, cf;
} build;

static void word_free(match_word *w)
{
    free(w->term);
    free(w->cf);
    for (size_t i = 0; i < MATCH_MAX_LANGS; i++)
        free(w->stem[i]);
}

void matcher_free(matcher *m)
{
    for (size_t g = 0; g < m->n; g++) {
        for (size_t i = 0; i < m->groups[g].n; i++)
            word_free(&m->groups[g].words[i]);
        free(m->groups[g].words);
    }
    free(m->groups);
    m->groups = NULL;
    m->n = 0;
}

/* Folds a typed word into its term and per-language stems.  A word too
 * long to be a term leaves w->term NULL: it cannot match anything. */
static int word_init(build *b, match_word *w, const char *raw)
{
    memset(w, 0, sizeof *w);
    size_t len = strlen(raw);
    buf_clear(&b->tmp);
    if (txt_fold(raw, len, &b->tmp) < 0)
        return -1;
    if (b->tmp.len == 0 || b->tmp.len > TXT_MAX_TERM)
        return 0;
    if (!(w->term = strdup(b->tmp.data)))
        return -1;
    buf_clear(&b->cf);
    if (txt_casefold(raw, len, &b->cf) < 0 || !(w->cf = strdup(b->cf.data ? b->cf.data : "")))
        return -1;
    for (size_t i = 0; i < b->langs->n; i++) {
        if (!txt_analyzer_stems(b->langs->an[i]) || b->mo->lang_off[i])
            continue;
        buf_clear(&b->tmp);
        if (txt_stem_word(b->langs->an[i], b->cf.data, b->cf.len, &b->tmp) < 0)
            return -1;
        if (b->tmp.len && !(w->stem[i] = strdup(b->tmp.data)))
            return -1;
    }
    return 0;
}

static eng_query *term_query(build *b, const char *pre1, const char *pre2, const char *s)
{
    buf_clear(&b->tmp);
    if (buf_puts(&b->tmp, pre1) < 0 || buf_puts(&b->tmp, pre2) < 0 ||
        buf_puts(&b->tmp, s) < 0)
        return NULL;
    return eng_query_term(b->tmp.data, b->tmp.len, 1);
}

static void free_all(eng_query **qs, size_t n)
{
    for (size_t i = 0; i < n; i++)
        eng_query_free(qs[i]);
}

/* One word: its exact term, or any of its stems.  A document holding the
 * exact word matches both and so ranks above one holding only a stem. */
/* =word: its form with accents when it has any (indexed with the "E"
 * prefix), else its term alone, without stems.  A field restriction is
 * kept by requiring the field's term too. */
static eng_query *exact_query(build *b, const match_word *w, const char *prefix)
{
    eng_query *term = term_query(b, prefix, "", w->term);
    if (!w->cf || strcmp(w->cf, w->term) == 0 || !term)
        return term;
    eng_query *form = term_query(b, PREFIX_EXACT, "", w->cf);
    eng_query *both[2] = { term, form };
    eng_query *q = form ? eng_query_combine(ENG_OP_AND, both, 2, 0) : NULL;
    eng_query_free(term);
    eng_query_free(form);
    return q;
}

/* How many words a trailing '*' may stand for: the most frequent ones. */
#define WILDCARD_MAX_TERMS 200

/* w under prefix, and (stems non-zero) its stems in every language. */
static eng_query *word_query(build *b, const match_word *w, const char *prefix, int stems)
{
    if (!w->term)
        return eng_query_match_nothing();
    if (w->prefix) {
        buf_clear(&b->tmp);
        if (buf_puts(&b->tmp, prefix) < 0 || buf_puts(&b->tmp, w->term) < 0)
            return NULL;
        return eng_query_wildcard(b->tmp.data, b->tmp.len, WILDCARD_MAX_TERMS);
    }
    if (w->exact)
        return exact_query(b, w, prefix);
    eng_query *subs[1 + MATCH_MAX_LANGS];
    size_t n = 0;
    subs[n++] = term_query(b, prefix, "", w->term);
    for (size_t i = 0; stems && i < b->langs->n; i++) {
        if (!w->stem[i])
            continue;
        int dup = 0;
        for (size_t j = 0; j < i; j++)
            dup |= w->stem[j] && strcmp(w->stem[j], w->stem[i]) == 0;
        if (dup)
            continue;
        buf pre = BUF_INIT;
        if (buf_printf(&pre, "%s%s", PREFIX_STEM, prefix) < 0) {
            free_all(subs, n);
            return NULL;
        }
        subs[n++] = term_query(b, pre.data, "", w->stem[i]);
        buf_free(&pre);
    }
    eng_query *q = n == 1 ? eng_query_copy(subs[0])
                          : eng_query_combine(ENG_OP_OR, subs, n, 0);
    free_all(subs, n);
    return q;
}

/* Words that must stand together: a phrase of exact terms. */
static eng_query *phrase_query(build *b, const match_group *g, const char *prefix)
{
    eng_query **subs = calloc(g->n, sizeof *subs);
    if (!subs)
        return NULL;
    int impossible = 0;
    for (size_t i = 0; i < g->n; i++) {
        if (!g->words[i].term)
            impossible = 1;
        else
            subs[i] = term_query(b, prefix, "", g->words[i].term);
    }
    eng_query *q = impossible ? eng_query_match_nothing()
                              : eng_query_combine(ENG_OP_PHRASE, subs, g->n, 0);
    free_all(subs, g->n);
    free(subs);
    /* =Île-de-France: the phrase, and each accented word's own form
     * somewhere in the document (forms carry no positions) */
    for (size_t i = 0; q && !impossible && i < g->n; i++) {
        const match_word *w = &g->words[i];
        if (!w->exact || !w->cf || strcmp(w->cf, w->term) == 0)
            continue;
        eng_query *form = term_query(b, PREFIX_EXACT, "", w->cf);
        eng_query *both[2] = { q, form };
        eng_query *r = form ? eng_query_combine(ENG_OP_AND, both, 2, 0) : NULL;
        eng_query_free(q);
        eng_query_free(form);
        q = r;
    }
    return q;
}

static int push_group(build *b, match_group g)
{
    match_group *gs = realloc(b->m->groups, (b->m->n + 1) * sizeof *gs);
    if (!gs)
        return -1;
    b->m->groups = gs;
    b->m->groups[b->m->n++] = g;
    return 0;
}

static const glossary_concept *concept_of(build *b, qnode *const *kids, size_t from,
                                          size_t to, size_t *term);
static eng_query *with_equivalents(build *b, eng_query *q, const glossary_concept *c,
                                   size_t own);

static eng_query *group_query(build *b, const match_group *g, const char *prefix, int stems)
{
    return g->n == 1 ? word_query(b, &g->words[0], prefix, stems) : phrase_query(b, g, prefix);
}

/*
 * The prefix under which the documents searched hold field f's words (NULL
 * f: their text, plain terms in sessions); NULL when they hold none.
 * Quote documents have prefixes of their own, sessions no quote field (see
 * common/schema.c).
 */
static const char *prefix_of(const build *b, const schema_text_field *f)
{
    if (b->mo->quotes) {
        const schema_text_field *q = schema_quote_field(f);
        return q ? q->prefix : NULL;
    }
    if (f && f->quote_doc)
        return NULL;
    return f ? f->prefix : "";
}

/* Group g in field f (NULL: in any field).  A word in any field of a quote
 * is in its text, or its speaker's or affiliation's name, which is matched
 * as written, not stemmed. */
static eng_query *field_query(build *b, const match_group *g, const schema_text_field *f)
{
    const char *prefix = prefix_of(b, f);
    if (!prefix)
        return eng_query_match_nothing();
    if (f || !b->mo->quotes)
        return group_query(b, g, prefix, 1);
    eng_query *subs[4];
    size_t n = 0;
    int ok = (subs[n++] = group_query(b, g, prefix, 1)) != NULL;
    for (size_t i = 0; ok && i < schema_text_field_count && n < sizeof subs / sizeof *subs; i++) {
        const schema_text_field *tf = &schema_text_fields[i];
        if (tf->quote_doc && tf->field != F_QUOTE_TEXT)
            ok = (subs[n++] = group_query(b, g, tf->prefix, 0)) != NULL;
    }
    eng_query *q = ok ? eng_query_combine(ENG_OP_OR, subs, n, 0) : NULL;
    free_all(subs, n);
    return q;
}

/* A word with no field of its own, when the caller chose the fields plain
 * words search: the word in any of them. */
static eng_query *fields_query(build *b, const match_group *g)
{
    eng_query *subs[16];
    size_t n = 0;
    for (; n < b->mo->n_fields; n++)
        if (!(subs[n] = field_query(b, g, b->mo->fields[n])))
            break;
    eng_query *q = n == b->mo->n_fields ? eng_query_combine(ENG_OP_OR, subs, n, 0) : NULL;
    free_all(subs, n);
    return q;
}

/* A term node becomes a group; when positive it is kept for highlighting. */
static eng_query *term_node_query(build *b, const qnode *n, int positive)
{
    match_group g = { calloc(n->n_words, sizeof(match_word)), 0, n->field, 0, 0, 0 };
    eng_query *q = NULL;
    if (!g.words)
        return NULL;
    for (; g.n < n->n_words; g.n++)
        if (word_init(b, &g.words[g.n], n->words[g.n]) < 0) {
            g.n++;
            goto drop;
        }
    if (n->wildcard && g.n == 1)
        g.words[0].prefix = 1;
    for (size_t i = 0; n->exact && i < g.n; i++)
        g.words[i].exact = 1;
    q = n->field || !b->mo->n_fields ? field_query(b, &g, n->field) : fields_query(b, &g);
    if (!q)
        goto drop;
    if (positive) {
        if (push_group(b, g) < 0) {
            eng_query_free(q);
            q = NULL;
            goto drop;
        }
        size_t term;
        const glossary_concept *con = NULL;
        if (b->gl && !n->field && !n->wildcard && !n->exact)
            con = concept_of(b, (qnode *const *)&n, 0, 1, &term);
        return con ? with_equivalents(b, q, con, term) : q;
    }
    /* An excluded word is not highlighted: its group is dropped. */
drop:
    for (size_t i = 0; i < g.n; i++)
        word_free(&g.words[i]);
    free(g.words);
    return q;
}

static eng_query *node_query(build *b, const qnode *n, int positive);

/* A filter: a boolean term, or a range over a value slot. */
static eng_query *filter_query(build *b, const qnode *n)
{
    const schema_filter_field *f = n->filter;
    if (n->lo == n->hi && f->prefix)
        return term_query(b, f->prefix, "", n->lo);
    return eng_query_value_range((unsigned)f->slot, n->lo, n->hi);
}

/* Words typed side by side (ile de france) need not stand together to
 * match, but where they do, that is what the user meant: a phrase group
 * that only the highlighter uses marks them as one. */
static int add_phrase_hint(build *b, const qnode *n, size_t from, size_t to)
{
    size_t words = 0;
    for (size_t i = from; i < to; i++)
        words += n->kids[i]->n_words;
    match_group g = { calloc(words, sizeof(match_word)), 0, NULL, 0, 0, 0 };
    if (!g.words)
        return -1;
    for (size_t i = from; i < to; i++)
        for (size_t j = 0; j < n->kids[i]->n_words; j++)
            if (word_init(b, &g.words[g.n++], n->kids[i]->words[j]) < 0)
                goto oom;
    if (push_group(b, g) == 0)
        return 0;
oom:
    for (size_t i = 0; i < g.n; i++)
        word_free(&g.words[i]);
    free(g.words);
    return -1;
}

static int is_plain_term(const qnode *k)
{
    return k->type == QN_TERM && !k->field && !k->quoted && !k->exact && !k->wildcard;
}

/* ------------------------------------------------------------ glossary */

/* Glossary equivalents are worth this much of the user's own words. */
#define GLOSSARY_WEIGHT 0.3

/* The concept whose term is exactly the words of kids [from, to) (plain
 * terms), or NULL. */
static const glossary_concept *concept_of(build *b, qnode *const *kids, size_t from,
                                          size_t to, size_t *term)
{
    char *folded[16];
    size_t n = 0;
    const glossary_concept *c = NULL;
    for (size_t i = from; i < to; i++)
        for (size_t j = 0; j < kids[i]->n_words; j++) {
            if (n == sizeof folded / sizeof folded[0])
                goto done;
            buf_clear(&b->tmp);
            if (txt_fold(kids[i]->words[j], strlen(kids[i]->words[j]), &b->tmp) < 0 ||
                !(folded[n] = strdup(b->tmp.data ? b->tmp.data : "")))
                goto done;
            n++;
        }
    c = glossary_find(b->gl, folded, n, term);
done:
    for (size_t i = 0; i < n; i++)
        free(folded[i]);
    return c;
}

/* q, or any of the concept's other terms (weighted down); each of those is
 * also a highlight group. */
static eng_query *with_equivalents(build *b, eng_query *q, const glossary_concept *c,
                                   size_t own)
{
    eng_query **subs = calloc(c->n_terms, sizeof *subs);
    size_t n = 0;
    if (!subs) {
        eng_query_free(q);
        return NULL;
    }
    subs[n++] = q;
    for (size_t t = 0; t < c->n_terms; t++) {
        const glossary_term *gt = &c->terms[t];
        if (t == own)
            continue;
        match_group g = { calloc(gt->n_words, sizeof(match_word)), 0, NULL, 1, 0, 0 };
        if (!g.words)
            break;
        int ok = 1;
        for (; g.n < gt->n_words && ok; g.n++)
            ok = word_init(b, &g.words[g.n], gt->words[g.n]) == 0;
        /* in the text: a concept is not a name */
        eng_query *alt = ok ? group_query(b, &g, prefix_of(b, NULL), 1) : NULL;
        if (alt && push_group(b, g) == 0) {
            subs[n++] = alt;
            continue;
        }
        eng_query_free(alt);
        for (size_t i = 0; i < g.n; i++)
            word_free(&g.words[i]);
        free(g.words);
        break;
    }
    eng_query *r = NULL;
    if (n == c->n_terms) {
        eng_query *alts = eng_query_combine(ENG_OP_OR, subs + 1, n - 1, 0);
        eng_query *scaled = alts ? eng_query_scale(alts, GLOSSARY_WEIGHT) : NULL;
        eng_query *pair[2] = { q, scaled };
        r = scaled ? eng_query_combine(ENG_OP_OR, pair, 2, 0) : NULL;
        eng_query_free(alts);
        eng_query_free(scaled);
    }
    free_all(subs, n);
    free(subs);
    return r;
}

/* How many kids from i on, all plain words, are one glossary term (the
 * longest); 0 when none is. */
static size_t glossary_run(build *b, const qnode *n, size_t i,
                           const glossary_concept **c, size_t *term)
{
    size_t end = i;
    while (end < n->n_kids && is_plain_term(n->kids[end]) && end - i < 8)
        end++;
    for (size_t j = end; j > i + 1; j--)
        if ((*c = concept_of(b, n->kids, i, j, term)))
            return j - i;
    return 0;
}

/* Every document: of either kind, so the search must restrict it to the
 * kind it wants (matcher.any_kind). */
static eng_query *match_all(build *b)
{
    b->m->any_kind = 1;
    return eng_query_match_all();
}

/* AND of the positive children, minus the union of the negated ones. */
static eng_query *and_query(build *b, const qnode *n, int positive)
{
    eng_query **pos = calloc(n->n_kids, sizeof *pos);
    eng_query **neg = calloc(n->n_kids + 1, sizeof *neg);
    eng_query **filt = calloc(n->n_kids + 1, sizeof *filt);
    size_t np = 0, nn = 0, nf = 0;
    eng_query *q = NULL;
    if (!pos || !neg || !filt)
        goto done;
    for (size_t i = 0; i < n->n_kids; i++) {
        const qnode *k = n->kids[i];
        const glossary_concept *con = NULL;
        size_t term = 0, run = b->gl && positive ? glossary_run(b, n, i, &con, &term) : 0;
        if (run) {
            /* value chains -> (value AND chains) OR "chaîne de valeur" ... */
            qnode sub = { .type = QN_AND, .kids = n->kids + i, .n_kids = run };
            const glossary *gl = b->gl;
            b->gl = NULL;       /* the words themselves, not again their concept */
            eng_query *own = and_query(b, &sub, positive);
            b->gl = gl;
            if (!own || !(pos[np++] = with_equivalents(b, own, con, term)))
                goto done;
            i += run - 1;
            continue;
        }
        eng_query *kq = k->type == QN_NOT ? node_query(b, k->kids[0], !positive)
                      : k->type == QN_FILTER ? filter_query(b, k)
                                             : node_query(b, k, positive);
        if (!kq)
            goto done;
        if (k->type == QN_NOT)
            neg[nn++] = kq;
        else if (k->type == QN_FILTER)
            filt[nf++] = kq;
        else
            pos[np++] = kq;
    }
    if (positive) {
        for (size_t i = 0; i < n->n_kids;) {
            size_t j = i;
            while (j < n->n_kids && is_plain_term(n->kids[j]))
                j++;
            if (j - i >= 2 && add_phrase_hint(b, n, i, j) < 0)
                goto done;
            i = j > i ? j : i + 1;
        }
    }
    eng_query *base = np == 0 ? match_all(b)
                    : np == 1 ? eng_query_copy(pos[0])
                              : eng_query_combine(b->mo->any ? ENG_OP_OR : ENG_OP_AND, pos,
                                                  np, 0);
    if (base && nn > 0) {
        memmove(neg + 1, neg, nn * sizeof *neg);
        neg[0] = base;
        nn++;
        base = eng_query_combine(ENG_OP_AND_NOT, neg, nn, 0);
    }
    if (base && nf > 0) {
        /* filters restrict without weighing: lang:fr ranks as if absent */
        memmove(filt + 1, filt, nf * sizeof *filt);
        filt[0] = base;
        nf++;
        base = eng_query_combine(ENG_OP_FILTER, filt, nf, 0);
    }
    q = base;
done:
    if (pos)
        free_all(pos, np);
    if (neg)
        free_all(neg, nn);
    if (filt)
        free_all(filt, nf);
    free(pos);
    free(neg);
    free(filt);
    return q;
}

/* Words within n->window of each other, in any order: their exact terms
 * (the word's own query would OR in stems, which have no positions).
 * The engine's NEAR takes terms only, so a phrase side puts its words in
 * the NEAR and requires the phrase beside it.  A side without a field is
 * in the text (of a quote: not its speaker's name). */
static eng_query *near_query(build *b, const qnode *n, int positive)
{
    size_t words = 0;
    for (size_t k = 0; k < n->n_kids; k++)
        words += n->kids[k]->n_words;
    eng_query **terms = calloc(words + 1, sizeof *terms);
    eng_query **extra = calloc(n->n_kids + 1, sizeof *extra);
    size_t nt = 0, ne = 1;      /* extra[0]: the NEAR, once made */
    int ok = terms && extra, impossible = 0;
    unsigned near = ++b->nears;
    for (size_t k = 0; ok && k < n->n_kids; k++) {
        const qnode *kid = n->kids[k];
        match_group g = { calloc(kid->n_words, sizeof(match_word)), 0, kid->field, 0, near,
                          n->window };
        ok = g.words != NULL;
        for (; ok && g.n < kid->n_words; g.n++)      /* a failed one is counted too */
            ok = word_init(b, &g.words[g.n], kid->words[g.n]) == 0;
        const char *prefix = prefix_of(b, kid->field);
        impossible |= !prefix;
        for (size_t i = 0; ok && !impossible && i < g.n; i++) {
            if (!g.words[i].term)
                impossible = 1;
            else if (!(terms[nt++] = term_query(b, prefix, "", g.words[i].term)))
                ok = 0;
        }
        if (ok && !impossible && g.n > 1 && !(extra[ne++] = phrase_query(b, &g, prefix)))
            ok = 0;
        if (!(ok && positive && push_group(b, g) == 0)) {
            for (size_t i = 0; i < g.n; i++)
                word_free(&g.words[i]);
            free(g.words);
        }
    }
    eng_query *q = NULL;
    if (ok && impossible) {
        q = eng_query_match_nothing();
    } else if (ok) {
        /* the engine's window is the span of positions the terms may cover */
        q = extra[0] = eng_query_combine(ENG_OP_NEAR, terms, nt, (uint32_t)(nt + n->window));
        if (q && ne > 1) {
            q = eng_query_combine(ENG_OP_AND, extra, ne, 0);
            eng_query_free(extra[0]);
        }
        extra[0] = NULL;
    }
    if (terms)
        free_all(terms, nt);
    if (extra)
        free_all(extra, ne);
    free(terms);
    free(extra);
    return q;
}

static eng_query *node_query(build *b, const qnode *n, int positive)
{
    switch (n->type) {
    case QN_FILTER: {
        /* alone (the whole query, or one side of an OR): every document
         * the filter lets through */
        eng_query *f = filter_query(b, n);
        eng_query *all = f ? match_all(b) : NULL;
        eng_query *subs[2] = { all, f };
        eng_query *q = all ? eng_query_combine(ENG_OP_FILTER, subs, 2, 0) : NULL;
        eng_query_free(all);
        eng_query_free(f);
        return q;
    }
    case QN_NEAR:
        return near_query(b, n, positive);
    case QN_TERM:
        return term_node_query(b, n, positive);
    case QN_AND:
        return and_query(b, n, positive);
    case QN_NOT: {
        /* A lone NOT (the whole query, or one side of an OR): everything
         * but what it names. */
        qnode and = { .type = QN_AND, .kids = (qnode **)&n, .n_kids = 1 };
        return and_query(b, &and, positive);
    }
    case QN_OR: {
        eng_query **subs = calloc(n->n_kids, sizeof *subs);
        if (!subs)
            return NULL;
        size_t k = 0;
        for (; k < n->n_kids; k++)
            if (!(subs[k] = node_query(b, n->kids[k], positive)))
                break;
        eng_query *q = k == n->n_kids ? eng_query_combine(ENG_OP_OR, subs, k, 0) : NULL;
        free_all(subs, k);
        free(subs);
        return q;
    }
    }
    return NULL;
}

eng_query *matcher_build(const qnode *tree, const match_langs *langs, const glossary *gl,
                         const match_opts *mo, matcher *m)
{
    static const match_opts defaults;
    build b = { langs, gl, mo ? mo : &defaults, 0, m, BUF_INIT, BUF_INIT };
    m->groups = NULL;
    m->n = 0;
    m->any_kind = 0;
    eng_query *q = node_query(&b, tree, 1);
    buf_free(&b.tmp);
    buf_free(&b.cf);
    if (!q)
        matcher_free(m);
    return q;
}
