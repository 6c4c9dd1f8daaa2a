/*
 * usable_cpus.h — how many processors this process may run on.
 */
#ifndef EVS_COMMON_USABLE_CPUS_H
#define EVS_COMMON_USABLE_CPUS_H

/* The processors of the process's affinity mask (taskset, cpusets), which
 * may be fewer than the machine has; the machine's count when the mask
 * cannot be read.  At least 1. */
long usable_cpus(void);

#endif
