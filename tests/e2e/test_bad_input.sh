#!/bin/sh
# test_bad_input.sh EVINDEX EVSEARCH SOURCE_DIR — files that cannot be
# indexed, among good ones: each is reported by name (and line:column for
# YAML), nothing of it reaches the index, the good files do, nothing hangs,
# and the exit status says that something failed.
set -u
EVINDEX=$1 EVSEARCH=$2 SRC=$3
SEED=000_acfea4267ebb15da.txt
unset EVSEARCH_DB
. "$(dirname "$0")/checks.sh"
tmp=$(mktemp -d /tmp/evs-bad-XXXXXX)
trap 'rm -rf "$tmp"' EXIT

# --- the inputs ----------------------------------------------------------------
in=$tmp/in
mkdir -p "$in/sub"
cp "$SRC/corpus/$SEED" "$SRC/corpus/001_smart-specialisation-danube.txt" \
   "$SRC/corpus/yaml/2019_circular-ports-lab.yaml" "$in/"
bad=0           # files that must fail

# Each bad file holds a word no good file has, first where it can be, so
# that a half-read file would show in a search.
printf 'Badutfword title\n\nThu 11, October 2018\n\nbroken \377\376 text here\n' >"$in/invalid-utf8.txt"
printf 'Binaryword title\n\000\001\002\003 binary\n' >"$in/binary.txt"
: >"$in/empty.txt"
printf 'Bigfileword title\n\nThu 11, October 2018\n\n' >"$in/big.txt"
truncate -s 50M "$in/big.txt"     # sparse: 50 MB without the disk space
# YAML: a good session first, then the broken one; the file is all or nothing
printf -- '- title: Truncfirstword session\n- title: "a quoted title that never ends\n  code: 9WS' >"$in/truncated.yaml"
{
    printf -- '- title: Bombfirstword session\n- title: bomb\n'
    printf '  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n'
    prev=a
    for n in b c d e f g h i; do
        printf '  %s: &%s [*%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s]\n' \
               $n $n $prev $prev $prev $prev $prev $prev $prev $prev $prev
        prev=$n
    done
} >"$in/bomb.yaml"
{
    printf -- '- title: Deepfirstword session\n- title: deep\n  speakers: '
    i=0; while [ $i -lt 100 ]; do printf '['; i=$((i + 1)); done
    i=0; while [ $i -lt 100 ]; do printf ']'; i=$((i + 1)); done
    printf '\n'
} >"$in/deep.yaml"
ln -s "$tmp/nowhere.txt" "$in/dangling.txt"
mkfifo "$in/fifo.txt"             # opening it for reading would block
ln -s loop-b.txt "$in/loop-a.txt"
ln -s loop-a.txt "$in/loop-b.txt"
ln -s .. "$in/sub/up"             # a directory loop
bad=12
if [ "$(id -u)" != 0 ]; then      # root reads through chmod 000
    printf 'Unreadableword title\n' >"$in/unreadable.txt"
    chmod 000 "$in/unreadable.txt"
    bad=$((bad + 1))
fi

# --- indexing the directory ----------------------------------------------------
timeout 120 "$EVINDEX" --db "$tmp/db" "$in" >"$tmp/out" 2>"$tmp/err"
is "evindex exit status with bad files (124: it hung)" "$?" 1
named() {       # named DESCRIPTION ERE: a line of the errors matches
    ok "$1" grep -Eq "^evindex: $2" "$tmp/err"
}
named "invalid UTF-8: named, with its line" "$in/invalid-utf8.txt: .*line 5"
named "binary file named" "$in/binary.txt: "
named "empty file named" "$in/empty.txt: "
named "50 MB file named, too large" "$in/big.txt: file too large"
named "truncated YAML: line and column" "$in/truncated.yaml:[0-9]+:[0-9]+: "
named "alias bomb: line, column, aliases refused" "$in/bomb.yaml:4:[0-9]+: aliases are not supported"
named "deep nesting: line, column, depth" "$in/deep.yaml:3:[0-9]+: nesting deeper than"
named "dangling symlink named" "$in/dangling.txt: broken symbolic link"
named "FIFO named" "$in/fifo.txt: not a regular file"
named "symlink loop a named" "$in/loop-a.txt: symbolic link loop"
named "symlink loop b named" "$in/loop-b.txt: symbolic link loop"
named "directory loop named" "$in/sub/up: directory loop"
[ "$bad" = 13 ] && named "unreadable file named" "$in/unreadable.txt: Permission denied"
is "one error line per bad file" "$(grep -c '^evindex: ' "$tmp/err")" "$bad"
ok "summary counts the failures" grep -q "^Failed: $bad files" "$tmp/out"
ok "summary counts the good files" grep -q " from 3 files " "$tmp/out"

# the good files are searchable, nothing of the bad ones is
"$EVSEARCH" --db "$tmp/db" value chains >/dev/null
is "the seed page is indexed" "$?" 0
"$EVSEARCH" --db "$tmp/db" danube >/dev/null
is "a second page is indexed" "$?" 0
"$EVSEARCH" --db "$tmp/db" circular ports >/dev/null
is "the YAML file is indexed" "$?" 0
for word in Badutfword Binaryword Bigfileword Truncfirstword Bombfirstword \
            Deepfirstword Unreadableword lol; do
    "$EVSEARCH" --db "$tmp/db" "$word" >/dev/null 2>&1
    is "nothing of a bad file is indexed: $word" "$?" 1
done

# --- the same files named on the command line, indexed and dumped -----------------
for f in invalid-utf8.txt binary.txt empty.txt big.txt truncated.yaml bomb.yaml \
         deep.yaml dangling.txt fifo.txt loop-a.txt; do
    timeout 60 "$EVINDEX" --db "$tmp/db2" "$in/$f" >/dev/null 2>"$tmp/err"
    is "evindex $f: exit status (124: it hung)" "$?" 1
    ok "evindex $f: named" grep -q "^evindex: $in/$f:" "$tmp/err"
    timeout 60 "$EVINDEX" --dump "$in/$f" >"$tmp/out" 2>"$tmp/err"
    is "evindex --dump $f: exit status (124: it hung)" "$?" 1
    ok "evindex --dump $f: named" grep -q "^evindex: $in/$f:" "$tmp/err"
    is "evindex --dump $f: prints nothing" "$(wc -c <"$tmp/out")" 0
done
timeout 60 "$EVINDEX" --dump "$in/fifo.txt" 2>"$tmp/err"
ok "--dump of a FIFO says what it is" grep -q "fifo.txt: not a regular file (a FIFO)" "$tmp/err"
timeout 60 "$EVINDEX" --dump "$in/sub/up" 2>"$tmp/err"
ok "--dump of a directory says what it is" grep -q "up: not a regular file (a directory)" "$tmp/err"

finish
