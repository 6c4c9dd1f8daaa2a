/*
 * test_stem.c — the Snowball stemmers behind shim/stem.h.
 */
#include <stdlib.h>
#include <string.h>

#include "shim/stem.h"
#include "tests/check.h"

/* Stems word with st into buf (the stemmer's own buffer is reused). */
static const char *stem(eng_stemmer *st, const char *word, char *buf, size_t size)
{
    const char *out = NULL;
    size_t len = 0;
    buf[0] = '\0';
    if (!st)
        return buf;
    CHECK_INT(eng_stem(st, word, strlen(word), &out, &len), ENG_OK);
    if (out && len < size) {
        CHECK_INT(strlen(out), len);   /* NUL-terminated at len */
        memcpy(buf, out, len + 1);
    }
    return buf;
}

int main(void)
{
    char a[64], b[64];
    eng_stemmer *en = NULL, *fr = NULL, *de = NULL, *xx = (eng_stemmer *)&a;

    CHECK_INT(eng_stemmer_new("en", &en), ENG_OK);
    CHECK_STR(stem(en, "regions", a, sizeof a), "region");
    CHECK_STR(stem(en, "region", a, sizeof a), "region");
    CHECK_STR(stem(en, "", a, sizeof a), "");

    /* Not NUL-terminated input: only len bytes are read. */
    const char *out = NULL;
    size_t len = 0;
    if (en) {
        CHECK_INT(eng_stem(en, "regionsXYZ", 7, &out, &len), ENG_OK);
        CHECK_STR(out, "region");
        CHECK_INT(len, 6);
    }

    CHECK_INT(eng_stemmer_new("fr", &fr), ENG_OK);
    CHECK_STR(stem(fr, "chaînes", a, sizeof a), stem(fr, "chaîne", b, sizeof b));
    CHECK_STR(a, "chaîn");

    /* The engine's German stemmer agrees, and also drops the umlaut. */
    CHECK_INT(eng_stemmer_new("de", &de), ENG_OK);
    CHECK_STR(stem(de, "wertschöpfungsketten", a, sizeof a),
              stem(de, "wertschöpfungskette", b, sizeof b));
    CHECK_STR(a, "wertschopfungskett");

    /* Engine language names work as well as ISO codes. */
    eng_stemmer *english = NULL;
    CHECK_INT(eng_stemmer_new("english", &english), ENG_OK);
    CHECK_STR(stem(english, "regions", a, sizeof a), "region");
    eng_stemmer_free(english);

    CHECK_INT(eng_stemmer_new("xx", &xx), ENG_E_NOT_FOUND);
    CHECK(xx == NULL);
    CHECK_INT(eng_stem_supported("en"), 1);
    CHECK_INT(eng_stem_supported("fr"), 1);
    CHECK_INT(eng_stem_supported("de"), 1);
    CHECK_INT(eng_stem_supported("german"), 1);
    CHECK_INT(eng_stem_supported("xx"), 0);
    CHECK_INT(eng_stem_supported("none"), 0);   /* the engine's no-op stemmer */
    CHECK_INT(eng_stem_supported(""), 0);
    CHECK_INT(eng_stem_supported(NULL), 0);

    eng_stemmer_free(en);
    eng_stemmer_free(fr);
    eng_stemmer_free(de);
    eng_stemmer_free(NULL);
    return check_exit();
}
