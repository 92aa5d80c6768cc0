package org.frontline.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/**
 * Packs a folder of saved HTML pages into one gzipped WARC of response records, as a crawler would have written
 * them (target URI {@code https://BASE/NAME}, capture time now): to read real pages through the web archive
 * reader and compare its articles with the HTML reader's on the same pages.
 *
 * <p>Usage: {@code PackWarc DIR OUT.warc.gz [BASE_URL]}
 */
public final class PackWarc {
    private PackWarc() {
    }

    public static void main(String[] args) throws IOException, NoSuchAlgorithmException {
        Path dir = Path.of(args[0]);
        Path out = Path.of(args[1]);
        String base = args.length > 2 ? args[2] : "https://pages.example/";
        List<Path> pages;
        try (Stream<Path> s = Files.list(dir)) {
            pages = s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        Instant now = Instant.now();
        try (WarcWriter warc = new WarcWriter(FileChannel.open(out, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE), WarcCompression.GZIP)) {
            for (Path page : pages) {
                byte[] body = Files.readAllBytes(page);
                warc.write(new WarcResponse.Builder(URI.create(base + page.getFileName()))
                        .date(now)
                        .payloadDigest(new WarcDigest("sha1", MessageDigest.getInstance("SHA-1").digest(body)))
                        .body(new HttpResponse.Builder(200, "OK").body(MediaType.HTML, body).build())
                        .build());
            }
        }
        System.out.println("packed " + pages.size() + " pages into " + out + " (" + Files.size(out) + " bytes)");
    }
}
