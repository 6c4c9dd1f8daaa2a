/*
 * evgen_layout.c — one session laid out as the text of a page, in the
 * layout of corpus/000_acfea4267ebb15da.txt: title, date and time,
 * description, speakers, theme, organiser, interpretation, summary,
 * take-away, quotes and the site's footer.  Labels, dates, roles,
 * institutions and themes are in the page's language (langdata.c); the
 * text is drawn from its word model (textmodel.c), sprinkled with the
 * vocabulary of regional policy so that benchmark queries find something.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "evgen_layout.h"
#include "evgen_models.h"
#include "langdata.h"
#include "rng.h"
#include "sbuf.h"
#include "textmodel.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* ------------------------------------------------------------ helpers */

/* Every draw from the generator is its own statement, or sequenced by &&,
 * || or ?:, never two in the arguments of one call or one initializer:
 * their order is unspecified, and gcc and clang differ. */

static size_t list_len(const char *const *list, size_t max)
{
    size_t n = 0;
    while (n < max && list[n])
        n++;
    return n;
}

/* An entry of a NULL-terminated list of at most max strings. */
static const char *pick(rng *r, const char *const *list, size_t max)
{
    return list[rng_below(r, (uint32_t)list_len(list, max))];
}

#define PICK(r, list) pick((r), (list), COUNT(list))

/* Popular topics first: weight 1200 / (k + 6) for the k-th phrase. */
static int pick_phrase_index(rng *r)
{
    static uint32_t cum[N_PHRASES];
    if (!cum[0]) {
        uint32_t t = 0;
        for (int k = 0; k < N_PHRASES; k++)
            cum[k] = t += 1200u / (uint32_t)(k + 6);
    }
    uint32_t x = rng_below(r, cum[N_PHRASES - 1]);
    for (int k = 0; k < N_PHRASES; k++)
        if (x < cum[k])
            return k;
    return 0;
}

