package dev.trackplan.yaml;

/** Rule ids of problems found while reading YAML, before its meaning is looked at. */
public final class YamlRules {
    public static final String SYNTAX = "TP001";
    public static final String ANCHOR_ALIAS = "TP002";
    public static final String TAG = "TP003";
    public static final String DUPLICATE_KEY = "TP004";
    public static final String MERGE_KEY = "TP005";
    public static final String TOO_LARGE = "TP006";
    public static final String MULTIPLE_DOCUMENTS = "TP007";
    public static final String ENCODING = "TP008";
    public static final String TAB_INDENT = "TP009";
    public static final String KEY_NOT_TEXT = "TP010";

    private YamlRules() {}
}
