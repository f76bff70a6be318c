package dev.trackplan.site;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * The site's files by path, read-only. A page is held as its HTML (the one copy the verification
 * reads too) and encoded when its bytes are asked for, by the thread that writes it: no second
 * copy of every page is kept in memory. A page the build cache kept is held as its bytes with
 * their hash ({@link PageText}), so an unchanged page is neither decoded nor hashed again
 * ({@link #sha256}). A page the render workers already stored (a clean build writes pages to the
 * staging folder as they are rendered) is not held at all: its bytes are read back from where
 * they were stored when asked, its hash is known.
 */
final class SiteContents extends AbstractMap<String, byte[]> implements SortedMap<String, byte[]>, FileHashes {
    private final SortedMap<String, Object> raw;

    /** {@code raw}: each path to its bytes or to a page's {@link PageText}. */
    SiteContents(SortedMap<String, Object> raw) {
        this.raw = raw;
    }

    private static byte[] bytes(Object v) {
        return v instanceof PageText page ? page.bytes() : (byte[]) v;
    }

    @Override
    public String sha256(String path) {
        Object v = raw.get(path);
        return v == null ? null
                : v instanceof PageText page ? page.sha256() : dev.trackplan.io.Hashing.sha256Hex((byte[]) v);
    }

    @Override
    public byte[] get(Object key) {
        Object v = raw.get(key);
        return v == null ? null : bytes(v);
    }

    @Override
    public boolean containsKey(Object key) {
        return raw.containsKey(key);
    }

    @Override
    public int size() {
        return raw.size();
    }

    @Override
    public Set<String> keySet() {
        return Collections.unmodifiableSet(raw.keySet());
    }

    @Override
    public Set<Map.Entry<String, byte[]>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, byte[]>> iterator() {
                Iterator<Map.Entry<String, Object>> it = raw.entrySet().iterator();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return it.hasNext();
                    }

                    @Override
                    public Map.Entry<String, byte[]> next() {
                        Map.Entry<String, Object> e = it.next();
                        return new Map.Entry<>() { // encoded when asked, on the asking thread
                            @Override
                            public String getKey() {
                                return e.getKey();
                            }

                            @Override
                            public byte[] getValue() {
                                return bytes(e.getValue());
                            }

                            @Override
                            public byte[] setValue(byte[] value) {
                                throw new UnsupportedOperationException();
                            }
                        };
                    }
                };
            }

            @Override
            public int size() {
                return raw.size();
            }
        };
    }

    @Override
    public Comparator<? super String> comparator() {
        return raw.comparator();
    }

    @Override
    public SortedMap<String, byte[]> subMap(String fromKey, String toKey) {
        return new SiteContents(raw.subMap(fromKey, toKey));
    }

    @Override
    public SortedMap<String, byte[]> headMap(String toKey) {
        return new SiteContents(raw.headMap(toKey));
    }

    @Override
    public SortedMap<String, byte[]> tailMap(String fromKey) {
        return new SiteContents(raw.tailMap(fromKey));
    }

    @Override
    public String firstKey() {
        return raw.firstKey();
    }

    @Override
    public String lastKey() {
        return raw.lastKey();
    }
}
