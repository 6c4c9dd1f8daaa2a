/*
 * detect_lang.c — a first, deliberately simple language guesser.
 *
 * Counts the frequent function words of each language among the words of
 * the text (compared after txt_fold, so the tables hold folded words:
 * lower case, no accents, σ for final sigma).  A word listed by k
 * languages gives each of them 1/k of a point, so that "de" or "la" weigh
 * little and the words proper to one language decide.  The best language
 * wins if it has at least two hits and half again the score of the
 * runner-up.  Greek is also recognised by its script.
 *
 * A later version replaces this with a character n-gram model.
 */
#include "analysis.h"
#include "internal.h"

#include <string.h>

#include <utf8proc.h>

/* Only the first words of a long text are looked at. */
#define DETECT_MAX_WORDS 4000
/* Function words are short; longer words are not even folded. */
#define DETECT_MAX_WORD 24
/* Score of a word proper to one language (divisible by 1..6). */
#define UNIT 60

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

static int is_greek(const char *word, size_t len)
{
    utf8proc_int32_t c;
    if (utf8proc_iterate((const utf8proc_uint8_t *)word,
                         (utf8proc_ssize_t)(len < 4 ? len : 4), &c) <= 0)
        return 0;
    return (c >= 0x0370 && c <= 0x03FF) || (c >= 0x1F00 && c <= 0x1FFF);
}

const char *txt_detect_lang(const char *text, size_t len)
{
    unsigned score[NLANGS] = { 0 }, hits[NLANGS] = { 0 };
    size_t cursor = 0, nwords = 0, greek = 0;
    txt_span w;
    buf f = BUF_INIT;

    while (nwords < DETECT_MAX_WORDS &&
           txt_next_word(text, len, &cursor, &w, NULL)) {
        const char *word = text + w.start;
        size_t wlen = w.end - w.start;
        nwords++;
        if (is_greek(word, wlen))
            greek++;
        if (wlen > DETECT_MAX_WORD)
            continue;
        buf_clear(&f);
        if (txt_fold(word, wlen, &f) < 0) {
            buf_free(&f);
            return NULL;
        }
        int in[NLANGS], k = 0;
        for (size_t l = 0; l < NLANGS; l++) {
            in[l] = listed(langs[l].words, f.data, f.len);
            k += in[l];
        }
        for (size_t l = 0; k && l < NLANGS; l++)
            if (in[l]) {
                score[l] += UNIT / (unsigned)k;
                hits[l]++;
            }
    }
    buf_free(&f);

    if (greek >= 2 && greek * 2 > nwords)
        return "el";

    size_t best = 0;
    for (size_t l = 1; l < NLANGS; l++)
        if (score[l] > score[best])
            best = l;
    unsigned second = 0;
    for (size_t l = 0; l < NLANGS; l++)
        if (l != best && score[l] > second)
            second = score[l];
    if (hits[best] < 2 || score[best] * 2 < second * 3 ||
        score[best] <= second)
        return NULL;
    return langs[best].code;
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
