# median.awk — each line's median: the lines of paste(1) over the outputs
# of several runs of one query program, one column a run and one line a
# query, become one time a query; and bench/run's per-query ratios, joined
# into one line, their median.  Used by bench/run and bench/growth.
{
    n = split($0, v, "\t")
    for (i = 2; i <= n; i++)    # insertion sort: a few runs, or some hundred ratios
        for (j = i; j > 1 && v[j - 1] + 0 > v[j] + 0; j--) {
            t = v[j]; v[j] = v[j - 1]; v[j - 1] = t
        }
    print (n % 2) ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
}
