package dev.trackplan.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trackplan.diag.Diagnostic;
import dev.trackplan.testing.TestSites;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An example can expect several values (a list, sent joined with ';') and the verification checks them. */
class MultiValueExampleTest {

    @Test
    void listExpectationsAreVerifiedAgainstTheJoinedValue(@TempDir Path dir) throws Exception {
        String spec = Files.readString(Path.of("src/test/resources/corpus/valid/multi-value-examples.yaml"));
        TestSites s = new TestSites(dir).spec("n.yaml", spec)
                .page("index.md", "<form class=\"newsletter\"><input type=\"checkbox\" name=\"topic\" value=\"jobs\" checked></form>\n");
        BuildResult ok = new Trackplan().build(s.config("hubspot", 60));
        assertThat(ok.errors()).isEmpty();

        // the wrong order or a missing value is a failed example, at the expected value
        new TestSites(dir).spec("n.yaml", spec.replace("[product, jobs]", "[jobs, events]"));
        BuildResult bad = new Trackplan().build(s.config("hubspot", 60));
        assertThat(bad.errors()).extracting(Diagnostic::code).containsExactly("TP301");
        assertThat(bad.errors().get(0).message()).contains("topics=jobs;events").contains("product;jobs");
    }

    @Test
    void aListItemThatIsNoOptionIsCaughtByTheCheck(@TempDir Path dir) throws Exception {
        String spec = Files.readString(Path.of("src/test/resources/corpus/valid/multi-value-examples.yaml"));
        TestSites s = new TestSites(dir).spec("n.yaml", spec.replace("[product, jobs]", "[product, jbos]"));
        var errors = new Trackplan().check(s.config()).diagnostics().errors();
        assertThat(errors).extracting(Diagnostic::code).containsExactly("TP161");
    }
}
