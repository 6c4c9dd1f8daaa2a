/*
 * yaml_reader.c — see yaml_reader.h and docs/session-yaml.md.
 *
 * Each YAML document is read into a tree by yaml_tree.c, where the limits
 * hold (aliases, depth, scalar size) whatever the schema, so that nothing
 * hostile gets past the parser.  Here the tree is mapped onto sessions
 * through the field tables below, with an error at the node that is wrong.
 */
#include "yaml_internal.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "page_internal.h" /* page_valid_date */

/* ------------------------------------------------------------ values */

static int is_null(const ynode *n)
{
    if (n->kind != YN_SCALAR)
        return 0;
    if (n->len == 0)
        return 1;
    return n->plain &&
           (strcmp(n->str, "~") == 0 || strcmp(n->str, "null") == 0 ||
            strcmp(n->str, "Null") == 0 || strcmp(n->str, "NULL") == 0);
}

static const char *kind_name(const ynode *n)
{
    return n->kind == YN_MAP   ? "a mapping"
           : n->kind == YN_SEQ ? "a list"
                               : "a scalar";
}

static int oom(yctx *c, const ynode *n)
{
    return yfail_node(c, n, "out of memory");
}

static int want_scalar(yctx *c, const char *key, const ynode *v)
{
    if (v->kind == YN_SCALAR)
        return 0;
    return yfail_node(c, v, "\"%s\" must be a string, not %s", key,
                      kind_name(v));
}

static int set_string(yctx *c, const char *key, const ynode *v, char **field)
{
    if (want_scalar(c, key, v) < 0)
        return -1;
    if (is_null(v))
        return 0;
    return session_set(field, v->str, v->len) < 0 ? oom(c, v) : 0;
}

