package org.frontline.tables;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Named steps of a commit where a test can make the JVM die as {@code kill -9} would ({@code -Dfrontline.haltAt=STEP}:
 * the JVM halts, with no shutdown hook, no finally block, no flush), or make a write fail as on a full disk
 * ({@code -Dfrontline.failAt=STEP}). jobs/ pass {@code FRONTLINE_JAVA_OPTS} to the driver; unset, a step costs a
 * property lookup. The crash tests halt at steps, re-run, and compare every table with an uninterrupted run's.
 */
public final class FaultPoints {
    private static final Logger LOG = LoggerFactory.getLogger(FaultPoints.class);
    static final String PROPERTY = "frontline.haltAt";
    static final String FAIL_PROPERTY = "frontline.failAt";

    private FaultPoints() {
    }

    static final String FAIL_ARTICLE_PROPERTY = "frontline.failArticle";

    /**
     * Fails the annotation of the article {@code articleId} as a bug in an extractor would, when it is the one
     * asked for ({@code -Dfrontline.failArticle=ID}): to test that one article's failure costs only that article.
     */
    public static void annotating(String articleId) {
        if (articleId.equals(System.getProperty(FAIL_ARTICLE_PROPERTY))) {
            throw new IllegalStateException("failure injected for article " + articleId);
        }
    }

    /** Halts the JVM, or fails as a full disk does, when {@code step} is the one asked for. */
    public static void reach(String step) {
        if (step.equals(System.getProperty(PROPERTY))) {
            LOG.warn("Halting at {} ({}={})", step, PROPERTY, step);
            Runtime.getRuntime().halt(137);
        }
        if (step.equals(System.getProperty(FAIL_PROPERTY))) {
            throw new java.io.UncheckedIOException(new java.io.IOException("No space left on device (injected at " + step + ")"));
        }
    }
}
