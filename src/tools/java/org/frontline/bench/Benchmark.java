package org.frontline.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.frontline.tables.Warehouse;
import org.frontline.ingest.FieldLayouts;
import org.frontline.ingest.FieldMapping;
import org.frontline.ingest.IngestOptions;
import org.frontline.ingest.InputFormat;
import org.frontline.job.AnnotateJob;
import org.frontline.job.IngestStage;
import org.frontline.job.Inputs;
import org.frontline.job.Versions;
import org.frontline.nlp.NlpProfile;
import org.frontline.nlp.Pipelines;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Measures, in one JVM and one run, the job's annotate stage against raw CoreNLP with exactly the job's
 * annotators and properties, on the same de-duplicated articles: tokens/s per core, articles/s, peak heap.
 * Model loading and Spark start-up are measured on their own and kept out of both throughputs.
 * Not a test: speeds are measured here and written to BENCHMARKS.md, never asserted.
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = "The annotate stage (local[1], local[2]) next to raw CoreNLP (1 and 2 threads) on one dump.")
public final class Benchmark implements Callable<Integer> {

    @Option(names = "--input", paramLabel = "PATH", description = "Dump to measure on (default: ../shared/data/news-2024-07"
            + " with --field date=path_date when present, else data/)")
    String input;

    @Option(names = "--field", paramLabel = "NAME=SOURCE", description = "Field mapping, as for annotate")
    List<String> fields = new ArrayList<>();

    @Option(names = "--sample", paramLabel = "N", description = "Measure on N distinct articles only (a quick run)")
    Integer sample;

    @Option(names = "--profile", defaultValue = "default", description = "CoreNLP profile (default: ${DEFAULT-VALUE})")
    String profileName;

    @Option(names = "--config-dir", defaultValue = "conf", description = "The conf/ folder (default: ${DEFAULT-VALUE})")
    Path configDir;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the Markdown report to FILE")
    Path out;

    @Option(names = "--reference-sample", paramLabel = "N", defaultValue = "150",
            description = "Articles the all-defaults CoreNLP reference runs on (default: ${DEFAULT-VALUE}; it is ~10x slower)")
    int referenceSample;

    @Option(names = "--copies", paramLabel = "N", defaultValue = "1",
            description = "Measure on N distinct copies of the dump (new ids, a marker in each text): memory as the dump grows")
    int copies;

    @Option(names = "--warm-up", paramLabel = "SECONDS", defaultValue = "30",
            description = "Seconds of CoreNLP on two threads before anything is measured (default: ${DEFAULT-VALUE})")
    double warmUpSeconds;

