package org.frontline.extract;

import java.util.List;

import org.frontline.ingest.Article;

/** An article and its annotated fields (title and text, those that are not empty): what every extractor reads. */
public record AnnotatedDocument(Article article, List<AnnotatedField> fields) {

    /** The annotated field {@code field}, or null when the article's is empty. */
    public AnnotatedField field(Field field) {
        for (AnnotatedField f : fields) {
            if (f.field() == field) {
                return f;
            }
        }
        return null;
    }
}
