/*
 * detect_lang.c — language detection (see analysis.h), and the function
 * words that snippets leave unmarked.
 *
 * Detection scores the text with the character n-gram model of langid.c
 * (the model compiled into the library) and takes the best language among
 * those allowed, unless the text has too few letters or the best is not
 * clearly ahead of the runner-up.
 *
 * The function words are short lists per language, compared after
 * txt_fold (so the tables hold folded words: lower case, no accents, σ for
 * final sigma).
 */
#include "analysis.h"
#include "internal.h"
#include "langid.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

typedef struct lang_words {
    const char *code;
    const char *const *words;           /* NULL-terminated, folded */
} lang_words;

static const char *const w_en[] = {
    "the", "of", "and", "to", "in", "is", "that", "for", "it", "with", "as",
    "was", "on", "are", "be", "by", "this", "from", "at", "or", "an",
    "which", "have", "has", "not", "will", "their", "we", "our", "they",
    "been", "can", "its", "these", NULL
};
static const char *const w_fr[] = {
    "le", "la", "les", "de", "des", "du", "et", "est", "un", "une", "en",
    "dans", "que", "qui", "pour", "par", "sur", "au", "aux", "avec", "ce",
    "cette", "ne", "pas", "plus", "sont", "il", "elle", "nous", "leur",
    "ses", "son", "ou", "ont", "etre", NULL
};
static const char *const w_de[] = {
    "der", "die", "das", "und", "ist", "nicht", "mit", "von", "zu", "den",
    "dem", "des", "ein", "eine", "einer", "im", "auf", "fur", "sich",
    "auch", "es", "als", "wird", "werden", "sind", "bei", "oder", "aus",
    "nach", "wie", "uber", "dass", "wir", "ich", NULL
};
static const char *const w_it[] = {
    "il", "lo", "la", "le", "gli", "di", "del", "della", "dei", "delle",
    "che", "e", "un", "una", "per", "con", "non", "sono", "nel", "nella",
    "da", "al", "alla", "si", "come", "anche", "piu", "questo", "questa",
    "degli", "tra", "ed", "ha", "essere", NULL
};
static const char *const w_es[] = {
    "el", "la", "los", "las", "de", "del", "y", "que", "en", "un", "una",
    "por", "con", "para", "es", "se", "no", "al", "lo", "como", "mas", "su",
    "sus", "son", "esta", "este", "pero", "entre", "sobre", "ha", "han",
    "muy", "tambien", NULL
};
static const char *const w_pt[] = {
    "o", "os", "a", "as", "de", "do", "da", "dos", "das", "e", "em", "no",
    "na", "nos", "nas", "um", "uma", "que", "para", "com", "por", "nao",
    "se", "mais", "como", "ao", "foi", "sao", "pelo", "pela", "tambem",
    "seu", "sua", "esta", NULL
};
static const char *const w_nl[] = {
    "de", "het", "een", "en", "van", "in", "is", "dat", "die", "op", "te",
    "zijn", "met", "voor", "niet", "aan", "er", "om", "ook", "als", "bij",
    "door", "wordt", "worden", "naar", "maar", "deze", "dit", "uit", "kan",
    "wij", "onze", NULL
};
static const char *const w_pl[] = {
    "i", "w", "z", "na", "sie", "nie", "do", "to", "ze", "jest", "o",
    "jak", "od", "za", "po", "co", "dla", "oraz", "przez", "ktore",
    "ktory", "ktora", "tak", "jego", "tym", "sa", "jako", "czy", "przy",
    "jej", "tylko", "byc", NULL
};
static const char *const w_el[] = {
    "και", "το", "του", "η", "ο", "οι", "τα", "των", "την",
    "τον", "με", "σε", "για", "απο", "που", "στο", "στη", "στην", "στα",
    "στισ", "στουσ", "ειναι", "θα", "να", "δεν", "ωσ", "τισ", "τουσ",
    "μια", "ενα", "οτι", "τησ", "ηταν", NULL
};
static const char *const w_da[] = {
    "og", "i", "at", "det", "er", "en", "til", "af", "som", "pa", "den",
    "med", "for", "de", "har", "ikke", "et", "der", "sig", "vi", "kan",
    "om", "var", "fra", "men", "eller", "ved", "vil", "skal", "blev",
    "hvor", "ogsa", NULL
};
static const char *const w_sv[] = {
    "och", "i", "att", "det", "som", "en", "pa", "ar", "av", "for", "med",
    "till", "den", "har", "de", "inte", "om", "ett", "var", "jag", "vi",
    "kan", "sig", "men", "eller", "fran", "vid", "ska", "sa", "nar",
    "ocksa", "hur", NULL
};
static const char *const w_fi[] = {
    "ja", "on", "ei", "se", "etta", "oli", "han", "mutta", "kun", "niin",
    "joka", "jos", "ovat", "myos", "tai", "kuin", "tama", "sen", "ole",
    "nyt", "olla", "mita", "vain", "jo", "sita", "siita", "voi", "kanssa",
    "olisi", "mika", "joita", "jotka", NULL
};
static const char *const w_cs[] = {
    "a", "v", "se", "na", "je", "ze", "s", "z", "o", "k", "do", "to", "i",
    "pro", "jako", "ktery", "ktera", "ale", "by", "jsou", "jeho", "tak",
    "od", "po", "bylo", "byl", "jsem", "jak", "take", "pri", "nebo", "si",
    "ve", NULL
};
static const char *const w_hu[] = {
    "a", "az", "es", "hogy", "nem", "is", "egy", "meg", "van", "de", "ez",
    "azt", "csak", "mint", "vagy", "volt", "ha", "mar", "el", "sem",
    "kell", "ezt", "pedig", "ami", "amely", "lesz", "szerint", "utan",
    "nagyon", "majd", "nincs", NULL
};
static const char *const w_ro[] = {
    "si", "de", "in", "la", "a", "cu", "care", "pe", "nu", "o", "un",
    "din", "se", "ca", "mai", "sa", "sunt", "este", "pentru", "ce", "al",
    "ai", "fost", "sau", "prin", "lui", "acest", "aceasta", "dar",
    "despre", "fi", "au", "ale", "lor", "iar", "dupa", "intre", "cel",
    "cea", NULL
};

