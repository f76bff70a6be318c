package dev.trackplan.site;

/** Rule ids of the site stage. */
public final class SiteRules {
    public static final String FRONT_MATTER_KEY = "TP501";
    public static final String FRONT_MATTER_VALUE = "TP502";
    public static final String LAYOUT = "TP503";
    public static final String BROKEN_LINK = "TP504";
    public static final String DUPLICATE_URL = "TP505";
    public static final String TEMPLATE = "TP506";
    public static final String FRONT_MATTER_UNCLOSED = "TP507";
    public static final String PAGE_NAME = "TP508";
    public static final String PATH_TAKEN = "TP509";
    public static final String FEED = "TP514";
    public static final String NO_HOME_PAGE = "TP520";

    private SiteRules() {}
}
