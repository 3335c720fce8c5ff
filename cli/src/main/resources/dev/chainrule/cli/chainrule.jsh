// Chainrule's jshell start-up: the common imports and f = (x + y)·z ready to explore.
// Try:  f.backward()   x.grad()   Tensor.randn(new Random(1), 2, 3)   Graph.of(f)
import dev.chainrule.engine.*;
import dev.chainrule.engine.expr.*;
import dev.chainrule.engine.gradcheck.*;
// engine.GradCheck is the deprecated alias of this one: the single-type import picks the new one.
import dev.chainrule.engine.gradcheck.GradCheck;
import dev.chainrule.nn.*;
import dev.chainrule.nn.loss.*;
import dev.chainrule.nn.optim.*;
import dev.chainrule.nn.tensor.*;
import dev.chainrule.viz.*;
import java.nio.file.Path;
import java.util.*;

Value x = Value.of(-2, "x");
Value y = Value.of(5, "y");
Value z = Value.of(-4, "z");
Value q = x.add(y).label("q");
Value f = q.mul(z).label("f");
f.backward();
System.out.println("Chainrule: x, y, z, q and f = (x + y)·z are ready; f.backward() has run. Try x.grad(), "
        + "GraphRenderer.render(f, Path.of(\"f.svg\")), Program.parse(\"f = sigmoid(w·x)\"). /exit leaves.");
