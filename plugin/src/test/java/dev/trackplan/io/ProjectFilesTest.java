package dev.trackplan.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectFilesTest {

    @Test
    void linksOutOfTheProjectAreRefusedAndLinksInsideFollowed(@TempDir Path tmp) throws IOException {
        Path project = Files.createDirectories(tmp.resolve("project"));
        Path secret = Files.writeString(tmp.resolve("settings.xml"), "<password>hunter2</password>");
        Path outsideDir = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.writeString(outsideDir.resolve("x.txt"), "x");
        Path assets = Files.createDirectories(project.resolve("assets"));
        Files.writeString(assets.resolve("ok.txt"), "ok");
        Files.writeString(project.resolve("shared.txt"), "shared");
        Files.createSymbolicLink(assets.resolve("leak.txt"), secret);
        Files.createSymbolicLink(assets.resolve("dir"), outsideDir);
        Files.createSymbolicLink(assets.resolve("inside.txt"), project.resolve("shared.txt"));
        Files.createSymbolicLink(assets.resolve("loop"), assets);

        ProjectFiles.Listing l = new ProjectFiles(project).walk(assets, n -> true);

        assertThat(l.files()).extracting(p -> assets.relativize(p).toString()).containsExactly("inside.txt", "ok.txt");
        assertThat(l.refused()).extracting(r -> assets.relativize(r.file()).toString())
                .containsExactly("dir", "leak.txt", "loop");
        assertThat(l.refused().get(1).reason()).contains("outside the project");
        assertThat(l.refused().get(2).reason()).contains("loops");
    }

    @Test
    void aProjectReachedThroughALinkIsStillInside(@TempDir Path tmp) throws IOException {
        Path real = Files.createDirectories(tmp.resolve("real"));
        Files.writeString(Files.createDirectories(real.resolve("pages")).resolve("a.md"), "a");
        Path link = Files.createSymbolicLink(tmp.resolve("link"), real);
        assertThat(new ProjectFiles(link).walk(link.resolve("pages"), n -> true).files()).hasSize(1);
    }

    @Test
    void namesFromFilesMustStayInsideTheirFolder() {
        Path dir = Path.of("layouts");
        assertThat(ProjectFiles.resolveName(dir, "partials/nav.html.mustache")).isEqualTo(dir.resolve("partials/nav.html.mustache"));
        for (String bad : new String[] {"/etc/passwd", "../../x", "a/../../b", "a//b", "./a", "", "a\u0000b", "C:x",
                "a\\..\\b", "\ud800"}) {
            assertThatThrownBy(() -> ProjectFiles.resolveName(dir, bad)).as(bad)
                    .isInstanceOf(ProjectFiles.BadNameException.class);
        }
        assertThatThrownBy(() -> ProjectFiles.resolveName(dir, "a\u0000b")).hasMessageContaining("\\u0000")
                .hasMessageNotContaining("\u0000");
    }
}
