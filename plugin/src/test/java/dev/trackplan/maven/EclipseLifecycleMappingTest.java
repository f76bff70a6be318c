package dev.trackplan.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Eclipse's m2e reads META-INF/m2e/lifecycle-mapping-metadata.xml from the plugin jar: check on
 * incremental builds, build on full builds and configuration updates only, serve never; and every
 * goal of the plugin is mapped, or m2e marks the pom with "plugin execution not covered".
 */
class EclipseLifecycleMappingTest {

    /** goal to its action: "incremental", "configuration", "full" or "ignore". */
    static Map<String, String> mapping() throws Exception {
        Document doc = parse(Path.of("src/main/resources/META-INF/m2e/lifecycle-mapping-metadata.xml"));
        Map<String, String> actions = new LinkedHashMap<>();
        NodeList executions = doc.getElementsByTagName("pluginExecution");
        for (int i = 0; i < executions.getLength(); i++) {
            Element e = (Element) executions.item(i);
            String action;
            if (e.getElementsByTagName("ignore").getLength() > 0) {
                action = "ignore";
            } else {
                boolean incremental = text(e, "runOnIncremental", "true").equals("true");
                boolean configuration = text(e, "runOnConfiguration", "false").equals("true");
                action = incremental ? "incremental" : configuration ? "configuration" : "full";
            }
            NodeList goals = e.getElementsByTagName("goal");
            for (int g = 0; g < goals.getLength(); g++) {
                actions.put(goals.item(g).getTextContent().trim(), action);
            }
        }
        return actions;
    }

    @Test
    void checkIncrementallyBuildOnConfigurationServeNever() throws Exception {
        Map<String, String> m = mapping();
        assertThat(m).containsEntry("check", "incremental").containsEntry("build", "configuration")
                .containsEntry("serve", "ignore");
    }

    @Test
    void everyGoalOfThePluginIsMapped() throws Exception {
        // the descriptor maven-plugin-plugin generated before the tests run
        Document descriptor = parse(Path.of("target/classes/META-INF/maven/plugin.xml"));
        NodeList mojos = descriptor.getElementsByTagName("mojo");
        assertThat(mojos.getLength()).isGreaterThanOrEqualTo(3);
        Map<String, String> m = mapping();
        for (int i = 0; i < mojos.getLength(); i++) {
            String goal = ((Element) mojos.item(i)).getElementsByTagName("goal").item(0).getTextContent().trim();
            assertThat(m).as("m2e mapping for goal %s", goal).containsKey(goal);
        }
    }

    private static String text(Element e, String tag, String absent) {
        NodeList n = e.getElementsByTagName(tag);
        return n.getLength() == 0 ? absent : n.item(0).getTextContent().trim();
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(file.toFile());
    }
}
