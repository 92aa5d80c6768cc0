import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;
import org.frontline.ingest.Article;
import org.frontline.ingest.DumpReader;
import org.frontline.ingest.FieldMapping;
import org.frontline.ingest.IngestOptions;
import org.frontline.ingest.IngestResult;
import org.frontline.ingest.InputFormat;
import org.frontline.ingest.ResultIterator;
import org.frontline.nlp.NlpProfile;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

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
 * java -cp target/frontline-0.1.0.jar:$(cat target/classpath/spark.classpath) src/quality/FigureCorpus.java \
 *      articles OUT.jsonl       # one cleaned article per line: dump, article_id, published_date, title, text
 * java -cp ... src/quality/FigureCorpus.java sentences OUT.jsonl
 *                              # one sentence per line: dump, article_id, published_date, field, index, begin, end, sentence
 * </pre>
 * Both write outside the repository (the text is licensed for development only and is never committed).
 * Environment: FRONTLINE_DATA (default /work/shared/data), FRONTLINE_CONF (default conf).
 */
public class FigureCorpus {

    static final Path DATA = Path.of(System.getenv().getOrDefault("FRONTLINE_DATA", "/work/shared/data"));
    static final Path CONF = Path.of(System.getenv().getOrDefault("FRONTLINE_CONF", "conf"));

    /** A dump of the gold set: its name in the TSV files, its file, its format and its date field. */
    record Dump(String name, Path file, InputFormat format, String dateField) {
    }

    static final List<Dump> DUMPS = List.of(
            new Dump("ruwa-2022", DATA.resolve("ruwa-2022/leads.jsonl"), InputFormat.JSONL, "date"),
            new Dump("news-2024-07", DATA.resolve("news-2024-07/articles.jsonl"), InputFormat.JSONL, "path_date"),
            new Dump("sample", DATA.resolve("samples/2024-08-07-kursk.txt"), InputFormat.TEXT, "date"));

    record Kept(String dump, Article article) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !List.of("articles", "sentences").contains(args[0])) {
            System.err.println("usage: FigureCorpus articles|sentences OUT.jsonl");
            System.exit(2);
        }
        List<Kept> articles = articles();
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
                                .put("published_date", a.publishedDate().toString()).put("field", field)
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

    /** The de-duplicated, cleaned articles of all dumps, in dump order then file order. */
    static List<Kept> articles() throws IOException {
        Map<String, Kept> byHash = new LinkedHashMap<>();
        int read = 0;
        int rejected = 0;
        for (Dump d : DUMPS) {
            FieldMapping mapping = FieldMapping.parse(d.dateField().equals("date") ? List.of() : List.of("date=" + d.dateField()));
            DumpReader reader = new DumpReader(IngestOptions.defaults().withFields(mapping));
            try (InputStream in = Files.newInputStream(d.file());
                 ResultIterator it = reader.read(in, d.file().toString(), d.format())) {
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
        List<Kept> kept = new ArrayList<>(byHash.values());
        System.err.println("FigureCorpus: " + read + " records read, " + rejected + " rejected (quarantine), "
                + (read - rejected - kept.size()) + " duplicates, " + kept.size() + " articles kept");
        return kept;
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
}
