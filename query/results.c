/* results.c — hits: filled from stored records, read through the API. */
#include "results.h"

#include <stdlib.h>
#include <string.h>

#include "../common/record.h"


/* Which record tag each public field reads, per kind of hit. */
static int field_tag(evs_field f)
{
    switch (f) {
    case EVS_FIELD_PATH:        return F_PATH;
    case EVS_FIELD_TITLE:       return F_TITLE;
    case EVS_FIELD_DATE:        return F_DATE;
    case EVS_FIELD_START_TIME:  return F_START_TIME;
    case EVS_FIELD_END_TIME:    return F_END_TIME;
    case EVS_FIELD_TIMEZONE:    return F_TIMEZONE;
    case EVS_FIELD_LANG:        return F_LANG;
    case EVS_FIELD_CODE:        return F_CODE;
    case EVS_FIELD_TYPE:        return F_TYPE;
    case EVS_FIELD_THEME:       return F_THEME;
    case EVS_FIELD_DESCRIPTION: return F_DESCRIPTION;
    case EVS_FIELD_SPEAKER:     return F_QUOTE_SPEAKER;
    case EVS_FIELD_AFFILIATION: return F_QUOTE_AFFILIATION;
    case EVS_FIELD_TEXT:        return F_QUOTE_TEXT;
    }
    return 0;
}

static int copy_fields(evs_hit *hit, const char *data, size_t len)
{
    for (int f = 0; f <= EVS_FIELD_TEXT; f++) {
        const char *s;
        size_t n;
        if (record_get(data, len, field_tag((evs_field)f), &s, &n) &&
            !(hit->fields[f] = strndup(s, n)))
            return -1;
    }
    const char *y;
    size_t n;
    if (record_get(data, len, F_YEAR, &y, &n))
        for (size_t i = 0; i < n && y[i] >= '0' && y[i] <= '9' && hit->year < 100000; i++)
            hit->year = hit->year * 10 + (y[i] - '0');
    return 0;
}

/* Speaker names: the first tab-separated column of each line. */
static int copy_speakers(evs_hit *hit, const char *data, size_t len)
{
    const char *s;
    size_t n;
    if (!record_get(data, len, F_SPEAKERS, &s, &n))
        return 0;
    size_t lines = 1;
    for (size_t i = 0; i < n; i++)
        lines += s[i] == '\n';
    if (!(hit->speakers = calloc(lines, sizeof *hit->speakers)))
        return -1;
    for (const char *p = s, *end = s + n; p < end;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *eol = nl ? nl : end;
        const char *tab = memchr(p, '\t', (size_t)(eol - p));
        size_t name = (size_t)((tab ? tab : eol) - p);
        if (name && !(hit->speakers[hit->n_speakers++] = strndup(p, name)))
            return -1;
        p = eol + 1;
    }
    return 0;
}

/* The text fields snippets are cut from, in order of preference. */
static const struct { int tag; const char *name; } session_snip_fields[] = {
    { F_TAKEAWAY, "takeaway" },
    { F_SUMMARY, "summary" },
    { F_DESCRIPTION, "description" },
};

/* Fields, or paragraphs of them, written in another language than the
 * session's (F_FIELD_LANGS: "summary=fr", "summary@120-480=de") are
 * analysed in it, as they were indexed.  pieces has room for max. */
