/*
 * test_remove_tree.c — remove_tree: a directory with what it holds, nested
 * or not, goes; a link goes without what it points to; a file goes; a
 * missing path is an error.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/remove_tree.h"
#include "tests/check.h"

static char root[64];

static const char *at(const char *rel)
{
    static char paths[8][256];
    static int next;
    char *p = paths[next++ % 8];
    snprintf(p, sizeof paths[0], "%s/%s", root, rel);
    return p;
}

static void write_file(const char *path)
{
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (f) {
        fputs("data\n", f);
        fclose(f);
    }
}

static int exists(const char *path)
{
    struct stat sb;
    return lstat(path, &sb) == 0;
}

int main(void)
{
    snprintf(root, sizeof root, "/tmp/evs-rmtree-XXXXXX");
    if (!mkdtemp(root)) {
        perror("mkdtemp");
        return 1;
    }
    /* kept/ stays; tree/ holds files, an empty directory, two levels, and
     * links to kept/ and to one of kept's files */
    CHECK_INT(mkdir(at("kept"), 0700), 0);
    write_file(at("kept/precious"));
    CHECK_INT(mkdir(at("tree"), 0700), 0);
    CHECK_INT(mkdir(at("tree/empty"), 0700), 0);
    CHECK_INT(mkdir(at("tree/a"), 0700), 0);
    CHECK_INT(mkdir(at("tree/a/b"), 0700), 0);
    write_file(at("tree/top"));
    write_file(at("tree/a/mid"));
    write_file(at("tree/a/b/deep"));
    CHECK_INT(symlink(at("kept"), at("tree/a/to-dir")), 0);
    CHECK_INT(symlink(at("kept/precious"), at("tree/to-file")), 0);

    CHECK_INT(remove_tree(at("tree")), 0);
    CHECK(!exists(at("tree")));
    CHECK(exists(at("kept/precious")));

    /* a file, a link to a directory (the directory stays), nothing */
    write_file(at("lone"));
    CHECK_INT(remove_tree(at("lone")), 0);
    CHECK(!exists(at("lone")));
    CHECK_INT(symlink(at("kept"), at("link")), 0);
    CHECK_INT(remove_tree(at("link")), 0);
    CHECK(!exists(at("link")));
    CHECK(exists(at("kept/precious")));
    CHECK_INT(remove_tree(at("missing")), -1);

    CHECK_INT(remove_tree(root), 0);
    CHECK(!exists(root));
    return check_exit();
}
