// Verifies the HELD-OUT regions-actors set (src/quality/regions-actors-heldout) against the cleaned texts and
// prints its counts: the checks of CheckLabels, with the held-out ranks. Not a test: it needs the licensed dumps in
// ../shared/data, which the project does not ship.
//
// Run from the repository root, after `mvn -o -q -DskipTests package`:
//   java -cp target/frontline-0.1.0.jar:target/test-classes:$(cat target/classpath/spark.classpath) \
//        org.frontline.quality.CheckHeldout [DATA_DIR] [SET_DIR] [ORIGINAL_SET_DIR]
// DATA_DIR defaults to ../shared/data, SET_DIR to src/quality/regions-actors-heldout, ORIGINAL_SET_DIR to
// src/quality/regions-actors (the tuned set whose draw this one continues).
//
// Checks: sample.tsv continues the seeded draw of DrawSample (same candidates, same order) right after the
// original set: per dump, the first held-out rank is the original set's last rank + 1, then no gap; no article of
// the original set is reused; the draw stops at the first rank where LABELLED_TARGET articles of the dump are
// labelled (14 ruwa-2022, 6 news-2024-07); every label's article is a labelled article of the sample;
// cleaned[field].substring(begin, end) equals the surface (TextCleaner.clean of the record's title or text, UTF-16
// offsets); the span does not cut a word; labels of one table do not overlap; types, ids and names are consistent
// (country:XX, admin1/admin2 codes that exist in GeoNames' admin1.json/admin2.json, geonames ids that exist in
// cities500.txt with that country; one name per id); every labelled article has at least one region label, a
// skipped article none. Exit code 1 on any error.
package org.frontline.quality;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.frontline.quality.DrawSample.Rec;

import static org.frontline.quality.CheckLabels.SAMPLE_HEADER;
import static org.frontline.quality.CheckLabels.error;
import static org.frontline.quality.CheckLabels.tsv;

public class CheckHeldout {
    static final Map<String, Integer> LABELLED_TARGET = Map.of("ruwa-2022", 14, "news-2024-07", 6);

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        Path set = Path.of(args.length > 1 ? args[1] : "src/quality/regions-actors-heldout");
        Path original = Path.of(args.length > 2 ? args[2] : "src/quality/regions-actors");

        Map<String, List<Rec>> drawn = new LinkedHashMap<>();
        Map<String, Map<String, Rec>> byId = new HashMap<>();
        CheckLabels.readDumps(data, drawn, byId);

        // the original (tuned) set: its last drawn rank per dump and its articles
        Map<String, Integer> lastRank = new HashMap<>();
        Set<String> originalArticles = new HashSet<>();
        for (String[] s : tsv(original.resolve("sample.tsv"), SAMPLE_HEADER)) {
            lastRank.merge(s[0], Integer.parseInt(s[2]), Math::max);
            originalArticles.add(s[0] + "\t" + s[1]);
        }
        System.out.println("continuing after the original set: " + new TreeMap<>(lastRank));

        // sample.tsv
        Map<String, String> status = new LinkedHashMap<>(); // dump \t id -> status
        Map<String, Integer> labelledSoFar = new HashMap<>();
        for (String[] s : tsv(set.resolve("sample.tsv"), SAMPLE_HEADER)) {
            if (!CheckLabels.checkSampleRow(s, drawn, lastRank)) continue;
            if (originalArticles.contains(s[0] + "\t" + s[1])) error("sample.tsv: " + s[1] + " is in the original set");
            if (labelledSoFar.getOrDefault(s[0], 0) >= LABELLED_TARGET.getOrDefault(s[0], 0))
                error("sample.tsv: " + s[0] + " rank " + Integer.parseInt(s[2]) + " drawn after the target of " + LABELLED_TARGET.get(s[0])
                        + " labelled articles");
            if (s[3].equals("labelled")) labelledSoFar.merge(s[0], 1, Integer::sum);
            status.put(s[0] + "\t" + s[1], s[3]);
        }
        for (Map.Entry<String, Integer> t : LABELLED_TARGET.entrySet())
            if (labelledSoFar.getOrDefault(t.getKey(), 0).intValue() != t.getValue().intValue())
                error("sample.tsv: " + t.getKey() + " has " + labelledSoFar.getOrDefault(t.getKey(), 0)
                        + " labelled articles, expected " + t.getValue());

        System.exit(CheckLabels.checkLabels(data, set, byId, status));
    }
}