static void field_languages(snip_field *fields, size_t n, const hit_source *src,
                            snip_piece *pieces, size_t max)
{
    const char *fl;
    size_t len, used = 0;
    if (!record_get(src->data, src->len, F_FIELD_LANGS, &fl, &len))
        return;
    for (size_t i = 0; i < n; i++) {
        size_t nl = strlen(fields[i].name);
        for (const char *p = fl, *end = fl + len; p < end;) {
            const char *sp = memchr(p, ' ', (size_t)(end - p));
            const char *item_end = sp ? sp : end;
            const char *eq = memchr(p, '=', (size_t)(item_end - p));
            char code[8];
            size_t cl = eq ? (size_t)(item_end - eq - 1) : sizeof code;
            if (eq && cl < sizeof code && (size_t)(eq - p) >= nl &&
                memcmp(p, fields[i].name, nl) == 0 && (p[nl] == '=' || p[nl] == '@')) {
                memcpy(code, eq + 1, cl);
                code[cl] = '\0';
                txt_analyzer *an = match_langs_analyzer(src->langs, code);
                int lang = match_langs_find(src->langs, code);
                unsigned long from = 0, to = 0;
                if (p[nl] == '=') {
                    fields[i].an = an;
                    fields[i].lang = lang;
                } else if (sscanf(p + nl, "@%lu-%lu=", &from, &to) == 2 && used < max) {
                    if (!fields[i].pieces)
                        fields[i].pieces = &pieces[used];
                    pieces[used++] = (snip_piece){ from, to, an, lang };
                    fields[i].n_pieces++;
                }
            }
            p = item_end + 1;
        }
    }
}

/* The request that marks src's query in text of the hit's language. */
static snip_request request_for(const evs_hit *hit, const hit_source *src, unsigned frags,
                                int whole)
{
    const char *lang = hit->fields[EVS_FIELD_LANG];
    snip_request rq = { src->m, match_langs_analyzer(src->langs, lang),
                        match_langs_find(src->langs, lang), frags,
                        src->opts->fragment_chars, whole, 0 };
    return rq;
}

int hit_explain_fields(const evs_hit *hit, const hit_source *src, buf *out)
{
    static const struct { int tag; const char *name; } all[] = {
        { F_TITLE, "title" }, { F_TAKEAWAY, "takeaway" }, { F_SUMMARY, "summary" },
        { F_DESCRIPTION, "description" }, { F_THEME, "theme" }, { F_QUOTE_TEXT, "quote" },
        { F_QUOTE_SPEAKER, "speaker" }, { F_QUOTE_AFFILIATION, "org" },
    };
    snip_field fields[sizeof all / sizeof all[0]];
    size_t n = 0;
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
        fields[n] = (snip_field){ (schema_field)all[i].tag, all[i].name, NULL, 0,
                                  NULL, -1, NULL, 0 };
        if (record_get(src->data, src->len, all[i].tag, &fields[n].text, &fields[n].len))
            n++;
    }
    snip_piece pieces[64];
    field_languages(fields, n, src, pieces, 64);
    snip_request rq = request_for(hit, src, 1, 0);
    return snippet_explain(&rq, fields, n, out);
}

static int make_snippets(evs_hit *hit, evs_hit_kind kind, const hit_source *src)
{
    snip_field fields[3];
    size_t n = 0, fallback = 0;
    if (kind == EVS_HIT_QUOTE) {
        fields[n] = (snip_field){ F_QUOTE_TEXT, "quote", NULL, 0, NULL, -1, NULL, 0 };
        if (record_get(src->data, src->len, F_QUOTE_TEXT, &fields[n].text, &fields[n].len))
            n++;
    } else {
        for (size_t i = 0; i < 3; i++) {
            fields[n] = (snip_field){ (schema_field)session_snip_fields[i].tag,
                                      session_snip_fields[i].name, NULL, 0,
                                      NULL, -1, NULL, 0 };
            if (record_get(src->data, src->len, session_snip_fields[i].tag,
                           &fields[n].text, &fields[n].len)) {
                if (session_snip_fields[i].tag == F_DESCRIPTION)
                    fallback = n;
                n++;
            }
        }
    }
    snip_piece pieces[64];
    field_languages(fields, n, src, pieces, 64);
    snip_request rq = request_for(hit, src, kind == EVS_HIT_QUOTE ? 1 : src->opts->snippets,
                                  kind == EVS_HIT_QUOTE);
    rq.fallback = fallback;
    snip_fragment *frags;
    size_t nf;
    if (snippet_make(&rq, fields, n, &frags, &nf) < 0)
        return -1;
    if (!nf) {
        free(frags);
        return 0;
    }
    if (!(hit->snippets = calloc(nf, sizeof *hit->snippets))) {
        snippet_free(frags, nf);
        return -1;
    }
    for (size_t i = 0; i < nf; i++)
        hit->snippets[i].f = frags[i];
    hit->n_snippets = nf;
    free(frags);
    return 0;
}

