#!/usr/bin/env python3
"""PyTorch float64 at the points of Chainrule's OpAccuracyTest: worst relative error per op.

A comparison, not a test. It rebuilds the test's corpus (the same hard points, and the same
seeded random doubles: java.util.Random is re-implemented below), computes each op's value,
first and second derivative with torch.autograd (create_graph=True, as --hessian does), and
measures them against 50-digit closed forms evaluated with mpmath, with the test's metric:
|got - true| / max(|true|, smallest normal double), exactly 0 where the truth is 0. Points where
the truth is not a finite double (overflow, undefined) are left out, as the test checks those
separately.

    apt-get install python3-torch python3-mpmath     # Debian 12: torch 1.13, mpmath 1.2
    /usr/bin/python3 bench/peers/numerics_torch.py
"""
import math
import struct
import sys

import mpmath
import torch
from mpmath import mp, mpf

mp.dps = 50
MIN_NORMAL = sys.float_info.min
MAX = sys.float_info.max

# ---------------------------------------------------------------- the test's corpus

HARD = [
    0.0, 5e-324, 1e-323, 1e-320, MIN_NORMAL / 3, MIN_NORMAL,
    1e-300, 1e-200, 1e-100, 1e-20, 1e-15, 1e-8, 1e-5, 1e-3, 0.1, 0.5, math.sqrt(0.5), 0.75,
    1, 1.5, 2, math.e, 3, 5, 6, 8, 10, 18, 19, 20, 30, 36, 37, 40, 100,
    700, math.log(MAX), 710, 745, 745.2, 746, 1000, 1e4, 1e8, 1e15, 1e20,
    1e50, 1e100, 5.64e102, 5.65e102, 1e154, math.sqrt(MAX), 1.35e154, 1e200, 1e300, MAX,
]
PAIR_POINTS = [0.0, 5e-324, 1e-300, 1e-200, 1e-15, 0.3, 0.5, 1, 1.5, 2, 3, 10, 20, 1e15, 1e154, 1e200, 1e300]
EXPONENTS = [0, 1e-20, 0.3, 0.5, 1, 1.5, 2, 3, 10, -0.5, -1, -2, -3, 1024, 1750, 1751, -1074]
SEED = 15
RANDOM_POINTS = 150


class JavaRandom:
    """java.util.Random: the 48-bit LCG, nextLong, nextDouble and nextGaussian."""

    def __init__(self, seed):
        self.seed = (seed ^ 0x5DEECE66D) & ((1 << 48) - 1)
        self.next_gaussian = None

    def next(self, bits):
        self.seed = (self.seed * 0x5DEECE66D + 0xB) & ((1 << 48) - 1)
        r = self.seed >> (48 - bits)
        return r - (1 << bits) if r >= 1 << (bits - 1) else r

    def next_long(self):
        return ((self.next(32) << 32) + self.next(32)) & ((1 << 64) - 1)

    def next_double(self):
        return (((self.next(26) & ((1 << 26) - 1)) << 27) + (self.next(27) & ((1 << 27) - 1))) * 2.0 ** -53

    def gaussian(self):
        if self.next_gaussian is not None:
            g, self.next_gaussian = self.next_gaussian, None
            return g
        while True:
            v1 = 2 * self.next_double() - 1
            v2 = 2 * self.next_double() - 1
            s = v1 * v1 + v2 * v2
            if 0 < s < 1:
                break
        m = math.sqrt(-2 * math.log(s) / s)
        self.next_gaussian = v2 * m
        return v1 * m


def bits_to_double(bits):
    return struct.unpack("<d", struct.pack("<Q", bits))[0]


def java_hash(s):
    h = 0
    for ch in s:
        h = (31 * h + ord(ch)) & 0xFFFFFFFF
    return h - (1 << 32) if h >= 1 << 31 else h


def corpus(extra):
    pts = []
    for x in HARD + list(extra):
        pts += [float(x), -float(x)]
    r = JavaRandom(SEED)
    want = len(pts) + RANDOM_POINTS
    while len(pts) < want:
        x = bits_to_double(r.next_long())
        if math.isfinite(x):
            pts.append(x)
    return pts


def pairs(name):
    out = []
    bs = EXPONENTS if name == "pow" else PAIR_POINTS
    for a in PAIR_POINTS:
        for b in bs:
            out.append((a, b))
            if a != 0 or name != "pow":
                out.append((-a, b))
            if name != "pow":
                out.append((a, -b))
    r = JavaRandom(SEED + java_hash(name))
    for _ in range(RANDOM_POINTS):
        if name == "pow":
            a = math.exp(r.gaussian() * 50)
            b = (r.next_double() * 1400 - 700) / math.log(a)
            out.append((a, b))
        else:
            a = bits_to_double(r.next_long())
            b = bits_to_double(r.next_long())
            if math.isfinite(a) and math.isfinite(b):
                out.append((a, b))
    return out

