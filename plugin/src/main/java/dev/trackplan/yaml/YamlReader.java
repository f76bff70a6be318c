package dev.trackplan.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.trackplan.diag.Diagnostic;
import dev.trackplan.diag.Excerpt;
import dev.trackplan.diag.SourcePos;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
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
                    return new YamlNode.Scalar(text(parser.getText(), at), YamlNode.ScalarKind.STRING, at, contentPos(at));
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

        /** Where a string's content starts: past a quote, or on the first line of a block scalar. */
        private SourcePos contentPos(SourcePos at) {
            int index = at.line() - lineOffset - 1;
            String line = lineAt(index);
            int col = at.column() - 1;
            if (line == null || col >= line.length()) {
                return at;
            }
            char c = line.charAt(col);
            if (c == '"' || c == '\'') {
                return new SourcePos(file, at.line(), at.column() + 1);
            }
            if (c == '|') {
                for (int i = index + 1; lineAt(i) != null; i++) {
                    String next = lineAt(i);
                    if (!next.isBlank()) {
                        int indent = next.length() - next.stripLeading().length();
                        return new SourcePos(file, i + 1 + lineOffset, indent + 1);
                    }
                }
            }
            return at;
        }

        private String[] lines;

        private String lineAt(int index) {
            if (lines == null) {
                lines = text.split("\n", -1);
            }
            return index >= 0 && index < lines.length ? lines[index] : null;
        }

        /** The first value on lines 1..{@code line} whose opening quote is not closed on its own line. */
        private SourcePos unclosedQuoteBefore(int line) {
            for (int i = 0; i < line && lineAt(i) != null; i++) {
                Matcher m = QUOTED_VALUE.matcher(lineAt(i));
                if (m.matches() && !closes(m.group(1).charAt(0), m.group(2))) {
                    return new SourcePos(file, i + 1 + lineOffset, m.start(1) + 1);
                }
            }
            return null;
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
            String context = null;
            if (e.getCause() instanceof MarkedYAMLException marked) {
                context = marked.getContext();
                // an unclosed quote or a key without ':' is best shown where it starts
                Mark start = marked.getContextMark();
                if (start != null && plainWords(raw, context).startsWith(START_POINTED)) {
                    at = new SourcePos(file, start.getLine() + 1 + lineOffset, start.getColumn() + 1);
                }
            }
            String words = plainWords(raw, context);
            if (words.startsWith(START_POINTED)) {
                words = words.substring(START_POINTED.length());
            }
            if (raw.contains("mapping values are not allowed here")) {
                // tell the three usual causes apart by looking at the line and the one above it
                String line = lineAt(at.line() - lineOffset - 1);
                int colon = at.column() - 1;
                if (line != null && colon <= line.length()) {
                    String before = line.substring(0, Math.min(colon, line.length()));
                    if (before.contains(": ")) {
                        words = "a value contains ': ', which YAML reads as a new key; put the value in quotes "
                                + "(\"like: this\")";
                    } else {
                        int p = at.line() - lineOffset - 2;
                        while (p >= 0 && (lineAt(p).isBlank() || lineAt(p).strip().startsWith("#"))) {
                            p--;
                        }
                        String prev = p >= 0 ? lineAt(p) : null;
                        if (prev != null && !prev.contains(":") && !prev.strip().startsWith("-")) {
                            int indent = prev.length() - prev.stripLeading().length();
                            at = new SourcePos(file, p + 1 + lineOffset, indent + 1);
                            words = "missing ':' after the key '" + prev.strip() + "'; write 'key: value' (with a space "
                                    + "after the colon)";
                        } else {
                            at = new SourcePos(file, at.line(), line.length() - line.stripLeading().length() + 1);
                            words = "wrong indentation: this key is indented deeper than the key above it, but that "
                                    + "key already has a value; line it up with the keys of its map";
                        }
                    }
                }
            }
            SourcePos quote = unclosedQuoteBefore(at.line() - lineOffset);
            if (quote != null) {
                // a quoted value may span lines, so YAML only stumbles where the next quote is
                at = quote;
                words = "a quote opened here is never closed on its line; add the closing quote (or remove the "
                        + "opening one)";
            }
            String excerpt = Excerpt.of(text, at.line() - lineOffset, at.column());
            return Diagnostic.error(at, YamlRules.SYNTAX, words + (excerpt.isEmpty() ? "" : "\n" + excerpt));
        }
    }

    private static final String START_POINTED = "@start ";
    private static final Pattern QUOTED_VALUE =
            Pattern.compile("^\\s*(?:- )?(?:[^\\s#\"'][^#\"']*?:\\s+|- )([\"'])(.*)$");

    /** Does {@code rest} (after an opening quote) close it on the same line? */
    static boolean closes(char quote, String rest) {
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (quote == '"' && c == '\\') {
                i++;
            } else if (c == quote) {
                if (quote == '\'' && i + 1 < rest.length() && rest.charAt(i + 1) == '\'') {
                    i++; // '' is an escaped quote
                } else {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * SnakeYAML's message in plain words, with the likely cause. Messages best located where the
     * broken construct starts are prefixed with {@link #START_POINTED}.
     */
    static String plainWords(String raw, String context) {
        String ctx = context == null ? "" : context;
        if (raw.contains("quoted scalar") && raw.contains("end of stream")
                || ctx.contains("quoted scalar") && raw.contains("found unexpected end of stream")) {
            return START_POINTED + "a quote opened here is never closed; add the closing quote (or remove the "
                    + "opening one)";
        }
        if (raw.contains("could not find expected ':'")) {
            return START_POINTED + "missing ':' after a key; write 'key: value' (with a space after the colon), "
                    + "or indent a continued value under its key";
        }
        if (raw.contains("mapping values are not allowed here")) {
            return "unexpected ':' here: either a value contains ': ' and needs quotes (\"like: this\"), or this "
                    + "line is indented deeper than the key above it";
        }
        if (raw.contains("expected <block end>, but found '<block mapping start>'")
                || raw.contains("expected <block end>, but found '<scalar>'")) {
            return "wrong indentation: this line is indented differently from the keys above it; keys of one map "
                    + "must start in the same column (YAML counts the spaces)";
        }
        if (raw.contains("expected <block end>, but found '<block sequence start>'")
                || raw.contains("expected <block end>, but found '-'")
                || raw.contains("did not find expected '-' indicator")) {
            return "wrong indentation: this list item ('- ') does not line up with the items above it, or a list "
                    + "starts where a key was expected";
        }
        if (raw.contains("expected <block end>")) {
            return "wrong indentation: this line does not line up with the lines above it";
        }
        if (raw.contains("did not find expected key")) {
            return "wrong indentation or a stray line: this line does not line up with the keys of its map";
        }
        if (raw.contains("expected ',' or '}'") || ctx.contains("flow mapping")) {
            return START_POINTED + "a '{ ... }' map is not closed with '}' or its entries are not separated by ','";
        }
        if (raw.contains("expected ',' or ']'") || ctx.contains("flow sequence")) {
            return START_POINTED + "a '[ ... ]' list is not closed with ']' or its items are not separated by ','";
        }
        Matcher m = Pattern
                .compile("found character '(.+?)' that cannot start any token").matcher(raw);
        if (m.find()) {
            return "an unquoted value cannot start with '" + m.group(1) + "'; put the value in quotes";
        }
        return "YAML syntax error: " + summarize(raw);
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
