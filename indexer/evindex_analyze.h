/*
 * evindex_analyze.h — `evindex --analyze [--lang CODE] [--json] [TEXT...]`:
 * how evsearch reads a text, token by token (see evs_analyze).
 */
#ifndef EVS_INDEXER_EVINDEX_ANALYZE_H
#define EVS_INDEXER_EVINDEX_ANALYZE_H

/* Whether argv asks for --analyze (before a "--"). */
int evindex_wants_analyze(int argc, char **argv);

/* Runs `evindex --analyze ...` with evindex's own argc and argv; returns
 * the exit status: 0, or 2 on a usage error or when output failed. */
int evindex_analyze_main(int argc, char **argv);

#endif
