/*
 * print_results.c — search results as structured data (the --json and
 * --yaml contract), described once through the sprinter interface.
 */
#include "print_results.h"

#include <string.h>

static void matched(sprinter *sp, const evs_hit *h);

static void hit_common(sprinter *sp, const evs_hit *h, size_t rank)
{
    sp->key(sp, "rank");
    sp->integer(sp, (long long)rank);
    sp->key(sp, "score");
    sp->real(sp, evs_hit_score(h));
    sp->key(sp, "path");
    sp_str(sp, evs_hit_field(h, EVS_FIELD_PATH));
    sp->key(sp, "title");
    sp_str(sp, evs_hit_field(h, EVS_FIELD_TITLE));
    sp->key(sp, "year");
    if (evs_hit_year(h))
        sp->integer(sp, evs_hit_year(h));
    else
        sp->null(sp);
    sp->key(sp, "lang");
    sp_str(sp, evs_hit_field(h, EVS_FIELD_LANG));
    sp->key(sp, "date");
    sp_str(sp, evs_hit_field(h, EVS_FIELD_DATE));
    matched(sp, h);
    if (evs_hit_explain(h)) {
        sp->key(sp, "explain");
        sp_str(sp, evs_hit_explain(h));
    }
}

static void highlights(sprinter *sp, const evs_snippet *sn)
{
    sp->key(sp, "highlights");
    sp->begin_list(sp);
    for (size_t i = 0; sn && i < evs_snippet_span_count(sn); i++) {
        size_t s, e;
        evs_snippet_span(sn, i, &s, &e);
        sp->begin_list(sp);
        sp->integer(sp, (long long)s);
        sp->integer(sp, (long long)e);
        sp->end(sp);
    }
    sp->end(sp);
    /* beside each highlight, how it matched: "exact", "stem", ... */
    sp->key(sp, "match");
    sp->begin_list(sp);
    for (size_t i = 0; sn && i < evs_snippet_span_count(sn); i++)
        sp_str(sp, evs_match_name(evs_snippet_span_match(sn, i)));
    sp->end(sp);
}

/* "matched": every way the hit's highlights matched, strongest first. */
static void matched(sprinter *sp, const evs_hit *h)
{
    unsigned how = evs_hit_matched(h);
    sp->key(sp, "matched");
    sp->begin_list(sp);
    for (unsigned bit = 1; bit <= EVS_MATCH_GLOSSARY; bit <<= 1)
        if (how & bit)
            sp_str(sp, evs_match_name(bit));
    sp->end(sp);
}

static void session_hit(sprinter *sp, const evs_hit *h, size_t rank)
{
    sp->begin_map(sp);
    hit_common(sp, h, rank);
    static const struct { const char *key; evs_field f; } extra[] = {
        { "start_time", EVS_FIELD_START_TIME }, { "end_time", EVS_FIELD_END_TIME },
        { "timezone", EVS_FIELD_TIMEZONE }, { "code", EVS_FIELD_CODE },
        { "type", EVS_FIELD_TYPE }, { "theme", EVS_FIELD_THEME },
    };
    for (size_t i = 0; i < sizeof extra / sizeof extra[0]; i++) {
        sp->key(sp, extra[i].key);
        sp_str(sp, evs_hit_field(h, extra[i].f));
    }
    sp->key(sp, "speakers");
    sp->begin_list(sp);
    for (size_t i = 0; i < evs_hit_speaker_count(h); i++)
        sp_str(sp, evs_hit_speaker_name(h, i));
    sp->end(sp);
    sp->key(sp, "snippets");
    sp->begin_list(sp);
    for (size_t i = 0; i < evs_hit_snippet_count(h); i++) {
        const evs_snippet *sn = evs_hit_snippet(h, i);
        size_t len;
        const char *text = evs_snippet_text(sn, &len);
        sp->begin_map(sp);
        sp->key(sp, "field");
        sp_str(sp, evs_snippet_field(sn));
        sp->key(sp, "text");
        sp->string(sp, text, len);
        highlights(sp, sn);
        sp->end(sp);
    }
    sp->end(sp);
    sp->end(sp);
}

static void quote_hit(sprinter *sp, const evs_hit *h, size_t rank)
{
    sp->begin_map(sp);
    hit_common(sp, h, rank);
    sp->key(sp, "speaker");
    sp_str(sp, evs_hit_field(h, EVS_FIELD_SPEAKER));
    sp->key(sp, "affiliation");
    sp_str(sp, evs_hit_field(h, EVS_FIELD_AFFILIATION));
    /* the quote as shown: whole when short, else a fragment around the
     * matches; highlights are offsets into this text */
    const evs_snippet *sn = evs_hit_snippet(h, 0);
    size_t len = 0;
    const char *text = sn ? evs_snippet_text(sn, &len) : evs_hit_field(h, EVS_FIELD_TEXT);
    if (!sn && text)
        len = strlen(text);
    sp->key(sp, "text");
    sp->string(sp, text, len);
    highlights(sp, sn);
    sp->end(sp);
}

/* "facets": {"year": [{"value": "2018", "count": 4}, ...], ...} */
static void facet_counts(sprinter *sp, const evs_results *res)
{
    sp->key(sp, "facets");
    sp->begin_map(sp);
    for (int f = 0; f < EVS_FACET_COUNT; f++) {
        sp->key(sp, evs_facet_name((evs_facet)f));
        sp->begin_list(sp);
        unsigned count;
        const char *v;
        for (size_t i = 0; (v = evs_results_facet_value(res, (evs_facet)f, i, &count)); i++) {
            sp->begin_map(sp);
            sp->key(sp, "value");
            sp_str(sp, v);
            sp->key(sp, "count");
            sp->integer(sp, count);
            sp->end(sp);
        }
        sp->end(sp);
    }
    sp->end(sp);
}

void print_results(sprinter *sp, const char *query, const evs_results *res,
                   unsigned offset, int facets)
{
    sp->begin_map(sp);
    sp->key(sp, "query");
    sp_str(sp, query);
    sp->key(sp, "estimated_total");
    sp->integer(sp, (long long)evs_results_estimated_total(res));
    sp->key(sp, "total_exact");
    sp->boolean(sp, evs_results_total_exact(res));
    sp->key(sp, "suggestion");
    sp_str(sp, evs_results_suggestion(res));
    if (evs_results_explain(res)) {
        sp->key(sp, "explain");
        sp_str(sp, evs_results_explain(res));
    }
    sp->key(sp, "sessions");
    sp->begin_list(sp);
    for (size_t i = 0; i < evs_results_count(res, EVS_HIT_SESSION); i++)
        session_hit(sp, evs_results_hit(res, EVS_HIT_SESSION, i), offset + i + 1);
    sp->end(sp);
    sp->key(sp, "quotes");
    sp->begin_list(sp);
    for (size_t i = 0; i < evs_results_count(res, EVS_HIT_QUOTE); i++)
        quote_hit(sp, evs_results_hit(res, EVS_HIT_QUOTE, i), i + 1);
    sp->end(sp);
    if (facets)
        facet_counts(sp, res);
    sp->end(sp);
    sp->finish(sp);
}

void print_error(sprinter *sp, const char *query, const char *message)
{
    sp->begin_map(sp);
    sp->key(sp, "query");
    sp_str(sp, query);
    sp->key(sp, "error");
    sp_str(sp, message);
    sp->end(sp);
    sp->finish(sp);
}
