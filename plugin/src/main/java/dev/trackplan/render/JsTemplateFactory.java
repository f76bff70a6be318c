package dev.trackplan.render;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.DefaultMustacheVisitor;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.MustacheVisitor;
import com.github.mustachejava.TemplateContext;
import com.github.mustachejava.reflect.Guard;
import com.github.mustachejava.reflect.MissingWrapper;
import com.github.mustachejava.reflect.ReflectionObjectHandler;
import dev.trackplan.io.ProjectFiles;
import dev.trackplan.js.JsLiteral;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * Mustache for JavaScript: every {@code {{value}}} is written as a complete, script-safe JS
 * literal; raw output ({@code {{{x}}}}, {@code {{&x}}}) is refused when a template compiles; a
 * variable the context does not have is an error instead of an empty string.
 */
public final class JsTemplateFactory extends DefaultMustacheFactory {
    private final TemplateSource source;

    public JsTemplateFactory(TemplateSource source) {
        this.source = source;
        setObjectHandler(new StrictObjectHandler());
    }

    @Override
    public void encode(String value, Writer writer) {
        try {
            writer.write(JsLiteral.quote(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    @Override
    public MustacheVisitor createMustacheVisitor() {
        return new DefaultMustacheVisitor(this) {
            @Override
            public void value(TemplateContext tc, String variable, boolean encoded) {
                if (!encoded) {
                    throw new TemplateException(RenderRules.RAW_OUTPUT, tc.file(), tc.line(),
                            "raw output '{{{" + variable + "}}}' is refused in JavaScript templates; use {{"
                                    + variable + "}}, which writes a safe JavaScript literal");
                }
                super.value(tc, variable, encoded);
            }

            @Override
            public void partial(TemplateContext tc, String variable, String indent) {
                String why = ProjectFiles.badName(variable);
                if (why != null) {
                    throw new TemplateException(RenderRules.TEMPLATE, tc.file(), tc.line(), "partial '{{> "
                            + ProjectFiles.printable(variable) + "}}' " + why);
                }
                super.partial(tc, variable, indent);
            }
        };
    }

    /** Compiles a template text under a name (used for the parts around a code marker). */
    public Mustache compileText(String text, String name) {
        try {
            return compile(new StringReader(text), name);
        } catch (MustacheException e) {
            throw translate(e, name);
        }
    }

    static TemplateException translate(MustacheException e, String name) {
        if (e.getCause() instanceof TemplateException te) {
            return te;
        }
        TemplateContext tc = e.getContext();
        String msg = e.getMessage() == null ? "template error" : e.getMessage();
        return new TemplateException(RenderRules.TEMPLATE, tc == null ? name : tc.file(), tc == null ? 1 : tc.line(), msg);
    }

    private static final class StrictObjectHandler extends ReflectionObjectHandler {
        @Override
        protected MissingWrapper createMissingWrapper(String name, List<Guard> guards) {
            throw new MissingVariable(name);
        }
    }

    /** Raised at render time for a name no scope defines. */
    static final class MissingVariable extends RuntimeException {
        final String name;

        MissingVariable(String name) {
            super("no variable '" + name + "'", null, false, false);
            this.name = name;
        }
    }
}
