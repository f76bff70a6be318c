package dev.trackplan.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** `mvn trackplan:help -Ddetail` and `help:describe` show a description for every goal and parameter. */
class PluginDescriptorTest {
    static final Path HELP = Path.of("target/classes/META-INF/maven/dev.trackplan/trackplan-maven-plugin/plugin-help.xml");

    @Test
    void everyGoalAndParameterIsDescribed() throws Exception {
        var dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        var doc = dbf.newDocumentBuilder().parse(HELP.toFile());
        NodeList mojos = doc.getElementsByTagName("mojo");
        assertThat(mojos.getLength()).as("check, build, serve, help and the lead's goals").isGreaterThanOrEqualTo(4);
        int parameters = 0;
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            String goal = text(mojo, "goal");
            assertThat(text(mojo, "description")).as("goal %s", goal).isNotBlank();
            NodeList ps = mojo.getElementsByTagName("parameter");
            for (int j = 0; j < ps.getLength(); j++) {
                Element p = (Element) ps.item(j);
                parameters++;
                assertThat(text(p, "description")).as("%s parameter %s", goal, text(p, "name")).isNotBlank();
            }
        }
        assertThat(parameters).isGreaterThan(20);
    }

    private static String text(Element parent, String tag) {
        for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                return e.getTextContent().trim();
            }
        }
        return "";
    }
}
