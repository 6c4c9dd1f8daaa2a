/* sources.c — see sources.h. */
#include "sources.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/buf.h"
#include "../common/fnv.h"

/* Metadata keys: the prefix, then the hash of the path (paths can be longer
 * than a key may be); the value: the content hash, a space, the path. */
#define KEY_PREFIX "evsearch.source:"

uint64_t sources_hash(const char *data, size_t len)
{
    return fnv64(FNV64_START, data, len);
}

static void key_of(const char *abs, char key[64])
{
    snprintf(key, 64, "%s%016" PRIx64, KEY_PREFIX, fnv64(FNV64_START, abs, strlen(abs)));
}

eng_status sources_get(eng_db *db, const char *abs, uint64_t *hash, int *known)
{
    char key[64], *value = NULL;
    key_of(abs, key);
    *known = 0;
    eng_status st = eng_db_get_metadata(db, key, &value, NULL);
    if (st != ENG_OK)
        return st;
    char *space = strchr(value, ' ');
    if (space && strcmp(space + 1, abs) == 0 && sscanf(value, "%" SCNx64, hash) == 1)
        *known = 1;
    free(value);
    return ENG_OK;
}

eng_status sources_set(eng_db *db, const char *abs, uint64_t hash)
{
    char key[64];
    key_of(abs, key);
    buf v = BUF_INIT;
    if (buf_printf(&v, "%016" PRIx64 " %s", hash, abs) < 0)
        return ENG_E_NOMEM;
    eng_status st = eng_db_set_metadata(db, key, v.data, v.len);
    buf_free(&v);
    return st;
}

eng_status sources_forget(eng_db *db, const char *abs)
{
    char key[64];
    key_of(abs, key);
    return eng_db_set_metadata(db, key, "", 0);
}

typedef struct walk {
    eng_db *db;
    const char *root;
    size_t root_len;
    sources_fn fn;
    void *ctx;
    eng_status st;
    buf paths;          /* the paths found, NUL-separated: fn may change
                           the metadata being walked */
} walk;

static int on_key(void *vctx, const char *key, size_t len)
{
    walk *w = vctx;
    char *value = NULL;
    char k[64];
    if (len >= sizeof k)
        return 0;
    memcpy(k, key, len);
    k[len] = '\0';
    if ((w->st = eng_db_get_metadata(w->db, k, &value, NULL)) != ENG_OK)
        return 1;
    const char *space = strchr(value, ' ');
    const char *path = space ? space + 1 : "";
    int under = strncmp(path, w->root, w->root_len) == 0 &&
                (path[w->root_len] == '/' || path[w->root_len] == '\0' ||
                 (w->root_len && w->root[w->root_len - 1] == '/'));
    if (under && buf_append(&w->paths, path, strlen(path) + 1) < 0)
        w->st = ENG_E_NOMEM;
    free(value);
    return w->st != ENG_OK;
}

eng_status sources_each_under(eng_db *db, const char *root, sources_fn fn, void *ctx)
{
    walk w = { db, root, strlen(root), fn, ctx, ENG_OK, BUF_INIT };
    eng_status st = eng_db_each_metadata_key(db, KEY_PREFIX, on_key, &w);
    if (st == ENG_OK)
        st = w.st;
    for (size_t off = 0; st == ENG_OK && off < w.paths.len;) {
        const char *path = w.paths.data + off;
        if (fn(ctx, path))
            break;
        off += strlen(path) + 1;
    }
    buf_free(&w.paths);
    return st;
}
