#!/bin/sh
# test_parallel.sh EVINDEX EVSEARCH SOURCE_DIR — a new database built in
# parts, on three threads or one, is the database one writer builds
# committing as it goes (EVINDEX_ONE_WRITER=1, as updates are written): the
# same sessions in the same order, the same results, the same messages in
# the same order for the files that fail, the same exit status; its
# sessions come before its quotes; it is compact, remembers its files for
# the next run, takes the place of an empty database, and leaves nothing
# beside it; on a full disk it fails, says so, and leaves the database as
# it was.
set -u
EVINDEX=$1 EVSEARCH=$2 SRC=$3
tmp=$(mktemp -d /tmp/evs-par-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/checks.sh"
unset EVSEARCH_DB EVSEARCH_GLOSSARY

# The corpus, with two bad files that fall into different batches.
mkdir -p "$tmp/c/a" "$tmp/c/z"
cp "$SRC"/corpus/*.txt "$tmp/c/a/"
cp "$SRC"/corpus/yaml/*.yaml "$tmp/c/z/"
printf 'title: [unclosed\n' >"$tmp/c/a/002b_broken.yaml"
head -c 3000 /dev/urandom >"$tmp/c/z/zz_binary.txt"
files=$(find "$tmp/c" -type f | wc -l | tr -d ' ')

EVINDEX_ONE_WRITER=1 "$EVINDEX" --db "$tmp/one" "$tmp/c" >"$tmp/one.out" 2>"$tmp/one.err"
one_rc=$?
"$EVINDEX" --jobs 1 --db "$tmp/parts1" "$tmp/c" >"$tmp/parts1.out" 2>"$tmp/parts1.err"
parts1_rc=$?
"$EVINDEX" --jobs 3 --db "$tmp/three" "$tmp/c" >"$tmp/three.out" 2>"$tmp/three.err"
three_rc=$?
is "one writer: exit status (two files fail)" "$one_rc" 1
is "three threads: the same exit status" "$three_rc" 1
is "in parts on one thread: the same exit status" "$parts1_rc" 1
summary() { sed -e "s| into $tmp/[a-z0-9]* (.*||" "$1"; }
is "the same summary" "$(summary "$tmp/three.out")" "$(summary "$tmp/one.out")"
ok "the summary counts the files" grep -q "from $((files - 2)) files" "$tmp/three.out"
is "the same messages, in the same order" "$(cat "$tmp/three.err")" "$(cat "$tmp/one.err")"
is "one thread in parts: the same summary" "$(summary "$tmp/parts1.out")" "$(summary "$tmp/one.out")"
is "one thread in parts: the same messages" "$(cat "$tmp/parts1.err")" "$(cat "$tmp/one.err")"
ok "the broken YAML is named" grep -q "002b_broken.yaml" "$tmp/three.err"
ok "the binary file is named" grep -q "zz_binary.txt" "$tmp/three.err"

for db in one three parts1; do
    ok "$db: xapian-check" xapian-check "$tmp/$db"
done
is "the same documents" "$(xapian-delve "$tmp/three" | sed -n 's/^number of documents = //p')" \
    "$(xapian-delve "$tmp/one" | sed -n 's/^number of documents = //p')"
# every query, whole results (order, snippets, stems in the pages' languages,
# and the spelling suggestions, which sum the shards' counts)
for q in regions "value chains" '"just transition"' Energiegemeinschaften transformacji \
         'speaker:engelmann' 'lang:de' 'year:2010..2020 cohesion' 'innovat*' \
         'valeu chians' clustres; do
    want=$("$EVSEARCH" --db "$tmp/one" --json -n 50 "$q" | md5sum)
    is "the same results for $q" "$("$EVSEARCH" --db "$tmp/three" --json -n 50 "$q" | md5sum)" \
        "$want"
    is "one thread in parts: the same results for $q" \
        "$("$EVSEARCH" --db "$tmp/parts1" --json -n 50 "$q" | md5sum)" "$want"
done
# every session before every quote (evindex_parallel.c says why)
ids() { xapian-delve "$1" -t "XKIND:$2" | sed 's/^.*): //' | tr ' ' '\n' | grep .; }
sessions=$(ids "$tmp/three" session | wc -l) quotes=$(ids "$tmp/three" quote | wc -l)
ok "the corpus has quotes" [ "$quotes" -gt 0 ]
for db in three parts1; do
    is "$db: the sessions' ids come first" "$(ids "$tmp/$db" session | tail -n 1)" "$sessions"
    is "$db: then the quotes'" "$(ids "$tmp/$db" quote | head -n 1)" $((sessions + 1))
done
one_kb=$(du -sk "$tmp/one" | cut -f1)
for db in three parts1; do
    kb=$(du -sk "$tmp/$db" | cut -f1)
    checks=$((checks + 1))
    [ "$kb" -lt "$one_kb" ] || { echo "FAIL: $db: the merged database is not compact:" \
        "$kb kB, one writer's $one_kb kB" >&2; fails=$((fails + 1)); }
done
is "nothing left beside the database" "$(ls -a "$tmp" | grep -c build-)" 0

# A file reached twice (inside a directory and named) is indexed once, as
# by one writer, where the second time finds it unchanged.
seed=$tmp/c/a/000_acfea4267ebb15da.txt
EVINDEX_ONE_WRITER=1 "$EVINDEX" --db "$tmp/twice1" "$tmp/c/a" "$seed" >"$tmp/twice1.out" 2>/dev/null
"$EVINDEX" --jobs 3 --db "$tmp/twice3" "$tmp/c/a" "$seed" >"$tmp/twice3.out" 2>/dev/null
is "a file given twice: the same summary" "$(summary "$tmp/twice3.out")" "$(summary "$tmp/twice1.out")"
ok "a file given twice: said unchanged the second time" \
    grep -q "^Unchanged since they were indexed: 1 file" "$tmp/twice3.out"
is "a file given twice: the same documents" \
    "$(xapian-delve "$tmp/twice3" | sed -n 's/^number of documents = //p')" \
    "$(xapian-delve "$tmp/twice1" | sed -n 's/^number of documents = //p')"

# the next run knows every file the threads read
"$EVINDEX" --db "$tmp/three" "$tmp/c" >"$tmp/again.out" 2>/dev/null
ok "the next run reads only the files that failed" grep -q "from 0 files" "$tmp/again.out"
ok "and says the others are unchanged" \
    grep -q "^Unchanged since they were indexed: $((files - 2)) files" "$tmp/again.out"

# An empty database (made by a run on an empty directory) is replaced whole;
# what a killed build left beside it goes.
mkdir "$tmp/empty" "$tmp/.e.build-XXXXXX"
touch "$tmp/.e.build-XXXXXX/postlist.glass"
"$EVINDEX" --db "$tmp/e" "$tmp/empty" >/dev/null
is "an empty run: exit status" "$?" 0
"$EVINDEX" --jobs 2 --db "$tmp/e" "$tmp/c/a" >"$tmp/e.out" 2>/dev/null
is "into the empty database: exit status" "$?" 1
EVINDEX_ONE_WRITER=1 "$EVINDEX" --db "$tmp/a1" "$tmp/c/a" >/dev/null 2>&1
is "the sessions are there" "$("$EVSEARCH" --db "$tmp/e" --json -n 50 regions | md5sum)" \
    "$("$EVSEARCH" --db "$tmp/a1" --json -n 50 regions | md5sum)"
is "the leftover build directory is gone" "$(ls -a "$tmp" | grep -c build-)" 0

# A full disk (files may not grow past 64 KiB; the signal ignored so that
# writes fail as on a full disk): the build fails and says so, the new
# database stays empty and sound, nothing is left beside it, and a later
# run builds it.
(trap '' XFSZ; ulimit -f 128; exec "$EVINDEX" -q --jobs 2 --db "$tmp/full" "$tmp/c/a") \
    >/dev/null 2>"$tmp/full.err"
is "disk full: exit status" "$?" 2
ok "disk full: says so, naming the database" grep -q "^evindex: $tmp/full: .*too large" "$tmp/full.err"
ok "disk full: and that it is as it was" \
    grep -q "^evindex: $tmp/full: the build stopped; the database is as it was" "$tmp/full.err"
ok "disk full: the database checks" xapian-check "$tmp/full"
is "disk full: the database is empty" \
    "$("$EVSEARCH" --db "$tmp/full" --json -n 0 regions | jq .estimated_total)" 0
is "disk full: nothing left beside it" "$(ls -a "$tmp" | grep -c build-)" 0
"$EVINDEX" -q --jobs 2 --db "$tmp/full" "$tmp/c/a" >/dev/null 2>&1
is "disk full: a later run builds it (one bad file)" "$?" 1
is "disk full: the later run's sessions" \
    "$("$EVSEARCH" --db "$tmp/full" --json -n 50 regions | md5sum)" \
    "$("$EVSEARCH" --db "$tmp/a1" --json -n 50 regions | md5sum)"
finish
