package org.frontline.extract.figures;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations;
import edu.stanford.nlp.time.TimeAnnotations;
import edu.stanford.nlp.time.Timex;
import edu.stanford.nlp.util.CoreMap;
import org.frontline.extract.ActorMention;
import org.frontline.extract.AnnotatedField;
import org.frontline.extract.RegionMention;
import org.frontline.extract.TerritorialFigure;
import org.frontline.extract.actors.ActorDirectory;
import org.frontline.gazetteer.Gazetteer;

/**
 * Who, where, who says and when of territorial figures: the second stage of the cascade, stated or implied
 * (FIGURES.md). Only the sentences that hold a figure (a few in a hundred) go through the dependency parser, and
 * SUTime where a period can come of it; then {@link FigureSides} reads the side, {@link FigurePlaces} the place,
 * {@link FigureClaimants} who asserts it, over one {@link FigureSentence}, with the article's context
 * ({@link ArticleContext}) and the lexicons of conf/figures ({@link AttributionLexicon}); the period comes from
 * words the lexicon knows or from SUTime's time expressions, resolved against the article's date.
 * Thread-safe: the CoreNLP annotators are shared, each call works on its own sentence.
 */
public final class FigureAttribution {
    private static final Pattern DURATION = Pattern.compile("P(\\d+)([DWMY])");

    private final edu.stanford.nlp.pipeline.Annotator time;
    private final edu.stanford.nlp.pipeline.Annotator parser;
    private final Gazetteer gazetteer;
    private final ActorDirectory directory;
    private final AttributionLexicon lexicon;

    /**
     * The cascade's annotators (built once per JVM by their owner), the gazetteer (country names), the actor
     * directory (demonyms: "inside the Russian border" is in Russia) and the attribution lexicons (conf/figures).
     */
    public FigureAttribution(edu.stanford.nlp.pipeline.Annotator time, edu.stanford.nlp.pipeline.Annotator parser,
                             Gazetteer gazetteer, ActorDirectory directory, AttributionLexicon lexicon) {
        this.time = time;
        this.parser = parser;
        this.gazetteer = gazetteer;
        this.directory = directory;
        this.lexicon = lexicon;
    }

    /**
     * The context of one article for the figures of its sentences: built once per article that holds a figure.
     * {@code sourceOrUrl} tells the outlet (its side: conf/figures/outlets.tsv).
     */
    ArticleContext context(LocalDate date, String sourceOrUrl, List<AnnotatedField> fields,
                                  List<RegionMention> regions, List<ActorMention> actors) {
        return ArticleContext.of(date, sourceOrUrl, fields, regions, actors, lexicon, directory);
    }

