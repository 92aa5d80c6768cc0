package org.frontline.quality;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Compares predicted mentions with gold ones. A prediction detects a gold mention when their spans overlap
 * (pairs taken one to one, the largest overlaps first, so "Kursk region" against "Kursk" counts once); it is
 * correct when, moreover, it resolves to the gold key. Precision = correct / predicted, recall = correct / gold:
 * a mention found but resolved wrongly counts against both.
 */
public final class SpanMatch {
    /** Gold and prediction of one matched pair. */
    public record Pair(Mention gold, Mention predicted) {
        public boolean correct() {
            return Objects.equals(gold.key(), predicted.key());
        }
    }

    private final List<Pair> pairs = new ArrayList<>();
    private final List<Mention> missed = new ArrayList<>();
    private final List<Mention> spurious = new ArrayList<>();
    private final int gold;
    private final int predicted;

    /** Matches {@code predicted} against {@code gold}. */
    public SpanMatch(List<Mention> gold, List<Mention> predicted) {
        this.gold = gold.size();
        this.predicted = predicted.size();
        Map<String, List<Mention>> predictedByArticle = new HashMap<>();
        for (Mention p : predicted) {
            predictedByArticle.computeIfAbsent(p.article() + "|" + p.field(), k -> new ArrayList<>()).add(p);
        }
        List<Pair> candidates = new ArrayList<>();
        for (Mention g : gold) {
            for (Mention p : predictedByArticle.getOrDefault(g.article() + "|" + g.field(), List.of())) {
                if (g.overlaps(p)) {
                    candidates.add(new Pair(g, p));
                }
            }
        }
        // Largest overlap first; among equals, a correct resolution first.
        candidates.sort(Comparator.comparingInt((Pair c) -> -c.gold().overlap(c.predicted()))
                .thenComparing(c -> !c.correct()));
        Set<Mention> usedGold = new HashSet<>();
        Set<Mention> usedPredicted = new HashSet<>();
        for (Pair c : candidates) {
            if (!usedGold.contains(c.gold()) && !usedPredicted.contains(c.predicted())) {
                pairs.add(c);
                usedGold.add(c.gold());
                usedPredicted.add(c.predicted());
            }
        }
        gold.stream().filter(g -> !usedGold.contains(g)).forEach(missed::add);
        predicted.stream().filter(p -> !usedPredicted.contains(p)).forEach(spurious::add);
    }

    public int gold() {
        return gold;
    }

    public int predicted() {
        return predicted;
    }

    /** Pairs whose spans overlap, whatever they resolve to. */
    public int detected() {
        return pairs.size();
    }

    /** Pairs that also resolve to the gold key. */
    public int correct() {
        return (int) pairs.stream().filter(Pair::correct).count();
    }

    public double precision() {
        return predicted == 0 ? 1 : (double) correct() / predicted;
    }

    public double recall() {
        return gold == 0 ? 1 : (double) correct() / gold;
    }

    public double detectionPrecision() {
        return predicted == 0 ? 1 : (double) detected() / predicted;
    }

    public double detectionRecall() {
        return gold == 0 ? 1 : (double) detected() / gold;
    }

    public List<Mention> missed() {
        return missed;
    }

    public List<Mention> spurious() {
        return spurious;
    }

    /** Matched pairs that resolve to the gold key. */
    public List<Pair> correctPairs() {
        return pairs.stream().filter(Pair::correct).toList();
    }

    /** Matched pairs that resolve to another key than the gold one. */
    public List<Pair> wrong() {
        return pairs.stream().filter(p -> !p.correct()).toList();
    }
}
