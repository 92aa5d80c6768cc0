package org.frontline.tables;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.frontline.ingest.Article;
import org.frontline.ingest.DateSource;
import org.frontline.ingest.IngestResult;
import org.frontline.ingest.Rejection;

/**
 * The rows the ingest yields, one per input record: an {@link Article} ({@code reason} null) or a
 * {@link Rejection} for the quarantine; and the article read back from any row holding the article columns
 * under these names (the ingested rows, or the kept copies the annotate stage is given).
 */
public final class IngestRows {

    /** One input record: the article's columns, or the rejection's (reason not null). */
    public static final StructType SCHEMA = new StructType()
            .add("article_id", DataTypes.StringType)
            .add("published_date", DataTypes.DateType)
            .add("source", DataTypes.StringType)
            .add("url", DataTypes.StringType)
            .add("title", DataTypes.StringType)
            .add("text", DataTypes.StringType)
            .add("content_hash", DataTypes.StringType)
            .add("source_file", DataTypes.StringType)
            .add("record_ref", DataTypes.StringType)
            .add("date_source", DataTypes.StringType)
            .add("language", DataTypes.StringType)
            .add("line_number", DataTypes.LongType)
            .add("reason", DataTypes.StringType)
            .add("detail", DataTypes.StringType)
            .add("excerpt", DataTypes.StringType);

    private static final RowShape SHAPE = RowShape.of(SCHEMA);

    private IngestRows() {
    }

    /** The row of an article or of a rejection. */
    public static Row of(IngestResult result) {
        return result instanceof Article a ? article(a) : rejection((Rejection) result);
    }

    /** An article's row: the rejection columns null. */
    public static Row article(Article a) {
        return SHAPE.newRow()
                .set("article_id", a.articleId())
                .set("published_date", a.publishedDate())
                .set("source", a.source())
                .set("url", a.url())
                .set("title", a.title())
                .set("text", a.text())
                .set("content_hash", a.contentHash())
                .set("source_file", a.sourceFile())
                .set("record_ref", a.recordRef())
                .set("date_source", a.dateSource().code())
                .set("language", a.language())
                .set("line_number", null)
                .set("reason", null)
                .set("detail", null)
                .set("excerpt", null)
                .build();
    }

    /** A rejection's row: the article columns null but where the record is. */
    public static Row rejection(Rejection r) {
        return SHAPE.newRow()
                .set("article_id", null)
                .set("published_date", null)
                .set("source", null)
                .set("url", null)
                .set("title", null)
                .set("text", null)
                .set("content_hash", null)
                .set("source_file", r.sourceFile())
                .set("record_ref", r.recordRef())
                .set("date_source", null)
                .set("language", null)
                .set("line_number", r.lineNumber())
                .set("reason", r.reason().code())
                .set("detail", r.detail())
                .set("excerpt", r.excerpt())
                .build();
    }

    /**
     * The article of {@code row}, read by column name; {@code shape} is the rows' shape, resolved once for all
     * rows of a partition. Other columns the rows have are ignored.
     */
    public static Article article(RowShape shape, Row row) {
        return new Article(
                shape.getString(row, "article_id"),
                shape.getLocalDate(row, "published_date"),
                shape.getString(row, "source"),
                shape.getString(row, "url"),
                shape.getString(row, "title"),
                shape.getString(row, "text"),
                shape.getString(row, "content_hash"),
                shape.getString(row, "source_file"),
                shape.getString(row, "record_ref"),
                DateSource.ofCode(shape.getString(row, "date_source")),
                shape.getString(row, "language"));
    }
}
