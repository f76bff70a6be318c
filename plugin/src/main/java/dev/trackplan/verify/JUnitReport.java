package dev.trackplan.verify;

import dev.trackplan.diag.Diagnostic;
import dev.trackplan.io.AtomicFiles;
import dev.trackplan.io.XmlText;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Writes the verification as JUnit XML, one test case per event, so CI servers show each event. */
public final class JUnitReport {
    private JUnitReport() {}

    public static void write(VerifyReport report, Path file) throws IOException {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            int failures = (int) report.events().stream().filter(e -> !e.failures().isEmpty()).count();
            w.writeStartElement("testsuite");
            w.writeAttribute("name", "trackplan.verify");
            w.writeAttribute("tests", String.valueOf(report.events().size()));
            w.writeAttribute("failures", String.valueOf(failures));
            w.writeAttribute("errors", "0");
            w.writeAttribute("skipped", "0");
            w.writeAttribute("time", String.format(Locale.ROOT, "%.3f", report.millis() / 1000.0));
            w.writeCharacters("\n");
            for (VerifyReport.EventResult e : report.events()) {
                w.writeCharacters("  ");
                w.writeStartElement("testcase");
                w.writeAttribute("classname", XmlText.clean(e.file()));
                w.writeAttribute("name", XmlText.clean(e.name() + " (" + e.scenarios() + " scenarios)"));
                w.writeAttribute("time", "0");
                if (!e.failures().isEmpty()) {
                    w.writeStartElement("failure");
                    w.writeAttribute("message", XmlText.clean(e.failures().get(0).message()));
                    w.writeAttribute("type", e.failures().get(0).code());
                    StringBuilder sb = new StringBuilder();
                    for (Diagnostic d : e.failures()) {
                        sb.append(d.format()).append('\n');
                    }
                    w.writeCharacters(XmlText.clean(sb.toString()));
                    w.writeEndElement();
                }
                w.writeEndElement();
                w.writeCharacters("\n");
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write the JUnit report", e);
        }
        AtomicFiles.write(file, out.toString() + "\n");
    }
}
