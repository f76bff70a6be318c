package dev.trackplan.pipeline;

import dev.trackplan.testing.TestSites;
import java.nio.file.Path;

/** Builds the project at {@code args[0]} (as {@link IncrementalSiteTest#config}) and prints the summary: a JVM restart in a test. */
public final class BuildInAnotherJvm {
    private BuildInAnotherJvm() {}

    public static void main(String[] args) {
        try (Trackplan t = new Trackplan()) {
            BuildResult r = t.build(IncrementalSiteTest.config(new TestSites(Path.of(args[0]))));
            r.summary().forEach(System.out::println);
            r.errors().forEach(e -> System.out.println("ERROR " + e.format()));
        }
    }
}