static int parse_date(const char *s, size_t len, int *y)
{
    if (len != 10 || s[4] != '-' || s[7] != '-')
        return 0;
    for (size_t i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return 0;
    int year = atoi(s), month = atoi(s + 5), day = atoi(s + 8);
    if (!page_valid_date(year, month, day))
        return 0;
    *y = year;
    return 1;
}

static int set_date(yctx *c, const char *key, const ynode *v, session *s)
{
    if (want_scalar(c, key, v) < 0)
        return -1;
    if (is_null(v))
        return 0;
    int year;
    if (!parse_date(v->str, v->len, &year))
        return yfail_node(c, v,
                          "\"%s\" must be a date YYYY-MM-DD, not \"%.40s\"",
                          key, v->str);
    s->year = year;
    return session_set(&s->date, v->str, v->len) < 0 ? oom(c, v) : 0;
}

/* "9:30" or "09:30", written back as "09:30". */
static int set_time(yctx *c, const char *key, const ynode *v, char **field)
{
    if (want_scalar(c, key, v) < 0)
        return -1;
    if (is_null(v))
        return 0;
    const char *s = v->str;
    size_t hl = v->len == 5 ? 2 : v->len == 4 ? 1 : 0;
    int ok = hl && s[hl] == ':';
    for (size_t i = 0; ok && i < v->len; i++)
        ok = i == hl || (s[i] >= '0' && s[i] <= '9');
    int h = ok ? atoi(s) : 0, m = ok ? atoi(s + hl + 1) : 0;
    if (!ok || h > 24 || m > 59 || (h == 24 && m))
        return yfail_node(c, v, "\"%s\" must be a time HH:MM, not \"%.40s\"",
                          key, s);
    char t[6] = {(char)('0' + h / 10), (char)('0' + h % 10), ':',
                 (char)('0' + m / 10), (char)('0' + m % 10), '\0'};
    return session_set(field, t, 5) < 0 ? oom(c, v) : 0;
}

/* A two-letter language code, lower-cased into code[3]. */
static int lang_code(yctx *c, const char *key, const ynode *v, char code[3])
{
    const char *s = v->str;
    int ok = v->len == 2;
    for (size_t i = 0; ok && i < 2; i++)
        ok = (s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z');
    if (!ok)
        return yfail_node(
            c, v,
            "\"%s\" must be a two-letter ISO 639-1 language code, "
            "not \"%.40s\"",
            key, s);
    code[0] = (char)(s[0] | 0x20);
    code[1] = (char)(s[1] | 0x20);
    code[2] = '\0';
    return 0;
}

static int set_lang(yctx *c, const char *key, const ynode *v, char **field)
{
    char code[3];
    if (want_scalar(c, key, v) < 0)
        return -1;
    if (is_null(v))
        return 0;
    if (lang_code(c, key, v, code) < 0)
        return -1;
    return session_set(field, code, 2) < 0 ? oom(c, v) : 0;
}

/* A list of strings, or one string; codes: two-letter language codes. */
static int set_strlist(yctx *c, const char *key, const ynode *v, char ***list,
                       size_t *n, int codes)
{
    if (v->kind == YN_MAP)
        return yfail_node(
            c, v, "\"%s\" must be a list of strings, not a mapping", key);
    const ynode *items = v->kind == YN_SEQ ? v->kids : v;
    size_t count = v->kind == YN_SEQ ? v->n : 1;
    for (size_t i = 0; i < count; i++) {
        const ynode *it = &items[i];
        if (it->kind != YN_SCALAR)
            return yfail_node(c, it,
                              "\"%s\" must be a list of strings, not of %s",
                              key, it->kind == YN_MAP ? "mappings" : "lists");
        if (is_null(it))
            continue;
        if (*n >= YAML_MAX_ITEMS)
            return yfail_node(c, it, "more than %d elements in \"%s\"",
                              YAML_MAX_ITEMS, key);
        char code[3];
        const char *str = it->str;
        size_t len = it->len;
        if (codes) {
            if (lang_code(c, key, it, code) < 0)
                return -1;
            str = code;
            len = 2;
        }
        /* trimmed like every other field; empty strings are dropped */
        char *tmp = NULL;
        if (session_set(&tmp, str, len) < 0)
            return oom(c, it);
        if (tmp && session_strlist_add(list, n, tmp, strlen(tmp)) < 0) {
            free(tmp);
            return oom(c, it);
        }
        free(tmp);
    }
    return 0;
}

static int set_bool(yctx *c, const char *key, const ynode *v, int *field)
{
    static const char *const yes[] = {"true", "True", "TRUE", "yes", "Yes",
                                      "YES",  "on",   "On",   "ON"};
    static const char *const no[] = {"false", "False", "FALSE", "no", "No",
                                     "NO",    "off",   "Off",   "OFF"};
    if (want_scalar(c, key, v) < 0)
        return -1;
    if (is_null(v)) {
        *field = 0;
        return 0;
    }
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
        if (strcmp(v->str, yes[i]) == 0) {
            *field = 1;
            return 0;
        }
        if (strcmp(v->str, no[i]) == 0) {
            *field = 0;
            return 0;
        }
    }
    return yfail_node(c, v, "\"%s\" must be true or false, not \"%.40s\"", key,
                      v->str);
}

/* A count: digits only, at most 9 of them (more is no count of repairs). */
static int set_count(yctx *c, const char *key, const ynode *v, size_t *field)
{
    if (want_scalar(c, key, v) < 0)
        return -1;
    if (is_null(v)) {
        *field = 0;
        return 0;
    }
    int ok = v->len >= 1 && v->len <= 9;
    for (size_t i = 0; ok && i < v->len; i++)
        ok = v->str[i] >= '0' && v->str[i] <= '9';
    if (!ok)
        return yfail_node(c, v, "\"%s\" must be a number 0 or more, not \"%.40s\"",
                          key, v->str);
    *field = (size_t)strtoul(v->str, NULL, 10);
    return 0;
}

/* ------------------------------------------------------------ the schema */

typedef enum {
    F_STRING,
    F_DATE,
    F_TIME,
    F_LANG,
    F_LIST,
    F_CODES,
    F_SPEAKERS,
    F_QUOTES,
    F_BOOL,
    F_COUNT,
} ftype;

typedef struct field {
    const char *key;
    ftype type;
    size_t off;       /* of the field (a list: of the array) */
    size_t count_off; /* a list: of its count */
    int required;
} field;

#define S(f) offsetof(session, f)
static const field session_fields[] = {
    {"title", F_STRING, S(title), 0, 1},
    {"code", F_STRING, S(code), 0, 0},
    {"type", F_STRING, S(type), 0, 0},
    {"date", F_DATE, S(date), 0, 0},
    {"start_time", F_TIME, S(start_time), 0, 0},
    {"end_time", F_TIME, S(end_time), 0, 0},
    {"timezone", F_STRING, S(timezone), 0, 0},
    {"venue", F_STRING, S(venue), 0, 0},
    {"description", F_STRING, S(description), 0, 0},
    {"theme", F_STRING, S(theme), 0, 0},
    {"summary", F_STRING, S(summary), 0, 0},
    {"takeaway", F_STRING, S(takeaway), 0, 0},
    {"lang", F_LANG, S(lang), 0, 0},
    {"organisers", F_LIST, S(organisers), S(n_organisers), 0},
    {"interpretation", F_CODES, S(interpretation), S(n_interpretation), 0},
    {"presentations", F_LIST, S(presentations), S(n_presentations), 0},
    {"speakers", F_SPEAKERS, 0, 0, 0},
    {"quotes", F_QUOTES, 0, 0, 0},
    /* informational: what the page reader repaired; written by the dump */
    {"repairs", F_COUNT, S(repairs), 0, 0},
};
#undef S

#define P(f) offsetof(session_speaker, f)
static const field speaker_fields[] = {
    {"name", F_STRING, P(name), 0, 1},
    {"role", F_STRING, P(role), 0, 0},
    {"organisation", F_STRING, P(organisation), 0, 0},
    {"country", F_STRING, P(country), 0, 0},
    {"chair", F_BOOL, P(is_chair), 0, 0},
};
#undef P

#define Q(f) offsetof(session_quote, f)
static const field quote_fields[] = {
    {"speaker", F_STRING, Q(speaker), 0, 0},
    {"affiliation", F_STRING, Q(affiliation), 0, 0},
    {"text", F_STRING, Q(text), 0, 1},
};
#undef Q

#define NFIELDS(t) (sizeof(t) / sizeof((t)[0]))

/* Levenshtein distance, capped: for "did you mean" hints. */
static size_t distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 31 || lb > 31)
        return 99;
    size_t d[32][32];
    for (size_t i = 0; i <= la; i++)
        d[i][0] = i;
    for (size_t j = 0; j <= lb; j++)
        d[0][j] = j;
    for (size_t i = 1; i <= la; i++)
        for (size_t j = 1; j <= lb; j++) {
            size_t x = d[i - 1][j] + 1, y = d[i][j - 1] + 1,
                   z = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
            d[i][j] = x < y ? (x < z ? x : z) : (y < z ? y : z);
        }
    return d[la][lb];
}

