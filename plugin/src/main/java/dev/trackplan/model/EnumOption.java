package dev.trackplan.model;

import dev.trackplan.diag.SourcePos;

/** One option of an enumeration property: the value sent and the label shown in HubSpot. */
public record EnumOption(String value, String label, SourcePos pos) {}