# ---------------------------------------------------------------- closed forms (mpmath)

GELU_K = mpf(0.044715)   # the double the engine and PyTorch use, exactly
GELU_C = mpmath.sqrt(2 / mpmath.pi)


def sig(x):
    return 1 / (1 + mpmath.exp(-x))


def truth_unary(name, p, xd):
    """(value, f', f'') as mpf, or None where undefined."""
    x = mpf(xd)
    if name == "neg":
        return -x, mpf(-1), mpf(0)
    if name == "exp":
        e = mpmath.exp(x)
        return e, e, e
    if name == "log":
        return None if x <= 0 else (mpmath.log(x), 1 / x, -1 / x ** 2)
    if name == "sqrt":
        if x <= 0:
            return None
        r = mpmath.sqrt(x)
        return r, 1 / (2 * r), -1 / (4 * x * r)
    if name == "sin":
        return mpmath.sin(x), mpmath.cos(x), -mpmath.sin(x)
    if name == "cos":
        return mpmath.cos(x), -mpmath.sin(x), -mpmath.cos(x)
    if name == "tanh":
        t = mpmath.tanh(x)
        s2 = mpmath.sech(x) ** 2
        return t, s2, -2 * t * s2
    if name == "sigmoid":
        s, t = sig(x), sig(-x)
        return s, s * t, -s * t * mpmath.tanh(x / 2)
    if name == "softplus":
        return mpmath.log1p(mpmath.exp(x)), sig(x), sig(x) * sig(-x)
    if name == "elu":
        if x > 0:
            return x, mpf(1), mpf(0)
        # elu''(0) is a convention (Chainrule: alpha, PyTorch: 0), not a truth: left out.
        return p * mpmath.expm1(x), p * mpmath.exp(x), None if x == 0 else p * mpmath.exp(x)
    if name == "gelu":
        u = GELU_C * (x + GELU_K * x ** 3)
        u1 = GELU_C * (1 + 3 * GELU_K * x ** 2)
        u2 = 6 * GELU_C * GELU_K * x
        s, t = sig(2 * u), sig(-2 * u)
        return x * s, s + 2 * x * s * t * u1, s * t * (4 * u1 - 4 * x * u1 ** 2 * mpmath.tanh(u) + 2 * x * u2)
    if name == "silu":
        s, t = sig(x), sig(-x)
        return x * s, s + x * s * t, s * t * (2 - x * mpmath.tanh(x / 2))
    if name == "gaussian":
        g = mpmath.exp(-x * x)
        return g, -2 * x * g, (4 * x * x - 2) * g
    if name == "softsign":
        d = 1 + abs(x)
        return x / d, 1 / d ** 2, -2 * mpmath.sign(x) / d ** 3
    if name == "pow":
        return truth_pow(x, mpf(p), p)
    raise ValueError(name)


def truth_pow(x, p, pd):
    integer = pd == math.floor(pd)
    if x == 0:
        # 0^p's derivatives that are finite: the rest (infinite) are left out.
        if pd == 0:
            return mpf(1), mpf(0), mpf(0)
        if pd == 1:
            return mpf(0), mpf(1), mpf(0)
        if pd >= 2:
            return mpf(0), mpf(0), mpf(2) if pd == 2 else mpf(0)
        return (mpf(0) if pd > 0 else None), (mpf(0) if pd > 1 else None), None
    if x < 0 and not integer:
        return None
    return x ** p, p * x ** (p - 1), p * (p - 1) * x ** (p - 2)


def truth_binary(name, ad, bd):
    """(value, da, db, haa, hab, hbb), or None."""
    a, b = mpf(ad), mpf(bd)
    if name == "div":
        if b == 0:
            return None
        return a / b, 1 / b, -a / b ** 2, mpf(0), -1 / b ** 2, 2 * a / b ** 3
    if name == "pow":
        if a <= 0:
            return None   # conventions, not truths
        y = a ** b
        lg = mpmath.log(a)
        return y, b * y / a, y * lg, b * (b - 1) * y / a ** 2, y / a * (1 + b * lg), y * lg ** 2
    raise ValueError(name)

# ---------------------------------------------------------------- measuring


def error(got, t):
    """The test's metric; None where the truth is not a finite double."""
    if t is None:
        return None
    if abs(t) > MAX:
        return None
    if t == 0:
        return 0.0 if got == 0 else math.inf
    if not math.isfinite(got):
        return math.inf
    return float(abs(mpf(got) - t) / max(abs(t), mpf(MIN_NORMAL)))


