package org.frontline.extract.regions;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import org.frontline.extract.AnnotatedDocument;
import org.frontline.extract.AnnotatedField;
import org.frontline.extract.EntityMentions;
import org.frontline.extract.Extractor;
import org.frontline.extract.Field;
import org.frontline.extract.Findings;
import org.frontline.extract.RegionMention;
import org.frontline.gazetteer.Gazetteer;

/**
 * An article's place mentions, resolved to the gazetteer's regions: {@link PlaceFinder} finds them in each
 * sentence, {@link RegionResolver} resolves them with the whole article as context.
 */
public final class RegionExtractor implements Extractor {
    private final PlaceFinder finder;
    private final RegionResolver resolver;

    /**
     * {@code isActorName} tells the names of known actors: never places, whatever CoreNLP tags them; {@code guards}
     * are the words around a name that decide whether it is a place (conf/gazetteer/guards.tsv).
     */
    public RegionExtractor(Gazetteer gazetteer, java.util.function.Predicate<String> isActorName, PlaceGuards guards) {
        this.finder = new PlaceFinder(gazetteer, isActorName, guards);
        this.resolver = new RegionResolver(gazetteer);
    }

    @Override
    public void extract(AnnotatedDocument document, Findings findings) {
        findings.addRegions(find(document.fields()));
    }

    /** The regions named in the article's annotated fields. */
    List<RegionMention> find(List<AnnotatedField> fields) {
        List<PlaceSpan> spans = new ArrayList<>();
        Set<String> personWords = new HashSet<>();
        for (AnnotatedField f : fields) {
            boolean titleCased = f.isTitleCased();
            for (int i = 0; i < f.sentences().size(); i++) {
                spans.addAll(finder.find(f.sentences().get(i), f.field(), i, f.text(), titleCased));
                for (EntityMentions.Mention m : EntityMentions.of(f.sentences().get(i), "PERSON")) {
                    if (m.tokens().size() > 1) {
                        for (CoreLabel t : m.tokens()) {
                            personWords.add(Gazetteer.key(t.word()));
                            for (String part : t.word().split("[-\u2013]")) {
                                personWords.add(Gazetteer.key(part)); // "Vladimir Kara-Murza" … "Kara-Murza": no Kara
                            }
                        }
                    }
                }
            }
        }
        // A word of a person's full name elsewhere in the article ("Nikki Haley" … "Haley"; "Ketanji Brown
        // Jackson" … "Jackson") is that person, unless CoreNLP tagged it LOCATION and the gazetteer knows
        // the place, or the text says "region".
        spans.removeIf(s -> !s.firstLevel() && !s.name().contains(" ") && personWords.contains(Gazetteer.key(s.name()))
                && (!s.fromNer() || resolver.lacks(s.name())));
        Set<String> placeKeys = new HashSet<>();
        spans.stream().filter(s -> !resolver.lacks(s.name())).forEach(s -> placeKeys.add(Gazetteer.key(s.name())));
        placeKeys.removeAll(personWords);
        List<PlaceSpan> found = List.copyOf(spans);
        for (AnnotatedField f : fields) {
            for (int i = 0; i < f.sentences().size(); i++) {
                for (PlaceSpan s : finder.personTaggedPlaces(f.sentences().get(i), f.field(), i, f.text(), placeKeys)) {
                    // Only where the finder took the word for no place: never the same mention twice.
                    if (found.stream().noneMatch(o -> o.field() == s.field() && o.charBegin() < s.charEnd()
                            && s.charBegin() < o.charEnd())) {
                        spans.add(s);
                    }
                }
            }
        }
        spans.sort(java.util.Comparator.comparing((PlaceSpan s) -> s.field()).thenComparingInt(PlaceSpan::charBegin));
        return resolver.resolve(spans);
    }
}
