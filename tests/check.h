/*
 * check.h — the few assertions the C tests need.
 *
 * A failed check prints where and what, marks the test failed and goes on,
 * so that one run shows every broken case; main returns check_exit().
 */
#ifndef EVS_TESTS_CHECK_H
#define EVS_TESTS_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_failures;
static int check_count;

#define CHECK(cond)                                                          \
    do {                                                                     \
        check_count++;                                                       \
        if (!(cond)) {                                                       \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, \
                    #cond);                                                  \
            check_failures++;                                                \
        }                                                                    \
    } while (0)

#define CHECK_INT(got, want)                                                 \
    do {                                                                     \
        long long g_ = (long long)(got), w_ = (long long)(want);             \
        check_count++;                                                       \
        if (g_ != w_) {                                                      \
            fprintf(stderr, "%s:%d: %s is %lld, want %lld\n", __FILE__,      \
                    __LINE__, #got, g_, w_);                                 \
            check_failures++;                                                \
        }                                                                    \
    } while (0)

#define CHECK_STR(got, want)                                                 \
    do {                                                                     \
        const char *g_ = (got), *w_ = (want);                                \
        check_count++;                                                       \
        if (!g_ || !w_ ? g_ != w_ : strcmp(g_, w_) != 0) {                   \
            fprintf(stderr, "%s:%d: %s is \"%s\", want \"%s\"\n", __FILE__,  \
                    __LINE__, #got, g_ ? g_ : "(null)", w_ ? w_ : "(null)"); \
            check_failures++;                                                \
        }                                                                    \
    } while (0)

static inline int check_exit(void)
{
    if (check_failures)
        fprintf(stderr, "%d of %d checks failed\n", check_failures, check_count);
    else
        printf("%d checks passed\n", check_count);
    return check_failures ? 1 : 0;
}

#endif
