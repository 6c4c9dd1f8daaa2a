#!/bin/sh
# test_cli.sh EVINDEX EVSEARCH SOURCE_DIR — the two tools as a user runs them.
set -u
EVINDEX=$1 EVSEARCH=$2 SRC=$3
SEED=000_acfea4267ebb15da.txt
. "$(dirname "$0")/checks.sh"
tmp=$(mktemp -d /tmp/evs-cli-XXXXXX)
trap 'rm -rf "$tmp"' EXIT

# --- indexing: the corpus plus broken files, reported by name -------------
mkdir -p "$tmp/in/good" "$tmp/in/bad"
cp "$SRC"/corpus/*.txt "$tmp/in/good/"
printf 'Title\0\001\002binary' > "$tmp/in/bad/binary.txt"
printf 'A title\n\nThu 11, October 2018\n\nbroken \377\376 text here\n' > "$tmp/in/bad/invalid-utf8.txt"
: > "$tmp/in/bad/empty.txt"
printf 'not indexed' > "$tmp/in/good/notes.md"
good=$(ls "$SRC"/corpus/*.txt | wc -l)

"$EVINDEX" --db "$tmp/db" "$tmp/in" >"$tmp/out" 2>"$tmp/err"
is "evindex exit status with broken files" "$?" 1
ok "binary file named in the error" grep -q "bad/binary.txt: " "$tmp/err"
ok "invalid UTF-8 named, with its line" grep -q "bad/invalid-utf8.txt: .*line 5" "$tmp/err"
ok "empty file named" grep -q "bad/empty.txt: " "$tmp/err"
ok "summary counts the good files" grep -q "from $good files" "$tmp/out"
ok "summary counts the failures" grep -q "Failed: 3 files" "$tmp/out"
ok "summary counts the skipped file" grep -q "Skipped 1 file" "$tmp/out"
ok "summary counts quotes" grep -Eq "and [1-9][0-9]* quotes" "$tmp/out"

"$EVINDEX" --db "$tmp/db" "$tmp/in/good" >"$tmp/out" 2>"$tmp/err"
is "evindex exit status when all is well" "$?" 0
is "no errors when all is well" "$(cat "$tmp/err")" ""

# --- searching -------------------------------------------------------------
"$EVSEARCH" --db "$tmp/db" --json value chains >"$tmp/json"
is "evsearch exit status when found" "$?" 0
is "query echoed" "$(jq -r .query "$tmp/json")" "value chains"
is "seed first" "$(jq -r '.sessions[0].path | endswith("/'$SEED'")' "$tmp/json")" true
is "path absolute" "$(jq -r '.sessions[0].path | startswith("/")' "$tmp/json")" true
is "rank" "$(jq -r '.sessions[0].rank' "$tmp/json")" 1
is "year" "$(jq -r '.sessions[0].year' "$tmp/json")" 2018
is "lang" "$(jq -r '.sessions[0].lang' "$tmp/json")" en
is "no suggestion when found" "$(jq -r '.suggestion' "$tmp/json")" null
is "estimated_total is a number" "$(jq -r '.estimated_total | type' "$tmp/json")" number
# the count says whether it is one: every match seen (all on the page, or
# -n 0) or the engine's estimate (a page of one among many)
is "few matches: the count" "$(jq -c '[.estimated_total == (.sessions | length), .total_exact]' "$tmp/json")" '[true,true]'
exact_of() { "$EVSEARCH" --db "$tmp/db" --json "$@" | jq -c .total_exact; }
is "a page of one: an estimate" "$(exact_of -n 1 regions)" false
is "counted: exact" "$(exact_of -n 0 regions)" true
is "score is a number" "$(jq -r '.sessions[0].score | type' "$tmp/json")" number
# highlights are byte offsets into the text: cut them out byte-wise
marked() {      # marked JQ-PATH-TO-HIT-OBJECTS: every highlighted text, sorted, unique
    jq -r "$1"' | .text as $t | .highlights[] | "\(.[0]) \(.[1]) \($t | @base64)"' "$tmp/json" |
    while read -r s e t; do
        printf '%s' "$t" | base64 -d | cut -b "$((s + 1))-$e"
    done | sort -u | paste -sd'|'
}
is "value chains highlighted in the seed's snippets" "$(marked '.sessions[0].snippets[]')" "value chains"
is "snippet fields named" "$(jq -r '[.sessions[0].snippets[].field] | all(. == "summary" or . == "takeaway" or . == "description")' "$tmp/json")" true
is "quote speaker" "$(jq -r '.quotes[0].speaker' "$tmp/json")" "Ulla Engelmann"
is "quote affiliation" "$(jq -r '.quotes[0].affiliation' "$tmp/json")" "DG GROW"
is "quote title is its session's" "$(jq -r '.quotes[0].title' "$tmp/json")" \
   "Improving access to markets for SMEs: European Entrepreneurial Regions experience"
is "quote highlight" "$(marked '.quotes[0]')" "value chains"
is "how each highlight matched" "$(jq -r '[.sessions[0].snippets[].match[]] | unique | join(",")' "$tmp/json")" exact
is "one match per highlight" "$(jq '[.sessions[].snippets[] | (.match | length) == (.highlights | length)] | all' "$tmp/json")" true
is "how the hit matched" "$(jq -c '.sessions[0].matched' "$tmp/json")" '["exact"]'
is "a stem match says so" "$("$EVSEARCH" --db "$tmp/db" --json chain mattino | jq -c '.sessions[0].matched')" '["folded","stem"]'

# terminal output: markers when piped, colour on a terminal unless NO_COLOR
"$EVSEARCH" --db "$tmp/db" value chains >"$tmp/text"
ok "plain markers when piped" grep -qF "**value chains**" "$tmp/text"
ok "no escape codes when piped" sh -c "! grep -q \"$(printf '\033')\" '$tmp/text'"
ok "quotes section" grep -q "^Quotes" "$tmp/text"
ok "an exact count without 'about'" grep -qE "^Sessions 1-[0-9]+ of [0-9]+$" "$tmp/text"
"$EVSEARCH" --db "$tmp/db" -n 1 regions | grep -q "^Sessions 1-1 of about [0-9]*$"
is "an estimate says 'about'" "$?" 0
is "-n 0: the count alone" "$("$EVSEARCH" --db "$tmp/db" -n 0 regions | head -n 1)" \
   "$("$EVSEARCH" --db "$tmp/db" --json -n 0 regions | jq -r '"\(.estimated_total) sessions match."')"
script -qec "'$EVSEARCH' --db '$tmp/db' value chains" /dev/null >"$tmp/tty" 2>&1
ok "colour on a terminal" grep -qF "$(printf '\033[1;33m')value chains" "$tmp/tty"
NO_COLOR=1 script -qec "'$EVSEARCH' --db '$tmp/db' value chains" /dev/null >"$tmp/tty" 2>&1
ok "NO_COLOR respected" sh -c "! grep -q \"$(printf '\033\\[1')\" '$tmp/tty'"

"$EVSEARCH" --db "$tmp/db" Mattino >"$tmp/text"
ok "Mattino finds Mattinò" grep -qF "**Mattinò**" "$tmp/text"

"$EVSEARCH" --db "$tmp/db" valeu chians >"$tmp/text"
ok "did you mean, in the terminal" grep -q "^Did you mean: value chains" "$tmp/text"
is "did you mean, in JSON" "$("$EVSEARCH" --db "$tmp/db" --json valeu chians | jq -r .suggestion)" "value chains"
"$EVSEARCH" --db "$tmp/db" --json --facets -n 0 year:2016 >"$tmp/json"
is "facets only: exit 0 when sessions match" "$?" 0
is "facet keys" "$(jq -r '.facets | keys | join(",")' "$tmp/json")" "lang,organiser,theme,type,year"
is "year facet: one year" "$(jq -c '[.facets.year[].value]' "$tmp/json")" '["2016"]'
is "year facet: every 2016 session" "$(jq '.facets.year[0].count' "$tmp/json")" "$(grep -l ' 2016$' "$SRC"/corpus/*.txt | wc -l)"
is "no facets unless asked" "$("$EVSEARCH" --db "$tmp/db" --json mattino | jq 'has("facets")')" false
"$EVSEARCH" --db "$tmp/db" --facets mattino >"$tmp/text"
ok "facets in the terminal" grep -q "^  year: 2018 (1)" "$tmp/text"
# --yaml: the same object, through libyaml's emitter
"$EVSEARCH" --db "$tmp/db" --yaml -n 1 --quotes 1 value chains >"$tmp/yaml"
is "yaml exit status" "$?" 0
ok "yaml: document start" grep -qx -- "---" "$tmp/yaml"
ok "yaml: query" grep -qx "query: value chains" "$tmp/yaml"
ok "yaml: first session" grep -qx -- "- rank: 1" "$tmp/yaml"
ok "yaml: a date stays a string" grep -qx '  date: "2018-10-11"' "$tmp/yaml"
ok "yaml: spans inline" grep -Eqx -- '    - \[[0-9]+, [0-9]+\]' "$tmp/yaml"
"$EVSEARCH" --db "$tmp/db" --yaml --json x 2>/dev/null
is "--yaml with --json refused" "$?" 2

# --html: the text escaped, the matches in <mark>
mkdir -p "$tmp/html"
printf 'title: "Markup <b>in</b> titles"\ndescription: "Tags like <b>value chains</b> & co stay text."\n' \
    >"$tmp/html/markup.yaml"
"$EVINDEX" -q --db "$tmp/htmldb" "$tmp/html" >/dev/null
"$EVSEARCH" --db "$tmp/htmldb" --html value chains >"$tmp/page.html"
is "html exit status" "$?" 0
ok "html: a whole page" grep -q "^<!DOCTYPE html>" "$tmp/page.html"
ok "html: text escaped, match marked" grep -qF '&lt;b&gt;<mark class="exact">value chains</mark>&lt;/b&gt; &amp; co' "$tmp/page.html"
ok "html: title escaped" grep -qF "<h2>Markup &lt;b&gt;in&lt;/b&gt; titles</h2>" "$tmp/page.html"

# --batch: a query per line in, a JSON object per line out
printf 'value chains\n"unclosed\n\n  \nmattino\n' | "$EVSEARCH" --db "$tmp/db" --batch >"$tmp/batch"
is "batch: exit 2 when a query failed" "$?" 2
is "batch: one line per query" "$(wc -l <"$tmp/batch")" 3
is "batch: each line is JSON" "$(jq -c .query "$tmp/batch" | paste -sd'|')" '"value chains"|"\"unclosed"|"mattino"'
is "batch: the error" "$(sed -n 2p "$tmp/batch" | jq -r .error)" "column 1: missing closing quote"
is "batch: results" "$(sed -n 3p "$tmp/batch" | jq -r '.sessions[0].path | endswith("'$SEED'")')" true
printf 'mattino\nzzzznothing\n' | "$EVSEARCH" --db "$tmp/db" --batch >/dev/null
is "batch: exit 0 when something was found" "$?" 0
"$EVSEARCH" --db "$tmp/db" --batch value 2>/dev/null </dev/null
is "batch with a query argument refused" "$?" 2

# --explain
"$EVSEARCH" --db "$tmp/db" --json --explain value chains >"$tmp/json"
ok "explain: the query" sh -c "jq -r .explain '$tmp/json' | grep -q '^parsed: (AND \"value\" \"chains\")'"
ok "explain: each hit" jq -e '[.sessions[].explain | type == "string"] | all' "$tmp/json"
is "no explanation unless asked" "$("$EVSEARCH" --db "$tmp/db" --json value chains | jq 'has("explain")')" false
"$EVSEARCH" --db "$tmp/db" --explain value chains >"$tmp/text"
ok "explain in the terminal" grep -q "^    why:" "$tmp/text"

# the cross-language glossary
FR=002_internationalisation-pme-regions.txt
has_fr() { jq -e '[.sessions[].path | endswith("/'$FR'")] | any' >/dev/null; }
"$EVSEARCH" --db "$tmp/db" --json -n 20 value chains | has_fr
is "no glossary: no French page for value chains" "$?" 1
"$EVSEARCH" --db "$tmp/db" --json -n 20 --glossary value chains | has_fr
is "--glossary: the French page" "$?" 0
EVSEARCH_GLOSSARY="$SRC/glossary/regional-policy.yaml" "$EVSEARCH" --db "$tmp/db" --json -n 20 value chains | has_fr
is "EVSEARCH_GLOSSARY turns it on" "$?" 0
EVSEARCH_GLOSSARY="$SRC/glossary/regional-policy.yaml" "$EVSEARCH" --db "$tmp/db" --json -n 20 --no-glossary value chains | has_fr
is "--no-glossary turns it off" "$?" 1
printf -- '- concept: x\n  terms: [a]\n' >"$tmp/bad-glossary.yaml"
"$EVSEARCH" --db "$tmp/db" --glossary="$tmp/bad-glossary.yaml" value 2>"$tmp/err" >/dev/null
is "a bad glossary is an error" "$?" 2
ok "a bad glossary: file, line and column" grep -q "bad-glossary.yaml:2:10: " "$tmp/err"

"$EVSEARCH" --db "$tmp/db" zzzznothing >"$tmp/text"
is "exit 1 when nothing is found" "$?" 1
"$EVSEARCH" --db "$tmp/db" '"unclosed' 2>"$tmp/err"
is "exit 2 on a bad query" "$?" 2
ok "bad query says where" grep -q "column 1" "$tmp/err"
"$EVSEARCH" --db "$tmp/db" 2>"$tmp/err"
is "exit 2 on no query" "$?" 2
ok "no query says what to type" grep -q 'evsearch "value chains"' "$tmp/err"

# --- where the database lives ------------------------------------------------
mkdir -p "$tmp/proj/a/b"
(cd "$tmp/proj" && "$EVINDEX" -q "$SRC/corpus/$SEED" >/dev/null)
ok "evindex creates .evsearch in the current directory" test -d "$tmp/proj/.evsearch"
(cd "$tmp/proj/a/b" && "$EVSEARCH" mattino >/dev/null)
is "evsearch finds .evsearch in a parent" "$?" 0
(cd "$tmp/proj/a/b" && EVSEARCH_DB="$tmp/db" "$EVSEARCH" --json lodz | jq -e '.sessions | length > 0' >/dev/null)
is "EVSEARCH_DB is used" "$?" 0
mkdir -p "$tmp/empty"
(cd "$tmp/empty" && "$EVSEARCH" anything 2>"$tmp/err")
is "exit 2 without a database" "$?" 2
ok "missing database: says how to create one" grep -q "evindex" "$tmp/err"
"$EVSEARCH" --db "$tmp/nowhere" anything 2>"$tmp/err"
ok "missing --db database: names it" grep -q "$tmp/nowhere" "$tmp/err"
ok "evsearch --help tells where the database lives" sh -c "'$EVSEARCH' --help | grep -q EVSEARCH_DB"
ok "evindex --help tells where the database lives" sh -c "'$EVINDEX' --help | grep -q EVSEARCH_DB"

finish
