package org.frontline.tables;

import static org.apache.spark.sql.types.DataTypes.createArrayType;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.frontline.extract.ActorMention;
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

    /** The staging schema: articles' columns, then {@code regions}, {@code actors}, {@code figures}. */
    public static final StructType SCHEMA = Table.ARTICLES.schema()
            .add(new StructField("regions", createArrayType(REGION), false, org.apache.spark.sql.types.Metadata.empty()))
            .add(new StructField("actors", createArrayType(ACTOR), false, org.apache.spark.sql.types.Metadata.empty()))
            .add(new StructField("figures", createArrayType(FIGURE), false, org.apache.spark.sql.types.Metadata.empty()));

    private StagingRows() {
    }

    /** The staging row of {@code a}; {@code keepText} false stores a null text (offsets stay valid for a re-read). */
    public static Row of(AnnotatedArticle a, String runId, boolean keepText) {
        Article art = a.article();
        List<Row> regions = new ArrayList<>();
        for (RegionMention m : a.regions()) {
            regions.add(RowFactory.create(m.field().code(), m.sentenceIndex(), m.charBegin(), m.charEnd(), m.surface(),
                    m.regionId(), m.regionName(), m.regionType(), m.countryCode(), m.latitude(), m.longitude()));
        }
        List<Row> actors = new ArrayList<>();
        for (ActorMention m : a.actors()) {
            actors.add(RowFactory.create(m.field().code(), m.sentenceIndex(), m.charBegin(), m.charEnd(), m.surface(),
                    m.actorId(), m.actorName(), m.actorType(), m.role(), m.countryCode()));
        }
        List<Row> figures = new ArrayList<>();
        for (TerritorialFigure f : a.figures()) {
            figures.add(RowFactory.create(f.field().code(), f.sentenceIndex(), f.charBegin(), f.charEnd(), f.surface(),
                    f.quantity().code(), f.valueMin(), f.valueMax(), f.normalizedUnit(), f.qualifier().code(),
                    f.kind().code(), f.actorName(), f.regionId(), f.regionName(), f.claimantName(),
                    date(f.periodStart()), date(f.periodEnd()), f.sentence()));
        }
        return RowFactory.create(art.articleId(), Date.valueOf(art.publishedDate()), art.source(), art.url(),
                art.title(), keepText ? art.text() : null, art.title().length() + art.text().length(),
                a.tokenCount(), a.sentenceCount(), a.cascadeSentences(), a.sutimeSentences(), art.contentHash(), art.sourceFile(), art.recordRef(), runId,
                month(art.publishedDate()), seq(regions), seq(actors), seq(figures));
    }

    /** The partition value of a date: {@code yyyy-MM}. */
    public static String month(java.time.LocalDate date) {
        return date.toString().substring(0, 7);
    }

    /** Spark's Row encoder takes Scala sequences, not java.util.List, for array columns. */
    private static scala.collection.immutable.Seq<Row> seq(List<Row> rows) {
        return scala.jdk.javaapi.CollectionConverters.asScala(rows).toSeq();
    }

    private static Date date(java.time.LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }
}