int hit_fill(evs_hit *hit, evs_hit_kind kind, const hit_source *src)
{
    memset(hit, 0, sizeof *hit);
    hit->kind = kind;
    hit->score = src->score;
    if (copy_fields(hit, src->data, src->len) < 0 ||
        copy_speakers(hit, src->data, src->len) < 0)
        return -1;
    return make_snippets(hit, kind, src);
}

void hit_clear(evs_hit *hit)
{
    for (int f = 0; f <= EVS_FIELD_TEXT; f++)
        free(hit->fields[f]);
    for (size_t i = 0; i < hit->n_speakers; i++)
        free(hit->speakers[i]);
    free(hit->speakers);
    for (size_t i = 0; i < hit->n_snippets; i++) {
        free(hit->snippets[i].f.text);
        free(hit->snippets[i].f.spans);
        free(hit->snippets[i].f.how);
    }
    free(hit->snippets);
    free(hit->explain);
    memset(hit, 0, sizeof *hit);
}

/* ------------------------------------------------------------ facets */

const unsigned facet_slots[EVS_FACET_COUNT] = {
    SLOT_YEAR, SLOT_THEME, SLOT_LANG, SLOT_ORGANISERS, SLOT_TYPE
};

static int by_count(const void *a, const void *b)
{
    const facet_value *x = a, *y = b;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    return strcmp(x->value, y->value);
}

static int by_value_desc(const void *a, const void *b)
{
    return strcmp(((const facet_value *)b)->value, ((const facet_value *)a)->value);
}

int facets_fill(evs_results *res, const eng_mset *ms)
{
    for (int f = 0; f < EVS_FACET_COUNT; f++) {
        size_t n = eng_mset_facet_size(ms, (size_t)f);
        if (!n)
            continue;
        if (!(res->facets[f] = calloc(n, sizeof *res->facets[f])))
            return -1;
        for (size_t i = 0; i < n; i++) {
            uint32_t count = 0;
            const char *v = eng_mset_facet_value(ms, (size_t)f, i, &count);
            if (!(res->facets[f][i].value = strdup(v)))
                return -1;
            res->facets[f][i].count = count;
            res->n_facets[f] = i + 1;
        }
        qsort(res->facets[f], n, sizeof *res->facets[f],
              f == EVS_FACET_YEAR ? by_value_desc : by_count);
    }
    return 0;
}

const char *evs_facet_name(evs_facet f)
{
    static const char *const names[EVS_FACET_COUNT] = {
        "year", "theme", "lang", "organiser", "type"
    };
    return (int)f >= 0 && f < EVS_FACET_COUNT ? names[f] : NULL;
}

size_t evs_results_facet_size(const evs_results *res, evs_facet f)
{
    return res && (int)f >= 0 && f < EVS_FACET_COUNT ? res->n_facets[f] : 0;
}

const char *evs_results_facet_value(const evs_results *res, evs_facet f, size_t i,
                                    unsigned *count)
{
    int ok = i < evs_results_facet_size(res, f);
    if (count)
        *count = ok ? res->facets[f][i].count : 0;
    return ok ? res->facets[f][i].value : NULL;
}

/* ------------------------------------------------------------ public API */

