/* doc_builder.c — see doc_builder.h. */
#include "doc_builder.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../analysis/analysis.h"
#include "../common/fnv.h"
#include "../common/record.h"
#include "../common/schema.h"
#include "../common/strset.h"
#include "spelling.h"

/* Terms are limited in length by the engine (245 bytes); identifiers built
 * from long paths are hashed to stay well below. */
#define MAX_ID_TERM 200
#define MAX_ANALYZERS 32
/* How much of a session's text its language is guessed from. */
#define DETECT_BYTES 2048

struct doc_builder {
    struct {
        char lang[8];
        txt_analyzer *a;
    } analyzers[MAX_ANALYZERS];
    size_t n_analyzers;
    txt_analyzer *plain;        /* no stemming: language unknown */
    buf term, data, scratch, exact;
    buf field_langs;            /* the session's F_FIELD_LANGS */
    /* the languages detection chooses among (NULL: all 24), as the
     * NULL-terminated list txt_detect_lang_among wants */
    char among_codes[24][8];
    const char *among_list[25];
    const char *const *among;
    /* Spelling data: counted here and handed to the engine once per batch
     * (doc_builder_flush), because a call per word and session cost a third
     * of the indexing time. */
    strset words;               /* the current session's distinct words */
    strset batch;               /* every word since the last flush */
    uint32_t *counts;           /* sessions per word of batch, by index */
    size_t counts_cap;
    int no_spelling;            /* gather none (doc_builder_set_spelling) */
    char languages[MAX_ANALYZERS * 4];
};

doc_builder *doc_builder_new(void)
{
    doc_builder *b = calloc(1, sizeof *b);
    if (!b)
        return NULL;
    b->plain = txt_analyzer_new(NULL);
    if (!b->plain) {
        free(b);
        return NULL;
    }
    return b;
}

void doc_builder_free(doc_builder *b)
{
    if (!b)
        return;
    for (size_t i = 0; i < b->n_analyzers; i++)
        txt_analyzer_free(b->analyzers[i].a);
    txt_analyzer_free(b->plain);
    buf_free(&b->term);
    buf_free(&b->data);
    buf_free(&b->scratch);
    buf_free(&b->exact);
    buf_free(&b->field_langs);
    strset_free(&b->words);
    strset_free(&b->batch);
    free(b->counts);
    free(b);
}

int doc_builder_set_languages(doc_builder *b, const char *codes)
{
    if (!codes) {
        b->among = NULL;
        return 0;
    }
    size_t n = 0;
    for (const char *p = codes; *p;) {
        size_t len = strcspn(p, " ,");
        if (len) {
            if (len >= sizeof b->among_codes[0] || n == 24)
                return -1;
            memcpy(b->among_codes[n], p, len);
            b->among_codes[n][len] = '\0';
            if (!txt_lang_known(b->among_codes[n]))
                return -1;
            b->among_list[n] = b->among_codes[n];
            n++;
        }
        p += len + (p[len] != '\0');
    }
    if (n == 0)
        return -1;
    b->among_list[n] = NULL;
    b->among = b->among_list;
    return 0;
}

const char *doc_builder_languages(const doc_builder *b)
{
    return b->languages;
}

/* The analyzer for lang, made on first use; the plain one when lang is NULL
 * or memory runs out (terms stay right, only stems are lost). */
static txt_analyzer *analyzer_for(doc_builder *b, const char *lang)
{
    if (!lang || strlen(lang) >= sizeof b->analyzers[0].lang)
        return b->plain;
    for (size_t i = 0; i < b->n_analyzers; i++)
        if (strcmp(b->analyzers[i].lang, lang) == 0)
            return b->analyzers[i].a;
    if (b->n_analyzers == MAX_ANALYZERS)
        return b->plain;
    txt_analyzer *a = txt_analyzer_new(lang);
    if (!a)
        return b->plain;
    size_t i = b->n_analyzers++;
    strcpy(b->analyzers[i].lang, lang);
    b->analyzers[i].a = a;
    size_t used = strlen(b->languages);
    snprintf(b->languages + used, sizeof b->languages - used, "%s%s",
             used ? " " : "", lang);
    return a;
}

