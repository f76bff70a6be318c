package dev.trackplan.model;

import dev.trackplan.diag.SourcePos;

/**
 * HubSpot's custom matching rule ({@code customMatchingId.primaryObjectRule} of an event
 * definition): an occurrence is attached to the record of the primary object whose property
 * {@code targetObjectPropertyName} equals the occurrence's property {@code eventPropertyName}.
 * Without it, browser-sent events are matched through the visitor's cookie, which identifies a
 * contact. Either name is null when the spec got it wrong (already reported).
 */
public record MatchingRule(
        String eventPropertyName,
        SourcePos eventPropertyPos,
        String targetObjectPropertyName,
        SourcePos targetObjectPropertyPos,
        SourcePos pos) {}
