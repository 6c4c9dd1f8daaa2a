/*
 * fuzz_yaml.c — libFuzzer target for the YAML session reader
 * (yaml_read_sessions): any bytes, read into a list that already holds a
 * session (a failure must leave it as it was).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "indexer/yaml_reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    session_list l = { NULL, 0, 0 };
    char err[256];
    session *first = session_list_push(&l);
    if (!first)
        return 0;
    session_set(&first->title, "kept", 4);
    int rc = yaml_read_sessions((const char *)data, size, &l, err, sizeof err);
    if (l.n < 1 || !l.items[0].title)
        abort();                        /* lost what the list held */
    if (rc != 0 && l.n != 1)
        abort();                        /* a failure must append nothing */
    session_list_free(&l);
    return 0;
}
