#!/bin/sh
# test_layouts.sh EVINDEX SOURCE_DIR — one page per layout variant in
# tests/data/layouts/, each with the YAML evindex --dump must give for it
# (NAME.expected.yaml, the "# path" line left out): a change in what any
# layout is read into shows here as a diff.
set -u
EVINDEX=$1 SRC=$2
dir=$SRC/tests/data/layouts
tmp=$(mktemp -d /tmp/evs-layouts-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
fails=0 checks=0
for page in "$dir"/*.txt; do
    name=$(basename "$page" .txt)
    checks=$((checks + 1))
    if [ ! -f "$dir/$name.expected.yaml" ]; then
        echo "FAIL: $name: no $name.expected.yaml" >&2
        fails=$((fails + 1))
        continue
    fi
    "$EVINDEX" --dump "$page" | tail -n +2 >"$tmp/got"
    if ! diff -u "$dir/$name.expected.yaml" "$tmp/got" >"$tmp/diff"; then
        echo "FAIL: $name (- expected, + read now):" >&2
        cat "$tmp/diff" >&2
        fails=$((fails + 1))
    fi
done
[ "$checks" -ge 8 ] || { echo "FAIL: only $checks layout pages" >&2; fails=$((fails + 1)); }
echo "$((checks - fails)) passed, $fails failed"
[ "$fails" -eq 0 ]
