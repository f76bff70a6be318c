package dev.trackplan.js;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;

class JsLiteralTest {
    private static JsEngine engine;
    private static Context context;

    @BeforeContainer
    static void start() {
        engine = new JsEngine();
        context = engine.newContext(OutputStream.nullOutputStream());
    }

    @AfterContainer
    static void stop() {
        context.close();
        engine.close();
    }

    @Property(tries = 1500)
    void anyStringEvaluatesBackToItselfAndIsScriptSafe(@ForAll String s) {
        String literal = JsLiteral.quote(s);
        assertThat(literal).doesNotContain("</script").doesNotContain("<!--").doesNotContain("\u2028")
                .doesNotContain("\u2029").doesNotContain("<").doesNotContain("'");
        Value v = context.eval("js", "(" + literal + ")");
        assertThat(v.asString()).isEqualTo(s);
    }

    @Property(tries = 500)
    void nastyFragmentsRoundTrip(@ForAll("nasty") String s) {
        Value v = context.eval("js", "(" + JsLiteral.quote(s) + ")");
        assertThat(v.asString()).isEqualTo(s);
        assertThat(JsLiteral.quote(s).toLowerCase()).doesNotContain("</script").doesNotContain("<!--");
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> nasty() {
        return net.jqwik.api.Arbitraries.of("</script>", "<!--", "-->", "\u2028", "\u2029", "\"", "'", "\\", "{{",
                "}}", "\ud83d\ude00", "\u0000", "\n", "</SCRIPT", "]]>", "${x}", "`").list().ofMaxSize(8)
                .map(l -> String.join("", l));
    }
}
