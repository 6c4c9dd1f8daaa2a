/*
 * test_function_words.c — the function words snippets leave unmarked
 * (txt_is_function_word): every word of the tables is folded and found,
 * from the first language's to the last's; a word is found only whole, by
 * its length as given (not up to a NUL), and from any thread.
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "analysis/analysis.h"
#include "analysis/internal.h"
#include "tests/check.h"

static int is_fw(const char *w)
{
    return txt_is_function_word(w, strlen(w));
}

static void test_tables(void)
{
    const char *bad = NULL;
    int n = txt_function_words_check(&bad);
    if (n)
        fprintf(stderr, "  function word not folded, or not found: %s\n", bad);
    CHECK_INT(n, 0);
}

static void test_lookups(void)
{
    /* the first and last words of the first list and of the last, and
     * words at either end of the byte order */
    static const char *const yes[] = { "the", "these", "si", "cea", "a", "z", "uber", "ωσ",
                                       "και", "etre", "tambem", "ocksa" };
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
        if (!is_fw(yes[i])) {
            fprintf(stderr, "  not found: %s\n", yes[i]);
            CHECK(0);
        }
    /* prefixes and extensions of listed words, other words, accents that
     * folding would have taken off, the empty word */
    static const char *const no[] = { "th", "thee", "theses", "regions", "être", "für",
                                      "zz", "aa", "", "ω", "καιρος" };
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
        if (is_fw(no[i])) {
            fprintf(stderr, "  found, wrongly: \"%s\"\n", no[i]);
            CHECK(0);
        }
    /* the length decides, not a NUL */
    CHECK(txt_is_function_word("theory", 3));
    CHECK(!txt_is_function_word("the", 2));
    CHECK(txt_is_function_word("der\0x", 3));
}

/* The first use sorts the words once, whichever thread comes first. */
static void *ask(void *arg)
{
    int *found = arg;
    for (int i = 0; i < 1000; i++)
        *found += is_fw("und") + is_fw("regions");
    return NULL;
}

static void test_threads(void)
{
    pthread_t t[4];
    int found[4] = { 0 };
    for (int i = 0; i < 4; i++)
        CHECK_INT(pthread_create(&t[i], NULL, ask, &found[i]), 0);
    for (int i = 0; i < 4; i++) {
        pthread_join(t[i], NULL);
        CHECK_INT(found[i], 1000);
    }
}

int main(void)
{
    test_threads();     /* first: the words are not sorted yet */
    test_tables();
    test_lookups();
    return check_exit();
}
