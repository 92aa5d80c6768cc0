package org.frontline.quality;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Predicate;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.frontline.extract.Names;
import org.frontline.extract.actors.ActorDirectory;
import org.frontline.gazetteer.Gazetteer;
import org.frontline.job.AnnotateJob;
import org.frontline.nlp.NlpProfile;
import org.frontline.nlp.ReferenceFiles;
import org.frontline.tables.Table;
import org.frontline.tables.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * Recomputes the quality figures of QUALITY.md from the job's own output: runs the annotate job (local Spark,
 * the given profile) on exactly the labelled articles of the gold set, reads region_mentions and actor_mentions
 * back, and compares them with the hand labels of src/quality (precision, recall, the errors).
 * A development tool: it reads the dumps in ../shared/data, which a user's clone does not have.
 */
@Command(name = "quality", mixinStandardHelpOptions = true,
        description = "Precision and recall of the job's regions and actors against the hand-labelled gold set.")
public final class QualityJob implements Callable<Integer> {
    @Parameters(paramLabel = "WHAT", description = "regions, actors, figures, places (the Eyes on Russia events) or all",
            defaultValue = "all")
    String what;

    @Option(names = "--data", defaultValue = "../shared/data", description = "The shared data folder (default: ${DEFAULT-VALUE})")
    Path data;

    @Option(names = "--gold", defaultValue = "src/quality/regions-actors", description = "The gold set (default: ${DEFAULT-VALUE})")
    Path gold;

    @Option(names = "--profile", defaultValue = "default", description = "CoreNLP profile (default: ${DEFAULT-VALUE})")
    String profile;

    @Option(names = "--config-dir", defaultValue = "conf", description = "The conf/ folder (default: ${DEFAULT-VALUE})")
    Path configDir;

    @Option(names = "--errors", defaultValue = "40", description = "Errors listed per kind (default: ${DEFAULT-VALUE})")
    int errors;

    @Option(names = "--blind-errors", description = "Figures: list the blind half's errors too (for the final"
            + " write-up only: rules written against them would make the half no longer blind)")
    boolean blindErrors;

    @Option(names = "--exclude", paramLabel = "ARTICLE_ID", description = "Leave an article out (to show its weight)")
    List<String> exclude = new ArrayList<>();

    private ActorDirectory directory;

