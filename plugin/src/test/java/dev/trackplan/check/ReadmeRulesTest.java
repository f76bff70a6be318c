package dev.trackplan.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trackplan.diag.RuleCatalog;
import dev.trackplan.diag.RuleDescription;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README is the user's manual: every rule id the build can print is explained there. The ids
 * come from every rule table of the plugin (see {@link RuleCatalog}), so a new one is covered
 * without being listed here.
 */
class ReadmeRulesTest {

    @Test
    void everyRuleIdIsDocumented() throws Exception {
        String readme = Files.readString(Path.of("../README.md"));
        List<String> codes = RuleCatalog.all().stream().map(RuleDescription::id).toList();
        assertThat(codes).hasSizeGreaterThan(60).doesNotHaveDuplicates();
        for (String code : codes) {
            assertThat(readme).as("README row for %s", code).contains("| " + code + " |");
        }
    }
}
