package dev.trackplan.diag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A SARIF 2.1.0 log of one goal's diagnostics, for GitHub code scanning and other SARIF viewers:
 * every rule Trackplan has (id, name, descriptions, help, default level) and one result per
 * diagnostic with its file, line and column. Paths are absolute {@code file:} URIs, which code
 * scanning turns into repository paths whatever folder of the repository the project is in.
 */
public final class SarifReport {
    public static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SarifReport() {}

    /**
     * @param version  the plugin's version
     * @param category  the run's automation id, e.g. {@code trackplan/} (one per report file)
     * @param locate  a diagnostic's file as shown to users to its URI, or null when it is not a file
     * @param elsewhere  where a result that is not about a file is placed (the project's pom.xml):
     *     code scanning needs a location for every result; its message then names the real place
     */
    public static String render(String version, String category, List<RuleDescription> rules,
            List<Diagnostic> diagnostics, Function<String, URI> locate, URI elsewhere) {
        ObjectNode log = JSON.createObjectNode();
        log.put("$schema", SCHEMA);
        log.put("version", "2.1.0");
        ObjectNode run = log.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "Trackplan");
        driver.put("version", version);
        ArrayNode ruleArray = driver.putArray("rules");
        Map<String, Integer> index = new HashMap<>();
        for (RuleDescription r : rules) {
            index.put(r.id(), index.size());
            ObjectNode rule = ruleArray.addObject();
            rule.put("id", r.id());
            rule.put("name", r.name());
            rule.putObject("shortDescription").put("text", r.text());
            rule.putObject("fullDescription").put("text", r.help());
            ObjectNode help = rule.putObject("help");
            help.put("text", r.help());
            help.put("markdown", r.helpMarkdown());
            rule.putObject("defaultConfiguration").put("level", r.warning() ? "warning" : "error");
            rule.putObject("properties").putArray("tags").add("trackplan").add(r.stage());
        }
        run.putObject("automationDetails").put("id", category);
        run.put("columnKind", "unicodeCodePoints");
        ArrayNode results = run.putArray("results");
        for (Diagnostic d : diagnostics) {
            ObjectNode result = results.addObject();
            result.put("ruleId", d.code());
            Integer i = index.get(d.code());
            if (i != null) {
                result.put("ruleIndex", i);
            }
            result.put("level", d.isError() ? "error" : "warning");
            URI uri = locate.apply(d.file());
            result.putObject("message").put("text", uri == null ? d.format() : d.code() + " " + d.message());
            ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
            physical.putObject("artifactLocation").put("uri", (uri == null ? elsewhere : uri).toString());
            ObjectNode region = physical.putObject("region");
            region.put("startLine", uri == null ? 1 : Math.max(1, d.line()));
            region.put("startColumn", uri == null ? 1 : Math.max(1, d.column()));
        }
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return JSON.writer(pretty).writeValueAsString(log) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
