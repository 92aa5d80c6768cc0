package org.frontline.tables;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Spark SQL that builds each aggregate table from the fact tables (registered as views by their table
 * names). Periods are UTC dates; monthly periods are the first day of the month.
 */
public final class Aggregates {
    private Aggregates() {
    }

    /**
     * Each aggregate table with the query that builds it, in build order. Media (sources such as Reuters or
     * Interfax) are left out of the actor aggregates unless {@code includeMedia}: they report, they do not take part.
     */
    public static Map<Table, String> queries(boolean includeMedia) {
        String actorMentions = includeMedia ? "actor_mentions" : "(SELECT * FROM actor_mentions WHERE actor_type <> 'media')";
        Map<Table, String> q = new LinkedHashMap<>();
        q.put(Table.REGION_MENTIONS_DAILY, regions("published_date"));
        q.put(Table.REGION_MENTIONS_MONTHLY, regions("CAST(trunc(published_date, 'MM') AS DATE)"));
        q.put(Table.ACTOR_MENTIONS_DAILY, actors("published_date", actorMentions));
        q.put(Table.ACTOR_MENTIONS_MONTHLY, actors("CAST(trunc(published_date, 'MM') AS DATE)", actorMentions));
        q.put(Table.REGION_ACTOR_DAILY, """
                WITH article_pairs AS (
                  SELECT r.published_date AS period, r.region_id, r.region_name, a.actor_id, a.actor_name,
                         COUNT(DISTINCT r.article_id) AS articles
                  FROM (SELECT DISTINCT article_id, published_date, region_id, region_name FROM region_mentions) r
                  JOIN (SELECT DISTINCT article_id, actor_id, actor_name FROM %1$s) a
                    ON r.article_id = a.article_id
                  GROUP BY 1, 2, 3, 4, 5),
                sentence_pairs AS (
                  SELECT r.published_date AS period, r.region_id, r.region_name, a.actor_id, a.actor_name,
                         COUNT(*) AS sentences
                  FROM (SELECT DISTINCT article_id, published_date, field, sentence_index, region_id, region_name
                        FROM region_mentions) r
                  JOIN (SELECT DISTINCT article_id, field, sentence_index, actor_id, actor_name FROM %1$s) a
                    ON r.article_id = a.article_id AND r.field = a.field AND r.sentence_index = a.sentence_index
                  GROUP BY 1, 2, 3, 4, 5)
                SELECT p.period, p.region_id, p.region_name, p.actor_id, p.actor_name, p.articles,
                       COALESCE(s.sentences, 0) AS sentences
                FROM article_pairs p
                LEFT JOIN sentence_pairs s
                  ON p.period = s.period AND p.region_id <=> s.region_id AND p.region_name <=> s.region_name
                 AND p.actor_id <=> s.actor_id AND p.actor_name <=> s.actor_name
                """.formatted(actorMentions));
        q.put(Table.TERRITORIAL_FIGURES_DAILY, figures("published_date"));
        q.put(Table.TERRITORIAL_FIGURES_MONTHLY, figures("CAST(trunc(published_date, 'MM') AS DATE)"));
        return q;
    }

    private static String regions(String period) {
        return """
                SELECT %s AS period, region_id, region_name, region_type, country_code, latitude, longitude,
                       COUNT(*) AS mentions, COUNT(DISTINCT article_id) AS articles
                FROM region_mentions
                GROUP BY 1, region_id, region_name, region_type, country_code, latitude, longitude
                """.formatted(period);
    }

    private static String actors(String period, String actorMentions) {
        return """
                SELECT %s AS period, actor_id, actor_name, actor_type,
                       COUNT(*) AS mentions, COUNT(DISTINCT article_id) AS articles
                FROM %s
                GROUP BY 1, actor_id, actor_name, actor_type
                """.formatted(period, actorMentions);
    }

    private static String figures(String period) {
        return """
                SELECT %s AS period, quantity, kind, actor_name, region_id, region_name,
                       COUNT(*) AS reports, COUNT(DISTINCT article_id) AS articles,
                       MIN(value_min) AS value_min, MAX(value_max) AS value_max
                FROM territorial_figures
                GROUP BY 1, quantity, kind, actor_name, region_id, region_name
                """.formatted(period);
    }
}
