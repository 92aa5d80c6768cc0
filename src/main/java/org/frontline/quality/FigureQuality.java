package org.frontline.quality;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.apache.spark.sql.Row;
import org.frontline.extract.ActorDirectory;
import org.frontline.extract.Names;

/**
 * Scores the job's territorial_figures against the figure gold set (src/quality/figures): detection precision
 * and recall over the labelled candidate sentences of the random stage (stage 1), and, over the figures found,
 * the accuracy of their value, quantity, kind, qualifier, actor, region, claimant and period.
 */
final class FigureQuality {
    /** One figure, gold or predicted, with the attributes compared. */
    record Figure(Mention span, String quantity, double min, double max, String qualifier, String kind, String actor,
                  Set<String> regions, String claimant, String periodStart, String periodEnd, int stage) {
    }

    private final ActorDirectory directory;
    private final int errors;

    FigureQuality(ActorDirectory directory, int errors) {
        this.directory = directory;
        this.errors = errors;
    }

    /** The report for the gold rows, sentence rows and the predicted figures of the labelled articles. */
    String report(List<Map<String, String>> goldRows, List<Map<String, String>> sentenceRows, List<Row> predictedRows) {
        Map<String, List<int[]>> sentences = new HashMap<>();
        Map<String, Integer> stageOf = new HashMap<>();
        for (Map<String, String> s : sentenceRows) {
            String key = s.get("article_id") + "|" + s.get("field");
            int[] span = {Integer.parseInt(s.get("sentence_begin")), Integer.parseInt(s.get("sentence_end")),
                    Integer.parseInt(s.get("stage"))};
            sentences.computeIfAbsent(key, k -> new ArrayList<>()).add(span);
        }
        List<Figure> gold = new ArrayList<>();
        for (Map<String, String> r : goldRows) {
            Mention m = new Mention(r.get("article_id"), r.get("field"), Integer.parseInt(r.get("char_begin")),
                    Integer.parseInt(r.get("char_end")), r.get("surface"), "", r.get("surface"));
            gold.add(new Figure(m, r.get("quantity"), Double.parseDouble(r.get("value_min")),
                    Double.parseDouble(r.get("value_max")), r.get("qualifier"), r.get("kind"), side(r.get("actor_name")),
                    ids(r.get("region_id")), actor(r.get("claimant_name")), r.get("period_start"), r.get("period_end"),
                    Integer.parseInt(r.get("stage"))));
        }
        List<Figure> predicted = new ArrayList<>();
        for (Row p : predictedRows) {
            String key = p.<String>getAs("article_id") + "|" + p.<String>getAs("field");
            int begin = p.getAs("char_begin");
            int end = p.getAs("char_end");
            int stage = 0;
            for (int[] s : sentences.getOrDefault(key, List.of())) {
                if (begin >= s[0] && end <= s[1]) {
                    stage = s[2];
                }
            }
            if (stage == 0) {
                continue; // outside the labelled sentences: not scored
            }
            Mention m = new Mention(p.getAs("article_id"), p.getAs("field"), begin, end, p.getAs("surface"), "", p.getAs("surface"));
            predicted.add(new Figure(m, p.getAs("quantity"), p.<Double>getAs("value_min"), p.<Double>getAs("value_max"),
                    p.getAs("qualifier"), p.getAs("kind"), side(p.getAs("actor_name")), ids(p.getAs("region_id")),
                    actor(p.getAs("claimant_name")), str(p.getAs("period_start")), str(p.getAs("period_end")), stage));
        }
        StringBuilder s = new StringBuilder("## Territorial figures\n\n");
        s.append("| set | gold | predicted | found | precision | recall |\n|---|---:|---:|---:|---:|---:|\n");
        for (int stage : new int[] {1, 2}) {
            int st = stage;
            List<Figure> g = gold.stream().filter(f -> f.stage() == st).toList();
            List<Figure> p = predicted.stream().filter(f -> f.stage() == st).toList();
            SpanMatch match = new SpanMatch(g.stream().map(Figure::span).toList(), p.stream().map(Figure::span).toList());
            s.append(String.format(Locale.ROOT, "| stage %d%s | %d | %d | %d | %.3f | %.3f |%n", stage,
                    stage == 1 ? " (random sample)" : " (advance words; not a sample)", match.gold(), match.predicted(),
                    match.detected(), match.detectionPrecision(), match.detectionRecall()));
        }
        List<Figure> g1 = gold.stream().filter(f -> f.stage() == 1).toList();
        List<Figure> p1 = predicted.stream().filter(f -> f.stage() == 1).toList();
        SpanMatch match = new SpanMatch(g1.stream().map(Figure::span).toList(), p1.stream().map(Figure::span).toList());
        Map<Mention, Figure> goldBySpan = new HashMap<>();
        g1.forEach(f -> goldBySpan.put(f.span(), f));
        Map<Mention, Figure> predictedBySpan = new HashMap<>();
        p1.forEach(f -> predictedBySpan.put(f.span(), f));
        List<Figure[]> pairs = new ArrayList<>();
        for (SpanMatch.Pair pair : matchPairs(match)) {
            pairs.add(new Figure[] {goldBySpan.get(pair.gold()), predictedBySpan.get(pair.predicted())});
        }
        s.append(String.format(Locale.ROOT, "%nOver the %d figures found in stage 1:%n%n| attribute | correct | accuracy | "
                + "of which the gold states one | correct there |%n|---|---:|---:|---:|---:|%n", pairs.size()));
        attribute(s, "value", pairs, f -> f.min() + "–" + f.max(), (a, b) -> close(a.min(), b.min()) && close(a.max(), b.max()), f -> true);
        attribute(s, "quantity", pairs, Figure::quantity, (a, b) -> a.quantity().equals(b.quantity()), f -> true);
        attribute(s, "kind", pairs, Figure::kind, (a, b) -> a.kind().equals(b.kind()), f -> true);
        attribute(s, "qualifier", pairs, Figure::qualifier, (a, b) -> a.qualifier().equals(b.qualifier()), f -> true);
        attribute(s, "actor", pairs, Figure::actor, (a, b) -> a.actor().equals(b.actor()), f -> !f.actor().isEmpty());
        attribute(s, "region", pairs, f -> String.join(";", f.regions()),
                (a, b) -> a.regions().isEmpty() ? b.regions().isEmpty() : !b.regions().isEmpty() && a.regions().containsAll(b.regions()),
                f -> !f.regions().isEmpty());
        attribute(s, "claimant", pairs, Figure::claimant, (a, b) -> a.claimant().equals(b.claimant()), f -> !f.claimant().isEmpty());
        attribute(s, "period", pairs, f -> f.periodStart() + "…" + f.periodEnd(),
                (a, b) -> a.periodStart().equals(b.periodStart()) && a.periodEnd().equals(b.periodEnd()),
                f -> !f.periodStart().isEmpty());
        s.append("\n**Missed** (stage 1):\n\n");
        match.missed().stream().limit(errors).forEach(m -> s.append("- `").append(m.surface()).append("` ")
                .append(goldBySpan.get(m).kind()).append(" (").append(m.article()).append(' ').append(m.field()).append(")\n"));
        s.append("\n**Spurious** (stage 1):\n\n");
        match.spurious().stream().limit(errors).forEach(m -> s.append("- `").append(m.surface()).append("` ")
                .append(predictedBySpan.get(m).kind()).append(" (").append(m.article()).append(' ').append(m.field()).append(")\n"));
        s.append("\n**Attribute errors** (gold → predicted):\n\n");
        int listed = 0;
        for (Figure[] p : pairs) {
            List<String> diffs = new ArrayList<>();
            if (!(close(p[0].min(), p[1].min()) && close(p[0].max(), p[1].max()))) {
                diffs.add("value " + p[0].min() + "–" + p[0].max() + " → " + p[1].min() + "–" + p[1].max());
            }
            if (!p[0].kind().equals(p[1].kind())) {
                diffs.add("kind " + p[0].kind() + " → " + p[1].kind());
            }
            if (!p[0].actor().equals(p[1].actor())) {
                diffs.add("actor " + p[0].actor() + " → " + p[1].actor());
            }
            if (!p[0].claimant().equals(p[1].claimant())) {
                diffs.add("claimant " + p[0].claimant() + " → " + p[1].claimant());
            }
            boolean regionOk = p[0].regions().isEmpty() ? p[1].regions().isEmpty()
                    : !p[1].regions().isEmpty() && p[0].regions().containsAll(p[1].regions());
            if (!regionOk) {
                diffs.add("region " + p[0].regions() + " → " + p[1].regions());
            }
            if (!(p[0].periodStart().equals(p[1].periodStart()) && p[0].periodEnd().equals(p[1].periodEnd()))) {
                diffs.add("period " + p[0].periodStart() + "…" + p[0].periodEnd() + " → " + p[1].periodStart() + "…" + p[1].periodEnd());
            }
            if (!diffs.isEmpty() && listed++ < 2 * errors) {
                s.append("- `").append(p[0].span().surface()).append("`: ").append(String.join("; ", diffs)).append(" (")
                        .append(p[0].span().article()).append(")\n");
            }
        }
        return s.toString();
    }

