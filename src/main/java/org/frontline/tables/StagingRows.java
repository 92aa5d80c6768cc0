package org.frontline.tables;

import static org.apache.spark.sql.types.DataTypes.createArrayType;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.frontline.extract.ActorMention;
import org.frontline.extract.Field;
import org.frontline.extract.RegionMention;
import org.frontline.extract.TerritorialFigure;
import org.frontline.ingest.Article;
import org.frontline.nlp.AnnotatedArticle;

/**
 * The nested row an annotated article becomes: the articles columns plus arrays of its region mentions, actor
 * mentions and figures. The annotate stage writes these once (the one NLP pass); each fact table is then a
 * projection of them, so no table recomputes the annotation.
 */
public final class StagingRows {
    private static final List<String> ARTICLE_LEVEL = List.of("article_id", "published_date", "published_month");

    static final StructType REGION = Table.without(Table.REGION_MENTIONS.schema(), ARTICLE_LEVEL);
    static final StructType ACTOR = Table.without(Table.ACTOR_MENTIONS.schema(), ARTICLE_LEVEL);
    static final StructType FIGURE = Table.without(Table.TERRITORIAL_FIGURES.schema(), ARTICLE_LEVEL);

    /**
     * The staging schema: articles' columns, then {@code regions}, {@code actors}, {@code figures}, and
     * {@code failure}: null, or the error that stopped the article's annotation (the row then goes to quarantine).
     */
    public static final StructType SCHEMA = Table.ARTICLES.schema()
            .add(new StructField("regions", createArrayType(REGION), false, org.apache.spark.sql.types.Metadata.empty()))
            .add(new StructField("actors", createArrayType(ACTOR), false, org.apache.spark.sql.types.Metadata.empty()))
            .add(new StructField("figures", createArrayType(FIGURE), false, org.apache.spark.sql.types.Metadata.empty()))
            .add("failure", org.apache.spark.sql.types.DataTypes.StringType);

    private static final RowShape STAGED = RowShape.of(SCHEMA);
    private static final RowShape REGION_ROW = RowShape.of(REGION);
    private static final RowShape ACTOR_ROW = RowShape.of(ACTOR);
    private static final RowShape FIGURE_ROW = RowShape.of(FIGURE);

    private StagingRows() {
    }

    /** The staging row of {@code a}; {@code keepText} false stores a null text (offsets stay valid for a re-read). */
    public static Row of(AnnotatedArticle a, String runId, boolean keepText) {
        List<Row> regions = new ArrayList<>(a.regions().size());
        for (RegionMention m : a.regions()) {
            regions.add(region(m));
        }
        List<Row> actors = new ArrayList<>(a.actors().size());
        for (ActorMention m : a.actors()) {
            actors.add(actor(m));
        }
        List<Row> figures = new ArrayList<>(a.figures().size());
        for (TerritorialFigure f : a.figures()) {
            figures.add(figure(f));
        }
        return article(a.article(), runId, keepText)
                .set("token_count", a.tokenCount())
                .set("sentence_count", a.sentenceCount())
                .set("cascade_sentences", a.cascadeSentences())
                .set("sutime_sentences", a.sutimeSentences())
                .set("regions", regions)
                .set("actors", actors)
                .set("figures", figures)
                .set("failure", null)
                .build();
    }

    /** The staging row of an article whose annotation failed with {@code failure}: no mentions, bound for quarantine. */
    public static Row failed(Article art, String runId, String failure) {
        return article(art, runId, true)
                .set("token_count", 0)
                .set("sentence_count", 0)
                .set("cascade_sentences", 0)
                .set("sutime_sentences", 0)
                .set("regions", List.of())
                .set("actors", List.of())
                .set("figures", List.of())
                .set("failure", failure)
                .build();
    }

    /** A staging row begun with the article's own columns, as the ingest gave them. */
    private static RowShape.Builder article(Article art, String runId, boolean keepText) {
        return STAGED.newRow()
                .set("article_id", art.articleId())
                .set("published_date", art.publishedDate())
                .set("source", art.source())
                .set("url", art.url())
                .set("title", art.title())
                .set("text", keepText ? art.text() : null)
                .set("char_count", art.title().length() + art.text().length())
                .set("content_hash", art.contentHash())
                .set("source_file", art.sourceFile())
                .set("record_ref", art.recordRef())
                .set("date_source", art.dateSource().code())
                .set("language", art.language())
                .set("run_id", runId)
                .set("published_month", month(art.publishedDate()));
    }

    /** A mention row begun with where the mention is: the columns every mention table starts with (Table.mention). */
    private static RowShape.Builder at(RowShape shape, Field field, int sentenceIndex, int charBegin, int charEnd,
                                       String surface) {
        return shape.newRow().set("field", field.code()).set("sentence_index", sentenceIndex)
                .set("char_begin", charBegin).set("char_end", charEnd).set("surface", surface);
    }

    /** A place mention as an element of {@code regions}. */
    static Row region(RegionMention m) {
        return at(REGION_ROW, m.field(), m.sentenceIndex(), m.charBegin(), m.charEnd(), m.surface())
                .set("region_id", m.regionId())
                .set("region_name", m.regionName())
                .set("region_type", m.regionType())
                .set("country_code", m.countryCode())
                .set("latitude", m.latitude())
                .set("longitude", m.longitude())
                .build();
    }

    /** An actor mention as an element of {@code actors}. */
    static Row actor(ActorMention m) {
        return at(ACTOR_ROW, m.field(), m.sentenceIndex(), m.charBegin(), m.charEnd(), m.surface())
                .set("actor_id", m.actorId())
                .set("actor_name", m.actorName())
                .set("actor_type", m.actorType())
                .set("role", m.role())
                .set("country_code", m.countryCode())
                .build();
    }

    /** A territorial figure as an element of {@code figures}. */
    static Row figure(TerritorialFigure f) {
        return at(FIGURE_ROW, f.field(), f.sentenceIndex(), f.charBegin(), f.charEnd(), f.surface())
                .set("quantity", f.quantity().code())
                .set("value_min", f.valueMin())
                .set("value_max", f.valueMax())
                .set("normalized_unit", f.normalizedUnit())
                .set("qualifier", f.qualifier().code())
                .set("kind", f.kind().code())
                .set("actor_name", f.actorName())
                .set("region_id", f.regionId())
                .set("region_name", f.regionName())
                .set("claimant_name", f.claimantName())
                .set("period_start", f.periodStart())
                .set("period_end", f.periodEnd())
                .set("sentence", f.sentence())
                .build();
    }

    /** The partition value of a date: {@code yyyy-MM}. */
    public static String month(java.time.LocalDate date) {
        return date.toString().substring(0, 7);
    }
}
