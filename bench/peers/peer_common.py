"""What every peer script shares: thread settings made before the library loads, timing
summaries computed as the Java runner computes them, and one JSON object per line on stdout.

A peer prints {"workload": ..., "peer": ..., "skipped": "why"} when its library is missing, so that
the runner reports it as skipped, never as a comparison that passed.
"""
import json
import math
import os
import sys


def set_threads(threads):
    """Fixes every thread pool a BLAS or OpenMP library may start. Call before importing it."""
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[name] = str(threads)


def quantile_ms(samples_ns, q):
    """The q-quantile in milliseconds by the nearest-rank rule; the median of an even count is
    the mean of the middle two (as bench's Samples.quantileMs)."""
    s = sorted(samples_ns)
    n = len(s)
    if n == 0:
        raise ValueError("no samples were taken")
    if q == 0.5 and n % 2 == 0:
        return (s[n // 2 - 1] + s[n // 2]) / 2e6
    i = min(n - 1, max(0, math.ceil(q * n) - 1))
    return s[i] / 1e6


def timing(samples_ns):
    """median_ms, p10_ms, p90_ms and samples, rounded to four significant digits."""
    return {
        "median_ms": float("%.4g" % quantile_ms(samples_ns, 0.5)),
        "p10_ms": float("%.4g" % quantile_ms(samples_ns, 0.1)),
        "p90_ms": float("%.4g" % quantile_ms(samples_ns, 0.9)),
        "samples": len(samples_ns),
    }


def emit(obj):
    """Prints one result as one JSON line (NaN and infinities as null, never as bare words)."""
    clean = {k: (None if isinstance(v, float) and not math.isfinite(v) else v) for k, v in obj.items()}
    print(json.dumps(clean), flush=True)


def skipped(workload, peer, why):
    """Reports a peer that cannot run here and exits 0: skipped is a result, not a crash."""
    emit({"workload": workload, "peer": peer, "skipped": why})
    sys.exit(0)


def openblas_info():
    """OpenBLAS's own version line and CPU kernel ("OpenBLAS 0.3.21 ... Haswell"), or None when
    the BLAS loaded is not OpenBLAS. Reads the library numpy and torch already mapped."""
    import ctypes
    for lib in ("libblas.so.3", "libopenblas.so.0", "libopenblas.so"):
        try:
            h = ctypes.CDLL(lib)
        except OSError:
            continue
        if not hasattr(h, "openblas_get_config"):
            continue
        h.openblas_get_config.restype = ctypes.c_char_p
        config = h.openblas_get_config().decode()
        core = ""
        if hasattr(h, "openblas_get_corename"):
            h.openblas_get_corename.restype = ctypes.c_char_p
            core = h.openblas_get_corename().decode()
        words = config.split()
        version = " ".join(words[:2]) if len(words) >= 2 else config
        return version + (" (" + core + " kernels)" if core else "")
    return None
