// Reproduces the draw of the regions-actors gold set (src/quality/regions-actors/sample.tsv).
//
// Run from the repository root, after `mvn -o -q -DskipTests package`:
//   java -cp target/frontline-0.1.0.jar:target/test-classes:$(cat target/classpath/spark.classpath) \
//        org.frontline.quality.DrawSample [DATA_DIR] [N]
// DATA_DIR defaults to ../shared/data (the folder holding ruwa-2022/ and news-2024-07/), N (default 80) is how
// many drawn ids to print per dump. Prints "dump<TAB>drawn_rank<TAB>article_id", ruwa-2022 first.
//
// The draw:
//  1. Every record is cleaned with the job's own org.frontline.ingest.TextCleaner.clean (title and text).
//  2. ruwa-2022 candidates: records (file order) whose cleaned title + text is not empty.
//     news-2024-07 candidates: records de-duplicated by content the way the job does it: the key is
//     org.frontline.ingest.ContentHash.of(cleaned title, cleaned text) (whitespace-collapsed title + text);
//     of identical ones the copy with the earliest path_date, then the smallest id (String order), is kept;
//     candidates are in the file order of the kept copies.
//  3. Each candidate list is shuffled by java.util.Collections.shuffle(list, new java.util.Random(20261125)),
//     a fresh Random with the same seed for each dump. drawn_rank is the 1-based position in the shuffled list.
//  4. The annotator takes the articles in rank order; an article that mentions no place is recorded as skipped;
//     the draw stops when 28 ruwa-2022 and 12 news-2024-07 articles are labelled (sample.tsv).
// CheckLabels and CheckHeldout check sample.tsv against this same draw (read and draw below), so that a change to
// it shows in both checks.
package org.frontline.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.frontline.ingest.ContentHash;
import org.frontline.ingest.TextCleaner;

public class DrawSample {
    static final long SEED = 20261125L;

    /** A record of a dump: its id, its date (as a string), its cleaned title and text, its line in the file. */
    record Rec(String id, String date, String title, String text, int line) {}

    /** A dump of the draw: its file under the data folder, its date field, and whether it is de-duplicated. */
    record Dump(String name, String file, String dateField, boolean dedupe) {}

    /** The dumps of the regions-actors sets, in their order. */
    static final List<Dump> DUMPS = List.of(
            new Dump("ruwa-2022", "ruwa-2022/leads.jsonl", "date", false),
            new Dump("news-2024-07", "news-2024-07/articles.jsonl", "path_date", true));

    static String str(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }

    /** Step 1: every record of a JSON Lines dump, title and text cleaned as the job cleans them. */
    static List<Rec> read(Path file, String dateField) throws Exception {
        ObjectMapper om = new ObjectMapper();
        List<Rec> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) continue;
                JsonNode o = om.readTree(line);
                out.add(new Rec(str(o, "id").trim(), str(o, dateField),
                        TextCleaner.clean(str(o, "title")), TextCleaner.clean(str(o, "text")), n));
            }
        }
        return out;
    }

    /** Steps 2 and 3: a dump's candidates (de-duplicated as the job does when {@code dedupe}), shuffled. */
    static List<Rec> draw(List<Rec> recs, boolean dedupe) {
        List<Rec> cands = new ArrayList<>();
        if (!dedupe) {
            for (Rec r : recs) if (!(r.title().isEmpty() && r.text().isEmpty())) cands.add(r);
        } else {
            Map<String, Rec> kept = new LinkedHashMap<>(); // hash -> kept copy
            for (Rec r : recs) {
                if (r.title().isEmpty() && r.text().isEmpty()) continue;
                String h = ContentHash.of(r.title(), r.text());
                Rec k = kept.get(h);
                if (k == null || r.date().compareTo(k.date()) < 0
                        || (r.date().equals(k.date()) && r.id().compareTo(k.id()) < 0)) kept.put(h, r);
            }
            cands.addAll(kept.values());
            cands.sort(Comparator.comparingInt(Rec::line)); // file order of the kept copies
        }
        Collections.shuffle(cands, new Random(SEED));
        return cands;
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 80;
        Map<String, List<Rec>> drawn = new LinkedHashMap<>();
        for (Dump d : DUMPS) drawn.put(d.name(), draw(read(data.resolve(d.file()), d.dateField()), d.dedupe()));
        List<String> sizes = new ArrayList<>();
        drawn.forEach((dump, list) -> sizes.add(dump + " " + list.size()));
        System.err.println("candidates: " + String.join(", ", sizes));
        drawn.forEach((dump, list) -> {
            for (int i = 0; i < Math.min(n, list.size()); i++) System.out.println(dump + "\t" + (i + 1) + "\t" + list.get(i).id());
        });
    }
}
