package dev.trackplan.diag;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class JUnitCheckReportTest {

    static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void oneTestCasePerFileWithErrorsAsFailures() throws Exception {
        List<Diagnostic> ds = List.of(
                Diagnostic.error(new SourcePos("a.yaml", 3, 5), "TP131", "bad <name> & more"),
                Diagnostic.warning(new SourcePos("a.yaml", 1, 1), "TP170", "no examples"),
                Diagnostic.warning(new SourcePos("b.yaml", 2, 1), "TP171", "unquoted no"));
        Document doc = parse(JUnitCheckReport.render("trackplan.check", ds, false));
        Element suite = doc.getDocumentElement();
        assertThat(suite.getAttribute("tests")).isEqualTo("2");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        Element a = (Element) suite.getElementsByTagName("testcase").item(0);
        assertThat(a.getAttribute("name")).isEqualTo("a.yaml");
        Element failure = (Element) a.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("type")).isEqualTo("TP131");
        assertThat(failure.getAttribute("message")).isEqualTo("a.yaml:[3,5] TP131 bad <name> & more");
        assertThat(a.getElementsByTagName("system-out").item(0).getTextContent()).contains("warning: a.yaml:[1,1] TP170");
        Element b = (Element) suite.getElementsByTagName("testcase").item(1);
        assertThat(b.getElementsByTagName("failure").getLength()).isZero();
    }

    @Test
    void warningsFailUnderFailOnWarnings() throws Exception {
        List<Diagnostic> ds = List.of(Diagnostic.warning(new SourcePos("b.yaml", 2, 1), "TP171", "unquoted no"));
        Element suite = parse(JUnitCheckReport.render("trackplan.check", ds, true)).getDocumentElement();
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
    }

    @Test
    void nothingToReportIsOnePassingCase() throws Exception {
        Element suite = parse(JUnitCheckReport.render("trackplan.check", List.of(), false)).getDocumentElement();
        assertThat(suite.getAttribute("tests")).isEqualTo("1");
        assertThat(suite.getAttribute("failures")).isEqualTo("0");
    }

    @Test
    void charactersXmlCannotCarryAreWrittenAsEscapes() throws Exception {
        String nasty = "key 'a\u0001b\u001Fc\uFFFE' \uD800 \uD83D\uDE00 \t ok";
        List<Diagnostic> ds = List.of(Diagnostic.error(new SourcePos("x\u0002.yaml", 1, 1), "TP101", nasty));
        String xml = JUnitCheckReport.render("trackplan.check", ds, false);
        Document doc = parse(xml); // would throw on an invalid character
        Element failure = (Element) doc.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message"))
                .isEqualTo("x\\u0002.yaml:[1,1] TP101 key 'a\\u0001b\\u001Fc\\uFFFE' \\uD800 \uD83D\uDE00   ok"); // a tab in an attribute reads as a space
        assertThat(failure.getTextContent()).contains("\uD83D\uDE00 \t ok");
    }
}
