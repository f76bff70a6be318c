package dev.trackplan.io;

import java.util.Locale;

/**
 * Text as XML 1.0 can hold it. The JDK's XML writers escape {@code <} and {@code &} but write
 * control characters and lone surrogates as they are, which makes the file unparsable (a CI server
 * then drops the whole report); those are written as {@code \\uXXXX} instead.
 */
public final class XmlText {
    private XmlText() {}

    public static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            boolean ok = pair || c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xFFFD && !Character.isSurrogate(c));
            if (ok && sb == null) {
                if (pair) {
                    i++;
                }
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (pair) {
                sb.append(c).append(s.charAt(++i));
            } else if (ok) {
                sb.append(c);
            } else {
                sb.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
            }
        }
        return sb == null ? s : sb.toString();
    }
}
