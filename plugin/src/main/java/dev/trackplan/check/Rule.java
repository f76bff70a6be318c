package dev.trackplan.check;

/**
 * Every rule a spec is checked against, with its stable id. The ids are a contract: CI scripts
 * and editors filter on them, so a rule keeps its id forever. The README lists them all.
 */
public enum Rule {
    // structure of the YAML (TP001-TP010 are in dev.trackplan.yaml.YamlRules)
    NO_EVENTS("TP100", "the file has no top-level 'events:' map"),
    UNKNOWN_KEY("TP101", "unknown key (with a 'did you mean' suggestion)"),
    WRONG_SHAPE("TP102", "a value has the wrong shape (text where a map is needed, ...)"),
    MISSING_KEY("TP103", "a required key is missing"),
    // events
    EVENT_NAME("TP110", "event name must match ^[a-z][a-z0-9_]*$"),
    EVENT_NAME_LENGTH("TP111", "event name longer than 50 characters"),
    DUPLICATE_EVENT("TP112", "event name defined twice (in any two files)"),
    TOO_MANY_EVENTS("TP113", "more than 500 events, HubSpot's limit of event definitions per account"),
    LABEL_LENGTH("TP114", "event label empty or longer than 100 characters"),
    DESCRIPTION_LENGTH("TP115", "description longer than 1000 characters"),
    OBJECT("TP116", "object must be contact, company, deal, ticket or a custom object (2-..., p_..., p<hubId>_...)"),
    OBJECT_MATCHING("TP117", "warning: a browser event on a non-contact object without a custom matching rule"),
    MATCHING_RULE("TP118", "customMatchingId names an undeclared event property or an invalid object property"),
    // triggers
    TRIGGER_KIND("TP120", "trigger needs exactly one of click, visit, submit, custom"),
    SELECTOR("TP121", "click/submit selector is not valid CSS"),
    GLOB("TP122", "visit/pages glob is not a valid path glob"),
    CUSTOM_CODE("TP123", "custom trigger code is empty, too long or does not parse"),
    // properties
    TOO_MANY_PROPERTIES("TP130", "more than 50 properties"),
    PROPERTY_NAME("TP131", "property name must match ^[a-z][a-z0-9_]*$"),
    PROPERTY_NAME_LENGTH("TP132", "property name longer than 50 characters"),
    DUPLICATE_PROPERTY("TP133", "two property names equal after lowercasing"),
    RESERVED_PROPERTY("TP134", "property name of a HubSpot default property (hs_...)"),
    PROPERTY_LABEL_LENGTH("TP135", "property label longer than 50 characters"),
    // types and options
    TYPE("TP140", "type must be string, number, datetime or enumeration"),
    NO_OPTIONS("TP141", "enumeration without options"),
    OPTION_VALUE("TP142", "option value empty, containing ';' or over the value limit"),
    OPTIONS_NOT_ENUM("TP143", "options given for a property that is not an enumeration"),
    OPTION_LABEL("TP144", "option label empty or longer than 100 characters"),
    // value sources
    SOURCE("TP150", "unknown value source"),
    SOURCE_TRIGGER("TP151", "value source does not fit the trigger"),
    SOURCE_TYPE("TP152", "value source does not fit the property type"),
    CONSTANT_NUMBER("TP153", "{value: ...} constant is not a number"),
    CONSTANT_OPTION("TP154", "{value: ...} constant is not one of the options"),
    CONSTANT_LENGTH("TP155", "{value: ...} constant over the value limit"),
    MISSING_SOURCE("TP156", "property without 'from' where the trigger cannot supply it"),
    SOURCE_ARGUMENT("TP157", "value source argument empty or malformed"),
    CONSTANT_DATETIME("TP158", "{value: ...} constant is not epoch milliseconds or ISO 8601"),
    // examples
    EXPECT_UNDECLARED("TP160", "example expects a property the event does not declare"),
    EXPECT_TYPE("TP161", "example expects a value of the wrong type"),
    EXAMPLE_ELEMENT("TP162", "example element is not well-formed HTML"),
    EXAMPLE_NO_MATCH("TP163", "example element does not match the trigger selector"),
    EXAMPLE_PAGE("TP164", "example page is not a site path (/...)"),
    NO_EXAMPLES("TP170", "warning: event has no examples, only the real pages verify it"),
    YAML_11_SCALAR("TP171", "warning: unquoted yes/no/on/off or leading-zero number, read as written"),
    // publishing: the lock file (what has been published) and the HubSpot account
    LOCK_FILE("TP180", "the lock file is not valid (edit it only through trackplan:apply or trackplan:lock)"),
    PUBLISHED_EVENT_MISSING("TP181", "a published event was removed or renamed"),
    PUBLISHED_OBJECT_CHANGED("TP182", "a published event's object changed"),
    PUBLISHED_PROPERTY_MISSING("TP183", "a published property was removed or renamed"),
    PUBLISHED_TYPE_CHANGED("TP184", "a published property's type changed"),
    RETIRED_REUSED("TP185", "a retired event or property is in use again"),
    DEFINITION_LIMIT("TP186", "more than 500 event definitions (plan and retired ones together)"),
    SENT_ELSEWHERE("TP187", "an event without trigger has examples or 'from:' (nothing in the browser sends it)"),
    ACCOUNT_CONFLICT("TP188", "the HubSpot account has a definition the plan cannot be applied to"),
    // plan language: shared properties, required values
    SHARED_PROPERTY_UNKNOWN("TP190", "'use:' names a shared property no top-level 'properties:' defines"),
    SHARED_PROPERTY_TWICE("TP191", "shared property defined twice, or a 'use:' of such an ambiguous name"),
    REQUIRED_NOT_EXPECTED("TP192", "an example does not expect a required property"),
    // plan language: conventions (opt-in) and the privacy guard
    CONVENTION_NAME("TP193", "convention: event name does not follow the plan's eventName pattern or verbs"),
    CONVENTION_LABEL("TP194", "convention: event label not in the plan's labelCase"),
    CONVENTION_DESCRIPTION("TP195", "convention: event without description where the plan requires one"),
    PERSONAL_DATA("TP196", "a pii: true property in a plan that does not allow personal data"),
    PERSONAL_FIELD("TP197", "a form field that looks personal (email, phone, password, name, address) read without pii: true"),
    CONVENTION_SETTINGS("TP198", "conventions or privacy block invalid, or given in two files");

    private final String code;
    private final String summary;

    Rule(String code, String summary) {
        this.code = code;
        this.summary = summary;
    }

    public String code() {
        return code;
    }

    public String summary() {
        return summary;
    }
}
