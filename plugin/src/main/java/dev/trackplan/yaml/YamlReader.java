package dev.trackplan.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.trackplan.diag.Diagnostic;
import dev.trackplan.diag.SourcePos;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.io.StringReader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * Reads one YAML document into a {@link YamlNode} tree with positions, using Jackson's streaming
 * YAML parser. Jackson does not expand anchors (an alias silently becomes its name as a string)
 * and does not apply SnakeYAML's alias, depth or duplicate-key limits, so all of those are
 * enforced here and reported as located diagnostics instead of surprises.
 */
public final class YamlReader {
    public static final int DEFAULT_MAX_BYTES = 1024 * 1024;
    public static final int MAX_DEPTH = 40;

    private final YAMLFactory factory;
    private final LoaderOptions loaderOptions;
    private final int maxBytes;

    public YamlReader() {
        this(DEFAULT_MAX_BYTES);
    }

    public YamlReader(int maxBytes) {
        this.maxBytes = maxBytes;
        LoaderOptions loader = new LoaderOptions();
        loader.setAllowDuplicateKeys(false);
        loader.setMaxAliasesForCollections(0);
        loader.setNestingDepthLimit(MAX_DEPTH);
        loader.setCodePointLimit(maxBytes);
        this.loaderOptions = loader;
        this.factory = YAMLFactory.builder()
                .loaderOptions(loader)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                .disable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    /** The result: the root (null for an empty document or on a fatal error) and the problems. */
    public record Result(YamlNode root, List<Diagnostic> diagnostics) {
        public boolean ok() {
            return diagnostics.stream().noneMatch(Diagnostic::isError);
        }
    }

    public Result read(String file, byte[] bytes) {
        return read(file, bytes, 0);
    }

    /**
     * Reads {@code bytes}; {@code lineOffset} is added to every reported line (front matter sits
     * below the first line of a page).
     */
    public Result read(String file, byte[] bytes, int lineOffset) {
        List<Diagnostic> out = new ArrayList<>();
        if (bytes.length > maxBytes) {
            out.add(Diagnostic.error(new SourcePos(file, 1 + lineOffset, 1), YamlRules.TOO_LARGE,
                    "file is " + bytes.length + " bytes, over the limit of " + maxBytes
                            + " bytes; split it into several files"));
            return new Result(null, out);
        }
        String text;
        try {
            text = decodeStrictUtf8(bytes);
        } catch (BadEncoding e) {
            out.add(Diagnostic.error(lineColAt(file, bytes, e.offset, lineOffset), YamlRules.ENCODING,
                    "invalid UTF-8 byte 0x" + String.format("%02x", bytes[e.offset] & 0xff)
                            + "; save the file as UTF-8"));
            return new Result(null, out);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return new Parse(file, lineOffset, out).run(text);
    }

    private final class Parse {
        private final String file;
        private final int lineOffset;
        private final List<Diagnostic> out;
        private YAMLParser parser;

        Parse(String file, int lineOffset, List<Diagnostic> out) {
            this.file = file;
            this.lineOffset = lineOffset;
            this.out = out;
        }

        private String text;

        Result run(String text) {
            this.text = text;
            if (text.indexOf('&') >= 0 || text.indexOf('*') >= 0 || text.indexOf('!') >= 0) {
                scanAnchorsAliasesTags(text);
            }
            try (YAMLParser p = (YAMLParser) factory.createParser(text)) {
                this.parser = p;
                JsonToken first = p.nextToken();
                if (first == null) {
                    return new Result(null, out);
                }
                YamlNode root = node(first, 1);
                JsonToken next = p.nextToken();
                if (next != null) {
                    out.add(Diagnostic.error(pos(p.currentTokenLocation()), YamlRules.MULTIPLE_DOCUMENTS,
                            "a second YAML document starts here; keep one document per file (remove the '---')"));
                }
                return new Result(root, out);
            } catch (StreamConstraintsException e) {
                out.add(Diagnostic.error(pos(e.getLocation()), YamlRules.TOO_LARGE,
                        "nesting is deeper than " + MAX_DEPTH + " levels"));
            } catch (JsonProcessingException e) {
                out.add(syntaxError(e));
            } catch (IOException e) {
                out.add(Diagnostic.error(new SourcePos(file, 1 + lineOffset, 1), YamlRules.SYNTAX,
                        "cannot read YAML: " + e.getMessage()));
            }
            return new Result(null, out);
        }

        private YamlNode node(JsonToken token, int depth) throws IOException {
            SourcePos at = pos(parser.currentTokenLocation());
            switch (token) {
                case START_OBJECT:
                    return mapping(at, depth);
                case START_ARRAY:
                    return sequence(at, depth);
                case VALUE_STRING:
                    return new YamlNode.Scalar(text(parser.getText(), at), YamlNode.ScalarKind.STRING, at);
                case VALUE_NUMBER_INT:
                case VALUE_NUMBER_FLOAT:
                    return new YamlNode.Scalar(parser.getText(), YamlNode.ScalarKind.NUMBER, at);
                case VALUE_TRUE:
                case VALUE_FALSE:
                    return new YamlNode.Scalar(parser.getText(), YamlNode.ScalarKind.BOOLEAN, at);
                case VALUE_NULL:
                    return new YamlNode.Scalar(parser.getText() == null ? "" : parser.getText(),
                            YamlNode.ScalarKind.NULL, at);
                default:
                    return new YamlNode.Scalar(String.valueOf(parser.getText()), YamlNode.ScalarKind.STRING, at);
            }
        }

        /**
         * A text as read, refused when an escape ({@code "\\uD800"}) left half of a surrogate pair:
         * the checker and the verification would see one string and the browser another (it has no
         * UTF-8 form, so the files would carry a replacement character instead).
         */
        private String text(String s, SourcePos at) {
            if (s == null) {
                return null;
            }
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    out.add(Diagnostic.error(at, YamlRules.ENCODING, String.format(java.util.Locale.ROOT,
                            "the text holds a lone surrogate \\u%04X (half of a character, from an escape); write "
                                    + "the whole character, e.g. \\U0001F600, or remove it", (int) c)));
                    return s;
                }
            }
            return s;
        }

        private YamlNode mapping(SourcePos at, int depth) throws IOException {
            Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
            JsonToken t;
            while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
                SourcePos keyPos = pos(parser.currentTokenLocation());
                String key = text(parser.currentName(), keyPos);
                JsonToken valueToken = parser.nextToken();
                YamlNode value = node(valueToken, depth + 1);
                if ("<<".equals(key)) {
                    out.add(Diagnostic.error(keyPos, YamlRules.MERGE_KEY,
                            "merge key '<<' is not supported; write the keys out in full"));
                    continue;
                }
                YamlNode.Entry previous = entries.get(key);
                if (previous != null) {
                    out.add(Diagnostic.error(keyPos, YamlRules.DUPLICATE_KEY, "duplicate key '" + key
                            + "' (first defined at line " + previous.keyPos().line() + "); remove one of them"));
                    continue;
                }
                entries.put(key, new YamlNode.Entry(key, keyPos, value));
            }
            return new YamlNode.Mapping(entries, at);
        }

