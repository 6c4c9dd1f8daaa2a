/*
 * render_html.h — search results as an HTML page: the text escaped, the
 * matches in <mark>, nothing else interpreted.  For pasting into a report
 * or serving as it is.
 */
#ifndef EVS_CLI_RENDER_HTML_H
#define EVS_CLI_RENDER_HTML_H

#include <stdio.h>

#include "evsearch.h"

void render_html(FILE *out, const char *query, const evs_results *res, unsigned offset);

#endif
