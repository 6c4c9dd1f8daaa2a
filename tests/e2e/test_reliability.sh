#!/bin/sh
# test_reliability.sh EVINDEX EVSEARCH SOURCE_DIR — what is too big is
# answered or refused clearly, in bounded time: a 1 MB query, thousands of
# words, a wildcard over most of the vocabulary, a page with a
# million-character line; a database that cannot grow (a full disk) keeps
# its last commit; a second evindex on a database being written says so and
# leaves it whole; so does evindex on a database another program wrote.
set -u
EVINDEX=$1 EVSEARCH=$2 SRC=$3
tmp=$(mktemp -d /tmp/evs-limits-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/checks.sh"
"$EVINDEX" -q --db "$tmp/db" "$SRC/corpus" >/dev/null

# queries
# (a 1 MB query cannot be one argument: the kernel limits those to 128 KB;
# it comes through --batch, as a script would send it)
{ head -c 1048576 /dev/zero | tr '\0' 'a'; echo; } >"$tmp/q1mb"
timeout 20 "$EVSEARCH" --db "$tmp/db" --batch <"$tmp/q1mb" >"$tmp/out" 2>"$tmp/err"
is "1 MB query: refused" "$?" 2
ok "1 MB query: says why" jq -e '.error | test("too long")' "$tmp/out"
words=$(seq 1 3000 | sed 's/.*/w/' | tr '\n' ' ')
timeout 20 "$EVSEARCH" --db "$tmp/db" "$words" >/dev/null 2>"$tmp/err"
is "3,000 words: refused" "$?" 2
ok "3,000 words: says why" grep -q "too many words" "$tmp/err"
timeout 20 "$EVSEARCH" --db "$tmp/db" --json "e*" >"$tmp/out" 2>"$tmp/err"
is "a wildcard over much of the vocabulary: answered" "$?" 0
ok "a wildcard: JSON" jq -e '.sessions | length > 0' "$tmp/out"
timeout 20 "$EVSEARCH" --db "$tmp/db" --json "a* OR e* OR i* OR o* OR s* OR t*" >/dev/null
is "several wide wildcards: answered" "$?" 0

# a page with a million-character line in its description
mkdir -p "$tmp/long"
{
    printf 'A session with a very long line\n\nWed 10, October 2018\n14:30 - 16:00 CET\n\n'
    head -c 1000000 /dev/zero | tr '\0' 'x'
    printf ' needle in the haystack.\n\nSession summary\n\nShort summary.\n'
} >"$tmp/long/long.txt"
timeout 60 "$EVINDEX" -q --db "$tmp/longdb" "$tmp/long" >/dev/null 2>"$tmp/err"
is "a million-character line: indexed" "$?" 0
timeout 20 "$EVSEARCH" --db "$tmp/longdb" needle >"$tmp/out"
is "a million-character line: searchable" "$?" 0
ok "a million-character line: marked" grep -q '\*\*needle\*\*' "$tmp/out"
{
    head -c 1000000 /dev/zero | tr '\0' 't'
    printf '\n\nWed 10, October 2018\n'
} >"$tmp/long/title.txt"
timeout 60 "$EVINDEX" -q --db "$tmp/longdb" "$tmp/long/title.txt" >/dev/null 2>"$tmp/err"
is "a million-character title: refused" "$?" 1
ok "a million-character title: says why" grep -q "title.txt: .*characters" "$tmp/err"

# a full disk: files may not grow past 64 KiB (RLIMIT_FSIZE; the signal
# ignored so that the write fails with EFBIG, as on a full disk)
before=$("$EVSEARCH" --db "$tmp/db" --json -n 0 regions | jq .estimated_total)
mkdir -p "$tmp/more"
for i in 1 2 3 4 5 6 7 8; do
    for f in "$SRC"/corpus/0[0-4]*.txt; do cp "$f" "$tmp/more/$i-$(basename "$f")"; done
done
(trap '' XFSZ; ulimit -f 128; exec "$EVINDEX" -q --db "$tmp/db" "$tmp/more") >/dev/null 2>"$tmp/err"
is "disk full: evindex fails" "$?" 2
ok "disk full: says so" grep -qi "file too large\|no space\|write" "$tmp/err"
ok "disk full: the database still checks" xapian-check "$tmp/db"
is "disk full: the previous commit is intact" \
   "$("$EVSEARCH" --db "$tmp/db" --json -n 0 regions | jq .estimated_total)" "$before"
"$EVINDEX" -q --db "$tmp/db" "$tmp/more" >/dev/null 2>&1
is "disk full: a later run completes" "$?" 0

# a second writer: refused with a message, and the first one finishes
EVINDEX_COMMIT_EVERY=10 "$EVINDEX" -q --db "$tmp/db2" "$tmp/more" >/dev/null 2>&1 &
first=$!
# the database directory appears when the first has opened it, lock held
for i in $(seq 1 100); do [ -d "$tmp/db2" ] && break; sleep 0.05; done
"$EVINDEX" -q --db "$tmp/db2" "$SRC/corpus/000_acfea4267ebb15da.txt" >/dev/null 2>"$tmp/err"
is "a second evindex: refused" "$?" 2
ok "a second evindex: says why" grep -q "another evindex is writing" "$tmp/err"
wait $first
is "the first evindex: completes" "$?" 0
ok "after both: the database checks" xapian-check "$tmp/db2"

# a database another program wrote: refused, said so, left as it was
mkdir "$tmp/pages" && cp "$SRC"/corpus/*.txt "$tmp/pages/"
omindex --db "$tmp/foreign" --url / "$tmp/pages" >/dev/null 2>&1
docs() { xapian-delve "$1" | sed -n 's/^number of documents = //p'; }
foreign=$(docs "$tmp/foreign")
ok "omindex made a database" [ "${foreign:-0}" -gt 0 ]
"$EVINDEX" -q --db "$tmp/foreign" "$tmp/pages" >/dev/null 2>"$tmp/err"
is "another program's database: refused" "$?" 2
ok "another program's database: says so" grep -q "^evindex: .*foreign: not an evsearch database" "$tmp/err"
is "another program's database: left as it was" "$(docs "$tmp/foreign")" "$foreign"

finish
