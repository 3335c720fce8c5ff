#!/usr/bin/env python3
"""PyTorch (CPU, float64) on workloads W1t and W4 of shared/bench/README.md, the peer that
bench/run --peers runs right after Chainrule's own run of the same workload.

    python3 bench/peers/torch_peer.py W1t|W4 --threads N

Prints one JSON line: median/p10/p90 ms per step, the check figure and the peer's version; or
{"skipped": why} when torch cannot be imported (Debian: apt-get install python3-torch
libopenblas0-pthread). Each step is timed as Chainrule's: zero grads, forward, backward, update.
"""
import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peer_common as pc  # noqa: E402

MOONS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "main", "resources",
                     "dev", "chainrule", "bench", "moons_micrograd.txt")
FINAL_LOSS = 0.010978370135492717


def load_moons(torch):
    rows = {}
    with open(MOONS, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2:
                rows[parts[0]] = [float(v) for v in parts[1:]]
    t = lambda name, *shape: torch.tensor(rows[name], dtype=torch.float64).reshape(*shape)  # noqa: E731
    return t("X", 100, 2), t("y", 100, 1), t("W1", 16, 2), t("W2", 16, 16), t("W3", 1, 16)


def w1t(torch):
    """The moons demo on tensors: 100 full-batch steps, as bench's MoonsTensor."""
    x, y, w1, w2, w3 = load_moons(torch)
    neg_y = -y

    def train(samples):
        params = [w1.t().clone().requires_grad_(), torch.zeros(16, dtype=torch.float64, requires_grad=True),
                  w2.t().clone().requires_grad_(), torch.zeros(16, dtype=torch.float64, requires_grad=True),
                  w3.t().clone().requires_grad_(), torch.zeros(1, dtype=torch.float64, requires_grad=True)]
        a1, c1, a2, c2, a3, c3 = params
        loss_value = None
        for k in range(100):
            t0 = time.perf_counter_ns()
            for p in params:
                p.grad = None
            h1 = torch.relu(x @ a1 + c1)
            h2 = torch.relu(h1 @ a2 + c2)
            s = h2 @ a3 + c3
            data = torch.relu(s * neg_y + 1).sum() * (1.0 / 100)
            reg = (a1 * a1).sum()
            for p in params[1:]:
                reg = reg + (p * p).sum()
            loss = data + reg * 1e-4
            loss.backward()
            lr = 1.0 - 0.9 * k / 100
            with torch.no_grad():
                for p in params:
                    p.sub_(lr * p.grad)
            loss_value = loss.item()
            if samples is not None:
                samples.append(time.perf_counter_ns() - t0)
        return loss_value

    for _ in range(30):
        train(None)
    samples = []
    final = None
    for _ in range(30):
        final = train(samples)
    out = pc.timing(samples)
    out.update({"check": final, "check_is": "final loss (step 99)",
                "relative_difference": abs(final - FINAL_LOSS) / FINAL_LOSS})
    return out


def w4(torch):
    """One SGD step of an MLP 784-256-128-10 (ReLU, cross-entropy, batch 128, lr 0.01), float64."""
    import torch.nn.functional as F
    g = torch.Generator().manual_seed(1)
    x = torch.randn(128, 784, dtype=torch.float64, generator=g)
    labels = torch.randint(0, 10, (128,), generator=g)
    sizes = [784, 256, 128, 10]
    ws = [(torch.randn(sizes[i], sizes[i + 1], dtype=torch.float64, generator=g) * (2.0 / sizes[i]) ** 0.5)
          .requires_grad_() for i in range(3)]
    bs = [torch.zeros(sizes[i + 1], dtype=torch.float64, requires_grad=True) for i in range(3)]
    params = ws + bs

    def step():
        for p in params:
            p.grad = None
        h = torch.relu(torch.addmm(bs[0], x, ws[0]))
        h = torch.relu(torch.addmm(bs[1], h, ws[1]))
        loss = F.cross_entropy(torch.addmm(bs[2], h, ws[2]), labels)
        loss.backward()
        with torch.no_grad():
            for p in params:
                p.add_(p.grad, alpha=-0.01)
        return loss.item()

    first = step()
    for _ in range(299):
        step()
    samples = []
    last = first
    for _ in range(200):
        t0 = time.perf_counter_ns()
        last = step()
        samples.append(time.perf_counter_ns() - t0)
    out = pc.timing(samples)
    out.update({"check": last, "check_is": "loss at step 500", "step0_loss": first})
    if not last < first:
        out["failure"] = "the loss did not fall on a fixed batch: %r then %r" % (first, last)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("workload", choices=["W1t", "W4"])
    ap.add_argument("--threads", type=int, default=1)
    a = ap.parse_args()
    pc.set_threads(a.threads)
    try:
        import torch
    except ImportError as e:
        pc.skipped(a.workload, "PyTorch", "%s (%s)" % (e, sys.executable))
    torch.set_num_threads(a.threads)
    blas = pc.openblas_info()
    result = {"workload": a.workload, "peer": "PyTorch",
              "peer_version": "PyTorch %s CPU%s" % (torch.__version__, ", " + blas if blas else ""),
              "threads": a.threads, "python": sys.version.split()[0]}
    result.update(w1t(torch) if a.workload == "W1t" else w4(torch))
    pc.emit(result)


if __name__ == "__main__":
    main()
