#!/usr/bin/env python3
"""numpy's matmul (its BLAS, OpenBLAS on Debian with libopenblas0-pthread) on workload W5 of
shared/bench/README.md: C = A·B, square float64, GFLOP/s = 2n³/t at the median of 10 after 3
warm-ups, as Chainrule's own W5.

    python3 bench/peers/numpy_peer.py --threads 2 --n 1024,2048

Prints one JSON line per size, or {"skipped": why} when numpy cannot be imported.
"""
import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peer_common as pc  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--n", default="1024,2048", help="sizes, comma-separated")
    ap.add_argument("--workload", default="W5", help="the name to report (W5, or W5n for the growth series)")
    a = ap.parse_args()
    sizes = [int(s) for s in a.n.split(",")]
    pc.set_threads(a.threads)
    try:
        import numpy as np
    except ImportError as e:
        pc.skipped(a.workload, "numpy", "%s (%s)" % (e, sys.executable))
    blas = pc.openblas_info() or "BLAS: not OpenBLAS"
    version = "numpy %s, %s" % (np.__version__, blas)
    rng = np.random.default_rng(1)
    for n in sizes:
        x = rng.random((n, n))
        y = rng.random((n, n))
        for _ in range(3):
            c = x @ y
        samples = []
        for _ in range(10):
            t0 = time.perf_counter_ns()
            c = x @ y
            samples.append(time.perf_counter_ns() - t0)
        out = {"workload": a.workload, "n": n, "peer": "numpy", "peer_version": version, "threads": a.threads}
        out.update(pc.timing(samples))
        out["gflops"] = round(2.0 * n ** 3 / (out["median_ms"] * 1e6), 1)
        i, j = rng.integers(0, n, 2)
        out["max_relative_error_1_entry"] = float(abs(c[i, j] - float(np.dot(x[i, :], y[:, j]))) / abs(c[i, j]))
        pc.emit(out)


if __name__ == "__main__":
    main()