        private YamlNode sequence(SourcePos at, int depth) throws IOException {
            List<YamlNode> items = new ArrayList<>();
            JsonToken t;
            while ((t = parser.nextToken()) != JsonToken.END_ARRAY && t != null) {
                items.add(node(t, depth + 1));
            }
            return new YamlNode.Sequence(items, at);
        }

        private SourcePos pos(JsonLocation loc) {
            if (loc == null || loc.getLineNr() < 1) {
                return new SourcePos(file, 1 + lineOffset, 1);
            }
            return new SourcePos(file, loc.getLineNr() + lineOffset, Math.max(1, loc.getColumnNr()));
        }

        /**
         * Jackson hides anchors on scalars and turns aliases into plain strings, so the YAML events
         * are scanned with SnakeYAML (the parser underneath Jackson) to find all of them.
         */
        private void scanAnchorsAliasesTags(String text) {
            try {
                for (Event ev : new Yaml(loaderOptions).parse(new StringReader(text))) {
                    Mark m = ev.getStartMark();
                    SourcePos at = new SourcePos(file, m.getLine() + 1 + lineOffset, m.getColumn() + 1);
                    if (ev instanceof AliasEvent alias) {
                        out.add(Diagnostic.error(at, YamlRules.ANCHOR_ALIAS, "alias '*" + alias.getAnchor()
                                + "' is not supported; write the value out in full"));
                        continue;
                    }
                    if (ev instanceof NodeEvent node && node.getAnchor() != null) {
                        out.add(Diagnostic.error(at, YamlRules.ANCHOR_ALIAS, "anchor '&" + node.getAnchor()
                                + "' is not supported; write every value out in full"));
                    }
                    String tag = null;
                    if (ev instanceof ScalarEvent sc) {
                        tag = sc.getTag();
                    } else if (ev instanceof CollectionStartEvent cs) {
                        tag = cs.getTag();
                    }
                    if (tag != null) {
                        String shown = tag.startsWith("tag:yaml.org,2002:") ? "!!" + tag.substring(18) : tag;
                        out.add(Diagnostic.error(at, YamlRules.TAG, "explicit tag '" + shown
                                + "' is not supported; remove it (quote the value if it must stay text)"));
                    }
                }
            } catch (RuntimeException syntaxError) {
                // reported with its location by the Jackson parse that follows
            }
        }

