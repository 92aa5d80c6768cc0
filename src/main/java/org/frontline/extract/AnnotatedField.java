package org.frontline.extract;

import java.util.List;

import edu.stanford.nlp.util.CoreMap;

/** One annotated field of an article: which one, its cleaned text, and CoreNLP's sentences of it. */
public record AnnotatedField(Field field, String text, List<CoreMap> sentences) {
}
