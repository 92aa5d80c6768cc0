package org.frontline.nlp;

import java.util.List;

import org.frontline.extract.ActorMention;
import org.frontline.extract.RegionMention;
import org.frontline.extract.TerritorialFigure;
import org.frontline.ingest.Article;

/**
 * An article with what annotation found in its title and text; {@code cascadeSentences} went through the
 * cascade (the dependency parser) because they hold a figure, {@code sutimeSentences} of them through SUTime too.
 */
public record AnnotatedArticle(Article article, int tokenCount, int sentenceCount,
                               List<RegionMention> regions, List<ActorMention> actors,
                               List<TerritorialFigure> figures, int cascadeSentences, int sutimeSentences) {
}
