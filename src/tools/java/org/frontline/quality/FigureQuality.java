package org.frontline.quality;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import org.apache.spark.sql.Row;
import org.frontline.extract.Names;
import org.frontline.extract.actors.ActorDirectory;
import org.frontline.gazetteer.Gazetteer;
import org.frontline.gazetteer.Place;

/**
 * Scores the job's territorial_figures against a figure gold set of src/quality: detection precision and recall
 * over the labelled candidate sentences, per stage (1: a random sample; 2, 3: strata, not samples) and, for the
 * sets of new sources, per half (tuning, blind: src/quality/figures-isw, figures-rss); and, over the figures found,
 * the accuracy of their value, quantity, kind, qualifier, actor, region, claimant and period, with the errors of
 * each attribute by kind (missed: the gold has one and the job none; wrong; spurious: the job has one, the gold none).
 *
 * <p>Examples of errors are listed for the tuning half only (or the whole of a set without halves): the blind half
 * is for measuring, and a rule written against its errors would stop it being blind. {@code blindErrors} lifts that,
 * for the final write-up of what remains.
 */
final class FigureQuality {
    /** One figure, gold or predicted, with the attributes compared. */
    record Figure(Mention span, String quantity, double min, double max, String qualifier, String kind, String actor,
                  Set<String> regions, Set<String> alsoRegions, String claimant, String periodStart, String periodEnd,
                  int stage, String half) {
    }

    private final ActorDirectory directory;
    private final Gazetteer gazetteer;
    private final int errors;
    private final boolean blindErrors;

    FigureQuality(ActorDirectory directory, Gazetteer gazetteer, int errors, boolean blindErrors) {
        this.directory = directory;
        this.gazetteer = gazetteer;
        this.errors = errors;
        this.blindErrors = blindErrors;
    }

