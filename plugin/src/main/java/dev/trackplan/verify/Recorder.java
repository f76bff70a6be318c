package dev.trackplan.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.util.ArrayList;
import java.util.List;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SourceSection;
import org.graalvm.polyglot.Value;

/**
 * Receives every command the page pushes to the HubSpot stand-in, in order, and copies it on the
 * host side: the copy walks the guest value through the polyglot API (own enumerable properties,
 * array elements), so nothing the page can redefine ({@code JSON.stringify}, {@code toJSON},
 * prototypes) changes what is recorded. Values JSON cannot carry (functions, {@code undefined},
 * {@code NaN}, dates, ...) are kept as markers that never pass a type check.
 */
public final class Recorder {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 16;
    private static final int MAX_NODES = 10_000;
    /** The source name the bundle is evaluated under. */
    static final String BUNDLE_NAME = dev.trackplan.js.JsEngine.BUNDLE_NAME;

    /** Where the visitor's consent stood when a command was pushed. */
    public enum Phase { BEFORE_CONSENT, ACCEPTED, DECLINED }

    /**
     * One command: the queue ("hsq", "hsp", or "error" for a stand-in's own report), the command
     * array, the consent phase it was pushed in, and where in the bundle it was pushed from
     * (character offsets of the bundle's stack frames, innermost first).
     */
    public record Command(String queue, JsonNode command, Phase phase, String when, List<Integer> origin) {
        public Command(String queue, JsonNode command) {
            this(queue, command, Phase.ACCEPTED, "after the visitor consented", List.of());
        }

        public String method() {
            return command.isArray() && command.size() > 0 && command.get(0).isTextual() ? command.get(0).asText() : "";
        }

        public boolean isTrack() {
            return "hsq".equals(queue) && "trackCustomBehavioralEvent".equals(method());
        }

        public JsonNode argument() {
            return command.isArray() && command.size() > 1 ? command.get(1) : null;
        }
    }

    private final List<Command> commands = new ArrayList<>();
    private Phase phase = Phase.BEFORE_CONSENT;
    private String when = "before the visitor consented";

    /** Called by the stand-in with the guest's own value and an Error made where it was pushed. */
    @HostAccess.Export
    public void record(String queue, Value command, Value origin) {
        commands.add(new Command(queue, copy(command), phase, when, origin(origin)));
    }

    /** The bundle offsets on the stack an Error captured, read on the host side (not its {@code stack} text). */
    static List<Integer> origin(Value error) {
        if (error == null || !error.isException()) {
            return List.of();
        }
        List<Integer> out = new ArrayList<>();
        try {
            error.throwException();
        } catch (PolyglotException e) {
            for (PolyglotException.StackFrame f : e.getPolyglotStackTrace()) {
                SourceSection at = f.isGuestFrame() ? f.getSourceLocation() : null;
                if (at != null && BUNDLE_NAME.equals(at.getSource().getName())) {
                    out.add(at.getCharIndex());
                }
            }
        }
        return out;
    }

    /** The visitor's choice, as the verifier makes it (the page cannot call this), and how to say it. */
    void phase(Phase p, String when) {
        this.phase = p;
        this.when = when;
    }

    public int mark() {
        return commands.size();
    }

    public List<Command> since(int mark) {
        return List.copyOf(commands.subList(mark, commands.size()));
    }

    public List<Command> all() {
        return List.copyOf(commands);
    }

    public List<Command> tracksSince(int mark) {
        return since(mark).stream().filter(Command::isTrack).toList();
    }

    /** A host-side copy of a guest value. */
    static JsonNode copy(Value v) {
        return copy(v, 0, new int[] {0});
    }

    private static JsonNode copy(Value v, int depth, int[] count) {
        if (++count[0] > MAX_NODES || depth > MAX_DEPTH) {
            return marker("<too large or too deeply nested>");
        }
        if (v == null || v.isNull()) {
            return v != null && "undefined".equals(v.toString()) ? marker("undefined") : NODES.nullNode();
        }
        if (v.isBoolean()) {
            return NODES.booleanNode(v.asBoolean());
        }
        if (v.isString()) {
            return NODES.textNode(v.asString());
        }
        if (v.isNumber()) {
            if (v.fitsInLong()) {
                return NODES.numberNode(v.asLong());
            }
            if (v.fitsInDouble()) {
                double d = v.asDouble();
                return Double.isFinite(d) ? NODES.numberNode(d) : marker(Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
            }
            return marker("BigInt " + v);
        }
        if (v.canExecute()) {
            return marker("function");
        }
        if (v.isDate() || v.isTime() || v.isInstant()) {
            return marker("Date");
        }
        if (v.hasArrayElements()) {
            ArrayNode a = NODES.arrayNode();
            long size = v.getArraySize();
            for (long k = 0; k < size; k++) {
                if (count[0] >= MAX_NODES) {
                    a.add(marker("<too large or too deeply nested>"));
                    break;
                }
                a.add(copy(v.getArrayElement(k), depth + 1, count));
            }
            return a;
        }
        if (v.hasMembers()) {
            ObjectNode o = NODES.objectNode();
            for (String key : v.getMemberKeys()) {
                if (count[0] >= MAX_NODES) {
                    break;
                }
                o.set(key, copy(v.getMember(key), depth + 1, count));
            }
            return o;
        }
        return marker(v.toString());
    }

    /** A value JSON cannot carry, shown as itself ({@code NaN}, {@code function}); never text or a number. */
    static JsonNode marker(String what) {
        return new POJONode(new RawValue(what));
    }
}