static int read_speakers(yctx *c, const ynode *v, session *s);
static int read_quotes(yctx *c, const ynode *v, session *s);

/*
 * Reads mapping m into the struct at base through a field table; what
 * names the struct in messages ("session", "speaker").
 */
static int read_mapping(yctx *c, const ynode *m, const field *fields, size_t nf,
                        char *base, const char *what)
{
    if (m->kind != YN_MAP)
        return yfail_node(c, m, "a %s must be a mapping, not %s", what,
                          kind_name(m));
    unsigned long long seen = 0;
    for (size_t i = 0; i + 1 < m->n; i += 2) {
        const ynode *k = &m->kids[i], *v = &m->kids[i + 1];
        if (k->kind != YN_SCALAR)
            return yfail_node(c, k, "a key must be a string, not %s",
                              kind_name(k));
        size_t f = 0;
        while (f < nf && strcmp(fields[f].key, k->str) != 0)
            f++;
        if (f == nf) {
            const char *hint = NULL;
            for (size_t g = 0; g < nf && !hint; g++)
                if (distance(fields[g].key, k->str) <= 2)
                    hint = fields[g].key;
            if (hint)
                return yfail_node(c, k,
                                  "unknown key \"%.60s\" in a %s (did you mean "
                                  "\"%s\"?)",
                                  k->str, what, hint);
            return yfail_node(c, k, "unknown key \"%.60s\" in a %s", k->str,
                              what);
        }
        if (seen & (1ULL << f))
            return yfail_node(c, k, "duplicate key \"%s\" in a %s", k->str,
                              what);
        seen |= 1ULL << f;
        const field *fd = &fields[f];
        char **str = (char **)(void *)(base + fd->off);
        int rc = 0;
        switch (fd->type) {
        case F_STRING:
            rc = set_string(c, fd->key, v, str);
            if (rc == 0 && fd->required && !*str)
                rc = yfail_node(c, v, "\"%s\" is empty", fd->key);
            break;
        case F_DATE:
            rc = set_date(c, fd->key, v, (session *)(void *)base);
            break;
        case F_TIME:
            rc = set_time(c, fd->key, v, str);
            break;
        case F_LANG:
            rc = set_lang(c, fd->key, v, str);
            break;
        case F_LIST:
        case F_CODES:
            rc = set_strlist(c, fd->key, v, (char ***)(void *)(base + fd->off),
                             (size_t *)(void *)(base + fd->count_off),
                             fd->type == F_CODES);
            break;
        case F_SPEAKERS:
            rc = read_speakers(c, v, (session *)(void *)base);
            break;
        case F_QUOTES:
            rc = read_quotes(c, v, (session *)(void *)base);
            break;
        case F_BOOL:
            rc = set_bool(c, fd->key, v, (int *)(void *)(base + fd->off));
            break;
        case F_COUNT:
            rc = set_count(c, fd->key, v, (size_t *)(void *)(base + fd->off));
            break;
        }
        if (rc < 0)
            return -1;
    }
    for (size_t f = 0; f < nf; f++)
        if (fields[f].required && !(seen & (1ULL << f)))
            return yfail_node(c, m, "a %s without \"%s\"", what, fields[f].key);
    return 0;
}

