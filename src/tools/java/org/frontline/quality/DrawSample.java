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
package org.frontline.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.frontline.ingest.ContentHash;
import org.frontline.ingest.TextCleaner;

public class DrawSample {
    static final long SEED = 20261125L;

    record Rec(String id, String date, String title, String text, int line) {}

    static String str(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }

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

    static List<String> ruwaCandidates(Path data) throws Exception {
        List<String> ids = new ArrayList<>();
        for (Rec r : read(data.resolve("ruwa-2022/leads.jsonl"), "date")) {
            if (!(r.title().isEmpty() && r.text().isEmpty())) ids.add(r.id());
        }
        return ids;
    }

    static List<String> newsCandidates(Path data) throws Exception {
        Map<String, Rec> kept = new LinkedHashMap<>(); // hash -> kept copy
        Map<String, Integer> firstSeen = new LinkedHashMap<>();
        for (Rec r : read(data.resolve("news-2024-07/articles.jsonl"), "path_date")) {
            if (r.title().isEmpty() && r.text().isEmpty()) continue;
            String h = ContentHash.of(r.title(), r.text());
            Rec k = kept.get(h);
            if (k == null || r.date().compareTo(k.date()) < 0
                    || (r.date().equals(k.date()) && r.id().compareTo(k.id()) < 0)) {
                kept.put(h, r);
            }
        }
        List<Rec> list = new ArrayList<>(kept.values());
        list.sort((a, b) -> Integer.compare(a.line(), b.line())); // file order of the kept copies
        List<String> ids = new ArrayList<>();
        for (Rec r : list) ids.add(r.id());
        return ids;
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 80;
        List<String> ruwa = ruwaCandidates(data);
        List<String> news = newsCandidates(data);
        Collections.shuffle(ruwa, new Random(SEED));
        Collections.shuffle(news, new Random(SEED));
        System.err.println("candidates: ruwa-2022 " + ruwa.size() + ", news-2024-07 " + news.size());
        for (int i = 0; i < Math.min(n, ruwa.size()); i++) System.out.println("ruwa-2022\t" + (i + 1) + "\t" + ruwa.get(i));
        for (int i = 0; i < Math.min(n, news.size()); i++) System.out.println("news-2024-07\t" + (i + 1) + "\t" + news.get(i));
    }
}
