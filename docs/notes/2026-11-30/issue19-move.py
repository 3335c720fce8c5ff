import os, re, glob, subprocess
E='engine/src/main/java/dev/chainrule/engine'
INTERNAL=['MatMulKernel','VectorGemm','ReluLoops','VectorRelu','Strided','ArithmeticRows']
GRAD=['GradCheck','GradCheckEntry','GradCheckResult','TensorGradCheck','KinkConvention','RichardsonDifference']
def rd(p): return open(p,encoding='utf-8').read()
def wr(p,s): open(p,'w',encoding='utf-8').write(s)

# 1. package lines of moved files, and public kernels
for c in INTERNAL:
    p=f'{E}/internal/{c}.java'; s=rd(p)
    s=s.replace('package dev.chainrule.engine;','package dev.chainrule.engine.internal;',1)
    s=re.sub(r'^final class ', 'public final class ', s, flags=re.M)
    # package-private static members used from the engine become public
    s=re.sub(r'^(    )static (?!final class)', r'\1public static ', s, flags=re.M)
    s=re.sub(r'^(    )interface ', r'\1public interface ', s, flags=re.M)
    wr(p,s)
for c in GRAD:
    p=f'{E}/gradcheck/{c}.java'; s=rd(p)
    s=s.replace('package dev.chainrule.engine;','package dev.chainrule.engine.gradcheck;',1)
    wr(p,s)
for c in ['GradCheckTest','TensorGradCheckTest']:
    p=f'engine/src/test/java/dev/chainrule/engine/gradcheck/{c}.java'; s=rd(p)
    s=s.replace('package dev.chainrule.engine;','package dev.chainrule.engine.gradcheck;',1)
    wr(p,s)

# 2. imports everywhere
files=[f for f in glob.glob('**/src/**/*.java', recursive=True)]
def add_import(s, imp):
    if re.search(r'^import '+re.escape(imp)+';', s, flags=re.M): return s
    m=re.search(r'^package [^;]+;\n', s, flags=re.M)
    lines=s.split('\n')
    # insert after package line (and blank), before first import
    idx=None
    for i,l in enumerate(lines):
        if l.startswith('import ') and not l.startswith('import static'):
            idx=i; break
    if idx is None:
        for i,l in enumerate(lines):
            if l.startswith('package '):
                lines.insert(i+1,''); idx=i+2; lines.insert(idx, 'import '+imp+';'); return '\n'.join(lines)
    lines.insert(idx,'import '+imp+';')
    # sort the contiguous import block
    j=idx
    while j<len(lines) and (lines[j].startswith('import ') and not lines[j].startswith('import static')): j+=1
    block=sorted(set(lines[idx:j]))
    lines[idx:j]=block
    return '\n'.join(lines)

for f in files:
    s=rd(f); orig=s
    pkg=re.search(r'^package ([\w.]+);', s, flags=re.M)
    pkg=pkg.group(1) if pkg else ''
    for group, sub in ((INTERNAL,'internal'),(GRAD,'gradcheck')):
        for c in group:
            full=f'dev.chainrule.engine.{sub}.{c}'
            # fix explicit old imports
            s=s.replace(f'import dev.chainrule.engine.{c};', f'import {full};')
            if pkg==f'dev.chainrule.engine.{sub}': continue
            if re.search(r'\b'+c+r'\b', re.sub(r'^import .*$','',s,flags=re.M)) and pkg in ('dev.chainrule.engine','dev.chainrule.engine.gradcheck','dev.chainrule.engine.internal'):
                s=add_import(s, full)
    # moved files referencing engine core classes need imports
    if pkg in ('dev.chainrule.engine.gradcheck','dev.chainrule.engine.internal'):
        core=['Value','Tensor','Grad','Autograd','UnaryOp','BinaryOp','Op','OpInfo','NumberText','Node','Graph','CustomOp','AnomalyException']
        body=re.sub(r'^import .*$','',s,flags=re.M)
        body=re.sub(r'//.*|/\*[\s\S]*?\*/','',body)
        for c in core:
            if re.search(r'\b'+c+r'\b', body):
                s=add_import(s, f'dev.chainrule.engine.{c}')
    if s!=orig: wr(f,s)