/* prefix + path (+ suffix), hashing the path when the whole is too long. */
static int id_term(buf *out, const char *prefix, const char *path, const char *suffix)
{
    buf_clear(out);
    size_t plen = strlen(path);
    if (strlen(prefix) + plen + strlen(suffix) <= MAX_ID_TERM)
        return buf_printf(out, "%s%s%s", prefix, path, suffix);
    return buf_printf(out, "%s#%016llx%s", prefix,
                      (unsigned long long)fnv64(FNV64_START, path, plen), suffix);
}

/* ------------------------------------------------------------ text fields */

typedef struct field_ctx {
    eng_doc *doc;
    const char *text;       /* the field's text, for exact forms */
    buf *exact;
    strset *spell;          /* words for the spelling data; NULL: none */
    const schema_text_field *tf;
    buf *term;
    uint32_t base;          /* position of the field's first word, less one */
    uint32_t last;          /* last position used */
    eng_status st;
} field_ctx;

static int add_prefixed(field_ctx *c, const char *pre1, const char *pre2,
                        const char *s, size_t len, uint32_t pos, uint32_t wdf)
{
    buf_clear(c->term);
    if (buf_puts(c->term, pre1) < 0 || buf_puts(c->term, pre2) < 0 ||
        buf_append(c->term, s, len) < 0) {
        c->st = ENG_E_NOMEM;
        return 1;
    }
    c->st = pos ? eng_doc_add_posting(c->doc, c->term->data, c->term->len, pos, wdf)
                : eng_doc_add_term(c->doc, c->term->data, c->term->len, wdf);
    return c->st != ENG_OK;
}

/* A word written with accents (or letters that fold, like "ß") also gets
 * its form with the accents kept, so that "=Mattinò" can ask for exactly
 * that; a plain ASCII word's form is its term, and gets nothing more. */
static int add_exact_form(field_ctx *c, const txt_token *t, unsigned w)
{
    const unsigned char *s = (const unsigned char *)c->text + t->span.start;
    size_t len = t->span.end - t->span.start, i = 0;
    while (i < len && s[i] < 0x80)
        i++;
    if (i == len || t->kind != TXT_WORD)
        return 0;
    buf_clear(c->exact);
    if (txt_casefold((const char *)s, len, c->exact) < 0) {
        c->st = ENG_E_NOMEM;
        return 1;
    }
    if (c->exact->len == t->term_len && memcmp(c->exact->data, t->term, t->term_len) == 0)
        return 0;
    if (c->exact->len > TXT_MAX_TERM * 2)
        return 0;   /* too long to be a term; the folded term still finds it */
    return add_prefixed(c, PREFIX_EXACT, "", c->exact->data, c->exact->len, 0, w);
}

static int on_token(void *vctx, const txt_token *t)
{
    field_ctx *c = vctx;
    uint32_t pos = c->base + t->pos + 1;
    unsigned w = c->tf->weight;
    c->last = pos;
    if (!c->tf->quote_doc) {
        if ((c->st = eng_doc_add_posting(c->doc, t->term, t->term_len, pos, w)) != ENG_OK)
            return 1;
        if (c->spell && t->kind == TXT_WORD && spelling_worth(t->term, t->term_len) &&
            strset_add(c->spell, t->term, t->term_len, NULL) < 0) {
            c->st = ENG_E_NOMEM;
            return 1;
        }
        if (t->stem && add_prefixed(c, PREFIX_STEM, "", t->stem, t->stem_len, 0, w))
            return 1;
    }
    if (c->text && add_exact_form(c, t, w))
        return 1;
    if (c->tf->prefix) {
        /* a field's own terms weigh 1, but in a quote document they are
         * all there is and carry the field's weight */
        unsigned fw = c->tf->quote_doc ? w : 1;
        if (add_prefixed(c, c->tf->prefix, "", t->term, t->term_len, pos, fw))
            return 1;
        if (t->stem && add_prefixed(c, PREFIX_STEM, c->tf->prefix, t->stem,
                                    t->stem_len, 0, fw))
            return 1;
    }
    return 0;
}

typedef struct doc_ctx {
    doc_builder *b;
    eng_doc *doc;
    strset *spell;
    txt_analyzer *an;
    uint32_t next_base;
} doc_ctx;

