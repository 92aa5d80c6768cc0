package org.frontline.claims;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.frontline.tables.RowShape;
import org.frontline.tables.Table;

/**
 * Spark plumbing of the claims ledger: territorial_figures (with each article's source) grouped by quantity,
 * kind, actor and region, each group folded by {@link ClaimFolder} into rows of {@code territorial_claims}.
 * Rows are read and built by column name through {@link ClaimRows}.
 */
public final class ClaimsStage {
    private ClaimsStage() {
    }

    /** The claims of {@code figures} (territorial_figures joined with the articles' source). */
    public static Dataset<Row> claims(Dataset<Row> figures, double tolerance, int windowDays) {
        // Only the columns the ledger reads go through the shuffle.
        Dataset<Row> reports = figures.select(ClaimRows.FIGURE_COLUMNS.stream().map(functions::col).toArray(Column[]::new));
        RowShape in = RowShape.of(reports.schema());
        return reports.groupByKey(new GroupKey(in), Encoders.STRING())
                .flatMapGroups(new Fold(in, tolerance, windowDays), Encoders.row(Table.TERRITORIAL_CLAIMS.schema()));
    }

    /** The claim key of a figure row. */
    static final class GroupKey implements MapFunction<Row, String> {
        private final RowShape in;

        GroupKey(RowShape in) {
            this.in = in;
        }

        @Override
        public String call(Row r) {
            return ClaimRows.key(in, r).groupKey();
        }
    }

    /** Folds one group's reports into claim rows. */
    static final class Fold implements FlatMapGroupsFunction<String, Row, Row> {
        private final RowShape in;
        private final double tolerance;
        private final int windowDays;

        Fold(RowShape in, double tolerance, int windowDays) {
            this.in = in;
            this.tolerance = tolerance;
            this.windowDays = windowDays;
        }

        @Override
        public Iterator<Row> call(String group, Iterator<Row> rows) {
            List<ClaimFolder.Report> reports = new ArrayList<>();
            ClaimRows.Key key = null;
            while (rows.hasNext()) {
                Row r = rows.next();
                key = key == null ? ClaimRows.key(in, r) : key;
                reports.add(ClaimRows.report(in, r));
            }
            List<Row> out = new ArrayList<>();
            for (List<ClaimFolder.Report> claim : ClaimFolder.fold(reports, tolerance, windowDays)) {
                out.add(ClaimRows.claim(key, claim));
            }
            return out.iterator();
        }
    }
}
