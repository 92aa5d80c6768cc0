package org.frontline.job;

import java.util.Iterator;

import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.frontline.ingest.Article;
import org.frontline.nlp.AnnotatedArticle;
import org.frontline.nlp.ArticleAnnotator;
import org.frontline.nlp.ReferenceFiles;
import org.frontline.nlp.NlpProfile;
import org.frontline.tables.FaultPoints;
import org.frontline.tables.IngestRows;
import org.frontline.tables.RowShape;
import org.frontline.tables.StagingRows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The annotate stage on an executor: each article of the partition goes through the JVM's shared
 * {@link ArticleAnnotator} (one CoreNLP pipeline and one gazetteer per executor JVM, built on first use) and
 * becomes a staging row. Carries only serializable configuration; the reference data comes by broadcast.
 */
final class AnnotatePartition implements MapPartitionsFunction<Row, Row> {
    private static final Logger LOG = LoggerFactory.getLogger(AnnotatePartition.class);

    private final NlpProfile profile;
    private final Broadcast<ReferenceFiles> reference;
    private final String runId;
    private final boolean keepText;

    AnnotatePartition(NlpProfile profile, Broadcast<ReferenceFiles> reference, String runId, boolean keepText) {
        this.profile = profile;
        this.reference = reference;
        this.runId = runId;
        this.keepText = keepText;
    }

    /** Input rows hold the article columns of {@link IngestRows#SCHEMA} (article_id … record_ref), in any order. */
    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        ArticleAnnotator annotator = ArticleAnnotator.forProfile(profile, reference.value());
        long start = System.nanoTime();
        return new Iterator<>() {
            private long articles;
            private long tokens;
            private RowShape in;

            @Override
            public boolean hasNext() {
                boolean more = rows.hasNext();
                if (!more && articles > 0) {
                    double seconds = (System.nanoTime() - start) / 1e9;
                    TaskContext task = TaskContext.get();
                    long[] cache = annotator.sentenceCacheCounts();
                    long[] tagged = annotator.tagCounts();
                    LOG.info("Partition {}: annotated {} articles, {} tokens in {} s ({} tokens/s); this executor so"
                                    + " far: sentence cache {} hits, {} misses; sentences tagged before NER {}, on"
                                    + " demand {}, never {}; recognised without the numeric classifiers {}",
                            task == null ? "-" : task.partitionId(), articles, tokens, String.format("%.1f", seconds),
                            Math.round(tokens / Math.max(seconds, 1e-9)), cache[0], cache[1], tagged[0], tagged[1],
                            tagged[2], tagged[3]);
                    articles = 0;
                }
                return more;
            }

            @Override
            public Row next() {
                Row r = rows.next();
                if (in == null) {
                    in = RowShape.of(r.schema()); // the partition's rows share one schema: resolve the names once
                }
                Article article = IngestRows.article(in, r);
                AnnotatedArticle annotated;
                try {
                    FaultPoints.annotating(article.articleId());
                    annotated = annotator.annotate(article);
                } catch (RuntimeException | StackOverflowError e) {
                    // A failure on one article (a bug the text triggers, CoreNLP's recursion on a pathological
                    // sentence) costs that article only: it goes to quarantine with the error, and the run goes on.
                    LOG.error("Article {} ({}) could not be annotated; it goes to quarantine as annotation_failed",
                            article.articleId(), article.recordRef(), e);
                    return StagingRows.failed(article, runId, e.toString());
                }
                articles++;
                tokens += annotated.tokenCount();
                return StagingRows.of(annotated, runId, keepText);
            }
        };
    }
}
