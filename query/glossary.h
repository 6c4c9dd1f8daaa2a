/*
 * glossary.h — a cross-language glossary: concepts whose terms in several
 * languages mean the same ("value chain" = "chaîne de valeur" =
 * "Wertschöpfungskette"), so that a query in one language also finds the
 * sessions written in the others.  The file format is in glossary/README.md.
 *
 * Terms are kept as folded words (the analysis' terms), so matching them
 * against a query's words ignores case and accents, as everything else.
 */
#ifndef EVS_QUERY_GLOSSARY_H
#define EVS_QUERY_GLOSSARY_H

#include <stddef.h>

typedef struct glossary_term {
    char lang[8];
    char *text;             /* as written in the file */
    char **words;           /* folded */
    size_t n_words;
} glossary_term;

typedef struct glossary_concept {
    char *name;
    glossary_term *terms;
    size_t n_terms;
} glossary_concept;

typedef struct glossary {
    glossary_concept *concepts;
    size_t n;
} glossary;

/* Reads the glossary file at path.  NULL with "PATH:LINE:COL: reason" (or
 * "PATH: reason") in err when it cannot be read or is not a glossary. */
glossary *glossary_load(const char *path, char *err, size_t errlen);
void glossary_free(glossary *g);

/* The concept one of whose terms is exactly the folded words w[0..n), or
 * NULL; *term receives the index of that term. */
const glossary_concept *glossary_find(const glossary *g, char *const *w, size_t n,
                                      size_t *term);

#endif
