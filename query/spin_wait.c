/* spin_wait.c — see spin_wait.h. */
#include "spin_wait.h"

#include <time.h>

static long long now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000000000 + t.tv_nsec;
}

/* Tells the processor that this is a wait loop: a sibling hyperthread
 * gets the core, and leaving the loop does not flush the pipeline. */
static void relax(void)
{
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#endif
}

int spin_wait(atomic_int *flag)
{
    long long until = 0;
    for (unsigned i = 0;; i++) {
        if (atomic_load_explicit(flag, memory_order_acquire))
            return 1;
        relax();
        /* the clock is read every 64 looks, a few microseconds apart */
        if (i % 64 == 0) {
            long long t = now_ns();
            if (!until)
                until = t + SPIN_WAIT_NS;
            else if (t >= until)
                return 0;
        }
    }
}
