/*
 * test_yaml_writer.c — the YAML writer: whatever it writes reads back into
 * the same sessions, field by field.  Every corpus page and YAML example
 * goes page -> sessions -> YAML -> sessions; so do values that YAML makes
 * hard (quotes, colons, "#", indicators, line breaks, non-ASCII, "yes",
 * "no", "null", "123").  Also: the layout of the output, the multi-document
 * stream, `repairs`, and what the writer refuses.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/buf.h"
#include "indexer/page_reader.h"
#include "indexer/yaml_reader.h"
#include "indexer/yaml_writer.h"
#include "tests/check.h"
#include "tests/testdata.h"

static char err[512];

/* Writes l as YAML, reads it back and compares every session; name says
 * which input a failure is about.  Returns the YAML (free it) or NULL. */
static char *roundtrip(const session_list *l, const char *name)
{
    buf out = BUF_INIT;
    int rc = yaml_write_sessions(l, name, &out, err, sizeof err);
    CHECK_INT(rc, YAML_WRITE_OK);
    if (rc != YAML_WRITE_OK) {
        fprintf(stderr, "  %s: writing failed: %s\n", name, err);
        buf_free(&out);
        return NULL;
    }
    session_list back = {NULL, 0, 0};
    rc = yaml_read_sessions(out.data, out.len, &back, err, sizeof err);
    CHECK_INT(rc, 0);
    if (rc != 0) {
        /* show the line the reader refused */
        const char *line = out.data;
        for (unsigned long n = strtoul(err, NULL, 10); n > 1 && line; n--)
            if ((line = strchr(line, '\n')) != NULL)
                line++;
        fprintf(stderr, "  %s: the YAML does not read back: %s\n  > %.*s\n", name,
                err, line ? (int)strcspn(line, "\n") : 0, line ? line : "");
    }
    CHECK_INT(back.n, l->n);
    for (size_t i = 0; i < l->n && i < back.n; i++) {
        char what[128];
        int differs = session_diff(&l->items[i], &back.items[i], what, sizeof what);
        CHECK_INT(differs, 0);
        if (differs)
            fprintf(stderr, "  %s, session %zu (%s): \"%s\" differs after the round trip\n",
                    name, i + 1, l->items[i].title, what);
    }
    session_list_free(&back);
    return buf_detach(&out);
}

/* Calls fn on each file of $EVS_SOURCE_DIR/dir whose name ends in one of
 * the suffixes; returns how many, -1 when there is no such directory. */
static int each_file(const char *dir, const char *const *suffixes,
                     void (*fn)(const char *rel))
{
    const char *src = getenv("EVS_SOURCE_DIR");
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", src ? src : ".", dir);
    DIR *d = opendir(path);
    if (!d)
        return -1;
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t len = strlen(e->d_name);
        for (const char *const *s = suffixes; *s; s++) {
            size_t sl = strlen(*s);
            if (e->d_name[0] != '.' && len > sl &&
                strcmp(e->d_name + len - sl, *s) == 0) {
                char rel[4096];
                snprintf(rel, sizeof rel, "%s/%s", dir, e->d_name);
                fn(rel);
                n++;
                break;
            }
        }
    }
    closedir(d);
    return n;
}

/* ------------------------------------------------------------ inputs */

static void page_roundtrip(const char *rel)
{
    size_t len;
    char *text = slurp(rel, &len);
    CHECK(text != NULL);
    if (!text)
        return;
    session_list l = {NULL, 0, 0};
    session *s = session_list_push(&l);
    int rc = page_read(text, len, s, err, sizeof err);
    CHECK_INT(rc, 0);
    if (rc == 0)
        free(roundtrip(&l, rel));
    else
        fprintf(stderr, "  %s: not read as a page: %s\n", rel, err);
    session_list_free(&l);
    free(text);
}

static void yaml_roundtrip(const char *rel)
{
    size_t len;
    char *text = slurp(rel, &len);
    CHECK(text != NULL);
    if (!text)
        return;
    session_list l = {NULL, 0, 0};
    int rc = yaml_read_sessions(text, len, &l, err, sizeof err);
    CHECK_INT(rc, 0);
    if (rc == 0)
        free(roundtrip(&l, rel));
    else
        fprintf(stderr, "  %s: %s\n", rel, err);
    session_list_free(&l);
    free(text);
}

