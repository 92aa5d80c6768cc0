package org.frontline.quality;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;
import org.frontline.ingest.Article;
import org.frontline.ingest.DumpReader;
import org.frontline.ingest.IngestResult;
import org.frontline.ingest.ResultIterator;
import org.frontline.nlp.NlpProfile;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The cleaned articles of the gold set's dumps, exactly as the Frontline job ingests them, and their sentences.
 * Part of the hand-labelled figure gold set (src/quality/figures/README.md); not part of the job, not a test.
 *
 * <p>It reads the dumps with the job's own {@link DumpReader} (strict UTF-8, validation, TextCleaner.clean of title
 * and text, ids), drops the records the job would quarantine, and de-duplicates by content hash over all dumps
 * pooled as the job does in one warehouse (the copy kept: earliest published_date, then smallest article_id).
 * Sentences come from CoreNLP's tokenize+ssplit with the tokenize and ssplit properties of the job's
 * {@code default} profile (nothing else: no POS, NER or rules), so a sentence here is a sentence of the job.
 *
 * <pre>
 * java -cp target/frontline-0.1.0.jar:target/test-classes:$(cat target/classpath/spark.classpath) \
 *      org.frontline.quality.FigureCorpus articles OUT.jsonl
 *                              # one cleaned article per line: dump, article_id, published_date, title, text
 * java -cp ... org.frontline.quality.FigureCorpus sentences OUT.jsonl
 *                              # one sentence per line: dump, article_id, published_date, field, index, begin, end, sentence
 * java -cp ... org.frontline.quality.FigureCorpus check [DIR]
 *                              # verifies the gold set's TSV files (default src/quality/figures; also
 *                              # src/quality/figures-heldout, which has no sample-article.tsv) against the cleaned texts
 * </pre>
 * {@code articles} and {@code sentences} read the dumps of the first gold sets (ruwa-2022, news-2024-07, the sample
 * article) unless {@code --dumps NAME,...} names others ({@code GoldDumps}: isw-2022, rss-2023); {@code check} reads the
 * dumps its gold set names. Dumps are pooled for de-duplication only with the dumps read in the same call.
 * Both write outside the repository (the text is licensed for development only and is never committed).
 * Environment: FRONTLINE_DATA (default /work/shared/data), FRONTLINE_CONF (default conf).
 */
public class FigureCorpus {

    static final Path DATA = Path.of(System.getenv().getOrDefault("FRONTLINE_DATA", "/work/shared/data"));
    static final Path CONF = Path.of(System.getenv().getOrDefault("FRONTLINE_CONF", "conf"));

    /**
     * The language a dump's records must declare in their {@code language} field to be drawn (rss-2023 mixes
     * English and Polish items; the others are English).
     */
    static final Map<String, String> LANGUAGE = Map.of("rss-2023", "en");

    /** The dumps of the first gold sets (src/quality/figures, figures-heldout), in their order. */
    static final List<String> FIRST_DUMPS = List.of("ruwa-2022", "news-2024-07", "sample");

