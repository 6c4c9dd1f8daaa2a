/*
 * grow.h — room for more in a growing array: the one doubling step that
 * the project's lists (tokens, spans, page lines, YAML nodes, sessions)
 * take when full.
 */
#ifndef EVS_COMMON_GROW_H
#define EVS_COMMON_GROW_H

#include <stdlib.h>

/*
 * items reallocated to twice *cap elements of size bytes (first elements
 * when *cap is 0), and *cap updated.  NULL when memory ran out or the size
 * would overflow; items and *cap are then as they were.
 */
static inline void *grow_array(void *items, size_t *cap, size_t size, size_t first)
{
    size_t n = *cap ? *cap * 2 : first;
    if (n < *cap || n > (size_t)-1 / size)
        return NULL;
    void *p = realloc(items, n * size);
    if (p)
        *cap = n;
    return p;
}

#endif
