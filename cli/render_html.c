/* render_html.c — see render_html.h. */
#include "render_html.h"

#include <string.h>

/* Text as HTML: the five characters that could be markup, escaped. */
static void escaped(FILE *out, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        switch (s[i]) {
        case '&': fputs("&amp;", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '"': fputs("&quot;", out); break;
        case '\'': fputs("&#39;", out); break;
        default: fputc(s[i], out);
        }
    }
}

static void field(FILE *out, const char *s)
{
    if (s)
        escaped(out, s, strlen(s));
}

/* A snippet with its matches in <mark>, each saying how it matched. */
static void snippet(FILE *out, const evs_snippet *sn)
{
    size_t len, at = 0;
    const char *text = evs_snippet_text(sn, &len);
    for (size_t i = 0; i < evs_snippet_span_count(sn); i++) {
        size_t start, end;
        evs_snippet_span(sn, i, &start, &end);
        escaped(out, text + at, start - at);
        fprintf(out, "<mark class=\"%s\">", evs_match_name(evs_snippet_span_match(sn, i)));
        escaped(out, text + start, end - start);
        fputs("</mark>", out);
        at = end;
    }
    escaped(out, text + at, len - at);
}

void render_html(FILE *out, const char *query, const evs_results *res, unsigned offset)
{
    fputs("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>evsearch: ", out);
    field(out, query);
    fputs("</title></head>\n<body>\n<h1>", out);
    field(out, query);
    unsigned long long total = (unsigned long long)evs_results_estimated_total(res);
    fprintf(out, "</h1>\n<p>%s%llu session%s.</p>\n", evs_results_total_exact(res) ? "" : "About ",
            total, total == 1 ? "" : "s");
    size_t ns = evs_results_count(res, EVS_HIT_SESSION);
    fprintf(out, "<ol start=\"%u\" class=\"sessions\">\n", offset + 1);
    for (size_t i = 0; i < ns; i++) {
        const evs_hit *h = evs_results_hit(res, EVS_HIT_SESSION, i);
        fputs("<li><h2>", out);
        field(out, evs_hit_field(h, EVS_FIELD_TITLE));
        fputs("</h2>\n<p class=\"meta\">", out);
        field(out, evs_hit_field(h, EVS_FIELD_DATE));
        fputs(" &middot; ", out);
        field(out, evs_hit_field(h, EVS_FIELD_PATH));
        fputs("</p>\n", out);
        for (size_t k = 0; k < evs_hit_snippet_count(h); k++) {
            fputs("<p class=\"snippet\">", out);
            snippet(out, evs_hit_snippet(h, k));
            fputs("</p>\n", out);
        }
        fputs("</li>\n", out);
    }
    fputs("</ol>\n", out);
    size_t nq = evs_results_count(res, EVS_HIT_QUOTE);
    if (nq) {
        fputs("<h2>Quotes</h2>\n<ol class=\"quotes\">\n", out);
        for (size_t i = 0; i < nq; i++) {
            const evs_hit *h = evs_results_hit(res, EVS_HIT_QUOTE, i);
            fputs("<li><blockquote>", out);
            if (evs_hit_snippet_count(h))
                snippet(out, evs_hit_snippet(h, 0));
            fputs("</blockquote>\n<p>", out);
            field(out, evs_hit_field(h, EVS_FIELD_SPEAKER));
            if (evs_hit_field(h, EVS_FIELD_AFFILIATION)) {
                fputs(" (", out);
                field(out, evs_hit_field(h, EVS_FIELD_AFFILIATION));
                fputs(")", out);
            }
            fputs(", in <i>", out);
            field(out, evs_hit_field(h, EVS_FIELD_TITLE));
            fputs("</i></p></li>\n", out);
        }
        fputs("</ol>\n", out);
    }
    fputs("</body></html>\n", out);
}
