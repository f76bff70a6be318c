package dev.trackplan.incremental;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Length-prefixed strings, lists and booleans for the cache's entries. */
final class Codec {
    private Codec() {}

    static final class Writer {
        private final ByteArrayOutputStream buf;
        private final DataOutputStream out;

        Writer() {
            this(256);
        }

        /** A writer for about {@code size} bytes (a page's HTML: written without growing its buffer again and again). */
        Writer(int size) {
            buf = new ByteArrayOutputStream(size);
            out = new DataOutputStream(buf);
        }

        Writer string(String s) {
            try {
                if (s == null) {
                    out.writeInt(-1);
                } else {
                    byte[] b = s.getBytes(StandardCharsets.UTF_8);
                    out.writeInt(b.length);
                    out.write(b);
                }
                return this;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Bytes as they are, length first. */
        Writer raw(byte[] b) {
            try {
                out.writeInt(b.length);
                out.write(b);
                return this;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Any int (a count is checked against the entry's size when read; this is not). */
        Writer number(int n) {
            return count(n);
        }

        Writer bool(boolean b) {
            try {
                out.writeBoolean(b);
                return this;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Writer strings(List<String> l) {
            count(l.size());
            l.forEach(this::string);
            return this;
        }

        Writer count(int n) {
            try {
                out.writeInt(n);
                return this;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        byte[] bytes() {
            return buf.toByteArray();
        }
    }

    /** Reads what a {@link Writer} wrote; any inconsistency throws, and the entry is then a miss. */
    static final class Reader {
        private final DataInputStream in;
        private final int length;

        Reader(byte[] b) {
            this.in = new DataInputStream(new ByteArrayInputStream(b));
            this.length = b.length;
        }

        String string() throws IOException {
            int n = in.readInt();
            if (n == -1) {
                return null;
            }
            if (n < 0 || n > in.available()) {
                throw new IOException("bad length");
            }
            return new String(in.readNBytes(n), StandardCharsets.UTF_8);
        }

        byte[] raw() throws IOException {
            int n = in.readInt();
            if (n < 0 || n > in.available()) {
                throw new IOException("bad length");
            }
            return in.readNBytes(n);
        }

        /**
         * Where the next bytes written by {@link Writer#raw} lie in the array read, skipped rather
         * than copied: {@code [0]} their offset, {@code [1]} their length.
         */
        int[] rawSlice() throws IOException {
            int n = in.readInt();
            if (n < 0 || n > in.available()) {
                throw new IOException("bad length");
            }
            int offset = length - in.available();
            in.skipNBytes(n);
            return new int[] {offset, n};
        }

        int number() throws IOException {
            return in.readInt();
        }

        boolean bool() throws IOException {
            return in.readBoolean();
        }

        int count() throws IOException {
            int n = in.readInt();
            if (n < 0 || n > length) {
                throw new IOException("bad count");
            }
            return n;
        }

        List<String> strings() throws IOException {
            int n = count();
            List<String> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(string());
            }
            return out;
        }

        void end() throws IOException {
            if (in.read() != -1) {
                throw new IOException("trailing bytes");
            }
        }
    }
}
