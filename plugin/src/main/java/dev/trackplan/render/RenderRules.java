package dev.trackplan.render;

/** Rule ids of the render and bundle stages. */
public final class RenderRules {
    public static final String TEMPLATE = "TP200";
    public static final String RAW_OUTPUT = "TP201";
    public static final String MISSING_VARIABLE = "TP202";
    public static final String SNIPPET_SYNTAX = "TP203";
    public static final String BUNDLE_TEMPLATE = "TP204";

    private RenderRules() {}
}
