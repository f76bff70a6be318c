package dev.trackplan.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.graalvm.polyglot.HostAccess;

/** Receives every command the page pushes to the HubSpot stand-in, as JSON, in order. */
public final class Recorder {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One command: the queue ("hsq" or "hsp") and the command array. */
    public record Command(String queue, JsonNode command) {
        public String method() {
            return command.isArray() && command.size() > 0 ? command.get(0).asText() : "";
        }

        public boolean isTrack() {
            return "hsq".equals(queue) && "trackCustomBehavioralEvent".equals(method());
        }

        public JsonNode argument() {
            return command.size() > 1 ? command.get(1) : null;
        }
    }

    private final List<Command> commands = new ArrayList<>();

    @HostAccess.Export
    public void record(String queue, String json) {
        try {
            commands.add(new Command(queue, JSON.readTree(json)));
        } catch (java.io.IOException e) {
            commands.add(new Command(queue, JSON.getNodeFactory().textNode(json)));
        }
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
}
