/*
 * test_langid.c — language guessing (txt_detect_lang, among some
 * languages, by paragraph) and the langid model behind it: the model
 * compiled in, damaged copies, the index made on opening scoring as the
 * blob does, stopping early, several threads at once.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/analysis.h"
#include "analysis/internal.h"
#include "analysis/langid.h"
#include "tests/check.h"
#include "tests/unit/analysis_helpers.h"

/* --------------------------------------------------------------- language */

static const char *detect(const char *s)
{
    size_t len = strlen(s);
    char *t = exact_copy(s, len);
    const char *l = txt_detect_lang(t, len);
    free(t);
    return l;
}

/* Damaged copies of the model (cut short, bytes changed) are refused or
 * read without harm (ASan watches); returns the number refused wrongly. */
static int test_damaged_models(void)
{
    extern const unsigned char langid_model_blob[];
    extern const size_t langid_model_blob_size;
    size_t size = langid_model_blob_size;
    unsigned char *copy = malloc(size);
    if (!copy)
        return 1;
    int bad = 0;
    langid_model m;
    memcpy(copy, langid_model_blob, size);
    bad += langid_model_open(&m, copy, size) != 0;         /* whole: read */
    langid_model_close(&m);
    for (size_t cut = 0; cut < size; cut += size / 7 + 1) {
        unsigned char *part = malloc(cut ? cut : 1);       /* exact size for ASan */
        if (!part)
            break;
        memcpy(part, copy, cut);
        bad += langid_model_open(&m, part, cut) == 0;      /* short: refused */
        langid_model_close(&m);
        free(part);
    }
    uint32_t seed = 7;
    for (int round = 0; round < 40; round++) {
        memcpy(copy, langid_model_blob, size);
        for (int k = 0; k < 3; k++) {
            seed = seed * 1103515245u + 12345u;
            /* Mostly in the header and index, where it matters most. */
            size_t at = (round & 1) ? (seed >> 8) % 4096 : (seed >> 8) % size;
            copy[at] ^= (unsigned char)(1u << (seed >> 4 & 7));
        }
        if (langid_model_open(&m, copy, size) == 0) {
            langid_result r;
            const char *t = "Každý má právo na život, slobodu a osobnú bezpečnosť.";
            langid_score(&m, t, strlen(t), &r);
            langid_model_close(&m);
        }
    }
    free(copy);
    return bad;
}

/* ------------------------------------------------ scoring from the blob */

/* The model scored the plain way, from the blob as langid.c lays it out:
 * each key found by walking its bucket, each posting unpacked where it
 * lies.  Scoring reads an index made on opening instead; the scores must
 * be the same to the bit. */
static uint32_t blob_u32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
           (uint32_t)p[3] << 24;
}

static unsigned blob_posting(const langid_model *m, size_t i)
{
    size_t bit = i * LANGID_POSTING_BITS;
    return (unsigned)(blob_u32(m->postings + bit / 8) >> (bit % 8)) &
           ((1u << LANGID_POSTING_BITS) - 1);
}

#define POSTING_LAST (1u << (LANGID_VALUE_BITS + 5))

/* Keys found with LANGID_DENSE_MIN postings or more, and with fewer: the
 * texts must reach both ways the index keeps a key's postings. */
static size_t found_many, found_few;

/* The first posting of the key with hash h, or -1. */
static long blob_find(const langid_model *m, uint64_t h)
{
    size_t b = (size_t)(h & ((1u << m->bucket_bits) - 1));
    uint32_t key = blob_u32(m->buckets + b * 8), kend = blob_u32(m->buckets + b * 8 + 8);
    size_t post = blob_u32(m->buckets + b * 8 + 4);
    uint16_t fp = (uint16_t)(h >> 48);
    for (; key < kend; key++) {
        if ((m->fps[key * 2] | m->fps[key * 2 + 1] << 8) == fp) {
            size_t end = post;
            while (!(blob_posting(m, end++) & POSTING_LAST))
                ;
            if (end - post >= LANGID_DENSE_MIN)
                found_many++;
            else
                found_few++;
            return (long)post;
        }
        while (!(blob_posting(m, post++) & POSTING_LAST))
            ;
    }
    return -1;
}