/* A list of mappings (speakers, quotes); null: none. */
static int check_list(yctx *c, const ynode *v, const char *key)
{
    if (is_null(v))
        return 0;
    if (v->kind != YN_SEQ)
        return yfail_node(c, v, "\"%s\" must be a list, not %s", key,
                          kind_name(v));
    if (v->n > YAML_MAX_ITEMS)
        return yfail_node(c, &v->kids[YAML_MAX_ITEMS],
                          "more than %d %s in one session", YAML_MAX_ITEMS,
                          key);
    return 1;
}

static int read_speakers(yctx *c, const ynode *v, session *s)
{
    int rc = check_list(c, v, "speakers");
    if (rc <= 0)
        return rc;
    for (size_t i = 0; i < v->n; i++) {
        if (s->n_speakers >= YAML_MAX_ITEMS)
            return yfail_node(c, &v->kids[i],
                              "more than %d speakers in one session",
                              YAML_MAX_ITEMS);
        session_speaker *sp = session_add_speaker(s);
        if (!sp)
            return oom(c, &v->kids[i]);
        if (read_mapping(c, &v->kids[i], speaker_fields,
                         NFIELDS(speaker_fields), (char *)sp, "speaker") < 0)
            return -1;
    }
    return 0;
}

static int read_quotes(yctx *c, const ynode *v, session *s)
{
    int rc = check_list(c, v, "quotes");
    if (rc <= 0)
        return rc;
    for (size_t i = 0; i < v->n; i++) {
        if (s->n_quotes >= YAML_MAX_ITEMS)
            return yfail_node(c, &v->kids[i],
                              "more than %d quotes in one session",
                              YAML_MAX_ITEMS);
        session_quote *q = session_add_quote(s);
        if (!q)
            return oom(c, &v->kids[i]);
        if (read_mapping(c, &v->kids[i], quote_fields, NFIELDS(quote_fields),
                         (char *)q, "quote") < 0)
            return -1;
    }
    return 0;
}

static int read_session(yctx *c, const ynode *m, session_list *l)
{
    if (m->kind != YN_MAP)
        return yfail_node(c, m, "a session must be a mapping, not %s",
                          kind_name(m));
    if (c->sessions >= YAML_MAX_SESSIONS)
        return yfail_node(c, m, "more than %d sessions in one file",
                          YAML_MAX_SESSIONS);
    session *s = session_list_push(l);
    if (!s)
        return oom(c, m);
    c->sessions++;
    return read_mapping(c, m, session_fields, NFIELDS(session_fields),
                        (char *)s, "session");
}

/* A document: a session, a list of sessions, or nothing. */
static int read_document(yctx *c, const ynode *root, session_list *l)
{
    if (is_null(root))
        return 0;
    if (root->kind == YN_MAP)
        return read_session(c, root, l);
    if (root->kind == YN_SEQ) {
        for (size_t i = 0; i < root->n; i++)
            if (read_session(c, &root->kids[i], l) < 0)
                return -1;
        return 0;
    }
    return yfail_node(c, root,
                      "expected a session (a mapping) or a list of sessions");
}

int yaml_read_sessions(const char *text, size_t len, session_list *out,
                       char *err, size_t errlen)
{
    yctx c;
    session_list got = {NULL, 0, 0};
    int rc = ytree_open(&c, text, len, err, errlen);
    while (rc == 0) {
        ynode root;
        int more = ytree_next(&c, &root);
        if (more <= 0) {
            rc = more;
            break;
        }
        rc = read_document(&c, &root, &got);
        ynode_free(&root);
    }
    ytree_close(&c);
    if (rc == 0 && got.n == 0)
        rc = yfail_at(&c, 1, 1, "no session in this file");
    if (rc == 0 && out->n + got.n > out->cap) {
        session *p = realloc(out->items, (out->n + got.n) * sizeof *p);
        if (!p)
            rc = yfail_at(&c, 1, 1, "out of memory");
        else {
            out->items = p;
            out->cap = out->n + got.n;
        }
    }
    if (rc < 0) {
        session_list_free(&got);
        return -1;
    }
    memcpy(out->items + out->n, got.items, got.n * sizeof *got.items);
    out->n += got.n;
    free(got.items);
    return 0;
}
