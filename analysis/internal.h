/*
 * internal.h — what the analysis files share with their unit test only.
 */
#ifndef EVS_ANALYSIS_INTERNAL_H
#define EVS_ANALYSIS_INTERNAL_H

/* Checks that every word in the language detector's tables is spelled as
 * txt_fold spells it (else it could never match).  Returns the number of
 * words that are not, and sets *bad (may be NULL) to one of them. */
int txt_detect_check_tables(const char **bad);

#endif
