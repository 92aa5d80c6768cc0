package org.frontline.extract.figures;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.util.CoreMap;
import org.frontline.extract.ActorMention;
import org.frontline.extract.AnnotatedField;
import org.frontline.extract.Field;
import org.frontline.extract.RegionMention;
import org.frontline.extract.Tags;
import org.frontline.extract.actors.ActorDirectory;

/**
 * What an article says beyond one sentence, for the sides and places a figure's sentence leaves implied
 * (FIGURES.md): its date, the side its outlet writes from, the war it is about, the side and place of its headline,
 * and the country it mostly speaks of. Built once per article that holds a figure, from its mentions and tokens
 * (no parse: the parser runs on figure sentences only).
 *
 * @param date        the article's published date
 * @param perspective the side the outlet writes from (conf/figures/outlets.tsv), or null
 * @param conflict    the war between two states the article is about (conf/figures/conflicts.tsv), or null
 * @param titleSide   the first side the headline names (a force or institution of a state, the state, a side
 *                    word), as a country code, or null
 * @param titlePlace  the first place of the headline that is no acting state, or null
 * @param mainCountry the country whose places the article names most, or null
 * @param fields      the article's annotated fields
 * @param regions     the article's resolved place mentions
 * @param actors      the article's actor mentions
 */
record ArticleContext(LocalDate date, String perspective, AttributionLexicon.Conflict conflict, String titleSide,
                             RegionMention titlePlace, String mainCountry, List<AnnotatedField> fields,
                             List<RegionMention> regions, List<ActorMention> actors) {

    /** The context of one article. */
    static ArticleContext of(LocalDate date, String sourceOrUrl, List<AnnotatedField> fields, List<RegionMention> regions,
                             List<ActorMention> actors, AttributionLexicon lexicon, ActorDirectory directory) {
        String perspective = lexicon.perspective(sourceOrUrl).orElse(null);
        Map<String, Integer> countries = new HashMap<>();
        for (RegionMention r : regions) {
            if (r.regionId() != null && r.countryCode() != null && !insideActor(r, actors) && !party(r, fields)) {
                countries.merge(r.countryCode(), 1, Integer::sum);
            }
        }
        Map<String, Integer> sides = new HashMap<>(countries);
        for (ActorMention a : actors) {
            if (a.countryCode() != null && isSide(a)) {
                sides.merge(a.countryCode(), 1, Integer::sum);
            }
        }
        AttributionLexicon.Conflict conflict = null;
        int best = 0;
        for (AttributionLexicon.Conflict c : lexicon.conflictsOn(date)) {
            int a = sides.getOrDefault(c.sideA(), 0);
            int b = sides.getOrDefault(c.sideB(), 0);
            // The war of the article: the one whose sides it names most (a figure's verb, "occupied", "liberated",
            // "shelled", says that it is about war at all).
            if (a + b > best) {
                conflict = c;
                best = a + b;
            }
        }
        String mainCountry = countries.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).orElse(null);
        return new ArticleContext(date, perspective, conflict, titleSide(fields, regions, actors, directory, lexicon),
                titlePlace(regions, actors, conflict), mainCountry, fields, regions, actors);
    }

    /** The other side of {@code countryCode} in the article's war, or empty. */
    Optional<String> opponent(String countryCode) {
        return conflict == null || countryCode == null ? Optional.empty() : Optional.ofNullable(conflict.opponentOf(countryCode));
    }

    /** Whether {@code countryCode} is a side of the article's war. */
    boolean isSide(String countryCode) {
        return opponent(countryCode).isPresent();
    }

    /** A force, or an institution of a state (a ministry, a general staff): what acts for a side. */
    static boolean isSide(ActorMention a) {
        return a.actorType().equals("force") || a.actorType().equals("organization");
    }

    /** A country named as a party, not a place: "the war with Russia", "attacks by Russia", "against Ukraine". */
    private static boolean party(RegionMention r, List<AnnotatedField> fields) {
        if (!"country".equals(r.regionType())) {
            return false;
        }
        for (AnnotatedField f : fields) {
            if (f.field() == r.field()) {
                String before = f.text().substring(Math.max(0, r.charBegin() - 9), r.charBegin()).toLowerCase(Locale.ROOT);
                return before.matches(".*\\b(by|with|against)\\s+$");
            }
        }
        return false;
    }

    private static boolean insideActor(RegionMention r, List<ActorMention> actors) {
        for (ActorMention a : actors) {
            if (a.field() == r.field() && a.sentenceIndex() == r.sentenceIndex() && a.charBegin() <= r.charBegin()
                    && r.charEnd() <= a.charEnd()) {
                return true;
            }
        }
        return false;
    }

    /** The headline's first side: an acting force or institution, a state named before a verb, a side word. */
    private static String titleSide(List<AnnotatedField> fields, List<RegionMention> regions, List<ActorMention> actors,
                                    ActorDirectory directory, AttributionLexicon lexicon) {
        AnnotatedField title = fields.stream().filter(f -> f.field() == Field.TITLE).findFirst().orElse(null);
        if (title == null) {
            return null;
        }
        int firstBegin = Integer.MAX_VALUE;
        String side = null;
        for (ActorMention a : actors) {
            if (a.field() == Field.TITLE && a.countryCode() != null && isSide(a) && a.charBegin() < firstBegin) {
                firstBegin = a.charBegin();
                side = a.countryCode();
            }
        }
        for (RegionMention r : regions) {
            if (r.field() == Field.TITLE && "country".equals(r.regionType()) && r.charBegin() < firstBegin
                    && followedByVerb(title, r, lexicon)) {
                firstBegin = r.charBegin();
                side = r.countryCode();
            }
        }
        for (CoreMap s : title.sentences()) {
            for (CoreLabel t : s.get(CoreAnnotations.TokensAnnotation.class)) {
                if (t.beginPosition() >= firstBegin) {
                    break;
                }
                String tag = java.util.Objects.requireNonNullElse(Tags.tag(t), "");
                // A demonym names a side when it is a noun ("Russians retake …") or modifies a force ("Russian troops").
                if (tag.startsWith("NN") || tag.startsWith("JJ")) {
                    Optional<String> cc = directory.countryOfSide(t.word());
                    if (cc.isPresent() && (tag.startsWith("NN") || forceNounAfter(s, t, lexicon))) {
                        return cc.get();
                    }
                }
            }
        }
        return side;
    }

    /** Whether the token after a demonym is a word for armed forces ("Russian troops"). */
    private static boolean forceNounAfter(CoreMap sentence, CoreLabel demonym, AttributionLexicon lexicon) {
        List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
        int i = tokens.indexOf(demonym);
        return i >= 0 && i + 1 < tokens.size() && lexicon.namesForces(Tags.lemma(tokens.get(i + 1)));
    }

    /** A state that acts in its headline is named before a verb: "Ukraine retakes …", "Russia says …". */
    private static boolean followedByVerb(AnnotatedField title, RegionMention r, AttributionLexicon lexicon) {
        for (CoreMap s : title.sentences()) {
            List<CoreLabel> tokens = s.get(CoreAnnotations.TokensAnnotation.class);
            for (int i = 0; i < tokens.size(); i++) {
                if (tokens.get(i).beginPosition() >= r.charEnd()) {
                    String tag = java.util.Objects.requireNonNullElse(Tags.tag(tokens.get(i)), "");
                    String next = i + 1 < tokens.size() && tokens.get(i).word().equals("'s") ? Tags.lemma(tokens.get(i + 1)) : null;
                    return tag.startsWith("VB") || tag.equals("MD") || lexicon.namesForces(next); // "Ukraine's army retakes"
                }
            }
        }
        return false;
    }

    /** The headline's first resolved place that is not a side of the article's war acting in it. */
    private static RegionMention titlePlace(List<RegionMention> regions, List<ActorMention> actors,
                                            AttributionLexicon.Conflict conflict) {
        for (RegionMention r : regions) {
            if (r.field() != Field.TITLE || r.regionId() == null || insideActor(r, actors)) {
                continue;
            }
            boolean side = "country".equals(r.regionType()) && conflict != null && conflict.opponentOf(r.countryCode()) != null;
            if (!side) {
                return r;
            }
        }
        return null;
    }
}
