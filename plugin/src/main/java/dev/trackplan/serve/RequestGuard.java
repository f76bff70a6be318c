package dev.trackplan.serve;

import java.util.Locale;
import java.util.Set;

/**
 * What the dev server answers at all. It listens on the loopback address only, but a web page
 * from anywhere can make the browser talk to it under a name of its own that resolves to
 * 127.0.0.1 (DNS rebinding); such requests carry that foreign name in the Host header and are
 * refused. Paths with control characters (a decoded {@code %00}) are bad requests.
 */
final class RequestGuard {
    private final Set<String> hosts;

    RequestGuard(int port) {
        String p = ":" + port;
        this.hosts = port == 80 ? Set.of("localhost", "127.0.0.1", "[::1]", "localhost" + p, "127.0.0.1" + p, "[::1]" + p)
                : Set.of("localhost" + p, "127.0.0.1" + p, "[::1]" + p);
    }

    /** Whether a Host header names this server on the loopback address. */
    boolean hostAllowed(String host) {
        return host != null && hosts.contains(host.trim().toLowerCase(Locale.ROOT));
    }

    /** Whether a decoded request path can name a file: absolute, without control characters or backslashes. */
    static boolean pathAllowed(String path) {
        if (path == null || !path.startsWith("/")) {
            return false;
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\' || Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
