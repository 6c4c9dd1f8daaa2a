/* schema.c — the table behind schema.h. */
#include "schema.h"

#include <stdio.h>
#include <string.h>

/*
 * Weights follow what users mean when a word appears somewhere: in the
 * title it names the session; in the take-away or summary it is what the
 * session concluded; in the description what it planned; in a quote what
 * one speaker said; in a name or label, a passing mention.
 *
 * A field's words are indexed as plain terms with positions (for phrases
 * anywhere) and, when the field has a prefix, again under the prefix, with
 * positions too ("title:...").
 *
 * Quote documents keep to terms of their own: the quote's text under "T"
 * (its stems under "ZT"), the speaker and the affiliation under their own
 * prefixes, and no plain terms.  So the search for sessions and the search
 * for quotes (the query is built for each kind, see query/matcher.c) read
 * postings of their own kind only, rather than each reading both and
 * filtering the other out.  A quote's text is plain terms in its session
 * document too, which the quote's words then find.
 */
const schema_text_field schema_text_fields[] = {
    { F_TITLE,             "title",       "S",          6, 0 },
    { F_TAKEAWAY,          "takeaway",    NULL,         4, 0 },
    { F_SUMMARY,           "summary",     NULL,         3, 0 },
    { F_DESCRIPTION,       "description", NULL,         3, 0 },
    { F_SPEAKERS,          "speaker",     "A",          1, 0 },
    { F_ORGANISERS,        "org",         "XORG:",      1, 0 },
    { F_THEME,             "theme",       "XTHEME:",    1, 0 },
    { F_COUNTRY,           "country",     "XCOUNTRY:",  1, 0 },
    { F_TYPE,              "type",        "XTYPE:",     1, 0 },
    { F_ROLE,              "role",        NULL,         1, 0 },
    { F_QUOTE_TEXT,        "quote",       "T",          2, 1 },
    { F_QUOTE_SPEAKER,     "speaker",     "XQA:",       1, 1 },
    { F_QUOTE_AFFILIATION, "org",         "XQORG:",     1, 1 },
};

/* A quote's text in its session document: plain terms alone. */
const schema_text_field schema_quote_in_session = { F_QUOTE_TEXT, "quote", NULL, 2, 0 };

const size_t schema_text_field_count =
    sizeof schema_text_fields / sizeof schema_text_fields[0];

const schema_text_field *schema_text_field_of(schema_field f)
{
    for (size_t i = 0; i < schema_text_field_count; i++)
        if (schema_text_fields[i].field == f)
            return &schema_text_fields[i];
    return NULL;
}

const schema_text_field *schema_quote_field(const schema_text_field *tf)
{
    if (!tf)
        return schema_text_field_of(F_QUOTE_TEXT);
    for (size_t i = 0; i < schema_text_field_count; i++)
        if (schema_text_fields[i].quote_doc && strcmp(schema_text_fields[i].name, tf->name) == 0)
            return &schema_text_fields[i];
    return NULL;
}

const schema_text_field *schema_text_field_named(const char *name, size_t len)
{
    for (size_t i = 0; i < schema_text_field_count; i++) {
        const schema_text_field *tf = &schema_text_fields[i];
        if (tf->prefix && strlen(tf->name) == len && memcmp(tf->name, name, len) == 0)
            return tf;
    }
    return NULL;
}

const schema_filter_field schema_filter_fields[] = {
    { "lang",   PREFIX_LANG,   -1,        FILTER_CODE },
    { "interp", PREFIX_INTERP, -1,        FILTER_CODE },
    { "code",   PREFIX_CODE,   -1,        FILTER_CODE },
    { "year",   PREFIX_YEAR,   SLOT_YEAR, FILTER_YEAR },
    { "date",   NULL,          SLOT_DATE, FILTER_DATE },
};

const size_t schema_filter_field_count =
    sizeof schema_filter_fields / sizeof schema_filter_fields[0];

const schema_filter_field *schema_filter_field_named(const char *name, size_t len)
{
    for (size_t i = 0; i < schema_filter_field_count; i++)
        if (strlen(schema_filter_fields[i].name) == len &&
            memcmp(schema_filter_fields[i].name, name, len) == 0)
            return &schema_filter_fields[i];
    return NULL;
}

void schema_field_names(char *out, size_t size)
{
    size_t used = 0;
    if (!size)
        return;
    out[0] = '\0';
    /* text fields that can be searched alone, each name once, then filters */
    for (size_t i = 0; i < schema_text_field_count + schema_filter_field_count; i++) {
        const char *name;
        if (i < schema_text_field_count) {
            const schema_text_field *tf = &schema_text_fields[i];
            if (!tf->prefix || schema_text_field_named(tf->name, strlen(tf->name)) != tf)
                continue;
            name = tf->name;
        } else {
            name = schema_filter_fields[i - schema_text_field_count].name;
        }
        int n = snprintf(out + used, size - used, "%s%s", used ? ", " : "", name);
        if (n < 0 || (size_t)n >= size - used)
            return;
        used += (size_t)n;
    }
}
