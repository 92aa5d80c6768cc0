package org.frontline.ingest;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcConversion;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

/**
 * A small crawl written with jwarc from pages written for it, with one record of each kind a real crawl holds: the
 * web archive of the tests and of the sample {@code data/crawl-2025-05.warc.gz} ({@link #main} writes it).
 *
 * <p>Content records, in order: three article pages (dated by their metadata, by their URL, by nothing: the
 * capture time), a Polish page, a 404, an image, robots.txt, a revisit of the first page, a second capture of the
 * second page (same payload), and a WET-style text conversion. Around them a warcinfo and a request record,
 * which are not content.
 */
public final class WebArchiveFixture {

    /** Content records the file holds (warcinfo and request records are not content). */
    public static final int CONTENT_RECORDS = 10;
    public static final int ARTICLES = 4;
    public static final int OTHER_LANGUAGE = 1;
    public static final int SKIPPED = 5;

    static final Instant CRAWLED = Instant.parse("2025-05-04T10:15:30Z");

    static final String FIRST = "https://news.example.org/world/europe/frontline-advance";
    static final String SECOND = "https://news.example.org/2025/05/03/kharkiv-strikes";
    static final String THIRD = "https://wire.example.net/world/sudan-el-fasher";

    private WebArchiveFixture() {
    }

    /** Writes the crawl to {@code file}; {@link WarcCompression#GZIP} gzips each record, as .warc.gz files are. */
    public static void write(Path file, WarcCompression compression) throws IOException {
        try (WarcWriter warc = new WarcWriter(java.nio.channels.FileChannel.open(file,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING,
                java.nio.file.StandardOpenOption.WRITE), compression)) {
            warc.write(new Warcinfo.Builder().date(CRAWLED).filename(file.getFileName().toString())
                    .fields(Map.of("software", List.of("Frontline test fixture"))).build());
            warc.write(new WarcRequest.Builder(URI.create(FIRST)).date(CRAWLED)
                    .body(new HttpRequest.Builder("GET", "/world/europe/frontline-advance").build()).build());

            String first = page("Russian forces advance 4 km near Pokrovsk, Ukraine says",
                    "<meta property=\"article:published_time\" content=\"2025-05-02T08:00:00+03:00\">",
                    "Russian forces have advanced 4 km near Pokrovsk in the Donetsk region over the past week,"
                            + " Ukraine's General Staff said on Friday.",
                    "Ukrainian troops repelled 37 attacks along the front, and the Ukrainian air force said it shot"
                            + " down 21 drones over the Kharkiv region overnight.");
            warc.write(response(FIRST, 200, MediaType.HTML_UTF8, first));
            warc.write(response(SECOND, 200, MediaType.HTML_UTF8, page("Drones strike Kharkiv overnight", "",
                    "Russian drones struck residential buildings in Kharkiv overnight, regional governor Oleh"
                            + " Syniehubov said, injuring nine people.",
                    "Ukraine's forces have retaken about 12 square kilometres near Vovchansk since April, the"
                            + " Ukrainian military said.")));
            warc.write(response(THIRD, 200, MediaType.HTML_UTF8, page("Fighting reaches the outskirts of El Fasher",
                    "", "The Rapid Support Forces attacked the outskirts of El Fasher in North Darfur on Saturday,"
                            + " the Sudanese army said.",
                    "The United Nations warned that hundreds of thousands of civilians in the city were at risk.")));
            warc.write(response("https://wiadomosci.example.pl/swiat/ukraina", 200, MediaType.HTML_UTF8,
                    page("Rosyjskie wojska przesunęły się o cztery kilometry", "<meta name=\"date\" content=\"2025-05-02\">",
                            "Rosyjskie wojska przesunęły się o cztery kilometry w pobliżu Pokrowska w obwodzie"
                                    + " donieckim, poinformował w piątek sztab generalny Ukrainy.",
                            "Ukraińscy żołnierze odparli w ciągu doby trzydzieści siedem ataków na froncie.")));
            warc.write(response("https://news.example.org/missing", 404, MediaType.HTML_UTF8,
                    "<html><body><h1>Not found</h1></body></html>"));
            warc.write(response("https://news.example.org/logo.png", 200, MediaType.parse("image/png"),
                    "\u0089PNG not really an image"));
            warc.write(response("https://news.example.org/robots.txt", 200, MediaType.PLAIN_TEXT,
                    "User-agent: *\nDisallow: /admin/\n"));
            warc.write(new WarcRevisit.Builder(URI.create(FIRST), WarcRevisit.IDENTICAL_PAYLOAD_DIGEST_1_1)
                    .date(CRAWLED.plusSeconds(3600)).payloadDigest(sha1(first))
                    .refersTo(URI.create("urn:uuid:00000000-0000-0000-0000-000000000001"), FIRST, CRAWLED)
                    .body(new HttpResponse.Builder(200, "OK").build()).build());
            // The second page again, an hour later: the same payload (a crawl often fetches a page twice).
            warc.write(response(SECOND, 200, MediaType.HTML_UTF8, page("Drones strike Kharkiv overnight", "",
                    "Russian drones struck residential buildings in Kharkiv overnight, regional governor Oleh"
                            + " Syniehubov said, injuring nine people.",
                    "Ukraine's forces have retaken about 12 square kilometres near Vovchansk since April, the"
                            + " Ukrainian military said.")));
            warc.write(new WarcConversion.Builder().date(CRAWLED)
                    .addHeader("WARC-Target-URI", "https://wire.example.net/world/black-sea-grain")
                    .body(MediaType.PLAIN_TEXT, ("Ukraine said its Black Sea corridor carried 4 million tonnes of"
                            + " grain in April, and that Russian strikes on Odesa's ports had not stopped it.")
                            .getBytes(StandardCharsets.UTF_8))
                    .build());
        }
    }

    /** Writes the sample crawl of the README's first command: {@code data/crawl-2025-05.warc.gz}. */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "data/crawl-2025-05.warc.gz");
        write(out, WarcCompression.GZIP);
        System.out.println("wrote " + out);
    }

    /** An article page with a site's chrome around it: navigation, a cookie banner, a footer, a script. */
    static String page(String title, String meta, String... paragraphs) {
        StringBuilder body = new StringBuilder();
        for (String p : paragraphs) {
            body.append("<p>").append(p).append("</p>\n");
        }
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + title + " | Example News</title>\n"
                + "<meta property=\"og:site_name\" content=\"Example News\">" + meta + "\n"
                + "<script>window.analytics = {page: 'article'};</script></head>\n<body>\n"
                + "<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a> <a href=\"/sport\">Sport</a></nav>\n"
                + "<div class=\"cookie-banner\">We use cookies to improve your experience.</div>\n"
                + "<article><h1>" + title + "</h1>\n" + body + "</article>\n"
                + "<footer>© Example News. All rights reserved. <a href=\"/terms\">Terms</a></footer>\n</body></html>\n";
    }

    private static WarcResponse response(String url, int status, MediaType type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new WarcResponse.Builder(URI.create(url)).date(CRAWLED).payloadDigest(sha1(body))
                .body(new HttpResponse.Builder(status, status == 200 ? "OK" : "Not Found").body(type, bytes).build())
                .build();
    }

    private static WarcDigest sha1(String body) {
        try {
            return new WarcDigest("sha1", MessageDigest.getInstance("SHA-1").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
