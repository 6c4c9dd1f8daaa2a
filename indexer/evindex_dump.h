/*
 * evindex_dump.h — `evindex --dump FILE...`: what was understood of each
 * file, printed as YAML.
 */
#ifndef EVS_INDEXER_EVINDEX_DUMP_H
#define EVS_INDEXER_EVINDEX_DUMP_H

/* Prints the YAML of each of the n files to stdout and an error naming each
 * file that fails to stderr; returns the exit status: 0, 1 when some file
 * failed, 2 when stdout could not be written. */
int evindex_dump(char *const *files, int n);

#endif
