package dev.trackplan.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrashTest {
    @Test
    void theReplacedSiteIsDeletedLaterAndLinksAreNotFollowed(@TempDir Path dir) throws Exception {
        Path outside = Files.writeString(Files.createDirectories(dir.resolve("outside")).resolve("keep.txt"), "mine");
        Path old = Files.createDirectories(dir.resolve("old/sub"));
        Files.writeString(old.resolve("page.html"), "x");
        Files.createSymbolicLink(old.resolve("link"), outside.getParent());
        Trash trash = new Trash(dir.resolve("work"));
        assertThat(trash.put(dir.resolve("old"))).isTrue();
        assertThat(dir.resolve("old")).doesNotExist();
        assertThat(dir.resolve("work/trash")).isNotEmptyDirectory();
        trash.emptyInBackground().join();
        assertThat(dir.resolve("work/trash")).isEmptyDirectory();
        assertThat(outside).hasContent("mine");
    }
}