/* Indexes text as tf says; a gap of positions keeps phrases within it. */
static eng_status index_text_as(doc_ctx *d, const schema_text_field *tf, const char *text)
{
    if (!text || !*text)
        return ENG_OK;
    field_ctx c = { d->doc, text, &d->b->exact, d->spell, tf, &d->b->term, d->next_base,
                    d->next_base, ENG_OK };
    int rc = txt_analyze(d->an, text, strlen(text), on_token, &c, NULL);
    if (rc < 0)
        return ENG_E_NOMEM;
    if (rc > 0)
        return c.st;
    d->next_base = c.last + SCHEMA_FIELD_GAP;
    return ENG_OK;
}

/* Indexes text as field f. */
static eng_status index_text(doc_ctx *d, schema_field f, const char *text)
{
    return index_text_as(d, schema_text_field_of(f), text);
}

/* A field long enough to tell its language is indexed in it. */
#define FIELD_LANG_MIN 200

typedef struct para {
    txt_span span;
    const char *lang;
} para;

typedef struct paras {
    para v[64];             /* more paragraphs than this: the rest as the last */
    size_t n;
} paras;

static int on_para(void *ctx, txt_span span, const char *lang)
{
    paras *ps = ctx;
    if (ps->n == sizeof ps->v / sizeof ps->v[0])
        return 1;
    ps->v[ps->n++] = (para){ span, lang };
    return 0;
}

/* Indexes text[from, to) as part of field f in lang. */
static eng_status index_in(doc_ctx *d, schema_field f, const char *text, size_t from,
                           size_t to, const char *lang)
{
    txt_analyzer *saved = d->an;
    d->an = analyzer_for(d->b, lang);
    char *part = strndup(text + from, to - from);
    eng_status st = part ? index_text(d, f, part) : ENG_E_NOMEM;
    free(part);
    d->an = saved;
    return st;
}

/*
 * A long field is stemmed in its own language, and each of its paragraphs
 * in theirs when they differ (a French paragraph in an English summary).
 * What differs from the session's language is listed in the record
 * (F_FIELD_LANGS: "summary=fr", or "summary@120-480=de" for a paragraph's
 * bytes), so that snippets analyse the text as it was indexed.
 */
static eng_status index_own_lang(doc_ctx *d, schema_field f, const char *name,
                                 const char *text, const char *session_lang)
{
    size_t len = text ? strlen(text) : 0;
    paras ps = { .n = 0 };
    if (len < FIELD_LANG_MIN || !session_lang ||
        txt_detect_paragraphs(text, len, d->b->among, on_para, &ps) < 0 || ps.n == 0)
        return index_text(d, f, text);
    int mixed = 0;
    for (size_t i = 1; i < ps.n; i++)
        mixed |= strcmp(ps.v[i].lang ? ps.v[i].lang : "", ps.v[0].lang ? ps.v[0].lang : "") != 0;
    buf *fl = &d->b->field_langs;
    if (!mixed) {
        const char *lang = ps.v[0].lang;
        if (!lang || strcmp(lang, session_lang) == 0)
            return index_text(d, f, text);
        if (buf_printf(fl, "%s%s=%s", fl->len ? " " : "", name, lang) < 0)
            return ENG_E_NOMEM;
        return index_in(d, f, text, 0, len, lang);
    }
    eng_status st = ENG_OK;
    for (size_t i = 0; st == ENG_OK && i < ps.n; i++) {
        const char *lang = ps.v[i].lang ? ps.v[i].lang : session_lang;
        size_t from = ps.v[i].span.start;
        size_t to = i + 1 < ps.n ? ps.v[i + 1].span.start : len;
        if (strcmp(lang, session_lang) != 0 &&
            buf_printf(fl, "%s%s@%zu-%zu=%s", fl->len ? " " : "", name, from, to, lang) < 0)
            return ENG_E_NOMEM;
        st = index_in(d, f, text, from, to, lang);
    }
    return st;
}

static eng_status add_bool(doc_ctx *d, const char *prefix, const char *value)
{
    if (!value || !*value)
        return ENG_OK;
    buf *t = &d->b->term;
    buf_clear(t);
    if (buf_puts(t, prefix) < 0 || buf_puts(t, value) < 0)
        return ENG_E_NOMEM;
    return eng_doc_add_term(d->doc, t->data, t->len, 0);
}

static eng_status set_value(eng_doc *doc, unsigned slot, const char *v)
{
    return v && *v ? eng_doc_set_value(doc, slot, v, strlen(v)) : ENG_OK;
}

