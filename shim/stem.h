/*
 * stem.h — the engine's Snowball stemmers behind a C ABI.
 *
 * A stemmer is built once per language and reused; stemming a word does not
 * allocate once the internal buffer has grown to fit.  Same conventions as
 * engine.h: status codes, no exception crosses, one thread per handle.
 */
#ifndef EVS_SHIM_STEM_H
#define EVS_SHIM_STEM_H

#include <stddef.h>

#include "engine.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct eng_stemmer eng_stemmer;

/*
 * Makes a stemmer for lang, an ISO 639-1 code ("en", "fr", "el", ...) or an
 * engine language name ("english").  ENG_E_NOT_FOUND when the engine has no
 * stemmer for it (then *out is NULL).
 */
eng_status eng_stemmer_new(const char *lang, eng_stemmer **out);
void eng_stemmer_free(eng_stemmer *st);

/*
 * Stems word (UTF-8, lower-case; not necessarily NUL-terminated).  *out
 * points into the stemmer's buffer, valid until the next call on it, and is
 * NUL-terminated.
 */
eng_status eng_stem(eng_stemmer *st, const char *word, size_t len,
                    const char **out, size_t *out_len);

/* Whether the engine has a stemmer for lang (same names as eng_stemmer_new). */
int eng_stem_supported(const char *lang);

#ifdef __cplusplus
}
#endif

#endif
