package org.frontline.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * A saved web page: one article per file, read whole (up to {@link IngestOptions#maxRecordBytes()}) and turned
 * into fields by {@link HtmlPage}. Its record ref is the file name and line 1.
 *
 * <p>Encoding: a byte order mark decides; else the charset the page declares in {@code <meta charset>} or
 * {@code <meta http-equiv=Content-Type>} within its first {@value #PRESCAN_BYTES} bytes, with the labels the
 * WHATWG Encoding Standard gives browsers ("iso-8859-1" and "ascii" mean windows-1252); else UTF-8. Decoding is
 * strict in every charset, as in the other readers: bytes that are not text in the page's charset are
 * quarantined ({@code invalid_encoding}), not annotated as mojibake. A page that declares a legacy charset but
 * whose bytes are valid UTF-8 with non-ASCII characters is read as UTF-8: it was re-saved as UTF-8 without its
 * meta tag being updated (legacy-encoded text is never valid UTF-8 by accident beyond a few bytes).
 */
final class HtmlSource extends RecordSource {

    /** How far to look for a {@code <meta charset>}: more than the spec's 1024, as pages put long comments first. */
    static final int PRESCAN_BYTES = 8192;
    private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:+-]+)");

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    /** WHATWG labels that Java knows by another charset, or not at all. */
    private static final Map<String, Charset> LABELS = labels();

    private final InputStream in;
    private boolean done;
    private long lines = 1;
    private boolean reading;
    /** The first bytes of a page over the size limit, for its excerpt. */
    private byte[] excerptStart;

    HtmlSource(InputStream in, String sourceFile, IngestOptions options) {
        super(sourceFile, options);
        this.in = in;
    }

    @Override
    boolean produce(Deque<IngestResult> out) throws IOException {
        if (done) {
            return false;
        }
        done = true;
        reading = true;
        out.add(readPage());
        reading = false;
        return true;
    }

    @Override
    long lineReached() {
        return lines;
    }

    @Override
    long pendingRecordLine() {
        return reading ? 1 : 0;
    }

    private IngestResult readPage() throws IOException {
        int max = options.maxRecordBytes();
        byte[] page = new byte[(int) Math.min(max, 64 * 1024)];
        int length = 0;
        long total = 0;
        byte[] chunk = new byte[64 * 1024];
        int n;
        while ((n = in.read(chunk)) >= 0) {
            for (int i = 0; i < n; i++) {
                if (chunk[i] == '\n') {
                    lines++;
                }
            }
            total += n;
            if (page != null && total <= max) {
                if (length + n > page.length) {
                    page = Arrays.copyOf(page, (int) Math.min(max, Math.max(length + n, 2L * page.length)));
                }
                System.arraycopy(chunk, 0, page, length, n);
                length += n;
            } else if (page != null) {
                // Over the limit: keep only the start for the excerpt, count the rest without keeping it.
                byte[] start = Arrays.copyOf(page, Math.min(length, EXCERPT_BYTES));
                int room = Math.min(n, EXCERPT_BYTES - start.length);
                page = null;
                excerptStart = room > 0 ? concat(start, chunk, room) : start;
            }
        }
        if (page == null) {
            return reject(1, Reason.TOO_LARGE, "the page has " + total + " bytes, more than the limit of " + max
                    + " bytes per record", Utf8.excerpt(excerptStart, EXCERPT_CHARS));
        }
        byte[] bytes = length == page.length ? page : Arrays.copyOf(page, length);
        return toArticle(bytes);
    }

    private static byte[] concat(byte[] a, byte[] b, int bLength) {
        byte[] c = Arrays.copyOf(a, a.length + bLength);
        System.arraycopy(b, 0, c, a.length, bLength);
        return c;
    }

    private IngestResult toArticle(byte[] bytes) {
        Decoded decoded;
        try {
            decoded = decode(bytes);
        } catch (BadEncoding e) {
            return reject(1, Reason.INVALID_ENCODING, e.getMessage(), Utf8.excerpt(bytes, EXCERPT_CHARS));
        }
        String excerpt = decoded.charset.equals(StandardCharsets.UTF_8)
                ? Utf8.excerpt(bytes, EXCERPT_CHARS)
                : Utf8.truncate(decoded.text, EXCERPT_CHARS);
        HtmlPage page = HtmlPage.parse(decoded.text, fileName);
        if (page.date().isEmpty()) {
            return reject(1, Reason.MISSING_DATE, "no publication date in the page; looked for: "
                    + HtmlPage.DATE_SOURCES, excerpt);
        }
        return validatePage(this, page, page.dateSource().orElseThrow(), ref(1), 1L, excerpt);
    }

    /**
     * The article of a parsed page dated from {@code dateSource}, or its rejection: shared with the web archive
     * reader, whose pages are the same HTML.
     */
    static IngestResult validatePage(RecordSource reader, HtmlPage page, DateSource dateSource, String ref, Long line,
                                     String excerpt) {
        if (page.text().isEmpty()) {
            // The validator would keep a title alone (a headline from a feed), but every page has a <title>: a page
            // without main text is an index, an error page or a page built by scripts, not an article.
            return reader.reject(ref, line, Reason.EMPTY_TEXT, "no main text in the page (no paragraphs outside navigation,"
                    + " headers, footers and scripts)" + page.title().map(t -> "; its title is '" + t + "'").orElse(""),
                    excerpt);
        }
        FieldMapping m = reader.options.fields();
        Map<String, String> fields = new HashMap<>();
        page.date().ifPresent(d -> fields.put(m.sourceName(FieldMapping.DATE), d));
        fields.put(m.sourceName(FieldMapping.TEXT), page.text());
        page.title().ifPresent(t -> fields.put(m.sourceName(FieldMapping.TITLE), t));
        page.url().ifPresent(u -> fields.put(m.sourceName(FieldMapping.URL), u));
        page.source().ifPresent(s -> fields.put(m.sourceName(FieldMapping.SOURCE), s));
        return reader.validator.validate(reader.raw(ref, line, fields, excerpt), dateSource);
    }

    /** The page's text and the charset it was decoded with. */
    record Decoded(String text, Charset charset) {
    }

    /** Bytes that are not text in the page's charset. */
    static final class BadEncoding extends Exception {
        private static final long serialVersionUID = 1L;

        BadEncoding(String message) {
            super(message);
        }
    }

    /** Decodes a page as described in the class comment. */
    static Decoded decode(byte[] bytes) throws BadEncoding {
        return decode(bytes, null);
    }

    /**
     * Decodes a page served with {@code transportCharset} (the HTTP Content-Type's charset; null when none), which
     * comes before the page's own declaration, as in browsers; a byte order mark still comes first.
     */
    static Decoded decode(byte[] bytes, String transportCharset) throws BadEncoding {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return new Decoded(utf8(bytes, 3, "the byte order mark says UTF-8"), StandardCharsets.UTF_8);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new Decoded(strict(bytes, 2, StandardCharsets.UTF_16BE, "UTF-16BE (byte order mark)"),
                    StandardCharsets.UTF_16BE);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new Decoded(strict(bytes, 2, StandardCharsets.UTF_16LE, "UTF-16LE (byte order mark)"),
                    StandardCharsets.UTF_16LE);
        }
        String label = transportCharset != null && !transportCharset.isBlank()
                ? transportCharset.trim().toLowerCase(Locale.ROOT) : declaredCharset(bytes);
        Charset declared = label == null ? StandardCharsets.UTF_8 : charsetFor(label);
        if (declared == null) {
            return new Decoded(utf8(bytes, 0, "the page declares charset '" + label
                    + "', which Java does not know, so it was read as UTF-8"), StandardCharsets.UTF_8);
        }
        if (declared.equals(StandardCharsets.UTF_8)) {
            return new Decoded(utf8(bytes, 0, label == null ? "no charset declared: read as UTF-8"
                    : "the page declares charset '" + label + "'"), StandardCharsets.UTF_8);
        }
        if (!isAscii(bytes)) {
            try {
                return new Decoded(Utf8.decode(bytes), StandardCharsets.UTF_8);
            } catch (Utf8.InvalidUtf8Exception notUtf8) {
                // the usual case: the page is in the charset it declares
            }
        }
        return new Decoded(strict(bytes, 0, declared, "the page declares charset '" + label + "'"), declared);
    }

    private static String utf8(byte[] bytes, int offset, String why) throws BadEncoding {
        try {
            return Utf8.decode(bytes, offset, bytes.length - offset);
        } catch (Utf8.InvalidUtf8Exception e) {
            throw new BadEncoding(e.getMessage() + " (" + why + ")");
        }
    }

    private static String strict(byte[] bytes, int offset, Charset charset, String why) throws BadEncoding {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        CharBuffer out = CharBuffer.allocate((int) Math.ceil((bytes.length - offset) * (double) decoder.maxCharsPerByte()) + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int at = in.position();
            StringBuilder bad = new StringBuilder();
            for (int i = 0; i < result.length() && at + i < bytes.length; i++) {
                bad.append(String.format("\\x%02x", bytes[at + i] & 0xFF));
            }
            throw new BadEncoding("invalid " + charset.name() + " at byte offset " + at + " (" + bad + "; " + why + ")");
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    /**
     * The charset label a {@code <meta charset>} or {@code <meta http-equiv=Content-Type>} declares within the
     * first {@value #PRESCAN_BYTES} bytes, or null. The bytes are read as Latin-1 for this, which keeps the markup
     * of every ASCII-compatible charset as it is (the HTML spec's prescan works on bytes the same way), and parsed
     * by jsoup, so that comments, quoting and attribute order are handled as a browser does.
     */
    static String declaredCharset(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
        for (Element meta : Jsoup.parse(head).select("meta[charset], meta[http-equiv][content]")) {
            if (meta.hasAttr("charset")) {
                String label = meta.attr("charset").trim();
                if (!label.isEmpty()) {
                    return label.toLowerCase(Locale.ROOT);
                }
            } else if (meta.attr("http-equiv").trim().equalsIgnoreCase("content-type")) {
                Matcher m = CHARSET.matcher(meta.attr("content"));
                if (m.find()) {
                    return m.group(1).toLowerCase(Locale.ROOT);
                }
            }
        }
        return null;
    }

    /** The charset a label names, as browsers read it; null when unknown. */
    static Charset charsetFor(String label) {
        String l = label.trim().toLowerCase(Locale.ROOT);
        Charset known = LABELS.get(l);
        if (known != null) {
            return known;
        }
        try {
            return Charset.isSupported(l) ? Charset.forName(l) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Map<String, Charset> labels() {
        Map<String, Charset> m = new HashMap<>();
        for (String l : new String[]{"utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8",
                "x-unicode20utf8",
                // A meta tag cannot truly declare UTF-16 (the tag itself was read as ASCII): the spec says UTF-8.
                "utf-16", "utf-16le", "utf-16be", "unicode", "ucs-2"}) {
            m.put(l, StandardCharsets.UTF_8);
        }
        for (String l : new String[]{"iso-8859-1", "iso8859-1", "iso88591", "iso_8859-1", "iso_8859-1:1987",
                "latin1", "l1", "ascii", "us-ascii", "ansi_x3.4-1968", "cp1252", "cp819", "csisolatin1", "ibm819",
                "iso-ir-100", "windows-1252", "x-cp1252"}) {
            m.put(l, WINDOWS_1252);
        }
        return Map.copyOf(m);
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }
}
