package dev.trackplan.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trackplan.diag.Diagnostic;
import dev.trackplan.pipeline.BuildResult;
import dev.trackplan.pipeline.Trackplan;
import dev.trackplan.testing.TestSites;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verification's consent scenarios catch a bundle that gets consent wrong: one that trusts
 * consent.allowed, keeps sending after a withdrawal, does not revoke HubSpot's cookies when the
 * visitor withdraws through Trackplan's banner, or ignores Global Privacy Control.
 */
class ConsentVerificationTest {
    static final String SPEC = """
            events:
              cta_clicked:
                label: CTA clicked
                trigger:
                  click: "a.cta"
                examples:
                  - element: '<a class="cta">Go</a>'
            """;
    static final String PAGE = "---\ntitle: Home\n---\n<a class=\"cta\" href=\"/\">Go</a>\n";

    static TestSites site(Path dir, String from, String to) {
        String bundle = TestSites.defaultTemplate("bundle.js.mustache");
        assertThat(bundle).contains(from);
        return new TestSites(dir).spec("e.yaml", SPEC).page("index.md", PAGE)
                .template("bundle.js.mustache", bundle.replace(from, to));
    }

    static List<Diagnostic> failedBuild(TestSites s, String consent) {
        BuildResult r = new Trackplan().build(s.config(consent, 10));
        assertThat(r.failed()).as("the build must fail").isTrue();
        return r.errors();
    }

    @Test
    void aGateThatTrustsAllowedIsCaughtUnderBothPolicies(@TempDir Path dir) {
        String from = "e&&typeof e==\"object\"?e.analytics===!0:t.allowed===!0";
        for (String consent : List.of("hubspot", "banner")) {
            List<Diagnostic> errors = failedBuild(site(dir.resolve(consent), from, "t.allowed===!0"), consent);
            assertThat(errors).as(consent).anyMatch(e -> e.code().equals(VerifyRules.CONSENT)
                    && e.message().contains("cta_clicked on /: sent after the visitor declined analytics"));
        }
    }

    @Test
    void sendingAfterAWithdrawalIsCaught(@TempDir Path dir) {
        List<Diagnostic> errors = failedBuild(site(dir, "g(!!t&&", "C!==!0&&g(!!t&&"), "hubspot");
        assertThat(errors).anyMatch(e -> e.code().equals(VerifyRules.CONSENT)
                && e.message().contains("sent after the visitor withdrew consent"));
    }

    @Test
    void aWithdrawalThroughTheBannerWithoutRevokeIsCaught(@TempDir Path dir) {
        List<Diagnostic> errors = failedBuild(site(dir, "c&&h.push([\"revokeCookieConsent\"]);", ""),
                "banner");
        // no event's fault: located at the project's own bundle template, the file that changed the runtime
        assertThat(errors).anyMatch(e -> e.code().equals(VerifyRules.CONSENT)
                && e.message().contains("did not push ['revokeCookieConsent']")
                && e.file().equals("src/main/tracking/templates/bundle.js.mustache"));
    }

    @Test
    void ignoringGlobalPrivacyControlIsCaught(@TempDir Path dir) {
        List<Diagnostic> errors = failedBuild(site(dir, "n.globalPrivacyControl===!0", "!1"), "hubspot");
        assertThat(errors).anyMatch(e -> e.code().equals(VerifyRules.DO_NOT_TRACK)
                && e.message().contains("with Global Privacy Control on, the bundle did not push ['doNotTrack']"));
        assertThat(errors).anyMatch(e -> e.code().equals(VerifyRules.DO_NOT_TRACK)
                && e.message().contains("cta_clicked on /: sent although the visitor asked not to be tracked "
                        + "(Global Privacy Control)"));
    }
}
