package dev.trackplan.verify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trackplan.model.EventSpec;
import dev.trackplan.model.Limits;
import dev.trackplan.model.PropertySpec;
import dev.trackplan.model.TrackingPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks one recorded {@code trackCustomBehavioralEvent} call against the plan: a known event,
 * declared properties only, each of its declared type, within HubSpot's limits.
 */
final class CallValidator {
    private final TrackingPlan plan;
    private final String hubId;

    CallValidator(TrackingPlan plan, String hubId) {
        this.plan = plan;
        this.hubId = hubId;
    }

    /** A problem with a call: rule id and text. */
    record Problem(String rule, String message) {}

    EventSpec eventOf(JsonNode arg) {
        String name = arg == null ? "" : arg.path("name").asText("");
        String prefix = "pe" + hubId + "_";
        return name.startsWith(prefix) ? plan.event(name.substring(prefix.length())) : null;
    }

    List<Problem> validate(JsonNode arg) {
        List<Problem> out = new ArrayList<>();
        if (arg == null || !arg.isObject()) {
            out.add(new Problem(VerifyRules.UNKNOWN_EVENT, "trackCustomBehavioralEvent was called without {name, properties}"));
            return out;
        }
        EventSpec e = eventOf(arg);
        if (e == null) {
            out.add(new Problem(VerifyRules.UNKNOWN_EVENT, "sent event name " + arg.path("name")
                    + ", which is not pe" + hubId + "_<an event of the plan>"));
            return out;
        }
        JsonNode props = arg.path("properties");
        if (!props.isObject()) {
            out.add(new Problem(VerifyRules.WRONG_TYPE, "properties must be an object, got " + props));
            return out;
        }
        if (props.size() > Limits.PROPERTIES_MAX) {
            out.add(new Problem(VerifyRules.TOO_MANY_PROPERTIES, "sent " + props.size() + " properties; HubSpot keeps "
                    + Limits.PROPERTIES_MAX));
        }
        for (Map.Entry<String, JsonNode> f : props.properties()) {
            PropertySpec p = e.property(f.getKey());
            if (p == null) {
                out.add(new Problem(VerifyRules.UNDECLARED_PROPERTY, "sent property '" + f.getKey()
                        + "', which the plan does not declare"));
                continue;
            }
            String problem = typeProblem(p, f.getValue());
            if (problem != null) {
                out.add(new Problem(VerifyRules.WRONG_TYPE, p.name() + ": " + problem));
            } else if (f.getValue().isTextual() && f.getValue().asText().length() > p.maxLength()) {
                out.add(new Problem(VerifyRules.OVER_LIMIT, p.name() + " is " + f.getValue().asText().length()
                        + " characters, over the limit of " + p.maxLength()));
            }
            String personal = f.getValue().isTextual() && !p.pii() ? PersonalValues.problem(f.getValue().asText()) : null;
            if (personal != null) {
                out.add(new Problem(VerifyRules.PERSONAL_VALUE, p.name() + " " + personal));
            }
        }
        return out;
    }

    static String typeProblem(PropertySpec p, JsonNode v) {
        switch (p.type()) {
            case NUMBER:
                return v.isNumber() ? null : "expected a number, got " + show(v);
            case DATETIME:
                return v.isIntegralNumber() ? null : "expected epoch milliseconds, got " + show(v);
            case ENUMERATION:
                if (!v.isTextual()) {
                    return "expected one of the options as text, got " + show(v);
                }
                for (String one : v.asText().split(";", -1)) {
                    if (p.options().stream().noneMatch(o -> o.value().equals(one))) {
                        return "'" + one + "' is not one of its options";
                    }
                }
                return null;
            default:
                return v.isTextual() ? null : "expected text, got " + show(v);
        }
    }

    /** A value with its JSON type, as in {@code "49" (string)}. */
    static String show(JsonNode v) {
        String type = v.isNumber() ? "number" : v.isTextual() ? "string" : v.isBoolean() ? "boolean"
                : v.isNull() ? "null" : v.isArray() ? "array" : "object";
        return v + " (" + type + ")";
    }
}
