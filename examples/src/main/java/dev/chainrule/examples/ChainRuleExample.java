package dev.chainrule.examples;

import dev.chainrule.engine.Value;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The chain rule's first worked example: f = (x + y)·z at x = −2, y = 5, z = −4, giving
 * q = 3, f = −12 and ∂f/∂x = −4, ∂f/∂y = −4, ∂f/∂z = 3.
 */
public final class ChainRuleExample implements Example {

    /** The graph of f = (x + y)·z after backward, with its leaves and intermediate at hand. */
    record Result(Value x, Value y, Value z, Value q, Value f) {
    }

    @Override
    public String name() {
        return "chain-rule";
    }

    @Override
    public String summary() {
        return "f = (x + y)·z at x = -2, y = 5, z = -4: every value and gradient";
    }

    /** Builds f = (x + y)·z and runs backward. */
    static Result compute() {
        Value x = Value.of(-2, "x");
        Value y = Value.of(5, "y");
        Value z = Value.of(-4, "z");
        Value q = x.add(y).label("q");
        Value f = q.mul(z).label("f");
        f.backward();
        return new Result(x, y, z, q, f);
    }

    @Override
    public void run(PrintStream out, Path outDir) throws IOException {
        Files.createDirectories(outDir);
        Result r = compute();
        out.println("f = (x + y)·z, with q = x + y");
        out.printf("%-4s %8s %8s%n", "node", "value", "∂f/∂node");
        for (Value v : new Value[] {r.x(), r.y(), r.z(), r.q(), r.f()}) {
            out.printf("%-4s %8s %8s%n", v.label(), Format.plain(v.data()), Format.plain(v.grad()));
        }
        Pictures.graph(out, r.f(), "f = (x + y)·z", outDir, "chain-rule");
    }

    /** Runs this example alone; pictures go to {@code chainrule-out/chain-rule}. */
    public static void main(String... args) throws IOException {
        Examples.main("chain-rule");
    }
}
