package dev.trackplan.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trackplan.model.EventSpec;
import dev.trackplan.model.HubSpotDefinition;
import dev.trackplan.model.SharedUse;
import dev.trackplan.model.TrackingPlan;

/**
 * tracking-plan.json. {@code eventDefinitions} holds one object per event, each exactly the body of
 * HubSpot's create-definition request ({@link HubSpotDefinition}), so it can be posted as it is;
 * everything HubSpot does not take (the account, the fully qualified names it will assign) sits
 * apart in {@code trackplan}, as does where each shared property is used ({@code sharedProperties}).
 */
public final class TrackingPlanJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TrackingPlanJson() {}

    public static String of(TrackingPlan plan, String hubId) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode defs = root.putArray("eventDefinitions");
        ObjectNode extra = root.putObject("trackplan");
        extra.put("about", "eventDefinitions: one create-definition request body per event "
                + "(POST /events/v3/event-definitions); this part is not sent to HubSpot. sharedProperties: "
                + "each property of the plan's shared library and the event properties defined by it");
        extra.put("hubId", hubId);
        ObjectNode names = extra.putObject("fullyQualifiedNames");
        for (EventSpec e : plan.events()) {
            defs.add(HubSpotDefinition.requestBody(e));
            names.put(e.name(), e.fullName(hubId));
        }
        ObjectNode shared = extra.putObject("sharedProperties");
        for (SharedUse u : SharedUse.of(plan)) {
            ArrayNode usedBy = shared.putObject(u.name()).putArray("usedBy");
            for (SharedUse.User user : u.users()) {
                usedBy.addObject().put("event", user.event()).put("property", user.property());
            }
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