static const lang_words langs[] = {
    { "en", w_en }, { "fr", w_fr }, { "de", w_de }, { "it", w_it },
    { "es", w_es }, { "pt", w_pt }, { "nl", w_nl }, { "pl", w_pl },
    { "el", w_el }, { "da", w_da }, { "sv", w_sv }, { "fi", w_fi },
    { "cs", w_cs }, { "hu", w_hu }, { "ro", w_ro },
};
#define NLANGS (sizeof langs / sizeof langs[0])

static int listed(const char *const *words, const char *w, size_t len)
{
    for (; *words; words++)
        if (strlen(*words) == len && memcmp(*words, w, len) == 0)
            return 1;
    return 0;
}

/* ------------------------------------------------------------ detection */

/* Only the start of a long text is read. */
#define DETECT_MAX_BYTES ((size_t)1 << 20)
/* Reading stops once the leader is this far ahead (nats), after
 * LANGID_DECIDE_MIN characters (langid.h tells how both were chosen).
 * Detection had been 44% of evindex's instructions. */
#define DETECT_DECIDED 60.0

extern const unsigned char langid_model_blob[];
extern const size_t langid_model_blob_size;

static langid_model model;
static int model_ok;
static pthread_once_t model_once = PTHREAD_ONCE_INIT;

static void model_init(void)
{
    model_ok = langid_model_open(&model, langid_model_blob, langid_model_blob_size) == 0;
}

const langid_model *langid_default_model(void)
{
    pthread_once(&model_once, model_init);
    return model_ok ? &model : NULL;
}

