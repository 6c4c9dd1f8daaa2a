/*
 * test_word_cache.c — the analyzer's word cache: what is put is found as
 * it was put, a key is never taken for another (same hash, other bytes;
 * same bytes, other length), what does not fit is not kept, padded keys
 * compare only their own bytes, and under many words the cache grows to
 * keep the recent ones, never answering wrong.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/word_cache.h"
#include "tests/check.h"

/* A key with room after it, as the analyzer's term buffer has: padded
 * lookups read whole eight-byte chunks. */
typedef struct key {
    char s[WORD_ENTRY_DATA + 16];
    size_t len;
} key;

static key key_of(const char *s)
{
    key k;
    memset(k.s, '#', sizeof k.s);       /* garbage after the key */
    k.len = strlen(s);
    memcpy(k.s, s, k.len);
    return k;
}

static const word_entry *get(word_cache *c, const key *k)
{
    return word_cache_get(c, k->s, k->len, word_hash(k->s, k->len), 1);
}

static void put(word_cache *c, const char *k, const char *term, const char *stem)
{
    word_cache_put(c, word_hash(k, strlen(k)), k, strlen(k), term, strlen(term), stem,
                   stem ? strlen(stem) : 0);
}

/* The entry's key, term and stem as one "key|term|stem" string. */
static const char *show(const word_entry *e)
{
    static char out[3 * WORD_ENTRY_DATA];
    if (!e)
        return "(none)";
    snprintf(out, sizeof out, "%.*s|%s|%s", (int)e->klen, e->data, e->data + e->klen,
             e->data + e->klen + e->tlen + 1);
    return out;
}

static void test_round_trip(void)
{
    word_cache c = { 0 };
    key regions = key_of("Regions");
    put(&c, "Regions", "regions", "region");   /* no cache yet: kept nowhere */
    CHECK(c.slots == 0);
    CHECK(get(&c, &regions) == NULL);
    CHECK(c.slots > 0);                 /* the first lookup made it */

    put(&c, "Regions", "regions", "region");
    const word_entry *e = get(&c, &regions);
    CHECK_STR(show(e), "Regions|regions|region");
    CHECK_INT(e ? e->tlen : 0, 7);
    CHECK_INT(e ? e->slen : 0, 6);

    /* no stem: an empty one */
    put(&c, "Île", "ile", NULL);
    key ile = key_of("Île");
    CHECK_STR(show(get(&c, &ile)), "Île|ile|");

    /* the same bytes but shorter or longer are other keys */
    key region = key_of("Region");
    key regionsx = key_of("Regionsx");
    CHECK(get(&c, &region) == NULL);
    CHECK(get(&c, &regionsx) == NULL);

    /* another key under the same hash is not this one */
    key other = key_of("Rxgions");
    CHECK(word_cache_get(&c, other.s, other.len, word_hash(regions.s, regions.len), 1) ==
          NULL);
    word_cache_free(&c);
    CHECK(c.slots == 0 && c.entries == NULL);
}

/* Padded keys are compared in whole chunks; the bytes past a key's end
 * (here '#', in the entry whatever follows) must not count, at every
 * length around a chunk's end. */
static void test_padded_lengths(void)
{
    word_cache c = { 0 };
    const char *words[] = { "a", "seven77", "eight888", "nineninen", "sixteen_letters_",
                            "seventeen_letters", NULL };
    key probe = key_of("x");
    CHECK(get(&c, &probe) == NULL);     /* the first lookup makes the cache */
    for (size_t i = 0; words[i]; i++)
        put(&c, words[i], words[i], "s");
    for (size_t i = 0; words[i]; i++) {
        key k = key_of(words[i]);
        const word_entry *e = get(&c, &k);
        CHECK(e != NULL && e->klen == k.len && memcmp(e->data, words[i], k.len) == 0);
        /* the last byte changed: not found */
        k.s[k.len - 1] ^= 1;
        CHECK(get(&c, &k) == NULL);
        /* unpadded, a lookup reads only the key */
        CHECK(word_cache_get(&c, words[i], strlen(words[i]),
                             word_hash(words[i], strlen(words[i])), 0) != NULL);
    }
    word_cache_free(&c);
}

static void test_too_long(void)
{
    word_cache c = { 0 };
    key probe = key_of("x");
    CHECK(get(&c, &probe) == NULL);     /* the first lookup makes the cache */
    char k[WORD_ENTRY_DATA];
    memset(k, 'k', sizeof k);
    k[40] = '\0';
    char t[WORD_ENTRY_DATA];
    memset(t, 't', sizeof t);
    /* key 40, term 25, stem 25, two NULs: 92 bytes fit */
    t[25] = '\0';
    put(&c, k, t, t);
    key fits = key_of(k);
    CHECK(get(&c, &fits) != NULL);
    /* one byte more does not */
    k[40] = 'k';
    k[41] = '\0';
    put(&c, k, t, t);
    key over = key_of(k);
    CHECK(get(&c, &over) == NULL);
    word_cache_free(&c);
}

/* Many more words than it can hold: it grows (to a bound), the words put
 * last are found, and whatever is found is right. */
static void test_many_words(void)
{
    enum { N = 100000 };
    word_cache c = { 0 };
    char w[32], term[32];
    size_t just_put_found = 0;
    for (int i = 0; i < N; i++) {
        snprintf(w, sizeof w, "Word%06d", i);
        snprintf(term, sizeof term, "word%06d", i);
        key k = key_of(w);
        if (!get(&c, &k))
            put(&c, w, term, term + 1);
        just_put_found += get(&c, &k) != NULL;
    }
    CHECK_INT(just_put_found, N);       /* a word put is there at once */
    CHECK(c.slots > 256 && c.slots <= 16384 && (c.slots & (c.slots - 1)) == 0);

    size_t found = 0, recent = 0, wrong = 0;
    for (int i = 0; i < N; i++) {
        snprintf(w, sizeof w, "Word%06d", i);
        key k = key_of(w);
        const word_entry *e = get(&c, &k);
        if (!e)
            continue;
        found++;
        recent += i >= N - (int)c.slots;
        char want[96];
        snprintf(want, sizeof want, "Word%06d|word%06d|ord%06d", i, i, i);
        wrong += strcmp(show(e), want) != 0;
    }
    CHECK_INT(wrong, 0);
    CHECK(found <= c.slots);
    /* most of the last slots-many words are still there (each set drops
     * its entries in turn) */
    CHECK(recent * 2 > c.slots);
    word_cache_free(&c);
}

int main(void)
{
    test_round_trip();
    test_padded_lengths();
    test_too_long();
    test_many_words();
    return check_exit();
}