static void blob_score(const langid_model *m, const char *text, size_t len, double *score)
{
    uint64_t acc[LANGID_KINDS][LANGID_MAX_LANGS] = { { 0 } };
    uint64_t backed[LANGID_MAX_LANGS] = { 0 }, unseen[LANGID_MAX_LANGS] = { 0 }, words = 0;
    langid_stream s;
    langid_grams g;
    size_t cursor = 0;
    langid_stream_init(&s);
    while (langid_stream_next(&s, text, len, &cursor, &g, NULL)) {
        uint32_t done = 0;
        for (unsigned n = g.count; g.count > g.first && n-- > g.first;) {
            long p = blob_find(m, g.h[n]);
            for (unsigned v = 0; p >= 0 && !(v & POSTING_LAST); p++) {
                v = blob_posting(m, (size_t)p);
                unsigned l = v >> LANGID_VALUE_BITS & 0x1F;
                if (!(done >> l & 1)) {
                    done |= 1u << l;
                    acc[n][l] += v & LANGID_MAX_VALUE;
                    backed[l] += g.count - 1 - n;
                }
            }
        }
        for (uint32_t l = 0; g.count > g.first && l < m->nlangs; l++)
            unseen[l] += !(done >> l & 1);
        if (g.word) {
            words++;
            long p = blob_find(m, g.h[LANGID_WORD]);
            for (unsigned v = 0; p >= 0 && !(v & POSTING_LAST); p++) {
                v = blob_posting(m, (size_t)p);
                acc[LANGID_WORD][v >> LANGID_VALUE_BITS & 0x1F] += v & LANGID_MAX_VALUE;
            }
        }
    }
    for (uint32_t l = 0; l < m->nlangs; l++) {
        double sc = 0;
        for (int n = 0; n < LANGID_ORDERS; n++)
            sc -= (double)acc[n][l] * m->step[n];
        sc += (double)backed[l] * m->backoff + (double)unseen[l] * m->unseen;
        sc += m->word_weight * ((double)words * m->word_floor[l] +
                                (double)acc[LANGID_WORD][l] * m->step[LANGID_WORD]);
        score[l] = sc;
    }
}

static void test_index_matches_blob(void)
{
    const langid_model *m = langid_default_model();
    CHECK(m != NULL);
    if (!m)
        return;
    /* Words of every script the model knows, and made-up ones from their
     * syllables, so that n-grams listed by one language, by many and by
     * none all come up. */
    static const char *const pieces[] = {
        "the ", "regional ", "policy ", "die ", "Regionen ", "Kohäsionspolitik ",
        "développement ", "régional ", "politica ", "di ", "coesione ", "desarrollo ",
        "rozwój ", "regionalny ", "spójności ", "soudržnosti ", "súdržnosti ",
        "regionális ", "fejlesztés ", "kohēzijas ", "sanglaudos ", "ühtekuuluvus ",
        "koheesio ", "sammanhållning ", "samhørighed ", "cohesie ", "coesão ",
        "coeziune ", "кохезионна ", "политика ", "συνοχής ", "πολιτική ",
        "kohezijska ", "politike ", "il-politika ", "ta’ ", "koeżjoni ",
        "comhtháthú ", "l'Europe ", "ää", "ść", "ğı", "ßt", "qz", "xx ", "ŋ", "日本 ",
        "a", "e", "st", "ch", "ij", "ou", "sz", "ł", "ő", "ø", "ņ", ". ", "- ", "12 ",
    };
    size_t np = sizeof pieces / sizeof pieces[0];
    uint32_t seed = 12345;
    size_t differ = 0;
    for (int round = 0; round < 400; round++) {
        char text[600];
        size_t len = 0;
        for (int k = 0; k < 1 + round % 40; k++) {
            seed = seed * 1103515245u + 12345u;
            const char *w = pieces[(seed >> 8) % np];
            size_t wl = strlen(w);
            if (len + wl >= sizeof text)
                break;
            memcpy(text + len, w, wl);
            len += wl;
        }
        langid_result r;
        double want[LANGID_MAX_LANGS];
        langid_score(m, text, len, &r);
        blob_score(m, text, len, want);
        for (uint32_t l = 0; l < m->nlangs; l++)
            differ += memcmp(&r.score[l], &want[l], sizeof want[l]) != 0;
    }
    CHECK_INT(differ, 0);
    CHECK(found_many > 1000);
    CHECK(found_few > 1000);
}

