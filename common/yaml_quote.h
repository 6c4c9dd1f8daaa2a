/*
 * yaml_quote.h — which strings YAML must quote to keep them strings.  Both
 * YAML writers (the session dump and evsearch --yaml) ask this one place.
 */
#ifndef EVS_COMMON_YAML_QUOTE_H
#define EVS_COMMON_YAML_QUOTE_H

#include <stddef.h>

/*
 * Whether a YAML 1.1 or 1.2 reader would take s[0..len), written plain, for
 * something other than a string: empty (null), null, booleans (YAML 1.1
 * has "yes", "no", "on", "off", "y", "n": "no" is also Norwegian's language
 * code), numbers in any base, with "_" or as base 60 ("14:30", which is why
 * times are quoted), ".inf", ".nan", and the merge key "<<".  Erring on the
 * side of quoting is harmless: only readability is at stake.  Whether plain
 * style is possible at all (a leading "- ", a ": ") is the emitter's call.
 */
int yaml_needs_quotes(const char *s, size_t len);

#endif