    /**
     * The figures of one sentence with their actor, region, claimant and period filled in where the text states or
     * implies them (FIGURES.md). Runs SUTime and the parser on that sentence only; {@code article} holds the
     * article's date, resolved mentions and what it says beyond the sentence.
     */
    Attributed attribute(AnnotatedField field, int sentenceIndex, List<TerritorialFigure> figures,
                                ArticleContext article) {
        LocalDate articleDate = article.date();
        CoreMap sentence = field.sentences().get(sentenceIndex);
        List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
        Annotation one = new Annotation(field.text());
        one.set(CoreAnnotations.TokensAnnotation.class, tokens);
        one.set(CoreAnnotations.SentencesAnnotation.class, List.of(sentence));
        one.set(CoreAnnotations.DocDateAnnotation.class, articleDate.toString());
        String text = field.text().substring(tokens.get(0).beginPosition(), tokens.get(tokens.size() - 1).endPosition());
        // A period the sentence states in words the lexicon knows ("over the past day", "since the full-scale
        // invasion began") needs no SUTime, which is the costliest step of the cascade (BENCHMARKS.md).
        LocalDate[] worded = wordedPeriod(text.toLowerCase(Locale.ROOT), article);
        // SUTime only where a period can come of it: not for positions (a distance has no period, below), not for
        // a sentence without a word of time.
        boolean timed = worded == null && figures.stream().anyMatch(f -> !isPosition(f))
                && lexicon.timeWords().mayHoldAPeriod(tokens.stream().map(CoreLabel::word).toList());
        if (timed) {
            time.annotate(one);
        }
        parser.annotate(one);
        SemanticGraph graph = sentence.get(SemanticGraphCoreAnnotations.EnhancedPlusPlusDependenciesAnnotation.class);
        List<CoreMap> timexes = sentence.get(TimeAnnotations.TimexAnnotations.class);
        FigureSentence c = new FigureSentence(field, sentenceIndex, tokens, graph, article, text, gazetteer, directory,
                lexicon);
        FigureSides sides = new FigureSides(c);
        FigurePlaces places = new FigurePlaces(c);
        FigureClaimants claimants = new FigureClaimants(c);
        List<TerritorialFigure> out = new ArrayList<>(figures.size());
        for (TerritorialFigure f : figures) {
            IndexedWord head = c.head(f);
            String claimant = claimants.claimant(head);
            IndexedWord verb = head == null ? null : c.governingVerb(head);
            // A position given right after a place's name locates that place ("Vesele (8km southwest of
            // Avdiivka)", "Svitlodarsk, approximately 21 km southwest of Popasna"), whatever the parse makes of it.
            int located = isPosition(f) ? places.namedJustBefore(f) : -1;
            RegionMention region = located >= 0 ? places.locatedPlace(f, located)
                    : places.settlementsLieInRegions(f, places.region(f, head, verb));
            if (region == null && isPosition(f)) {
                region = places.reference(f); // a force or an event located: "Russian forces were 20 km from Pokrovsk"
            }
            if (region == null) {
                region = places.impliedRegion(f); // stated or implied (FIGURES.md): the sentence's or the article's
            }
            // A distance that locates a place ("the town of Sudzha, 530 km southwest of Moscow") has no actor.
            boolean locatesAPlace = located >= 0 || f.quantity() == TerritorialFigure.Quantity.DISTANCE && head != null
                    && places.locatesAPlace(head);
            FigureSides.Side side = locatesAPlace ? new FigureSides.Side(null, null) : sides.actor(f, head, region);
            if (region == null) {
                region = places.territory(f, side); // the land's country, by who took or regained it, else the article's
            }
            // A distance is a position, not an event: the date of the sentence is not the figure's period.
            LocalDate[] period = isPosition(f) ? null
                    : worded != null ? worded : period(c.attached(timexes, head), tokens, articleDate, f);
            out.add(new TerritorialFigure(f.field(), f.sentenceIndex(), f.charBegin(), f.charEnd(), f.surface(),
                    f.quantity(), f.valueMin(), f.valueMax(), f.qualifier(), f.kind(),
                    side.country() == null ? null : c.countryName(side.country()),
                    region == null ? null : region.regionId(), region == null ? null : region.regionName(), claimant,
                    period == null ? null : period[0], period == null ? null : period[1], f.sentence()));
        }
        return new Attributed(out, timed);
    }

    /**
     * A period stated in words of conf/figures/periods.tsv ("over the past day" → the day before … the article's
     * date), or counted from a war's anchor ("since the full-scale invasion began" → 2022-02-24 … the date); null
     * when the sentence has none.
     */
    private LocalDate[] wordedPeriod(String lowerSentence, ArticleContext article) {
        for (AttributionLexicon.RelativePeriod p : lexicon.periods()) {
            if (containsWords(lowerSentence, p.phrase())) {
                return p.resolve(article.date());
            }
        }
        int since = lowerSentence.indexOf("since ");
        while (since >= 0) {
            String after = lowerSentence.substring(since + 6).replaceFirst("^(?:the )?(?:start|beginning|outbreak|onset) of ", "")
                    .replaceFirst("^the ", "");
            for (AttributionLexicon.Conflict war : article.conflict() == null ? lexicon.conflictsOn(article.date())
                    : List.of(article.conflict())) {
                LocalDate best = null;
                int longest = 0;
                for (var anchor : war.anchors().entrySet()) {
                    String phrase = anchor.getKey().replaceFirst("^the ", "");
                    if (after.startsWith(phrase) && !after.startsWith(phrase + "s") && phrase.length() > longest
                            && !anchor.getValue().isAfter(article.date())) {
                        best = anchor.getValue();
                        longest = phrase.length();
                    }
                }
                if (best != null) {
                    return new LocalDate[] {best, article.date()};
                }
            }
            since = lowerSentence.indexOf("since ", since + 6);
        }
        return null;
    }

