/*
 * remove_tree.h — a directory and everything under it, removed.
 *
 * For what evsearch itself wrote and must not leave behind: a merge that
 * failed part way, the shards and scratch databases of a parallel build.
 */
#ifndef EVS_COMMON_REMOVE_TREE_H
#define EVS_COMMON_REMOVE_TREE_H

/* Removes path: a file or link as it is (a link's target is left alone),
 * a directory with all it holds.  Best effort: what cannot be removed
 * stays, and the rest goes.  0, or -1 when anything stayed. */
int remove_tree(const char *path);

#endif