    @Option(names = "--job-warm-ups", paramLabel = "N", defaultValue = "1",
            description = "Runs of the whole job (local[2], every distinct article) after the CoreNLP warm-up, before"
                    + " anything is measured (default: ${DEFAULT-VALUE})")
    int jobWarmUps;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "1",
            description = "Rounds of raw CoreNLP and the job in turn; the report gives each configuration's median"
                    + " and every round's ratios (default: ${DEFAULT-VALUE})")
    int repeat;

    @Option(names = "--job-only", description = "Measure the job at local[2] only (no raw CoreNLP, no reference)")
    boolean jobOnly;

    @Option(names = "--sentence-cache", paramLabel = "N",
            description = "With --job-only: the job's sentence cache (default: the profile's; 0 = off, so that the"
                    + " copies' repeated sentences cost as much as the first copy's)")
    Integer sentenceCache;

    private int profileCache;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Benchmark()).execute(args));
    }

    /**
     * One measured configuration; {@code jitSeconds}: the JIT compiler threads' time during it (for the job, its whole
     * run), which on two cores competes with the task threads for the same cores; {@code onCore}: the share of their
     * run time the working threads (raw CoreNLP's threads, the annotate stage's tasks) spent on a core, not waiting;
     * {@code busy}: the share of the cores the working threads kept running over the measured time (the rest: a
     * stage's start and its last tasks' tail); {@code cpuSeconds}: the working threads' CPU time.
     */
    record Measure(String what, int threads, long articles, long tokens, double seconds, long peakHeapMb, long liveHeapMb,
                   double jitSeconds, double onCore, double busy, double cpuSeconds) {
        double tokensPerSecond() {
            return tokens / seconds;
        }

        /** What one working thread annotates per second on a core: the work itself, whatever it waited for. */
        double tokensPerCpuSecond() {
            return tokens / cpuSeconds;
        }
    }

    @Override
    public Integer call() throws Exception {
        if (input == null) {
            Path news = Path.of("../shared/data/news-2024-07/articles.jsonl");
            input = Files.exists(news) ? news.toString() : "data";
            if (Files.exists(news) && fields.isEmpty()) {
                fields = List.of("date=path_date");
            }
        }
        NlpProfile profile = NlpProfile.load(configDir, profileName);
        profileCache = profile.sentenceCache();
        Path work = Files.createTempDirectory("frontline-bench");

        long t = System.nanoTime();
        SparkSession spark = session("local[2]");
        double sparkStart = seconds(t);
        List<String[]> articles = copies(distinctArticles(spark, profile), copies);
        Path dump = writeJsonl(articles, work.resolve("articles.jsonl"));
        spark.stop();
        System.err.printf("Benchmark: %d distinct articles from %s%n", articles.size(), input);

        // Model loading, measured alone: the job's tasks then find the JVM's pipeline built (as on an executor
        // after its first task), so neither throughput below includes it.
        t = System.nanoTime();
        StanfordCoreNLP pipeline = Pipelines.get(profile.corenlp());
        double load = seconds(t);
        // The rest of what an executor builds once: the gazetteer, the alias table, the rules, the cascade (which
        // loads on the first sentence holding a figure: warmed here on the sample article's figure sentence).
        t = System.nanoTime();
        var reference = org.frontline.nlp.ReferenceFiles.read(configDir, profile);
        int cache = profile.sentenceCache();
        int otherCache = cache > 0 ? 0 : 100_000;
        for (int c : new int[] {cache, otherCache}) {
            org.frontline.nlp.ArticleAnnotator.forProfile(profile.withSentenceCache(c), reference).annotate(
                    new org.frontline.ingest.Article("warm-up", LocalDate.now(ZoneOffset.UTC), null, null, "",
                            "Russia has taken 420 sq km of territory since June 14, the ministry said.", "h", "f", "r"));
        }
        double referenceLoad = seconds(t);
        // JIT warm-up, so that no configuration pays for the compilation of the code all of them run: CoreNLP
        // for warmUpSeconds on two threads, then the whole job once on every distinct article (Spark's and the
        // extraction's code paths), as an executor is warm after its first tasks. Once on 150 articles was too
        // little: the first measured job still spent 18.6 s of C2 compiling the extraction's methods (JFR), on the
        // cores its tasks ran on at local[2], and on the idle second core at local[1].
        warmUp(pipeline, articles, warmUpSeconds);
        Path warmUpDump = writeJsonl(articles.subList(0, articles.size() / copies), work.resolve("warm-up.jsonl"));
        for (int run = 1; run <= jobWarmUps; run++) {
            spark = session("local[2]");
            long jit = jitMillis();
            t = System.nanoTime();
            AnnotateJob.run(spark, jobOptions(warmUpDump, work.resolve("warehouse-warm-up-" + run), OptionalInt.of(cache)));
            System.err.printf(Locale.ROOT, "Benchmark: job warm-up run %d: %.1f s, JIT compiling %.1f s%n", run, seconds(t),
                    (jitMillis() - jit) / 1e3);
            spark.stop();
        }
        org.frontline.nlp.ArticleAnnotator.clearSentenceCaches();

        if (jobOnly) {
            return jobOnly(articles.size(), dump, configDir, profileName);
        }
        // Raw CoreNLP and the job in turn at each core count: the two sides of a ratio are measured next to each
        // other, so a drift of the machine's speed during the run weighs on both alike.
        List<List<Measure>> raws = new ArrayList<>();
        List<List<Measure>> jobs = new ArrayList<>();
        List<AnnotateJob.RunStats> runs = new ArrayList<>();
        List<String> sentenceWork = new ArrayList<>();
        record JobConfig(int cores, int sentenceCache) {
        }
        List<JobConfig> configs = List.of(new JobConfig(1, cache), new JobConfig(2, cache), new JobConfig(2, otherCache));
        for (int round = 0; round < repeat; round++) {
            List<Measure> roundRaws = new ArrayList<>();
            List<Measure> roundJobs = new ArrayList<>();
            for (JobConfig config : configs) {
                if (config.sentenceCache() == cache) {
                    roundRaws.add(raw(pipeline, articles, config.cores()));
                }
                spark = session("local[" + config.cores() + "]");
                // Each configuration starts cold: the JVM's sentence caches would otherwise remember the last run's.
                org.frontline.nlp.ArticleAnnotator.clearSentenceCaches();
                resetPeaks();
                var annotator = org.frontline.nlp.ArticleAnnotator.forProfile(profile.withSentenceCache(config.sentenceCache()), reference);
                long[] cacheBefore = annotator.sentenceCacheCounts();
                long[] tagsBefore = annotator.tagCounts();
                long jit = jitMillis();
                var busiest = new BusiestStage();
                spark.sparkContext().addSparkListener(busiest);
                t = System.nanoTime();
                AnnotateJob.RunStats stats = AnnotateJob.run(spark, jobOptions(dump,
                        work.resolve("warehouse-" + round + "-" + config.cores() + "-" + config.sentenceCache()),
                        OptionalInt.of(config.sentenceCache())));
                double wall = seconds(t);
                String label = "job annotate stage local[" + config.cores() + "]"
                        + (config.sentenceCache() > 0 ? ", sentence cache on" : ", sentence cache off");
                long heap = peakHeapMb();
                long live = LiveHeap.peakMb();
                double jitSeconds = (jitMillis() - jit) / 1e3;
                if (round == 0) {
                    runs.add(stats);
                    sentenceWork.add(sentenceWork(cacheBefore, annotator.sentenceCacheCounts(), tagsBefore,
                            annotator.tagCounts()));
                }
                System.err.printf("Benchmark: round %d, %s: end to end %.1f s (%s)%n", round + 1, label, wall, stats.times());
                spark.stop(); // delivers the listener's last events
                System.err.printf("Benchmark: round %d, %s: annotate stage %.1f s, its %d core(s) busy %.0f%% of it,"
                                + " its tasks on a core %.0f%% of their run time, %,.0f tokens per task CPU-second%n",
                        round + 1, label, busiest.wallSeconds(), config.cores(), 100 * busiest.busyShare(config.cores()),
                        100 * busiest.onCoreShare(), stats.tokens() / busiest.cpuSeconds());
                roundJobs.add(new Measure(label, config.cores(), stats.annotated(), stats.tokens(), stats.times().annotate(),
                        heap, live, jitSeconds, busiest.onCoreShare(), busiest.busyShare(config.cores()),
                        busiest.cpuSeconds()));
            }
            raws.add(roundRaws);
            jobs.add(roundJobs);
        }
        // (c) The reference users start from: CoreNLP's NER with all its defaults (3 CRF models, SUTime,
        // fine-grained RegexNER), on the first articles only: it is an order of magnitude slower. Measured last, so
        // that its models (GBs of heap) do not burden the job's garbage collector.
        Properties defaults = new Properties();
        defaults.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner");
        t = System.nanoTime();
        StanfordCoreNLP defaultPipeline = new StanfordCoreNLP(defaults);
        double defaultLoad = seconds(t);
        List<String[]> referenceArticles = articles.subList(0, Math.min(referenceSample, articles.size()));
        warmUp(defaultPipeline, referenceArticles.subList(0, Math.min(5, referenceArticles.size())), 0);
        Measure allDefaults = raw(defaultPipeline, referenceArticles, 1);
        List<Measure> measures = new ArrayList<>(medians(raws));
        measures.add(new Measure("CoreNLP NER, all defaults (first " + referenceArticles.size() + " articles)", 1,
                allDefaults.articles(), allDefaults.tokens(), allDefaults.seconds(), allDefaults.peakHeapMb(),
                allDefaults.liveHeapMb(), allDefaults.jitSeconds(), allDefaults.onCore(), allDefaults.busy(),
                allDefaults.cpuSeconds()));
        measures.addAll(medians(jobs));

        String report = report(measures, runs, sentenceWork, load, referenceLoad, defaultLoad, sparkStart, articles.size())
                + rounds(raws, jobs);
        System.out.println(report);
        if (out != null) {
            Files.writeString(out, report, StandardCharsets.UTF_8);
        }
        return 0;
    }

    /**
     * What the sentence cache and on-demand tagging spared in one job run (this JVM's counts before and after it):
     * the cache's hit rate, and the share of the annotated sentences tagged before NER, on demand, and never, and of
     * those recognised without the numeric classifiers.
     */
    private static String sentenceWork(long[] cacheBefore, long[] cacheAfter, long[] tagsBefore, long[] tagsAfter) {
        long hits = cacheAfter[0] - cacheBefore[0];
        long misses = cacheAfter[1] - cacheBefore[1];
        long upFront = tagsAfter[0] - tagsBefore[0];
        long onDemand = tagsAfter[1] - tagsBefore[1];
        long never = tagsAfter[2] - tagsBefore[2];
        long withoutNumbers = tagsAfter[3] - tagsBefore[3];
        long tagged = upFront + onDemand + never;
        String cache = hits + misses == 0 ? "no sentence cache"
                : String.format(Locale.ROOT, "sentence cache %,d hits of %,d sentences (%.1f%%)", hits, hits + misses,
                        100.0 * hits / (hits + misses));
        String tags = tagged == 0 ? "every sentence tagged"
                : String.format(Locale.ROOT, "of the sentences annotated anew, %.1f%% tagged before NER, %.1f%% on"
                        + " demand, %.1f%% never; %.1f%% recognised without the numeric classifiers",
                        100.0 * upFront / tagged, 100.0 * onDemand / tagged, 100.0 * never / tagged,
                        100.0 * withoutNumbers / tagged);
        return cache + "; " + tags;
    }

    /** Per configuration (the same position in every round), the round with the median throughput. */
    private static List<Measure> medians(List<List<Measure>> rounds) {
        List<Measure> out = new ArrayList<>();
        for (int i = 0; i < rounds.get(0).size(); i++) {
            int k = i;
            List<Measure> sorted = rounds.stream().map(r -> r.get(k))
                    .sorted(java.util.Comparator.comparingDouble(Measure::tokensPerSecond)).toList();
            out.add(sorted.get((sorted.size() - 1) / 2));
        }
        return out;
    }

    /** With several rounds: each round's ratios of the job to raw CoreNLP, so the spread is in the report. */
    private static String rounds(List<List<Measure>> raws, List<List<Measure>> jobs) {
        if (raws.size() < 2) {
            return "";
        }
        List<Double> one = new ArrayList<>();
        List<Double> two = new ArrayList<>();
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "The table gives each configuration's median of %d"
                + " rounds (raw CoreNLP and the job in turn in each), and the ratios above are of those medians. Job / raw"
                + " CoreNLP round by round, at 1 core / 2 cores:", raws.size()));
        for (int r = 0; r < raws.size(); r++) {
            one.add(100 * jobs.get(r).get(0).tokensPerSecond() / raws.get(r).get(0).tokensPerSecond());
            two.add(100 * jobs.get(r).get(1).tokensPerSecond() / raws.get(r).get(1).tokensPerSecond());
            s.append(String.format(Locale.ROOT, "%s %.0f%% / %.0f%%", r == 0 ? "" : ";", one.get(r), two.get(r)));
        }
        return s.append(String.format(Locale.ROOT, "; the median of those ratios %.0f%% / %.0f%%.%n", median(one), median(two)))
                .toString();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /**
     * {@code n} copies of the articles, made distinct (exact copies would be de-duplicated): a new id and a
     * marker sentence in each copy's text.
     */
    private static List<String[]> copies(List<String[]> articles, int n) {
        if (n <= 1) {
            return articles;
        }
        List<String[]> out = new ArrayList<>(articles.size() * n);
        for (int k = 0; k < n; k++) {
            for (String[] a : articles) {
                out.add(k == 0 ? a : new String[] {a[0] + "#copy" + k, a[1], a[2], a[3] + "\n\nCopy " + k + " of the article."});
            }
        }
        return out;
    }

    /** The dump's articles after the job's own ingest and de-duplication: id, date, title, text. */
    private List<String[]> distinctArticles(SparkSession spark, NlpProfile profile) {
        IngestOptions options = IngestOptions.defaults().withFields(FieldMapping.parse(fields));
        List<Inputs.InputFile> files = Inputs.resolve(spark.sparkContext().hadoopConfiguration(), List.of(input), Optional.empty());
        var plan = IngestStage.plan(spark, files, options, FieldLayouts.read(configDir));
        var valid = IngestStage.read(spark, plan, options).filter("reason IS NULL");
        // The kept copy of each content hash, as the job keeps it; ordered by hash: a fixed pseudo-random sample.
        var kept = valid.selectExpr("content_hash", "struct(published_date, article_id, title, text) AS a")
                .groupBy("content_hash").agg(org.apache.spark.sql.functions.min("a").as("a"))
                .orderBy("content_hash");
        if (sample != null) {
            kept = kept.limit(sample);
        }
        List<String[]> result = new ArrayList<>();
        for (Row r : kept.select("a.article_id", "a.published_date", "a.title", "a.text").collectAsList()) {
            result.add(new String[] {r.getString(0), r.getDate(1).toString(), r.getString(2), r.getString(3)});
        }
        return result;
    }

    private static Path writeJsonl(List<String[]> articles, Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (String[] a : articles) {
                ObjectNode node = json.createObjectNode().put("id", a[0]).put("date", a[1]).put("title", a[2]).put("text", a[3]);
                w.write(json.writeValueAsString(node));
                w.newLine();
            }
        }
        return file;
    }

    /**
     * JIT warm-up: two threads annotate the articles over and over for {@code seconds} (30 articles at least).
     * Thirty articles alone were too few: the first measured configuration still ran partly interpreted and came
     * out slower per core than the second (a 1 → 2 thread "scaling" of 2.27×).
     */
    private static void warmUp(StanfordCoreNLP pipeline, List<String[]> articles, double seconds) throws Exception {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        AtomicInteger next = new AtomicInteger();
        int atLeast = Math.min(30, articles.size());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> parts = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            parts.add(pool.submit(() -> {
                for (int k; (k = next.getAndIncrement()) < atLeast || System.nanoTime() < end; ) {
                    annotate(pipeline, articles.get(k % articles.size()));
                }
            }));
        }
        for (Future<?> f : parts) {
            f.get();
        }
        pool.shutdown();
    }

    /** The job's options for the benchmark: one JSON Lines dump, the default options, the given sentence cache. */
    private AnnotateJob.Options jobOptions(Path dump, Path warehouse, OptionalInt sentenceCache) {
        return new AnnotateJob.Options(List.of(dump.toString()), warehouse.toString(), Optional.of(InputFormat.JSONL),
                IngestOptions.defaults(), configDir, profileName, false, true, 2_000_000, sentenceCache);
    }

    /** Raw CoreNLP: the same pipeline on title and text of every article, {@code threads} sharing it. */
    private static Measure raw(StanfordCoreNLP pipeline, List<String[]> articles, int threads) throws Exception {
        resetPeaks();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long jit = jitMillis();
        long t = System.nanoTime();
        List<Future<long[]>> parts = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            parts.add(pool.submit(() -> {
                long tokens = 0;
                long wall = System.nanoTime();
                long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                for (int k; (k = next.getAndIncrement()) < articles.size(); ) {
                    tokens += annotate(pipeline, articles.get(k));
                }
                return new long[] {tokens, ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu,
                        System.nanoTime() - wall};
            }));
        }
        long tokens = 0;
        long cpuNanos = 0;
        long wallNanos = 0;
        for (Future<long[]> f : parts) {
            long[] part = f.get();
            tokens += part[0];
            cpuNanos += part[1];
            wallNanos += part[2];
        }
        double secs = seconds(t);
        pool.shutdown();
        return new Measure("raw CoreNLP, " + threads + (threads == 1 ? " thread" : " threads sharing one pipeline"),
                threads, articles.size(), tokens, secs, peakHeapMb(), LiveHeap.peakMb(), (jitMillis() - jit) / 1e3,
                (double) cpuNanos / wallNanos, wallNanos / 1e9 / (threads * secs), cpuNanos / 1e9);
    }

    private static long annotate(StanfordCoreNLP pipeline, String[] article) {
        long tokens = 0;
        for (String text : new String[] {article[2], article[3]}) {
            if (text != null && !text.isEmpty()) {
                Annotation doc = new Annotation(text);
                pipeline.annotate(doc);
                tokens += doc.get(CoreAnnotations.TokensAnnotation.class).size();
            }
        }
        return tokens;
    }

    /** The job at local[2] alone: throughput, tasks and peak heap, for dumps of growing size. */
    private int jobOnly(int articles, Path dump, Path configDir, String profileName) throws IOException {
        SparkSession spark = session("local[2]");
        resetPeaks();
        long t = System.nanoTime();
        AnnotateJob.RunStats stats = AnnotateJob.run(spark, jobOptions(dump, Files.createTempDirectory("frontline-bench-wh"),
                sentenceCache == null ? OptionalInt.empty() : OptionalInt.of(sentenceCache)));
        double wall = seconds(t);
        long heap = peakHeapMb();
        long live = LiveHeap.peakMb();
        spark.stop();
        String line = String.format(Locale.ROOT, "| %d× (%,d articles, %,d tokens)%s | %s | %,.0f | %.1f | %.1f | %,d MB | %,d MB | %s |%n",
                copies, articles, stats.tokens(), sentenceCache == null ? "" : ", sentence cache " + sentenceCache,
                profileName, stats.tokens() / stats.times().annotate(), stats.times().annotate(), wall,
                live, heap, stats.times());
        System.out.print("| dump | profile | tokens/s (local[2]) | annotate s | end to end s | heap after GC, peak | heap pools' peak"
                + " | stages |\n|---|---|---:|---:|---:|---:|---:|---|\n" + line);
        if (out != null) {
            Files.writeString(out, line, StandardCharsets.UTF_8);
        }
        return 0;
    }

    private String report(List<Measure> m, List<AnnotateJob.RunStats> runs, List<String> sentenceWork, double load,
                          double referenceLoad,
                          double defaultLoad, double sparkStart, int articles) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "### %s, profile `%s`, %s%n%n", input, profileName, LocalDate.now(ZoneOffset.UTC)));
        s.append(String.format(Locale.ROOT, "Machine: %s, %d cores, %d GiB RAM; Java %s; Spark %s; CoreNLP %s; Frontline %s.%n",
                cpuModel(), Runtime.getRuntime().availableProcessors(), totalRamGib(), System.getProperty("java.version"),
                org.apache.spark.package$.MODULE$.SPARK_VERSION(), Versions.CORENLP, Versions.app()));
        s.append(String.format(Locale.ROOT, "%,d distinct articles (after the job's de-duplication), %,d CoreNLP tokens (title + text).%n%n",
                articles, m.get(0).tokens()));
        s.append("| configuration | cores | tokens/s | tokens/s per core | articles/s | seconds | heap after GC, peak"
                + " | heap pools' peak | JIT compiling, s | working threads on a core |\n");
        s.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Measure x : m) {
            s.append(String.format(Locale.ROOT, "| %s | %d | %,.0f | %,.0f | %,.1f | %.1f | %,d MB | %,d MB | %.1f | %.0f%% |%n",
                    x.what(), x.threads(), x.tokensPerSecond(), x.tokensPerSecond() / x.threads(), x.articles() / x.seconds(),
                    x.seconds(), x.liveHeapMb(), x.peakHeapMb(), x.jitSeconds(), 100 * x.onCore()));
        }
        Measure raw1 = m.get(0);
        Measure raw2 = m.get(1);
        Measure allDefaults = m.get(2);
        Measure job1 = m.get(3);
        Measure job2 = m.get(4);
        Measure job2other = m.get(5);
        boolean cacheOn = profileCache > 0;
        Measure job2off = cacheOn ? job2other : job2;
        Measure job2on = cacheOn ? job2 : job2other;
        s.append(String.format(Locale.ROOT, "%nJob / raw CoreNLP: %.0f%% at 1 core, %.0f%% at 2 cores (profile as configured, sentence cache %s);"
                        + " without the sentence cache %.0f%% at 2 cores. The sentence cache: %.2f× at 2 cores.%n",
                100 * job1.tokensPerSecond() / raw1.tokensPerSecond(), 100 * job2.tokensPerSecond() / raw2.tokensPerSecond(),
                cacheOn ? "on" : "off", 100 * job2off.tokensPerSecond() / raw2.tokensPerSecond(),
                job2on.tokensPerSecond() / job2off.tokensPerSecond()));
        s.append(String.format(Locale.ROOT, "Scaling 1 → 2 cores: job %.2f×, raw CoreNLP %.2f×. The job per core is %.1f× CoreNLP's"
                        + " all-defaults NER pipeline per thread.%n",
                job2.tokensPerSecond() / job1.tokensPerSecond(), raw2.tokensPerSecond() / raw1.tokensPerSecond(),
                (job2.tokensPerSecond() / 2) / allDefaults.tokensPerSecond()));
        s.append(String.format(Locale.ROOT, "Scaling, taken apart (1 core → 2 cores): per CPU-second a working thread annotated"
                        + " %,.0f → %,.0f tokens (%.2f×) in the job, %,.0f → %,.0f (%.2f×) in raw CoreNLP; the job's task"
                        + " threads were on a core %.0f%% → %.0f%% of their run time and kept its stage's cores busy"
                        + " %.0f%% → %.0f%% of it; raw CoreNLP's threads were on a core %.0f%% → %.0f%%.%n",
                job1.tokensPerCpuSecond(), job2.tokensPerCpuSecond(), job2.tokensPerCpuSecond() / job1.tokensPerCpuSecond(),
                raw1.tokensPerCpuSecond(), raw2.tokensPerCpuSecond(), raw2.tokensPerCpuSecond() / raw1.tokensPerCpuSecond(),
                100 * job1.onCore(), 100 * job2.onCore(), 100 * job1.busy(), 100 * job2.busy(), 100 * raw1.onCore(),
                100 * raw2.onCore()));
        s.append(String.format(Locale.ROOT, "Excluded from the throughputs: pipeline load %.1f s (the all-defaults pipeline: %.1f s),"
                + " gazetteer, aliases, rules and the cascade %.1f s (once per JVM), Spark start-up %.1f s.%n",
                load, defaultLoad, referenceLoad, sparkStart));
        for (int i = 0; i < runs.size(); i++) {
            s.append(String.format(Locale.ROOT, "%s%s: stages %s; %,d sentences through the cascade (the parser), %,d of"
                    + " them through SUTime; %s.%n", m.get(3 + i).what(), repeat > 1 ? " (round 1)" : "", runs.get(i).times(),
                    runs.get(i).cascadeSentences(), runs.get(i).sutimeSentences(), sentenceWork.get(i)));
        }
        return s.toString();
    }

    private static SparkSession session(String master) {
        return Warehouse.withDelta(SparkSession.builder()).master(master).appName("frontline benchmark")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.shuffle.partitions", "8")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
    }

    /** The JIT compiler threads' time so far, all of them (HotSpot's accounting). */
    private static long jitMillis() {
        return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }

    private static void resetPeaks() {
        System.gc();
        LiveHeap.reset();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    /** Sum of the heap pools' peaks since the last reset (an upper bound of the peak heap in use). */
    private static long peakHeapMb() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / (1024 * 1024);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static long totalRamGib() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return Math.round(sun.getTotalMemorySize() / (1024.0 * 1024 * 1024));
        }
        return -1;
    }
}
