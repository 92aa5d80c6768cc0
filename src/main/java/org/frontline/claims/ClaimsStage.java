package org.frontline.claims;

import static org.apache.spark.sql.functions.col;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.frontline.tables.Table;

/**
 * Spark plumbing of the claims ledger: territorial_figures (with each article's source) grouped by quantity,
 * kind, actor and region, each group folded by {@link ClaimFolder} into rows of {@code territorial_claims}.
 */
public final class ClaimsStage {
    private ClaimsStage() {
    }

    /** The claims of {@code figures} (territorial_figures joined with the articles' source). */
    public static Dataset<Row> claims(Dataset<Row> figures, double tolerance, int windowDays) {
        return figures.select(col("quantity"), col("kind"), col("actor_name"), col("region_id"), col("region_name"),
                        col("article_id"), col("char_begin"), col("published_date"), col("source"), col("claimant_name"),
                        col("value_min"), col("value_max"))
                .groupByKey((MapFunction<Row, String>) ClaimsStage::key, Encoders.STRING())
                .flatMapGroups(new Fold(tolerance, windowDays), Encoders.row(Table.TERRITORIAL_CLAIMS.schema()));
    }

    private static String key(Row r) {
        return r.getString(0) + "\u0000" + r.getString(1) + "\u0000" + r.getString(2) + "\u0000" + r.getString(3);
    }

    /** Folds one group's reports into claim rows. */
    static final class Fold implements FlatMapGroupsFunction<String, Row, Row> {
        private final double tolerance;
        private final int windowDays;

        Fold(double tolerance, int windowDays) {
            this.tolerance = tolerance;
            this.windowDays = windowDays;
        }

        @Override
        public Iterator<Row> call(String key, Iterator<Row> rows) {
            List<ClaimFolder.Report> reports = new ArrayList<>();
            Row first = null;
            while (rows.hasNext()) {
                Row r = rows.next();
                first = first == null ? r : first;
                reports.add(new ClaimFolder.Report(r.getString(5), r.getInt(6), r.getDate(7).toLocalDate(), r.getString(8),
                        r.getString(9), r.getDouble(10), r.getDouble(11), r.getString(4)));
            }
            List<Row> out = new ArrayList<>();
            for (List<ClaimFolder.Report> claim : ClaimFolder.fold(reports, tolerance, windowDays)) {
                out.add(row(first, claim));
            }
            return out.iterator();
        }

        private static Row row(Row group, List<ClaimFolder.Report> claim) {
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
            String id = "claim:" + sha(group.getString(0) + "|" + group.getString(1) + "|" + Objects.toString(group.getString(2))
                    + "|" + Objects.toString(group.getString(3)) + "|" + earliest.articleId() + "|" + earliest.charBegin());
            return RowFactory.create(id, group.getString(0), group.getString(1), group.getString(2), group.getString(3),
                    regionName, min, max, seq(claimants), Date.valueOf(earliest.date()),
                    Date.valueOf(claim.get(claim.size() - 1).date()), (long) claim.size(), (long) articles.size(),
                    (long) sources.size(), seq(sources));
        }

        private static scala.collection.immutable.Seq<String> seq(TreeSet<String> values) {
            return scala.jdk.javaapi.CollectionConverters.asScala(new ArrayList<>(values)).toSeq();
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
}
