package dev.trackplan.site;

/** One internal reference found on a page: the element's tag, its href or src, and its text (abbreviated). */
public record PageLink(String tag, String ref, String text) {}