def torch_unary(name, p):
    import torch.nn.functional as F
    return {
        "neg": lambda x: -x,
        "exp": torch.exp,
        "log": torch.log,
        "sqrt": torch.sqrt,
        "sin": torch.sin,
        "cos": torch.cos,
        "tanh": torch.tanh,
        "sigmoid": torch.sigmoid,
        "softplus": F.softplus,
        "elu": lambda x: F.elu(x, alpha=p),
        "gelu": lambda x: F.gelu(x, approximate="tanh"),
        "silu": F.silu,
        "gaussian": lambda x: torch.exp(-x * x),
        "softsign": F.softsign,
        "pow": lambda x: torch.pow(x, p),
    }[name]


def grad(out, wrt, create):
    gs = torch.autograd.grad(out.sum(), wrt, create_graph=create, allow_unused=True, retain_graph=True)
    return [torch.zeros_like(w) if g is None else g for g, w in zip(gs, wrt)]


def run_unary(name, p, extra):
    xs = corpus(extra)
    x = torch.tensor(xs, dtype=torch.float64, requires_grad=True)
    y = torch_unary(name, p)(x)
    (d1,) = grad(y, [x], True)
    (d2,) = grad(d1, [x], False) if d1.requires_grad else [torch.zeros_like(x)]
    worst = [(0.0, "-")] * 3
    for i, xd in enumerate(xs):
        t = truth_unary(name, p, xd)
        if t is None:
            continue
        for k, got in enumerate((y[i].item(), d1[i].item(), d2[i].item())):
            e = error(got, t[k])
            if e is not None and e >= worst[k][0]:
                worst[k] = (e, "x=%r" % xd)
    return worst


def run_binary(name):
    ps = pairs(name)
    a = torch.tensor([q[0] for q in ps], dtype=torch.float64, requires_grad=True)
    b = torch.tensor([q[1] for q in ps], dtype=torch.float64, requires_grad=True)
    y = torch.div(a, b) if name == "div" else torch.pow(a, b)
    ga, gb = grad(y, [a, b], True)
    haa, hab = grad(ga, [a, b], False)
    hba, hbb = grad(gb, [a, b], False)
    worst = [(0.0, "-")] * 3
    for i, (ad, bd) in enumerate(ps):
        t = truth_binary(name, ad, bd)
        if t is None:
            continue
        got = [(0, y, 0), (1, ga, 1), (1, gb, 2), (2, haa, 3), (2, hab, 4), (2, hba, 4), (2, hbb, 5)]
        for kind, tensor, idx in got:
            e = error(tensor[i].item(), t[idx])
            if e is not None and e >= worst[kind][0]:
                worst[kind] = (e, "a=%r, b=%r" % (ad, bd))
    return worst


UNARY = [
    ("neg", 0, []), ("exp", 0, [-708.4, -709.0, 709.78, -744.4]), ("log", 0, [1 - 1e-15, 1 + 2.2e-16]),
    ("sqrt", 0, []), ("sin", 0, [math.pi, math.pi / 2, 1e22]), ("cos", 0, [math.pi, math.pi / 2, 1e22]),
    ("tanh", 0, [0.55, 0.4, 0.25, 17, 22]), ("sigmoid", 0, [0.25, 1e-3, 38, 709, 710]),
    ("softplus", 0, [33, 34, 35]), ("elu", 1.0, [-1e-10, -0.1, -25]), ("elu", 0.5, []),
    ("gelu", 0, [-4, -4.5, 0.7, 1.3, 2.2, 9, -9, 4e51, 2.2e51]), ("silu", 0, [2.4, 1.2, -1.2]),
    ("gaussian", 0, [math.nextafter(math.sqrt(0.5), 1), math.nextafter(math.sqrt(0.5), 0), 1.2247448713915889,
                     26.6, 27.3]),
    ("softsign", 0, []),
] + [("pow", p, []) for p in (2, 3, 0.5, -1, -2, 0, 1, 1.5, -0.5, 10, 1.0 / 3, 2.5)]


def main():
    torch.set_default_dtype(torch.float64)
    print("PyTorch %s float64, worst relative error (value, d1, d2) at OpAccuracyTest's points" % torch.__version__)
    print("%-14s %9s %9s %9s   %-28s %-28s %s" % ("op", "value", "d1", "d2", "where (value)", "where (d1)", "where (d2)"))
    rows = [("%s(%g)" % (n, p) if n in ("pow", "elu") else n, run_unary(n, p, e)) for n, p, e in UNARY]
    rows += [(n + " (a, b)", run_binary(n)) for n in ("div", "pow")]
    for label, w in rows:
        print("%-14s %9.2g %9.2g %9.2g   %-28s %-28s %s" % (label, w[0][0], w[1][0], w[2][0], w[0][1], w[1][1], w[2][1]))


if __name__ == "__main__":
    main()
