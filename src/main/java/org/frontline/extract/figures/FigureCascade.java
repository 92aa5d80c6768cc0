package org.frontline.extract.figures;

import java.util.List;
import java.util.function.Supplier;

import org.frontline.extract.AnnotatedDocument;
import org.frontline.extract.AnnotatedField;
import org.frontline.extract.Extractor;
import org.frontline.extract.Findings;
import org.frontline.extract.TerritorialFigure;
import org.frontline.ingest.Article;

/**
 * An article's territorial figures: the rules of {@link FigureExtractor} find them in every sentence; the cascade
 * ({@link FigureAttribution}: the dependency parser, SUTime where a period can come of it) then reads their side,
 * place, claimant and period, on the sentences that hold one only, with the places and actors found before.
 */
public final class FigureCascade implements Extractor {
    private final FigureExtractor rules;
    private final Supplier<FigureAttribution> attribution;

    /**
     * {@code attribution} is asked for the attribution on the first sentence that holds a figure: SUTime and the
     * parser cost seconds to load, which a JVM that never meets a figure does not pay.
     */
    public FigureCascade(FigureExtractor rules, Supplier<FigureAttribution> attribution) {
        this.rules = rules;
        this.attribution = attribution;
    }

    @Override
    public void extract(AnnotatedDocument document, Findings findings) {
        Article article = document.article();
        ArticleContext context = null;
        for (AnnotatedField f : document.fields()) {
            for (int i = 0; i < f.sentences().size(); i++) {
                List<TerritorialFigure> found = rules.extract(f.sentences().get(i), f.field(), i, f.text());
                if (!found.isEmpty()) {
                    if (context == null) {
                        context = attribution.get().context(article.publishedDate(),
                                article.source() != null ? article.source() : article.url(), document.fields(),
                                findings.regions(), findings.actors());
                    }
                    // The cascade: only sentences holding a figure get SUTime and the dependency parser.
                    FigureAttribution.Attributed attributed = attribution.get().attribute(f, i, found, context);
                    found = attributed.figures();
                    findings.countCascadeSentence(attributed.timed());
                }
                findings.addFigures(found);
            }
        }
    }
}
