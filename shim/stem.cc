// stem.cc — Snowball stemmers behind the C ABI of stem.h.
//
// Xapian::Stem throws for unknown languages; that and any other exception
// is caught here, so no C caller ever sees one.

#include "stem.h"

#include <cstring>
#include <new>
#include <string>

#include <xapian.h>

struct eng_stemmer {
    Xapian::Stem stem;
    std::string in, out;    // reused from word to word: no allocation once
                            // grown (beyond what the stemmer does inside)
};

namespace {

// ISO 639-1 codes of the languages Xapian 1.4 ships stemmers for; Xapian
// accepts these codes itself, but we keep the list so that an unknown code
// is refused before any exception is thrown.
const char *const stem_codes[] = {
    "ar", "hy", "eu", "ca", "da", "nl", "en", "fi", "fr", "de", "hu", "id",
    "ga", "it", "lt", "ne", "nb", "nn", "no", "pt", "ro", "ru", "es", "sv",
    "ta", "tr", nullptr
};

bool known_code(const char *lang)
{
    for (const char *const *c = stem_codes; *c; c++)
        if (std::strcmp(*c, lang) == 0)
            return true;
    return false;
}

}  // namespace

extern "C" int eng_stem_supported(const char *lang)
{
    if (!lang || !*lang)
        return 0;
    if (known_code(lang))
        return 1;
    try {
        Xapian::Stem probe(lang);
        return probe.is_none() ? 0 : 1;
    } catch (...) {
        return 0;
    }
}

extern "C" eng_status eng_stemmer_new(const char *lang, eng_stemmer **out)
{
    *out = nullptr;
    if (!eng_stem_supported(lang))
        return ENG_E_NOT_FOUND;
    try {
        *out = new eng_stemmer{Xapian::Stem(lang), std::string(), std::string()};
        return ENG_OK;
    } catch (const std::bad_alloc &) {
        return ENG_E_NOMEM;
    } catch (...) {
        return ENG_E_INTERNAL;
    }
}

extern "C" void eng_stemmer_free(eng_stemmer *st)
{
    delete st;
}

extern "C" eng_status eng_stem(eng_stemmer *st, const char *word, size_t len,
                               const char **out, size_t *out_len)
{
    try {
        st->in.assign(word, len);
        st->out = st->stem(st->in);
        *out = st->out.c_str();
        *out_len = st->out.size();
        return ENG_OK;
    } catch (const std::bad_alloc &) {
        return ENG_E_NOMEM;
    } catch (...) {
        return ENG_E_INTERNAL;
    }
}
