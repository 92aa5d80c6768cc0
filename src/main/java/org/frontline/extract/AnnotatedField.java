package org.frontline.extract;

import java.util.List;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.util.CoreMap;

/** One annotated field of an article: which one, its cleaned text, and CoreNLP's sentences of it. */
public record AnnotatedField(Field field, String text, List<CoreMap> sentences) {

    /**
     * Whether this is a title that capitalises its words ("Russian Forces Capture Village Near Pokrovsk"): most of
     * its words of four letters or more start with a capital. Then capitals, and the NNP tags and entities the
     * tagger derives from them, say little about names.
     */
    public boolean isTitleCased() {
        if (field != Field.TITLE) {
            return false;
        }
        int words = 0;
        int capitalised = 0;
        for (CoreMap sentence : sentences) {
            for (CoreLabel t : sentence.get(CoreAnnotations.TokensAnnotation.class)) {
                String w = t.word();
                if (w.length() >= 4 && w.chars().allMatch(Character::isLetter)) {
                    words++;
                    if (Character.isUpperCase(w.charAt(0))) {
                        capitalised++;
                    }
                }
            }
        }
        return words >= 3 && capitalised >= 0.7 * words;
    }
}
