#!/bin/sh
# test_symbols.sh LIB HEADER — libevsearch.so exports exactly the functions
# its public header declares: no more (no internal symbol leaks out), no
# fewer (every declared function is there).
set -u
lib=$1 header=$2
tmp=$(mktemp -d /tmp/evs-symbols-XXXXXX)
trap 'rm -rf "$tmp"' EXIT

nm -D --defined-only "$lib" | awk '{ print $3 }' | sed 's/@.*//' | grep -v '^EVSEARCH_' |
    sort -u >"$tmp/exported"
# declarations: "type evs_name(" at the start of a line or after a type
grep -oE '\bevs_[a-z0-9_]+\(' "$header" | tr -d '(' | sort -u >"$tmp/declared"

fails=0
if ! diff -u "$tmp/declared" "$tmp/exported" >"$tmp/diff"; then
    echo "FAIL: exported symbols differ from the header's functions (- header, + library):" >&2
    cat "$tmp/diff" >&2
    fails=1
fi
n=$(wc -l <"$tmp/declared")
[ "$n" -ge 40 ] || { echo "FAIL: only $n functions found in $header" >&2; fails=1; }
soname=$(readelf -d "$lib" | sed -n 's/.*SONAME.*\[\(.*\)\]/\1/p')
case $soname in
    libevsearch.so.[0-9]*) ;;
    *) echo "FAIL: soname is '$soname'" >&2; fails=1 ;;
esac
echo "$((n + 1 - fails)) passed, $fails failed"
[ "$fails" -eq 0 ]
