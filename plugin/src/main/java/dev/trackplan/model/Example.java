package dev.trackplan.model;

import dev.trackplan.diag.SourcePos;
import java.util.Map;

/**
 * An example executed at build time: the page it runs on (a site path, may be null), the element
 * HTML to add to it (may be null), and the property values expected in the call.
 */
public record Example(SourcePos pos, String page, SourcePos pagePos, String element, SourcePos elementPos,
        Map<String, Expected> expect) {

    public Example {
        expect = Map.copyOf(expect);
    }

    /** An expected value as written: text plus how YAML resolved it (number, text, ...). */
    public record Expected(String text, boolean isNumber, SourcePos pos) {}
}