    public static void main(String[] args) {
        System.exit(new CommandLine(new QualityJob()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        if (what.equals("places") || what.equals("all")) {
            NlpProfile p = NlpProfile.load(configDir, profile);
            System.out.println(EventPlaces.report(data.resolve("eyes-on-russia-2022/events.csv"),
                    ReferenceFiles.read(configDir, p).gazetteer()));
            if (what.equals("places")) {
                return 0;
            }
        }
        Path work = Files.createTempDirectory("frontline-quality");
        if (what.equals("figures")) {
            gold = gold.getFileName().toString().equals("regions-actors") ? gold.resolveSibling("figures") : gold;
        }
        SparkSession spark = Warehouse.withDelta(SparkSession.builder()).master("local[2]").appName("frontline quality")
                .config("spark.ui.enabled", "false").config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.shuffle.partitions", "8").config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
        Warehouse warehouse = annotateGoldArticles(spark, work);
        directory = ReferenceFiles.read(configDir, NlpProfile.load(configDir, profile)).actors();
        if (what.equals("regions") || what.equals("all")) {
            System.out.println(report("Regions", GoldFiles.rows(gold.resolve("regions.tsv")),
                    r -> r.get("region_id"), r -> r.get("region_name") + " (" + r.get("region_type") + ")",
                    warehouse.read(Table.REGION_MENTIONS), "region_id", p -> p.getAs("region_name") + " (" + p.getAs("region_type") + ")",
                    r -> r.get("region_type")));
        }
        if (what.equals("figures")) {
            Gazetteer gazetteer = ReferenceFiles.read(configDir, NlpProfile.load(configDir, profile)).gazetteer();
            System.out.println(new FigureQuality(directory, gazetteer, errors, blindErrors).report(GoldFiles.rows(gold.resolve("figures.tsv")),
                    GoldFiles.rows(gold.resolve("sentences.tsv")), warehouse.read(Table.TERRITORIAL_FIGURES).collectAsList()));
        }
        if (what.equals("actors") || what.equals("all")) {
            System.out.println(report("Actors", GoldFiles.rows(gold.resolve("actors.tsv")),
                    r -> actorKey(r.get("actor_name")), r -> r.get("actor_name") + " (" + r.get("actor_type") + ")",
                    warehouse.read(Table.ACTOR_MENTIONS), "actor_name", p -> p.getAs("actor_name") + " (" + p.getAs("actor_type") + ")",
                    r -> r.get("actor_type")));
        }
        spark.stop();
        return 0;
    }

    /**
     * What identifies an actor, for gold and prediction alike: the gold set names actors and does not know our
     * ids, so a name the alias table knows is its actor's id, any other name its slug.
     */
    private String actorKey(String name) {
        if (name == null) {
            return "";
        }
        // A middle initial does not make another person: "Christopher A. Wray" is "Christopher Wray".
        String withoutInitials = name.replaceAll("(?<=\\S) \\p{Lu}\\.(?= \\S)", "");
        return directory.byName(name).or(() -> directory.byName(withoutInitials)).map(ActorDirectory.Actor::id)
                .orElseGet(() -> Names.slug(withoutInitials));
    }

    /** Runs the job on the labelled articles only (their raw records, copied from the dumps). */
    private Warehouse annotateGoldArticles(SparkSession spark, Path work) throws IOException {
        Map<String, Set<String>> ids = new LinkedHashMap<>();
        boolean figures = Files.exists(gold.resolve("sentences.tsv"));
        for (Map<String, String> r : GoldFiles.rows(gold.resolve(figures ? "sentences.tsv" : "sample.tsv"))) {
            if (figures || r.get("status").equals("labelled")) {
                ids.computeIfAbsent(r.get("dump"), d -> new HashSet<>()).add(r.get("article_id"));
            }
        }
        Path wh = work.resolve("warehouse");
        for (Map.Entry<String, Set<String>> dump : ids.entrySet()) {
            GoldDumps.Dump d = GoldDumps.get(dump.getKey());
            Path subset = work.resolve("input-" + d.name());
            GoldDumps.copyRecords(data, d, dump.getValue(), subset);
            AnnotateJob.run(spark, new AnnotateJob.Options(List.of(subset.toString()), wh.toString(),
                    Optional.of(d.format()), d.ingest(), configDir, profile, false, true, 2_000_000,
                    java.util.OptionalInt.empty()));
        }
        return new Warehouse(spark, wh.toString());
    }

    /**
     * What the sample says of each labelled article, for the sets of new sources: its half (tuning or blind), its
     * stage and where its labelled window of text ends (empty for the first sets: no halves, all text labelled).
     */
    private record Drawn(String dump, String half, String stage, int textEnd) {
    }

    private Map<String, Drawn> drawn() throws IOException {
        Map<String, Drawn> out = new LinkedHashMap<>();
        if (!Files.exists(gold.resolve("sample.tsv"))) {
            return out;
        }
        for (Map<String, String> r : GoldFiles.rows(gold.resolve("sample.tsv"))) {
            String end = r.get("text_end");
            out.put(r.get("article_id"), new Drawn(r.get("dump"), r.getOrDefault("half", ""), r.getOrDefault("stage", ""),
                    end == null || end.isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(end)));
        }
        return out;
    }

    private String report(String title, List<Map<String, String>> goldRows, Function<Map<String, String>, String> goldKey,
                          Function<Map<String, String>, String> goldLabel, org.apache.spark.sql.Dataset<Row> predicted,
                          String predictedKeyColumn, Function<Row, String> predictedLabel,
                          Function<Map<String, String>, String> goldType) throws IOException {
        Map<String, Drawn> drawn = drawn();
        Map<String, String> dumpOf = new LinkedHashMap<>();
        List<Mention> gold = new ArrayList<>();
        Map<Mention, String> typeOf = new LinkedHashMap<>();
        for (Map<String, String> r : goldRows) {
            if (exclude.contains(r.get("article_id"))) {
                continue;
            }
            dumpOf.put(r.get("article_id"), r.get("dump"));
            Mention m = new Mention(r.get("dump") + "/" + r.get("article_id"), r.get("field"),
                    Integer.parseInt(r.get("char_begin")), Integer.parseInt(r.get("char_end")), r.get("surface"),
                    goldKey.apply(r), goldLabel.apply(r));
            gold.add(m);
            typeOf.put(m, goldType.apply(r));
        }
        List<Mention> predictions = new ArrayList<>();
        boolean actors = predictedKeyColumn.equals("actor_name");
        for (Row p : predicted.collectAsList()) {
            String article = p.getAs("article_id");
            Drawn d = drawn.get(article);
            boolean outsideWindow = d != null && p.getAs("field").equals("text") && p.<Integer>getAs("char_begin") >= d.textEnd();
            if (exclude.contains(article) || outsideWindow) {
                continue;
            }
            String key = p.getAs(predictedKeyColumn);
            // An article of the sample without a gold label of this table: its predictions are all spurious.
            String dump = dumpOf.computeIfAbsent(article, a -> d != null ? d.dump() : "?");
            predictions.add(new Mention(dump + "/" + article, p.getAs("field"),
                    p.<Integer>getAs("char_begin"), p.<Integer>getAs("char_end"), p.getAs("surface"),
                    actors ? actorKey(key) : (key == null ? "" : key), predictedLabel.apply(p)));
        }
        // The groups reported: all, each dump, and for the sets of new sources each half (and stage).
        Map<String, Predicate<Mention>> groups = new LinkedHashMap<>();
        groups.put("all", m -> true);
        for (String dump : new java.util.TreeSet<>(dumpOf.values())) {
            groups.put(dump, m -> m.article().startsWith(dump + "/"));
        }
        Function<Mention, Drawn> drawnOf = m -> drawn.getOrDefault(m.article().substring(m.article().indexOf('/') + 1),
                new Drawn("", "", "", Integer.MAX_VALUE));
        boolean halves = drawn.values().stream().anyMatch(d -> !d.half().isEmpty());
        if (halves) {
            Set<String> stages = new java.util.TreeSet<>();
            drawn.values().forEach(d -> stages.add(d.stage()));
            for (String h : List.of("tuning", "blind")) {
                groups.put(h, m -> drawnOf.apply(m).half().equals(h));
                for (String stage : stages.size() > 1 ? stages : Set.<String>of()) {
                    groups.put(h + ", stage " + stage, m -> drawnOf.apply(m).half().equals(h) && drawnOf.apply(m).stage().equals(stage));
                }
            }
        }
        StringBuilder s = new StringBuilder("## " + title + "\n\n");
        s.append("Mentions (span and id); and per article, the set of canonical ids (a name where there is none).\n\n");
        s.append("| set | gold | predicted | detected | correct | precision | recall | detection P | detection R |"
                + " per article: gold | predicted | P | R |\n");
        s.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        groups.forEach((name, in) -> {
            List<Mention> g = gold.stream().filter(in).toList();
            List<Mention> p = predictions.stream().filter(in).toList();
            row(s, name, new SpanMatch(g, p), new ArticleSets(g, p));
        });
        // Errors: of the tuning half only, for the sets of new sources (the blind half is for measuring).
        Predicate<Mention> listed = halves && !blindErrors ? m -> drawnOf.apply(m).half().equals("tuning") : m -> true;
        SpanMatch all = new SpanMatch(gold.stream().filter(listed).toList(), predictions.stream().filter(listed).toList());
        Map<String, int[]> recallByType = new LinkedHashMap<>();
        for (Mention g : gold) {
            recallByType.computeIfAbsent(typeOf.get(g), t -> new int[2])[1]++;
        }
        Set<Mention> correctGold = new HashSet<>();
        new SpanMatch(gold, predictions).correctPairs().forEach(p -> correctGold.add(p.gold()));
        for (Mention g : gold) {
            if (correctGold.contains(g)) {
                recallByType.get(typeOf.get(g))[0]++;
            }
        }
        s.append("\nRecall by gold type: ");
        recallByType.forEach((type, n) -> s.append(String.format(Locale.ROOT, "%s %d/%d; ", type, n[0], n[1])));
        if (halves) {
            s.append(blindErrors ? "\n\nErrors of both halves:" : "\n\nErrors of the tuning half only (the blind half's are not shown):");
        }
        s.append("\n\n**Wrongly resolved** (gold → predicted):\n\n");
        all.wrong().stream().limit(errors).forEach(p -> s.append("- `").append(p.gold().surface()).append("` ")
                .append(p.gold().label()).append(" `").append(p.gold().key()).append("` → ").append(p.predicted().label())
                .append(" `").append(p.predicted().key()).append("` (").append(p.gold().article()).append(")\n"));
        s.append("\n**Missed** (gold, not found):\n\n");
        all.missed().stream().limit(errors).forEach(m -> s.append("- `").append(m.surface()).append("` ").append(m.label())
                .append(" (").append(m.article()).append(' ').append(m.field()).append(' ').append(m.begin()).append(")\n"));
        s.append("\n**Spurious** (predicted, not in gold):\n\n");
        all.spurious().stream().limit(errors).forEach(m -> s.append("- `").append(m.surface()).append("` → ").append(m.label())
                .append(" `").append(m.key()).append("` (").append(m.article()).append(' ').append(m.field()).append(' ')
                .append(m.begin()).append(")\n"));
        return s.toString();
    }

    private static void row(StringBuilder s, String set, SpanMatch m, ArticleSets a) {
        s.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %.3f | %.3f | %.3f | %.3f | %d | %d | %.3f | %.3f |%n",
                set, m.gold(), m.predicted(), m.detected(), m.correct(), m.precision(), m.recall(),
                m.detectionPrecision(), m.detectionRecall(), a.gold(), a.predicted(), a.precision(), a.recall()));
    }
}
