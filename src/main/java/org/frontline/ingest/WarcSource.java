package org.frontline.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcConversion;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcTargetRecord;

/**
 * A web archive (WARC 1.0/1.1, plain or gzipped record by record, as Common Crawl's CC-NEWS and WET files are),
 * read by jwarc one record at a time.
 *
 * <ul>
 *   <li>A {@code response} record of an HTML page with HTTP status 200 is one article, read as a saved page is
 *       ({@link HtmlPage}); a {@code resource} record of an HTML page likewise. A {@code resource} or
 *       {@code conversion} record of plain text (a WET file's extracted text) is an article with that text.</li>
 *   <li>The date is the page's own (its metadata, else a date in its URL); failing both, the capture time
 *       (WARC-Date), and {@code articles.date_source} says which.</li>
 *   <li>Records that hold no article are counted and skipped with a reason, never silently: another content type
 *       ({@code not_html}), another HTTP status ({@code http_status}), a crawler's {@code robots.txt}
 *       ({@code robots_txt}), a {@code revisit} or a payload whose digest the file already held
 *       ({@code duplicate_payload}). {@code warcinfo}, {@code request}, {@code metadata} and {@code continuation}
 *       records describe captures rather than hold them: they are not records of the dump.</li>
 * </ul>
 *
 * <p>A record's ref is {@code file@offset}, its byte offset in the (compressed) file as a CDX index gives it. A
 * payload larger than {@link IngestOptions#maxRecordBytes()} is rejected {@code too_large} without being held in
 * memory: memory stays bounded per record whatever the file's size.
 */
final class WarcSource extends RecordSource {

    private final InputStream in;
    private WarcReader reader;
    /** Payload digests seen in this file: a crawl fetches the same page more than once. */
    private final Set<String> digests = new HashSet<>();
    private long offset;

    WarcSource(InputStream in, String sourceFile, IngestOptions options) {
        super(sourceFile, options);
        this.in = in;
    }

    @Override
    boolean produce(Deque<IngestResult> out) throws IOException {
        if (reader == null) {
            reader = new WarcReader(in); // reads the first bytes to tell gzip from plain: may fail like any read
            reader.setLenient(true); // real crawls hold headers a strict parser refuses (bare LF, stray spaces)
        }
        while (true) {
            Optional<WarcRecord> next = reader.next();
            if (next.isEmpty()) {
                return false;
            }
            offset = reader.position();
            WarcRecord record = next.get();
            IngestResult result = read(record);
            if (result != null) {
                out.add(result);
                return true;
            }
        }
    }

    @Override
    long lineReached() {
        return offset;
    }

    @Override
    String position(long offset) {
        return "byte offset " + offset;
    }

    /** The article or rejection of one record; null for a record that is not content (warcinfo, request, ...). */
    private IngestResult read(WarcRecord record) throws IOException {
        String ref = fileName + "@" + offset;
        if (record instanceof WarcRevisit revisit) {
            return skip(ref, revisit, Reason.DUPLICATE_PAYLOAD, "a revisit record (" + revisit.profile()
                    + "): the page's payload is in an earlier capture");
        }
        if (record instanceof WarcResponse response) {
            if (isRobotsTxt(response.target())) {
                return skip(ref, response, Reason.ROBOTS_TXT, "the crawler's fetch of robots.txt");
            }
            HttpResponse http;
            try {
                http = response.http();
            } catch (IOException | RuntimeException e) {
                return reject(ref, null, Reason.INVALID_FIELD,
                        "the response record holds no readable HTTP response: " + e.getMessage(), excerpt(response));
            }
            if (http.status() != 200) {
                return skip(ref, response, Reason.HTTP_STATUS, "HTTP " + http.status() + " " + http.reason());
            }
            MediaType type = http.contentType().base();
            if (!isHtml(type) && !isPlainText(type)) {
                return skip(ref, response, Reason.NOT_HTML, "content type " + type);
            }
            if (isDuplicate(response)) {
                return skip(ref, response, Reason.DUPLICATE_PAYLOAD, "payload digest "
                        + response.payloadDigest().map(Object::toString).orElse("") + " seen earlier in the file");
            }
            return content(ref, response, type, http.contentType(), http.bodyDecoded().stream());
        }
        if (record instanceof WarcResource || record instanceof WarcConversion) {
            WarcTargetRecord target = (WarcTargetRecord) record;
            MediaType type = record.contentType().base();
            if (!isHtml(type) && !isPlainText(type)) {
                return skip(ref, target, Reason.NOT_HTML, "content type " + type);
            }
            if (isDuplicate(target)) {
                return skip(ref, target, Reason.DUPLICATE_PAYLOAD, "payload digest seen earlier in the file");
            }
            return content(ref, target, type, record.contentType(), record.body().stream());
        }
        return null;
    }

