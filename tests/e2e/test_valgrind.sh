#!/bin/sh
# test_valgrind.sh EVINDEX EVSEARCH SOURCE_DIR — evindex on corpus/ and
# evsearch on a few queries of every kind run under valgrind's memcheck:
# no invalid read or write, no use of uninitialised memory, no leak.
# (Sanitizer builds cannot run under valgrind; scripts/test runs this in
# its plain build.)
set -u
EVINDEX=$1 EVSEARCH=$2 SRC=$3
tmp=$(mktemp -d /tmp/evs-valgrind-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
command -v valgrind >/dev/null || { echo "FAIL: valgrind is not installed" >&2; exit 1; }
vg="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect"
fails=0 checks=0
run() {     # run DESCRIPTION COMMAND...: no valgrind error (exit 99)
    desc=$1; shift
    checks=$((checks + 1))
    "$@" >/dev/null 2>"$tmp/err"
    if [ $? -eq 99 ]; then
        echo "FAIL: $desc" >&2
        cat "$tmp/err" >&2
        fails=$((fails + 1))
    fi
}
run "evindex corpus/" $vg "$EVINDEX" -q --db "$tmp/db" "$SRC/corpus"
for q in "value chains" '"ile de france"' "mattino OR lodz -x" "chains NEAR/3 value" \
         "internation*" "=Kovács" "year:2016..2019 lang:en regions" "valeu chians"; do
    run "evsearch $q" $vg "$EVSEARCH" --db "$tmp/db" --json --facets --explain "$q"
done
run "evsearch --glossary" $vg "$EVSEARCH" --db "$tmp/db" --glossary --yaml "value chains"
run "evsearch --html" $vg "$EVSEARCH" --db "$tmp/db" --html "smart specialisation"
run "evindex --dump" $vg "$EVINDEX" --dump "$SRC/corpus/000_acfea4267ebb15da.txt"
echo "$((checks - fails)) passed, $fails failed"
[ "$fails" -eq 0 ]
