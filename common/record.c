/* record.c — see record.h. */
#include "record.h"

#include <stdint.h>
#include <string.h>

int record_put(buf *b, int tag, const char *s, size_t len)
{
    if (!s || !len)
        return 0;
    unsigned char head[1 + 10];
    size_t n = 0;
    head[n++] = (unsigned char)tag;
    size_t v = len;
    do {
        unsigned char byte = v & 0x7f;
        v >>= 7;
        head[n++] = byte | (v ? 0x80 : 0);
    } while (v);
    if (buf_append(b, head, n) < 0)
        return -1;
    return buf_append(b, s, len);
}

int record_put_str(buf *b, int tag, const char *s)
{
    return record_put(b, tag, s, s ? strlen(s) : 0);
}

int record_get(const char *data, size_t len, int tag, const char **s, size_t *slen)
{
    const unsigned char *p = (const unsigned char *)data, *end = p + len;
    while (p < end) {
        int t = *p++;
        uint64_t v = 0;
        unsigned shift = 0;
        for (;;) {
            if (p >= end || shift > 63)
                return 0;
            unsigned char byte = *p++;
            v |= (uint64_t)(byte & 0x7f) << shift;
            shift += 7;
            if (!(byte & 0x80))
                break;
        }
        if (v > (uint64_t)(end - p))
            return 0;
        if (t == tag) {
            *s = (const char *)p;
            *slen = (size_t)v;
            return 1;
        }
        p += v;
    }
    return 0;
}
