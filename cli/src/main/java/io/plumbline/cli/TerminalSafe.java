package io.plumbline.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The one place that keeps input text from commanding the terminal. Resource names, keys, messages and file names come
 * from hostile input: a raw ESC, CR or bidi override in them could move the cursor, rewrite a FAIL line as a PASS, or
 * reorder what is shown. Every byte the command line writes to standard output and standard error passes through
 * {@link #wrap}, which replaces such characters with a visible escape:
 * <ul>
 *   <li>C0 controls except line feed and tab: {@code \x1b}, {@code \r}...</li>
 *   <li>DEL, C1 controls (U+007F-U+009F) and the bidirectional embeddings, overrides and isolates (U+202A-U+202E,
 *       U+2066-U+2069): {@code \u0085}, {@code \u202e}...</li>
 * </ul>
 * The escapes are also valid JSON string escapes for every character a JSON writer leaves raw (DEL, C1, bidi; it escapes
 * C0 itself), so a JSON document on standard output stays valid and means the same.
 */
final class TerminalSafe {
    private TerminalSafe() {
    }

    /** Whether a code point must not reach a terminal raw. */
    static boolean mustEscape(int cp) {
        return cp < 0x20 && cp != '\n' && cp != '\t' || cp >= 0x7f && cp <= 0x9f
                || cp >= 0x202a && cp <= 0x202e || cp >= 0x2066 && cp <= 0x2069;
    }

    /** The visible form of a code point that {@link #mustEscape} says must not be written raw. */
    static String escape(int cp) {
        if (cp == '\r') return "\\r";
        // DEL is left raw by JSON writers, like C1: its escape must be one JSON reads too.
        if (cp < 0x7f) return String.format("\\x%02x", cp);
        return String.format("\\u%04x", cp);
    }

    /** {@code text} with every character that must not reach a terminal raw escaped. */
    static String escape(String text) {
        if (text == null) return null;
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (mustEscape(c)) {
                if (sb == null) sb = new StringBuilder(text.length() + 8).append(text, 0, i);
                sb.append(escape(c));
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? text : sb.toString();
    }

    /** A UTF-8 print stream that writes to {@code out} with every character {@link #mustEscape} says escaped. */
    static PrintStream wrap(OutputStream out) {
        return new PrintStream(new Filter(out), true, StandardCharsets.UTF_8);
    }

    /**
     * Escapes on the UTF-8 bytes: C0 and DEL are single bytes that never occur inside a multi-byte sequence; C1 is
     * {@code C2 80..9F}; the bidi controls are {@code E2 80 AA..AE} and {@code E2 81 A6..A9}. Runs of other bytes are
     * written through in one call. A sequence split across two writes is held until its end arrives.
     */
    static final class Filter extends FilterOutputStream {
        private final byte[] pending = new byte[2];
        private int pendingLength;

        Filter(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            int run = off; // start of bytes not yet written
            int end = off + len;
            for (int i = off; i < end; i++) {
                int x = b[i] & 0xff;
                if (pendingLength > 0) {
                    // i == off here: pending bytes are only ever the last ones of a call
                    i = continuePending(b, i, end) - 1;
                    run = i + 1;
                    continue;
                }
                if (x >= 0x20 && x < 0x7f) continue; // printable ASCII: nearly every byte of a report
                if (x < 0x80) {
                    if (mustEscape(x)) {
                        out.write(b, run, i - run);
                        writeAscii(escape(x));
                        run = i + 1;
                    }
                } else if (x == 0xC2 || x == 0xE2) {
                    int needed = x == 0xC2 ? 2 : 3;
                    if (i + needed <= end) {
                        int cp = x == 0xC2 ? decode2(b[i + 1]) : decode3(b[i + 1], b[i + 2]);
                        if (cp >= 0 && mustEscape(cp)) {
                            out.write(b, run, i - run);
                            writeAscii(escape(cp));
                            i += needed - 1;
                            run = i + 1;
                        }
                    } else {
                        out.write(b, run, i - run);
                        for (int k = i; k < end; k++) pending[pendingLength++] = b[k];
                        return;
                    }
                }
            }
            out.write(b, run, end - run);
        }

        /** Completes a held sequence with bytes from {@code b[i..end)}; returns the index after what it used. */
        private int continuePending(byte[] b, int i, int end) throws IOException {
            int needed = (pending[0] & 0xff) == 0xC2 ? 2 : 3;
            byte[] seq = new byte[needed];
            int have = pendingLength;
            System.arraycopy(pending, 0, seq, 0, have);
            int used = Math.min(needed - have, end - i);
            System.arraycopy(b, i, seq, have, used);
            if (have + used < needed) {
                System.arraycopy(seq, have, pending, have, used);
                pendingLength = have + used;
                return i + used;
            }
            pendingLength = 0;
            int cp = needed == 2 ? decode2(seq[1]) : decode3(seq[1], seq[2]);
            if (cp >= 0 && mustEscape(cp)) {
                writeAscii(escape(cp));
                return i + used;
            }
            // Not one to escape: write the lead byte and read the rest again (it may start a sequence itself).
            out.write(seq, 0, 1);
            pending[0] = 0;
            if (have > 1) {
                // the held continuation bytes are ordinary bytes now
                write(seq, 1, have - 1);
            }
            return i;
        }

        private static int decode2(byte b1) {
            int c = b1 & 0xff;
            return c >= 0x80 && c <= 0xBF ? c : -1; // C2 xx encodes U+00xx
        }

        private static int decode3(byte b1, byte b2) {
            int c1 = b1 & 0xff;
            int c2 = b2 & 0xff;
            if ((c1 & 0xC0) != 0x80 || (c2 & 0xC0) != 0x80) return -1;
            return 0x2000 | (c1 & 0x3f) << 6 | (c2 & 0x3f); // E2 xx yy encodes U+2xxx
        }

        private void writeAscii(String s) throws IOException {
            out.write(s.getBytes(StandardCharsets.US_ASCII));
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            if (pendingLength > 0) out.write(pending, 0, pendingLength);
            pendingLength = 0;
            super.close();
        }
    }
}
