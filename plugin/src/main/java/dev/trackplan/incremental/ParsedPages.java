package dev.trackplan.incremental;

import dev.trackplan.diag.SourcePos;
import dev.trackplan.site.Page;
import dev.trackplan.site.PageLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each page as {@link PageLoader} read it (front matter parsed: title, date, tags, section and
 * every other key; its body), in {@code target/trackplan/incremental/parsed-*.bin}, by the page
 * file's path and the hash of its bytes ({@link InputStamps}: a file whose size, time and id are
 * unchanged is not read to know it). So a build reads and parses only the pages that changed;
 * lists, feeds and the navigation still see every page. Only pages read without any diagnostic
 * are kept (a page with a mistake is read again and reports it again), valid only for the plugin
 * build that wrote them ({@link BuildIdentity}); a missing or damaged entry is a miss.
 */
public final class ParsedPages implements PageLoader.Cache {
    private final Path dir;
    private volatile Shards shards;
    private final InputStamps stamps;
    private final Set<String> live = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicInteger hits = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger misses = new java.util.concurrent.atomic.AtomicInteger();

    private ParsedPages(Path dir, InputStamps stamps) {
        this.dir = dir;
        this.stamps = stamps;
    }

    /** Read on first use, by the thread that loads the pages. */
    private Shards shards() {
        Shards s = shards;
        if (s == null) {
            synchronized (this) {
                s = shards;
                if (s == null) {
                    s = new Shards(dir, "parsed", BuildIdentity.get());
                    shards = s;
                }
            }
        }
        return s;
    }

    /** The pages kept under {@code dir}; {@code stamps}: this build's input hashes (the pages' among them). */
    public static ParsedPages open(Path dir, InputStamps stamps) {
        return new ParsedPages(dir, stamps);
    }

    @Override
    public Page get(Path file, String rel, String shown) {
        String key = key(file);
        live.add(key);
        String hash = stamps.known(file);
        byte[] b = hash == null ? null : shards().get(key);
        Page p = b == null ? null : decode(b, hash + "\u0000" + rel, shown);
        (p != null ? hits : misses).incrementAndGet();
        return p;
    }

    /** A page read by this build, encoded only when its shard file is written. */
    private record Fresh(String hashAndRel, String shown, Page page) {}

    private final Map<String, Fresh> fresh = new ConcurrentHashMap<>();

    @Override
    public void put(Path file, String rel, String shown, Page page) {
        String hash = stamps.known(file);
        if (hash != null) {
            // the page is held by the build anyway: encoded one shard file at a time when saved, so
            // a clean build never holds every page encoded at once
            fresh.put(key(file), new Fresh(hash + "\u0000" + rel, shown, page));
        }
    }

    /** How many pages were taken from the cache, not read. */
    public int hits() {
        return hits.get();
    }

    /** How many pages were read and parsed (not in the cache, or changed). */
    public int misses() {
        return misses.get();
    }

    /** Writes what changed; pages not asked for by this build (deleted, renamed) are dropped. */
    public void save() throws IOException {
        shards().retain(live);
        shards().saveEach(fresh.keySet(), k -> {
            Fresh f = fresh.get(k);
            try {
                return encode(f.hashAndRel(), f.shown(), f.page());
            } catch (UncheckedIOException e) {
                return null; // a value front matter does not give: not kept, the page is read next time
            }
        });
        fresh.clear();
    }

    private static String key(Path file) {
        return file.toAbsolutePath().normalize().toString();
    }

    /** {@code hash}: the file's content hash and its path under the pages folder (what decides its URL). */
    static byte[] encode(String hash, String shown, Page p) {
        Codec.Writer w = new Codec.Writer().string(hash).string(shown).string(p.source()).string(p.url())
                .string(p.output()).string(p.title()).string(p.description()).string(p.layout()).bool(p.draft())
                .string(p.date()).number(p.weight()).string(p.body()).bool(p.markdown());
        pos(w, p.bodyPos());
        Page.Extras x = p.extras();
        w.string(x.summary());
        located(w, x.image());
        w.strings(x.tags());
        value(w, x.params());
        value(w, x.meta());
        w.count(x.aliases().size());
        x.aliases().forEach(a -> located(w, a));
        w.string(x.nav() == null ? null : x.nav().toString());
        w.string(x.menu() == null ? null : x.menu().toString());
        w.string(x.lastmod()).string(x.publishDate()).string(x.expiryDate());
        w.string(x.paginate() == null ? null : x.paginate().toString());
        return w.bytes();
    }

