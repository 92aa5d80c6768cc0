package org.frontline.quality;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import org.frontline.ingest.Article;
import org.frontline.ingest.DumpReader;
import org.frontline.ingest.FieldMapping;
import org.frontline.ingest.IngestOptions;
import org.frontline.ingest.IngestResult;
import org.frontline.ingest.InputFormat;
import org.frontline.ingest.ResultIterator;

/**
 * The dumps of ../shared/data the gold sets of src/quality were drawn from, with what the job needs to read each
 * (format, --field mapping), and a way to copy exactly the records of some articles out of them: the quality job
 * annotates those copies, so that the gold offsets point into the same cleaned text as the job's.
 */
public final class GoldDumps {
    /**
     * One dump: its name in the gold files, its path under the data folder (a folder: every file of the format in
     * it), its format and the job's --field specs for it.
     */
    public record Dump(String name, String path, InputFormat format, List<String> fields) {
        /** The ingest options the job reads this dump with. */
        public IngestOptions ingest() {
            return IngestOptions.defaults().withFields(FieldMapping.parse(fields));
        }

        /** The dump's files, sorted. */
        public List<Path> files(Path data) throws IOException {
            Path p = data.resolve(path);
            if (!Files.isDirectory(p)) {
                return List.of(p);
            }
            try (var list = Files.list(p)) {
                return list.filter(f -> InputFormat.fromFileName(f.getFileName().toString()).orElse(null) == format)
                        .sorted().toList();
            }
        }
    }

    public static final Map<String, Dump> DUMPS = Map.of(
            "ruwa-2022", new Dump("ruwa-2022", "ruwa-2022/leads.jsonl", InputFormat.JSONL, List.of()),
            "news-2024-07", new Dump("news-2024-07", "news-2024-07/articles.jsonl", InputFormat.JSONL,
                    List.of("date=path_date")),
            "sample", new Dump("sample", "samples/2024-08-07-kursk.txt", InputFormat.TEXT, List.of()),
            "isw-2022", new Dump("isw-2022", "isw-2022", InputFormat.HTML, List.of()),
            "rss-2023", new Dump("rss-2023", "rss-2023", InputFormat.JSONL, List.of("text=description", "url=link")));

    private GoldDumps() {
    }

    /** The dump of that name; throws with the known names otherwise. */
    public static Dump get(String name) {
        Dump d = DUMPS.get(name);
        if (d == null) {
            throw new IllegalArgumentException("unknown dump '" + name + "': one of " + DUMPS.keySet());
        }
        return d;
    }

    /** A file's bytes, decompressed when it ends in .gz. */
    static InputStream open(Path file) throws IOException {
        InputStream raw = Files.newInputStream(file);
        return file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
    }

    /**
     * Copies the raw records of the articles {@code ids} (the job's article ids, which for records without an id
     * derive from their content) out of {@code dump} into {@code out} (a folder), as the job would read them:
     * whole files for one-article formats, the records' own lines for JSON Lines. Returns how many were copied.
     */
    public static int copyRecords(Path data, Dump dump, Set<String> ids, Path out) throws IOException {
        Files.createDirectories(out);
        DumpReader reader = new DumpReader(dump.ingest());
        Set<String> found = new HashSet<>();
        int copied = 0;
        for (Path file : dump.files(data)) {
            Set<Long> lines = new HashSet<>();
            try (ResultIterator it = reader.read(open(file), file.toString(), dump.format())) {
                while (it.hasNext()) {
                    IngestResult r = it.next();
                    if (r instanceof Article a && ids.contains(a.articleId()) && found.add(a.articleId())) {
                        lines.add(Long.parseLong(a.recordRef().substring(a.recordRef().lastIndexOf(':') + 1)));
                    }
                }
            }
            if (lines.isEmpty()) {
                continue;
            }
            String name = InputFormat.stripCompression(file.getFileName().toString());
            if (dump.format() != InputFormat.JSONL) {
                Files.copy(open(file), out.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                copied++;
                continue;
            }
            try (BufferedReader in = new BufferedReader(new InputStreamReader(open(file), StandardCharsets.UTF_8));
                 BufferedWriter w = Files.newBufferedWriter(out.resolve(name), StandardCharsets.UTF_8)) {
                long n = 0;
                for (String line; (line = in.readLine()) != null; ) {
                    if (lines.contains(++n)) {
                        w.write(line);
                        w.newLine();
                        copied++;
                    }
                }
            }
        }
        if (!found.equals(ids)) {
            Set<String> missing = new HashSet<>(ids);
            missing.removeAll(found);
            throw new IllegalStateException(dump.name() + ": no record for " + missing.size() + " gold articles, e.g. "
                    + missing.iterator().next());
        }
        return copied;
    }
}
