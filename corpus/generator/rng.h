/*
 * rng.h — the generator's own random numbers: xoshiro256** seeded through
 * splitmix64.  Integer arithmetic only, so that a seed gives the same
 * stream on every machine and with every C library (rand() does not).
 */
#ifndef EVGEN_RNG_H
#define EVGEN_RNG_H

#include <stdint.h>

typedef struct rng {
    uint64_t s[4];
} rng;

static inline uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
}

/* A stream of its own for each (seed, stream) pair: page i of a corpus
 * depends only on the seed and i, whatever the count. */
static inline void rng_init(rng *r, uint64_t seed, uint64_t stream)
{
    uint64_t x = seed ^ (stream * 0xD1B54A32D192ED03u);
    for (int i = 0; i < 4; i++)
        r->s[i] = splitmix64(&x);
}

static inline uint64_t rng_next(rng *r)
{
    uint64_t *s = r->s;
    uint64_t t = s[1] * 5;
    uint64_t result = ((t << 7) | (t >> 57)) * 9;
    t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = (s[3] << 45) | (s[3] >> 19);
    return result;
}

/* Uniform in [0, n), n < 2^32 (multiply-shift on the high 32 bits). */
static inline uint32_t rng_below(rng *r, uint32_t n)
{
    return (uint32_t)(((rng_next(r) >> 32) * (uint64_t)n) >> 32);
}

/* Uniform in [lo, hi]. */
static inline int rng_range(rng *r, int lo, int hi)
{
    return lo + (int)rng_below(r, (uint32_t)(hi - lo + 1));
}

/* True with probability num/den. */
static inline int rng_chance(rng *r, uint32_t num, uint32_t den)
{
    return rng_below(r, den) < num;
}

#endif
