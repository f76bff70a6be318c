package dev.trackplan.serve;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Watches folders (and their sub-folders, also ones created later) and calls back once per burst
 * of changes, after things have been quiet for a short while, so an editor's save-and-rename
 * triggers one rebuild.
 */
final class SourceWatcher implements AutoCloseable {
    private static final long QUIET_MILLIS = 150;
    private final WatchService watch;
    private final Thread thread;

    /** {@code onChange} receives the files (and folders) that changed in the burst, sorted. */
    SourceWatcher(List<Path> roots, Consumer<List<Path>> onChange) throws IOException {
        this.watch = FileSystems.getDefault().newWatchService();
        for (Path r : roots) {
            registerTree(r);
        }
        this.thread = new Thread(() -> loop(onChange), "trackplan-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void registerTree(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path dir : s.filter(Files::isDirectory).toList()) {
                dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    private void loop(Consumer<List<Path>> onChange) {
        try {
            while (true) {
                Set<Path> changed = new TreeSet<>();
                WatchKey key = watch.take();
                handle(key, changed);
                WatchKey more;
                while ((more = watch.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    handle(more, changed);
                }
                onChange.accept(List.copyOf(changed));
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: stop watching
        }
    }

    private void handle(WatchKey key, Set<Path> changed) {
        Path dir = (Path) key.watchable();
        for (var ev : key.pollEvents()) {
            if (ev.context() instanceof Path p) {
                changed.add(dir.resolve(p));
            }
            if (ev.kind() == StandardWatchEventKinds.ENTRY_CREATE && ev.context() instanceof Path p) {
                try {
                    registerTree(dir.resolve(p));
                } catch (IOException ignored) {
                    // a folder that vanished again; nothing to watch
                }
            }
        }
        key.reset();
    }

    @Override
    public void close() throws IOException {
        watch.close();
        thread.interrupt();
    }
}
