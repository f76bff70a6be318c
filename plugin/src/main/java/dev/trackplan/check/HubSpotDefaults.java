package dev.trackplan.check;

import java.util.Set;

/** Names of the event properties HubSpot fills in itself; a custom property must not reuse them. */
public final class HubSpotDefaults {
    public static final Set<String> PROPERTY_NAMES = Set.of(
            "hs_browser", "hs_city", "hs_country", "hs_device_type", "hs_element_class", "hs_element_id",
            "hs_element_text", "hs_language", "hs_link_href", "hs_page_content_type", "hs_page_id",
            "hs_page_title", "hs_page_url", "hs_region", "hs_referrer", "hs_user_agent", "hs_utm_campaign",
            "hs_utm_medium", "hs_utm_source", "hs_utm_content", "hs_utm_term", "hs_operating_system",
            "hs_operating_version", "hs_screen_height", "hs_screen_width", "hs_asset_description",
            "hs_asset_type", "hs_campaign_id", "hs_device_name", "hs_touchpoint_source", "hs_tracking_name",
            "hs_parent_module_id", "hs_url", "hs_title");

    public static final Set<String> OBJECTS = Set.of("contact", "company", "deal", "ticket");

    private HubSpotDefaults() {}
}
