// Verifies the regions-actors gold set against the cleaned texts and prints its counts. Not a test: it needs
// the licensed dumps in ../shared/data, which the project does not ship.
//
// Run from the repository root, after `mvn -o -q -DskipTests package`:
//   java -cp target/frontline-0.1.0.jar:target/test-classes:$(cat target/classpath/spark.classpath) \
//        org.frontline.quality.CheckLabels [DATA_DIR] [SET_DIR]
// DATA_DIR defaults to ../shared/data, SET_DIR to src/quality/regions-actors.
//
// Checks: sample.tsv is the seeded draw of DrawSample (same candidates, same order, ranks from 1 with no
// gap); every label's article is a labelled article of the sample; cleaned[field].substring(begin, end) equals the
// surface (TextCleaner.clean of the record's title or text, UTF-16 offsets); the span does not cut a word; labels
// of one table do not overlap; types, ids and names are consistent (country:XX, admin1/admin2 codes that exist in
// GeoNames' admin1.json/admin2.json, geonames ids that exist in cities500.txt with that country; one name per id);
// every labelled article has at least one region label, a skipped article none. Exit code 1 on any error.
// CheckHeldout runs the same checks on the held-out set, whose draw continues this one.
package org.frontline.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import org.frontline.quality.DrawSample.Rec;

public class CheckLabels {
    static final String SAMPLE_HEADER = "dump\tarticle_id\tdrawn_rank\tstatus\treason";
    static int errors = 0;

    static void error(String msg) {
        errors++;
        if (errors <= 200) System.out.println("ERROR " + msg);
    }

