package dev.trackplan.diag;

/** How bad a diagnostic is: errors fail the build, warnings are printed only. */
public enum Severity {
    ERROR,
    WARNING
}
