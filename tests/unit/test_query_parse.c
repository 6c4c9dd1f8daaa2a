/* test_query_parse.c — query text to tree, as golden strings, and errors. */
#include <stdlib.h>

#include "query/query_parse.h"
#include "tests/check.h"

static void parses(const char *q, const char *want)
{
    char err[256];
    qnode *n = query_parse(q, err, sizeof err);
    if (!n) {
        fprintf(stderr, "query <%s>: %s\n", q, err);
        CHECK(n != NULL);
        return;
    }
    char *got = qnode_describe(n);
    if (strcmp(got, want) != 0)
        fprintf(stderr, "query <%s>\n", q);
    CHECK_STR(got, want);
    free(got);
    qnode_free(n);
}

static void refuses(const char *q, const char *want_err)
{
    char err[256];
    qnode *n = query_parse(q, err, sizeof err);
    CHECK(n == NULL);
    qnode_free(n);
    if (!strstr(err, want_err)) {
        fprintf(stderr, "query <%s>: error \"%s\", want \"%s\"\n", q, err, want_err);
        CHECK(0);
    }
}

int main(void)
{
    parses("value", "\"value\"");
    parses("value chains", "(AND \"value\" \"chains\")");
    parses("\"value chains\"", "\"value chains\"");
    parses("\xe2\x80\x9cvalue chains\xe2\x80\x9d", "\"value chains\"");
    parses("a OR b c", "(OR \"a\" (AND \"b\" \"c\"))");
    parses("a OR b OR c", "(OR \"a\" \"b\" \"c\")");
    parses("-a b", "(AND (NOT \"a\") \"b\")");
    parses("b NOT a", "(AND \"b\" (NOT \"a\"))");
    parses("NOT a", "(NOT \"a\")");
    parses("+a b", "(AND \"a\" \"b\")");
    parses("a AND b", "(AND \"a\" \"b\")");
    parses("(a OR b) c", "(AND (OR \"a\" \"b\") \"c\")");
    parses("((a))", "\"a\"");
    parses("title:smes", "title:\"smes\"");
    parses("title:\"value chains\" x", "(AND title:\"value chains\" \"x\")");
    parses("speaker:Mattinò", "speaker:\"Mattinò\"");
    parses("Île-de-France", "\"Île de France\"");
    parses("l’internationalisation", "\"internationalisation\"");   /* elided article passed over */
    parses("a - b", "(AND \"a\" \"b\")");           /* a lone dash is no word */
    parses("or and", "(AND \"or\" \"and\")");       /* operators are upper case */
    parses("10:30", "\"10 30\"");                    /* not a field */
    parses("https://ec.europa.eu/x", "\"https ec europa eu x\"");    /* nor a URL */
    parses("-\"value chains\" smes", "(AND (NOT \"value chains\") \"smes\")");

    parses("chains NEAR/3 clusters", "(NEAR/3 \"chains\" \"clusters\")");
    parses("a NEAR b", "(NEAR/10 \"a\" \"b\")");
    parses("a NEAR/2 b NEAR/2 c", "(NEAR/2 \"a\" \"b\" \"c\")");
    parses("a NEAR/2 \"b c\" d", "(AND (NEAR/2 \"a\" \"b c\") \"d\")");
    parses("quote:a NEAR/3 speaker:b", "(NEAR/3 quote:\"a\" speaker:\"b\")");
    parses("internation*", "\"internation*\"");
    parses("=Mattinò", "=\"Mattinò\"");
    parses("=Île-de-France x", "(AND =\"Île de France\" \"x\")");
    parses("title:smes*", "title:\"smes*\"");
    parses("lang:FR value", "(AND lang:fr \"value\")");
    parses("interp:de", "interp:de");
    parses("code:9WS29", "code:9ws29");
    parses("year:2018", "year:2018");
    parses("year:2016..2019", "year:2016..2019");
    parses("year:2016..", "year:2016..");
    parses("year:..2010", "year:..2010");
    parses("date:2018-10-09", "date:2018-10-09..2018-10-09~");
    parses("date:2018-10..2019", "date:2018-10..2019~");
    parses("-lang:en smes", "(AND (NOT lang:en) \"smes\")");
    parses("type:\"participatory lab\"", "type:\"participatory lab\"");

    refuses("", "empty query");
    refuses("year:18", "column 6: year: expects a year such as 2018");
    refuses("year:..", "column 6: year: expects");
    refuses("date:2018-1", "column 6: date: expects a date");
    refuses("date:10/09/2018", "column 6: date: expects");
    refuses("lang:f-r", "column 6: lang: expects a code");
    refuses("lang:", "column 1: lang: needs a value");
    refuses("a NEAR", "column 3: NEAR needs a word");
    refuses("a NEAR year:2019", "column 3: NEAR needs a word");
    refuses("a NEAR (b)", "column 3: NEAR needs a word");
    refuses("a NEAR/0 b", "column 3: NEAR/n takes a number of words from 1 to 100");
    refuses("a NEAR/500 b", "column 3: NEAR/n takes");
    refuses("a NEAR/3 b*", "column 3: NEAR needs a word");
    refuses("ile-de-fr*", "column 1: '*' works at the end of a single word");
    refuses("   ", "empty query");
    refuses("-", "empty query");
    refuses("\"value chains", "column 1: missing closing quote");
    refuses("a (b", "column 3: missing closing parenthesis");
    refuses("a )", "column 3: unmatched ')'");
    refuses("OR a", "column 1: OR needs a word on its left");
    refuses("a OR", "column 3: OR needs a word on its right");
    refuses("colour:red", "column 1: unknown field \"colour\"; known fields: title");
    refuses("x title:", "column 3: title: needs a word");
    refuses("é (a", "column 3: missing closing parenthesis");   /* columns count characters */
    refuses("a NOT", "column 3: NOT needs a word");
    refuses("()", "column 1: nothing between the parentheses");

    /* limits: a query is something a person types */
    static char big[20000];
    memset(big, 'a', sizeof big - 1);
    refuses(big, "the query is too long (19999 bytes; at most 16384)");
    static char many[4000];
    many[0] = '\0';
    for (int i = 0; i < 300; i++)
        strcat(many, "w ");
    refuses(many, "too many words (at most 256");

    char deep[300];
    memset(deep, '(', sizeof deep - 1);
    deep[sizeof deep - 1] = '\0';
    refuses(deep, "nested too deeply");
    return check_exit();
}
