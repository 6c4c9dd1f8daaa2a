#!/bin/sh
# test_incremental.sh EVINDEX EVSEARCH SOURCE_DIR — running evindex again
# reads only what changed: unchanged files are skipped, a changed file is
# indexed again, the sessions of a deleted file disappear, --rebuild reads
# everything, and the result is the database a fresh build would give.
set -u
EVINDEX=$1 EVSEARCH=$2 SRC=$3
tmp=$(mktemp -d /tmp/evs-incr-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/checks.sh"

mkdir -p "$tmp/c"
cp "$SRC"/corpus/*.txt "$tmp/c/"
n=$(ls "$tmp/c" | wc -l)
count() { "$EVSEARCH" --db "$1" --json -n 0 "$2" | jq .estimated_total; }

"$EVINDEX" --db "$tmp/db" "$tmp/c" >"$tmp/out"
is "first run" "$?" 0
ok "first run reads every file" grep -q "from $n files" "$tmp/out"

"$EVINDEX" --db "$tmp/db" "$tmp/c" >"$tmp/out"
is "second run" "$?" 0
ok "second run reads nothing" grep -q "^Indexed 0 sessions and 0 quotes from 0 files" "$tmp/out"
ok "second run says why" grep -q "^Unchanged since they were indexed: $n files" "$tmp/out"

# one changed, one deleted, one added
sed -i 's/Mattinò/Mattinò Zanzibarino/' "$tmp/c/000_acfea4267ebb15da.txt"
rm "$tmp/c/014_blue-economy-baltic-sea.txt"
cp "$SRC/corpus/yaml/2019_circular-ports-lab.yaml" "$tmp/c/new.yaml"
"$EVINDEX" --db "$tmp/db" "$tmp/c" >"$tmp/out"
is "third run" "$?" 0
ok "the changed and the new file are read" grep -q "from 2 files" "$tmp/out"
ok "the deleted file's sessions go" grep -q "^Removed the sessions of 1 file that is gone" "$tmp/out"
is "the change is searchable" "$(count "$tmp/db" zanzibarino)" 1
is "the deleted session is not" "$(count "$tmp/db" '"baltic sea region"')" 0
is "the new file is" "$(count "$tmp/db" "code:9lab12")" 1

# the same as a fresh build, session for session
"$EVINDEX" -q --db "$tmp/fresh" "$tmp/c" >/dev/null
for q in regions mattino zanzibarino "value chains" year:2016; do
    is "same results as a fresh build: $q" \
       "$("$EVSEARCH" --db "$tmp/db" --json -n 50 "$q" | jq -c '[.sessions[].path]')" \
       "$("$EVSEARCH" --db "$tmp/fresh" --json -n 50 "$q" | jq -c '[.sessions[].path]')"
done

"$EVINDEX" --db "$tmp/db" --rebuild "$tmp/c" >"$tmp/out"
ok "--rebuild reads every file" grep -q "from $n files" "$tmp/out"
is "--rebuild: same count" "$(count "$tmp/db" regions)" "$(count "$tmp/fresh" regions)"

# a file given by name outside the directories indexed is never removed
"$EVINDEX" -q --db "$tmp/db" "$SRC/corpus/yaml/2021_rural-digital-hubs.yaml" >/dev/null
"$EVINDEX" -q --db "$tmp/db" "$tmp/c" >/dev/null
is "a file from elsewhere stays" "$(count "$tmp/db" "digital innovation hubs")" 1

finish
