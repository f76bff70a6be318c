package dev.trackplan.diag;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trackplan.check.Rule;
import dev.trackplan.verify.VerifyRules;
import dev.trackplan.yaml.YamlRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RuleCatalogTest {

    @Test
    void findsTheRulesOfEveryStage() {
        List<String> ids = RuleCatalog.all().stream().map(RuleDescription::id).toList();
        assertThat(ids).contains(YamlRules.SYNTAX, Rule.PROPERTY_NAME.code(), VerifyRules.SELECTOR_UNUSED, "TP200", "TP501")
                .doesNotHaveDuplicates().isSorted();
        for (Rule r : Rule.values()) {
            assertThat(ids).contains(r.code());
        }
        assertThat(RuleCatalog.ruleClassNames()).contains("dev.trackplan.check.Rule", "dev.trackplan.yaml.YamlRules",
                "dev.trackplan.render.RenderRules", "dev.trackplan.site.SiteRules", "dev.trackplan.verify.VerifyRules");
    }

    @Test
    void describesEachRuleWithTheReadmesWords() {
        RuleDescription tp001 = RuleCatalog.find("TP001");
        assertThat(tp001.stage()).isEqualTo("yaml");
        assertThat(tp001.name()).isEqualTo("Syntax");
        assertThat(tp001.text()).isEqualTo("YAML syntax error");
        RuleDescription tp140 = RuleCatalog.find("TP140");
        assertThat(tp140.stage()).isEqualTo("check");
        assertThat(tp140.name()).isEqualTo("Type");
        assertThat(tp140.text()).isEqualTo("unknown type");
        RuleDescription tp134 = RuleCatalog.find("TP134");
        assertThat(tp134.markdown()).isEqualTo("property name of a HubSpot default (`hs_...`)");
        assertThat(tp134.text()).isEqualTo("property name of a HubSpot default (hs_...)");
        RuleDescription tp101 = RuleCatalog.find("TP101");
        assertThat(tp101.text()).isEqualTo("unknown key (with a \"did you mean\" suggestion)");
        assertThat(tp101.markdown()).isEqualTo("unknown key (with a \"did you mean\" suggestion)");
        assertThat(RuleCatalog.find("TP171").warning()).isTrue();
        assertThat(RuleCatalog.find("TP171").markdown()).startsWith("warning: unquoted `yes`/`no`");
        assertThat(RuleCatalog.find("TP309").stage()).isEqualTo("verify");
        assertThat(RuleCatalog.find("TP131").warning()).isFalse();
    }

    @Test
    void everyRuleOfTheReadmesTableIsInTheCatalog() throws Exception {
        // the other way round from ReadmeRulesTest: a documented rule the reports would not know is a stale row
        Map<String, ReadmeRuleTable.Row> rows = ReadmeRuleTable.read(Files.readString(Path.of("../README.md")));
        assertThat(rows.keySet()).contains("TP180", "TP188", "TP190", "TP198", "TP319", "TP320", "TP321", "TP505",
                "TP514", "TP520");
        List<String> ids = RuleCatalog.all().stream().map(RuleDescription::id).toList();
        assertThat(ids).containsAll(rows.keySet());
        assertThat(RuleCatalog.find("TP320").stage()).isEqualTo("verify");
        assertThat(RuleCatalog.find("TP520").text()).isEqualTo(rows.get("TP520").plain());
    }

    @Test
    void everyRuleIdTheSourcesUseIsInTheCatalog() throws Exception {
        // an id written as a literal somewhere must still come from a rule table, or SARIF lacks its rule
        List<String> ids = RuleCatalog.all().stream().map(RuleDescription::id).toList();
        Pattern literal = Pattern.compile("\"(TP[0-9]{3})\"");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(f));
                while (m.find()) {
                    assertThat(ids).as("%s uses %s", f, m.group(1)).contains(m.group(1));
                }
            }
        }
    }
}
