/*
 * record_codec.c — see record_codec.h.
 *
 * The dictionary's compressing and decompressing forms are each made once
 * per process, when first needed, and shared: zstd allows that, as only
 * contexts hold state.
 */
#include "record_codec.h"

#include <pthread.h>
#include <stdlib.h>

#include <zstd.h>
#include <zstd_errors.h>

/* shim/record-dict.zdict, as an array (made at build time; CMakeLists.txt) */
extern const unsigned char rec_dict_bytes[];
extern const size_t rec_dict_size;

/* zstd's default.  On the benchmark's 20,000 session records, levels 6
 * and 9 made them 5.0% and 6.3% smaller (0.8% of the database at most)
 * for 2.6 and 4.1 times the time to pack them. */
#define LEVEL 3

/* A frame saying it holds more than this is taken for a damaged one rather
 * than asking for that much memory. */
#define MAX_RECORD ((unsigned long long)1 << 30)

struct rec_codec {
    ZSTD_CCtx *cctx;
    ZSTD_DCtx *dctx;
};

/* Made apart, as a reader needs only the one and a writer the other:
 * the compressing form's tables cost 1.7 M instructions to make,
 * which a process that only searches has no use for. */
static pthread_once_t cdict_once = PTHREAD_ONCE_INIT, ddict_once = PTHREAD_ONCE_INIT;
static ZSTD_CDict *cdict;
static ZSTD_DDict *ddict;
static unsigned dict_id;

static void make_cdict(void)
{
    cdict = ZSTD_createCDict(rec_dict_bytes, rec_dict_size, LEVEL);
}

static void make_ddict(void)
{
    ddict = ZSTD_createDDict(rec_dict_bytes, rec_dict_size);
    dict_id = ZSTD_getDictID_fromDict(rec_dict_bytes, rec_dict_size);
}

rec_codec *rec_codec_new(void)
{
    return calloc(1, sizeof(rec_codec));
}

void rec_codec_free(rec_codec *c)
{
    if (!c)
        return;
    ZSTD_freeCCtx(c->cctx);
    ZSTD_freeDCtx(c->dctx);
    free(c);
}

size_t rec_codec_bound(size_t len)
{
    return ZSTD_compressBound(len);
}

eng_status rec_codec_pack(rec_codec *c, const void *src, size_t len, void *dst, size_t *out_len)
{
    pthread_once(&cdict_once, make_cdict);
    if (!cdict)
        return ENG_E_NOMEM;
    if (!c->cctx) {
        /* Each frame ends with a checksum of what it holds (4 bytes): a
         * damaged record is then refused rather than shown with a wrong
         * word, which zstd alone would let through when the damage falls
         * in text it stores as is. */
        if (!(c->cctx = ZSTD_createCCtx()))
            return ENG_E_NOMEM;
        if (ZSTD_isError(ZSTD_CCtx_refCDict(c->cctx, cdict)) ||
            ZSTD_isError(ZSTD_CCtx_setParameter(c->cctx, ZSTD_c_checksumFlag, 1))) {
            ZSTD_freeCCtx(c->cctx);
            c->cctx = NULL;
            return ENG_E_NOMEM;
        }
    }
    size_t n = ZSTD_compress2(c->cctx, dst, rec_codec_bound(len), src, len);
    /* with room for the bound, only memory can fail */
    if (ZSTD_isError(n))
        return ENG_E_NOMEM;
    *out_len = n;
    return ENG_OK;
}

eng_status rec_codec_unpack(rec_codec *c, const void *src, size_t len, char **out,
                            size_t *out_len)
{
    *out = NULL;
    pthread_once(&ddict_once, make_ddict);
    if (!ddict || (!c->dctx && !(c->dctx = ZSTD_createDCtx())))
        return ENG_E_NOMEM;
    unsigned long long size = ZSTD_getFrameContentSize(src, len);
    if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > MAX_RECORD)
        return ENG_E_CORRUPT;
    if (ZSTD_getDictID_fromFrame(src, len) != dict_id)
        return ENG_E_VERSION;
    char *buf = malloc((size_t)size + 1);
    if (!buf)
        return ENG_E_NOMEM;
    size_t n = ZSTD_decompress_usingDDict(c->dctx, buf, (size_t)size, src, len, ddict);
    if (ZSTD_isError(n) || n != size) {
        free(buf);
        return ZSTD_getErrorCode(n) == ZSTD_error_memory_allocation ? ENG_E_NOMEM : ENG_E_CORRUPT;
    }
    buf[n] = '\0';
    *out = buf;
    *out_len = n;
    return ENG_OK;
}
