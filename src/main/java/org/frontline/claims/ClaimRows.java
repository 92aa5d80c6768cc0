package org.frontline.claims;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

import org.apache.spark.sql.Row;
import org.frontline.tables.RowShape;
import org.frontline.tables.Table;

/**
 * The claims ledger's rows: a figure report read by column name from territorial_figures (joined with its
 * article's source), and a folded claim built by column name into a row of {@code territorial_claims}.
 */
public final class ClaimRows {
    /** The columns the ledger reads: territorial_figures' and the article's {@code source}. */
    public static final List<String> FIGURE_COLUMNS = List.of("quantity", "kind", "actor_name", "region_id",
            "region_name", "article_id", "char_begin", "published_date", "source", "claimant_name", "value_min",
            "value_max");

    private ClaimRows() {
    }

    /** What a claim is about: reports of one key may fold together, reports of two keys never do. */
    public record Key(String quantity, String kind, String actorName, String regionId) {
        /** The key as one string, for grouping. */
        public String groupKey() {
            return String.join("\u0000", quantity, kind, actorName, regionId);
        }
    }

    /** The key of a figure row; {@code shape} is the rows' shape, resolved once. */
    public static Key key(RowShape shape, Row figure) {
        return new Key(shape.getString(figure, "quantity"), shape.getString(figure, "kind"),
                shape.getString(figure, "actor_name"), shape.getString(figure, "region_id"));
    }

    /** The report a figure row makes; {@code shape} is the rows' shape, resolved once. */
    public static ClaimFolder.Report report(RowShape shape, Row figure) {
        return new ClaimFolder.Report(
                shape.getString(figure, "article_id"),
                shape.getInt(figure, "char_begin"),
                shape.getLocalDate(figure, "published_date"),
                shape.getString(figure, "source"),
                shape.getString(figure, "claimant_name"),
                shape.getDouble(figure, "value_min"),
                shape.getDouble(figure, "value_max"),
                shape.getString(figure, "region_name"));
    }

    /** The territorial_claims row of one claim of {@code key}: its reports, in date order (as ClaimFolder gives them). */
    public static Row claim(Key key, List<ClaimFolder.Report> claim) {
        ClaimFolder.Report earliest = claim.get(0);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        TreeSet<String> claimants = new TreeSet<>();
        TreeSet<String> articles = new TreeSet<>();
        TreeSet<String> sources = new TreeSet<>();
        String regionName = null;
        for (ClaimFolder.Report r : claim) {
            min = Math.min(min, r.valueMin());
            max = Math.max(max, r.valueMax());
            if (r.claimant() != null) {
                claimants.add(r.claimant());
            }
            articles.add(r.articleId());
            if (r.source() != null) {
                sources.add(r.source());
            }
            regionName = regionName == null ? r.regionName() : regionName;
        }
        // Stable across runs while the claim's first report stays its first.
        String id = "claim:" + sha(key.quantity() + "|" + key.kind() + "|" + Objects.toString(key.actorName())
                + "|" + Objects.toString(key.regionId()) + "|" + earliest.articleId() + "|" + earliest.charBegin());
        return Table.TERRITORIAL_CLAIMS.newRow()
                .set("claim_id", id)
                .set("quantity", key.quantity())
                .set("kind", key.kind())
                .set("actor_name", key.actorName())
                .set("region_id", key.regionId())
                .set("region_name", regionName)
                .set("value_min", min)
                .set("value_max", max)
                .set("claimants", claimants)
                .set("first_seen", earliest.date())
                .set("last_seen", claim.get(claim.size() - 1).date())
                .set("reports", (long) claim.size())
                .set("articles", (long) articles.size())
                .set("sources", (long) sources.size())
                .set("source_list", sources)
                .set("article_ids", articles)
                .build();
    }

    private static String sha(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
