package dev.trackplan.model;

import dev.trackplan.diag.SourcePos;
import java.util.List;

/**
 * The plan-wide settings a spec file may hold: the team's naming {@code conventions:} (all
 * optional, off unless written) and the {@code privacy:} choice whether personal data may be sent.
 * {@code pos} is where the block is (null for the defaults).
 */
public record PlanSettings(Conventions conventions, boolean allowPersonalData, SourcePos privacyPos) {

    public static final PlanSettings DEFAULTS = new PlanSettings(null, false, null);

    /**
     * {@code eventName}: {@code object_action} or a regular expression ({@code eventNamePos} where
     * it is written); {@code verbs}: the allowed last word of an object_action name (empty: any);
     * {@code labelCase}: {@code sentence}, {@code title} or null; {@code error}: violations are
     * errors, else warnings.
     */
    public record Conventions(String eventName, SourcePos eventNamePos, List<String> verbs, String labelCase,
            boolean requireDescription, boolean error, SourcePos pos) {

        public Conventions {
            verbs = List.copyOf(verbs);
        }
    }
}