    private static List<SpanMatch.Pair> matchPairs(SpanMatch m) {
        List<SpanMatch.Pair> all = new ArrayList<>(m.correctPairs());
        all.addAll(m.wrong());
        return all;
    }

    private interface Same {
        boolean test(Figure gold, Figure predicted);
    }

    private static void attribute(StringBuilder s, String name, List<Figure[]> pairs, Function<Figure, String> show,
                                  Same same, java.util.function.Predicate<Figure> stated) {
        int correct = 0;
        int statedN = 0;
        int statedCorrect = 0;
        for (Figure[] p : pairs) {
            boolean ok = same.test(p[0], p[1]);
            correct += ok ? 1 : 0;
            if (stated.test(p[0])) {
                statedN++;
                statedCorrect += ok ? 1 : 0;
            }
        }
        s.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %d | %.3f |%n", name, correct,
                pairs.isEmpty() ? 0 : (double) correct / pairs.size(), statedN, statedN == 0 ? 0 : (double) statedCorrect / statedN));
    }

    private static boolean close(double a, double b) {
        return Math.abs(a - b) <= Math.max(0.01, 0.01 * Math.abs(a));
    }

    /** A side as a country's name ("Russia"), whatever the table names it ("Russian forces" → Russia). */
    private String side(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        String demonym = name.replaceFirst("(?i)\\s+forces$", "");
        return directory.countryOfDemonym(demonym).map(cc -> cc.equals("RU") ? "russia" : cc.equals("UA") ? "ukraine" : cc)
                .orElse(Names.slug(name));
    }

    private String actor(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        return directory.byName(name).map(ActorDirectory.Actor::id).orElseGet(() -> Names.slug(name));
    }

    private static Set<String> ids(String ids) {
        if (ids == null || ids.isBlank()) {
            return Set.of();
        }
        Set<String> out = new HashSet<>();
        Arrays.stream(ids.split(";")).map(String::strip).filter(x -> !x.isEmpty()).forEach(out::add);
        return out;
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }
}