static void test_corpus(void)
{
    static const char *const txt[] = {".txt", NULL};
    static const char *const yaml[] = {".yaml", ".yml", NULL};
    /* the seed and the pages written for the project, at the least */
    CHECK(each_file("corpus", txt, page_roundtrip) >= 15);
    CHECK(each_file("tests/data/readers", txt, page_roundtrip) >= 2);
    CHECK(each_file("corpus/yaml", yaml, yaml_roundtrip) >= 2);
    /* the page reader's layout samples, where there are any (mojibake
     * repairs among them) */
    each_file("tests/data/layouts", txt, page_roundtrip);
}

/* ------------------------------------------------------------ hard values */

static void set(char **field, const char *v)
{
    CHECK_INT(session_set(field, v, strlen(v)), 0);
}

/* Appends v trimmed, as the readers add list elements. */
static void add(char ***list, size_t *n, const char *v)
{
    char *t = NULL;
    set(&t, v);
    CHECK_INT(session_strlist_add(list, n, t, strlen(t)), 0);
    free(t);
}

/* Values YAML has a rule about; each is trimmed, as the readers leave every
 * value. */
static const char *const hard[] = {
    "He said \"yes\": it's done",
    "key: value inside",
    "ends with a colon:",
    "#hashtag first",
    "value # with a comment marker",
    "- starts like a list item",
    "? like a complex key",
    ": like a value",
    "[not a list]",
    "{not: a map}",
    "&anchor",
    "*alias",
    "!tag",
    "!!str",
    "%directive",
    "@at",
    "`backtick",
    "'single quote",
    "\"double quote",
    "> folded",
    "| literal",
    "---",
    "...",
    "--- not a document",
    "a\tb with a tab",
    "yes", "no", "No", "NO", "y", "n", "on", "off", "true", "False",
    "null", "Null", "~", "123", "-7", "+2.5", "1e3", "0x1F", "0o17", "1_000",
    ".inf", "-.inf", ".NaN", "14:30", "190:20:30", "2019-10-09", "<<", "=",
    "9WS29", "09C14",
    "Île-de-France — Mattinò; Περίληψη; Łódź; Ελλάδα; 日本語; 🚀",
    "no\xC2\xA0" "break space inside",
    "line\xE2\x80\xA8separator and next\xC2\x85line",
    "zero\xE2\x80\x8Bwidth and \xEF\xBB\xBF BOM",
    "First line\n   indented second line\n\nthird paragraph",
    "line with trailing space \nnext line",
    "text\n# not a comment\n- not a list\n---\n...\nkey: value",
    "windows\r\nline break",
    "\ttab first\nthen",
    "two  spaces  kept  and a very long line that the emitter has to fold "
    "somewhere because it is much longer than eighty columns, with  double  "
    "spaces  around  the  places  where  it  might  fold  it,  again  and  "
    "again  and  again  until  the  end",
    "averyveryverylongwordwithoutanyspacethatcannotbefoldedanywhereatallbecause"
    "thereisnoplacetobreakitsoitstaysononelineeventhoughitislongerthanthewidth",
};

static void test_hard_values(void)
{
    session_list l = {NULL, 0, 0};
    for (size_t i = 0; i < sizeof hard / sizeof hard[0]; i++) {
        session *s = session_list_push(&l);
        CHECK(s != NULL);
        if (!s)
            break;
        const char *v = hard[i];
        /* in every kind of place: a session's value, a list element, a
         * speaker's and a quote's value, a literal block */
        set(&s->title, v);
        set(&s->theme, v);
        set(&s->code, v);
        add(&s->organisers, &s->n_organisers, v);
        add(&s->presentations, &s->n_presentations, v);
        session_speaker *p = session_add_speaker(s);
        set(&p->name, v);
        set(&p->country, v);
        session_quote *q = session_add_quote(s);
        set(&q->speaker, v);
        set(&q->text, v);
        char summary[1024];
        snprintf(summary, sizeof summary, "Before.\n%s\nAfter.", v);
        set(&s->summary, summary);
    }
    char *yaml = roundtrip(&l, "hard values");
    if (yaml) {
        /* quoted where another YAML tool would not see a string */
        CHECK(strstr(yaml, "\n  theme: \"yes\"\n") != NULL);
        CHECK(strstr(yaml, "\n  theme: \"no\"\n") != NULL);
        CHECK(strstr(yaml, "\n  theme: \"null\"\n") != NULL);
        CHECK(strstr(yaml, "\n  theme: \"123\"\n") != NULL);
        CHECK(strstr(yaml, "\n  theme: \"14:30\"\n") != NULL);
        CHECK(strstr(yaml, "\n  - \"off\"\n") != NULL);
        /* a code stays plain; non-ASCII is written as it is */
        CHECK(strstr(yaml, "\n  code: 9WS29\n") != NULL);
        CHECK(strstr(yaml, "Île-de-France — Mattinò") != NULL);
        /* multi-line texts as literal blocks */
        CHECK(strstr(yaml, "summary: |-\n    Before.\n") != NULL);
    }
    free(yaml);
    session_list_free(&l);
}

