package dev.trackplan.verify;

/** Rule ids of the GraalJS verification. */
public final class VerifyRules {
    public static final String EXPECTED_VALUE = "TP301";
    public static final String CALL_COUNT = "TP302";
    public static final String CONSENT = "TP303";
    public static final String DO_NOT_TRACK = "TP304";
    public static final String UNDECLARED_PROPERTY = "TP305";
    public static final String WRONG_TYPE = "TP306";
    public static final String OVER_LIMIT = "TP307";
    public static final String UNKNOWN_EVENT = "TP308";
    public static final String SELECTOR_UNUSED = "TP309";
    public static final String VISIT_UNUSED = "TP310";
    public static final String RUNTIME = "TP311";
    public static final String TOO_MANY_PROPERTIES = "TP312";
    public static final String UNKNOWN_COMMAND = "TP313";
    public static final String BUDGET = "TP314";
    public static final String NEVER_SENT = "TP319";
    public static final String REQUIRED_MISSING = "TP320";
    public static final String PERSONAL_VALUE = "TP321";

    private VerifyRules() {}
}
