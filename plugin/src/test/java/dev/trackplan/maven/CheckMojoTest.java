package dev.trackplan.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

@MojoTest
class CheckMojoTest {

    @Test
    @Basedir("src/test/projects/basic")
    @InjectMojo(goal = "check")
    void validSpecsPass(CheckMojo mojo) throws Exception {
        assertThat(mojo.hubId).isEqualTo("42");
        mojo.execute();
    }

    @Test
    @Basedir("src/test/projects/broken")
    @InjectMojo(goal = "check")
    void brokenPropertyNameFailsWithLocatedDiagnostic(CheckMojo mojo) {
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("1 error");
    }

    @Test
    @Basedir("src/test/projects/basic")
    @InjectMojo(goal = "check")
    @MojoParameter(name = "hubId", value = "12ab")
    void hubIdMustBeDigits(CheckMojo mojo) {
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("<hubId> must be your HubSpot account id");
    }

    @Test
    @Basedir("src/test/projects/broken")
    @InjectMojo(goal = "check")
    @MojoParameter(name = "skip", value = "true")
    void skipDoesNothing(CheckMojo mojo) throws Exception {
        mojo.execute();
    }
}
