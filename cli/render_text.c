/* render_text.c — see render_text.h. */
#include "render_text.h"

#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#define C_MATCH "\033[1;33m"    /* bold yellow */
#define C_TITLE "\033[1m"
#define C_DIM   "\033[2m"
#define C_OFF   "\033[0m"

text_style text_style_for(FILE *out)
{
    text_style st = { 0, 80, "**", "**" };
    int fd = fileno(out);
    const char *no_color = getenv("NO_COLOR");
    int tty = isatty(fd);
    st.color = tty && !(no_color && *no_color);
    struct winsize ws;
    if (tty && ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20)
        st.width = ws.ws_col;
    else if (getenv("COLUMNS") && atoi(getenv("COLUMNS")) >= 20)
        st.width = atoi(getenv("COLUMNS"));
    return st;
}

/* Characters, not bytes: UTF-8 continuation bytes take no column. */
static int columns(const char *s, size_t len)
{
    int n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xc0) != 0x80;
    return n;
}

typedef struct wrapper {
    FILE *out;
    const text_style *st;
    int indent, col;
} wrapper;

static void newline(wrapper *w)
{
    fputc('\n', w->out);
    fprintf(w->out, "%*s", w->indent, "");
    w->col = w->indent;
}

static void mark(wrapper *w, int on)
{
    if (w->st->color)
        fputs(on ? C_MATCH : C_OFF, w->out);
    else {
        fputs(on ? w->st->mark_on : w->st->mark_off, w->out);
        w->col += (int)strlen(on ? w->st->mark_on : w->st->mark_off);
    }
}

/* Prints text word by word within the width, marking [start, end) spans
 * (spans: 2*n offsets, in order).  A mark open at a line break is closed
 * before it and opened again after, so that colour never bleeds. */
static void wrap(wrapper *w, const char *text, size_t len, const size_t *spans, size_t n)
{
    size_t i = 0, k = 0;
    int in = 0;
    while (i < len) {
        size_t ws = i;
        while (i < len && (text[i] == ' ' || text[i] == '\n'))
            i++;
        size_t word = i;
        while (i < len && text[i] != ' ' && text[i] != '\n')
            i++;
        if (word == i)
            break;
        int need = columns(text + word, i - word);
        if (w->col > w->indent && w->col + 1 + need > w->st->width) {
            if (in && w->st->color)
                fputs(C_OFF, w->out);
            newline(w);
            if (in && w->st->color)
                fputs(C_MATCH, w->out);
        } else if (ws < word && w->col > w->indent) {
            fputc(' ', w->out);
            w->col++;
        }
        for (size_t b = word; b < i; b++) {
            if (!in && k < n && b == spans[2 * k]) {
                mark(w, 1);
                in = 1;
            }
            fputc(text[b], w->out);
            w->col += ((unsigned char)text[b] & 0xc0) != 0x80;
            if (in && b + 1 == spans[2 * k + 1]) {
                mark(w, 0);
                in = 0;
                k++;
            }
        }
    }
    if (in)
        mark(w, 0);
}

/* A snippet on lines of its own, its matches marked. */
static void snippet_lines(wrapper *w, const evs_snippet *sn)
{
    size_t len = 0;
    const char *t = evs_snippet_text(sn, &len);
    size_t n = evs_snippet_span_count(sn);
    size_t *spans = n ? malloc(2 * n * sizeof *spans) : NULL;
    if (!spans)
        n = 0;
    for (size_t i = 0; i < n; i++)
        evs_snippet_span(sn, i, &spans[2 * i], &spans[2 * i + 1]);
    fprintf(w->out, "%*s", w->indent, "");
    w->col = w->indent;
    wrap(w, t, len, spans, n);
    fputc('\n', w->out);
    free(spans);
}

static const char *or_empty(const char *s)
{
    return s ? s : "";
}

/* --explain: the lines the library wrote, indented under the hit. */
static void explanation(FILE *out, const char *text)
{
    if (!text)
        return;
    fputs("    why:\n", out);
    for (const char *p = text; *p;) {
        size_t n = strcspn(p, "\n");
        fprintf(out, "    %.*s\n", (int)n, p);
        p += n + (p[n] == '\n');
    }
}

