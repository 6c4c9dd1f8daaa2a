# checks.sh — sourced by the end-to-end shell tests: count checks, report
# each failure with what was expected, and close with the line ctest shows.
fails=0 checks=0

ok() {          # ok DESCRIPTION COMMAND...: the command must succeed
    desc=$1; shift
    checks=$((checks + 1))
    if ! "$@" >/dev/null 2>&1; then
        echo "FAIL: $desc" >&2
        fails=$((fails + 1))
    fi
}

is() {          # is DESCRIPTION GOT WANT
    checks=$((checks + 1))
    if [ "$2" != "$3" ]; then
        echo "FAIL: $1: got '$2', want '$3'" >&2
        fails=$((fails + 1))
    fi
}

finish() {      # the closing line, and the exit status
    echo "$((checks - fails)) passed, $fails failed"
    [ "$fails" -eq 0 ]
}
