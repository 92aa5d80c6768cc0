package org.frontline.extract;

/**
 * One step of extraction: reads an annotated article and adds what it finds to the article's findings, where the
 * steps after it read it (actors read the places found; figure attribution reads both). The steps run in the order
 * {@code org.frontline.nlp.ArticleAnnotator} lists them. A step is built once per JVM and shared by the task
 * threads: it keeps nothing of one article in its fields.
 */
public interface Extractor {

    /** Adds what this step finds in {@code document} to {@code findings}. */
    void extract(AnnotatedDocument document, Findings findings);
}