    static List<String[]> tsv(Path p, String expectedHeader) throws Exception {
        List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(expectedHeader)) error(p + ": header must be: " + expectedHeader);
        int cols = expectedHeader.split("\t").length;
        List<String[]> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split("\t", -1);
            if (f.length != cols) error(p.getFileName() + ":" + (i + 1) + ": " + f.length + " columns, expected " + cols);
            else rows.add(f);
        }
        return rows;
    }

    static boolean wordChar(char c) {
        return Character.isLetterOrDigit(c);
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        Path set = Path.of(args.length > 1 ? args[1] : "src/quality/regions-actors");

        Map<String, List<Rec>> drawn = new LinkedHashMap<>();
        Map<String, Map<String, Rec>> byId = new HashMap<>();
        readDumps(data, drawn, byId);

        // sample.tsv
        Map<String, String> status = new LinkedHashMap<>(); // dump \t id -> status
        Map<String, Integer> lastRank = new HashMap<>();
        for (String[] s : tsv(set.resolve("sample.tsv"), SAMPLE_HEADER)) {
            if (checkSampleRow(s, drawn, lastRank)) status.put(s[0] + "\t" + s[1], s[3]);
        }
        System.exit(checkLabels(data, set, byId, status));
    }

    /** Reads the dumps of DrawSample: their draws, in DrawSample's order, and their records by id. */
    static void readDumps(Path data, Map<String, List<Rec>> drawn, Map<String, Map<String, Rec>> byId) throws Exception {
        for (DrawSample.Dump d : DrawSample.DUMPS) {
            List<Rec> recs = DrawSample.read(data.resolve(d.file()), d.dateField());
            Map<String, Rec> m = new HashMap<>();
            for (Rec r : recs) if (m.put(r.id(), r) != null) error(d.name() + ": id " + r.id() + " occurs twice");
            byId.put(d.name(), m);
            drawn.put(d.name(), DrawSample.draw(recs, d.dedupe()));
        }
    }

    /**
     * Checks one row of sample.tsv: its rank follows the dump's last one (lastRank, updated), the draw has its
     * article at that rank, its status and reason agree. False when its dump is not one of the draw.
     */
    static boolean checkSampleRow(String[] s, Map<String, List<Rec>> drawn, Map<String, Integer> lastRank) {
        List<Rec> order = drawn.get(s[0]);
        if (order == null) { error("sample.tsv: unknown dump " + s[0]); return false; }
        int rank = Integer.parseInt(s[2]);
        int prev = lastRank.getOrDefault(s[0], 0);
        if (rank != prev + 1) error("sample.tsv: " + s[0] + " rank " + rank + " follows " + prev);
        lastRank.put(s[0], rank);
        if (!order.get(rank - 1).id().equals(s[1]))
            error("sample.tsv: " + s[0] + " rank " + rank + " is " + order.get(rank - 1).id() + ", not " + s[1]);
        if (!s[3].equals("labelled") && !s[3].equals("skipped")) error("sample.tsv: bad status " + s[3]);
        if (s[3].equals("skipped") == s[4].isEmpty()) error("sample.tsv: " + s[1] + ": a skip needs a reason, a label none");
        return true;
    }

    /**
     * Checks regions.tsv and actors.tsv of a set against the records and the sample's status (dump \t id ->
     * labelled/skipped), prints the counts, and returns the exit code: 1 when any check so far found an error.
     */
    static int checkLabels(Path data, Path set, Map<String, Map<String, Rec>> byId, Map<String, String> status)
            throws Exception {
        Set<String> admin1 = codes(data.resolve("geonames/admin1.json"));
        Set<String> admin2 = codes(data.resolve("geonames/admin2.json"));
        Map<String, String> cities = new HashMap<>(); // geonameid -> country
        Set<String> wanted = new HashSet<>();

        List<String[]> regions = tsv(set.resolve("regions.tsv"),
                "dump\tarticle_id\tfield\tchar_begin\tchar_end\tsurface\tregion_id\tregion_name\tregion_type\tcountry_code");
        List<String[]> actors = tsv(set.resolve("actors.tsv"),
                "dump\tarticle_id\tfield\tchar_begin\tchar_end\tsurface\tactor_name\tactor_type\tcountry_code\trole");
        for (String[] r : regions) if (r[6].startsWith("geonames:")) wanted.add(r[6].substring(9));
        try (BufferedReader br = Files.newBufferedReader(data.resolve("geonames/cities500.txt"), StandardCharsets.UTF_8)) {
            String line;
            while ((line = br.readLine()) != null) {
                String[] f = line.split("\t", -1);
                if (wanted.contains(f[0])) cities.put(f[0], f[8]);
            }
        }

        Map<String, Integer> regionsWithPlace = new HashMap<>();
        checkSpans("regions.tsv", regions, byId, status, regionsWithPlace);
        checkSpans("actors.tsv", actors, byId, status, new HashMap<>());

        Map<String, String> nameOf = new HashMap<>();
        Set<String> rtypes = Set.of("country", "admin1", "admin2", "city", "other");
        for (String[] r : regions) {
            String id = r[6], name = r[7], type = r[8], cc = r[9];
            String where = "regions.tsv " + r[1] + " " + r[2] + " " + r[3] + " '" + r[5] + "': ";
            if (!rtypes.contains(type)) error(where + "bad region_type " + type);
            if (name.isEmpty()) error(where + "empty region_name");
            if (!cc.isEmpty() && !cc.matches("[A-Z]{2}")) error(where + "bad country_code " + cc);
            if (id.isEmpty()) {
                if (!type.equals("city") && !type.equals("other")) error(where + "an unresolved region must be city or other");
            } else if (id.startsWith("country:")) {
                if (!type.equals("country") || !id.substring(8).equals(cc)) error(where + "country id, type and code disagree");
            } else if (id.startsWith("admin1:")) {
                if (!type.equals("admin1") || !admin1.contains(id.substring(7)) || !id.substring(7, 9).equals(cc))
                    error(where + "admin1 id not in admin1.json, or type/country disagree");
            } else if (id.startsWith("admin2:")) {
                if (!type.equals("admin2") || !admin2.contains(id.substring(7)) || !id.substring(7, 9).equals(cc))
                    error(where + "admin2 id not in admin2.json, or type/country disagree");
            } else if (id.startsWith("geonames:")) {
                if (!type.equals("city") || !cc.equals(cities.get(id.substring(9))))
                    error(where + "geonames id not in cities500 with country " + cc + ", or type not city");
            } else if (id.startsWith("other:")) {
                if (!type.equals("other") || !id.substring(6).matches("[a-z0-9]+(-[a-z0-9]+)*")) error(where + "bad other: id");
            } else error(where + "unknown id scheme " + id);
            if (!id.isEmpty()) {
                String key = id + "\t" + type + "\t" + cc;
                String prev = nameOf.putIfAbsent(id, name + "\t" + type + "\t" + cc);
                if (prev != null && !prev.equals(name + "\t" + type + "\t" + cc))
                    error(where + id + " has two names/types: " + prev + " and " + name);
            }
        }
        Set<String> atypes = Set.of("person", "organization", "force", "media");
        Map<String, String> actorOf = new HashMap<>();
        for (String[] a : actors) {
            String where = "actors.tsv " + a[1] + " " + a[2] + " " + a[3] + " '" + a[5] + "': ";
            if (!atypes.contains(a[7])) error(where + "bad actor_type " + a[7]);
            if (a[6].isEmpty()) error(where + "empty actor_name");
            if (!a[8].isEmpty() && !a[8].matches("[A-Z]{2}")) error(where + "bad country_code " + a[8]);
            String prev = actorOf.putIfAbsent(a[6], a[7] + "\t" + a[8]);
            if (prev != null && !prev.equals(a[7] + "\t" + a[8])) error(where + a[6] + " has two types/countries");
        }
        for (Map.Entry<String, String> e : status.entrySet()) {
            int n = regionsWithPlace.getOrDefault(e.getKey(), 0);
            if (e.getValue().equals("labelled") && n == 0) error("labelled article without a region: " + e.getKey());
            if (e.getValue().equals("skipped") && n > 0) error("skipped article with region labels: " + e.getKey());
        }

        // counts
        System.out.println("sample: " + count(status.entrySet(), "ruwa-2022", "labelled") + " + "
                + count(status.entrySet(), "news-2024-07", "labelled") + " articles labelled (ruwa-2022 + news-2024-07), "
                + (count(status.entrySet(), "ruwa-2022", "skipped") + count(status.entrySet(), "news-2024-07", "skipped"))
                + " skipped");
        System.out.println("regions: " + regions.size() + " labels " + tally(regions, 8) + ", by field " + tally(regions, 2)
                + ", by dump " + tally(regions, 0) + ", unresolved (no id) " + regions.stream().filter(r -> r[6].isEmpty()).count()
                + ", distinct ids " + nameOf.size());
        System.out.println("actors: " + actors.size() + " labels " + tally(actors, 7) + ", by field " + tally(actors, 2)
                + ", by dump " + tally(actors, 0) + ", with a role " + actors.stream().filter(a -> !a[9].isEmpty()).count()
                + ", distinct actors " + actorOf.size());
        if (errors > 0) {
            System.out.println(errors + " error(s)");
            return 1;
        }
        System.out.println("OK: every offset matches the cleaned text");
        return 0;
    }

    static long count(Set<Map.Entry<String, String>> s, String dump, String st) {
        return s.stream().filter(e -> e.getKey().startsWith(dump + "\t") && e.getValue().equals(st)).count();
    }

    static Map<String, Integer> tally(List<String[]> rows, int col) {
        Map<String, Integer> m = new TreeMap<>();
        for (String[] r : rows) m.merge(r[col], 1, Integer::sum);
        return m;
    }

    static Set<String> codes(Path p) throws Exception {
        Set<String> s = new HashSet<>();
        for (JsonNode n : new ObjectMapper().readTree(p.toFile())) s.add(n.get("code").asText());
        return s;
    }

    static void checkSpans(String file, List<String[]> rows, Map<String, Map<String, Rec>> byId,
            Map<String, String> status, Map<String, Integer> perArticle) {
        Map<String, List<int[]>> spans = new HashMap<>();
        for (String[] r : rows) {
            String where = file + " " + r[1] + " " + r[2] + " " + r[3] + " '" + r[5] + "': ";
            String st = status.get(r[0] + "\t" + r[1]);
            if (!"labelled".equals(st)) { error(where + "article is not a labelled article of sample.tsv"); continue; }
            Rec rec = byId.get(r[0]).get(r[1]);
            if (rec == null) { error(where + "no such record"); continue; }
            String s = switch (r[2]) {
                case "title" -> rec.title();
                case "text" -> rec.text();
                default -> null;
            };
            if (s == null) { error(where + "field must be title or text"); continue; }
            int b = Integer.parseInt(r[3]), e = Integer.parseInt(r[4]);
            if (b < 0 || e > s.length() || b >= e) { error(where + "offsets out of range (" + s.length() + ")"); continue; }
            if (!s.substring(b, e).equals(r[5])) { error(where + "text there is '" + s.substring(b, e) + "'"); continue; }
            if ((b > 0 && wordChar(s.charAt(b - 1)) && wordChar(s.charAt(b)))
                    || (e < s.length() && wordChar(s.charAt(e)) && wordChar(s.charAt(e - 1))))
                error(where + "span cuts a word");
            if (!r[5].equals(r[5].strip())) error(where + "surface has outer whitespace");
            String key = r[0] + "\t" + r[1] + "\t" + r[2];
            for (int[] o : spans.computeIfAbsent(key, k -> new ArrayList<>()))
                if (b < o[1] && o[0] < e) error(where + "overlaps another label [" + o[0] + "," + o[1] + ")");
            spans.get(key).add(new int[] {b, e});
            perArticle.merge(r[0] + "\t" + r[1], 1, Integer::sum);
        }
    }
}
