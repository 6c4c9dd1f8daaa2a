/*
 * record_codec.h — how a document's record (common/record.h) is stored:
 * one zstd frame, compressed with a dictionary built into the programs.
 *
 * Why not the engine's own document data: the engine deflates it with zlib
 * on every write and inflates it on every read, and inflating the ten
 * records of a page was a quarter of a query's instructions.  A record is
 * a few kilobytes of text, too little for a compressor to learn much from
 * on its own; a dictionary trained on the sample pages of corpus/
 * (scripts/make-record-dict) gives it the site's labels, names and common
 * words up front.  On the 58,671 records of 20,000 generated sessions:
 * 55.3 MB against zlib's 57.7 MB, decompressed in 0.36 s against 0.96 s;
 * on real pages it was not trained on (a dictionary from half of corpus/,
 * the records of the other half), 2.16 times smaller against zlib's 1.96.
 *
 * The dictionary is part of the database format: every frame names it by
 * its ID, and a frame naming another is refused (ENG_E_VERSION), never
 * misread.  Change it only with a new SCHEMA_VERSION.  Every frame also
 * ends with a checksum of its content, so that a damaged one is refused
 * (ENG_E_CORRUPT) rather than unpacked into other text.
 */
#ifndef EVS_SHIM_RECORD_CODEC_H
#define EVS_SHIM_RECORD_CODEC_H

#include <stddef.h>

#include "engine.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The calls below answer ENG_OK, ENG_E_NOMEM, or when unpacking
 * ENG_E_CORRUPT (not a frame, or a damaged one) and ENG_E_VERSION
 * (written with another dictionary): the shim's own statuses, which
 * eng_db_doc_data passes on. */

/* A handle's compression state (zstd's contexts, made when first needed).
 * One thread at a time, like the handle that owns it. */
typedef struct rec_codec rec_codec;

rec_codec *rec_codec_new(void);            /* NULL: out of memory */
void rec_codec_free(rec_codec *c);

/* The most bytes rec_codec_pack may write for len bytes. */
size_t rec_codec_bound(size_t len);

/* Packs src[0, len) into dst (room for rec_codec_bound(len) bytes) and sets
 * *out_len. */
eng_status rec_codec_pack(rec_codec *c, const void *src, size_t len, void *dst, size_t *out_len);

/* Unpacks a frame into *out (malloc'd, NUL-terminated; free it) of
 * *out_len bytes. */
eng_status rec_codec_unpack(rec_codec *c, const void *src, size_t len, char **out,
                            size_t *out_len);

#ifdef __cplusplus
}
#endif

#endif
