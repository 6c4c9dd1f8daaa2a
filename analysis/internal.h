/*
 * internal.h — what the analysis files share with their unit test only.
 */
#ifndef EVS_ANALYSIS_INTERNAL_H
#define EVS_ANALYSIS_INTERNAL_H

/* Checks that every word in the function words' tables is spelled as
 * txt_fold spells it (else it could never match) and that
 * txt_is_function_word finds it.  Returns the number of words that fail,
 * and sets *bad (may be NULL) to one of them. */
int txt_function_words_check(const char **bad);

#endif