/* Monday = 0 .. Sunday = 6 (Sakamoto's method). */
static int weekday(int y, int m, int d)
{
    static const int t[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
    if (m < 3)
        y--;
    int sun0 = (y + y / 4 - y / 100 + y / 400 + t[m - 1] + d) % 7;
    return (sun0 + 6) % 7;
}

/* ------------------------------------------------------------ people */

typedef struct person {
    char name[160];
    int country;         /* the country on the speaker line */
    const char *role;
    const char *org;
    int eu;
    int female;
} person;

typedef struct page {
    const lang *lg;
    const lang_info *L;
    rng *r;
    int topic;           /* the phrase the session is about, or -1 */
    int greek;           /* write Greek people in Greek script */
    person sp[6];
    int nsp;
} page;

static void make_name(page *p, person *who, int country)
{
    const country_info *c = &evgen_countries[country];
    int female = who->female = rng_chance(p->r, 1, 2);
    int el = p->greek && c->first_m_el[0];
    const char *first = female ? el ? PICK(p->r, c->first_f_el) : PICK(p->r, c->first_f)
                        : el    ? PICK(p->r, c->first_m_el)
                                : PICK(p->r, c->first_m);
    const char *last = el ? PICK(p->r, c->last_el) : PICK(p->r, c->last);
    const char *bar = strchr(last, '|');       /* "Novák|Nováková" */
    if (!bar)
        snprintf(who->name, sizeof who->name, "%s %s", first, last);
    else if (female)
        snprintf(who->name, sizeof who->name, "%s %s", first, bar + 1);
    else
        snprintf(who->name, sizeof who->name, "%s %.*s", first,
                 (int)(bar - last), last);
}

static void make_person(page *p, person *who, int chair)
{
    rng *r = p->r;
    int home = p->L->home[rng_below(r, p->L->home[1] >= 0 ? 2 : 1)];
    int nationality = home >= 0 && rng_chance(r, 60, 100)
                          ? home
                          : (int)rng_below(r, N_COUNTRIES);
    for (int tries = 0; tries < 8; tries++) {
        make_name(p, who, nationality);
        int dup = 0;
        for (int i = 0; i < p->nsp; i++)
            dup |= strcmp(p->sp[i].name, who->name) == 0;
        if (!dup)
            break;
    }
    who->eu = rng_chance(r, 25, 100);
    if (who->eu) {
        static const uint32_t w[N_EU_ORGS] = {50, 20, 15, 10, 5};
        uint32_t x = rng_below(r, 100), k = 0;
        while (k + 1 < N_EU_ORGS && x >= w[k])
            x -= w[k++];
        who->org = p->L->eu_orgs[k];
        who->country = C_BE;
        /* Director, Head of Unit, Policy Officer, Deputy Director-General;
         * in the Parliament, a Member */
        static const int eu_roles[] = {1, 2, 3, 3, 7};
        who->role = k == 2 ? p->L->roles[8]
                           : p->L->roles[eu_roles[rng_below(r, COUNT(eu_roles))]];
    } else {
        const country_info *c = &evgen_countries[nationality];
        who->org = p->greek && c->orgs_el[0] ? PICK(r, c->orgs_el) : PICK(r, c->orgs);
        who->country = nationality;
        static const int local_roles[] = {1, 2, 3, 4, 5, 6, 9};
        who->role = p->L->roles[local_roles[rng_below(r, COUNT(local_roles))]];
    }
    if (chair)
        who->role = p->L->roles[0];
}

/* "Name" or, now and then, the name as a scraper lost its accents. */
static void put_name(page *p, sbuf *out, const person *who)
{
    if (rng_chance(p->r, 4, 100))
        tm_put_unaccented(out, who->name);
    else
        sbuf_puts(out, who->name);
}

/* ------------------------------------------------------------ text */

/* A phrase of the regional policy vocabulary to place in a sentence: the
 * session's topic with probability topic_pct (per cent), else another
 * phrase with probability other_pm (per mille), else none.  Topics recur
 * within their sessions; other phrases are rare, as in real pages. */
static const char *maybe_phrase(page *p, unsigned topic_pct, unsigned other_pm)
{
    if (p->topic >= 0 && rng_chance(p->r, topic_pct, 100))
        return p->L->phrases[p->topic];
    if (rng_chance(p->r, other_pm, 1000))
        return p->L->phrases[pick_phrase_index(p->r)];
    return NULL;
}

static void sentence(page *p, sbuf *out, unsigned min, unsigned max,
                     const char *insert, int capitalise)
{
    tm_opts o = {min, max, 1, capitalise, 1, insert,
                 insert ? (unsigned)rng_below(p->r, min) : 0};
    tm_sentence(p->lg->model, p->r, out, &o);
}

/* A paragraph of n sentences; the first carries first_insert if any. */
static void paragraph(page *p, sbuf *out, int n, const char *first_insert)
{
    for (int i = 0; i < n; i++) {
        if (i)
            sbuf_putc(out, ' ');
        sentence(p, out, 10, 34, i == 0 && first_insert ? first_insert
                                                       : maybe_phrase(p, 3, 10),
                 1);
    }
}

static void title(page *p, sbuf *out)
{
    const char *topic = p->topic >= 0 ? p->L->phrases[p->topic] : NULL;
    uint32_t form = topic ? rng_below(p->r, 100) : 100;
    tm_opts o = {4, 9, 0, 1, 0, NULL, 0};
    if (form < 45) {
        tm_put_capitalised(out, topic, strlen(topic));
        sbuf_puts(out, ": ");
        o.capitalise = 0;
    } else if (form < 75) {
        o.min_words = 5;
        o.max_words = 11;
        o.insert = topic;
        o.insert_at = rng_below(p->r, 5);
    } else {
        o.min_words = 5;
        o.max_words = 11;
    }
    tm_sentence(p->lg->model, p->r, out, &o);
    sbuf_putc(out, '\n');
}

/* The description: its last sentence has no comma and at least eight
 * words, so that the paragraph never has the shape of a speaker line
 * ("Name, Role, Organisation, Country.") that follows it. */
static void description(page *p, sbuf *out)
{
    int paras = rng_chance(p->r, 1, 4) ? 2 : 1;
    for (int k = 0; k < paras; k++) {
        int n = rng_range(p->r, 3, 5);
        paragraph(p, out, n, k == 0 ? maybe_phrase(p, 80, 20) : NULL);
        if (k == paras - 1) {
            tm_opts o = {8, 20, 0, 1, 1, maybe_phrase(p, 5, 10), 0};
            o.insert_at = o.insert ? rng_below(p->r, 6) : 0;
            sbuf_putc(out, ' ');
            tm_sentence(p->lg->model, p->r, out, &o);
        }
        sbuf_puts(out, "\n\n");
    }
}

static void speakers(page *p, sbuf *out)
{
    for (int i = 0; i < p->nsp; i++) {
        const person *s = &p->sp[i];
        sbuf_puts(out, s->name);
        sbuf_puts(out, ", ");
        sbuf_puts(out, s->role);
        sbuf_puts(out, ", ");
        sbuf_puts(out, s->org);
        sbuf_puts(out, ", ");
        sbuf_puts(out, evgen_countries[s->country].names[p->lg->index]);
        sbuf_puts(out, ".\n");
    }
}

static void organiser(page *p, sbuf *out)
{
    uint32_t form = rng_below(p->r, 100);
    const person *a = &p->sp[rng_below(p->r, (uint32_t)p->nsp)];
    if (form < 50) {
        sbuf_puts(out, a->org);
    } else if (form < 80) {
        const person *b = &p->sp[rng_below(p->r, (uint32_t)p->nsp)];
        sbuf_puts(out, a->org);
        if (b->org != a->org) {
            sbuf_putc(out, ' ');
            sbuf_puts(out, p->L->and_word);
            sbuf_putc(out, ' ');
            sbuf_puts(out, b->org);
        }
    } else {
        sbuf_puts(out, p->L->eu_orgs[rng_below(p->r, 2)]);
    }
    sbuf_putc(out, '\n');
}

/* "Deutsch (DE), English (EN), Français (FR)": English, the page's
 * language and up to two more, in the order of their codes. */
static void interpretation(page *p, sbuf *out)
{
    int on[64] = {0};
    on[0] = 1;
    on[p->lg->index] = 1;
    int more = (int)rng_below(p->r, 3);
    for (int i = 0; i < more; i++)
        on[rng_below(p->r, (uint32_t)evgen_n_langs)] = 1;
    int first = 1;
    for (;;) {          /* selection by code: the list is short */
        int best = -1;
        for (int i = 0; i < evgen_n_langs; i++)
            if (on[i] && (best < 0 || strcmp(evgen_langs[i].code,
                                             evgen_langs[best].code) < 0))
                best = i;
        if (best < 0)
            break;
        on[best] = 0;
        if (!first)
            sbuf_puts(out, ", ");
        first = 0;
        sbuf_puts(out, evgen_langs[best].name);
        sbuf_puts(out, " (");
        for (const char *c = evgen_langs[best].code; *c; c++)
            sbuf_putc(out, (char)(*c - 'a' + 'A'));
        sbuf_putc(out, ')');
    }
    sbuf_putc(out, '\n');
}

static void summary(page *p, sbuf *out)
{
    int paras = rng_range(p->r, 3, 7);
    for (int k = 0; k < paras; k++) {
        int n = rng_range(p->r, 4, 8);
        if (rng_chance(p->r, 60, 100)) {   /* "Name (Organisation) said …" */
            const person *s = &p->sp[k % p->nsp];
            put_name(p, out, s);
            if (rng_chance(p->r, 1, 2)) {
                sbuf_puts(out, " (");
                sbuf_puts(out, s->org);
                sbuf_putc(out, ')');
            }
            sbuf_putc(out, ' ');
            if (rng_chance(p->r, 70, 100)) {    /* "… stressed that" */
                const char *const *said =
                    s->female && p->L->said_f[0] ? p->L->said_f : p->L->said;
                sbuf_puts(out, said[rng_below(p->r, 4)]);
                sbuf_putc(out, ' ');
            }
            const char *ins = maybe_phrase(p, 35, 30);
            tm_opts o = {10, 34, 1, 0, 1, ins, ins ? rng_below(p->r, 10) : 0};
            tm_sentence(p->lg->model, p->r, out, &o);
            if (n > 1)
                sbuf_putc(out, ' ');
            paragraph(p, out, n - 1, NULL);
        } else {
            paragraph(p, out, n, maybe_phrase(p, 35, 30));
        }
        sbuf_puts(out, "\n\n");
    }
}

static void quotes(page *p, sbuf *out)
{
    int n = rng_range(p->r, 1, 3);
    if (n > p->nsp)
        n = p->nsp;
    int start = (int)rng_below(p->r, (uint32_t)p->nsp);
    for (int k = 0; k < n; k++) {
        const person *s = &p->sp[(start + k) % p->nsp];
        sbuf_puts(out, s->name);
        if (rng_chance(p->r, 80, 100)) {
            sbuf_puts(out, " (");
            sbuf_puts(out, s->org);
            sbuf_puts(out, ")\n\n");
        } else {
            sbuf_puts(out, ", ");
            sbuf_puts(out, s->org);
            sbuf_puts(out, "\n\n");
        }
        int sentences = rng_range(p->r, 2, 5);  /* first: see "helpers" */
        paragraph(p, out, sentences, maybe_phrase(p, 15, 20));
        sbuf_puts(out, "\n\n");
    }
}

void layout_page(sbuf *out, uint64_t seed, uint64_t index)
{
    rng r;
    rng_init(&r, seed, index);
    page p = {0};
    p.r = &r;
    p.lg = models_pick_lang(&r);
    p.L = p.lg->info;
    p.greek = strcmp(p.L->code, "el") == 0;
    p.topic = rng_chance(&r, 60, 100) ? pick_phrase_index(&r) : -1;
    int n_speakers = rng_range(&r, 2, 6);
    int chaired = rng_chance(&r, 1, 2);
    for (int i = 0; i < n_speakers; i++) {
        make_person(&p, &p.sp[i], chaired && i == 0);
        p.nsp++;
    }

    out->len = 0;
    title(&p, out);
    sbuf_putc(out, '\n');

    /* "Thu 11, October 2018" and "16:30 - 18:00 CET" */
    int year = rng_range(&r, 2003, 2024);
    int monday = 5;
    while (weekday(year, 10, monday) != 0)
        monday++;
    int day = monday + (int)rng_below(&r, 4);
    static const int starts[] = {9 * 60, 9 * 60 + 30, 11 * 60, 11 * 60 + 15,
                                 14 * 60, 14 * 60 + 30, 16 * 60 + 30, 17 * 60};
    static const int lengths[] = {60, 90, 90, 120};
    int start = starts[rng_below(&r, COUNT(starts))];
    int end = start + lengths[rng_below(&r, COUNT(lengths))];
    uint32_t zone = rng_below(&r, 100);
    char line[128];
    snprintf(line, sizeof line, "%s %d, %s %d\n%02d:%02d - %02d:%02d%s\n\n",
             p.L->wday[weekday(year, 10, day)], day, p.L->october, year,
             start / 60, start % 60, end / 60, end % 60,
             zone < 55 ? " CEST" : zone < 85 ? " CET" : "");
    sbuf_puts(out, line);

    description(&p, out);
    speakers(&p, out);
    sbuf_puts(out, p.L->themes[rng_below(&r, N_THEMES)]);
    sbuf_putc(out, '\n');
    organiser(&p, out);
    interpretation(&p, out);

    sbuf_putc(out, '\n');
    sbuf_puts(out, p.L->summary);
    sbuf_puts(out, "\n\n");
    summary(&p, out);

    sbuf_puts(out, p.L->takeaway);
    sbuf_puts(out, "\n\n");
    int n = rng_range(&r, 2, 3);
    paragraph(&p, out, n, maybe_phrase(&p, 50, 20));
    sbuf_puts(out, "\n\n\n");

    quotes(&p, out);

    sbuf_puts(out, "\nThis is Your session \xE2\x80\x93 comment and interact!\n"
                   "Be the first to add your comment regarding to this session!\n"
                   "Any comment not related to the session itself will be "
                   "ignored and deleted.\n");
}