/* A session code as the filter matches it: lower case, at most 31 bytes. */
static void code_key(const char *code, char out[32])
{
    size_t n = 0;
    for (; code && code[n] && n < 31; n++)
        out[n] = (code[n] >= 'A' && code[n] <= 'Z') ? (char)(code[n] + 32) : code[n];
    out[n] = '\0';
}

/* Terms and values every document of a session carries, so that filters
 * apply to sessions and quotes alike: kind, source, language, year, date,
 * session code and interpretation languages. */
static eng_status add_common(doc_ctx *d, const session *s, const char *kind,
                             const char *path, const char *lang)
{
    char year[16] = "", code[32];
    if (s->year > 0)
        snprintf(year, sizeof year, "%04d", s->year);
    code_key(s->code, code);
    eng_status st;
    for (size_t i = 0; i < s->n_interpretation; i++)
        if ((st = add_bool(d, PREFIX_INTERP, s->interpretation[i])) != ENG_OK)
            return st;
    if ((st = add_bool(d, PREFIX_KIND, kind)) != ENG_OK ||
        (st = add_bool(d, PREFIX_LANG, lang)) != ENG_OK ||
        (st = add_bool(d, PREFIX_YEAR, year)) != ENG_OK ||
        (st = add_bool(d, PREFIX_CODE, code)) != ENG_OK ||
        (st = set_value(d->doc, SLOT_DATE, s->date)) != ENG_OK ||
        (st = set_value(d->doc, SLOT_YEAR, year)) != ENG_OK ||
        (st = set_value(d->doc, SLOT_LANG, lang)) != ENG_OK)
        return st;
    buf *t = &d->b->term;
    if (id_term(t, PREFIX_SOURCE, path, "") < 0)
        return ENG_E_NOMEM;
    return eng_doc_add_term(d->doc, t->data, t->len, 0);
}

/* ------------------------------------------------------------ records */

static int put_common_record(buf *r, const session *s, const char *path, const char *lang)
{
    char year[16] = "";
    if (s->year > 0)
        snprintf(year, sizeof year, "%d", s->year);
    return record_put_str(r, F_PATH, path) | record_put_str(r, F_TITLE, s->title) |
           record_put_str(r, F_DATE, s->date) | record_put_str(r, F_YEAR, year) |
           record_put_str(r, F_LANG, lang);
}

/* items joined by sep into out (emptied first). */
static int join(buf *out, char *const *items, size_t n, const char *sep)
{
    buf_clear(out);
    for (size_t i = 0; i < n; i++)
        if ((i && buf_puts(out, sep) < 0) || buf_puts(out, items[i]) < 0)
            return -1;
    return 0;
}

static int put_joined(buf *r, buf *scratch, int tag, char *const *items, size_t n,
                      const char *sep)
{
    if (join(scratch, items, n, sep) < 0)
        return -1;
    return record_put(r, tag, scratch->data, scratch->len);
}

static const char *str_or_empty(const char *s)
{
    return s ? s : "";
}

static int put_speakers(buf *r, buf *scratch, const session *s)
{
    buf_clear(scratch);
    for (size_t i = 0; i < s->n_speakers; i++) {
        const session_speaker *sp = &s->speakers[i];
        if (buf_printf(scratch, "%s%s\t%s\t%s\t%s\t%d", i ? "\n" : "",
                       str_or_empty(sp->name), str_or_empty(sp->role),
                       str_or_empty(sp->organisation), str_or_empty(sp->country),
                       sp->is_chair ? 1 : 0) < 0)
            return -1;
    }
    return record_put(r, F_SPEAKERS, scratch->data, scratch->len);
}

static int session_record(doc_builder *b, const session *s, const char *path,
                          const char *lang)
{
    buf *r = &b->data;
    buf_clear(r);
    return put_common_record(r, s, path, lang) |
           record_put_str(r, F_START_TIME, s->start_time) |
           record_put_str(r, F_END_TIME, s->end_time) |
           record_put_str(r, F_TIMEZONE, s->timezone) |
           record_put_str(r, F_CODE, s->code) | record_put_str(r, F_TYPE, s->type) |
           record_put_str(r, F_VENUE, s->venue) |
           record_put_str(r, F_DESCRIPTION, s->description) |
           record_put_str(r, F_SUMMARY, s->summary) |
           record_put_str(r, F_TAKEAWAY, s->takeaway) |
           record_put_str(r, F_THEME, s->theme) |
           put_joined(r, &b->scratch, F_ORGANISERS, s->organisers, s->n_organisers, "\n") |
           put_joined(r, &b->scratch, F_INTERPRETATION, s->interpretation,
                      s->n_interpretation, " ") |
           put_speakers(r, &b->scratch, s) |
           record_put(r, F_FIELD_LANGS, b->field_langs.data, b->field_langs.len);
}

