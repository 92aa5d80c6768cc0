package org.frontline.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 decoding. Spark's text readers silently turn bad bytes into U+FFFD; Frontline reads bytes
 * itself so that a record with invalid encoding is quarantined instead of annotated as mojibake.
 */
public final class Utf8 {

    private Utf8() {
    }

    /** Thrown when bytes are not valid UTF-8; says where the first bad byte is. */
    public static final class InvalidUtf8Exception extends Exception {
        private static final long serialVersionUID = 1L;
        private final int byteOffset;

        InvalidUtf8Exception(int byteOffset, String message) {
            super(message);
            this.byteOffset = byteOffset;
        }

        /** 0-based offset of the first invalid byte, relative to the start of the decoded range. */
        public int byteOffset() {
            return byteOffset;
        }
    }

    /** Decodes all of {@code bytes} strictly. */
    public static String decode(byte[] bytes) throws InvalidUtf8Exception {
        return decode(bytes, 0, bytes.length);
    }

    /** Decodes {@code length} bytes from {@code offset} strictly: malformed or unmappable input fails with its offset. */
    public static String decode(byte[] bytes, int offset, int length) throws InvalidUtf8Exception {
        if (isAscii(bytes, offset, length)) {
            // Most news text is ASCII; the JDK's String constructor is much faster than a decoder for it.
            return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        }
        CharsetDecoder decoder = strictDecoder();
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
        CharBuffer out = CharBuffer.allocate(length); // UTF-8 never yields more chars than bytes
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int at = in.position() - offset;
            StringBuilder bad = new StringBuilder();
            for (int i = 0; i < result.length(); i++) {
                appendHexByte(bad, bytes[in.position() + i]);
            }
            throw new InvalidUtf8Exception(at, "invalid UTF-8 at byte offset " + at + " (" + bad + ")");
        }
        decoder.flush(out);
        out.flip();
        return out.toString();
    }

    /**
     * The first {@code maxChars} characters of {@code bytes} decoded as UTF-8, each invalid byte shown as
     * {@code \xNN}, so that a quarantine row shows what was wrong.
     */
    public static String excerpt(byte[] bytes, int maxChars) {
        // Each character takes at most 4 bytes, so there is no need to look further than this.
        int window = (int) Math.min(bytes.length, 4L * maxChars + 4);
        boolean whole = window == bytes.length;
        CharsetDecoder decoder = strictDecoder();
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, window);
        CharBuffer out = CharBuffer.allocate(Math.min(window, maxChars + 8) + 1);
        StringBuilder sb = new StringBuilder();
        while (sb.length() < maxChars) {
            CoderResult r = decoder.decode(in, out, whole);
            out.flip();
            sb.append(out);
            out.clear();
            if (r.isError()) {
                for (int i = 0; i < r.length(); i++) {
                    appendHexByte(sb, in.get());
                }
            } else if (!r.isOverflow()) {
                break; // underflow: the window is used up (a cut-off character at its end is left out)
            }
        }
        return truncate(sb, maxChars);
    }

    /** At most {@code maxChars} characters of {@code s}, never splitting a surrogate pair. */
    static String truncate(CharSequence s, int maxChars) {
        if (s.length() <= maxChars) {
            return s.toString();
        }
        int end = maxChars;
        if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.subSequence(0, end).toString();
    }

    private static boolean isAscii(byte[] bytes, int offset, int length) {
        for (int i = offset, end = offset + length; i < end; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private static CharsetDecoder strictDecoder() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static void appendHexByte(StringBuilder sb, byte b) {
        sb.append("\\x").append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
    }
}
