package dev.trackplan.diag;

import dev.trackplan.io.XmlText;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The diagnostics as JUnit XML, so CI servers list them in their test tab: one test case per file
 * with problems (failed when it has errors, or warnings under failOnWarnings; its warnings in
 * system-out otherwise), or a single passing case when there is nothing to report.
 */
public final class JUnitCheckReport {
    private JUnitCheckReport() {}

    public static String render(String suite, List<Diagnostic> diagnostics, boolean warningsFail) {
        Map<String, List<Diagnostic>> byFile = new LinkedHashMap<>();
        for (Diagnostic d : diagnostics) {
            byFile.computeIfAbsent(d.file(), f -> new ArrayList<>()).add(d);
        }
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            int failures = 0;
            for (List<Diagnostic> ds : byFile.values()) {
                failures += failing(ds, warningsFail).isEmpty() ? 0 : 1;
            }
            w.writeStartElement("testsuite");
            w.writeAttribute("name", suite);
            w.writeAttribute("tests", String.valueOf(Math.max(1, byFile.size())));
            w.writeAttribute("failures", String.valueOf(failures));
            w.writeAttribute("errors", "0");
            w.writeAttribute("skipped", "0");
            w.writeCharacters("\n");
            if (byFile.isEmpty()) {
                testCase(w, suite, "no problems found");
                w.writeEndElement();
                w.writeCharacters("\n");
            }
            for (Map.Entry<String, List<Diagnostic>> e : byFile.entrySet()) {
                testCase(w, suite, e.getKey());
                List<Diagnostic> failing = failing(e.getValue(), warningsFail);
                if (!failing.isEmpty()) {
                    w.writeStartElement("failure");
                    w.writeAttribute("message", XmlText.clean(failing.size() == 1 ? failing.get(0).format()
                            : failing.get(0).format() + " (and " + (failing.size() - 1) + " more)"));
                    w.writeAttribute("type", failing.get(0).code());
                    w.writeCharacters(XmlText.clean(lines(failing)));
                    w.writeEndElement();
                }
                List<Diagnostic> rest = new ArrayList<>(e.getValue());
                rest.removeAll(failing);
                if (!rest.isEmpty()) {
                    w.writeStartElement("system-out");
                    w.writeCharacters(XmlText.clean(lines(rest)));
                    w.writeEndElement();
                }
                w.writeEndElement();
                w.writeCharacters("\n");
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new UncheckedIOException(new java.io.IOException("cannot write the JUnit report", e));
        }
        return out + "\n";
    }

    private static void testCase(XMLStreamWriter w, String suite, String name) throws XMLStreamException {
        w.writeCharacters("  ");
        w.writeStartElement("testcase");
        w.writeAttribute("classname", suite);
        w.writeAttribute("name", XmlText.clean(name));
        w.writeAttribute("time", "0");
    }

    private static List<Diagnostic> failing(List<Diagnostic> ds, boolean warningsFail) {
        return ds.stream().filter(d -> d.isError() || warningsFail).toList();
    }

    private static String lines(List<Diagnostic> ds) {
        StringBuilder sb = new StringBuilder();
        for (Diagnostic d : ds) {
            sb.append(d.isError() ? "error: " : "warning: ").append(d.format()).append('\n');
        }
        return sb.toString();
    }
}