    /** Whether {@code phrase} occurs in {@code text} as whole words. */
    private static boolean containsWords(String text, String phrase) {
        for (int i = text.indexOf(phrase); i >= 0; i = text.indexOf(phrase, i + 1)) {
            boolean startOk = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
            int end = i + phrase.length();
            boolean endOk = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
            if (startOk && endOk) {
                return true;
            }
        }
        return false;
    }


    /** A sentence's figures with their attribution, and whether SUTime read the sentence (for the run's counts). */
    record Attributed(List<TerritorialFigure> figures, boolean timed) {
    }

    /** A distance that is a position (kind distance): it has no period. */
    static boolean isPosition(TerritorialFigure f) {
        return f.quantity() == TerritorialFigure.Quantity.DISTANCE && f.kind() == TerritorialFigure.Kind.DISTANCE;
    }





    /**
     * The period of a figure from the sentence's time expressions (SUTime, resolved against the article's date),
     * the one nearest the figure: "since June 14" → June 14 … the article's date; "in the past week" → a week
     * back … the date; "yesterday" → that day; "this year" → 1 January … the date.
     */
    static LocalDate[] period(List<CoreMap> timexes, List<CoreLabel> tokens, LocalDate date, TerritorialFigure f) {
        if (timexes == null || timexes.isEmpty()) {
            return null;
        }
        CoreMap nearest = null;
        int best = Integer.MAX_VALUE;
        for (CoreMap t : timexes) {
            int begin = t.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class);
            int end = t.get(CoreAnnotations.CharacterOffsetEndAnnotation.class);
            int distance = end <= f.charBegin() ? f.charBegin() - end : Math.max(0, begin - f.charEnd());
            if (distance < best) {
                best = distance;
                nearest = t;
            }
        }
        Timex timex = nearest.get(TimeAnnotations.TimexAnnotation.class);
        String text = nearest.get(CoreAnnotations.TextAnnotation.class).toLowerCase(Locale.ROOT);
        // The word before the expression ("since June 14"), found by offsets: SUTime's token indices count from
        // the start of the whole field, not of the sentence.
        int timexBegin = nearest.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class);
        String before = "";
        for (CoreLabel t : tokens) {
            if (t.endPosition() <= timexBegin) {
                before = t.word().toLowerCase(Locale.ROOT);
            }
        }
        if (timex == null || timex.value() == null) {
            return null;
        }
        String value = timex.value();
        boolean back = text.contains("past") || text.contains("last") || before.equals("past") || before.equals("last")
                || before.equals("over") || before.equals("within");
        try {
            if (timex.timexType().equals("DURATION")) {
                Matcher m = DURATION.matcher(value);
                if (!m.matches()) {
                    return null;
                }
                int n = Integer.parseInt(m.group(1));
                LocalDate start = switch (m.group(2)) {
                    case "D" -> date.minusDays(n);
                    case "W" -> date.minusWeeks(n);
                    case "M" -> date.minusMonths(n);
                    default -> date.minusYears(n);
                };
                return new LocalDate[] {start, date};
            }
            if (!timex.timexType().equals("DATE")) {
                return null;
            }
            if (value.matches("\\d{4}-W\\d{2}") && back) {
                return new LocalDate[] {date.minusWeeks(1), date}; // "in the past week"
            }
            boolean sinceOrSoFar = before.equals("since") || text.startsWith("this") || before.equals("far");
            if (value.matches("\\d{4}")) {
                // "this year", "since 2021": up to the article's date; a bare other year is no period of the figure
                LocalDate start = LocalDate.of(Integer.parseInt(value), 1, 1);
                return start.isAfter(date) || !sinceOrSoFar ? null : new LocalDate[] {start, date};
            }
            if (value.matches("\\d{4}-\\d{2}")) {
                LocalDate start = LocalDate.parse(value + "-01");
                return start.isAfter(date) || !sinceOrSoFar ? null : new LocalDate[] {start, date};
            }
            if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                LocalDate day = LocalDate.parse(value);
                if (day.isAfter(date)) {
                    day = day.minusYears(1); // "since June 14" in January: the June before
                }
                if (before.equals("since") || before.equals("from")) {
                    return new LocalDate[] {day, date};
                }
                return new LocalDate[] {day, day};
            }
        } catch (DateTimeParseException | NumberFormatException e) {
            return null; // a value SUTime could not pin down ("XXXX-06-14" without a year): no period
        }
        return null;
    }
}
