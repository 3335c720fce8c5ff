package dev.chainrule.engine.expr;

import dev.chainrule.engine.AnomalyException;
import dev.chainrule.engine.Value;
import java.util.Arrays;

/**
 * A compiled program: a flat list of instructions, each making one node from earlier ones, kept
 * in parallel arrays. Running it is one loop, so no program, however long or however deeply one
 * expression is chained, needs recursion to evaluate.
 */
final class Code {
    static final byte CONST = 0;
    static final byte INPUT = 1;
    static final byte APPLY = 2;

    private byte[] kind = new byte[16];
    private Functions.Function[] fn = new Functions.Function[16];
    /** CONST: the value; INPUT: the input's index; APPLY: the function's constant argument. */
    private double[] number = new double[16];
    private int[] argStart = new int[16];
    private int[] argCount = new int[16];
    private int[] offset = new int[16];
    private String[] label = new String[16];
    private int size;
    private int[] args = new int[32];
    private int argsSize;

    int size() {
        return size;
    }

    String label(int slot) {
        return label[slot];
    }

    void setLabel(int slot, String name) {
        label[slot] = name;
    }

    int offset(int slot) {
        return offset[slot];
    }

    boolean isConst(int slot) {
        return kind[slot] == CONST;
    }

    int emitConst(double value, int at) {
        return emit(CONST, null, value, at);
    }

    int emitInput(int inputIndex, int at) {
        return emit(INPUT, null, inputIndex, at);
    }

    int emitApply(Functions.Function f, double param, int at, int[] slots) {
        int i = emit(APPLY, f, param, at);
        if (argsSize + slots.length > args.length) {
            args = Arrays.copyOf(args, Math.max(args.length * 2, argsSize + slots.length));
        }
        argStart[i] = argsSize;
        argCount[i] = slots.length;
        System.arraycopy(slots, 0, args, argsSize, slots.length);
        argsSize += slots.length;
        return i;
    }

    private int emit(byte k, Functions.Function f, double value, int at) {
        if (size == kind.length) {
            int n = size * 2;
            kind = Arrays.copyOf(kind, n);
            fn = Arrays.copyOf(fn, n);
            number = Arrays.copyOf(number, n);
            argStart = Arrays.copyOf(argStart, n);
            argCount = Arrays.copyOf(argCount, n);
            offset = Arrays.copyOf(offset, n);
            label = Arrays.copyOf(label, n);
        }
        kind[size] = k;
        fn[size] = f;
        number[size] = value;
        offset[size] = at;
        return size++;
    }

    /**
     * Runs every instruction. An {@link AnomalyException} from an op is rethrown with the place in
     * the program where that op was written.
     *
     * @param inputs the leaf for each input, by input index; each is labelled with its name
     * @param source the program text, for anomaly messages
     * @return the node made by each instruction
     */
    Value[] run(Value[] inputs, String source) {
        Value[] slots = new Value[size];
        int i = 0;
        try {
            for (; i < size; i++) {
                Value v;
                switch (kind[i]) {
                    case CONST -> v = Value.of(number[i]);
                    case INPUT -> v = inputs[(int) number[i]];
                    default -> {
                        Value[] in = new Value[argCount[i]];
                        for (int k = 0; k < in.length; k++) {
                            in[k] = slots[args[argStart[i] + k]];
                        }
                        v = fn[i].builder().build(in, number[i]);
                    }
                }
                if (label[i] != null) {
                    v.label(label[i]);
                }
                slots[i] = v;
            }
        } catch (AnomalyException e) {
            String where = label[i] == null ? "" : " (computing '" + label[i] + "')";
            throw new AnomalyException(e.getMessage() + "\n  at " + Source.line(source, offset[i]) + ":"
                    + Source.column(source, offset[i]) + where + "\n" + Source.excerpt(source, offset[i]));
        }
        return slots;
    }
}
