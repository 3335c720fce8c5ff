package dev.chainrule.studio;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Where the studio listens and what it may touch.
 *
 * <pre>{@code
 * StudioConfig c = StudioConfig.loopback().file(Path.of("net.txt"));
 * try (Studio s = Studio.start(c)) {
 *     System.out.println(s.url());   // http://127.0.0.1:PORT/?token=...
 * }
 * }</pre>
 *
 * @param addresses where to listen: by default 127.0.0.1 and ::1 (where the machine has it)
 * @param port      the port, 0 for any free one
 * @param file      the one file the studio may read and (on the Save button) write, or null
 * @param limits    the caps on requests, programs, nodes and evaluation time
 */
public record StudioConfig(List<InetAddress> addresses, int port, Path file, StudioLimits limits) {

    /** Copies the address list and checks the port. */
    public StudioConfig {
        addresses = List.copyOf(addresses);
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("the studio needs at least one address to listen on");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 (any free port) to 65535, not " + port);
        }
        Objects.requireNonNull(limits, "limits");
    }

    /**
     * Listens on 127.0.0.1 and ::1 (skipped where the machine has no IPv6), any free port, no file,
     * default limits.
     */
    public static StudioConfig loopback() {
        try {
            return new StudioConfig(List.of(InetAddress.getByAddress("127.0.0.1", new byte[] {127, 0, 0, 1}),
                    InetAddress.getByAddress("::1", new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1})),
                    0, null, StudioLimits.DEFAULTS);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException("cannot happen: literal loopback addresses", e);
        }
    }

    /** Whether every address is a loopback one (otherwise the command warns). */
    public boolean loopbackOnly() {
        return addresses.stream().allMatch(InetAddress::isLoopbackAddress);
    }

    /** The same, listening on {@code hosts} instead. */
    public StudioConfig addresses(List<InetAddress> hosts) {
        return new StudioConfig(hosts, port, file, limits);
    }

    /** The same on {@code p}. */
    public StudioConfig port(int p) {
        return new StudioConfig(addresses, p, file, limits);
    }

    /** The same, opening (and saving back to) {@code f}. */
    public StudioConfig file(Path f) {
        return new StudioConfig(addresses, port, f, limits);
    }

    /** The same with other caps. */
    public StudioConfig limits(StudioLimits l) {
        return new StudioConfig(addresses, port, file, l);
    }
}