/* ------------------------------------------------------------ documents */

#define TRY(expr)                                                            \
    do {                                                                     \
        if ((st = (expr)) != ENG_OK)                                         \
            goto done;                                                       \
    } while (0)

/* Gives doc the record in b->data and its unique id (path + suffix), and
 * writes it as a new document: the writer has deleted whatever its file
 * gave before (write_sessions), so no document with that id is left.
 * (Asking the engine to replace it had it look the id up in the index
 * at every document, for nothing.) */
static eng_status store_doc(doc_builder *b, eng_db *db, eng_doc *doc, const char *path,
                            const char *suffix)
{
    eng_status st = eng_doc_set_data(doc, b->data.data, b->data.len);
    if (st != ENG_OK)
        return st;
    if (id_term(&b->scratch, PREFIX_UID, path, suffix) < 0)
        return ENG_E_NOMEM;
    st = eng_doc_add_term(doc, b->scratch.data, b->scratch.len, 0);
    return st == ENG_OK ? eng_db_add(db, doc, NULL) : st;
}

/* One more session for each of the current session's words. */
static int count_word(void *ctx, const char *word, size_t len, size_t unused)
{
    doc_builder *b = ctx;
    size_t i;
    (void)unused;
    if (strset_add(&b->batch, word, len, &i) < 0)
        return -1;
    if (i >= b->counts_cap) {
        size_t cap = b->counts_cap ? b->counts_cap * 2 : 1024;
        uint32_t *c = realloc(b->counts, cap * sizeof *c);
        if (!c)
            return -1;
        memset(c + b->counts_cap, 0, (cap - b->counts_cap) * sizeof *c);
        b->counts = c;
        b->counts_cap = cap;
    }
    b->counts[i]++;
    return 0;
}

typedef struct spell_ctx {
    doc_builder *b;
    eng_db *db;
    eng_status st;
} spell_ctx;

static int add_spelling(void *ctx, const char *word, size_t len, size_t i)
{
    spell_ctx *sc = ctx;
    sc->st = eng_db_add_spelling(sc->db, word, len, sc->b->counts[i]);
    return sc->st != ENG_OK;
}

void doc_builder_set_spelling(doc_builder *b, int gather)
{
    b->no_spelling = !gather;
}

int doc_builder_has_spelling(const doc_builder *b)
{
    return b->batch.n > 0;
}

eng_status doc_builder_flush(doc_builder *b, eng_db *db)
{
    spell_ctx sc = { b, db, ENG_OK };
    strset_each(&b->batch, add_spelling, &sc);
    if (b->counts)
        memset(b->counts, 0, b->counts_cap * sizeof *b->counts);
    strset_clear(&b->batch);
    return sc.st;
}

