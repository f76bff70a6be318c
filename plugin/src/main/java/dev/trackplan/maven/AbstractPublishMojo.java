package dev.trackplan.maven;

import dev.trackplan.pipeline.Trackplan;
import dev.trackplan.pipeline.TrackplanConfig;
import dev.trackplan.publish.AccessToken;
import dev.trackplan.publish.HubSpotClient;
import dev.trackplan.publish.PlanDiff;
import dev.trackplan.publish.Publisher;
import java.net.URI;
import java.time.Duration;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/** The goals that talk to the HubSpot account: the API address, the token and the checked plan. */
abstract class AbstractPublishMojo extends AbstractTrackplanMojo {

    /** HubSpot's API base URL; https, or plain http only for a loopback address (a test stand-in). */
    @Parameter(property = "trackplan.apiUrl", defaultValue = HubSpotClient.DEFAULT_API_URL)
    String apiUrl;

    /**
     * The settings.xml &lt;server&gt; whose &lt;password&gt; is the private app access token (encrypted the
     * Maven way or not), used when the environment variable HUBSPOT_ACCESS_TOKEN is not set.
     */
    @Parameter(property = "trackplan.serverId", defaultValue = "hubspot")
    String serverId;

    /** Seconds to wait for one answer from HubSpot before retrying. */
    @Parameter(property = "trackplan.apiTimeout", defaultValue = "30")
    int apiTimeout;

    @Parameter(defaultValue = "${settings}", readonly = true)
    Settings settings;

    @Component
    SettingsDecrypter decrypter;

    /** The environment the token is read from (tests replace it). */
    java.util.Map<String, String> environment = System.getenv();

    /** The plan, checked like trackplan:check does (lock rules included); fails on any error. */
    Trackplan.Checked checkedPlan(TrackplanConfig c) throws MojoFailureException {
        Trackplan.Checked checked = new Trackplan().check(c);
        report(checked.diagnostics().sorted());
        return checked;
    }

    Publisher publisher() throws MojoFailureException {
        if (apiTimeout < 1 || apiTimeout > 600) {
            throw new MojoFailureException("<apiTimeout> must be between 1 and 600 seconds (found " + apiTimeout + ")");
        }
        HubSpotClient.Settings defaults = HubSpotClient.Settings.defaults();
        HubSpotClient.Settings s = new HubSpotClient.Settings(defaults.connectTimeout(), Duration.ofSeconds(apiTimeout),
                defaults.maxAttempts(), defaults.firstBackoff(), defaults.maxBackoff(), defaults.sleeper());
        try {
            return new Publisher(new HubSpotClient(URI.create(apiUrl), token(), s), line -> getLog().info("Trackplan: "
                    + line));
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("<apiUrl> " + e.getMessage());
        }
    }

    /** HUBSPOT_ACCESS_TOKEN, else the password of the settings.xml server, decrypted. Never logged. */
    AccessToken token() throws MojoFailureException {
        AccessToken fromEnv = AccessToken.of(environment.get(AccessToken.ENV));
        if (fromEnv != null) {
            return fromEnv;
        }
        Server server = settings == null ? null : settings.getServer(serverId);
        if (server != null) {
            Server decrypted = server;
            if (decrypter != null) {
                SettingsDecryptionResult r = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
                for (SettingsProblem p : r.getProblems()) {
                    if (p.getSeverity() != SettingsProblem.Severity.WARNING) {
                        throw new MojoFailureException("cannot decrypt the password of the settings.xml server '"
                                + serverId + "' (check settings-security.xml)");
                    }
                }
                decrypted = r.getServer();
            }
            AccessToken fromServer = AccessToken.of(decrypted.getPassword());
            if (fromServer != null) {
                return fromServer;
            }
        }
        throw new MojoFailureException("no HubSpot access token: set the environment variable " + AccessToken.ENV
                + " or add <server><id>" + serverId + "</id><password>TOKEN</password></server> to settings.xml "
                + "(encrypt it with mvn --encrypt-password). The private app needs the scope " + HubSpotClient.SCOPE);
    }

    void print(PlanDiff diff) {
        diff.describe(hubId).forEach(line -> getLog().info("Trackplan: " + line));
    }
}
