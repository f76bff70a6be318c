package dev.trackplan.render;

import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import dev.trackplan.check.CustomCodeSyntax;
import dev.trackplan.check.Rule;
import dev.trackplan.diag.Diagnostics;
import dev.trackplan.diag.SourcePos;
import dev.trackplan.js.JsEngine;
import dev.trackplan.model.EventSpec;
import dev.trackplan.model.TriggerKind;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders one JavaScript snippet per event from the trigger's template ({@code click.js.mustache},
 * ...), then parses it with GraalJS: a snippet that is not valid JavaScript never reaches the bundle.
 * A custom trigger's code is placed at the template's {@code CODE_MARKER} after being parsed on its
 * own, so it can neither break out of its wrapper function nor hide in a string.
 */
public final class SnippetRenderer {
    public static final String CODE_MARKER = "/*@@CODE@@*/";

    private final TemplateSource source;
    private final JsTemplateFactory factory;
    private final JsEngine js;
    private final Map<String, Mustache[]> compiled = new HashMap<>();

    /**
     * With {@code js} null, nothing is parsed: the snippets are what they will be if they parse
     * (the site stage starts on the bundle's bytes while GraalJS checks them).
     */
    public SnippetRenderer(TemplateSource source, JsEngine js) {
        this.source = source;
        this.factory = new JsTemplateFactory(source);
        this.js = js;
    }

    /** Rendered snippets by event name, in the plan's (name) order; problems go to {@code d}. */
    public Map<String, String> renderAll(Iterable<EventSpec> events, String hubId, Diagnostics d) {
        Map<String, String> out = new LinkedHashMap<>();
        for (EventSpec e : events) {
            String s = render(e, hubId, d);
            if (s != null) {
                out.put(e.name(), s);
            }
        }
        return out;
    }

    public String render(EventSpec e, String hubId, Diagnostics d) {
        String templateName = e.trigger().kind().id() + ".js.mustache";
        Mustache[] parts;
        try {
            parts = parts(templateName);
        } catch (TemplateException te) {
            d.error(new SourcePos(originOf(te.origin()), te.line(), 1), te.rule(), te.getMessage());
            return null;
        }
        Map<String, Object> model = SnippetModel.of(e, hubId);
        StringBuilder snippet = new StringBuilder();
        try {
            snippet.append(execute(parts[0], model));
            if (e.trigger().kind() == TriggerKind.CUSTOM) {
                if (parts.length != 2) {
                    d.error(SourcePos.of(source.require(templateName).origin()), RenderRules.TEMPLATE,
                            "the custom template must contain the marker " + CODE_MARKER + " exactly once");
                    return null;
                }
                if (js != null && !customCodeParses(e, d)) {
                    return null;
                }
                snippet.append(e.trigger().value().stripTrailing()).append('\n').append(execute(parts[1], model));
            }
        } catch (TemplateException te) {
            d.error(new SourcePos(originOf(te.origin()), te.line(), 1), te.rule(), te.getMessage());
            return null;
        }
        String code = snippet.toString();
        JsEngine.SyntaxProblem p = js == null ? null : js.syntaxProblem(e.name() + ".js", code);
        if (p != null) {
            d.error(e.trigger().pos(), RenderRules.SNIPPET_SYNTAX, "the snippet rendered for '" + e.name()
                    + "' from " + source.require(templateName).origin() + " is not valid JavaScript (line "
                    + p.line() + " of the snippet): " + p.message());
            return null;
        }
        return code;
    }

    private boolean customCodeParses(EventSpec e, Diagnostics d) {
        CustomCodeSyntax.Problem p = CustomCodeSyntax.problem(js, e.name(), e.trigger().value());
        if (p != null) {
            d.error(CustomCodeSyntax.at(e.trigger(), p), Rule.CUSTOM_CODE.code(), CustomCodeSyntax.message(e, p));
            return false;
        }
        return true;
    }

    private Mustache[] parts(String name) {
        Mustache[] m = compiled.get(name);
        if (m == null) {
            TemplateSource.Template t = source.require(name);
            String text = t.text();
            int at = text.indexOf(CODE_MARKER);
            if (at >= 0 && text.indexOf(CODE_MARKER, at + 1) < 0) {
                m = new Mustache[] {
                    factory.compileText(text.substring(0, at), t.name()),
                    factory.compileText(text.substring(at + CODE_MARKER.length()), t.name())
                };
            } else {
                m = new Mustache[] {factory.compileText(text, t.name())};
            }
            compiled.put(name, m);
        }
        return m;
    }

    static String execute(Mustache m, Object model) {
        StringWriter w = new StringWriter();
        try {
            m.execute(w, model).flush();
        } catch (MustacheException ex) {
            Throwable c = ex;
            while (c != null && !(c instanceof JsTemplateFactory.MissingVariable)) {
                c = c.getCause();
            }
            if (c != null) {
                var tc = ex.getContext();
                throw new TemplateException(RenderRules.MISSING_VARIABLE, tc == null ? m.getName() : tc.file(),
                        tc == null ? 1 : tc.line(), "template uses {{" + ((JsTemplateFactory.MissingVariable) c).name
                        + "}}, which is not defined here");
            }
            throw JsTemplateFactory.translate(ex, m.getName());
        } catch (JsTemplateFactory.MissingVariable mv) {
            throw new TemplateException(RenderRules.MISSING_VARIABLE, m.getName(), 1, "template uses {{" + mv.name
                    + "}}, which is not defined here");
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        return w.toString();
    }

    private String originOf(String templateName) {
        TemplateSource.Template t = source.find(templateName);
        return t == null ? templateName : t.origin();
    }
}
