package dev.trackplan.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trackplan.render.RenderRules;
import dev.trackplan.site.SiteRules;
import dev.trackplan.verify.VerifyRules;
import dev.trackplan.yaml.YamlRules;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README is the user's manual: every rule id the build can print is explained there. */
class ReadmeRulesTest {

    @Test
    void everyRuleIdIsDocumented() throws Exception {
        String readme = Files.readString(Path.of("../README.md"));
        List<String> codes = new ArrayList<>();
        for (Rule r : Rule.values()) {
            codes.add(r.code());
        }
        for (Class<?> c : List.of(YamlRules.class, RenderRules.class, SiteRules.class, VerifyRules.class,
                dev.trackplan.io.FileRules.class)) {
            for (Field f : c.getFields()) {
                if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                    codes.add((String) f.get(null));
                }
            }
        }
        assertThat(codes).hasSizeGreaterThan(60).doesNotHaveDuplicates();
        for (String code : codes) {
            assertThat(readme).as("README row for %s", code).contains("| " + code + " |");
        }
    }
}
