/*
 * function_words.c — the function words that snippets leave unmarked
 * (txt_is_function_word, analysis.h).
 *
 * Short lists per language, compared after txt_fold (so the tables hold
 * folded words: lower case, no accents, σ for final sigma).  Snippets ask
 * about each word of a query for every hit, so the words of all the lists
 * are sorted once into one array and looked up by binary search: walking
 * the lists had cost 11,000 instructions a question, 1.8% of a benchmark
 * query's.
 */
#include "analysis.h"
#include "internal.h"

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

/* Every word of the lists, sorted by compare_words; NULL if memory ran out
 * (then no word is a function word: snippets mark them too, nothing is
 * lost but their quiet). */
static const char **sorted;
static size_t n_sorted;
static pthread_once_t sorted_once = PTHREAD_ONCE_INIT;

/* Bytes first, then length: a word sorts before its extensions. */
static int compare_text(const char *a, size_t alen, const char *b, size_t blen)
{
    int c = memcmp(a, b, alen < blen ? alen : blen);
    return c ? c : (alen > blen) - (alen < blen);
}

static int compare_words(const void *x, const void *y)
{
    const char *a = *(const char *const *)x, *b = *(const char *const *)y;
    return compare_text(a, strlen(a), b, strlen(b));
}

/* Puts every word of the lists into v (NULL: only counts them). */
static size_t all_words(const char **v)
{
    size_t n = 0;
    for (size_t l = 0; l < NLANGS; l++)
        for (const char *const *w = langs[l].words; *w; w++, n++)
            if (v)
                v[n] = *w;
    return n;
}

static void sort_words(void)
{
    size_t n = all_words(NULL);
    const char **v = malloc(n * sizeof *v);
    if (!v)
        return;
    all_words(v);
    qsort(v, n, sizeof *v, compare_words);
    sorted = v;
    n_sorted = n;
}

int txt_is_function_word(const char *term, size_t len)
{
    pthread_once(&sorted_once, sort_words);
    size_t lo = 0, hi = n_sorted;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = compare_text(sorted[mid], strlen(sorted[mid]), term, len);
        if (c == 0)
            return 1;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

int txt_function_words_check(const char **bad)
{
    buf f = BUF_INIT;
    int n = 0;
    for (size_t l = 0; l < NLANGS; l++)
        for (const char *const *w = langs[l].words; *w; w++) {
            buf_clear(&f);
            if (txt_fold(*w, strlen(*w), &f) < 0 || strcmp(f.data, *w) != 0 ||
                !txt_is_function_word(*w, strlen(*w))) {
                if (bad)
                    *bad = *w;
                n++;
            }
        }
    buf_free(&f);
    return n;
}
