/* usable_cpus.c — see usable_cpus.h. */
#define _GNU_SOURCE     /* sched_getaffinity */
#include "usable_cpus.h"

#include <sched.h>
#include <unistd.h>

long usable_cpus(void)
{
    cpu_set_t set;
    long n = sched_getaffinity(0, sizeof set, &set) == 0 ? CPU_COUNT(&set)
                                                         : sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n;
}