# 3. fully qualified references (javadoc) to the moved classes; no imports in package-info
for f in files:
    s=rd(f); orig=s
    for group, sub in ((INTERNAL,'internal'),(GRAD,'gradcheck')):
        for c in group:
            s=re.sub(r'dev\.chainrule\.engine\.'+c+r'\b', f'dev.chainrule.engine.{sub}.{c}', s)
    if f.endswith('package-info.java'):
        s=re.sub(r'\n\nimport dev\.chainrule\.engine\.(internal|gradcheck)\.\w+;\n', '\n', s)
        s=re.sub(r'import dev\.chainrule\.engine\.(internal|gradcheck)\.\w+;\n', '', s)
    if s!=orig: wr(f,s)

# 4. javadoc links from the kernels to engine classes they cannot see become code
for c in INTERNAL:
    p=f'{E}/internal/{c}.java'; s=rd(p)
    s=s.replace('{@link Ops#RELU}','{@code Ops.RELU}')
    wr(p,s)

# 5. package docs
wr(f'{E}/internal/package-info.java', '''/**
 * Kernels of the engine: matrix multiplication (plain and on the Vector API), ReLU's and the
 * arithmetic ops' loops, and strided row iteration. <b>Not API</b>: public only so that the
 * engine's packages can share them; they may change or go away in any release without notice.
 * Use {@link dev.chainrule.engine.Tensor} instead.
 */
package dev.chainrule.engine.internal;
''')
wr(f'{E}/gradcheck/package-info.java', '''/**
 * Gradient checking: analytic gradients (from {@code backward()} and {@code Grad.of}) against
 * central finite differences, with PyTorch's tolerances and kink detection, for scalar functions
 * ({@link dev.chainrule.engine.gradcheck.GradCheck}) and tensor functions
 * ({@link dev.chainrule.engine.gradcheck.TensorGradCheck}).
 *
 * <pre>{@code
 * GradCheckResult r = GradCheck.defaults().names("x", "y").run(v -> v[0].mul(v[1]).sin(), 0.5, 2.0);
 * r.passed();   // true
 * }</pre>
 */
package dev.chainrule.engine.gradcheck;
''')
s=rd(f'{E}/package-info.java')
s=s.replace('''and finite-difference gradient checking ({@link
 * dev.chainrule.engine.gradcheck.GradCheck}).''','''and the op registry ({@link dev.chainrule.engine.OpRegistry}). Gradient checking is in
 * {@code dev.chainrule.engine.gradcheck}; the kernels are in {@code dev.chainrule.engine.internal}
 * (not API).''')
wr(f'{E}/package-info.java', s)

# 6. one word for a node's operands: inputs (as Node.inputs(), Value.input(i), Tensor's field), not parents
for f in glob.glob(E+'/*.java'):
    s=rd(f); orig=s
    s=re.sub(r'\bparents\b','inputs',s)
    if s!=orig: wr(f,s)

# 7. no benchmark names in engine comments
for f, old, new in [
    (E+'/Topo.java', 'W1 and W2 do not see it.', 'scalar training steps and deep chains do not show it in their timings.'),
    (E+'/Topo.java', '16 MB for W2)', '16 MB for a graph of 4,000,000 nodes)'),
    (E+'/internal/ReluLoops.java', "(in W1t's 1,600-element layers the emulation still showed", "(in the 1,600-element layers of a small full-batch MLP the emulation still showed"),
]:
    s=rd(f)
    if old in s:
        wr(f, s.replace(old, new))

# 8. naming, said once in the package docs; README names the new package
s=rd(f'{E}/package-info.java')
s=s.replace(''' * (not API).
 *''',''' * (not API).
 *
 * <p>Naming: a node's operands are its <em>inputs</em> ({@code Node.inputs()}, {@code Value.input(i)});
 * a class named {@code *Op} is one op ({@code UnaryOp}, {@code MatMulOp}, {@code SoftmaxOp}) and a
 * class named {@code *Ops} holds several ({@code Ops}: the scalar ops; {@code ElementwiseOps},
 * {@code ReductionOps}, {@code ShapeOps}: tensor ops); {@link dev.chainrule.engine.Node} is the
 * public, read-only face of a node, {@code GraphNode} what the graph walk and the backward pass
 * need of it, and {@link dev.chainrule.engine.Graph.Entry} a node's place in one {@code Graph}.
 *''',1)
wr(f'{E}/package-info.java', s)
s=rd('README.md')
s=s.replace('- Underneath is `GradCheck` (engine).','- Underneath is `GradCheck` (engine, package `dev.chainrule.engine.gradcheck`).')
wr('README.md', s)
