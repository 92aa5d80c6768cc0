package org.frontline.quality;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.frontline.extract.Names;

/**
 * Gold and predicted mentions compared per article, as a set of canonical ids (the measure GDELT-like tables are
 * used by: which places and actors an article names, not where): a mention without an id counts by its name's
 * slug. Precision = ids of both sets / predicted ids, recall = ids of both / gold ids, summed over articles.
 */
final class ArticleSets {
    private int gold;
    private int predicted;
    private int both;

    ArticleSets(List<Mention> goldMentions, List<Mention> predictedMentions) {
        Map<String, Set<String>> g = byArticle(goldMentions);
        Map<String, Set<String>> p = byArticle(predictedMentions);
        Set<String> articles = new HashSet<>(g.keySet());
        articles.addAll(p.keySet());
        for (String a : articles) {
            Set<String> gs = g.getOrDefault(a, Set.of());
            Set<String> ps = p.getOrDefault(a, Set.of());
            gold += gs.size();
            predicted += ps.size();
            both += (int) gs.stream().filter(ps::contains).count();
        }
    }

    private static Map<String, Set<String>> byArticle(List<Mention> mentions) {
        Map<String, Set<String>> out = new HashMap<>();
        for (Mention m : mentions) {
            String id = m.key().isEmpty() ? "name:" + Names.slug(m.surface()) : m.key();
            out.computeIfAbsent(m.article(), k -> new HashSet<>()).add(id);
        }
        return out;
    }

    int gold() {
        return gold;
    }

    int predicted() {
        return predicted;
    }

    double precision() {
        return predicted == 0 ? 0 : (double) both / predicted;
    }

    double recall() {
        return gold == 0 ? 0 : (double) both / gold;
    }
}
