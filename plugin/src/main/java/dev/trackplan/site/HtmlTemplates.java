package dev.trackplan.site;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.DefaultMustacheVisitor;
import com.github.mustachejava.MustacheVisitor;
import com.github.mustachejava.TemplateContext;
import dev.trackplan.io.ProjectFiles;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import dev.trackplan.render.TemplateSource;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;

/** Mustache for HTML layouts and partials: values are HTML-escaped; a site's layouts folder overrides. */
final class HtmlTemplates extends DefaultMustacheFactory {
    private final TemplateSource source;
    private final Map<String, Mustache> cache = new ConcurrentHashMap<>();
    /** Asked once per page: reading the layout again for each one shows up in the profile. */
    private final Map<String, Boolean> exists = new ConcurrentHashMap<>();

    HtmlTemplates(TemplateSource source) {
        this.source = source;
    }

    @Override
    public Reader getReader(String resourceName) {
        TemplateSource.Template t;
        try {
            t = source.find(resourceName);
        } catch (dev.trackplan.io.ProjectFiles.BadNameException e) {
            throw new MustacheException("template " + e.getMessage());
        }
        if (t == null) {
            throw new MustacheException("template not found: " + resourceName);
        }
        return new StringReader(t.text());
    }

    /** Partial names are checked where they are written, so the message names the template and line. */
    @Override
    public MustacheVisitor createMustacheVisitor() {
        return new DefaultMustacheVisitor(this) {
            @Override
            public void partial(TemplateContext tc, String variable, String indent) {
                String why = ProjectFiles.badName(variable);
                if (why != null) {
                    throw new MustacheException("partial '{{> " + ProjectFiles.printable(variable) + "}}' in "
                            + origin(tc.file()) + " line " + tc.line() + " " + why);
                }
                super.partial(tc, variable, indent);
            }
        };
    }

    boolean exists(String name) {
        return exists.computeIfAbsent(name, n -> source.find(n) != null);
    }

    /** A template's text as it is (for files that are not Mustache, like the stylesheet). */
    String text(String name) {
        TemplateSource.Template t = source.find(name);
        if (t == null) {
            throw new MustacheException("template not found: " + name);
        }
        return t.text();
    }

    String origin(String name) {
        TemplateSource.Template t = source.find(name);
        return t == null ? name : t.origin();
    }

    String render(String name, Object model) {
        Mustache m = cache.computeIfAbsent(name, n -> compile(getReader(n), n));
        StringWriter w = new StringWriter();
        m.execute(w, model);
        return w.toString();
    }
}