    record Kept(String dump, Article article) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 1 && args[0].equals("check")) {
            System.exit(GoldCheck.run(Path.of(args.length > 1 ? args[1] : "src/quality/figures")));
        }
        boolean dumpsGiven = args.length == 4 && args[2].equals("--dumps");
        if (!(args.length == 2 || dumpsGiven) || !List.of("articles", "sentences").contains(args[0])) {
            System.err.println("usage: FigureCorpus articles|sentences OUT.jsonl [--dumps NAME,...] | check [DIR]");
            System.exit(2);
        }
        List<Kept> articles = articles(dumpsGiven ? List.of(args[3].split(",")) : FIRST_DUMPS);
        ObjectMapper json = new ObjectMapper();
        StanfordCoreNLP splitter = args[0].equals("sentences") ? splitter() : null;
        long n = 0;
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
            for (Kept k : articles) {
                Article a = k.article();
                if (splitter == null) {
                    ObjectNode o = json.createObjectNode();
                    o.put("dump", k.dump()).put("article_id", a.articleId())
                            .put("published_date", a.publishedDate().toString())
                            .put("title", a.title()).put("text", a.text());
                    out.write(json.writeValueAsString(o));
                    out.write('\n');
                    n++;
                    continue;
                }
                for (String field : List.of("title", "text")) {
                    String s = field.equals("title") ? a.title() : a.text();
                    if (s.isEmpty()) {
                        continue;
                    }
                    List<int[]> spans = sentences(splitter, s);
                    for (int i = 0; i < spans.size(); i++) {
                        int[] sp = spans.get(i);
                        ObjectNode o = json.createObjectNode();
                        o.put("dump", k.dump()).put("article_id", a.articleId())
                                .put("published_date", a.publishedDate().toString()).put("source", a.source()).put("field", field)
                                .put("sentence_index", i).put("begin", sp[0]).put("end", sp[1])
                                .put("sentence", s.substring(sp[0], sp[1]));
                        out.write(json.writeValueAsString(o));
                        out.write('\n');
                        n++;
                    }
                }
            }
        }
        System.err.println("FigureCorpus: " + articles.size() + " articles, " + n + " lines written to " + args[1]);
    }

    /** The de-duplicated, cleaned articles of the named dumps, in dump order then file order. */
    static List<Kept> articles(List<String> dumpNames) throws IOException {
        Map<String, Kept> byHash = new LinkedHashMap<>();
        int read = 0;
        int rejected = 0;
        for (String name : dumpNames) {
            GoldDumps.Dump d = GoldDumps.get(name);
            DumpReader reader = new DumpReader(d.ingest());
            for (Path file : d.files(DATA)) {
                try (InputStream in = open(file, LANGUAGE.get(name));
                     ResultIterator it = reader.read(in, file.toString(), d.format())) {
                    while (it.hasNext()) {
                        IngestResult r = it.next();
                        read++;
                        if (!(r instanceof Article a)) {
                            rejected++;
                            continue;
                        }
                        Kept k = new Kept(d.name(), a);
                        byHash.merge(a.contentHash(), k, (x, y) -> KEEP_FIRST.compare(x, y) <= 0 ? x : y);
                    }
                }
            }
        }
        List<Kept> kept = new ArrayList<>(byHash.values());
        System.err.println("FigureCorpus: " + read + " records read, " + rejected + " rejected (quarantine), "
                + (read - rejected - kept.size()) + " duplicates, " + kept.size() + " articles kept");
        return kept;
    }

    /**
     * A dump file's bytes, decompressed; with a {@code language}, only the JSON lines whose {@code language} field
     * starts with it (the others are not read at all, as if the dump held none).
     */
    static InputStream open(Path file, String language) throws IOException {
        InputStream raw = Files.newInputStream(file);
        String name = file.getFileName().toString();
        InputStream in = name.endsWith(".gz") ? new java.util.zip.GZIPInputStream(raw, 1 << 16) : raw;
        if (language == null) {
            return in;
        }
        ObjectMapper json = new ObjectMapper();
        java.io.ByteArrayOutputStream kept = new java.io.ByteArrayOutputStream();
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                String lang;
                try {
                    lang = json.readTree(line).path("language").asText("");
                } catch (IOException e) {
                    lang = language; // not JSON: left to the reader, which quarantines it
                }
                if (lang.toLowerCase(java.util.Locale.ROOT).startsWith(language)) {
                    kept.write(line.getBytes(StandardCharsets.UTF_8));
                    kept.write('\n');
                }
            }
        }
        return new java.io.ByteArrayInputStream(kept.toByteArray());
    }

    /** The job's choice among copies of one content: earliest published_date, then smallest article_id. */
    static final Comparator<Kept> KEEP_FIRST = Comparator
            .comparing((Kept k) -> k.article().publishedDate())
            .thenComparing(k -> k.article().articleId());

    /** CoreNLP tokenize+ssplit with the tokenize.* and ssplit.* properties of the job's default profile. */
    static StanfordCoreNLP splitter() {
        Properties profile = NlpProfile.load(CONF, "default").corenlp();
        Properties p = new Properties();
        for (String key : profile.stringPropertyNames()) {
            if (key.startsWith("tokenize.") || key.startsWith("ssplit.")) {
                p.setProperty(key, profile.getProperty(key));
            }
        }
        p.setProperty("annotators", "tokenize,ssplit");
        return new StanfordCoreNLP(p);
    }

    /** [begin, end) of each sentence: from its first token's begin to its last token's end. */
    static List<int[]> sentences(StanfordCoreNLP splitter, String text) {
        Annotation doc = new Annotation(text);
        splitter.annotate(doc);
        List<int[]> spans = new ArrayList<>();
        for (CoreMap s : doc.get(CoreAnnotations.SentencesAnnotation.class)) {
            List<CoreLabel> tokens = s.get(CoreAnnotations.TokensAnnotation.class);
            int begin = tokens.get(0).beginPosition();
            int end = tokens.get(tokens.size() - 1).endPosition();
            spans.add(new int[] {begin, end});
        }
        return spans;
    }

    /**
     * The checker of the gold set (not a test: it needs shared/data). Every offset is verified against the cleaned
     * texts: a sentence's span must be a CoreNLP sentence of its field, a figure's span must spell its surface and
     * lie inside a listed sentence, counts must agree, and the labels must be well-formed (enumerations, values,
     * units, ISO dates, region ids that exist in the GeoNames and country files). Prints problems; exit 1 if any.
     */
    static final class GoldCheck {
        static final Set<String> QUANTITIES = Set.of("area", "distance", "settlements", "share");
        static final Map<String, String> UNIT_OF = Map.of("area", "km2", "distance", "km", "settlements", "count", "share", "percent");
        static final Set<String> QUALIFIERS = Set.of("exact", "approx", "at_least", "at_most");
        static final Set<String> KINDS = Set.of("control", "advance", "distance", "other");
        static final List<String> FIGURE_COLS = List.of("dump", "article_id", "field", "char_begin", "char_end", "surface",
                "quantity", "value_min", "value_max", "normalized_unit", "qualifier", "kind", "actor_name", "region_name",
                "region_id", "claimant_name", "period_start", "period_end");
        static final List<String> SENTENCE_COLS = List.of("dump", "article_id", "published_date", "field", "sentence_begin",
                "sentence_end", "draw_rank", "stage", "n_figures");

        final List<String> problems = new ArrayList<>();
        int checked = 0;

        static int run(Path dir) throws IOException {
            GoldCheck c = new GoldCheck();
            c.check(dir);
            for (String p : c.problems) {
                System.out.println("PROBLEM " + p);
            }
            System.out.println("FigureCorpus check: " + c.checked + " rows checked, " + c.problems.size() + " problems");
            return c.problems.isEmpty() ? 0 : 1;
        }

        void check(Path dir) throws IOException {
            Map<String, Kept> byKey = new HashMap<>();
            // The dumps this set names, pooled as they were for its draw.
            Set<String> named = new java.util.TreeSet<>();
            read(dir.resolve("sentences.tsv"), SENTENCE_COLS).forEach(r -> named.add(r.get("dump")));
            List<String> dumps = named.stream().anyMatch(FIRST_DUMPS::contains) ? FIRST_DUMPS : List.copyOf(named);
            for (Kept k : articles(dumps)) {
                byKey.put(k.dump() + "\t" + k.article().articleId(), k);
            }
            StanfordCoreNLP splitter = splitter();
            Map<String, List<int[]>> sentenceCache = new HashMap<>();
            Set<String> regionIds = regionIds();

            List<Map<String, String>> sentences = read(dir.resolve("sentences.tsv"), SENTENCE_COLS);
            List<Map<String, String>> figures = read(dir.resolve("figures.tsv"), FIGURE_COLS);
            // A held-out set (src/quality/figures-heldout) has no sample article.
            List<Map<String, String>> sample = Files.exists(dir.resolve("sample-article.tsv"))
                    ? read(dir.resolve("sample-article.tsv"), FIGURE_COLS) : List.of();

            Map<String, int[]> sentenceSpans = new LinkedHashMap<>(); // key dump/id/field/begin -> [begin, end, n, seen]
            Set<Integer> ranks = new HashSet<>();
            for (Map<String, String> s : sentences) {
                checked++;
                String where = "sentences.tsv rank " + s.get("draw_rank");
                Kept k = byKey.get(s.get("dump") + "\t" + s.get("article_id"));
                if (k == null) {
                    problems.add(where + ": no article " + s.get("dump") + " " + s.get("article_id"));
                    continue;
                }
                if (!k.article().publishedDate().toString().equals(s.get("published_date"))) {
                    problems.add(where + ": published_date " + s.get("published_date") + " != " + k.article().publishedDate());
                }
                if (!ranks.add(Integer.parseInt(s.get("draw_rank")))) {
                    problems.add(where + ": rank twice");
                }
                if (!Set.of("1", "2", "3").contains(s.get("stage"))) {
                    problems.add(where + ": stage " + s.get("stage"));
                }
                String text = field(k, s.get("field"));
                int b = Integer.parseInt(s.get("sentence_begin"));
                int e = Integer.parseInt(s.get("sentence_end"));
                if (text == null || b < 0 || e > text.length() || b >= e) {
                    problems.add(where + ": span " + b + "-" + e + " outside the cleaned " + s.get("field"));
                    continue;
                }
                List<int[]> split = sentenceCache.computeIfAbsent(s.get("dump") + "\t" + s.get("article_id") + "\t" + s.get("field"),
                        x -> sentences(splitter, text));
                if (split.stream().noneMatch(sp -> sp[0] == b && sp[1] == e)) {
                    problems.add(where + ": " + b + "-" + e + " is not a sentence of the cleaned " + s.get("field"));
                }
                sentenceSpans.put(s.get("dump") + "\t" + s.get("article_id") + "\t" + s.get("field") + "\t" + b,
                        new int[] {b, e, Integer.parseInt(s.get("n_figures")), 0});
            }
            for (Map<String, String> f : figures) {
                String where = "figures.tsv " + f.get("article_id") + " " + f.get("field") + " " + f.get("char_begin");
                int[] sent = checkFigure(f, where, byKey, regionIds);
                if (sent == null) {
                    continue;
                }
                int[] hit = null;
                for (Map.Entry<String, int[]> en : sentenceSpans.entrySet()) {
                    String[] key = en.getKey().split("\t");
                    int[] sp = en.getValue();
                    if (key[0].equals(f.get("dump")) && key[1].equals(f.get("article_id")) && key[2].equals(f.get("field"))
                            && sp[0] <= sent[0] && sent[1] <= sp[1]) {
                        hit = sp;
                    }
                }
                if (hit == null) {
                    problems.add(where + ": not inside a sentence of sentences.tsv");
                } else {
                    hit[3]++;
                }
            }
            for (Map.Entry<String, int[]> en : sentenceSpans.entrySet()) {
                if (en.getValue()[2] != en.getValue()[3]) {
                    problems.add("sentences.tsv " + en.getKey().replace('\t', ' ') + ": n_figures " + en.getValue()[2]
                            + " but " + en.getValue()[3] + " figures");
                }
            }
            for (Map<String, String> f : sample) {
                if (!"sample".equals(f.get("dump"))) {
                    problems.add("sample-article.tsv: dump " + f.get("dump"));
                }
                checkFigure(f, "sample-article.tsv " + f.get("char_begin"), byKey, regionIds);
            }
        }

        /** Checks one figure row; returns its span, or null when its text cannot be located. */
        int[] checkFigure(Map<String, String> f, String where, Map<String, Kept> byKey, Set<String> regionIds) {
            checked++;
            Kept k = byKey.get(f.get("dump") + "\t" + f.get("article_id"));
            if (k == null) {
                problems.add(where + ": no article " + f.get("dump") + " " + f.get("article_id"));
                return null;
            }
            String text = field(k, f.get("field"));
            int b = Integer.parseInt(f.get("char_begin"));
            int e = Integer.parseInt(f.get("char_end"));
            if (text == null || b < 0 || e > text.length() || b >= e) {
                problems.add(where + ": span outside the cleaned " + f.get("field"));
                return null;
            }
            if (!text.substring(b, e).equals(f.get("surface"))) {
                problems.add(where + ": text at " + b + "-" + e + " is '" + text.substring(b, e) + "', surface '" + f.get("surface") + "'");
            }
            String q = f.get("quantity");
            if (!QUANTITIES.contains(q)) {
                problems.add(where + ": quantity " + q);
            } else if (!UNIT_OF.get(q).equals(f.get("normalized_unit"))) {
                problems.add(where + ": unit " + f.get("normalized_unit") + " for " + q);
            }
            if (!QUALIFIERS.contains(f.get("qualifier"))) {
                problems.add(where + ": qualifier " + f.get("qualifier"));
            }
            if (!KINDS.contains(f.get("kind"))) {
                problems.add(where + ": kind " + f.get("kind"));
            }
            if (("advance".equals(f.get("kind")) || "distance".equals(f.get("kind"))) && !"distance".equals(q)) {
                problems.add(where + ": kind " + f.get("kind") + " needs quantity distance");
            }
            try {
                double lo = Double.parseDouble(f.get("value_min"));
                double hi = Double.parseDouble(f.get("value_max"));
                if (!(lo > 0) || hi < lo) {
                    problems.add(where + ": values " + lo + ".." + hi);
                }
                if ("settlements".equals(q) && (lo != Math.rint(lo) || hi != Math.rint(hi))) {
                    problems.add(where + ": a count that is not whole");
                }
            } catch (NumberFormatException ex) {
                problems.add(where + ": values " + f.get("value_min") + ".." + f.get("value_max"));
            }
            String ps = f.get("period_start");
            String pe = f.get("period_end");
            if (ps.isEmpty() != pe.isEmpty()) {
                problems.add(where + ": half a period");
            } else if (!ps.isEmpty()) {
                try {
                    if (LocalDate.parse(ps).isAfter(LocalDate.parse(pe))) {
                        problems.add(where + ": period ends before it starts");
                    }
                } catch (DateTimeException ex) {
                    problems.add(where + ": period " + ps + ".." + pe);
                }
            }
            String ids = f.get("region_id");
            String names = f.get("region_name");
            if (!ids.isEmpty()) {
                String[] idList = ids.split("; ");
                // Joint places some of which the gazetteer lacks list only the ids found (the note names the rest).
                if (idList.length > names.split("; ").length) {
                    problems.add(where + ": " + idList.length + " region ids for region names '" + names + "'");
                }
                for (String id : idList) {
                    boolean ok = id.startsWith("other:") ? id.matches("other:[a-z0-9]+(-[a-z0-9]+)*") : regionIds.contains(id);
                    if (!ok) {
                        problems.add(where + ": unknown region id " + id);
                    }
                }
            }
            return new int[] {b, e};
        }

        static String field(Kept k, String field) {
            return switch (field) {
                case "title" -> k.article().title();
                case "text" -> k.article().text();
                default -> null;
            };
        }

        /** country:XX from countries.json, admin1:/admin2: codes from GeoNames, geonames:ID from cities500. */
        static Set<String> regionIds() throws IOException {
            Set<String> ids = new HashSet<>();
            ObjectMapper json = new ObjectMapper();
            for (var c : json.readTree(DATA.resolve("countries/countries.json").toFile())) {
                ids.add("country:" + c.get("cca2").asText());
            }
            for (String level : List.of("admin1", "admin2")) {
                for (var a : json.readTree(DATA.resolve("geonames/" + level + ".json").toFile())) {
                    ids.add(level + ":" + a.get("code").asText());
                }
            }
            try (var lines = Files.lines(DATA.resolve("geonames/cities500.txt"), StandardCharsets.UTF_8)) {
                lines.forEach(l -> ids.add("geonames:" + l.substring(0, l.indexOf('\t'))));
            }
            return ids;
        }

        List<Map<String, String>> read(Path file, List<String> required) throws IOException {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            List<String> header = List.of(lines.get(0).split("\t", -1));
            if (!header.containsAll(required)) {
                problems.add(file.getFileName() + ": header lacks " + required.stream().filter(c -> !header.contains(c)).toList());
                return List.of();
            }
            List<Map<String, String>> rows = new ArrayList<>();
            for (int i = 1; i < lines.size(); i++) {
                String[] cells = lines.get(i).split("\t", -1);
                if (cells.length != header.size()) {
                    problems.add(file.getFileName() + ":" + (i + 1) + ": " + cells.length + " cells, header has " + header.size());
                    continue;
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int j = 0; j < cells.length; j++) {
                    row.put(header.get(j), cells[j]);
                }
                rows.add(row);
            }
            return rows;
        }
    }
}
