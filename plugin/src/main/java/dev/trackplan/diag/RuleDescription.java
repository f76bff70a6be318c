package dev.trackplan.diag;

import java.util.Map;

/**
 * One rule as the machine-readable reports describe it: its stable id, a PascalCase name, the
 * stage (package) that reports it, and the README's explanation as plain text and Markdown.
 */
public record RuleDescription(String id, String name, String stage, String text, String markdown, boolean warning) {

    private static final Map<String, String> HOW_TO_FIX = Map.of(
            "yaml", "The file is not in the YAML subset Trackplan reads. Fix it at the reported line and column.",
            "check", "The event spec breaks one of HubSpot's rules or limits. Fix the key or value at the reported "
                    + "line and column; the message names the limit and, where it can, a fix. `mvn trackplan:check` "
                    + "re-checks in seconds.",
            "render", "A snippet or bundle template (an override in src/main/tracking/templates/, or a default) is "
                    + "wrong. Fix the template at the reported line.",
            "site", "A page, layout or link of the site is wrong. Fix the page or layout the message names.",
            "verify", "The GraalJS verification ran the bundle the site ships on the generated pages and the "
                    + "spec's examples and saw this. The message names the event, the page and element, and what "
                    + "was expected against what happened.",
            "io", "A path leads outside the project, or a file could not be written. Fix the path or the folder "
                    + "the message names.");

    /** What the rule means and how to fix what it reports, as plain text. */
    public String help() {
        return text + ". " + HOW_TO_FIX.getOrDefault(stage, "See the rule table in Trackplan's README.").replace("`", "");
    }

    /** The same, as Markdown. */
    public String helpMarkdown() {
        return "**" + id + "**: " + markdown + ".\n\n" + HOW_TO_FIX.getOrDefault(stage, "See the rule table in Trackplan's README.");
    }
}