static void session_hit(FILE *out, const evs_hit *h, unsigned rank, const text_style *st)
{
    wrapper w = { out, st, 4, 0 };
    fprintf(out, "%2u. ", rank);
    fputs(st->color ? C_TITLE : "", out);
    w.col = 4;
    wrap(&w, or_empty(evs_hit_field(h, EVS_FIELD_TITLE)),
         strlen(or_empty(evs_hit_field(h, EVS_FIELD_TITLE))), NULL, 0);
    fputs(st->color ? C_OFF "\n" : "\n", out);

    /* when and what: 2018-10-11 16:30-18:00 CET · 09C14 · Workshop · en */
    fprintf(out, "    %s", st->color ? C_DIM : "");
    const char *date = evs_hit_field(h, EVS_FIELD_DATE);
    fputs(date ? date : "undated", out);
    const char *from = evs_hit_field(h, EVS_FIELD_START_TIME);
    const char *to = evs_hit_field(h, EVS_FIELD_END_TIME);
    const char *tz = evs_hit_field(h, EVS_FIELD_TIMEZONE);
    if (from)
        fprintf(out, " %s%s%s%s%s", from, to ? "-" : "", or_empty(to), tz ? " " : "",
                or_empty(tz));
    const evs_field extra[] = { EVS_FIELD_CODE, EVS_FIELD_TYPE, EVS_FIELD_LANG };
    for (size_t i = 0; i < sizeof extra / sizeof extra[0]; i++)
        if (evs_hit_field(h, extra[i]))
            fprintf(out, " · %s", evs_hit_field(h, extra[i]));
    fprintf(out, " · score %.2f", evs_hit_score(h));
    unsigned how = evs_hit_matched(h);
    if (how & ~(unsigned)EVS_MATCH_EXACT) {
        /* say so when the match was not simply the words as typed */
        const char *sep = " · matched: ";
        for (unsigned bit = 1; bit <= EVS_MATCH_GLOSSARY; bit <<= 1)
            if (how & bit) {
                fprintf(out, "%s%s", sep, evs_match_name(bit));
                sep = ", ";
            }
    }
    fprintf(out, "%s\n", st->color ? C_OFF : "");

    size_t ns = evs_hit_speaker_count(h);
    if (ns) {
        fputs("    ", out);
        w.col = 4;
        size_t total = 0;
        for (size_t i = 0; i < ns; i++)
            total += strlen(evs_hit_speaker_name(h, i)) + 2;
        char *names = malloc(total + 1);
        if (names) {
            names[0] = '\0';
            for (size_t i = 0; i < ns; i++) {
                strcat(names, evs_hit_speaker_name(h, i));
                if (i + 1 < ns)
                    strcat(names, ", ");
            }
            wrap(&w, names, strlen(names), NULL, 0);
            free(names);
        }
        fputc('\n', out);
    }
    for (size_t i = 0; i < evs_hit_snippet_count(h); i++)
        snippet_lines(&w, evs_hit_snippet(h, i));
    fprintf(out, "    %s%s%s\n", st->color ? C_DIM : "",
            or_empty(evs_hit_field(h, EVS_FIELD_PATH)), st->color ? C_OFF : "");
    explanation(out, evs_hit_explain(h));
    fputc('\n', out);
}

static void quote_hit(FILE *out, const evs_hit *h, unsigned rank, const text_style *st)
{
    wrapper w = { out, st, 4, 0 };
    const char *who = evs_hit_field(h, EVS_FIELD_SPEAKER);
    const char *aff = evs_hit_field(h, EVS_FIELD_AFFILIATION);
    fprintf(out, "%2u. %s%s%s%s%s%s\n", rank, st->color ? C_TITLE : "",
            who ? who : "Unknown speaker", aff ? " (" : "", or_empty(aff), aff ? ")" : "",
            st->color ? C_OFF : "");
    /* in: the session's title (date), wrapped like the rest */
    const char *date = evs_hit_field(h, EVS_FIELD_DATE);
    char *in = NULL;
    size_t in_len = 0;
    FILE *mem = open_memstream(&in, &in_len);
    if (mem) {
        fprintf(mem, "in: %s%s%s%s", or_empty(evs_hit_field(h, EVS_FIELD_TITLE)),
                date ? " (" : "", or_empty(date), date ? ")" : "");
        fclose(mem);
    }
    fprintf(out, "    %s", st->color ? C_DIM : "");
    w.col = 4;
    if (in)
        wrap(&w, in, in_len, NULL, 0);
    fprintf(out, "%s\n", st->color ? C_OFF : "");
    free(in);
    for (size_t i = 0; i < evs_hit_snippet_count(h); i++)
        snippet_lines(&w, evs_hit_snippet(h, i));
    explanation(out, evs_hit_explain(h));
    fputc('\n', out);
}

