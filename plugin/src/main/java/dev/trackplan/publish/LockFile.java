package dev.trackplan.publish;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trackplan.check.Rule;
import dev.trackplan.diag.Diagnostics;
import dev.trackplan.diag.SourcePos;
import dev.trackplan.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads and writes {@code trackplan.lock.json}. Written sorted, two-space indented, LF line ends
 * and a final newline, so the same lock is the same bytes everywhere and diffs are reviewable.
 * Read with the position of every event and property, so the lock rules can point at it.
 */
public final class LockFile {
    public static final String DEFAULT_NAME = "trackplan.lock.json";
    static final int VERSION = 1;
    private static final long MAX_BYTES = 4L << 20;
    private static final JsonFactory JSON = new JsonFactory();
    private static final ObjectMapper WRITER = new ObjectMapper();
    private static final String NOTE = "Written by trackplan:apply, trackplan:import and trackplan:lock: what has been "
            + "published to HubSpot. Commit it with the specs; do not edit it by hand.";

    private LockFile() {}

    /** The lock at {@code file}, {@link Lock#EMPTY} when there is none; problems go to {@code d} as TP180. */
    public static Lock read(Path file, String shown, Diagnostics d) {
        if (!Files.exists(file)) {
            return Lock.EMPTY;
        }
        try {
            if (Files.size(file) > MAX_BYTES) {
                d.error(SourcePos.of(shown), Rule.LOCK_FILE.code(), "the lock file is larger than 4 MiB; it cannot be "
                        + "a Trackplan lock file");
                return Lock.EMPTY;
            }
            return parse(Files.readAllBytes(file), shown);
        } catch (LockException e) {
            d.error(e.pos, Rule.LOCK_FILE.code(), e.getMessage() + "; restore it from version control (it is written "
                    + "only by trackplan:apply, trackplan:import and trackplan:lock)");
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            d.error(at == null ? SourcePos.of(shown) : pos(shown, at), Rule.LOCK_FILE.code(), "the lock file is not "
                    + "valid JSON: " + e.getOriginalMessage() + "; restore it from version control");
        } catch (IOException e) {
            d.error(SourcePos.of(shown), Rule.LOCK_FILE.code(), "cannot read the lock file: " + e.getMessage());
        }
        return Lock.EMPTY;
    }

    static Lock parse(byte[] bytes, String shown) throws IOException {
        try (JsonParser p = JSON.createParser(bytes)) {
            expect(p, p.nextToken(), JsonToken.START_OBJECT, shown, "the lock file must be a JSON object");
            Map<String, Lock.LockedEvent> events = new TreeMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("events")) {
                    expect(p, value, JsonToken.START_OBJECT, shown, "'events' must be an object");
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        Lock.LockedEvent e = event(p, shown);
                        events.put(e.name(), e);
                    }
                } else if (field.equals("lockVersion")) {
                    if (!value.isNumeric() || p.getIntValue() != VERSION) {
                        throw new LockException(pos(shown, p.currentTokenLocation()), "lockVersion " + p.getText()
                                + " is not supported (this Trackplan reads version " + VERSION + ")");
                    }
                } else {
                    p.skipChildren();
                }
            }
            return new Lock(events);
        }
    }

    private static Lock.LockedEvent event(JsonParser p, String shown) throws IOException {
        String name = p.currentName();
        SourcePos at = pos(shown, p.currentTokenLocation());
        expect(p, p.nextToken(), JsonToken.START_OBJECT, shown, "event '" + name + "' must be an object");
        String object = null;
        boolean retired = false;
        Map<String, Lock.LockedProperty> props = new TreeMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "object" -> {
                    expect(p, value, JsonToken.VALUE_STRING, shown, "'object' of '" + name + "' must be text");
                    object = p.getText();
                }
                case "retired" -> retired = value == JsonToken.VALUE_TRUE;
                case "properties" -> {
                    expect(p, value, JsonToken.START_OBJECT, shown, "'properties' of '" + name + "' must be an object");
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String prop = p.currentName();
                        SourcePos propAt = pos(shown, p.currentTokenLocation());
                        expect(p, p.nextToken(), JsonToken.VALUE_STRING, shown, "the type of '" + name + "." + prop
                                + "' must be text");
                        props.put(prop, new Lock.LockedProperty(prop, p.getText(), propAt));
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (object == null) {
            throw new LockException(at, "event '" + name + "' has no 'object'");
        }
        return new Lock.LockedEvent(name, object, retired, props, at);
    }

    private static void expect(JsonParser p, JsonToken actual, JsonToken wanted, String shown, String message) {
        if (actual != wanted) {
            throw new LockException(pos(shown, p.currentTokenLocation()), message);
        }
    }

    private static SourcePos pos(String shown, JsonLocation at) {
        return new SourcePos(shown, Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()));
    }

    /** The lock as the bytes written to disk. */
    public static String format(Lock lock) {
        Map<String, Object> events = new TreeMap<>();
        for (Lock.LockedEvent e : lock.events().values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("object", e.object());
            Map<String, String> props = new TreeMap<>();
            e.properties().values().forEach(p -> props.put(p.name(), p.type()));
            m.put("properties", props);
            if (e.retired()) {
                m.put("retired", true);
            }
            events.put(e.name(), m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("lockVersion", VERSION);
        root.put("note", NOTE);
        root.put("events", events);
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return WRITER.writer(pretty).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the lock atomically. */
    public static void write(Path file, Lock lock) throws IOException {
        AtomicFiles.write(file, format(lock));
    }

    private static final class LockException extends RuntimeException {
        final transient SourcePos pos;

        LockException(SourcePos pos, String message) {
            super(message);
            this.pos = pos;
        }
    }
}