/* Reading stops once the language is clear: a long text is scored on its
 * start only, with the answer the whole text gives; without a margin (or a
 * mask) every character is read. */
static void test_detect_stops_early(void)
{
    const langid_model *m = langid_default_model();
    CHECK(m != NULL);
    if (!m)
        return;
    buf text = BUF_INIT;
    for (int i = 0; i < 40; i++)
        CHECK_INT(buf_puts(&text, "Die Regionen spielen eine wichtige Rolle bei der Umsetzung "
                                  "der Strategie und der Kohäsionspolitik. "), 0);
    uint32_t all = (1u << m->nlangs) - 1;
    langid_result whole, part;
    langid_score(m, text.data, text.len, &whole);
    langid_score_until(m, text.data, text.len, all, 60.0, &part);
    CHECK(part.grams >= LANGID_DECIDE_MIN);
    CHECK(part.grams * 10 < whole.grams);
    CHECK_INT(langid_best(m, &part, all, NULL), langid_best(m, &whole, all, NULL));
    CHECK_STR(m->codes[langid_best(m, &part, all, NULL)], "de");
    langid_score_until(m, text.data, text.len, 0, 60.0, &part);
    CHECK_INT(part.grams, whole.grams);
    langid_score_until(m, text.data, text.len, all, 1e300, &part);
    CHECK_INT(part.grams, whole.grams);
    buf_free(&text);
}

