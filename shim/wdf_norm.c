/* wdf_norm.c — see wdf_norm.h. */
#include "wdf_norm.h"

#include <math.h>

double wdf_norm_length_factor(uint64_t len)
{
    double normlen = (double)len / WDF_NORM_PIVOT;
    if (normlen < WDF_NORM_MIN_NORMLEN)
        normlen = WDF_NORM_MIN_NORMLEN;
    return (1 - WDF_NORM_B) + WDF_NORM_B * normlen;
}

uint32_t wdf_norm(uint32_t wdf, double l)
{
    if (wdf == 0)
        return 0;
    double q = nearbyint(WDF_NORM_SCALE * (double)wdf / l);
    if (q < 1)
        return 1;
    /* far beyond any real wdf, and the engine sums wdfs in 32 bits */
    return q > (double)(UINT32_MAX >> 8) ? UINT32_MAX >> 8 : (uint32_t)q;
}

double wdf_norm_k1(void)
{
    return WDF_NORM_K1 * WDF_NORM_SCALE;
}

double wdf_norm_weight_factor(void)
{
    return (WDF_NORM_K1 * WDF_NORM_SCALE + 1) / (WDF_NORM_K1 + 1);
}
