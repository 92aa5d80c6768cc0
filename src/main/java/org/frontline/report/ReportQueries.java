package org.frontline.report;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Spark SQL behind the report, over the tables registered by name: each query aggregates in Spark and
 * returns only what one chart draws, bounded whatever the warehouse's size (top N per month, the most reported
 * claims), so that the report stays a few megabytes for ten rows or ten million.
 */
public final class ReportQueries {
    private ReportQueries() {
    }

    /**
     * How much the report ships: places per month on the map, regions and actors per month over time and in the
     * co-mention matrix, claims in all, reporting articles linked per claim, quarantine rows by reason and file.
     */
    public record Limits(int placesPerMonth, int topPerMonth, int maxClaims, int linksPerClaim, int quarantineRows) {
        public static Limits defaults() {
            return new Limits(400, 10, 5000, 5, 500);
        }
    }

    /** Each dataset of the report by name, with its query. */
    public static Map<String, String> queries(Limits l) {
        Map<String, String> q = new LinkedHashMap<>();
        // Territorial claims: the most reported first; a claim's article links only where the URL is a web address
        // (a link from article data must never be javascript: or data:).
        q.put("claims", """
                WITH top AS (
                  SELECT * FROM territorial_claims ORDER BY reports DESC, first_seen, claim_id LIMIT %1$d),
                links AS (
                  SELECT e.claim_id,
                         slice(sort_array(collect_list(named_struct('date', a.published_date, 'source', a.source,
                                 'title', a.title, 'url', a.url))), 1, %2$d) AS links
                  FROM (SELECT claim_id, explode(article_ids) AS article_id FROM top) e
                  JOIN (SELECT article_id, published_date, source, title,
                               CASE WHEN url RLIKE '^https?://' THEN url END AS url FROM articles) a
                    ON a.article_id = e.article_id
                  GROUP BY e.claim_id)
                SELECT t.claim_id, t.quantity, t.kind, t.actor_name AS side, t.region_name, t.value_min, t.value_max,
                       t.claimants, t.first_seen, t.last_seen, t.reports, t.articles, t.sources, t.source_list,
                       l.links
                FROM top t LEFT JOIN links l ON t.claim_id = l.claim_id
                ORDER BY t.first_seen, t.claim_id
                """.formatted(l.maxClaims(), l.linksPerClaim()));
        q.put("places", """
                SELECT month, region_name, region_type, country_code, latitude, longitude, articles, mentions FROM (
                  SELECT date_format(period, 'yyyy-MM') AS month, region_name, region_type, country_code, latitude,
                         longitude, articles, mentions,
                         row_number() OVER (PARTITION BY period ORDER BY articles DESC, mentions DESC, region_name) AS n
                  FROM region_mentions_monthly WHERE latitude IS NOT NULL AND longitude IS NOT NULL)
                WHERE n <= %d ORDER BY month, articles DESC
                """.formatted(l.placesPerMonth()));
        q.put("regions", topPerMonth("region_mentions_monthly", "region_name", "region_type", l.topPerMonth()));
        q.put("actors", topPerMonth("actor_mentions_monthly", "actor_name", "actor_type", l.topPerMonth()));
        // Co-mentions: per month, the pairs among that month's most co-mentioned regions and actors.
        q.put("pairs", """
                WITH monthly AS (
                  SELECT date_format(period, 'yyyy-MM') AS month, region_name, actor_name,
                         SUM(articles) AS articles, SUM(sentences) AS sentences
                  FROM region_actor_daily GROUP BY 1, 2, 3),
                top_regions AS (
                  SELECT month, region_name FROM (
                    SELECT month, region_name, row_number() OVER (PARTITION BY month ORDER BY SUM(articles) DESC, region_name) AS n
                    FROM monthly GROUP BY month, region_name) WHERE n <= %1$d),
                top_actors AS (
                  SELECT month, actor_name FROM (
                    SELECT month, actor_name, row_number() OVER (PARTITION BY month ORDER BY SUM(articles) DESC, actor_name) AS n
                    FROM monthly GROUP BY month, actor_name) WHERE n <= %1$d)
                SELECT m.* FROM monthly m
                JOIN top_regions r ON m.month = r.month AND m.region_name <=> r.region_name
                JOIN top_actors a ON m.month = a.month AND m.actor_name <=> a.actor_name
                ORDER BY m.month, m.articles DESC
                """.formatted(Math.max(15, l.topPerMonth())));
        q.put("runs", """
                SELECT run_id, started, finished, size(inputs) AS input_files, records_read, articles_annotated,
                       duplicates, other_language, skipped, quarantined, tokens, profile
                FROM runs ORDER BY started DESC LIMIT 200
                """);
        q.put("quarantine", """
                SELECT reason, source_file, COUNT(*) AS records, MIN(record_ref) AS first_record, MIN(detail) AS detail,
                       MIN(excerpt) AS excerpt
                FROM quarantine GROUP BY reason, source_file ORDER BY records DESC, reason, source_file LIMIT %d
                """.formatted(l.quarantineRows()));
        q.put("totals", """
                SELECT (SELECT COUNT(*) FROM articles) AS articles,
                       (SELECT COUNT(*) FROM territorial_figures) AS figures,
                       (SELECT COUNT(*) FROM territorial_claims) AS claims,
                       (SELECT COUNT(*) FROM region_mentions) AS region_mentions,
                       (SELECT COUNT(*) FROM actor_mentions) AS actor_mentions,
                       (SELECT COUNT(*) FROM quarantine) AS quarantined,
                       (SELECT COUNT(*) FROM runs) AS runs,
                       (SELECT MIN(published_date) FROM articles) AS first_date,
                       (SELECT MAX(published_date) FROM articles) AS last_date
                """);
        return q;
    }

    private static String topPerMonth(String table, String name, String type, int n) {
        return """
                SELECT month, name, type, articles, mentions FROM (
                  SELECT date_format(period, 'yyyy-MM') AS month, %2$s AS name, %3$s AS type,
                         SUM(articles) AS articles, SUM(mentions) AS mentions,
                         row_number() OVER (PARTITION BY period ORDER BY SUM(articles) DESC, SUM(mentions) DESC, %2$s) AS n
                  FROM %1$s GROUP BY period, %2$s, %3$s)
                WHERE n <= %4$d ORDER BY month, articles DESC
                """.formatted(table, name, type, n);
    }
}
