/* query_parse.c — see query_parse.h.  A lexer, then recursive descent. */
#include "query_parse.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../analysis/analysis.h"
#include "../common/buf.h"

/* Deeper nesting than this is refused rather than risking the stack. */
#define MAX_DEPTH 64
/* A query is something a person types or a script builds from a few
 * fields; beyond these it is refused rather than run slowly. */
#define MAX_QUERY_BYTES 16384
#define MAX_QUERY_WORDS 256

typedef enum tok_type {
    T_END, T_WORD, T_PHRASE, T_LPAREN, T_RPAREN, T_OR, T_AND, T_NOT, T_MINUS,
    T_PLUS, T_FIELD, T_NEAR
} tok_type;

/* NEAR alone: within this many words. */
#define NEAR_DEFAULT 10
#define NEAR_MAX 100

typedef struct token {
    tok_type type;
    const char *s;      /* T_WORD, T_PHRASE: the text; T_FIELD: the name */
    size_t len;
    size_t at;          /* byte offset in the query */
    unsigned window;    /* T_NEAR */
} token;

typedef struct parser {
    const char *q;
    size_t len, pos;
    token tok;
    int depth;
    char *err;
    size_t errlen;
    int failed;
    size_t words;       /* so far, against MAX_QUERY_WORDS */
} parser;

/* The 1-based column of byte offset at, counting characters. */
static size_t column(const parser *p, size_t at)
{
    size_t col = 1;
    for (size_t i = 0; i < at && i < p->len; i++)
        if (((unsigned char)p->q[i] & 0xc0) != 0x80)
            col++;
    return col;
}