static eng_status add_session_doc(doc_builder *b, eng_db *db, const session *s,
                                  const char *path, size_t index, const char *lang)
{
    eng_doc *doc = NULL;
    eng_status st = eng_doc_new(&doc);
    if (st != ENG_OK)
        return st;
    /* the spelling data counts the sessions a word appears in */
    strset_clear(&b->words);
    doc_ctx d = { b, doc, b->no_spelling ? NULL : &b->words, analyzer_for(b, lang), 0 };
    TRY(index_text(&d, F_TITLE, s->title));
    /* The long fields are stemmed in their own language when it is not
     * the session's (a French summary of an English session); the record
     * says which, so that snippets analyse them the same way. */
    buf_clear(&b->field_langs);
    TRY(index_own_lang(&d, F_DESCRIPTION, "description", s->description, lang));
    TRY(index_own_lang(&d, F_SUMMARY, "summary", s->summary, lang));
    TRY(index_own_lang(&d, F_TAKEAWAY, "takeaway", s->takeaway, lang));
    TRY(index_text(&d, F_THEME, s->theme));
    TRY(index_text(&d, F_TYPE, s->type));
    for (size_t i = 0; i < s->n_organisers; i++)
        TRY(index_text(&d, F_ORGANISERS, s->organisers[i]));
    for (size_t i = 0; i < s->n_speakers; i++) {
        const session_speaker *sp = &s->speakers[i];
        TRY(index_text(&d, F_SPEAKERS, sp->name));
        TRY(index_text(&d, F_ROLE, sp->role));
        TRY(index_text(&d, F_ORGANISERS, sp->organisation));
        TRY(index_text(&d, F_COUNTRY, sp->country));
    }
    /* A quote's words also find its session: they are part of its page. */
    for (size_t i = 0; i < s->n_quotes; i++)
        TRY(index_text_as(&d, &schema_quote_in_session, s->quotes[i].text));
    TRY(add_common(&d, s, KIND_SESSION, path, lang));
    TRY(set_value(doc, SLOT_THEME, s->theme));
    TRY(set_value(doc, SLOT_TYPE, s->type));
    if (join(&b->scratch, s->organisers, s->n_organisers, "\n") < 0) {
        st = ENG_E_NOMEM;
        goto done;
    }
    TRY(set_value(doc, SLOT_ORGANISERS, b->scratch.data));
    if (session_record(b, s, path, lang) < 0) {
        st = ENG_E_NOMEM;
        goto done;
    }
    char suffix[32];
    snprintf(suffix, sizeof suffix, "#%zu", index);
    st = store_doc(b, db, doc, path, suffix);
    if (st == ENG_OK && strset_each(&b->words, count_word, b) != 0)
        st = ENG_E_NOMEM;
done:
    eng_doc_free(doc);
    return st;
}

static eng_status add_quote_doc(doc_builder *b, eng_db *db, const session *s,
                                const session_quote *q, const char *path,
                                size_t index, size_t qi, const char *session_lang)
{
    const char *lang = txt_detect_lang_among(q->text, strlen(q->text), b->among);
    if (!lang)
        lang = session_lang;
    eng_doc *doc = NULL;
    eng_status st = eng_doc_new(&doc);
    if (st != ENG_OK)
        return st;
    /* no spelling data: a quote's words came in with its session */
    doc_ctx d = { b, doc, NULL, analyzer_for(b, lang), 0 };
    TRY(index_text(&d, F_QUOTE_TEXT, q->text));
    TRY(index_text(&d, F_QUOTE_SPEAKER, q->speaker));
    TRY(index_text(&d, F_QUOTE_AFFILIATION, q->affiliation));
    TRY(add_common(&d, s, KIND_QUOTE, path, lang));
    buf *r = &b->data;
    buf_clear(r);
    if ((put_common_record(r, s, path, lang) |
         record_put_str(r, F_QUOTE_SPEAKER, q->speaker) |
         record_put_str(r, F_QUOTE_AFFILIATION, q->affiliation) |
         record_put_str(r, F_QUOTE_TEXT, q->text)) < 0) {
        st = ENG_E_NOMEM;
        goto done;
    }
    char suffix[48];
    snprintf(suffix, sizeof suffix, "#%zu/q%zu", index, qi);
    st = store_doc(b, db, doc, path, suffix);
done:
    eng_doc_free(doc);
    return st;
}

/* The language of a session: the page's own word when it gives one, else
 * what its running text looks like. */
static const char *session_lang(doc_builder *b, const session *s)
{
    if (s->lang && *s->lang)
        return s->lang;
    buf *t = &b->scratch;
    buf_clear(t);
    const char *parts[] = { s->title, s->description, s->summary, s->takeaway };
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
        if (parts[i] && (buf_puts(t, parts[i]) < 0 || buf_putc(t, '\n') < 0))
            break;
    /* the first couple of kilobytes tell the language as well as the whole */
    return t->len ? txt_detect_lang_among(t->data, t->len < DETECT_BYTES ? t->len : DETECT_BYTES,
                                          b->among)
                  : NULL;
}

eng_status doc_builder_add(doc_builder *b, eng_db *db, eng_db *quote_db, const session *s,
                           const char *path, size_t index, unsigned *quotes)
{
    const char *lang = session_lang(b, s);
    *quotes = 0;
    eng_status st = add_session_doc(b, db, s, path, index, lang);
    for (size_t i = 0; st == ENG_OK && i < s->n_quotes; i++) {
        if (!s->quotes[i].text || !*s->quotes[i].text)
            continue;
        st = add_quote_doc(b, quote_db, s, &s->quotes[i], path, index, i, lang);
        if (st == ENG_OK)
            (*quotes)++;
    }
    return st;
}
