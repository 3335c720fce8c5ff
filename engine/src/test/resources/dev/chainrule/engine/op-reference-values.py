from mpmath import mp, mpf, exp, log, sqrt, sin, cos, tanh, pi, nstr
mp.dps = 50
def sig(x): return 1/(1+exp(-x))
U = {
 'neg': lambda x: -x, 'exp': exp, 'log': log, 'sqrt': sqrt, 'abs': abs, 'sin': sin, 'cos': cos, 'tanh': tanh,
 'sigmoid': sig, 'relu': lambda x: x if x > 0 else mpf(0), 'softplus': lambda x: log(1+exp(x)),
 'gelu': lambda x: x/2*(1+tanh(sqrt(2/pi)*(x+mpf('0.044715')*x**3))),
 'silu': lambda x: x*sig(x), 'gaussian': lambda x: exp(-x*x),
 'step': lambda x: mpf(1) if x >= 0 else mpf(0), 'sign': lambda x: mpf((x > 0) - (x < 0)),
 'bipolar_step': lambda x: mpf(1) if x >= 0 else mpf(-1),
 'softsign': lambda x: x/(1+abs(x)), 'identity': lambda x: x,
}
pts = [-2.5, -0.5, 0.3, 1.0, 3.0]
special = {'log': [0.3, 1.0, 2.0, 10.0], 'sqrt': [0.3, 2.0, 10.0, 1e-4], 'step': [-2.5, 0.0, 0.3, 3.0], 'sign': [-2.5, 0.0, 0.3, 3.0], 'bipolar_step': [-2.5, 0.0, 0.3, 3.0],
           'relu': [-2.5, 0.0, 0.3, 3.0], 'abs': [-2.5, 0.0, 0.3, 3.0], 'sin': [-2.5, 0.3, 1.0, 3.0, 100.0], 'cos': [-2.5, 0.3, 1.0, 3.0, 100.0],
           'exp': [-2.5, 0.3, 1.0, 3.0, 20.0], 'sigmoid': [-20.0, -2.5, 0.3, 1.0, 3.0], 'tanh': [-2.5, 0.3, 1.0, 3.0, 1e-5],
           'softplus': [-20.0, -2.5, 0.3, 1.0, 30.0], 'gelu': [-1.5, -0.5, 0.3, 1.0, 3.0]}
def fmt(v):
    if v == 0: return '0'
    return nstr(v, 25, strip_zeros=True, min_fixed=-5, max_fixed=6)
def inp(x):
    r = repr(x)
    return r[:-2] if r.endswith('.0') else r
rows = []
for name, f in U.items():
    for x in special.get(name, pts):
        rows.append((name, '', inp(x), fmt(f(mpf(x)))))
for x in [-2.5, -0.5, 0.3, 3.0]:
    rows.append(('leaky_relu', '', inp(x), fmt(mpf(x) if x > 0 else mpf('0.01')*mpf(x))))
for x in [-2.5, 3.0]:
    rows.append(('leaky_relu', '0.2', inp(x), fmt(mpf(x) if x > 0 else mpf(0.2)*mpf(x))))
for x in [-2.5, -0.5, 0.3, 3.0]:
    rows.append(('elu', '', inp(x), fmt(mpf(x) if x > 0 else exp(mpf(x))-1)))
for x in [-2.5, 0.3]:
    rows.append(('elu', '0.5', inp(x), fmt(mpf(x) if x > 0 else mpf(0.5)*(exp(mpf(x))-1))))
B = {'add': lambda a,b: a+b, 'sub': lambda a,b: a-b, 'mul': lambda a,b: a*b, 'div': lambda a,b: a/b,
     'pow': lambda a,b: a**b, 'max': max, 'min': min}
bpts = {'add': [(0.1, 0.2), (-2.5, 3.0), (1e16, 1.0)], 'sub': [(0.3, 0.1), (-2.5, 3.0), (1.0, 1e-17)],
        'mul': [(0.1, 3.0), (-2.5, 0.3), (1e200, 1e-200)], 'div': [(1.0, 3.0), (-2.5, 0.3), (2.0, 7.0)],
        'pow': [(2.0, 0.5), (0.3, -1.5), (3.0, 2.5), (-2.0, 3.0), (10.0, -2.0)], 'max': [(-2.5, 0.3), (3.0, 1.0), (-0.5, -0.5)],
        'min': [(-2.5, 0.3), (3.0, 1.0), (-0.5, -0.5)]}
for name, f in B.items():
    for a, b in bpts[name]:
        rows.append((name, '', inp(a)+', '+inp(b), fmt(f(mpf(a), mpf(b)))))
for x, p in [(0.3, 2.0), (-2.5, 3.0), (2.0, 0.5), (0.3, -1.5)]:
    rows.append(('pow', inp(p), inp(x), fmt(mpf(x)**mpf(p))))
for xs in [(0.1, 0.2, 0.3), (-2.5, 1.0), (1.0, 2.0, 3.0, 4.0)]:
    rows.append(('sum', '', ', '.join(inp(x) for x in xs), fmt(sum(mpf(x) for x in xs))))
w = [max(len(r[i]) for r in rows) for i in range(4)]
for r in rows:
    print('            ' + ' | '.join(r[i].ljust(w[i]) for i in range(3)) + ' | ' + r[3])
