package dev.chainrule.testkit.mutation;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs the test kit's property suite one test at a time and stops at the first failure, for
 * {@link DerivativeMutants}: exit status 1 and the failing test on standard output if a test
 * failed (the mutant is killed), 0 if all passed. Arguments: the test classes, in order.
 */
public final class PropertySuiteRun {
    private PropertySuiteRun() {
    }

    public static void main(String[] args) throws Exception {
        Launcher launcher = LauncherFactory.create();
        List<TestIdentifier> tests = new ArrayList<>();
        for (String name : args) {
            try {
                Class.forName(name);
            } catch (ClassNotFoundException absent) {
                continue;
            }
            TestPlan plan = launcher.discover(LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(Class.forName(name))).build());
            for (TestIdentifier root : plan.getRoots()) {
                collect(plan, root, tests);
            }
        }
        int run = 0;
        for (TestIdentifier t : tests) {
            String[] failure = new String[1];
            launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectUniqueId(t.getUniqueId()))
                    .build(), new TestExecutionListener() {
                        @Override
                        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                            if (id.isTest() && result.getStatus() != TestExecutionResult.Status.SUCCESSFUL
                                    && failure[0] == null) {
                                failure[0] = id.getDisplayName() + ": "
                                        + result.getThrowable().map(Throwable::toString).orElse("failed");
                                // Fail fast, even inside a parameterized test's remaining invocations.
                                killed(t, failure[0]);
                            }
                        }
                    });
            run++;
        }
        System.out.println("SURVIVED\t" + run + " tests passed");
        System.exit(0);
    }

    private static void killed(TestIdentifier t, String failure) {
        String cls = t.getUniqueId().replaceAll(".*\\[class:dev\\.chainrule\\.testkit\\.([^\\]]*)\\].*", "$1");
        String first = failure.lines().findFirst().orElse("");
        System.out.println("KILLED\t" + cls + "#" + t.getDisplayName().replaceAll("\\(.*", "") + "\t"
                + (first.length() > 200 ? first.substring(0, 200) + "…" : first));
        System.out.flush();
        Runtime.getRuntime().halt(1);
    }

    /** The test methods, plain or parameterized (whose invocations appear only as they run). */
    private static void collect(TestPlan plan, TestIdentifier id, List<TestIdentifier> out) {
        String last = id.getUniqueId().substring(id.getUniqueId().lastIndexOf("/[") + 2);
        if (last.startsWith("method:") || last.startsWith("test-template:")) {
            out.add(id);
            return;
        }
        for (TestIdentifier c : plan.getChildren(id)) {
            collect(plan, c, out);
        }
    }
}