static void set_error(parser *p, size_t at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void set_error(parser *p, size_t at, const char *fmt, ...)
{
    if (p->failed)
        return;
    p->failed = 1;
    int n = snprintf(p->err, p->errlen, "column %zu: ", column(p, at));
    if (n < 0 || (size_t)n >= p->errlen)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(p->err + n, p->errlen - (size_t)n, fmt, ap);
    va_end(ap);
}

/* Opening and closing quotes: ASCII and the typographic ones users paste. */
static size_t quote_len(const char *s, size_t left)
{
    if (left >= 1 && s[0] == '"')
        return 1;
    if (left >= 3 && (memcmp(s, "\xe2\x80\x9c", 3) == 0 ||    /* “ */
                      memcmp(s, "\xe2\x80\x9d", 3) == 0 ||    /* ” */
                      memcmp(s, "\xe2\x80\x9e", 3) == 0))     /* „ */
        return 3;
    return 0;
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static int ends_word(const parser *p, size_t i)
{
    char c = p->q[i];
    return is_space(c) || c == '(' || c == ')' || quote_len(p->q + i, p->len - i);
}

static int is_keyword(const token *t, const char *kw)
{
    return t->len == strlen(kw) && memcmp(t->s, kw, t->len) == 0;
}

/* A "name:" prefix made of ASCII letters, as fields are named ("https://"
 * starts a URL, not a field). */
static size_t field_prefix_len(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')))
        i++;
    if (i + 2 < len && s[i] == ':' && s[i + 1] == '/' && s[i + 2] == '/')
        return 0;
    return i > 0 && i < len && s[i] == ':' ? i : 0;
}

static void next(parser *p)
{
    while (p->pos < p->len && is_space(p->q[p->pos]))
        p->pos++;
    token *t = &p->tok;
    t->at = p->pos;
    t->s = p->q + p->pos;
    t->len = 0;
    if (p->pos >= p->len) {
        t->type = T_END;
        return;
    }
    char c = p->q[p->pos];
    size_t ql = quote_len(p->q + p->pos, p->len - p->pos);
    if (ql) {
        size_t start = p->pos + ql, i = start;
        size_t close = 0;
        while (i < p->len && !(close = quote_len(p->q + i, p->len - i)))
            i++;
        if (!close) {
            set_error(p, t->at, "missing closing quote");
            t->type = T_END;
            p->pos = p->len;
            return;
        }
        t->type = T_PHRASE;
        t->s = p->q + start;
        t->len = i - start;
        p->pos = i + close;
        return;
    }
    if (c == '(' || c == ')') {
        t->type = c == '(' ? T_LPAREN : T_RPAREN;
        p->pos++;
        return;
    }
    /* a sign sticks to what follows: -word, -"phrase", -(group) */
    if ((c == '-' || c == '+') && p->pos + 1 < p->len && !is_space(p->q[p->pos + 1]) &&
        p->q[p->pos + 1] != ')') {
        t->type = c == '-' ? T_MINUS : T_PLUS;
        p->pos++;
        return;
    }
    size_t i = p->pos;
    while (i < p->len && !ends_word(p, i))
        i++;
    t->len = i - p->pos;
    size_t fl = field_prefix_len(t->s, t->len);
    if (fl) {
        t->type = T_FIELD;
        t->len = fl;
        p->pos += fl + 1;
        return;
    }
    p->pos = i;
    t->type = is_keyword(t, "OR") ? T_OR : is_keyword(t, "AND") ? T_AND
            : is_keyword(t, "NOT") ? T_NOT : T_WORD;
    if (t->len >= 4 && memcmp(t->s, "NEAR", 4) == 0) {
        /* NEAR or NEAR/n */
        if (t->len == 4) {
            t->type = T_NEAR;
            t->window = NEAR_DEFAULT;
        } else if (t->s[4] == '/') {
            unsigned n = 0;
            size_t k = 5;
            while (k < t->len && t->s[k] >= '0' && t->s[k] <= '9' && n <= NEAR_MAX)
                n = n * 10 + (unsigned)(t->s[k++] - '0');
            if (k == t->len && k > 5 && n >= 1 && n <= NEAR_MAX) {
                t->type = T_NEAR;
                t->window = n;
            } else {
                set_error(p, t->at, "NEAR/n takes a number of words from 1 to %d",
                          NEAR_MAX);
            }
        }
    }
}

/* ----------------------------------------------------------------- nodes */

void qnode_free(qnode *n)
{
    if (!n)
        return;
    for (size_t i = 0; i < n->n_words; i++)
        free(n->words[i]);
    free(n->words);
    for (size_t i = 0; i < n->n_kids; i++)
        qnode_free(n->kids[i]);
    free(n->kids);
    free(n->lo);
    if (n->hi != n->lo)
        free(n->hi);
    free(n);
}

static qnode *node_new(parser *p, qnode_type type)
{
    qnode *n = calloc(1, sizeof *n);
    if (!n && !p->failed) {
        p->failed = 1;
        snprintf(p->err, p->errlen, "out of memory");
    }
    if (n)
        n->type = type;
    return n;
}

static int add_kid(parser *p, qnode *parent, qnode *kid)
{
    qnode **k = realloc(parent->kids, (parent->n_kids + 1) * sizeof *k);
    if (!k) {
        qnode_free(kid);
        if (!p->failed) {
            p->failed = 1;
            snprintf(p->err, p->errlen, "out of memory");
        }
        return -1;
    }
    parent->kids = k;
    parent->kids[parent->n_kids++] = kid;
    return 0;
}

/* A term node from the words in s[0..len); NULL without error when the text
 * holds no word at all (punctuation only). */
static qnode *term_node(parser *p, const token *t, const schema_text_field *field)
{
    qnode *n = node_new(p, QN_TERM);
    if (!n)
        return NULL;
    n->quoted = t->type == T_PHRASE;
    n->field = field;
    size_t cursor = 0;
    txt_span w;
    while (txt_next_query_word(t->s, t->len, &cursor, &w, NULL)) {
        char **words = realloc(n->words, (n->n_words + 1) * sizeof *words);
        char *word = words ? strndup(t->s + w.start, w.end - w.start) : NULL;
        if (words)
            n->words = words;
        if (!word) {
            qnode_free(n);
            p->failed = 1;
            snprintf(p->err, p->errlen, "out of memory");
            return NULL;
        }
        n->words[n->n_words++] = word;
        if (++p->words > MAX_QUERY_WORDS) {
            set_error(p, t->at, "too many words (at most %d in a query)", MAX_QUERY_WORDS);
            qnode_free(n);
            return NULL;
        }
    }
    if (!n->n_words) {
        qnode_free(n);
        return NULL;
    }
    if (t->type == T_WORD && t->len > 1 && t->s[0] == '=')
        n->exact = 1;       /* =Mattinò: the accents as typed */
    if (t->type == T_WORD && t->len > 1 && t->s[t->len - 1] == '*') {
        /* a trailing star widens the last word; one word only, so that the
         * expansion stays one term's worth */
        if (n->n_words > 1) {
            set_error(p, t->at, "'*' works at the end of a single word");
            qnode_free(n);
            return NULL;
        }
        n->wildcard = 1;
    }
    return n;
}

/* ------------------------------------------------------------- filters */

static int is_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return n > 0;
}

/* YYYY, YYYY-MM or YYYY-MM-DD. */
static int is_date_prefix(const char *s, size_t n)
{
    return (n == 4 && is_digits(s, 4)) ||
           (n == 7 && is_digits(s, 4) && s[4] == '-' && is_digits(s + 5, 2)) ||
           (n == 10 && is_digits(s, 4) && s[4] == '-' && is_digits(s + 5, 2) &&
            s[7] == '-' && is_digits(s + 8, 2));
}

/* One end of a range, as the index holds it: NULL for an open end; a date's
 * upper end is widened to take in every date it is a prefix of. */
static int range_end(parser *p, const schema_filter_field *f, const char *s, size_t n,
                     int upper, char **out)
{
    *out = NULL;
    if (n == 0)
        return 0;
    int ok = f->kind == FILTER_YEAR ? n == 4 && is_digits(s, n) : is_date_prefix(s, n);
    if (!ok)
        return -1;
    if (!(*out = malloc(n + 2))) {
        p->failed = 1;
        snprintf(p->err, p->errlen, "out of memory");
        return -1;
    }
    memcpy(*out, s, n);
    (*out)[n] = '\0';
    if (upper && f->kind == FILTER_DATE)
        strcpy(*out + n, "~");      /* '~' sorts after digits and '-' */
    return 0;
}

static qnode *filter_node(parser *p, const schema_filter_field *f, const token *v)
{
    qnode *n = node_new(p, QN_FILTER);
    if (!n)
        return NULL;
    n->filter = f;
    const char *s = v->s;
    size_t len = v->len;
    if (f->kind == FILTER_CODE) {
        int ok = len > 0 && len < 32;
        for (size_t i = 0; ok && i < len; i++)
            ok = (s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
                 (s[i] >= '0' && s[i] <= '9');
        if (!ok) {
            set_error(p, v->at, "%s: expects a code of letters and digits, such as %s",
                      f->name, strcmp(f->name, "code") ? "fr" : "9WS29");
            qnode_free(n);
            return NULL;
        }
        if (!(n->lo = strndup(s, len))) {
            qnode_free(n);
            return NULL;
        }
        for (char *c = n->lo; *c; c++)
            if (*c >= 'A' && *c <= 'Z')
                *c = (char)(*c + 32);
        n->hi = n->lo;
        return n;
    }
    const char *dots = NULL;
    for (size_t i = 0; i + 1 < len && !dots; i++)
        if (s[i] == '.' && s[i + 1] == '.')
            dots = s + i;
    int bad;
    if (dots) {
        size_t ln = (size_t)(dots - s), hn = len - ln - 2;
        bad = (ln == 0 && hn == 0) || range_end(p, f, s, ln, 0, &n->lo) < 0 ||
              range_end(p, f, dots + 2, hn, 1, &n->hi) < 0;
    } else {
        bad = range_end(p, f, s, len, 0, &n->lo) < 0 || !n->lo ||
              (f->kind == FILTER_DATE && range_end(p, f, s, len, 1, &n->hi) < 0);
        if (!bad && f->kind == FILTER_YEAR)
            n->hi = n->lo;
    }
    if (bad) {
        set_error(p, v->at, "%s: expects %s", f->name,
                  f->kind == FILTER_YEAR ? "a year such as 2018, or a range such as 2016..2019"
                  : "a date such as 2018-10-09, 2018-10 or 2018, or a range such as "
                    "2018-10-08..2018-10-11");
        qnode_free(n);
        return NULL;
    }
    return n;
}

static qnode *parse_or(parser *p);

static qnode *parse_unary(parser *p);

static qnode *parse_primary(parser *p)
{
    token t = p->tok;
    switch (t.type) {
    case T_LPAREN: {
        if (++p->depth > MAX_DEPTH) {
            set_error(p, t.at, "parentheses nested too deeply");
            return NULL;
        }
        next(p);
        qnode *inner = parse_or(p);
        p->depth--;
        if (p->failed) {
            qnode_free(inner);
            return NULL;
        }
        if (p->tok.type != T_RPAREN) {
            qnode_free(inner);
            set_error(p, t.at, "missing closing parenthesis for this one");
            return NULL;
        }
        next(p);
        if (!inner)
            set_error(p, t.at, "nothing between the parentheses");
        return inner;
    }
    case T_FIELD: {
        const schema_text_field *f = schema_text_field_named(t.s, t.len);
        const schema_filter_field *ff = f ? NULL : schema_filter_field_named(t.s, t.len);
        if (!f && !ff) {
            char names[256];
            schema_field_names(names, sizeof names);
            set_error(p, t.at, "unknown field \"%.*s\"; known fields: %s", (int)t.len,
                      t.s, names);
            return NULL;
        }
        next(p);
        if (ff) {
            if (p->tok.type != T_WORD) {
                set_error(p, t.at, "%.*s: needs a value right after it", (int)t.len, t.s);
                return NULL;
            }
            token v = p->tok;
            next(p);
            return filter_node(p, ff, &v);
        }
        if (p->tok.type != T_WORD && p->tok.type != T_PHRASE) {
            set_error(p, t.at, "%.*s: needs a word or a \"phrase\" right after it",
                      (int)t.len, t.s);
            return NULL;
        }
        token v = p->tok;
        next(p);
        qnode *n = term_node(p, &v, f);
        if (!n && !p->failed)
            set_error(p, v.at, "%.*s: has no word to search for", (int)t.len, t.s);
        return n;
    }
    case T_WORD:
    case T_PHRASE:
        next(p);
        return term_node(p, &t, NULL);
    case T_RPAREN:
        set_error(p, t.at, "unmatched ')'");
        return NULL;
    default:
        set_error(p, t.at, "expected a word here");
        return NULL;
    }
}

static qnode *parse_unary(parser *p)
{
    token t = p->tok;
    if (t.type == T_MINUS || t.type == T_NOT || t.type == T_PLUS) {
        if (++p->depth > MAX_DEPTH) {
            set_error(p, t.at, "too many operators in a row");
            return NULL;
        }
        next(p);
        if (p->tok.type == T_END || p->tok.type == T_RPAREN || p->tok.type == T_OR) {
            set_error(p, t.at, "%s needs a word after it",
                      t.type == T_NOT ? "NOT" : t.type == T_MINUS ? "-" : "+");
            p->depth--;
            return NULL;
        }
        qnode *kid = parse_unary(p);
        p->depth--;
        if (!kid || t.type == T_PLUS)
            return kid;
        qnode *n = node_new(p, QN_NOT);
        if (!n || add_kid(p, n, kid) < 0) {
            qnode_free(n);
            return NULL;
        }
        return n;
    }
    return parse_primary(p);
}

/* left NEAR/n right: both sides words or phrases, in a field or not; a
 * chain with the same window (a NEAR b NEAR c) becomes one node. */
static qnode *parse_near(parser *p, qnode *left)
{
    token op = p->tok;
    next(p);
    tok_type ty = p->tok.type;
    qnode *right = ty == T_WORD || ty == T_PHRASE || ty == T_FIELD ? parse_primary(p) : NULL;
    int ok = right && right->type == QN_TERM && !right->wildcard &&
             (left->type == QN_TERM ? !left->wildcard
                                    : left->type == QN_NEAR && left->window == op.window);
    if (!ok) {
        qnode_free(right);
        qnode_free(left);
        set_error(p, op.at, "NEAR needs a word or a \"phrase\" on each side");
        return NULL;
    }
    qnode *n = left;
    if (left->type == QN_TERM) {
        if (!(n = node_new(p, QN_NEAR)) || add_kid(p, n, left) < 0) {
            if (!n)
                qnode_free(left);
            qnode_free(n);
            qnode_free(right);
            return NULL;
        }
        n->window = op.window;
    }
    if (add_kid(p, n, right) < 0) {
        qnode_free(n);
        return NULL;
    }
    return n;
}

/* Words side by side must all match.  NULL without error: nothing there. */
static qnode *parse_and(parser *p)
{
    qnode *and = node_new(p, QN_AND);
    if (!and)
        return NULL;
    while (!p->failed) {
        tok_type ty = p->tok.type;
        if (ty == T_END || ty == T_RPAREN || ty == T_OR)
            break;
        if (ty == T_AND) {
            next(p);
            continue;
        }
        qnode *kid = parse_unary(p);
        while (kid && !p->failed && p->tok.type == T_NEAR)
            kid = parse_near(p, kid);
        if (kid && add_kid(p, and, kid) < 0)
            break;
    }
    if (p->failed || and->n_kids == 0) {
        qnode_free(and);
        return NULL;
    }
    if (and->n_kids == 1) {
        qnode *only = and->kids[0];
        and->n_kids = 0;
        qnode_free(and);
        return only;
    }
    return and;
}

static qnode *parse_or(parser *p)
{
    size_t at = p->tok.at;
    qnode *first = parse_and(p);
    if (p->failed)
        return NULL;
    if (p->tok.type != T_OR)
        return first;
    qnode *or = node_new(p, QN_OR);
    if (!or || (first && add_kid(p, or, first) < 0)) {
        qnode_free(or);
        return NULL;
    }
    if (!first)
        set_error(p, at, "OR needs a word on its left");
    while (!p->failed && p->tok.type == T_OR) {
        size_t or_at = p->tok.at;
        next(p);
        qnode *kid = parse_and(p);
        if (!kid) {
            set_error(p, or_at, "OR needs a word on its right");
            break;
        }
        if (add_kid(p, or, kid) < 0)
            break;
    }
    if (p->failed) {
        qnode_free(or);
        return NULL;
    }
    return or;
}

qnode *query_parse(const char *text, char *err, size_t errlen)
{
    parser p = { text ? text : "", text ? strlen(text) : 0, 0, { 0 }, 0, err, errlen, 0, 0 };
    if (errlen)
        err[0] = '\0';
    if (p.len > MAX_QUERY_BYTES) {
        snprintf(err, errlen, "the query is too long (%zu bytes; at most %d)", p.len,
                 MAX_QUERY_BYTES);
        return NULL;
    }
    next(&p);
    qnode *root = p.failed ? NULL : parse_or(&p);
    if (!p.failed && p.tok.type == T_RPAREN)
        set_error(&p, p.tok.at, "unmatched ')'");
    if (p.failed) {
        qnode_free(root);
        return NULL;
    }
    if (!root) {
        snprintf(err, errlen, "empty query: type the words to look for, "
                              "for example: evsearch \"value chains\"");
        return NULL;
    }
    return root;
}

/* --------------------------------------------------------------- describe */

static int describe(buf *b, const qnode *n)
{
    static const char *const ops[] = { "", "AND", "OR", "NOT", "NEAR" };
    if (n->type == QN_TERM) {
        int rc = 0;
        if (n->field)
            rc |= buf_printf(b, "%s:", n->field->name);
        rc |= buf_puts(b, n->exact ? "=\"" : "\"");
        for (size_t i = 0; i < n->n_words; i++)
            rc |= buf_printf(b, "%s%s", i ? " " : "", n->words[i]);
        return rc | buf_puts(b, n->wildcard ? "*\"" : "\"");
    }
    if (n->type == QN_FILTER) {
        if (n->lo == n->hi)
            return buf_printf(b, "%s:%s", n->filter->name, n->lo);
        return buf_printf(b, "%s:%s..%s", n->filter->name, n->lo ? n->lo : "",
                          n->hi ? n->hi : "");
    }
    int rc = buf_printf(b, "(%s", ops[n->type]);
    if (n->type == QN_NEAR)
        rc |= buf_printf(b, "/%u", n->window);
    for (size_t i = 0; i < n->n_kids; i++)
        rc |= buf_putc(b, ' ') | describe(b, n->kids[i]);
    return rc | buf_putc(b, ')');
}

char *qnode_describe(const qnode *n)
{
    buf b = BUF_INIT;
    if (describe(&b, n) < 0) {
        buf_free(&b);
        return NULL;
    }
    return buf_detach(&b);
}
