package dev.trackplan.render;

/** A template that cannot be used, with the origin and line of the problem. */
public final class TemplateException extends RuntimeException {
    private final String rule;
    private final String origin;
    private final int line;

    public TemplateException(String rule, String origin, int line, String message) {
        super(message, null, false, false);
        this.rule = rule;
        this.origin = origin;
        this.line = line;
    }

    public String rule() {
        return rule;
    }

    public String origin() {
        return origin;
    }

    public int line() {
        return line;
    }
}
