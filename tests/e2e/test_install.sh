#!/bin/sh
# test_install.sh BUILD_DIR SOURCE_DIR [CFLAGS] — installs the project into a
# temporary prefix, then builds examples/search.c against it through
# pkg-config alone, shared and static, and runs it on an index built with the
# installed evindex.  CFLAGS (the sanitizer flags of a sanitizer build) are
# passed to the compiler so that the example links like the library.
set -u
build=$1 src=$2 cflags=${3:-}
tmp=$(mktemp -d /tmp/evs-install-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
fails=0 checks=0
ok() {
    desc=$1; shift
    checks=$((checks + 1))
    if ! "$@" >"$tmp/out" 2>&1; then
        echo "FAIL: $desc" >&2
        sed 's/^/    /' "$tmp/out" >&2
        fails=$((fails + 1))
    fi
}

prefix=$tmp/prefix
ok "cmake --install" cmake --install "$build" --prefix "$prefix"
for f in bin/evindex bin/evsearch include/evsearch.h share/man/man1/evindex.1 \
         share/man/man1/evsearch.1 share/evsearch/regional-policy.yaml; do
    ok "installed $f" test -f "$prefix/$f"
done
pc=$(find "$prefix" -name evsearch.pc | head -n 1)
ok "installed evsearch.pc" test -n "$pc"
libdir=$(dirname "$(dirname "$pc")")
ok "installed the shared library" test -e "$libdir/libevsearch.so"
ok "installed the static library" test -f "$libdir/libevsearch.a"
export PKG_CONFIG_PATH=$(dirname "$pc")
ok "pkg-config knows the version" sh -c 'pkg-config --modversion evsearch | grep -qx "[0-9]*\.[0-9]*\.[0-9]*"'

# an index made by the installed evindex
ok "installed evindex runs" "$prefix/bin/evindex" -q --db "$tmp/db" "$src/corpus"

# shared: compiled and linked through pkg-config only
ok "example builds against the shared library" \
    sh -c "cc $cflags -o '$tmp/search' '$src/examples/search.c' \$(pkg-config --cflags --libs evsearch)"
LD_LIBRARY_PATH=$libdir "$tmp/search" "$tmp/db" "value chains" >"$tmp/shared.txt" 2>&1
ok "example (shared) finds the sample session" grep -q "Improving access to markets for SMEs" "$tmp/shared.txt"
ok "example (shared) marks the match" grep -q "\[value chains\]" "$tmp/shared.txt"
ok "example (shared) uses the installed library" \
    sh -c "LD_LIBRARY_PATH='$libdir' ldd '$tmp/search' | grep -q '$libdir/libevsearch.so'"

# static: the archive alone, with pkg-config's private dependencies
ok "example builds against the static library" \
    sh -c "cc $cflags -o '$tmp/search-static' '$src/examples/search.c' \$(pkg-config --cflags evsearch) '$libdir/libevsearch.a' \$(pkg-config --static --libs evsearch | sed 's/-levsearch//')"
"$tmp/search-static" "$tmp/db" "mattino" >"$tmp/static.txt" 2>&1
ok "example (static) finds Mattinò" grep -q "Mattinò" "$tmp/static.txt"
ok "example (static) needs no libevsearch.so" sh -c "! ldd '$tmp/search-static' | grep -q libevsearch"

# the installed evsearch finds its installed glossary
ok "installed evsearch with the shipped glossary" \
    sh -c "'$prefix/bin/evsearch' --db '$tmp/db' --json --glossary -n 20 value chains | grep -q 002_internationalisation-pme-regions.txt"

echo "$((checks - fails)) passed, $fails failed"
[ "$fails" -eq 0 ]
