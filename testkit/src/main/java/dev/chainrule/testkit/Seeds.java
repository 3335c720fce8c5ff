package dev.chainrule.testkit;

import java.lang.reflect.Method;
import java.util.Optional;

/**
 * Where a property's seed comes from, and the sequence of per-case seeds.
 *
 * <p>Order: a seed set in code ({@link PropertyCheck#seed(long)}), which is pinned; then the
 * system property {@code chainrule.seed}; then {@link GradientSeed} on the calling test method;
 * then a hash of the calling class and method, so that every test has its own fixed sequence and
 * CI runs are repeatable. A seed in code is pinned because the tests that set one are the tests
 * that assert what that seed gives (a report, a shrunk expression): running the whole suite with
 * {@code -Dchainrule.seed=N} to replay one failure must not change them.
 */
final class Seeds {
    /** The system property that fixes the seed ({@code random} for a fresh one each run). */
    static final String PROPERTY = "chainrule.seed";

    private Seeds() {
    }

    /** The seed after {@code seed}: case i + 1 of a run uses next(seed of case i). */
    static long next(long seed) {
        long z = seed + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) & Long.MAX_VALUE;
    }

    /**
     * The seed of the first case.
     *
     * @param explicit a seed set in code, or {@code null}; when set, it is the answer
     * @throws IllegalArgumentException if the system property is read and is neither a number nor "random"
     */
    static long resolve(Long explicit) {
        if (explicit != null) {
            return explicit;
        }
        String p = System.getProperty(PROPERTY);
        if (p != null && !p.isBlank()) {
            if (p.trim().equalsIgnoreCase("random")) {
                return next(System.nanoTime());
            }
            try {
                return Long.parseLong(p.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("-D" + PROPERTY + "=" + p
                        + ": expected a whole number (the seed a failure report printed) or 'random'");
            }
        }
        Optional<StackWalker.StackFrame> caller = caller();
        if (caller.isPresent()) {
            StackWalker.StackFrame f = caller.get();
            for (Method m : f.getDeclaringClass().getDeclaredMethods()) {
                GradientSeed s = m.getAnnotation(GradientSeed.class);
                if (s != null && m.getName().equals(f.getMethodName())) {
                    return s.value();
                }
            }
            return next((f.getClassName() + "#" + f.getMethodName()).hashCode());
        }
        return next(0);
    }

    /** The first frame outside the property runner: the test that asked for the check. */
    private static Optional<StackWalker.StackFrame> caller() {
        return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                .walk(frames -> frames
                        .filter(f -> f.getDeclaringClass() != Seeds.class
                                && f.getDeclaringClass() != PropertyCheck.class
                                && f.getDeclaringClass() != GradientProperties.class)
                        .findFirst());
    }
}
