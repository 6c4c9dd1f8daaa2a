/*
 * fuzz_page.c — libFuzzer target for the session page reader (page_read):
 * any bytes, read as a page; on success the session is freed again.
 */
#include <stddef.h>
#include <stdint.h>

#include "indexer/page_reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    session s;
    char err[256];
    session_init(&s);
    page_read((const char *)data, size, &s, err, sizeof err);
    session_clear(&s);
    /* without room for a message */
    session_init(&s);
    page_read((const char *)data, size, &s, NULL, 0);
    session_clear(&s);
    return 0;
}
