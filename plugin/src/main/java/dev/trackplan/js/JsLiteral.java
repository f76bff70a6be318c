package dev.trackplan.js;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns a Java string into a complete JavaScript string literal with Jackson's JSON encoder,
 * additionally escaping {@code < > & '} and U+2028/U+2029, so the literal is also safe inside an
 * HTML {@code <script>} element ({@code </script}, {@code <!--} can never appear).
 */
public final class JsLiteral {
    private static final ObjectMapper MAPPER = new ObjectMapper(new JsonFactory().setCharacterEscapes(new ScriptSafe()));

    private JsLiteral() {}

    public static String quote(String value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a string", e);
        }
    }

    /** Any JSON-able value (maps, lists, numbers, strings) as a script-safe JavaScript literal. */
    public static String of(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a value", e);
        }
    }

    private static final class ScriptSafe extends CharacterEscapes {
        private static final SerializableString LS = new SerializedString("\\u2028");
        private static final SerializableString PS = new SerializedString("\\u2029");
        private final int[] ascii;

        ScriptSafe() {
            ascii = standardAsciiEscapesForJSON();
            for (char c : new char[] {'<', '>', '&', '\''}) {
                ascii[c] = ESCAPE_STANDARD;
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (ch == 0x2028) {
                return LS;
            }
            if (ch == 0x2029) {
                return PS;
            }
            return null;
        }
    }
}
