package io.plumbline.source.tree;

import io.plumbline.source.InputException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a text input strictly, so that a byte sequence that is not valid text is an error naming its byte offset and
 * line (in the user's terms) rather than a replacement character or a Java exception name.
 */
public final class Utf {
    private Utf() {
    }

    /** UTF-8 (with or without a byte order mark), or UTF-16/UTF-32 when a byte order mark says so. */
    public static String decode(byte[] b, String file) {
        Charset charset = StandardCharsets.UTF_8;
        int start = 0;
        if (startsWith(b, 0x00, 0x00, 0xFE, 0xFF)) {
            charset = Charset.forName("UTF-32BE");
            start = 4;
        } else if (startsWith(b, 0xFF, 0xFE, 0x00, 0x00)) {
            charset = Charset.forName("UTF-32LE");
            start = 4;
        } else if (startsWith(b, 0xEF, 0xBB, 0xBF)) {
            start = 3;
        } else if (startsWith(b, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            start = 2;
        } else if (startsWith(b, 0xFF, 0xFE)) {
            charset = StandardCharsets.UTF_16LE;
            start = 2;
        }
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b, start, b.length - start);
        CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8L,
                (long) (b.length - start) * (long) Math.ceil(decoder.maxCharsPerByte())));
        CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) r = decoder.flush(out);
        if (r.isError()) {
            int offset = in.position();
            throw new InputException(file, lineAt(b, offset), 0, charset == StandardCharsets.UTF_8 ? invalidUtf8(offset)
                    : "invalid " + charset.name() + " at byte offset " + offset);
        }
        out.flip();
        return out.toString();
    }

    /** The offset of the first byte of {@code b[off..off+len)} that is not valid UTF-8, or -1. */
    static int firstMalformedUtf8(byte[] b, int off, int len) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b, off, len);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult r = decoder.decode(in, out, true);
            if (r.isError()) return in.position();
            if (r.isUnderflow()) return -1;
            out.clear();
        }
    }

    static String invalidUtf8(int offset) {
        return "invalid UTF-8 at byte offset " + offset + " (the file must be UTF-8 text)";
    }

    static int lineAt(byte[] b, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < b.length; i++) if (b[i] == '\n') line++;
        return line;
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if ((b[i] & 0xff) != prefix[i]) return false;
        return true;
    }
}