    /** The article of an HTML page or a plain text, read within the record size limit. */
    private IngestResult content(String ref, WarcTargetRecord record, MediaType type, MediaType declared,
                                 InputStream body) throws IOException {
        int max = options.maxRecordBytes();
        byte[] bytes = body.readNBytes(max);
        if (body.read() >= 0) {
            return reject(ref, null, Reason.TOO_LARGE, "the payload has more than " + max
                    + " bytes, the limit per record", Utf8.excerpt(Arrays.copyOf(bytes, EXCERPT_BYTES), EXCERPT_CHARS));
        }
        String charset = declared.parameters().get("charset");
        String excerpt = Utf8.excerpt(Arrays.copyOf(bytes, Math.min(bytes.length, EXCERPT_BYTES)), EXCERPT_CHARS);
        String text;
        try {
            text = isHtml(type) ? HtmlSource.decode(bytes, charset).text()
                    : HtmlSource.decode(bytes, charset == null ? "utf-8" : charset).text();
        } catch (HtmlSource.BadEncoding e) {
            return reject(ref, null, Reason.INVALID_ENCODING, e.getMessage(), excerpt);
        }
        String crawled = record.date().toString();
        if (isPlainText(type)) {
            Map<String, String> fields = new HashMap<>();
            FieldMapping m = options.fields();
            fields.put(m.sourceName(FieldMapping.DATE), crawled);
            fields.put(m.sourceName(FieldMapping.TEXT), text);
            fields.put(m.sourceName(FieldMapping.URL), record.target());
            return validator.validate(raw(ref, null, fields, excerpt), DateSource.CRAWL_TIME);
        }
        HtmlPage page = HtmlPage.parse(text, null, record.target());
        if (page.date().isPresent()) {
            return HtmlSource.validatePage(this, page, page.dateSource().orElseThrow(), ref, null, excerpt);
        }
        return HtmlSource.validatePage(this, page.withDate(crawled, DateSource.CRAWL_TIME), DateSource.CRAWL_TIME,
                ref, null, excerpt);
    }

    private Rejection skip(String ref, WarcTargetRecord record, Reason reason, String detail) {
        return reject(ref, null, reason, detail, excerpt(record));
    }

    /** A skipped record's excerpt: what it is, since its payload is not text. */
    private static String excerpt(WarcTargetRecord record) {
        return Utf8.truncate("WARC-Type: " + record.type() + "; WARC-Target-URI: " + record.target()
                + "; WARC-Date: " + record.date(), EXCERPT_CHARS);
    }

    private boolean isDuplicate(WarcTargetRecord record) {
        Optional<String> digest = record.payloadDigest().map(d -> d.algorithm().toLowerCase(Locale.ROOT) + ":" + d.base32());
        return digest.isPresent() && !digests.add(digest.get());
    }

    private static boolean isRobotsTxt(String target) {
        String t = target == null ? "" : target.toLowerCase(Locale.ROOT);
        int query = t.indexOf('?');
        return (query < 0 ? t : t.substring(0, query)).endsWith("/robots.txt");
    }

    private static boolean isHtml(MediaType type) {
        String t = type.toString().toLowerCase(Locale.ROOT);
        return t.equals("text/html") || t.equals("application/xhtml+xml");
    }

    private static boolean isPlainText(MediaType type) {
        return type.toString().equalsIgnoreCase("text/plain");
    }

}