/* ------------------------------------------------------------ layout */

static void full_session(session *s)
{
    set(&s->title, "Circular ports: turning harbour waste into supply");
    set(&s->code, "9LAB12");
    set(&s->type, "Participatory lab");
    set(&s->date, "2019-10-09");
    s->year = 2019;
    set(&s->start_time, "09:30");
    set(&s->end_time, "16:00");
    set(&s->timezone, "CEST");
    set(&s->venue, "Committee of the Regions, room JDE 51");
    set(&s->lang, "no");
    set(&s->theme, "Green Europe");
    add(&s->organisers, &s->n_organisers, "North Sea Ports Alliance");
    add(&s->organisers, &s->n_organisers, "Provincie Zeeland");
    add(&s->interpretation, &s->n_interpretation, "no");
    add(&s->interpretation, &s->n_interpretation, "de");
    set(&s->description, "Ports handle a fifth of the materials.\nThis lab maps them.");
    session_speaker *p = session_add_speaker(s);
    set(&p->name, "Hanna de Vries");
    set(&p->role, "Moderator");
    set(&p->organisation, "North Sea Ports Alliance");
    set(&p->country, "Netherlands");
    p->is_chair = 1;
    p = session_add_speaker(s);
    set(&p->name, "Olivier Marchand");
    set(&s->summary, "First paragraph.\n\nSecond paragraph.");
    set(&s->takeaway, "A port becomes circular when the region buys what it recovers.");
    add(&s->presentations, &s->n_presentations, "Material streams (slides)");
    session_quote *q = session_add_quote(s);
    set(&q->speaker, "Pieter Claes");
    set(&q->affiliation, "Port of Vlissingen");
    set(&q->text, "Every tonne of sand we sell locally no longer travels by barge.");
    s->repairs = 4;
}

static void test_layout(void)
{
    session_list l = {NULL, 0, 0};
    full_session(session_list_push(&l));
    char *yaml = roundtrip(&l, "full.yaml");
    const char *want =
        "# full.yaml\n"
        "---\n"
        "title: 'Circular ports: turning harbour waste into supply'\n"
        "code: 9LAB12\n"
        "type: Participatory lab\n"
        "date: 2019-10-09\n"
        "start_time: \"09:30\"\n"
        "end_time: \"16:00\"\n"
        "timezone: CEST\n"
        "venue: Committee of the Regions, room JDE 51\n"
        "lang: \"no\"\n"
        "theme: Green Europe\n"
        "organisers:\n"
        "- North Sea Ports Alliance\n"
        "- Provincie Zeeland\n"
        "interpretation: [\"no\", de]\n"
        "description: |-\n"
        "  Ports handle a fifth of the materials.\n"
        "  This lab maps them.\n"
        "speakers:\n"
        "- name: Hanna de Vries\n"
        "  role: Moderator\n"
        "  organisation: North Sea Ports Alliance\n"
        "  country: Netherlands\n"
        "  chair: true\n"
        "- name: Olivier Marchand\n"
        "summary: |-\n"
        "  First paragraph.\n"
        "\n"
        "  Second paragraph.\n"
        "takeaway: A port becomes circular when the region buys what it recovers.\n"
        "presentations:\n"
        "- Material streams (slides)\n"
        "quotes:\n"
        "- speaker: Pieter Claes\n"
        "  affiliation: Port of Vlissingen\n"
        "  text: Every tonne of sand we sell locally no longer travels by barge.\n"
        "repairs: 4\n";
    CHECK_STR(yaml, want);
    free(yaml);

    /* chair only when set, repairs only when there were some */
    l.items[0].speakers[0].is_chair = 0;
    l.items[0].repairs = 0;
    yaml = roundtrip(&l, NULL);
    CHECK(yaml && strncmp(yaml, "---\n", 4) == 0); /* no source: no comment */
    CHECK(yaml && !strstr(yaml, "chair"));
    CHECK(yaml && !strstr(yaml, "repairs"));
    free(yaml);
    session_list_free(&l);
}

/* Several calls into one buffer: one stream, one document per source, even
 * with names that are not one line of valid UTF-8. */
