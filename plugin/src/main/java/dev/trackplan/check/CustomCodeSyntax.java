package dev.trackplan.check;

import dev.trackplan.diag.Diagnostics;
import dev.trackplan.diag.SourcePos;
import dev.trackplan.js.JsEngine;
import dev.trackplan.model.EventSpec;
import dev.trackplan.model.Limits;
import dev.trackplan.model.Trigger;
import dev.trackplan.model.TriggerKind;
import java.util.List;
import java.util.function.Supplier;

/**
 * Parses (never runs) each custom trigger's code with GraalJS, the parser the build uses, and
 * reports a syntax error at the YAML line and column of the offending code.
 */
public final class CustomCodeSyntax {
    private CustomCodeSyntax() {}

    /** A syntax problem in the code, with the line and column counted in the code itself. */
    public record Problem(int line, int column, String message) {}

    /** Checks every custom event's code; the engine is only asked for when there is code to parse. */
    public static void check(List<EventSpec> events, Supplier<JsEngine> engine, Diagnostics d) {
        for (EventSpec e : events) {
            Trigger t = e.trigger();
            if (t == null || t.kind() != TriggerKind.CUSTOM || t.value().isBlank()
                    || t.value().length() > Limits.CODE_MAX) {
                continue; // empty and over-long code are reported by the plan checker
            }
            Problem p = problem(engine.get(), e.name(), t.value());
            if (p != null) {
                d.error(at(t, p), Rule.CUSTOM_CODE.code(), message(e, p));
            }
        }
    }

    public static String message(EventSpec e, Problem p) {
        return "custom code of '" + e.name() + "' is not valid JavaScript: " + p.message();
    }

    /**
     * Null when the code is a valid function body. Two different wrappers: code that closes one of
     * them early (to escape into the bundle) cannot be valid in both.
     */
    public static Problem problem(JsEngine js, String eventName, String code) {
        JsEngine.SyntaxProblem p = js.syntaxProblem(eventName + ".custom.js", "(function (track) {\n" + code + "\n})");
        if (p == null) {
            p = js.syntaxProblem(eventName + ".custom.js", "[function (track) {\n" + code + "\n}]");
        }
        if (p == null) {
            return null;
        }
        int line = Math.max(1, p.line() - 1); // the wrapper's first line
        int column = p.line() == 1 ? 1 : p.column();
        return new Problem(line, column, stripLocation(p.message()));
    }

    /** The code's line and column mapped onto the YAML file (exact for plain and {@code |} blocks). */
    public static SourcePos at(Trigger t, Problem p) {
        SourcePos start = t.valuePos();
        int line = start.line() + p.line() - 1;
        return new SourcePos(start.file(), line, Math.max(1, start.column() + p.column() - 1));
    }

    /** GraalJS prefixes messages with "name:line:col "; the diagnostic carries the place already. */
    private static String stripLocation(String message) {
        return message.replaceFirst("[^\\s:]+\\.custom\\.js:\\d+:\\d+\\s*", "");
    }
}
