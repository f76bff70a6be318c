package dev.trackplan.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trackplan.diag.Diagnostic;
import dev.trackplan.diag.Diagnostics;
import dev.trackplan.load.SpecLoader;
import dev.trackplan.model.EventSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each file of the corpus breaks one rule. The line that breaks it carries a marker comment
 * {@code # <- TPxxx @token}: the diagnostic must be on that line, at the column where {@code token}
 * starts, with that rule id, and it must be the only error of the file.
 */
class InvalidSpecCorpusTest {
    static final Path CORPUS = Path.of("src/test/resources/corpus/invalid");
    private static final Pattern MARKER = Pattern.compile("# <- (TP\\d{3}) @(.+)$");

    record Expected(String rule, int line, int column) {}

    static Stream<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(CORPUS)) {
            return s.sorted().toList().stream();
        }
    }

    static Expected expected(Path file) throws IOException {
        List<String> lines = List.of(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).split("\n", -1));
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = MARKER.matcher(lines.get(i));
            if (m.find()) {
                String token = m.group(2).trim();
                int col = lines.get(i).indexOf(token) + 1;
                return new Expected(m.group(1), i + 1, col);
            }
        }
        throw new IllegalStateException(file + " has no '# <- TPxxx @token' marker");
    }

    static List<Diagnostic> check(Path file, Diagnostics d) {
        List<EventSpec> events = new SpecLoader(file.getParent()).loadFile(file, d);
        new PlanChecker().check(events, d);
        return d.errors();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void eachFileReportsExactlyItsOneError(Path file) throws IOException {
        Expected want = expected(file);
        List<Diagnostic> errors = check(file, new Diagnostics());
        assertThat(errors).as("errors of %s", file.getFileName()).hasSize(1);
        Diagnostic got = errors.get(0);
        assertThat(got.file()).isEqualTo(file.getFileName().toString());
        assertThat(new Expected(got.code(), got.line(), got.column())).as(got.format()).isEqualTo(want);
        assertThat(got.message()).isNotBlank().doesNotContain("Exception");
    }

    @Test
    void corpusIsLargeEnough() throws IOException {
        assertThat(files().count()).isGreaterThanOrEqualTo(40);
    }

    /** Conventions and privacy are plan-wide (one block per plan): files that set them are checked alone. */
    static boolean setsThePlan(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.ISO_8859_1);
        return text.startsWith("conventions:") || text.startsWith("privacy:") || text.contains("\nconventions:")
                || text.contains("\nprivacy:");
    }

    @Test
    void aBuildOfTheWholeCorpusReportsEveryFilesError(@TempDir Path dir) throws IOException {
        List<Path> together = new java.util.ArrayList<>();
        for (Path f : files().toList()) {
            if (!setsThePlan(f)) {
                Files.copy(f, dir.resolve(f.getFileName()));
                together.add(f);
            }
        }
        Diagnostics d = new Diagnostics();
        List<EventSpec> events = new SpecLoader(dir).load(dir, d);
        new PlanChecker().check(events, d);
        long files = together.size();
        // one error per file, plus the event name most files share ('good_event') defined again
        assertThat(d.errors().stream().map(Diagnostic::file).distinct().count()).isEqualTo(files);
        for (Path f : together) {
            Expected want = expected(f);
            assertThat(d.errors()).anyMatch(e -> e.file().equals(f.getFileName().toString())
                    && e.code().equals(want.rule()) && e.line() == want.line() && e.column() == want.column());
        }
    }
}
