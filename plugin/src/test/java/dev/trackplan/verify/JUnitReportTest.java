package dev.trackplan.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trackplan.diag.Diagnostic;
import dev.trackplan.diag.SourcePos;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class JUnitReportTest {

    @Test
    void controlCharactersAndLoneSurrogatesInMessagesKeepTheReportParsable(@TempDir Path dir) throws Exception {
        VerifyReport report = new VerifyReport();
        report.failure("ev", "e\u0001.yaml", Diagnostic.error(SourcePos.of("e.yaml"), "TP301",
                "expected note=\"a\u0000b\u001b[31m\ud800\" got \"\ud83d\ude00\""));
        Path file = dir.resolve("TEST-trackplan-verify.xml");
        JUnitReport.write(report, file);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        var failure = doc.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttributes().getNamedItem("message").getTextContent())
                .isEqualTo("expected note=\"a\\u0000b\\u001B[31m\\uD800\" got \"\ud83d\ude00\"");
        assertThat(doc.getElementsByTagName("testcase").item(0).getAttributes().getNamedItem("classname")
                .getTextContent()).isEqualTo("e\\u0001.yaml");
    }
}
