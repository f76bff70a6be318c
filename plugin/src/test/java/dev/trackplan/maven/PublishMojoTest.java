package dev.trackplan.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trackplan.publish.HubSpotStandIn;
import java.io.File;
import java.nio.file.Files;
import java.util.Map;
import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** diff, apply and lock as Maven runs them, against the HubSpot stand-in; where the token comes from. */
@MojoTest
class PublishMojoTest {
    HubSpotStandIn hubspot;

    @BeforeEach
    void start() throws Exception {
        hubspot = new HubSpotStandIn();
    }

    @AfterEach
    void stop() {
        hubspot.close();
    }

    <T extends AbstractPublishMojo> T wire(T mojo, Map<String, String> env) {
        mojo.apiUrl = hubspot.url().toString();
        mojo.environment = env;
        // inside the project (a lock file outside it is refused like any read from outside, TP510)
        mojo.lockFile = new File(mojo.basedir, "target/publish-mojo-test/trackplan.lock.json");
        mojo.lockFile.delete();
        return mojo;
    }

    @Test
    @Basedir("src/test/projects/basic")
    @InjectMojo(goal = "diff")
    void diffFailsUntilApplyRanThenPasses(DiffMojo diff) throws Exception {
        wire(diff, Map.of("HUBSPOT_ACCESS_TOKEN", HubSpotStandIn.TOKEN));
        assertThatThrownBy(diff::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("the HubSpot account differs from the plan (1 difference");
        ApplyMojo apply = new ApplyMojo();
        copyConfig(diff, apply);
        apply.setLog(diff.getLog());
        wire(apply, Map.of("HUBSPOT_ACCESS_TOKEN", HubSpotStandIn.TOKEN)).execute();
        assertThat(hubspot.names()).containsExactly("cta_clicked");
        assertThat(Files.readString(apply.lockFile.toPath())).contains("\"cta_clicked\"");
        diff.execute();
    }

    @Test
    @Basedir("src/test/projects/basic")
    @InjectMojo(goal = "diff")
    void theTokenComesFromTheSettingsServerWhenTheEnvironmentHasNone(DiffMojo diff) throws Exception {
        wire(diff, Map.of());
        Settings settings = new Settings();
        Server server = new Server();
        server.setId("hubspot");
        server.setPassword(HubSpotStandIn.TOKEN);
        settings.addServer(server);
        diff.settings = settings;
        assertThatThrownBy(diff::execute).hasMessageContaining("differs from the plan"); // authenticated: got a diff
        assertThat(hubspot.requests()).allMatch(r -> ("Bearer " + HubSpotStandIn.TOKEN).equals(r.authorization()));
    }

    @Test
    @Basedir("src/test/projects/basic")
    @InjectMojo(goal = "diff")
    void withoutATokenTheMessageSaysWhereToPutOne(DiffMojo diff) {
        wire(diff, Map.of());
        diff.settings = new Settings();
        assertThatThrownBy(diff::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("no HubSpot access token: set the environment variable HUBSPOT_ACCESS_TOKEN")
                .hasMessageContaining("<server><id>hubspot</id>")
                .hasMessageContaining("behavioral_events.event_definitions.read_write");
        assertThat(hubspot.requests()).isEmpty();
    }

    @Test
    @Basedir("src/test/projects/basic")
    @InjectMojo(goal = "diff")
    void aRefusedTokenIsNeverShown(DiffMojo diff) {
        String wrong = "pat-na1-00000000-dead-beef-0000-wrongtoken00";
        wire(diff, Map.of("HUBSPOT_ACCESS_TOKEN", wrong));
        assertThatThrownBy(diff::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("refused the access token (401)")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(wrong).doesNotContain("wrongtoken"));
    }

    @Test
    @Basedir("src/test/projects/basic")
    @InjectMojo(goal = "diff")
    void plainHttpToAnotherMachineIsRefused(DiffMojo diff) {
        wire(diff, Map.of("HUBSPOT_ACCESS_TOKEN", HubSpotStandIn.TOKEN));
        diff.apiUrl = "http://api.hubapi.com";
        assertThatThrownBy(diff::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("<apiUrl> the API URL must use https");
    }

    private static void copyConfig(AbstractPublishMojo from, AbstractPublishMojo to) {
        to.hubId = from.hubId;
        to.region = from.region;
        to.consent = from.consent;
        to.respectDoNotTrack = from.respectDoNotTrack;
        to.eventsDirectory = from.eventsDirectory;
        to.templatesDirectory = from.templatesDirectory;
        to.pagesDirectory = from.pagesDirectory;
        to.layoutsDirectory = from.layoutsDirectory;
        to.assetsDirectory = from.assetsDirectory;
        to.outputDirectory = from.outputDirectory;
        to.reportsDirectory = from.reportsDirectory;
        to.workDirectory = from.workDirectory;
        to.baseUrl = from.baseUrl;
        to.siteTitle = from.siteTitle;
        to.verifyTimeout = from.verifyTimeout;
        to.basedir = from.basedir;
        to.serverId = from.serverId;
        to.apiTimeout = from.apiTimeout;
        to.settings = from.settings;
        to.decrypter = from.decrypter;
        to.setLog(from.getLog());
    }
}
