#!/bin/sh
# test_analyze.sh EVINDEX — `evindex --analyze` as a user runs it: one JSON
# object a line from standard input, one for a TEXT argument, usage errors.
set -u
EVINDEX=$1
fails=0 checks=0

is() {          # is DESCRIPTION GOT WANT
    checks=$((checks + 1))
    if [ "$2" != "$3" ]; then
        echo "FAIL: $1: got '$2', want '$3'" >&2
        fails=$((fails + 1))
    fi
}

# Standard input: a line, a line with an invalid byte, an empty line.
out=$(printf 'L’internationalisation des chaînes: info@regions.eu\r\nab\377cd\n\n' |
      "$EVINDEX" --analyze --lang fr)
is "exit status" "$?" 0
is "one object a line" "$(printf '%s\n' "$out" | wc -l | tr -d ' ')" 3
first=$(printf '%s\n' "$out" | sed -n 1p)
is "lang" "$(printf '%s' "$first" | jq -r .lang)" fr
is "tokens" "$(printf '%s' "$first" | jq -c '[.tokens[] | .term]')" \
   '["l","internationalisation","des","chaines","info@regions.eu","info","regions","eu"]'
is "offsets, position, stem of one token" \
   "$(printf '%s' "$first" | jq -c '.tokens[1] | [.text, .start, .end, .position, .type, .stem]')" \
   '["internationalisation",4,24,0,"word","internationalis"]'
is "the whole address" \
   "$(printf '%s' "$first" | jq -c '.tokens[4] | [.text, .start, .end, .position, .type, .stem]')" \
   '["info@regions.eu",39,54,3,"email",null]'
second=$(printf '%s\n' "$out" | sed -n 2p)
is "invalid bytes counted" "$(printf '%s' "$second" | jq .invalid_bytes)" 1
is "around them, words" "$(printf '%s' "$second" | jq -c '[.tokens[] | [.term, .start, .end]]')" \
   '[["ab",0,2],["cd",3,5]]'
is "an empty line" "$(printf '%s\n' "$out" | sed -n 3p | jq -c '.tokens')" '[]'

# TEXT, piped: JSON too; a language without a stemmer: stems are null.
out=$("$EVINDEX" --analyze --lang el Έξυπνη εξειδίκευση)
is "TEXT: exit status" "$?" 0
is "TEXT: terms" "$(printf '%s' "$out" | jq -c '[.tokens[] | [.term, .stem]]')" \
   '[["εξυπνη",null],["εξειδικευση",null]]'
out=$("$EVINDEX" --analyze --json --lang zh 区域发展)
is "bigrams" "$(printf '%s' "$out" | jq -c '[.tokens[] | [.text, .start, .end, .position]]')" \
   '[["区域",0,6,0],["域发",3,9,1],["发展",6,12,2]]'

# Usage errors.
"$EVINDEX" --analyze --lang 'f"r' x >/dev/null 2>&1
is "a bad language code" "$?" 2
"$EVINDEX" --analyze --db x y >/dev/null 2>&1
is "an option of indexing" "$?" 2
"$EVINDEX" --analyze --help | grep -q "one JSON object"
is "help" "$?" 0

if [ "$fails" -gt 0 ]; then
    echo "$fails of $checks checks failed" >&2
    exit 1
fi
echo "$checks checks passed"