    /** The report for the gold rows, sentence rows and the predicted figures of the labelled articles. */
    String report(List<Map<String, String>> goldRows, List<Map<String, String>> sentenceRows, List<Row> predictedRows) {
        Map<String, List<String[]>> sentences = new HashMap<>();
        for (Map<String, String> s : sentenceRows) {
            sentences.computeIfAbsent(s.get("article_id") + "|" + s.get("field"), k -> new ArrayList<>())
                    .add(new String[] {s.get("sentence_begin"), s.get("sentence_end"), s.get("stage"), half(s)});
        }
        boolean halves = sentenceRows.stream().anyMatch(s -> !half(s).isEmpty());
        List<Figure> gold = new ArrayList<>();
        for (Map<String, String> r : goldRows) {
            String[] where = sentenceOf(sentences, r.get("article_id") + "|" + r.get("field"),
                    Integer.parseInt(r.get("char_begin")), Integer.parseInt(r.get("char_end")));
            Mention m = new Mention(r.get("article_id"), r.get("field"), Integer.parseInt(r.get("char_begin")),
                    Integer.parseInt(r.get("char_end")), r.get("surface"), "", r.get("surface"));
            gold.add(new Figure(m, r.get("quantity"), Double.parseDouble(r.get("value_min")),
                    Double.parseDouble(r.get("value_max")), r.get("qualifier"), r.get("kind"), side(r.get("actor_name")),
                    ids(r.get("region_id")), ids(r.get("region_also_id")), actor(r.get("claimant_name")),
                    r.get("period_start"), r.get("period_end"), Integer.parseInt(r.get("stage")),
                    where == null ? "" : where[3]));
        }
        List<Figure> predicted = new ArrayList<>();
        for (Row p : predictedRows) {
            int begin = p.getAs("char_begin");
            int end = p.getAs("char_end");
            String[] where = sentenceOf(sentences, p.<String>getAs("article_id") + "|" + p.<String>getAs("field"), begin, end);
            if (where == null) {
                continue; // outside the labelled sentences: not scored
            }
            Mention m = new Mention(p.getAs("article_id"), p.getAs("field"), begin, end, p.getAs("surface"), "", p.getAs("surface"));
            predicted.add(new Figure(m, p.getAs("quantity"), p.<Double>getAs("value_min"), p.<Double>getAs("value_max"),
                    p.getAs("qualifier"), p.getAs("kind"), side(p.getAs("actor_name")), ids(p.getAs("region_id")), Set.of(),
                    actor(p.getAs("claimant_name")), str(p.getAs("period_start")), str(p.getAs("period_end")),
                    Integer.parseInt(where[2]), where[3]));
        }

        // The groups reported: stages, and for the sets of new sources each half and stage.
        Map<String, Predicate<Figure>> groups = new LinkedHashMap<>();
        List<Integer> stages = gold.stream().map(Figure::stage).distinct().sorted().toList();
        for (String h : halves ? List.of("tuning", "blind") : List.of("")) {
            for (int stage : stages) {
                String name = (h.isEmpty() ? "" : h + ", ") + "stage " + stage
                        + (stage == 1 ? " (random sample)" : " (a stratum; not a sample)");
                groups.put(name, f -> f.half().equals(h) && f.stage() == stage);
            }
            if (!h.isEmpty()) {
                groups.put(h + ", all stages", f -> f.half().equals(h));
            }
        }
        StringBuilder s = new StringBuilder("## Territorial figures\n\n");
        s.append("| set | gold | predicted | found | precision | recall |\n|---|---:|---:|---:|---:|---:|\n");
        for (Map.Entry<String, Predicate<Figure>> g : groups.entrySet()) {
            SpanMatch match = match(gold, predicted, g.getValue());
            if (match.gold() + match.predicted() > 0) {
                s.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.3f | %.3f |%n", g.getKey(), match.gold(),
                        match.predicted(), match.detected(), match.detectionPrecision(), match.detectionRecall()));
            }
        }

        // Attributes: over stage 1 of a set without halves (as before), over each half (all stages) otherwise.
        Map<String, Predicate<Figure>> scored = new LinkedHashMap<>();
        if (halves) {
            scored.put("tuning", f -> f.half().equals("tuning"));
            scored.put("blind", f -> f.half().equals("blind"));
        } else {
            scored.put("stage 1", f -> f.stage() == 1);
        }
        Map<String, List<Figure[]>> pairsOf = new LinkedHashMap<>();
        scored.forEach((name, in) -> pairsOf.put(name, pairs(gold, predicted, in)));
        s.append("\n| attribute |");
        pairsOf.forEach((name, pairs) -> s.append(String.format(Locale.ROOT, " %s: correct of %d | where the gold states one |",
                name, pairs.size())));
        s.append("\n|---|").append("---:|---:|".repeat(pairsOf.size())).append('\n');
        for (Attribute a : ATTRIBUTES) {
            s.append("| ").append(a.name()).append(" |");
            for (List<Figure[]> pairs : pairsOf.values()) {
                int correct = 0;
                int stated = 0;
                int statedCorrect = 0;
                for (Figure[] p : pairs) {
                    boolean ok = a.same().test(p[0], p[1]);
                    correct += ok ? 1 : 0;
                    if (!a.value().apply(p[0]).isEmpty()) {
                        stated++;
                        statedCorrect += ok ? 1 : 0;
                    }
                }
                s.append(String.format(Locale.ROOT, " %.3f | %s |", ratio(correct, pairs.size()),
                        stated == 0 ? "–" : String.format(Locale.ROOT, "%.3f (%d)", ratio(statedCorrect, stated), stated)));
            }
            s.append('\n');
        }

        s.append("\n**Attribute errors by kind** (missed: the gold states one, the job none; wrong: both, different;"
                + " spurious: the job states one, the gold none):\n\n| attribute |");
        pairsOf.keySet().forEach(name -> s.append(' ').append(name).append(": missed / wrong / spurious |"));
        s.append("\n|---|").append("---|".repeat(pairsOf.size())).append('\n');
        for (Attribute a : ATTRIBUTES.subList(4, ATTRIBUTES.size())) {
            s.append("| ").append(a.name()).append(" |");
            for (List<Figure[]> pairs : pairsOf.values()) {
                int[] kinds = new int[3];
                for (Figure[] p : pairs) {
                    if (!a.same().test(p[0], p[1])) {
                        boolean goldHas = !a.value().apply(p[0]).isEmpty();
                        boolean predictedHas = !a.value().apply(p[1]).isEmpty();
                        kinds[goldHas && !predictedHas ? 0 : goldHas ? 1 : 2]++;
                    }
                }
                s.append(String.format(Locale.ROOT, " %d / %d / %d |", kinds[0], kinds[1], kinds[2]));
            }
            s.append('\n');
        }

        Predicate<Figure> listed = halves && !blindErrors ? f -> f.half().equals("tuning") : f -> true;
        String which = halves ? (blindErrors ? " (both halves)" : " (tuning half only: the blind half's are not shown)") : "";
        SpanMatch match = match(gold, predicted, listed);
        s.append("\n**Missed**").append(which).append(":\n\n");
        match.missed().stream().limit(errors).forEach(m -> s.append("- `").append(m.surface()).append("` (")
                .append(m.article()).append(' ').append(m.field()).append(' ').append(m.begin()).append(")\n"));
        s.append("\n**Spurious**").append(which).append(":\n\n");
        match.spurious().stream().limit(errors).forEach(m -> s.append("- `").append(m.surface()).append("` (")
                .append(m.article()).append(' ').append(m.field()).append(' ').append(m.begin()).append(")\n"));
        s.append("\n**Attribute errors** (gold → predicted)").append(which).append(":\n\n");
        int n = 0;
        for (Figure[] p : pairs(gold, predicted, listed)) {
            List<String> diffs = new ArrayList<>();
            for (Attribute a : ATTRIBUTES) {
                if (!a.same().test(p[0], p[1])) {
                    diffs.add(a.name() + " " + a.value().apply(p[0]) + " → " + a.value().apply(p[1]));
                }
            }
            if (!diffs.isEmpty() && n++ < 2 * errors) {
                s.append("- `").append(p[0].span().surface()).append("`: ").append(String.join("; ", diffs)).append(" (")
                        .append(p[0].span().article()).append(' ').append(p[0].span().field()).append(' ')
                        .append(p[0].span().begin()).append(")\n");
            }
        }
        return s.toString();
    }

    private interface Same {
        boolean test(Figure gold, Figure predicted);
    }

    /** An attribute compared: how it shows, and when a prediction has it right. */
    private record Attribute(String name, Function<Figure, String> value, Same same) {
    }

    private static final List<Attribute> ATTRIBUTES = List.of(
            new Attribute("value", f -> f.min() + "–" + f.max(), (a, b) -> close(a.min(), b.min()) && close(a.max(), b.max())),
            new Attribute("quantity", Figure::quantity, (a, b) -> a.quantity().equals(b.quantity())),
            new Attribute("kind", Figure::kind, (a, b) -> a.kind().equals(b.kind())),
            new Attribute("qualifier", Figure::qualifier, (a, b) -> a.qualifier().equals(b.qualifier())),
            new Attribute("actor", Figure::actor, (a, b) -> a.actor().equals(b.actor())),
            // Right when the predicted place is one of the gold's places or of those also right, or both have none
            // (a gold place the gazetteer lacks has no id: "no region stated" unless an id is also right).
            new Attribute("region", f -> String.join(";", union(f.regions(), f.alsoRegions())), (a, b) -> {
                Set<String> right = union(a.regions(), a.alsoRegions());
                return right.isEmpty() ? b.regions().isEmpty() : !b.regions().isEmpty() && right.containsAll(b.regions());
            }),
            new Attribute("claimant", Figure::claimant, (a, b) -> a.claimant().equals(b.claimant())),
            new Attribute("period", f -> f.periodStart().isEmpty() ? "" : f.periodStart() + "…" + f.periodEnd(),
                    (a, b) -> a.periodStart().equals(b.periodStart()) && a.periodEnd().equals(b.periodEnd())));

    /** Span matching of the gold and predicted figures of one group. */
    private static SpanMatch match(List<Figure> gold, List<Figure> predicted, Predicate<Figure> in) {
        return new SpanMatch(gold.stream().filter(in).map(Figure::span).toList(),
                predicted.stream().filter(in).map(Figure::span).toList());
    }

    /** The matched (gold, predicted) pairs of one group. */
    private static List<Figure[]> pairs(List<Figure> gold, List<Figure> predicted, Predicate<Figure> in) {
        Map<Mention, Figure> goldBySpan = new HashMap<>();
        gold.stream().filter(in).forEach(f -> goldBySpan.put(f.span(), f));
        Map<Mention, Figure> predictedBySpan = new HashMap<>();
        predicted.stream().filter(in).forEach(f -> predictedBySpan.put(f.span(), f));
        SpanMatch m = match(gold, predicted, in);
        List<SpanMatch.Pair> all = new ArrayList<>(m.correctPairs());
        all.addAll(m.wrong());
        List<Figure[]> out = new ArrayList<>();
        for (SpanMatch.Pair p : all) {
            out.add(new Figure[] {goldBySpan.get(p.gold()), predictedBySpan.get(p.predicted())});
        }
        return out;
    }

    /** The labelled sentence [begin, end, stage, half] a span lies in, or null. */
    private static String[] sentenceOf(Map<String, List<String[]>> sentences, String key, int begin, int end) {
        for (String[] s : sentences.getOrDefault(key, List.of())) {
            if (begin >= Integer.parseInt(s[0]) && end <= Integer.parseInt(s[1])) {
                return s;
            }
        }
        return null;
    }

    private static String half(Map<String, String> sentence) {
        String h = sentence.get("half");
        return h == null ? "" : h;
    }

    private static double ratio(int n, int of) {
        return of == 0 ? 0 : (double) n / of;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new LinkedHashSet<>(a);
        u.addAll(b);
        return u;
    }

    private static boolean close(double a, double b) {
        return Math.abs(a - b) <= Math.max(0.01, 0.01 * Math.abs(a));
    }

    /**
     * A side as its country's code ("Russia", "Russian forces" → RU), whatever the table names it; a side that is no
     * country ("Hamas") by its actor id or its slug.
     */
    private String side(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        String demonym = name.replaceFirst("(?i)\\s+forces$", "");
        return directory.countryOfDemonym(demonym)
                .or(() -> gazetteer.candidates(name).stream().filter(p -> p.type().equals("country"))
                        .map(Place::countryCode).findFirst())
                .orElseGet(() -> actor(name));
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
        Set<String> out = new LinkedHashSet<>();
        Arrays.stream(ids.split(";")).map(String::strip).filter(x -> !x.isEmpty()).forEach(out::add);
        return out;
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }
}
