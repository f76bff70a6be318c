package dev.trackplan.incremental;

import dev.trackplan.bundle.Bundle;
import java.util.Map;
import java.util.TreeMap;

/**
 * The key of the GraalJS syntax checks of one build's snippets and bundle: what they parse is
 * exactly these texts, with the parser of this plugin build ({@link BuildIdentity}), so equal keys
 * give equal outcomes and a build whose key passed before need not start GraalJS to parse them.
 */
public final class SyntaxChecks {
    private SyntaxChecks() {}

    /** {@code snippets}: each event's snippet by event name; {@code bundle}: the bundle they make. */
    public static String key(Map<String, String> snippets, Bundle bundle) {
        return Canonical.hash(BuildIdentity.get(), "syntax", new TreeMap<>(snippets), bundle.path(), bundle.content());
    }
}