        /** SnakeYAML reports a tab at the end of the line before; point at the tab itself. */
        private SourcePos tabPosition(SourcePos reported) {
            String[] lines = text.split("\n", -1);
            for (int i = Math.max(0, reported.line() - lineOffset - 1); i < lines.length; i++) {
                String line = lines[i];
                int indentEnd = 0;
                while (indentEnd < line.length() && (line.charAt(indentEnd) == ' ' || line.charAt(indentEnd) == '\t')) {
                    indentEnd++;
                }
                int tab = line.substring(0, indentEnd).indexOf('\t');
                if (tab >= 0) {
                    return new SourcePos(file, i + 1 + lineOffset, tab + 1);
                }
            }
            return reported;
        }

        private Diagnostic syntaxError(JsonProcessingException e) {
            String raw = e.getOriginalMessage() == null ? "syntax error" : e.getOriginalMessage();
            SourcePos at = pos(e.getLocation());
            if (raw.contains("\\t(TAB)") || raw.contains("'\\t'")) {
                at = tabPosition(at);
                return Diagnostic.error(at, YamlRules.TAB_INDENT,
                        "tab character in indentation; YAML indents with spaces only");
            }
            return Diagnostic.error(at, YamlRules.SYNTAX, "YAML syntax error: " + summarize(raw));
        }
    }

    /** SnakeYAML messages span several lines with a source excerpt; keep the explanatory words. */
    static String summarize(String raw) {
        StringBuilder sb = new StringBuilder();
        for (String line : raw.split("\\R")) {
            String l = line.trim();
            if (l.isEmpty() || l.startsWith("in 'reader'") || l.startsWith("^") || l.startsWith("at [Source")) {
                continue;
            }
            if (line.startsWith("    ")) {
                continue; // excerpt of the source
            }
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(l);
        }
        return sb.length() == 0 ? raw.trim() : sb.toString();
    }

    private static final class BadEncoding extends Exception {
        final int offset;

        BadEncoding(int offset) {
            super(null, null, false, false);
            this.offset = offset;
        }
    }

    private static String decodeStrictUtf8(byte[] bytes) throws BadEncoding {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            return decoder.decode(in).toString();
        } catch (CharacterCodingException e) {
            // find the first offending byte: decode growing prefixes is costly, so re-run with a buffer
            java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
            ByteBuffer again = ByteBuffer.wrap(bytes);
            CharsetDecoder d2 = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            d2.decode(again, out, true);
            throw new BadEncoding(Math.min(again.position(), bytes.length - 1));
        }
    }

    private static SourcePos lineColAt(String file, byte[] bytes, int offset, int lineOffset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        String prefix = new String(bytes, lineStart, offset - lineStart, StandardCharsets.UTF_8);
        return new SourcePos(file, line + lineOffset, prefix.codePointCount(0, prefix.length()) + 1);
    }
}