void evs_results_free(evs_results *res)
{
    if (!res)
        return;
    for (int k = 0; k < 2; k++) {
        for (size_t i = 0; i < res->n[k]; i++)
            hit_clear(&res->hits[k][i]);
        free(res->hits[k]);
    }
    free(res->suggestion);
    free(res->explain);
    for (int f = 0; f < EVS_FACET_COUNT; f++) {
        for (size_t i = 0; i < res->n_facets[f]; i++)
            free(res->facets[f][i].value);
        free(res->facets[f]);
    }
    free(res);
}

uint64_t evs_results_estimated_total(const evs_results *res)
{
    return res ? res->estimated : 0;
}

int evs_results_total_exact(const evs_results *res)
{
    return res && res->exact;
}

const char *evs_results_explain(const evs_results *res)
{
    return res ? res->explain : NULL;
}

const char *evs_hit_explain(const evs_hit *hit)
{
    return hit ? hit->explain : NULL;
}

const char *evs_results_suggestion(const evs_results *res)
{
    return res ? res->suggestion : NULL;
}

size_t evs_results_count(const evs_results *res, evs_hit_kind kind)
{
    return res && (kind == EVS_HIT_SESSION || kind == EVS_HIT_QUOTE) ? res->n[kind] : 0;
}

const evs_hit *evs_results_hit(const evs_results *res, evs_hit_kind kind, size_t i)
{
    return i < evs_results_count(res, kind) ? &res->hits[kind][i] : NULL;
}

evs_hit_kind evs_hit_get_kind(const evs_hit *hit)
{
    return hit ? hit->kind : EVS_HIT_SESSION;
}

const char *evs_hit_field(const evs_hit *hit, evs_field field)
{
    if (!hit || (int)field < 0 || field > EVS_FIELD_TEXT)
        return NULL;
    return hit->fields[field];
}

int evs_hit_year(const evs_hit *hit)
{
    return hit ? hit->year : 0;
}

double evs_hit_score(const evs_hit *hit)
{
    return hit ? hit->score : 0.0;
}

size_t evs_hit_speaker_count(const evs_hit *hit)
{
    return hit ? hit->n_speakers : 0;
}

const char *evs_hit_speaker_name(const evs_hit *hit, size_t i)
{
    return hit && i < hit->n_speakers ? hit->speakers[i] : NULL;
}

size_t evs_hit_snippet_count(const evs_hit *hit)
{
    return hit ? hit->n_snippets : 0;
}

const evs_snippet *evs_hit_snippet(const evs_hit *hit, size_t i)
{
    return hit && i < hit->n_snippets ? &hit->snippets[i] : NULL;
}

const char *evs_snippet_field(const evs_snippet *sn)
{
    return sn ? sn->f.field : NULL;
}

const char *evs_snippet_text(const evs_snippet *sn, size_t *len)
{
    if (len)
        *len = sn ? sn->f.len : 0;
    return sn ? sn->f.text : NULL;
}

size_t evs_snippet_span_count(const evs_snippet *sn)
{
    return sn ? sn->f.n_spans : 0;
}

unsigned evs_snippet_span_match(const evs_snippet *sn, size_t i)
{
    return sn && i < sn->f.n_spans ? sn->f.how[i] : 0;
}

unsigned evs_hit_matched(const evs_hit *hit)
{
    unsigned how = 0;
    for (size_t i = 0; hit && i < hit->n_snippets; i++)
        for (size_t k = 0; k < hit->snippets[i].f.n_spans; k++)
            how |= hit->snippets[i].f.how[k];
    return how;
}

const char *evs_match_name(unsigned how)
{
    static const char *const names[] = { "exact", "folded", "stem", "prefix", "glossary" };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (how & (1u << i))
            return names[i];
    return NULL;
}

void evs_snippet_span(const evs_snippet *sn, size_t i, size_t *start, size_t *end)
{
    size_t s = 0, e = 0;
    if (sn && i < sn->f.n_spans) {
        s = sn->f.spans[2 * i];
        e = sn->f.spans[2 * i + 1];
    }
    if (start)
        *start = s;
    if (end)
        *end = e;
}
