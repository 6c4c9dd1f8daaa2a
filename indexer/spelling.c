/* spelling.c — see spelling.h. */
#include "spelling.h"

#include <string.h>

int spelling_worth(const char *term, size_t len)
{
    if (len < 3)
        return 0;
    for (size_t i = 0; i < len; i++)
        if (term[i] < '0' || term[i] > '9')
            return 1;
    return 0;
}

/* An e-mail address or URL given whole (see analysis.h): the only plain
 * terms with an "@" or starting as a URL does, since a word is letters,
 * marks and digits only, and "," or "." between two digits. */
static int is_whole(const char *t, size_t len)
{
    static const char *const starts[] = { "http://", "https://", "ftp://", "www." };
    if (memchr(t, '@', len))
        return 1;
    for (size_t i = 0; i < sizeof starts / sizeof starts[0]; i++) {
        size_t n = strlen(starts[i]);
        if (len > n && memcmp(t, starts[i], n) == 0)
            return 1;
    }
    return 0;
}

typedef struct from_terms {
    eng_db *db;
    eng_status st;
} from_terms;

static int add_word(void *ctx, const char *term, size_t len, uint32_t freq)
{
    from_terms *f = ctx;
    /* prefixes are capital letters; plain terms are folded to lower case */
    if (!len || (term[0] >= 'A' && term[0] <= 'Z'))
        return 0;
    if (!spelling_worth(term, len) || is_whole(term, len))
        return 0;
    f->st = eng_db_add_spelling(f->db, term, len, freq);
    return f->st != ENG_OK;
}

eng_status spelling_from_terms(eng_db *db)
{
    from_terms f = { db, ENG_OK };
    eng_status st = eng_db_each_term(db, "", add_word, &f);
    return st != ENG_OK ? st : f.st;
}
