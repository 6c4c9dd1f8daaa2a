/*
 * spin_wait.h — waiting for a flag that another thread is about to set.
 *
 * Falling asleep on a condition variable costs a wake-up: the sleeper runs
 * again tens of microseconds after it is signalled.  A search hands its
 * quotes to a second thread and waits for it (side_search.c), and the
 * second thread waits for the sessions' search to end before it helps
 * fill their hits (search_kinds.c): with searches of about 600 µs, the
 * wake-ups at both ends of a search were 30 and 24 µs (medians over the
 * benchmark's queries).  spin_wait looks at the flag for a short while
 * first; the caller then sleeps as before if it is not set, so a thread
 * left idle (no search coming) sleeps after SPIN_WAIT_NS.
 *
 * The window is short because a busy machine punishes a long one: with
 * two other processes keeping both processors busy, 200 µs took the
 * benchmark's p50 from 0.85 to 1.31 ms, where 50 µs took it from 0.83 to
 * 0.72 ms.  On an idle machine 200 µs did better (p50 605 to 543 µs),
 * 50 µs about as well as sleeping in a fresh process, and better in one
 * that has searched before (p50 612 to 508 µs).
 */
#ifndef EVS_QUERY_SPIN_WAIT_H
#define EVS_QUERY_SPIN_WAIT_H

#include <stdatomic.h>

#define SPIN_WAIT_NS 50000

/* Whether *flag became non-zero within SPIN_WAIT_NS (read with acquire
 * ordering, without any lock). */
int spin_wait(atomic_int *flag);

#endif