static void test_stream(void)
{
    session_list a = {NULL, 0, 0}, b = {NULL, 0, 0};
    full_session(session_list_push(&a));
    full_session(session_list_push(&b));
    full_session(session_list_push(&b));
    set(&b.items[1].title, "The second of two");
    buf out = BUF_INIT;
    CHECK_INT(yaml_write_sessions(&a, "one.txt", &out, err, sizeof err), 0);
    CHECK_INT(yaml_write_sessions(&b, "dir/two\n---\ntitle: x\xff\xE2\x80\xA8.yaml",
                                  &out, err, sizeof err), 0);
    CHECK(strstr(out.data, "\n# dir/two?---?title: x??.yaml\n---\n- title: ") != NULL);
    session_list back = {NULL, 0, 0};
    CHECK_INT(yaml_read_sessions(out.data, out.len, &back, err, sizeof err), 0);
    CHECK_INT(back.n, 3);
    if (back.n == 3) {
        CHECK_INT(session_diff(&a.items[0], &back.items[0], NULL, 0), 0);
        CHECK_INT(session_diff(&b.items[0], &back.items[1], NULL, 0), 0);
        CHECK_INT(session_diff(&b.items[1], &back.items[2], NULL, 0), 0);
    }
    session_list_free(&back);
    session_list_free(&a);
    session_list_free(&b);
    buf_free(&out);
}

/* ------------------------------------------------------------ refusals */

/* Writing l must fail with want; out keeps what it had. */
static void check_refused(const session_list *l, int rc_want, const char *want)
{
    buf out = BUF_INIT;
    buf_puts(&out, "kept");
    CHECK_INT(yaml_write_sessions(l, "x.txt", &out, err, sizeof err), rc_want);
    CHECK_STR(err, want);
    CHECK_STR(out.data, "kept");
    buf_free(&out);
}

static void test_refusals(void)
{
    session_list l = {NULL, 0, 0};
    check_refused(&l, YAML_WRITE_INVALID, "no session to write");

    full_session(session_list_push(&l));
    session *s = session_list_push(&l);
    check_refused(&l, YAML_WRITE_INVALID, "session 2: no title");
    set(&s->title, "Second");
    session_add_speaker(s);
    check_refused(&l, YAML_WRITE_INVALID, "session 2, speaker 1: no name");
    set(&s->speakers[0].name, "Someone");
    session_add_quote(s);
    check_refused(&l, YAML_WRITE_INVALID, "session 2, quote 1: no text");
    set(&s->quotes[0].text, "Said.");
    set(&s->theme, "bad \xC3\x28 UTF-8");
    check_refused(&l, YAML_WRITE_INVALID,
                  "session 2: \"theme\" is not valid UTF-8");
    free(s->theme);
    s->theme = NULL;

    /* what the reader would refuse as too long is not written */
    size_t big = YAML_MAX_SCALAR + 1;
    char *text = malloc(big + 1);
    CHECK(text != NULL);
    if (text) {
        memset(text, 'a', big);
        text[big] = '\0';
        s->description = text;
        check_refused(&l, YAML_WRITE_INVALID,
                      "session 2: \"description\" is longer than the YAML "
                      "reader's limit of 1 MiB");
        free(s->description);
        s->description = NULL;
    }
    for (int i = 0; i <= YAML_MAX_ITEMS; i++)
        add(&s->organisers, &s->n_organisers, "Org");
    check_refused(&l, YAML_WRITE_INVALID,
                  "session 2: more than 1000 elements in \"organisers\"");
    session_list_free(&l);
}

/* The reader side of `repairs`: informational, a count or nothing. */
static void test_repairs_key(void)
{
    session_list l = {NULL, 0, 0};
    const char *ok = "title: T\nrepairs: 12\n";
    CHECK_INT(yaml_read_sessions(ok, strlen(ok), &l, err, sizeof err), 0);
    CHECK_INT(l.n ? l.items[0].repairs : 99, 12);
    session_list_free(&l);
    const char *none = "title: T\nrepairs:\n";
    CHECK_INT(yaml_read_sessions(none, strlen(none), &l, err, sizeof err), 0);
    CHECK_INT(l.n ? l.items[0].repairs : 99, 0);
    session_list_free(&l);
    const char *bad = "title: T\nrepairs: -1\n";
    CHECK_INT(yaml_read_sessions(bad, strlen(bad), &l, err, sizeof err), -1);
    CHECK_STR(err, "2:10: \"repairs\" must be a number 0 or more, not \"-1\"");
    session_list_free(&l);
}

int main(void)
{
    test_corpus();
    test_hard_values();
    test_layout();
    test_stream();
    test_refusals();
    test_repairs_key();
    return check_exit();
}
