package dev.trackplan.yaml;

import dev.trackplan.diag.SourcePos;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML tree that remembers where every node came from. Scalars keep their original text, so
 * YAML 1.1 surprises ({@code no}, {@code 012}) never silently turn into other values: the
 * {@link ScalarKind} only says how YAML would have resolved the plain scalar.
 */
public sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Mapping, YamlNode.Sequence {

    SourcePos pos();

    /** A short name of the node's shape for messages: "text", "map", "list". */
    String shape();

    enum ScalarKind { STRING, NUMBER, BOOLEAN, NULL }

    /**
     * A scalar; {@code contentPos} is where its first character of content sits: past the opening
     * quote, or on the line below a block scalar's {@code |} (so code in a block maps line for line).
     */
    record Scalar(String text, ScalarKind kind, SourcePos pos, SourcePos contentPos) implements YamlNode {
        public Scalar(String text, ScalarKind kind, SourcePos pos) {
            this(text, kind, pos, pos);
        }

        /** True for a literal block scalar ({@code |}), whose lines are kept as written. */
        public boolean literalBlock() {
            return contentPos.line() > pos.line();
        }

        public boolean isNull() {
            return kind == ScalarKind.NULL;
        }

        @Override
        public String shape() {
            return isNull() ? "nothing" : kind == ScalarKind.STRING ? "text" : kind.name().toLowerCase();
        }
    }

    record Entry(String key, SourcePos keyPos, YamlNode value) {}

    record Mapping(Map<String, Entry> entries, SourcePos pos) implements YamlNode {
        public Mapping {
            entries = new LinkedHashMap<>(entries);
        }

        public Entry entry(String key) {
            return entries.get(key);
        }

        public YamlNode get(String key) {
            Entry e = entries.get(key);
            return e == null ? null : e.value();
        }

        @Override
        public String shape() {
            return "map";
        }
    }

    record Sequence(List<YamlNode> items, SourcePos pos) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String shape() {
            return "list";
        }
    }
}
