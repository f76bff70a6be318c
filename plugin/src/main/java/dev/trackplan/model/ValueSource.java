package dev.trackplan.model;

import dev.trackplan.diag.SourcePos;

/** A property's {@code from:}; {@code argument} is empty for the kinds that take none. */
public record ValueSource(SourceKind kind, String argument, SourcePos pos) {

    public String describe() {
        return kind.takesArgument() ? "{" + kind.id() + ": " + argument + "}" : kind.id();
    }
}
