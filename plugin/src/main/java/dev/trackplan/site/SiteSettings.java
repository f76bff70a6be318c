package dev.trackplan.site;

/**
 * Site-wide settings from the plugin configuration.
 *
 * @param region         "na1" or "eu1": which HubSpot host serves the loader
 * @param baseUrl        the site's public address, used in sitemap.xml ("" when unknown)
 * @param trackingPlan   whether to publish /tracking-plan/ and tracking-plan.json
 */
public record SiteSettings(String hubId, String region, String consent, String baseUrl, String siteTitle,
        boolean trackingPlan, boolean includeDrafts, SiteOptions options) {

    public SiteSettings {
        options = options == null ? SiteOptions.defaults() : options;
    }

    /** An absolute URL for a site path: baseUrl + path, or the path alone when baseUrl is not set. */
    public String absolute(String path) {
        return baseUrlNoSlash() + path;
    }

    /** The HubSpot loader's address for the account and region. */
    public String loaderSrc() {
        return "eu1".equals(region) ? "https://js-eu1.hs-scripts.com/" + hubId + ".js"
                : "//js.hs-scripts.com/" + hubId + ".js";
    }

    public boolean banner() {
        return "banner".equals(consent);
    }

    public String baseUrlNoSlash() {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }
}