static void test_detect(void)
{
    static const char *const cases[][2] = {
        { "en", "The session presents how regions can build value chains "
                "and what the European Commission is doing to support them." },
        { "en", "Smart specialisation is at the heart of the new cohesion "
                "policy." },
        { "fr", "La session présente les chaînes de valeur et le rôle des "
                "régions dans la transition énergétique." },
        { "fr", "Résumé de la session : les villes sont au cœur de la "
                "politique de cohésion." },
        { "de", "Die Regionen spielen eine wichtige Rolle bei der "
                "Umsetzung der Strategie und sind auf die Unterstützung "
                "der Kommission angewiesen." },
        { "de", "Zusammenfassung: Wie kann die Wertschöpfungskette in "
                "den Regionen gestärkt werden?" },
        { "it", "La sessione presenta il ruolo delle regioni nella "
                "politica di coesione e gli strumenti per le città." },
        { "it", "Sintesi della sessione: le regioni sono al centro della "
                "strategia europea per la crescita." },
        { "es", "Los participantes debatieron sobre el papel de las "
                "regiones en la economía circular y los fondos europeos." },
        { "es", "La sesión presenta las cadenas de valor y el apoyo a las "
                "pequeñas empresas de la región." },
        { "pl", "Sesja przedstawia rolę regionów w polityce spójności oraz "
                "wsparcie dla małych i średnich przedsiębiorstw." },
        { "pl", "Region jest przykładem, jak można łączyć innowacje z "
                "tradycją przez współpracę z uczelniami." },
        { "nl", "De sessie laat zien hoe de regio's met steun van de "
                "Europese Unie een sterke economie kunnen opbouwen." },
        { "nl", "Het is belangrijk dat de steden ook worden betrokken bij "
                "het beleid voor de toekomst." },
        { "el", "Η συνεδρία παρουσιάζει τον ρόλο των περιφερειών στην "
                "πολιτική συνοχής και στην έξυπνη εξειδίκευση." },
        { "el", "Περίληψη της συνεδρίας για τις πόλεις και τους πολίτες." },
        { "pt", "A sessão apresenta o papel das regiões na política de "
                "coesão e os desafios para as cidades do futuro." },
        { "pt", "É importante que as cidades também participem na transição "
                "verde, mas não é fácil." },
        { "da", "Regionerne spiller en vigtig rolle i samhørighedspolitikken, "
                "og de har brug for støtte fra Kommissionen." },
        { "sv", "Det är viktigt att städerna också deltar i arbetet för den "
                "gröna omställningen." },
        { "fi", "On tärkeää, että myös kaupungit ovat mukana vihreässä "
                "siirtymässä, mutta se ei ole helppoa." },
        { "cs", "Regiony hrají důležitou roli v politice soudržnosti a "
                "potřebují podporu Komise, která je pro ně klíčová." },
        { "hu", "A régiók fontos szerepet játszanak a kohéziós politikában, "
                "és a Bizottság támogatására van szükségük." },
        { "ro", "Regiunile joacă un rol important în politica de coeziune și "
                "au nevoie de sprijinul Comisiei." },
        { "ro", "Este important ca orașele să participe la tranziția verde, "
                "dar nu este ușor." },
        /* The languages the first detector did not know. */
        { "bg", "Регионите играят важна роля в политиката на сближаване и "
                "се нуждаят от подкрепата на Комисията." },
        { "et", "Piirkonnad mängivad ühtekuuluvuspoliitikas olulist rolli ja "
                "vajavad komisjoni toetust." },
        { "ga", "Tá ról tábhachtach ag na réigiúin sa bheartas "
                "comhtháthaithe agus tá tacaíocht an Choimisiúin ag teastáil "
                "uathu." },
        { "hr", "Regije imaju važnu ulogu u kohezijskoj politici i trebaju "
                "potporu Komisije." },
        { "lt", "Regionai atlieka svarbų vaidmenį sanglaudos politikoje ir "
                "jiems reikia Komisijos paramos." },
        { "lv", "Reģioniem ir svarīga loma kohēzijas politikā, un tiem ir "
                "vajadzīgs Komisijas atbalsts." },
        { "mt", "Ir-reġjuni għandhom rwol importanti fil-politika ta’ "
                "koeżjoni u għandhom bżonn l-appoġġ tal-Kummissjoni." },
        { "sk", "Regióny zohrávajú dôležitú úlohu v politike súdržnosti a "
                "potrebujú podporu Komisie." },
        { "sl", "Regije imajo pomembno vlogo v kohezijski politiki in "
                "potrebujejo podporo Komisije." },
        /* A few words are enough. */
        { "en", "Everyone has the right" },
        { "de", "Zusammenfassung der Sitzung" },
        { "cs", "Regiony hrají důležitou roli" },
        { "sk", "Regióny zohrávajú dôležitú úlohu" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *got = detect(cases[i][1]);
        if (!got || strcmp(got, cases[i][0]) != 0)
            fprintf(stderr, "  detect(\"%.40s...\")\n", cases[i][1]);
        CHECK_STR(got, cases[i][0]);
    }

    CHECK_STR(detect(""), NULL);
    CHECK_STR(detect("2018"), NULL);
    CHECK_STR(detect("09C14 - 07/10/2009 14:30-17:00"), NULL);
    CHECK_STR(detect("Brussels"), NULL);
    CHECK_STR(detect("de la"), NULL);           /* too little to tell */
    CHECK_STR(detect("Brüssel"), NULL);         /* German or Estonian */
    /* The first detector, counting function words, wanted two of them; the
     * n-gram model knows "the" and "und" well enough. */
    CHECK_STR(detect("the Commission"), "en");
    CHECK_STR(detect("und Brüssel"), "de");
    /* Greek by its script, with no function word. */
    CHECK_STR(detect("Περιφερειακή ανάπτυξη, Ελλάδα 2018"), "el");
    CHECK_STR(detect("\xff\xfe\xfd"), NULL);
    CHECK_STR(txt_detect_lang(NULL, 0), NULL);

    /* Among some languages only. */
    static const char *const sk_en[] = { "sk", "en", NULL };
    static const char *const cs_only[] = { "cs", NULL };
    static const char *const unknown[] = { "xx", "no", NULL };
    const char *cs = "Regiony hrají důležitou roli v politice soudržnosti.";
    CHECK_STR(txt_detect_lang_among(cs, strlen(cs), NULL), "cs");
    CHECK_STR(txt_detect_lang_among(cs, strlen(cs), sk_en), "sk");
    CHECK_STR(txt_detect_lang_among(cs, strlen(cs), cs_only), "cs");
    CHECK_STR(txt_detect_lang_among(cs, strlen(cs), unknown), NULL);
    CHECK_STR(txt_detect_lang_among("2018 ab", 7, cs_only), NULL); /* still too short */

    /* The model compiled in reads back whole; a damaged one does not. */
    const langid_model *m = langid_default_model();
    CHECK(m != NULL);
    if (m)
        CHECK_INT(m->nlangs, 24);
    CHECK_INT(test_damaged_models(), 0);
}

/* A mixed page, paragraph by paragraph. */
typedef struct para_seen {
    char got[8][48];
    size_t n;
} para_seen;

static int on_para(void *ctx, txt_span p, const char *lang)
{
    para_seen *s = ctx;
    if (s->n < 8)
        snprintf(s->got[s->n], sizeof s->got[0], "%zu-%zu %s", p.start, p.end,
                 lang ? lang : "-");
    s->n++;
    return s->n == 99;      /* a non-zero return stops the walk */
}

static void test_detect_paragraphs(void)
{
    const char *page =
        "Résumé de la session\n"
        "Les régions sont au cœur de la politique de cohésion.\n"
        "\n  \n"
        "  The regions are at the heart of cohesion policy.  \r\n"
        "Brüssel\n"
        "Die Regionen stehen im Mittelpunkt der Kohäsionspolitik.";
    para_seen s = { .n = 0 };
    size_t len = strlen(page);
    CHECK_INT(txt_detect_paragraphs(page, len, NULL, on_para, &s), 0);
    CHECK_INT(s.n, 5);
    CHECK_STR(s.got[0], "0-22 fr");      /* a heading: from what follows */
    CHECK_STR(s.got[1], "23-79 fr");
    CHECK_STR(s.got[2], "86-134 en");
    CHECK_STR(s.got[3], "138-146 de");   /* too short: from what follows */
    CHECK_STR(s.got[4], "147-204 de");
    CHECK_INT(len, 204);

    /* Nothing to tell at all; empty text; fn stops the walk. */
    s.n = 0;
    CHECK_INT(txt_detect_paragraphs("2018\n\nBrussels\n", 15, NULL, on_para, &s), 0);
    CHECK_INT(s.n, 2);
    CHECK_STR(s.got[0], "0-4 -");
    s.n = 0;
    CHECK_INT(txt_detect_paragraphs("", 0, NULL, on_para, &s), 0);
    CHECK_INT(s.n, 0);
    s.n = 98;
    CHECK_INT(txt_detect_paragraphs(page, len, NULL, on_para, &s), 1);
    CHECK_INT(s.n, 99);
}

/* Detection from several threads at once gives what it gives alone. */
#define DETECT_THREADS 4

static const char *const thread_texts[] = {
    "Regióny zohrávajú dôležitú úlohu v politike súdržnosti.",
    "Regiony hrají důležitou roli v politice soudržnosti.",
    "Ir-reġjuni għandhom rwol importanti fil-politika ta’ koeżjoni.",
    "Tá ról tábhachtach ag na réigiúin.",
    "Die Regionen stehen im Mittelpunkt.",
    "de la",
};
#define NTHREAD_TEXTS (sizeof thread_texts / sizeof thread_texts[0])

static void *detect_thread(void *arg)
{
    const char **out = arg;
    for (int round = 0; round < 50; round++)
        for (size_t i = 0; i < NTHREAD_TEXTS; i++) {
            const char *l = txt_detect_lang(thread_texts[i], strlen(thread_texts[i]));
            if (round == 0)
                out[i] = l;
            else if (l != out[i])
                out[i] = "mismatch";
        }
    return NULL;
}

static void test_detect_threads(void)
{
    pthread_t t[DETECT_THREADS];
    const char *got[DETECT_THREADS][NTHREAD_TEXTS];
    for (int i = 0; i < DETECT_THREADS; i++)
        CHECK_INT(pthread_create(&t[i], NULL, detect_thread, got[i]), 0);
    for (int i = 0; i < DETECT_THREADS; i++)
        pthread_join(t[i], NULL);
    for (size_t k = 0; k < NTHREAD_TEXTS; k++) {
        const char *alone = txt_detect_lang(thread_texts[k], strlen(thread_texts[k]));
        for (int i = 0; i < DETECT_THREADS; i++)
            CHECK_STR(got[i][k], alone);
    }
}

int main(void)
{
    test_detect();
    test_detect_stops_early();
    test_index_matches_blob();
    test_detect_paragraphs();
    test_detect_threads();
    return check_exit();
}
