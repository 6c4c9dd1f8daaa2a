/*
 * render_text.h — search results for people: ranked sessions, then quotes,
 * wrapped to the terminal, matches in colour (or between plain markers when
 * colour is off).
 */
#ifndef EVS_CLI_RENDER_TEXT_H
#define EVS_CLI_RENDER_TEXT_H

#include <stdio.h>

#include "evsearch.h"

typedef struct text_style {
    int color;              /* ANSI colour and bold */
    int width;              /* wrap at this many columns */
    const char *mark_on;    /* around matches when color is off */
    const char *mark_off;
} text_style;

/* The style for out: colour on a terminal unless NO_COLOR is set, the
 * terminal's width, else 80 columns. */
text_style text_style_for(FILE *out);

void render_text(FILE *out, const evs_results *res, unsigned offset, const text_style *st);

#endif
