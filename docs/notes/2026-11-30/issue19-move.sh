#!/usr/bin/env bash
# The package moves of issue 19, mechanically. Run in the worktree root.
set -euo pipefail
E=engine/src/main/java/dev/chainrule/engine
T=engine/src/test/java/dev/chainrule/engine
mkdir -p $E/internal $E/gradcheck $T/gradcheck
for c in MatMulKernel VectorGemm ReluLoops VectorRelu Strided ArithmeticRows; do git mv $E/$c.java $E/internal/$c.java; done
for c in GradCheck GradCheckEntry GradCheckResult TensorGradCheck KinkConvention RichardsonDifference; do git mv $E/$c.java $E/gradcheck/$c.java; done
for c in GradCheckTest TensorGradCheckTest; do git mv $T/$c.java $T/gradcheck/$c.java; done
python3 "$(dirname "$0")/issue19-move.py"