    /** The page, or null when the entry is for other bytes, another display path, or unreadable. */
    static Page decode(byte[] b, String hash, String shown) {
        try {
            Codec.Reader r = new Codec.Reader(b);
            if (!hash.equals(r.string()) || !shown.equals(r.string())) {
                return null;
            }
            String source = r.string();
            String url = r.string();
            String output = r.string();
            String title = r.string();
            String description = r.string();
            String layout = r.string();
            boolean draft = r.bool();
            String date = r.string();
            int weight = r.number();
            String body = r.string();
            boolean markdown = r.bool();
            SourcePos bodyPos = pos(r);
            String summary = r.string();
            Page.Located image = located(r);
            List<String> tags = List.copyOf(r.strings());
            @SuppressWarnings("unchecked")
            Map<String, Object> params = (Map<String, Object>) value(r);
            Map<String, String> meta = new LinkedHashMap<>();
            @SuppressWarnings("unchecked")
            Map<String, Object> metaRead = (Map<String, Object>) value(r);
            metaRead.forEach((k, v) -> meta.put(k, (String) v));
            int n = r.count();
            List<Page.Located> aliases = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                aliases.add(located(r));
            }
            String nav = r.string();
            String menu = r.string();
            String lastmod = r.string();
            String publishDate = r.string();
            String expiryDate = r.string();
            String paginate = r.string();
            r.end();
            Page.Extras extras = new Page.Extras(summary, image, tags, params, meta, List.copyOf(aliases),
                    nav == null ? null : Boolean.valueOf(nav), menu == null ? null : Integer.valueOf(menu), lastmod,
                    publishDate, expiryDate, paginate == null ? null : Integer.valueOf(paginate));
            if (source == null || url == null || output == null || title == null || body == null) {
                return null;
            }
            return new Page(source, url, output, title, description, layout, draft, date, weight, body, markdown,
                    bodyPos, extras);
        } catch (IOException | RuntimeException e) {
            return null; // a damaged or foreign entry: read the page
        }
    }

    private static void pos(Codec.Writer w, SourcePos p) {
        w.string(p.file()).number(p.line()).number(p.column());
    }

    private static SourcePos pos(Codec.Reader r) throws IOException {
        return new SourcePos(r.string(), r.number(), r.number());
    }

    private static void located(Codec.Writer w, Page.Located l) {
        w.bool(l != null);
        if (l != null) {
            w.string(l.value());
            pos(w, l.pos());
        }
    }

    private static Page.Located located(Codec.Reader r) throws IOException {
        return r.bool() ? new Page.Located(r.string(), pos(r)) : null;
    }

    /** A front matter value: a string, a boolean, a list or a map (in its order) of such values. */
    private static void value(Codec.Writer w, Object v) {
        if (v instanceof String s) {
            w.count(0).string(s);
        } else if (v instanceof Boolean b) {
            w.count(1).bool(b);
        } else if (v instanceof List<?> l) {
            w.count(2).count(l.size());
            l.forEach(i -> value(w, i));
        } else if (v instanceof Map<?, ?> m) {
            w.count(3).count(m.size());
            m.forEach((k, i) -> {
                w.string((String) k);
                value(w, i);
            });
        } else {
            // not a value front matter gives: never kept (the page is read next time)
            throw new UncheckedIOException(new IOException("cannot keep " + (v == null ? "null" : v.getClass())));
        }
    }

    private static Object value(Codec.Reader r) throws IOException {
        int type = r.count();
        switch (type) {
            case 0:
                String s = r.string();
                if (s == null) {
                    throw new IOException("null value");
                }
                return s;
            case 1:
                return r.bool();
            case 2: {
                int n = r.count();
                List<Object> out = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    out.add(value(r));
                }
                return java.util.Collections.unmodifiableList(out);
            }
            case 3: {
                int n = r.count();
                Map<String, Object> out = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    out.put(r.string(), value(r));
                }
                return out;
            }
            default:
                throw new IOException("bad value type " + type);
        }
    }
}