/* The model's languages among codes (NULL: all), as a bit mask. */
static uint32_t lang_mask(const langid_model *m, const char *const *codes)
{
    if (!codes)
        return m->nlangs == 32 ? 0xFFFFFFFFu : (1u << m->nlangs) - 1;
    uint32_t mask = 0;
    for (; *codes; codes++) {
        int l = langid_lang_index(m, *codes);
        if (l >= 0)
            mask |= 1u << l;
    }
    return mask;
}

int txt_lang_known(const char *code)
{
    const langid_model *m = langid_default_model();
    return m && code && langid_lang_index(m, code) >= 0;
}

const char *txt_detect_lang_among(const char *text, size_t len, const char *const *codes)
{
    const langid_model *m = langid_default_model();
    if (!m || !text)
        return NULL;
    uint32_t mask = lang_mask(m, codes);
    if (!mask)
        return NULL;
    /* The first megabyte tells; a longer text is cut at a character. */
    if (len > DETECT_MAX_BYTES) {
        len = DETECT_MAX_BYTES;
        while (len > 0 && ((unsigned char)text[len] & 0xC0) == 0x80)
            len--;
    }
    langid_result r;
    langid_score_until(m, text, len, mask, DETECT_DECIDED, &r);
    int best = langid_best(m, &r, mask, NULL);
    return best < 0 ? NULL : m->codes[best];
}

const char *txt_detect_lang(const char *text, size_t len)
{
    return txt_detect_lang_among(text, len, NULL);
}

typedef struct para {
    txt_span span;
    const char *lang;
} para;

static int is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

int txt_detect_paragraphs(const char *text, size_t len, const char *const *codes,
                          txt_para_fn fn, void *ctx)
{
    para *ps = NULL;
    size_t n = 0, cap = 0;
    for (size_t i = 0; i < len;) {
        size_t end = i;
        while (end < len && text[end] != '\n')
            end++;
        size_t a = i, b = end;
        while (a < b && is_blank(text[a]))
            a++;
        while (b > a && is_blank(text[b - 1]))
            b--;
        if (a < b) {
            if (n == cap) {
                size_t c = cap ? cap * 2 : 16;
                para *q = realloc(ps, c * sizeof *q);
                if (!q) {
                    free(ps);
                    return -1;
                }
                ps = q;
                cap = c;
            }
            ps[n].span = (txt_span){ a, b };
            ps[n].lang = txt_detect_lang_among(text + a, b - a, codes);
            n++;
        }
        i = end + 1;
    }
    /* Too short to tell: the language of the next paragraph that tells (a
     * heading belongs with what follows it), else of the one before. */
    const char *next = NULL;
    for (size_t k = n; k-- > 0;) {
        if (ps[k].lang)
            next = ps[k].lang;
        else
            ps[k].lang = next;
    }
    const char *prev = NULL;
    for (size_t k = 0; k < n; k++) {
        if (ps[k].lang)
            prev = ps[k].lang;
        else
            ps[k].lang = prev;
    }
    int rc = 0;
    for (size_t k = 0; k < n && rc == 0; k++)
        rc = fn(ctx, ps[k].span, ps[k].lang);
    free(ps);
    return rc;
}

int txt_detect_check_tables(const char **bad)
{
    buf f = BUF_INIT;
    int n = 0;
    for (size_t l = 0; l < NLANGS; l++)
        for (const char *const *w = langs[l].words; *w; w++) {
            buf_clear(&f);
            if (txt_fold(*w, strlen(*w), &f) < 0 || strcmp(f.data, *w) != 0) {
                if (bad)
                    *bad = *w;
                n++;
            }
        }
    buf_free(&f);
    return n;
}

int txt_is_function_word(const char *term, size_t len)
{
    for (size_t l = 0; l < NLANGS; l++)
        if (listed(langs[l].words, term, len))
            return 1;
    return 0;
}
