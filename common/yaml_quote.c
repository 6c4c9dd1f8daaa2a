/* yaml_quote.c — see yaml_quote.h. */
#include "yaml_quote.h"

#include <string.h>

static int is_one_of(const char *s, size_t len, const char *const *words, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strlen(words[i]) == len && memcmp(s, words[i], len) == 0)
            return 1;
    return 0;
}

int yaml_needs_quotes(const char *s, size_t len)
{
    static const char *const words[] = {
        "~",     "null",  "Null",  "NULL",  "y",     "Y",     "yes",
        "Yes",   "YES",   "n",     "N",     "no",    "No",    "NO",
        "true",  "True",  "TRUE",  "false", "False", "FALSE", "on",
        "On",    "ON",    "off",   "Off",   "OFF",   "<<",    "=",
    };
    if (len == 0 || is_one_of(s, len, words, sizeof words / sizeof words[0]))
        return 1;
    const char *p = s, *end = s + len;
    p += *p == '+' || *p == '-';
    if (p < end && *p == '.') {
        static const char *const special[] = { "inf", "Inf", "INF", "nan", "NaN", "NAN" };
        if (is_one_of(p + 1, (size_t)(end - p - 1), special,
                      sizeof special / sizeof special[0]))
            return 1;
    }
    if (p == end || !((*p >= '0' && *p <= '9') ||
                      (*p == '.' && p + 1 < end && p[1] >= '0' && p[1] <= '9')))
        return 0;
    /* from a digit on: only what numbers of some base are written with */
    for (; p < end; p++)
        if (!memchr("0123456789abcdefABCDEFxXoO_.:+-", *p, 32))
            return 0;
    return 1;
}
