package com.example.starter;

import dev.chainrule.engine.CustomOp;
import dev.chainrule.engine.Value;
import dev.chainrule.nn.Activation;
import dev.chainrule.nn.MLP;
import dev.chainrule.nn.loss.Losses;
import dev.chainrule.nn.optim.Sgd;
import dev.chainrule.viz.GraphRenderer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Everything a new user tries first: a custom op, a rendered graph and a tiny training loop. */
public final class Starter {
    /** cube(x) = x³ with its derivative 3x², shown as "cube" in tables and graphs. */
    public static final CustomOp CUBE = CustomOp.unary("cube", x -> x * x * x, (x, y) -> 3 * x * x);

    private Starter() {}

    /** f = cube(x + y)·z at x = −2, y = 5, z = −4, after backward(). */
    public static Value chainRule() {
        Value x = Value.of(-2, "x"), y = Value.of(5, "y"), z = Value.of(-4, "z");
        Value q = x.add(y).label("q");
        Value f = Value.apply(CUBE, q).label("c").mul(z).label("f");
        f.backward();
        return f;
    }

    /** Trains a 2-4-1 network on XOR with plain SGD and returns the loss after each step. */
    public static List<Double> trainXor(int steps) {
        double[][] xs = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
        double[] ys = {0, 1, 1, 0};
        MLP net = new MLP(2, List.of(4, 1), List.of(Activation.TANH, Activation.SIGMOID), new Random(7));
        Sgd sgd = new Sgd(net.parameters(), 0.5);
        List<Double> losses = new ArrayList<>();
        for (int step = 0; step < steps; step++) {
            List<Value> predictions = new ArrayList<>();
            for (double[] x : xs) {
                predictions.add(net.forward(x).get(0));
            }
            Value loss = Losses.mse(predictions, ys);
            net.zeroGrad();
            loss.backward();
            sgd.step();
            losses.add(loss.data());
        }
        return losses;
    }

    /** Prints f's gradients, writes f.svg, and trains on XOR. */
    public static void main(String[] args) {
        Value f = chainRule();
        System.out.println("f = " + f.data());
        Path svg = GraphRenderer.render(f, Path.of(args.length > 0 ? args[0] : "f.svg"));
        System.out.println("graph written to " + svg);
        List<Double> losses = trainXor(500);
        System.out.printf("XOR loss %.4f -> %.4f%n", losses.get(0), losses.get(losses.size() - 1));
    }
}
