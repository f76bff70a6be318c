package dev.trackplan.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

@MojoTest
class BuildMojoTest {

    @Test
    @Basedir("src/test/projects/basic")
    @InjectMojo(goal = "build")
    @MojoParameter(name = "region", value = "eu1")
    void buildsVerifiedSiteWithLoaderAndBundle(BuildMojo mojo) throws Exception {
        mojo.execute();
        Path index = mojo.outputDirectory.toPath().resolve("index.html");
        String html = Files.readString(index);
        assertThat(html).contains("id=\"hs-script-loader\"").contains("https://js-eu1.hs-scripts.com/42.js");
        assertThat(html).containsPattern("<script defer src=\"/js/trackplan\\.[0-9a-f]{10}\\.js\">");
        assertThat(mojo.reportsDirectory.toPath().resolve("TEST-trackplan-verify.xml")).exists();
    }

    @Test
    @Basedir("src/test/projects/basic")
    @InjectMojo(goal = "build")
    @MojoParameter(name = "consent", value = "sometimes")
    void consentPolicyIsValidated(BuildMojo mojo) {
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("<consent> must be hubspot");
    }

    @Test
    @Basedir("src/test/projects/basic")
    @InjectMojo(goal = "build")
    @MojoParameter(name = "buildDate", value = "next tuesday")
    void buildDateIsValidated(BuildMojo mojo) {
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("<buildDate> must be an ISO 8601 date like 2026-11-23");
    }

    @Test
    @Basedir("src/test/projects/basic")
    @InjectMojo(goal = "build")
    @MojoParameter(name = "lang", value = "en_US\"><script>")
    void langIsValidated(BuildMojo mojo) {
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("<lang> must be a language tag like en, de or pt-BR");
    }

    @Test
    @Basedir("src/test/projects/broken")
    @InjectMojo(goal = "build")
    void brokenSpecFailsBuildAndWritesNothing(BuildMojo mojo) {
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class);
        assertThat(mojo.outputDirectory.toPath().resolve("index.html")).doesNotExist();
    }
}
