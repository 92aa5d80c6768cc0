package org.frontline.ingest;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Utf8Test {

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    @Test
    void decodesValidUtf8IncludingMultibyteCharacters() throws Exception {
        String s = "Kyiv — Київ, 20 km² \uD83D\uDE80";
        assertThat(Utf8.decode(s.getBytes(StandardCharsets.UTF_8))).isEqualTo(s);
        assertThat(Utf8.decode("plain ascii".getBytes(StandardCharsets.US_ASCII))).isEqualTo("plain ascii");
        assertThat(Utf8.decode(new byte[0])).isEmpty();
    }

    @Test
    void invalidByteIsReportedWithItsOffset() {
        byte[] b = concat("abc ".getBytes(StandardCharsets.UTF_8), bytes(0xFF, 0xFE), " def".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> Utf8.decode(b))
                .isInstanceOf(Utf8.InvalidUtf8Exception.class)
                .hasMessageContaining("byte offset 4")
                .hasMessageContaining("\\xff")
                .satisfies(e -> assertThat(((Utf8.InvalidUtf8Exception) e).byteOffset()).isEqualTo(4));
    }

    @Test
    void overlongEncodingsSurrogatesAndTruncatedSequencesAreRejected() {
        assertThatThrownBy(() -> Utf8.decode(bytes(0xC0, 0xAF))).isInstanceOf(Utf8.InvalidUtf8Exception.class);
        assertThatThrownBy(() -> Utf8.decode(bytes(0xED, 0xA0, 0x80))).isInstanceOf(Utf8.InvalidUtf8Exception.class);
        assertThatThrownBy(() -> Utf8.decode(bytes('a', 0xE2, 0x82)))
                .isInstanceOf(Utf8.InvalidUtf8Exception.class)
                .hasMessageContaining("byte offset 1");
        // Latin-1 text (as some old dumps are) is not UTF-8.
        assertThatThrownBy(() -> Utf8.decode("caf\u00e9".getBytes(StandardCharsets.ISO_8859_1)))
                .isInstanceOf(Utf8.InvalidUtf8Exception.class)
                .hasMessageContaining("byte offset 3");
    }

    @Test
    void decodesARangeWithOffsetsRelativeToItsStart() throws Exception {
        byte[] b = concat(bytes(0xFF), "ok ".getBytes(StandardCharsets.UTF_8), bytes(0xFF));
        assertThat(Utf8.decode(b, 1, 3)).isEqualTo("ok ");
        assertThatThrownBy(() -> Utf8.decode(b, 1, 4)).hasMessageContaining("byte offset 3");
    }

    @Test
    void excerptShowsInvalidBytesAsHexEscapes() {
        byte[] b = concat("{\"text\": \"bad ".getBytes(StandardCharsets.UTF_8), bytes(0xFF, 0xFE),
                " Київ\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(Utf8.excerpt(b, 200)).isEqualTo("{\"text\": \"bad \\xff\\xfe Київ\"}");
    }

    @Test
    void excerptIsCutAtMaxCharsWithoutSplittingCharacters() {
        byte[] b = "Київ ".repeat(100).getBytes(StandardCharsets.UTF_8);
        assertThat(Utf8.excerpt(b, 7)).isEqualTo("Київ Ки");
        byte[] emoji = "\uD83D\uDE80\uD83D\uDE80".getBytes(StandardCharsets.UTF_8);
        assertThat(Utf8.excerpt(emoji, 3)).isEqualTo("\uD83D\uDE80");
        assertThat(Utf8.excerpt(new byte[0], 10)).isEmpty();
    }

    @Test
    void excerptOfAHugeArrayOnlyLooksAtItsStart() {
        byte[] huge = new byte[50_000_000];
        java.util.Arrays.fill(huge, (byte) 'x');
        assertThat(Utf8.excerpt(huge, 200)).hasSize(200);
    }
}