#define FACET_SHOWN 8

/* One wrapped line per facet: "year: 2018 (4), 2017 (3), ..." */
static void render_facets(FILE *out, const evs_results *res, const text_style *st)
{
    int any = 0;
    for (int f = 0; f < EVS_FACET_COUNT; f++)
        any |= evs_results_facet_size(res, (evs_facet)f) > 0;
    if (!any)
        return;
    fprintf(out, "%sSessions by%s\n\n", st->color ? C_TITLE : "", st->color ? C_OFF : "");
    for (int f = 0; f < EVS_FACET_COUNT; f++) {
        size_t n = evs_results_facet_size(res, (evs_facet)f);
        if (!n)
            continue;
        char *line = NULL;
        size_t len = 0;
        FILE *mem = open_memstream(&line, &len);
        if (!mem)
            return;
        /* the most frequent few; --json has them all */
        size_t shown = n < FACET_SHOWN ? n : FACET_SHOWN;
        fprintf(mem, "%s:", evs_facet_name((evs_facet)f));
        for (size_t i = 0; i < shown; i++) {
            unsigned count;
            const char *v = evs_results_facet_value(res, (evs_facet)f, i, &count);
            fprintf(mem, " %s (%u)%s", v, count, i + 1 < shown ? "," : "");
        }
        if (shown < n)
            fprintf(mem, " and %zu more", n - shown);
        fclose(mem);
        wrapper w = { out, st, 4, 0 };
        fputs("  ", out);
        w.col = 2;
        wrap(&w, line, len, NULL, 0);
        fputc('\n', out);
        free(line);
    }
    fputc('\n', out);
}

void render_text(FILE *out, const evs_results *res, unsigned offset, const text_style *st)
{
    size_t ns = evs_results_count(res, EVS_HIT_SESSION);
    size_t nq = evs_results_count(res, EVS_HIT_QUOTE);
    const char *understood = evs_results_explain(res);
    if (understood)
        fprintf(out, "Query understood as:\n%s\n", understood);
    unsigned long long total = (unsigned long long)evs_results_estimated_total(res);
    int exact = evs_results_total_exact(res);
    if (ns)
        fprintf(out, "Sessions %u-%zu of %s%llu\n", offset + 1, offset + ns,
                exact ? "" : "about ", total);
    else if (total && !offset)      /* -n 0: the count alone */
        fprintf(out, "%s%llu session%s match%s.\n", exact ? "" : "About ", total,
                total == 1 ? "" : "s", total == 1 ? "es" : "");
    else
        fprintf(out, "No sessions match%s.\n", offset && total ? " on this page" : "");
    const char *better = evs_results_suggestion(res);
    if (better)
        fprintf(out, "Did you mean: %s%s%s\n", st->color ? C_TITLE : "", better,
                st->color ? C_OFF : "");
    fputc('\n', out);
    for (size_t i = 0; i < ns; i++)
        session_hit(out, evs_results_hit(res, EVS_HIT_SESSION, i), offset + (unsigned)i + 1, st);
    if (nq) {
        fprintf(out, "%sQuotes%s\n\n", st->color ? C_TITLE : "", st->color ? C_OFF : "");
        for (size_t i = 0; i < nq; i++)
            quote_hit(out, evs_results_hit(res, EVS_HIT_QUOTE, i), (unsigned)i + 1, st);
    }
    render_facets(out, res, st);
}
