package dev.trackplan.bundle;

import com.github.mustachejava.Mustache;
import dev.trackplan.diag.Diagnostics;
import dev.trackplan.diag.SourcePos;
import dev.trackplan.io.Hashing;
import dev.trackplan.js.JsEngine;
import dev.trackplan.render.JsTemplateFactory;
import dev.trackplan.render.RenderRules;
import dev.trackplan.render.TemplateException;
import dev.trackplan.render.TemplateSource;
import dev.trackplan.model.EventSpec;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Merges the runtime ({@code bundle.js.mustache}: queues, helpers, consent gate) and the snippets,
 * in event-name order, into one file named by its content hash. The runtime's parts are Mustache
 * sections, turned on only when the plan uses them ({@link RuntimeFeatures}). The snippets go in at the
 * template's {@code SNIPPETS_MARKER}, never through Mustache, so they are not re-escaped.
 */
public final class BundleAssembler {
    public static final String SNIPPETS_MARKER = "/*@@SNIPPETS@@*/";
    public static final String TEMPLATE = "bundle.js.mustache";

    private final TemplateSource source;
    private final JsEngine js;

    /**
     * With {@code js} null, the bundle is not parsed: its bytes are what they will be if it parses
     * (the site stage starts on them while GraalJS checks it).
     */
    public BundleAssembler(TemplateSource source, JsEngine js) {
        this.source = source;
        this.js = js;
    }

    /** A bundle whose runtime carries every part, whatever the snippets use. */
    public Bundle assemble(BundleSettings settings, Map<String, String> snippets, String version, Diagnostics d) {
        return assemble(settings, RuntimeFeatures.all(), snippets, version, d);
    }

    /**
     * A bundle whose runtime carries only the parts the events use ({@code events}: those of the
     * plan that have a snippet here).
     */
    public Bundle assemble(BundleSettings settings, Iterable<EventSpec> events, Map<String, String> snippets,
            String version, Diagnostics d) {
        List<EventSpec> bundled = new ArrayList<>();
        for (EventSpec e : events) {
            if (snippets.containsKey(e.name())) {
                bundled.add(e);
            }
        }
        return assemble(settings, RuntimeFeatures.of(bundled), snippets, version, d);
    }

    public Bundle assemble(BundleSettings settings, RuntimeFeatures features, Map<String, String> snippets,
            String version, Diagnostics d) {
        TemplateSource.Template t = source.require(TEMPLATE);
        int at = t.text().indexOf(SNIPPETS_MARKER);
        if (at < 0 || t.text().indexOf(SNIPPETS_MARKER, at + 1) >= 0) {
            d.error(SourcePos.of(t.origin()), RenderRules.BUNDLE_TEMPLATE, "the bundle template must contain the "
                    + "marker " + SNIPPETS_MARKER + " exactly once, where the snippets go");
            return null;
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("version", version);
        model.put("hubId", settings.hubId());
        model.put("consent", settings.consent());
        model.put("respectDoNotTrack", String.valueOf(settings.respectDoNotTrack()));
        model.put("respectGlobalPrivacyControl", String.valueOf(settings.respectGlobalPrivacyControl()));
        model.put("consentCookie", settings.consentCookie());
        model.put("banner", "banner".equals(settings.consent()));
        model.put("doNotTrack", settings.respectDoNotTrack());
        model.put("gpc", settings.respectGlobalPrivacyControl());
        model.putAll(features.sections());
        JsTemplateFactory factory = new JsTemplateFactory(source);
        StringBuilder out = new StringBuilder();
        Map<String, Bundle.Span> spans = new LinkedHashMap<>();
        try {
            out.append(run(factory.compileText(t.text().substring(0, at), t.name()), model));
            for (Map.Entry<String, String> snippet : snippets.entrySet()) {
                int start = out.length();
                out.append(snippet.getValue());
                if (!snippet.getValue().endsWith("\n")) {
                    out.append('\n');
                }
                spans.put(snippet.getKey(), new Bundle.Span(start, out.length()));
            }
            out.append(run(factory.compileText(t.text().substring(at + SNIPPETS_MARKER.length()), t.name()), model));
        } catch (TemplateException te) {
            d.error(new SourcePos(t.origin(), te.line(), 1), te.rule(), te.getMessage());
            return null;
        }
        String content = out.toString();
        JsEngine.SyntaxProblem p = js == null ? null : js.bundleSyntaxProblem(content);
        if (p != null) {
            d.error(SourcePos.of(t.origin()), RenderRules.SNIPPET_SYNTAX, "the assembled bundle is not valid "
                    + "JavaScript at line " + p.line() + ", column " + p.column() + ": " + p.message());
            return null;
        }
        return new Bundle("js/trackplan." + Hashing.sha256Hex(content).substring(0, 10) + ".js", content,
                Map.copyOf(spans));
    }

    private static String run(Mustache m, Object model) {
        StringWriter w = new StringWriter();
        m.execute(w, model);
        return w.toString();
    }
}
