# percentiles.awk — p50, p95 and p99 in milliseconds of a column of
# microseconds (one value a line, sorted ascending: sort -n first), by the
# nearest-rank method.  Prints "p50 p95 p99"; exits 1 on no input.
# Used by bench/run and bench/growth.
{ v[NR] = $1 }
function pct(p,  i) { i = int(p * NR + 0.999999); if (i < 1) i = 1; return v[i] / 1000 }
END {
    if (NR == 0)
        exit 1
    printf "%.3f %.3f %.3f\n", pct(0.50), pct(0.95), pct(0.99)
}
