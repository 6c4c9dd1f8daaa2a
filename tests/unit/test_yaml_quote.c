/* test_yaml_quote.c — the strings both YAML writers must quote. */
#include "common/yaml_quote.h"
#include "tests/check.h"

static int q(const char *s)
{
    return yaml_needs_quotes(s, strlen(s));
}

int main(void)
{
    static const char *const quoted[] = {
        "", "~", "null", "NULL", "yes", "No", "on", "OFF", "y", "N", "true", "False",
        "<<", "=", "123", "-5", "+3.5", ".5", "0x1F", "0o17", "1_000", "14:30",
        "2018-10-11", ".inf", "-.Inf", ".NaN",
    };
    static const char *const plain[] = {
        "value chains", "Mattinò", "nope", "yesterday", "9WS29 lab", "Région", "en",
        "fr", "no.", "1st", "14:30 CET", "Inf", "-", "+", ".", "x123",
    };
    for (size_t i = 0; i < sizeof quoted / sizeof quoted[0]; i++) {
        if (!q(quoted[i]))
            fprintf(stderr, "should be quoted: <%s>\n", quoted[i]);
        CHECK(q(quoted[i]));
    }
    for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++) {
        if (q(plain[i]))
            fprintf(stderr, "should stay plain: <%s>\n", plain[i]);
        CHECK(!q(plain[i]));
    }
    CHECK(yaml_needs_quotes("123abc", 3));      /* only len bytes are read */
    CHECK(!yaml_needs_quotes("yesterday", 4));
    return check_exit();
}
